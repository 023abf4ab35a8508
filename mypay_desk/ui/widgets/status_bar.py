"""The permanent part of the status bar: current Ente, portal state, pending changes, running work.

The figures are collected on the database lane (never on the GUI thread) when the Ente or the pending
changes change, and every REFRESH_MS. The portal state is what the portal service last saw: this widget
never contacts the portal itself.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QWidget

from mypay_desk.ui.context import AppContext

log = logging.getLogger(__name__)

REFRESH_MS = 30_000
PORTAL_MODULE = "mypay_desk.services.portal"


@dataclass
class StatusInfo:
    ente_name: str | None = None
    ente_ipa: str | None = None
    is_demo: bool = False
    portal: str = "none"  # online | offline | unknown | none (not configured / not available)
    pending: int | None = None


def _portal_service(ws):
    try:
        return ws.portal
    except ModuleNotFoundError as exc:  # the portal module is not part of this build (yet)
        if exc.name != PORTAL_MODULE:
            raise
        return None


def collect_status(ws) -> StatusInfo:
    """Runs on a worker thread: only services, no widgets."""
    ente = ws.ente.current()
    if ente is None:
        return StatusInfo()
    info = StatusInfo(ente.name, ente.ipa_code, bool(ente.is_demo))
    portal = _portal_service(ws)
    if portal is None:
        return info
    last_known = getattr(portal, "last_known_online", None)
    if ente.portal_url and callable(last_known):
        online = last_known()
        if isinstance(online, str):
            online = {"online": True, "offline": False}.get(online.lower())
        info.portal = "online" if online is True else "offline" if online is False else "unknown"
    pending = getattr(portal, "pending_count", None)
    if callable(pending):
        value = pending()
        info.pending = int(value) if value is not None else None
    return info


class ElidedLabel(QLabel):
    """A label that gives up width first and shows "…" (the Ente's name must not widen the window)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        super().setText(text)
        self.setToolTip(text)
        self.updateGeometry()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(80, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(self.fontMetrics().horizontalAdvance(self.text()) + 8, super().sizeHint().height())

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, self.width())
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), text)


class StatusBarWidget(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("statusWidget")
        self.ctx = ctx
        self.info = StatusInfo()
        self._in_flight = False
        self._again = False
        self._warned = False

        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 4, 0)
        lay.setSpacing(10)
        self.task_label = QLabel()
        self.task_label.setObjectName("statusTask")
        self.task_label.hide()
        self.ente_label = ElidedLabel()
        self.ente_label.setObjectName("statusEnte")
        self.portal_dot = QLabel("●")
        self.portal_dot.setObjectName("portalDot")
        self.portal_label = QLabel()
        self.portal_label.setObjectName("statusPortal")
        self.pending_label = QLabel()
        self.pending_label.setObjectName("statusPending")
        self._task_sep = self._sep()
        self._task_sep.hide()
        for w in (self.task_label, self._task_sep, self.ente_label, self._sep(), self.portal_dot,
                  self.portal_label, self._sep(), self.pending_label):
            lay.addWidget(w)

        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        ctx.ente_changed.connect(self.refresh)
        ctx.pending_changed.connect(self.refresh)
        ctx.tasks.task_started.connect(self._tasks_changed)
        ctx.tasks.task_finished.connect(self._tasks_changed)
        self._show(self.info)

    def _sep(self) -> QFrame:
        line = QFrame()
        line.setFrameShape(QFrame.Shape.VLine)
        line.setObjectName("statusSeparator")
        return line

    def refresh(self) -> None:
        if self._in_flight:  # one collection at a time; ask again once it is back
            self._again = True
            return
        self._in_flight = True
        ws = self.ctx.ws
        self.ctx.tasks.run(lambda _p, _c: collect_status(ws), lane="db", show_progress=False,
                           on_success=self._collected, on_error=self._failed)

    def _collected(self, info: StatusInfo) -> None:
        self._in_flight = False
        self._show(info)
        self._again_if_needed()

    def _failed(self, failure) -> None:
        self._in_flight = False
        if not self._warned:  # a broken service would otherwise fill the log every 30 s
            log.warning("stato non aggiornato: %s", failure.details)
            self._warned = True
        self._show(StatusInfo(self.info.ente_name, self.info.ente_ipa, self.info.is_demo, "unknown", None))
        self._again_if_needed()

    def _again_if_needed(self) -> None:
        if self._again:
            self._again = False
            self.refresh()

    def _show(self, info: StatusInfo) -> None:
        self.info = info
        if info.ente_name:
            text = self.tr("Ente: {0} ({1})").format(info.ente_name, info.ente_ipa)
            if info.is_demo:
                text += " " + self.tr("· dimostrativo")
        else:
            text = self.tr("Nessun Ente configurato")
        self.ente_label.setText(text)
        labels = {
            "online": self.tr("Portale: in linea"),
            "offline": self.tr("Portale: non raggiungibile"),
            "unknown": self.tr("Portale: stato sconosciuto"),
            "none": self.tr("Portale: non configurato"),
        }
        self.portal_label.setText(labels[info.portal])
        self.portal_dot.setProperty("state", info.portal)
        self.portal_dot.style().unpolish(self.portal_dot)
        self.portal_dot.style().polish(self.portal_dot)
        if info.pending is None:
            self.pending_label.setText(self.tr("Modifiche in attesa: —"))
        else:
            self.pending_label.setText(self.tr("Modifiche in attesa: %Ln", "", info.pending))
        self.pending_label.setToolTip(self.tr("Dovuti da inviare al portale, in tutte le liste dell'Ente"))
        self.pending_label.setProperty("pending", bool(info.pending))
        self.pending_label.style().unpolish(self.pending_label)
        self.pending_label.style().polish(self.pending_label)

    def _tasks_changed(self, _handle=None) -> None:
        titled = [h for h in self.ctx.tasks.running() if h.title]
        if titled:
            extra = len(titled) - 1
            text = self.tr("In corso: {0}").format(titled[-1].title)
            if extra:
                text += self.tr(" (+{0})").format(extra)
            self.task_label.setText(text)
        self.task_label.setVisible(bool(titled))
        self._task_sep.setVisible(bool(titled))
