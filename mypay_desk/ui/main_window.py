"""Main window: the welcome screen on first start, then a side navigation over the pages.

Each area's page class is imported from ``ui/pages/<area>_page.py`` when the window is built; an area
whose module does not exist yet gets a placeholder that says what will be there (any other import
error is a bug and propagates). Pages are created the first time they are shown, their splitters and
table headers are restored then and saved on close. Areas the Ente's adhesion mode does not allow are
hidden (see ui/modes.py).
"""

from __future__ import annotations

import importlib
import logging
import sys
from dataclasses import dataclass

from PySide6.QtCore import QRect, QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDesktopServices, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mypay_desk import APP_NAME, __version__
from mypay_desk.domain.ente import EnteData
from mypay_desk.ui import modes
from mypay_desk.ui.context import AppContext
from mypay_desk.ui.errors import log_file, show_error
from mypay_desk.ui.menus import MenuBuilder
from mypay_desk.ui.pages.placeholder import PlaceholderPage
from mypay_desk.ui.remote_changes import RemoteChanges
from mypay_desk.ui.theme import icon
from mypay_desk.ui.welcome import WelcomeScreen
from mypay_desk.ui.widgets.page_holder import PageHolder
from mypay_desk.ui.widgets.state import restore_tree, restore_window, save_tree, save_window
from mypay_desk.ui.widgets.status_bar import StatusBarWidget

log = logging.getLogger(__name__)

DEMO_MODULE = "mypay_desk.services.demo"
LAST_AREA_KEY = "ui/lastArea"
DEFAULT_SIZE = QSize(1280, 800)  # first start, when the screen has room; else the screen's available area
SCREEN_MARGIN = 8


@dataclass(frozen=True)
class AreaSpec:
    key: str
    module: str
    class_name: str
    icon: str


AREAS = (
    AreaSpec("lists", "mypay_desk.ui.pages.lists_page", "ListsPage", "nav-lists"),
    AreaSpec("portal", "mypay_desk.ui.pages.portal_page", "PortalPage", "nav-portal"),
    AreaSpec("payments", "mypay_desk.ui.pages.payments_page", "PaymentsPage", "nav-payments"),
    AreaSpec("reconciliation", "mypay_desk.ui.pages.reconciliation_page", "ReconciliationPage",
             "nav-reconciliation"),
    AreaSpec("settings", "mypay_desk.ui.pages.settings_page", "SettingsPage", "nav-settings"),
    AreaSpec("audit", "mypay_desk.ui.pages.audit_page", "AuditPage", "nav-audit"),
)


def load_page_class(module_name: str, class_name: str) -> type | None:
    """The page class, or None when its module is not in this build. Other import errors propagate."""
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise
        return None
    return getattr(module, class_name)


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext):
        super().__init__()
        self.ctx = ctx
        self.setObjectName("mainWindow")
        self.ente: EnteData | None = None
        self.sandbox_started = False
        self._page_classes: dict[str, type | None] = {a.key: load_page_class(a.module, a.class_name) for a in AREAS}
        self._pages: dict[str, QWidget] = {}
        self._holders: dict[str, PageHolder] = {}
        self._titles = self._area_texts()

        # --- first start -----------------------------------------------------------------------------
        self.welcome = WelcomeScreen(ctx)
        self.welcome.configure_requested.connect(self.configure_ente)
        self.welcome.demo_requested.connect(self.open_demo)

        # --- shell: side bar + pages ------------------------------------------------------------------
        self.sidebar = QFrame()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(230)
        brand = QLabel(APP_NAME)
        brand.setObjectName("sidebarTitle")
        self.sidebar_ente = QLabel()
        self.sidebar_ente.setObjectName("sidebarEnte")
        self.sidebar_ente.setWordWrap(True)
        self.demo_badge = QLabel(self.tr("Ente dimostrativo"))
        self.demo_badge.setObjectName("demoBadge")
        self.demo_badge.hide()
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        for area in AREAS:
            item = QListWidgetItem(icon(area.icon), self._titles[area.key][0])
            item.setData(Qt.ItemDataRole.UserRole, area.key)
            self.nav.addItem(item)
        self.nav.currentItemChanged.connect(self._nav_changed)
        side = QVBoxLayout(self.sidebar)
        side.setContentsMargins(12, 18, 12, 12)
        side.setSpacing(4)
        side.addWidget(brand)
        side.addWidget(self.sidebar_ente)
        side.addWidget(self.demo_badge, 0, Qt.AlignmentFlag.AlignLeft)
        side.addSpacing(14)
        side.addWidget(self.nav, 1)
        version = QLabel(self.tr("versione {0}").format(__version__))
        version.setProperty("role", "hint")
        side.addWidget(version)

        self.pages = QStackedWidget()
        self.pages.setObjectName("pages")
        self.shell = QWidget()
        shell_lay = QHBoxLayout(self.shell)
        shell_lay.setContentsMargins(0, 0, 0, 0)
        shell_lay.setSpacing(0)
        shell_lay.addWidget(self.sidebar)
        shell_lay.addWidget(self.pages, 1)

        self.root = QStackedWidget()
        self.root.addWidget(self.welcome)
        self.root.addWidget(self.shell)
        self.setCentralWidget(self.root)

        self._build_menus()
        self.status_widget = StatusBarWidget(ctx)
        self.statusBar().addPermanentWidget(self.status_widget)
        self.statusBar().setSizeGripEnabled(True)
        ctx.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        ctx.ente_changed.connect(self._ente_changed)
        self.remote_changes = RemoteChanges(ctx, self)  # what other desks change refreshes the pages
        self.remote_changes.start()

        if not restore_window(ctx.settings, self):
            self.resize(self.default_size())
        self.fit_to_screen()
        self._apply_ente(initial=True)
        self.status_widget.refresh()

    # --- size: never larger than the screen -------------------------------------------------------------
    def available(self) -> QRect:
        screen = self.screen() or QGuiApplication.primaryScreen()
        return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)

    def default_size(self) -> QSize:
        avail = self.available()
        return QSize(min(DEFAULT_SIZE.width(), avail.width() - 2 * SCREEN_MARGIN),
                     min(DEFAULT_SIZE.height(), avail.height() - 2 * SCREEN_MARGIN))

    def fit_to_screen(self) -> None:
        """Shrink (and move) the window into the screen's available area: a restored size from a bigger
        monitor, or a page that asked for more, must not push actions and the status bar off screen."""
        if self.isMaximized() or self.isFullScreen():
            return
        avail = self.available()
        frame = self.frameGeometry()
        extra_w, extra_h = frame.width() - self.width(), frame.height() - self.height()  # the title bar
        width = min(self.width(), avail.width() - extra_w)
        height = min(self.height(), avail.height() - extra_h)
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)
        frame = self.frameGeometry()
        x = min(max(frame.x(), avail.left()), avail.right() - frame.width() + 1)
        y = min(max(frame.y(), avail.top()), avail.bottom() - frame.height() + 1)
        if (x, y) != (frame.x(), frame.y()):
            self.move(x, y)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.fit_to_screen()
        QTimer.singleShot(0, self.fit_to_screen)  # once the window system has placed it (X11 is asynchronous)

    # --- texts -----------------------------------------------------------------------------------------
    def _area_texts(self) -> dict[str, tuple[str, str]]:
        return {
            "lists": (self.tr("Liste di dovuti"), self.tr(
                "Qui prepari le liste di dovuti dell'Ente: importi da Excel, CSV o flussi MyPay, correggi "
                "le righe segnalate come errate, assegni IUV e numeri avviso e stampi gli avvisi di "
                "pagamento. L'app calcola da sola quali dovuti inviare al portale come nuovi, modificati "
                "o annullati.")),
            "portal": (self.tr("Portale"), self.tr(
                "Qui vedi i flussi inviati al portale MyPay e il loro esito (righe accettate e scartate), "
                "invii le modifiche in attesa e consulti il registro di ogni scambio con il portale.")),
            "payments": (self.tr("Pagamenti"), self.tr(
                "Qui trovi le ricevute dei pagamenti scaricate dal portale o importate da file, con il "
                "dovuto a cui corrispondono, e gli importi incassati per tipo dovuto.")),
            "reconciliation": (self.tr("Riconciliazione"), self.tr(
                "Qui importi i flussi di rendicontazione (FdR) e il giornale di cassa della tesoreria e "
                "confronti ricevute, rendicontazioni e accrediti, con il riepilogo per esito.")),
            "audit": (self.tr("Registro attività"), self.tr(
                "Chi ha fatto cosa e quando: ogni azione delle postazioni dell'ufficio, con l'utente e la "
                "postazione, filtrabile per utente, data e lista.")),
            "settings": (self.tr("Impostazioni"), self.tr(
                "I dati dell'Ente, i tipi dovuto e le preferenze di questa postazione.")),
        }

    def area_title(self, key: str) -> str:
        return self._titles[key][0]

    # --- menus -----------------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.menus = MenuBuilder(self, self.current_page)
        self.menus.build_file(bar.addMenu(self.tr("&File")), self.close)
        self.menus.build_edit(bar.addMenu(self.tr("&Modifica")))

        self.go_menu = bar.addMenu(self.tr("&Vai"))
        self.area_actions: dict[str, QAction] = {}
        for i, area in enumerate(AREAS, start=1):
            action = QAction(self._titles[area.key][0], self)
            action.setObjectName(f"go_{area.key}")
            action.setShortcut(QKeySequence(f"Ctrl+{i}"))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _c=False, k=area.key: self.show_area(k))
            self.go_menu.addAction(action)
            self.area_actions[area.key] = action
            self.addAction(action)  # shortcuts work even while the menu bar is hidden

        self.ente_menu: QMenu = bar.addMenu(self.tr("E&nte"))
        self.ente_group = QActionGroup(self)
        self.ente_group.setExclusive(True)

        help_menu = bar.addMenu(self.tr("&Aiuto"))
        guide = QAction(self.tr("&Guida rapida"), self)
        guide.setObjectName("help_guide")
        guide.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        guide.triggered.connect(self.show_guide)
        help_menu.addAction(guide)
        self.addAction(guide)
        self.guide_action = guide
        help_menu.addSeparator()
        about = QAction(self.tr("&Informazioni"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)
        logs = QAction(self.tr("Apri la cartella dei &log"), self)
        logs.triggered.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.ctx.ws.logs_dir))))
        help_menu.addAction(logs)

    def _rebuild_ente_menu(self, enti: list[EnteData]) -> None:
        self.ente_menu.clear()
        for action in self.ente_group.actions():
            self.ente_group.removeAction(action)
        add = self.ente_menu.addAction(self.tr("Aggiungi un Ente…"))
        add.triggered.connect(self.configure_ente)
        demo = self.ente_menu.addAction(self.tr("Apri l'Ente dimostrativo"))
        demo.triggered.connect(self.open_demo)
        if len(enti) > 1:
            self.ente_menu.addSeparator()
            section = self.ente_menu.addAction(self.tr("Passa a:"))
            section.setEnabled(False)
            for e in enti:
                action = QAction(f"{e.name} ({e.ipa_code})", self)
                action.setCheckable(True)
                action.setChecked(self.ente is not None and e.id == self.ente.id)
                action.setData(e.ipa_code)
                action.triggered.connect(lambda _c=False, ipa=e.ipa_code: self.switch_ente(ipa))
                self.ente_group.addAction(action)
                self.ente_menu.addAction(action)

    # --- the Ente -------------------------------------------------------------------------------------------
    def _ente_changed(self) -> None:
        self._apply_ente(initial=False)

    def _apply_ente(self, initial: bool) -> None:
        enti = self.ctx.ws.ente.list()
        self.ente = self.ctx.ente
        self._rebuild_ente_menu(enti)
        if self.ente is None:
            self.root.setCurrentWidget(self.welcome)
            self.setWindowTitle("")  # Qt shows the application's display name
            for action in self.area_actions.values():
                action.setEnabled(False)
            return
        # Qt adds " — MyPay Desk" (the application's display name) by itself.
        self.setWindowTitle(self.ente.name)
        self.sidebar_ente.setText(f"{self.ente.name}\n{self.ente.ipa_code}")
        self.demo_badge.setVisible(bool(self.ente.is_demo))
        mode = self.ente.adhesion_mode
        for row in range(self.nav.count()):
            item = self.nav.item(row)
            key = item.data(Qt.ItemDataRole.UserRole)
            visible = modes.area_visible(key, mode)
            item.setHidden(not visible)
            self.area_actions[key].setEnabled(visible)
        came_from_welcome = self.root.currentWidget() is self.welcome
        self.root.setCurrentWidget(self.shell)
        current = self.current_area()
        if current is None or not modes.area_visible(current, mode):
            wanted = str(self.ctx.settings.value(LAST_AREA_KEY, "") or "") if initial or came_from_welcome else ""
            self.show_area(wanted if wanted in self.visible_areas() else self.visible_areas()[0])
        if self.ente.is_demo:
            self.start_sandbox()  # resumes unfinished flows once the sandbox is up
        elif initial:
            self.resume_unfinished_flows()

    def resume_unfinished_flows(self) -> None:
        """Flows left half-way by a closed app or a lost network are completed in the background."""
        ente = self.ente
        if ente is None or ente.adhesion_mode == "base" or not ente.portal_url:
            return
        try:
            sync = self.ctx.ws.sync
        except ModuleNotFoundError:
            return

        def _failed(failure):
            log.info("ripresa dei flussi non riuscita (si riproverà): %s", failure.exception)
            self.ctx.status_message.emit(self.tr("Portale non raggiungibile: i flussi in sospeso ripartiranno "
                                                 "alla prossima sincronizzazione."))

        def _done(reports):
            if reports:
                self.ctx.status_message.emit(self.tr("Flussi in sospeso ripresi: {0}").format(len(reports)))
                self.ctx.data_changed.emit("portal")
                self.ctx.data_changed.emit("lists")
                self.ctx.pending_changed.emit()

        self.ctx.tasks.run(lambda p, c: sync.resume_all(wait=False, progress=p, cancel=c), lane="pool",
                           show_progress=False, on_success=_done, on_error=_failed, owner=self)

    def switch_ente(self, ipa_code: str) -> None:
        if self.ente is not None and self.ente.ipa_code == ipa_code:
            return
        if not self._confirm_leave_unsaved():
            self._rebuild_ente_menu(self.ctx.ws.ente.list())
            return
        self.ctx.ws.ente.set_current(ipa_code)
        self.ctx.ente_changed.emit()
        self.ctx.pending_changed.emit()
        self.ctx.status_message.emit(self.tr("Ente corrente: {0}").format(self.ente.name if self.ente else ipa_code))

    def configure_ente(self) -> None:
        from mypay_desk.ui.wizard import EnteWizard

        wizard = EnteWizard(self.ctx, self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        wizard.accepted.connect(self._wizard_done)
        self.wizard = wizard
        wizard.open()

    def _wizard_done(self) -> None:
        # A new Ente has no tipi dovuto yet: that is the next thing to set up.
        if self.show_area("settings"):
            page = self._pages["settings"]
            if hasattr(page, "show_tab"):
                from mypay_desk.ui.pages.settings_page import TAB_TYPES

                page.show_tab(TAB_TYPES)

    # --- demo ----------------------------------------------------------------------------------------------------
    def _demo_service(self):
        try:
            return self.ctx.ws.demo
        except ModuleNotFoundError as exc:
            if exc.name != DEMO_MODULE:
                raise
            return None

    def open_demo(self) -> None:
        """Create (or reuse) the demo Ente, start its sandbox portal and make it the current Ente."""
        demo = self._demo_service()
        if demo is None:
            QMessageBox.information(self, self.tr("Ente dimostrativo"), self.tr(
                "L'Ente dimostrativo non è disponibile in questa versione dell'app. "
                "Configura il tuo Ente con «Configura il tuo Ente»."))
            return
        self.welcome.set_busy(True)

        def work(progress, cancel):
            ente = demo.ensure_demo(progress=progress, cancel=cancel)
            demo.start_sandbox()
            return ente

        self.ctx.tasks.run(work, title=self.tr("Preparazione dell'Ente dimostrativo"), lane="db",
                           on_success=self._demo_ready, on_error=self._demo_failed,
                           on_cancel=lambda: self.welcome.set_busy(False), parent_widget=self)

    def _demo_ready(self, ente) -> None:
        self.welcome.set_busy(False)
        self.sandbox_started = True
        ipa = getattr(ente, "ipa_code", None)
        if ipa:
            self.ctx.ws.ente.set_current(ipa)
        self.ctx.ente_changed.emit()
        self.ctx.pending_changed.emit()
        self.ctx.status_message.emit(self.tr("Ente dimostrativo pronto: il portale di prova è attivo."))

    def _demo_failed(self, failure) -> None:
        self.welcome.set_busy(False)
        show_error(self, self.tr("L'Ente dimostrativo non è pronto"), failure)

    def start_sandbox(self) -> None:
        """Start the demo Ente's local sandbox portal in the background (once)."""
        if self.sandbox_started:
            return
        demo = self._demo_service()
        if demo is None:
            self.ctx.status_message.emit(self.tr("Il portale di prova non è disponibile in questa versione."))
            return
        self.sandbox_started = True

        def _failed(failure):
            self.sandbox_started = False
            log.warning("portale di prova non avviato: %s", failure.details)
            self.ctx.status_message.emit(self.tr("Il portale di prova non si è avviato: {0}").format(
                failure.exception))

        def _started(_url=None):
            # The sandbox may have moved to another port: the Ente's portal address changed with it.
            self.ctx.ente_changed.emit()
            self.ctx.pending_changed.emit()
            activity_done = getattr(demo, "activity_done", None)
            if callable(activity_done) and not activity_done():
                self.open_demo()  # a first demo run was interrupted: complete the missing steps
            else:
                self.resume_unfinished_flows()

        # The database lane: starting the sandbox may update the Ente's portal address.
        self.ctx.tasks.run(lambda _p, _c: demo.start_sandbox(), lane="db", show_progress=False,
                           on_success=_started, on_error=_failed, owner=self)

    def stop_sandbox(self) -> None:
        if not self.sandbox_started:
            return
        demo = self._demo_service()
        stop = getattr(demo, "stop_sandbox", None)
        if callable(stop):
            try:
                stop()
            except Exception:  # noqa: BLE001 - closing anyway; the log keeps it
                log.exception("arresto del portale di prova")
        self.sandbox_started = False

    # --- navigation --------------------------------------------------------------------------------------------
    def visible_areas(self) -> list[str]:
        mode = self.ente.adhesion_mode if self.ente else None
        return [a.key for a in AREAS if modes.area_visible(a.key, mode)]

    def current_area(self) -> str | None:
        widget = self.pages.currentWidget()
        return next((k for k, h in self._holders.items() if h is widget), None)

    def current_page(self) -> QWidget | None:
        key = self.current_area()
        return self._pages.get(key) if key else None

    def page(self, key: str) -> QWidget | None:
        """The page of an area if it has been built."""
        return self._pages.get(key)

    def is_placeholder(self, key: str) -> bool:
        return self._page_classes[key] is None

    def ensure_page(self, key: str, strict: bool = False) -> QWidget:
        """The page of an area, built on first use. A page whose constructor fails is replaced by a
        page that says so (the error goes to the log and the error dialog), so one broken page does
        not lock the user out of the others; ``strict`` raises instead (smoke test)."""
        page = self._pages.get(key)
        if page is not None:
            return page
        cls = self._page_classes[key]
        title, description = self._titles[key]
        if cls is None:
            page = PlaceholderPage(title, description)
        else:
            try:
                page = cls(self.ctx)
            except Exception:
                if strict:
                    raise
                log.exception("la pagina %s non si è aperta", key)
                sys.excepthook(*sys.exc_info())
                page = PlaceholderPage(title, self.tr(
                    "Questa sezione non si è aperta per un errore imprevisto: i dettagli sono nel file di "
                    "log. Le altre sezioni funzionano normalmente."), note="")
        page.setProperty("area", key)
        self._pages[key] = page
        # A page smaller than its minimum (a small screen) scrolls instead of widening the window.
        holder = PageHolder(page)
        holder.setObjectName(f"pageHolder_{key}")
        self._holders[key] = holder
        self.pages.addWidget(holder)
        restore_tree(self.ctx.settings, page)
        return page

    def build_all_pages(self) -> None:
        """Create every visible page now (the smoke test uses it to prove they all build)."""
        for key in self.visible_areas():
            self.ensure_page(key, strict=True)

    def show_area(self, key: str) -> bool:
        if self.ente is None or key not in self.visible_areas():
            return False
        page = self.ensure_page(key)
        holder = self._holders[key]
        changed = self.pages.currentWidget() is not holder
        # Only the page on show sets the window's minimum size: a wide page elsewhere must not.
        for other in self._holders.values():
            policy = QSizePolicy.Policy.Preferred if other is holder else QSizePolicy.Policy.Ignored
            other.setSizePolicy(policy, policy)
        self.pages.setCurrentWidget(holder)
        self.menus.update_file_actions()
        self.fit_to_screen()
        self.nav.blockSignals(True)
        for row in range(self.nav.count()):
            if self.nav.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.nav.setCurrentRow(row)
        self.nav.blockSignals(False)
        self.ctx.settings.setValue(LAST_AREA_KEY, key)
        activated = getattr(page, "on_activated", None)
        if changed and callable(activated):
            activated()
        return True

    def _nav_changed(self, current: QListWidgetItem | None, _previous) -> None:
        if current is not None:
            self.show_area(current.data(Qt.ItemDataRole.UserRole))

    # --- help ---------------------------------------------------------------------------------------------------
    def show_guide(self) -> None:
        from mypay_desk.ui.help_guide import GuideDialog

        dlg = GuideDialog(self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.guide = dlg
        dlg.show()

    def show_about(self) -> None:
        path = log_file()
        text = self.tr(
            "<h3>MyPay Desk {0}</h3><p>Back-office per gli Enti che incassano con pagoPA tramite MyPay: "
            "liste di dovuti, avvisi, allineamento con il portale, ricevute e riconciliazione.</p>"
            "<p>Spazio di lavoro: {1}<br>File di log: {2}</p>").format(
            __version__, str(self.ctx.ws.path), str(path) if path else self.tr("non attivo"))
        QMessageBox.about(self, self.tr("Informazioni su MyPay Desk"), text)

    # --- closing -------------------------------------------------------------------------------------------------
    def _unsaved_pages(self) -> list[str]:
        names = []
        for key, page in self._pages.items():
            check = getattr(page, "has_unsaved_changes", None)
            if callable(check) and check():
                names.append(self._titles[key][0])
        return names

    def _confirm_leave_unsaved(self) -> bool:
        unsaved = self._unsaved_pages()
        if not unsaved:
            return True
        answer = QMessageBox.question(self, self.tr("Modifiche non salvate"), self.tr(
            "Ci sono modifiche non salvate in: {0}. Vuoi lasciarle?").format(", ".join(unsaved)),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Discard

    def save_state(self) -> None:
        save_window(self.ctx.settings, self)
        for page in self._pages.values():
            save_tree(self.ctx.settings, page)
        self.ctx.settings.sync()

    def _titled_tasks_running(self) -> bool:
        return any(h.title for h in self.ctx.tasks.running())

    def ask_stop_tasks(self) -> bool:
        """Quit while work runs? True: stop it and quit. If the work ends while the question is open, the
        question has no object any more and the quit goes on."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Operazioni in corso"), self.tr(
            "Alcune operazioni sono ancora in corso. Annullarle e uscire? Quanto già completato resta salvato."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("quitWhileBusy")
        box.setDefaultButton(QMessageBox.StandardButton.No)

        def finished(_handle) -> None:
            if not self._titled_tasks_running():
                box.done(QMessageBox.StandardButton.Yes)

        self.ctx.tasks.task_finished.connect(finished)
        try:
            return box.exec() == QMessageBox.StandardButton.Yes
        finally:
            self.ctx.tasks.task_finished.disconnect(finished)

    def commit_editing(self) -> bool:
        """Store what is being typed in any page (a cell editor); False when a value does not read."""
        for page in self._pages.values():
            commit = getattr(page, "commit_editing", None)
            if callable(commit) and not commit():
                return False
        return True

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if not self.commit_editing():  # a date or amount that does not read: the editor says why
            event.ignore()
            return
        if not self._confirm_leave_unsaved():
            event.ignore()
            return
        if self._titled_tasks_running():
            if not self.ask_stop_tasks():
                event.ignore()
                return
            self.ctx.tasks.cancel_all()
        self.save_state()
        self.status_widget.timer.stop()
        self.remote_changes.stop()
        self.stop_sandbox()
        event.accept()
