"""Languages of the interface: the app's catalogue plus Qt's own (standard buttons, dialogs).

Italian is the source language: every string in the code is Italian, and ``mypay_desk_it.qm`` only
carries what the source cannot (plural forms). English comes from ``mypay_desk_en.qm``. The choice is
stored in QSettings and applied at the next start (widgets are built once, in the chosen language).

Numbers, amounts and dates keep the Italian locale whatever the language: the data are Italian
(euro amounts "1.234,56", dates of Italian documents) and the other modules format them that way.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from mypay_desk.paths import resource
from mypay_desk.ui import domain_text
from mypay_desk.ui.widgets.numbers import CountsTranslator

log = logging.getLogger(__name__)

LANGUAGES = {"it": "Italiano", "en": "English"}
DEFAULT_LANGUAGE = "it"
SETTINGS_KEY = "ui/language"
ENV_LANGUAGE = "MYPAY_DESK_LANG"  # overrides the saved choice (screenshots, support sessions)
CATALOGUE = "mypay_desk"

_installed: list[QTranslator] = []


def translations_dir() -> Path:
    return resource("translations")


def catalogue_path(language: str) -> Path:
    return translations_dir() / f"{CATALOGUE}_{language}.qm"


def saved_language(settings: QSettings) -> str:
    env = os.environ.get(ENV_LANGUAGE, "").strip().lower()
    if env in LANGUAGES:
        return env
    value = str(settings.value(SETTINGS_KEY, DEFAULT_LANGUAGE) or DEFAULT_LANGUAGE)
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def save_language(settings: QSettings, language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"lingua non gestita: {language}")
    settings.setValue(SETTINGS_KEY, language)
    settings.sync()


def _qt_catalogue_dirs() -> list[Path]:
    # A frozen build may carry Qt's catalogues next to ours; the wheel keeps them under PySide6/Qt.
    return [translations_dir(), Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]


def install_translators(language: str, app: QCoreApplication | None = None) -> list[str]:
    """Install the catalogues for ``language`` (replacing ones installed before). Returns what loaded."""
    app = app or QCoreApplication.instance()
    if language not in LANGUAGES:
        language = DEFAULT_LANGUAGE
    remove_translators()
    loaded: list[str] = []
    for directory in _qt_catalogue_dirs():
        tr = QTranslator(app)
        if tr.load(f"qtbase_{language}", str(directory)):
            QCoreApplication.installTranslator(tr)
            _installed.append(tr)
            loaded.append(str(directory / f"qtbase_{language}.qm"))
            break
    ours = catalogue_path(language)
    tr = QTranslator(app)
    if ours.is_file() and tr.load(str(ours)):
        QCoreApplication.installTranslator(tr)
        _installed.append(tr)
        loaded.append(str(ours))
    elif language != DEFAULT_LANGUAGE:
        log.warning("catalogo %s non trovato: l'interfaccia resta in italiano", ours)
    counts = CountsTranslator(list(_installed), app)  # "1.354 ricevute", asked before the catalogues
    QCoreApplication.installTranslator(counts)
    _installed.append(counts)
    QLocale.setDefault(QLocale(QLocale.Language.Italian, QLocale.Country.Italy))
    domain_text.clear_cache()
    log.info("lingua %s: %s", language, ", ".join(loaded) or "nessun catalogo")
    return loaded


def remove_translators() -> None:
    """Uninstall what install_translators installed (the source strings show again)."""
    for tr in _installed:
        QCoreApplication.removeTranslator(tr)
    _installed.clear()
    domain_text.clear_cache()


def installed_catalogues() -> int:
    return len(_installed)
