"""Writes the sample office files of the README's command-line walk-through (run from the repository root:
`.venv/bin/python docs/examples/make_examples.py`). The files are committed; this script says how they
were made and makes them again if they must change (tests/integration/test_readme_cli.py runs the README).

- tari-2027.xlsx: a TARI roll as a tax office keeps it, with its own headers ("Rif. pratica",
  "Tot. da versare", ...) and an office-only column; the amount column needs `--map`.
- mensa-2027.csv: school-meal fees from another office, `;`-separated, with no IUD at all: imported with
  `--iud-prefix`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

HERE = Path(__file__).resolve().parent

TARI_HEADERS = ["Rif. pratica", "Contribuente", "Cod. fiscale", "Indirizzo", "CAP", "Comune", "Prov.",
                "Oggetto", "Tot. da versare", "Entro il", "Note ufficio"]
TARI_ROWS = [
    ["TARI27-0001", "ROSSI MARIO", "RSSMRA80A01F205X", "VIA ROMA 1", "20100", "MILANO", "MI",
     "TARI 2027 abitazione via Roma 1", 182.40, date(2027, 6, 30), "rateizzabile"],
    ["TARI27-0002", "BIANCHI LUCA", "BNCLCU75C12L219V", "CORSO FRANCIA 15", "10138", "TORINO", "TO",
     "TARI 2027 abitazione corso Francia 15", 245.10, date(2027, 6, 30), ""],
    ["TARI27-0003", "VERDI ANNA", "VRDNNA90E45H501E", "VIA APPIA 200", "00179", "ROMA", "RM",
     "TARI 2027 abitazione via Appia 200", 98.75, date(2027, 6, 30), ""],
    ["TARI27-0004", "FERRARI GIUSEPPE", "FRRGPP62M03D969Z", "VIA XX SETTEMBRE 8", "16121", "GENOVA", "GE",
     "TARI 2027 abitazione via XX Settembre 8", 310.00, date(2027, 6, 30), "verificare metri quadri"],
    ["TARI27-0005", "PANIFICIO DEL BORGO SRL", "04827190150", "PIAZZA DEL BORGO 3", "20100", "MILANO", "MI",
     "TARI 2027 utenza non domestica", 1250.00, date(2027, 6, 30), ""],
]

MENSA_HEADERS = ["Intestatario", "Codice fiscale", "Alunno", "Importo", "Scadenza", "Causale"]
MENSA_ROWS = [
    ["ESPOSITO SILVIA", "ESPSLV88T52F839Q", "Esposito Luca", "64,00", "31/01/2027", "Mensa scolastica gennaio 2027"],
    ["COLOMBO MARCO", "CLMMRC71B10A794H", "Colombo Giulia", "64,00", "31/01/2027", "Mensa scolastica gennaio 2027"],
    ["COLOMBO MARCO", "CLMMRC71B10A794H", "Colombo Pietro", "64,00", "31/01/2027", "Mensa scolastica gennaio 2027"],
    ["GALLO SARA", "GLLSRA85H60L736U", "Gallo Elena", "48,00", "31/01/2027", "Mensa scolastica gennaio 2027"],
]


def write_tari(path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Ruolo TARI 2027"
    ws.append(TARI_HEADERS)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in TARI_ROWS:
        ws.append(row)
    for r in range(2, len(TARI_ROWS) + 2):
        ws.cell(r, 9).number_format = "#,##0.00"
        ws.cell(r, 10).number_format = "DD/MM/YYYY"
    wb.properties.creator = "Ufficio Tributi"
    wb.save(path)


def write_mensa(path: Path) -> None:
    lines = [";".join(MENSA_HEADERS)] + [";".join(r) for r in MENSA_ROWS]
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")


if __name__ == "__main__":
    write_tari(HERE / "tari-2027.xlsx")
    write_mensa(HERE / "mensa-2027.csv")
    print("scritti", HERE / "tari-2027.xlsx", HERE / "mensa-2027.csv")
