"""Collections over time: a bar chart drawn with QPainter (amount per day or per month)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from mypay_desk.domain.money import format_amount

BAR = QColor("#1f6fb2")
BAR_HOVER = QColor("#0b4f8a")
AXIS = QColor("#8a96a3")
GRID = QColor("#e3e8ee")


def _nice_step(maximum: int, ticks: int = 4) -> int:
    """A round step (1, 2, 5 x 10^n cents) so that ``ticks`` steps cover ``maximum``."""
    if maximum <= 0:
        return 100
    raw = maximum / ticks
    power = 1
    while power * 10 <= raw:
        power *= 10
    for m in (1, 2, 5, 10):
        if m * power >= raw:
            return m * power
    return 10 * power


class CollectionsChart(QWidget):
    """Bars of the amounts collected; hovering a bar shows period, amount and count."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("collectionsChart")
        self.points: list = []  # CollectionPoint (period, label, count, amount_cents)
        self.title = ""
        self._hover = -1
        self.setMouseTracking(True)
        self.setMinimumHeight(140)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def sizeHint(self) -> QSize:
        return QSize(600, 200)

    def set_points(self, points: list, title: str = "") -> None:
        self.points = list(points)
        self.title = title
        self._hover = -1
        self.update()

    # --- geometry ------------------------------------------------------------------------------
    def _plot_rect(self) -> QRectF:
        fm = QFontMetrics(self.font())
        left = fm.horizontalAdvance("999.999,99 €") + 12
        top = fm.height() + 10
        return QRectF(left, top, max(10, self.width() - left - 12), max(10, self.height() - top - fm.height() - 14))

    def _scale(self) -> tuple[int, int]:
        peak = max((p.amount_cents for p in self.points), default=0)
        step = _nice_step(peak)
        top = step * max(1, -(-peak // step))
        return step, top

    def bar_rects(self) -> list[QRectF]:
        if not self.points:
            return []
        plot = self._plot_rect()
        _step, top = self._scale()
        n = len(self.points)
        slot = plot.width() / n
        width = max(1.0, slot * 0.75)
        rects = []
        for i, p in enumerate(self.points):
            h = plot.height() * (p.amount_cents / top) if top else 0
            x = plot.left() + i * slot + (slot - width) / 2
            rects.append(QRectF(x, plot.bottom() - h, width, h))
        return rects

    def bar_at(self, x: float) -> int:
        plot = self._plot_rect()
        if not self.points or not (plot.left() <= x <= plot.right()):
            return -1
        i = int((x - plot.left()) / (plot.width() / len(self.points)))
        return i if 0 <= i < len(self.points) else -1

    # --- painting ------------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:
        qp = QPainter(self)
        qp.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        fm = QFontMetrics(self.font())
        qp.setPen(self.palette().windowText().color())
        qp.drawText(QRectF(0, 2, self.width(), fm.height() + 4), Qt.AlignmentFlag.AlignHCenter, self.title)
        plot = self._plot_rect()
        if not self.points:
            qp.setPen(AXIS)
            qp.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.tr("Nessun incasso nel periodo scelto"))
            return
        step, top = self._scale()
        # grid and y labels
        value = 0
        while value <= top:
            y = plot.bottom() - plot.height() * value / top
            qp.setPen(QPen(GRID))
            qp.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            qp.setPen(AXIS)
            label = format_amount(value) + " €"
            qp.drawText(QRectF(0, y - fm.height() / 2, plot.left() - 6, fm.height()),
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
            value += step
        # bars
        for i, r in enumerate(self.bar_rects()):
            qp.fillRect(r, BAR_HOVER if i == self._hover else BAR)
        # x labels: first, last and a few in between, never overlapping
        qp.setPen(AXIS)
        n = len(self.points)
        slot = plot.width() / n
        label_w = max(fm.horizontalAdvance(p.label) for p in self.points) + 8
        every = max(1, int(label_w / slot) + 1)
        for i in range(0, n, every):
            x = plot.left() + i * slot + slot / 2
            qp.drawText(QRectF(x - label_w / 2, plot.bottom() + 4, label_w, fm.height()),
                        Qt.AlignmentFlag.AlignHCenter, self.points[i].label)
        qp.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))

    def mouseMoveEvent(self, event) -> None:
        i = self.bar_at(event.position().x())
        if i != self._hover:
            self._hover = i
            self.update()
        if i >= 0:
            p = self.points[i]
            QToolTip.showText(event.globalPosition().toPoint(), self.tr("{0}: {1} ({2})").format(
                p.label, format_amount(p.amount_cents, currency=True), self.tr("%Ln pagamenti", "", p.count)), self)
        else:
            QToolTip.hideText()

    def leaveEvent(self, _event) -> None:
        self._hover = -1
        self.update()
