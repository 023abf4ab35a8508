"""The look: Fusion with a light palette, Titillium Web (the Italian public administration's typeface,
shipped in resources/fonts) and one style sheet. Widgets opt in through objectName or properties:
``primary`` buttons, ``role=error`` labels, ``invalid`` editors, ``pageTitle``/``pageSubtitle`` and ``role=title`` labels.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QColor, QFont, QFontDatabase, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from mypay_desk.paths import resource

log = logging.getLogger(__name__)

ACCENT = "#0b66c3"
ACCENT_DARK = "#084f98"
TEXT = "#1c2733"
MUTED = "#5b6b7d"
BORDER = "#cfd8e3"
SIDEBAR = "#eef2f7"
ERROR = "#b3261e"

UI_FONTS = ("TitilliumWeb-Regular.ttf", "TitilliumWeb-SemiBold.ttf", "TitilliumWeb-Bold.ttf")
UI_FAMILY = "Titillium Web"

STYLE_SHEET = f"""
QWidget {{ color: {TEXT}; }}
QMainWindow, QDialog, QWizard {{ background: #ffffff; }}
QToolTip {{ color: {TEXT}; background: #fffbe6; border: 1px solid {BORDER}; padding: 4px; }}

#sidebar {{ background: {SIDEBAR}; border-right: 1px solid {BORDER}; }}
#sidebarTitle {{ font-size: 16pt; font-weight: 700; color: {ACCENT_DARK}; }}
#sidebarEnte {{ color: {MUTED}; }}
#navigation {{ background: transparent; border: none; outline: 0; font-size: 11pt; }}
#navigation::item {{ padding: 9px 10px; margin: 1px 6px; border-radius: 6px; color: {TEXT}; }}
#navigation::item:hover {{ background: #e1e8f1; }}
#navigation::item:selected {{ background: #d6e5f7; color: {ACCENT_DARK}; font-weight: 600; }}

QLabel#pageTitle {{ font-size: 18pt; font-weight: 600; color: {TEXT}; }}
QLabel#pageSubtitle {{ color: {MUTED}; font-size: 10.5pt; }}
QLabel[role="title"] {{ font-size: 15pt; font-weight: 600; color: {TEXT}; }}
QLabel[role="hint"] {{ color: {MUTED}; }}
QLabel[role="error"] {{ color: {ERROR}; }}
QLabel#demoBadge {{ background: #fff3cd; color: #7a5b00; border: 1px solid #f0d78c; border-radius: 4px;
                    padding: 1px 6px; }}

QGroupBox {{ border: 1px solid {BORDER}; border-radius: 8px; margin-top: 12px; padding: 12px 10px 8px 10px;
             background: #fbfcfe; }}
QGroupBox::title {{ subcontrol-origin: margin; subcontrol-position: top left; left: 10px; padding: 0 4px;
                    font-weight: 600; color: {ACCENT_DARK}; }}

QLineEdit, QPlainTextEdit, QComboBox, QSpinBox, QDateEdit {{ border: 1px solid {BORDER}; border-radius: 5px;
    padding: 3px 6px; background: #ffffff; selection-background-color: {ACCENT}; }}
QComboBox::drop-down {{ border: none; width: 24px; }}
QComboBox::down-arrow {{ image: url("{{chevron}}"); width: 12px; height: 12px; }}
QComboBox QAbstractItemView {{ border: 1px solid {BORDER}; selection-background-color: #d6e5f7;
                               selection-color: {TEXT}; }}
QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus {{ border: 1px solid {ACCENT}; }}
QLineEdit:read-only {{ background: #f3f5f8; color: {MUTED}; }}
QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"], QComboBox[invalid="true"] {{
    border: 1px solid {ERROR}; background: #fff7f6; }}

QPushButton {{ border: 1px solid {BORDER}; border-radius: 5px; padding: 5px 14px; background: #ffffff; }}
QPushButton:hover {{ background: #f0f4f9; }}
QPushButton:pressed {{ background: #e3eaf3; }}
QPushButton:disabled {{ color: #9aa7b5; background: #f6f7f9; }}
QPushButton[primary="true"] {{ background: {ACCENT}; border-color: {ACCENT}; color: #ffffff; font-weight: 600; }}
QPushButton[primary="true"]:hover {{ background: {ACCENT_DARK}; }}
QPushButton[primary="true"]:disabled {{ background: #9bbde3; border-color: #9bbde3; color: #eef4fb; }}
QToolButton[primary="true"] {{ background: {ACCENT}; border: 1px solid {ACCENT}; border-radius: 5px; color: #ffffff;
    font-weight: 600; padding: 5px 14px; }}
QToolButton[primary="true"]:hover {{ background: {ACCENT_DARK}; }}
QToolButton[primary="true"]:disabled {{ background: #9bbde3; border-color: #9bbde3; color: #eef4fb; }}
QLabel#emptyHint {{ color: {MUTED}; font-size: 11.5pt; background: transparent; }}
QPushButton#welcomeChoice {{ border-radius: 10px; }}
#welcomeChoice QLabel {{ background: transparent; }}
#welcomeChoice QLabel#choiceTitle {{ font-size: 13pt; font-weight: 600; color: {ACCENT_DARK}; }}
#welcomeChoice QLabel#choiceText {{ color: {MUTED}; }}
#welcomeChoice[primary="true"] QLabel#choiceTitle, #welcomeChoice[primary="true"] QLabel#choiceText {{ color: #ffffff; }}
#welcomeChoice:disabled QLabel {{ color: #9aa7b5; }}
#logoPreview {{ border: 1px dashed {BORDER}; border-radius: 6px; background: #ffffff; color: {MUTED}; }}

QTabWidget::pane {{ border: 1px solid {BORDER}; border-radius: 6px; top: -1px; background: #ffffff; }}
QTabBar::tab {{ padding: 7px 16px; border: 1px solid transparent; border-bottom: none; color: {MUTED}; }}
QTabBar::tab:selected {{ color: {ACCENT_DARK}; border-color: {BORDER}; border-top-left-radius: 6px;
                         border-top-right-radius: 6px; background: #ffffff; font-weight: 600; }}

QTableView {{ border: 1px solid {BORDER}; border-radius: 4px; gridline-color: #e6ebf1;
              selection-background-color: #d6e5f7; selection-color: {TEXT}; alternate-background-color: #f7f9fc; }}
QHeaderView::section {{ background: #f3f6fa; border: none; border-right: 1px solid #e3e8ef;
                        border-bottom: 1px solid {BORDER}; padding: 5px 6px; font-weight: 600; }}

QStatusBar {{ background: #f6f8fb; border-top: 1px solid {BORDER}; color: {MUTED}; }}
QStatusBar QLabel {{ color: {MUTED}; }}
#statusSeparator {{ color: {BORDER}; }}
#portalDot {{ color: #9aa7b5; }}
#portalDot[state="online"] {{ color: #1e8e3e; }}
#portalDot[state="offline"] {{ color: {ERROR}; }}
#portalDot[state="unknown"] {{ color: #c98a00; }}
#statusPending[pending="true"] {{ color: #7a5b00; font-weight: 600; }}

#welcome {{ background: #ffffff; }}
#welcomeCard {{ background: #ffffff; }}
#welcomeTitle {{ font-size: 24pt; font-weight: 700; color: {ACCENT_DARK}; }}
#welcomeText {{ font-size: 11.5pt; color: {MUTED}; }}
#placeholderIcon {{ color: #b8c4d3; font-size: 40pt; }}
"""


def style_sheet() -> str:
    chevron = resource("icons", "chevron-down.svg").as_posix()
    return STYLE_SHEET.replace("{chevron}", chevron)


def load_fonts() -> str | None:
    """Register the UI typeface; returns its family, or None (then the platform font stays)."""
    family = None
    for name in UI_FONTS:
        path = resource("fonts", name)
        if not path.is_file():
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if families:
            family = families[0]
    return family


def light_palette() -> QPalette:
    p = QPalette()
    white, text = QColor("#ffffff"), QColor(TEXT)
    p.setColor(QPalette.ColorRole.Window, QColor("#f6f8fb"))
    p.setColor(QPalette.ColorRole.WindowText, text)
    p.setColor(QPalette.ColorRole.Base, white)
    p.setColor(QPalette.ColorRole.AlternateBase, QColor("#f7f9fc"))
    p.setColor(QPalette.ColorRole.Text, text)
    p.setColor(QPalette.ColorRole.Button, white)
    p.setColor(QPalette.ColorRole.ButtonText, text)
    p.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    p.setColor(QPalette.ColorRole.HighlightedText, white)
    p.setColor(QPalette.ColorRole.Link, QColor(ACCENT))
    p.setColor(QPalette.ColorRole.PlaceholderText, QColor("#8a98a8"))
    p.setColor(QPalette.ColorRole.ToolTipBase, QColor("#fffbe6"))
    p.setColor(QPalette.ColorRole.ToolTipText, text)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#9aa7b5"))
    return p


def app_icon() -> QIcon:
    path = resource("icons", "mypay-desk.svg")
    return QIcon(str(path)) if path.is_file() else QIcon()


def icon(name: str) -> QIcon:
    path = resource("icons", f"{name}.svg")
    return QIcon(str(path)) if path.is_file() else QIcon()


def apply_theme(app: QApplication) -> None:
    fusion = QStyleFactory.create("Fusion")
    if fusion is not None:
        app.setStyle(fusion)
    app.setPalette(light_palette())
    family = load_fonts()
    if family:
        font = QFont(family)
        font.setPointSizeF(10.5)
        font.setKerning(False)  # Titillium's kerning glues "//" together, which garbles URLs
        app.setFont(font)
    app.setStyleSheet(style_sheet())
    app.setWindowIcon(app_icon())
