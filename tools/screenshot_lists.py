"""Render the main window on the Liste di dovuti page, a list being edited, at 1366×768, to
docs/screenshot-lists.png.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshot_lists.py [--out docs]

A throw-away workspace: a sample Comune, two lists, some debts with errors, a date being typed in a cell.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("MYPAY_DESK_KEYRING", "file")

from tools.screenshots import SIZE, use_laptop_screen  # noqa: E402 - the screen is set before Qt starts

use_laptop_screen()

PEOPLE = [("RSSMRA80A01F205X", "ROSSI MARIO", "VIA GARIBALDI", "12"), ("BNCLCU75B12H501Y", "BIANCHI LUCA", "VIA ROMA", "3"),
          ("VRDNNA90C41L219F", "VERDI ANNA", "PIAZZA DUOMO", "1"), ("SPSGPP66D14F839T", "ESPOSITO GIUSEPPE",
                                                                    "VIA MAZZINI", "45/B"),
          ("CLMSRA85E50D969U", "COLOMBO SARA", "CORSO VENEZIA", "7")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs"))
    args = parser.parse_args(argv)
    from PySide6.QtCore import QSettings
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from mypay_desk.domain.debts import DebtRecord
    from mypay_desk.domain.ente import DebtTypeData, EnteData
    from mypay_desk.services.workspace import Workspace
    from mypay_desk.ui import i18n
    from mypay_desk.ui.context import AppContext
    from mypay_desk.ui.main_window import MainWindow
    from mypay_desk.ui.tasks import InlineTaskRunner
    from mypay_desk.ui.theme import apply_theme

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationDisplayName("MyPay Desk")
    i18n.install_translators("it", app)
    apply_theme(app)
    with tempfile.TemporaryDirectory() as tmp:
        ws = Workspace.open(Path(tmp) / "ws")
        ws.ente.save(EnteData(ipa_code="C_F205", fiscal_code="01199250158", name="Comune di Esempio",
                              segregation_code="12", adhesion_mode="flussi", portal_url="https://mypay.esempio.it"))
        ws.ente.save_type(DebtTypeData(code="TARI", description="Tassa sui rifiuti", taxonomy="9/0101108TS/",
                                       due_date_required=True))
        ws.ente.save_type(DebtTypeData(code="MENSA", description="Mensa scolastica", taxonomy="9/0201133IM/"))
        ws.lists.create_list("Mensa settembre", default_debt_type="MENSA")
        ws.lists.add_debts("Mensa settembre", [
            DebtRecord(iud=f"MENSA-09-{i:03d}", debtor_code=PEOPLE[i % 5][0], debtor_name=PEOPLE[i % 5][1],
                       amount_cents=4_500, due_date=date(2025, 10, 15), causale="Mensa settembre 2025")
            for i in range(12)])
        ws.lists.create_list("TARI 2025", default_debt_type="TARI")
        recs = []
        for i in range(60):
            cf, name, street, civic = PEOPLE[i % 5]
            recs.append(DebtRecord(
                iud=f"TARI25-{i + 1:05d}", debtor_code=cf, debtor_name=f"{name}", address=street, civic=civic,
                postal_code="20121", city="MILANO", province="MI", country="IT",
                email=f"{name.split()[0].lower()}@example.it" if i % 3 == 0 else "",
                due_date=date(2025, 7, 31) + timedelta(days=30 * (i % 2)), amount_cents=18_750 + 1_325 * (i % 9),
                causale=f"TARI 2025 - utenza domestica {i + 1}"))
        recs[2].debtor_code = "RSSMRA80A01F205Y"  # wrong check character
        recs[5].province = "XX"
        recs[7].amount_cents = 0
        ids = ws.lists.add_debts("TARI 2025", recs)
        ws.lists.set_instalments(ids[0], [(recs[0].amount_cents // 2, date(2025, 7, 31)),
                                          (recs[0].amount_cents - recs[0].amount_cents // 2, date(2025, 9, 30))])
        ws.lists.cancel_debts([ids[9]])
        ws.lists.assign_iuvs("TARI 2025")
        settings = QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)
        ctx = AppContext(ws, InlineTaskRunner(), settings)
        window = MainWindow(ctx)
        window.resize(*SIZE)
        window.show()
        window.show_area("lists")
        page = window.page("lists")
        tari = next(s.id for s in ws.lists.lists() if s.name == "TARI 2025")
        page._select_list(tari)
        for _ in range(3):
            app.processEvents()
        # A clerk typing: an amount just stored, a due date being typed the Italian way.
        page.model.setData(page.model.index(3, page.model.column_index("amount_cents")), "215,40")
        idx = page.model.index(4, page.model.column_index("due_date"))
        page.view.setCurrentIndex(idx)
        page.view.scrollTo(idx)
        page.view.setFocus()
        QTest.keyClicks(page.view, "3")
        editor = app.focusWidget()
        if editor is not None and editor is not page.view:
            QTest.keyClicks(editor, "1/8/25")
        for _ in range(3):
            app.processEvents()
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        target = out / "screenshot-lists.png"
        window.grab().save(str(target))
        print(target)
        window.close()
        ws.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
