"""Measures the main window with the demo Ente on a 1366×768 screen (run in its own process by
test_fit_1366.py: the screen size of Qt's offscreen platform is fixed when the application starts).

Prints one JSON document: per page, the window's size, whether the page needed scroll bars, the
toolbar actions that cannot be reached (neither shown nor in the toolbar's overflow menu) and the
buttons that fall outside the window.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

SCREEN = (1366, 768)


def main(config: str) -> None:
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    os.environ["MYPAY_DESK_KEYRING"] = "file"
    from PySide6.QtCore import QRect, QSettings
    from PySide6.QtWidgets import QAbstractButton, QApplication, QTableView, QToolBar, QToolButton

    from mypay_desk.services.workspace import Workspace
    from mypay_desk.ui import i18n
    from mypay_desk.ui.context import AppContext
    from mypay_desk.ui.main_window import MainWindow
    from mypay_desk.ui.tasks import InlineTaskRunner
    from mypay_desk.ui.theme import apply_theme

    app = QApplication([])
    i18n.install_translators("it", app)
    apply_theme(app)
    tmp = Path(tempfile.mkdtemp(prefix="fit-1366-"))
    ws = Workspace.open(tmp / "ws")
    ctx = AppContext(ws, InlineTaskRunner(), QSettings(str(tmp / "ui.ini"), QSettings.Format.IniFormat))
    window = MainWindow(ctx)
    window.show()
    app.processEvents()
    out: dict = {"screen": list(app.primaryScreen().availableGeometry().size().toTuple()),
                 "first_start": list(window.frameGeometry().size().toTuple())}
    window.open_demo()
    app.processEvents()
    out["after_demo"] = list(window.frameGeometry().size().toTuple())
    screen = app.primaryScreen().availableGeometry()
    pages = {}
    for key in window.visible_areas():
        window.show_area(key)
        for _ in range(3):
            app.processEvents()
        page = window.page(key)
        holder = window._holders[key]
        unreachable = []
        for bar in page.findChildren(QToolBar):
            ext = bar.findChild(QToolButton, "qt_toolbar_ext_button")
            overflow = {a.text() for a in ext.menu().actions()} if ext is not None and ext.isVisible() \
                and ext.menu() is not None else set()
            for action in bar.actions():
                if action.isSeparator() or not action.isVisible():
                    continue
                w = bar.widgetForAction(action)
                shown = w is not None and w.isVisible() and bar.rect().contains(w.geometry())
                if not shown and action.text() not in overflow:
                    unreachable.append(action.text())
        win_rect = QRect(0, 0, window.width(), window.height())
        outside = []
        for b in page.findChildren(QAbstractButton):
            if not b.isVisibleTo(page) or not b.isVisible():
                continue
            top_left = b.mapTo(window, b.rect().topLeft())
            if not win_rect.contains(QRect(top_left, b.size())):
                outside.append(b.text() or b.objectName())
        pages[key] = {
            "window": list(window.frameGeometry().size().toTuple()),
            "inside_screen": screen.contains(window.frameGeometry()),
            "page_min": list(page.minimumSizeHint().toTuple()),
            "scrollbars": holder.horizontalScrollBar().isVisible() or holder.verticalScrollBar().isVisible(),
            "unreachable": unreachable,
            "outside": outside,
            "status_bar_inside": win_rect.contains(window.statusBar().geometry()),
        }
        # how many rows of each table are in sight (by the viewport's height, whatever the data)
        pages[key]["table_rows"] = {
            v.objectName(): round(v.viewport().height() / v.verticalHeader().defaultSectionSize(), 1)
            for v in page.findChildren(QTableView) if v.isVisible() and v.objectName()}
    out["pages"] = pages
    # Less room than the toolbar wants (larger fonts, longer English labels): the actions that do not
    # fit are in its overflow menu (») and still reachable.
    window.show_area("lists")
    bar = window.page("lists").toolbar
    bar.setMaximumWidth(bar.sizeHint().width() // 2)
    for _ in range(3):
        app.processEvents()
    ext = bar.findChild(QToolButton, "qt_toolbar_ext_button")
    overflow = [a.text() for a in ext.menu().actions()] if ext is not None and ext.isVisible() else []
    hidden = [a.text() for a in bar.actions() if not a.isSeparator() and a.isVisible()
              and not (bar.widgetForAction(a) and bar.widgetForAction(a).isVisible())]
    out["narrow_lists"] = {"overflow": overflow, "hidden": hidden,
                           "send_visible": window.page("lists").send_button.isVisible()}
    bar.setMaximumWidth(16777215)
    window.resize(1800, 1100)  # a size saved on a bigger monitor
    window.fit_to_screen()
    out["after_restore_from_bigger"] = list(window.frameGeometry().size().toTuple())
    window.stop_sandbox()
    window.close()
    ws.close()
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1])
