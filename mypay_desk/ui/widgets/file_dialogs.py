"""File dialogs that start where the clerk works: the last folder used for that kind of file, else the
user's Documents (never the program's own folder, which is where a bare file name would land).

The dialogs are Qt's (or the platform's): Qt's own catalogue (qtbase_it, installed by ui/i18n.py)
makes Qt's dialog Italian; a native dialog speaks the system's language.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QStandardPaths
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


class _Labels(QObject):
    """The labels of Qt's own dialog that its Italian catalogue leaves in English ("Look in:")."""

    def apply(self, dialog: QFileDialog) -> None:
        dialog.setLabelText(QFileDialog.DialogLabel.LookIn, self.tr("Cerca in:"))
        dialog.setLabelText(QFileDialog.DialogLabel.FileName, self.tr("Nome del file:"))
        dialog.setLabelText(QFileDialog.DialogLabel.FileType, self.tr("Tipo di file:"))


def ask(parent: QWidget | None, title: str, folder: str, filters: str = "", *, save: bool = False,
        multiple: bool = False, directory: bool = False, file_name: str = "",
        selected_filter: str = "") -> tuple[list[str], str]:
    """Show the dialog; (chosen paths, chosen filter), ([], "") when cancelled. Every dialog goes here."""
    dialog = QFileDialog(parent, title, folder, filters)
    if save:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    elif directory:
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    else:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles if multiple else QFileDialog.FileMode.ExistingFile)
    if selected_filter:
        dialog.selectNameFilter(selected_filter)
    if file_name:
        dialog.selectFile(file_name)
    _Labels().apply(dialog)
    if dialog.exec() != QFileDialog.DialogCode.Accepted:
        return [], ""
    return list(dialog.selectedFiles()), dialog.selectedNameFilter()


def open_file(parent: QWidget | None, settings: QSettings, kind: str, title: str, filters: str) -> str:
    paths, _chosen = ask(parent, title, str(start_folder(settings, kind)), filters)
    if paths:
        remember(settings, kind, paths[0])
    return paths[0] if paths else ""


def open_files(parent: QWidget | None, settings: QSettings, kind: str, title: str, filters: str) -> list[str]:
    paths, _chosen = ask(parent, title, str(start_folder(settings, kind)), filters, multiple=True)
    if paths:
        remember(settings, kind, paths[0])
    return paths


def existing_folder(parent: QWidget | None, settings: QSettings, kind: str, title: str) -> str:
    paths, _chosen = ask(parent, title, str(start_folder(settings, kind)), directory=True)
    if paths:
        remember(settings, kind, paths[0])
    return paths[0] if paths else ""


def save_file(parent: QWidget | None, settings: QSettings, kind: str, title: str, file_name: str, filters: str,
              selected_filter: str = "", suffix: str = "") -> tuple[str, str]:
    """(path, chosen filter); ``file_name`` is suggested in the start folder; ``suffix`` is added when the
    name typed has none of it."""
    paths, chosen = ask(parent, title, str(start_folder(settings, kind)), filters, save=True, file_name=file_name,
                        selected_filter=selected_filter)
    path = paths[0] if paths else ""
    if path:
        if suffix and not path.lower().endswith(suffix.lower()):
            path += suffix
        remember(settings, kind, path)
    return path, chosen
