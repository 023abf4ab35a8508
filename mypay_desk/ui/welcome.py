"""First start: no Ente in the workspace yet. Configure one, or try the demo Ente on the sandbox portal."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from mypay_desk.ui.context import AppContext
from mypay_desk.ui.theme import app_icon


class ChoiceButton(QPushButton):
    """A large button with a title and a wrapped description under it."""

    def __init__(self, title: str, description: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("welcomeChoice")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(title)
        self.setAccessibleDescription(description)
        self.title_label = QLabel(title)
        self.title_label.setObjectName("choiceTitle")
        self.description_label = QLabel(description)
        self.description_label.setObjectName("choiceText")
        self.description_label.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(18, 12, 18, 12)
        lay.setSpacing(2)
        for label in (self.title_label, self.description_label):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
            lay.addWidget(label)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

    def text(self) -> str:  # what a screen reader or a test sees
        return f"{self.title_label.text()}\n{self.description_label.text()}"

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.layout().sizeHint().expandedTo(QSize(240, 64))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.layout().minimumSize()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return self.layout().totalHeightForWidth(width)


class WelcomeScreen(QWidget):
    configure_requested = Signal()
    demo_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("welcome")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)

        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(QSize(72, 72)))
        title = QLabel(self.tr("Benvenuto in MyPay Desk"))
        title.setObjectName("welcomeTitle")
        text = QLabel(self.tr(
            "Prepara le liste di dovuti, tienile allineate con il portale MyPay, stampa gli avvisi di "
            "pagamento, guarda cosa è stato pagato e riconcilia ricevute, rendicontazioni e tesoreria."))
        text.setObjectName("welcomeText")
        text.setWordWrap(True)

        self.configure_button = ChoiceButton(self.tr("Configura il tuo Ente"), self.tr(
            "Codice IPA, codice fiscale, codice di segregazione e modalità di adesione: bastano due minuti."))
        self.configure_button.setProperty("primary", True)
        self.configure_button.clicked.connect(self.configure_requested)

        self.demo_button = ChoiceButton(self.tr("Prova con un Ente dimostrativo"), self.tr(
            "Un Comune di esempio con i suoi dati e un portale di prova locale: nulla arriva al portale vero."))
        self.demo_button.clicked.connect(self.demo_requested)

        where = QLabel(self.tr("Spazio di lavoro: {0}").format(str(ctx.ws.path)))
        where.setProperty("role", "hint")
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setWordWrap(True)

        head = QHBoxLayout()
        head.setSpacing(16)
        head.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        titles = QVBoxLayout()
        titles.setSpacing(6)
        titles.addWidget(title)
        titles.addWidget(text)
        head.addLayout(titles, 1)

        card = QWidget()
        card.setObjectName("welcomeCard")
        card.setMaximumWidth(680)
        col = QVBoxLayout(card)
        col.setSpacing(14)
        col.addLayout(head)
        col.addSpacing(14)
        col.addWidget(self.configure_button)
        col.addWidget(self.demo_button)
        col.addSpacing(10)
        col.addWidget(where)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 40, 40, 40)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 4)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

    def set_busy(self, busy: bool) -> None:
        self.configure_button.setEnabled(not busy)
        self.demo_button.setEnabled(not busy)
