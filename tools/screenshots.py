"""Render the main views offscreen, on a 1366×768 screen, to docs/screenshot-<name>.png (for the README).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots.py [--out docs] [--lang it|en] [--only NAME ...]

Uses a throw-away workspace: the welcome screen and the wizard first, then the demo Ente when the demo
service is in this build (a sample Comune otherwise) for Impostazioni and every page that exists.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("MYPAY_DESK_KEYRING", "file")  # never the user's keyring

SIZE = (1366, 768)  # a common office laptop: the window fills its screen


def use_laptop_screen(size: tuple[int, int] = SIZE) -> None:
    """Qt's offscreen platform with a screen of ``size`` (set before the QApplication exists)."""
    if os.environ.get("QT_QPA_PLATFORM", "offscreen") != "offscreen":
        return  # a real display was asked for
    config = Path(tempfile.gettempdir()) / f"mypay-desk-screen-{size[0]}x{size[1]}.json"
    config.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": size[0],
                                               "height": size[1], "logicalDpi": 96, "logicalBaseDpi": 96,
                                               "dpr": 1}]}), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


use_laptop_screen()


def _sample_ente(ws) -> None:
    from mypay_desk.domain.ente import DebtTypeData, EnteData

    ws.ente.save(EnteData(
        ipa_code="C_F205", fiscal_code="01199250158", name="Comune di Esempio", sector="Servizi tributari",
        info="Piazza del Municipio 1, 20100 Esempio (MI) · tributi@comune.esempio.it", cbill="AB12C",
        segregation_code="12", adhesion_mode="ente", portal_url="https://mypay.esempio.it",
        payments_web_page="https://www.comune.esempio.it/pagamenti",
    ))
    for t in (
        DebtTypeData(code="TARI", description="Tassa sui rifiuti", taxonomy="9/0101108TS/", due_date_required=True),
        DebtTypeData(code="MENSA", description="Mensa scolastica", taxonomy="9/0201133IM/", anonymous_allowed=True),
        DebtTypeData(code="COSAP", description="Occupazione suolo pubblico", taxonomy="9/0101109TS/"),
        DebtTypeData(code="SANZIONI_CDS", description="Sanzioni codice della strada", taxonomy="9/0301111SA/",
                     active=False),
    ):
        ws.ente.save_type(t)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs"))
    parser.add_argument("--lang", default="it", choices=["it", "en"])
    parser.add_argument("--only", nargs="+", metavar="NAME",
                        help="only these views (welcome, wizard, settings, settings-types, lists, portal, ...)")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from mypay_desk import APP_ID
    from mypay_desk.services.workspace import Workspace
    from mypay_desk.ui import i18n
    from mypay_desk.ui.context import AppContext
    from mypay_desk.ui.main_window import AREAS, MainWindow
    from mypay_desk.ui.tasks import InlineTaskRunner
    from mypay_desk.ui.theme import apply_theme
    from mypay_desk.ui.wizard import EnteWizard

    QCoreApplication.setOrganizationName(APP_ID)
    QCoreApplication.setApplicationName(APP_ID)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    i18n.install_translators(args.lang, app)
    apply_theme(app)
    written: list[Path] = []
    failures: list[str] = []

    def shot(widget, name: str) -> None:
        if args.only and name not in args.only:
            return
        if widget.isWindow() and widget.objectName() == "mainWindow":
            widget.resize(*SIZE)  # a wide page shown before may have grown the window
        for _ in range(3):
            app.processEvents()
        path = out / f"screenshot-{name}.png"
        widget.grab().save(str(path))
        written.append(path)

    with tempfile.TemporaryDirectory(prefix="mypay-desk-shots-") as tmp:
        ws = Workspace.open(Path(tmp) / "ws")
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        ctx = AppContext(ws, InlineTaskRunner(), settings)
        window = MainWindow(ctx)
        window.resize(*SIZE)
        window.show()
        shot(window, "welcome")

        wizard = EnteWizard(ctx, window)
        wizard.show()
        QTest.keyClicks(wizard.fields.editor("ipa_code"), "c_f205")
        QTest.keyClicks(wizard.fields.editor("fiscal_code"), "01199250159")
        QTest.keyClicks(wizard.fields.editor("name"), "Comune di Esempio")
        shot(wizard, "wizard")
        wizard.reject()

        demo = None
        try:
            demo = ws.demo
        except ModuleNotFoundError as exc:
            if exc.name != "mypay_desk.services.demo":
                raise
        if demo is not None:
            ente = demo.ensure_demo()
            demo.start_sandbox()
            ws.ente.set_current(ente.ipa_code)
        else:
            _sample_ente(ws)
        ctx.ente_changed.emit()
        try:
            for area in AREAS:
                if area.key == "settings" or window.is_placeholder(area.key):
                    continue
                try:
                    if window.show_area(area.key):
                        shot(window, area.key)
                except Exception as exc:  # noqa: BLE001 - a page still being written must not stop the rest
                    failures.append(f"{area.key}: {type(exc).__name__}: {exc}")
            window.show_area("settings")
            shot(window, "settings")
            page = window.page("settings")
            page.show_tab(1)
            shot(window, "settings-types")
            page.show_tab(0)
        finally:
            window.close()
            if demo is not None and hasattr(demo, "stop_sandbox"):
                demo.stop_sandbox()
            ws.close()
    for path in written:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    for failure in failures:
        print(f"pagina non acquisita: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
