"""File dialogs that start where the clerk works: the last folder used for that kind of file, else the
user's Documents (never the program's own folder, which is where a bare file name would land).

The dialogs are Qt's (or the platform's): Qt's own catalogue (qtbase_it, installed by ui/i18n.py)
makes Qt's dialog Italian; a native dialog speaks the system's language.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

KEY_PREFIX = "dialogs/lastFolder"
ANY_KEY = f"{KEY_PREFIX}/any"  # the last folder of any dialog: the fallback of a kind never used yet


def documents_folder() -> Path:
    """The user's Documents folder, else their home folder."""
    for location in (QStandardPaths.StandardLocation.DocumentsLocation, QStandardPaths.StandardLocation.HomeLocation):
        path = QStandardPaths.writableLocation(location)
        if path and Path(path).is_dir():
            return Path(path)
    return Path.home()


def start_folder(settings: QSettings, kind: str) -> Path:
    """Where a dialog for ``kind`` of files opens: its last folder, the last folder of any dialog, Documents."""
    for key in (f"{KEY_PREFIX}/{kind}", ANY_KEY):
        value = str(settings.value(key, "") or "")
        if value and Path(value).is_dir():
            return Path(value)
    return documents_folder()


def remember(settings: QSettings, kind: str, chosen: str | Path) -> None:
    folder = Path(chosen)
    folder = folder if folder.is_dir() else folder.parent
    settings.setValue(f"{KEY_PREFIX}/{kind}", str(folder))
    settings.setValue(ANY_KEY, str(folder))


def open_file(parent: QWidget | None, settings: QSettings, kind: str, title: str, filters: str) -> str:
    path, _chosen = QFileDialog.getOpenFileName(parent, title, str(start_folder(settings, kind)), filters)
    if path:
        remember(settings, kind, path)
    return path


def open_files(parent: QWidget | None, settings: QSettings, kind: str, title: str, filters: str) -> list[str]:
    paths, _chosen = QFileDialog.getOpenFileNames(parent, title, str(start_folder(settings, kind)), filters)
    if paths:
        remember(settings, kind, paths[0])
    return list(paths)


def existing_folder(parent: QWidget | None, settings: QSettings, kind: str, title: str) -> str:
    folder = QFileDialog.getExistingDirectory(parent, title, str(start_folder(settings, kind)))
    if folder:
        remember(settings, kind, folder)
    return folder


def save_file(parent: QWidget | None, settings: QSettings, kind: str, title: str, file_name: str, filters: str,
              selected_filter: str = "", suffix: str = "") -> tuple[str, str]:
    """(path, chosen filter); ``file_name`` is suggested in the start folder; ``suffix`` is added when the
    name typed has none of it."""
    suggested = str(start_folder(settings, kind) / file_name)
    path, chosen = QFileDialog.getSaveFileName(parent, title, suggested, filters, selected_filter)
    if path:
        if suffix and not path.lower().endswith(suffix.lower()):
            path += suffix
        remember(settings, kind, path)
    return path, chosen
