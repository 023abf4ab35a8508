"""`lists import` from any office spreadsheet: `--map "HEADER=field"` with MyPay's tracciato names,
`--iud-prefix` with IUDs stable across re-imports, common Italian IUD headers, the refusal of files
without IUDs (exit 1, nothing written), and no debt ever stored without an IUD (import, add, edit)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from mypay_desk.cli import main
from mypay_desk.domain.debts import DebtRecord
from mypay_desk.formats import spreadsheet
from mypay_desk.services.errors import UserError
from mypay_desk.services.lists.importing import check_iud_prefix, stable_iuds

CF1, CF2, CF3 = "RSSMRA80A01F205X", "BNCLCU75C12L219V", "VRDNNA90E45H501E"
EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"


@pytest.fixture
def wsdir(workspace, ente):
    return workspace.path


def run(wsdir, *args, capsys):
    code = main(["--workspace", str(wsdir), *args])
    out, err = capsys.readouterr()
    return code, out, err


def xlsx(path: Path, headers: list[str], rows: list[list]) -> str:
    wb = Workbook()
    ws = wb.active
    ws.append(headers)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return str(path)


def write_csv(path: Path, headers: list[str], rows: list[list]) -> str:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, delimiter=";")
        w.writerow(headers)
        w.writerows(rows)
    return str(path)


OFFICE = ["Pratica n.", "Contribuente", "C.F.", "Tot. da versare", "Entro il", "Oggetto", "Note"]


def office_rows():
    return [["P-1", "ROSSI MARIO", CF1, 120.5, "30/06/2030", "TARI 2030", "x"],
            ["P-2", "BIANCHI LUCA", CF2, 80, "30/06/2030", "TARI 2030", ""]]


# --- --map ---------------------------------------------------------------------------------------

def test_map_names_tracciato_fields_and_completes_the_guess(wsdir, workspace, tmp_path, capsys):
    f = xlsx(tmp_path / "ufficio.xlsx", OFFICE, office_rows())
    # without --map the amount column is not recognised: every row is invalid (amount zero)
    code, out, _ = run(wsdir, "lists", "import", f, "--list", "Prova", "--type", "TARI", "--json", capsys=capsys)
    doc = json.loads(out)
    assert code == 0 and doc["invalid"] == 2 and "importoDovuto" not in doc["columns"]
    assert {e["field"] for e in doc["errors"]} == {"importoDovuto"}
    code, out, _ = run(wsdir, "lists", "import", f, "--list", "Prova", "--type", "TARI", "--json",
                       "--map", "Tot. da versare=importoDovuto", "--map", "c.f.=codiceIdentificativoUnivoco",
                       "--map", "Note=-", capsys=capsys)
    doc = json.loads(out)
    assert code == 0 and (doc["valid"], doc["invalid"], doc["updated"]) == (2, 0, 2)
    assert doc["columns"]["importoDovuto"] == "Tot. da versare" and doc["columns"]["IUD"] == "Pratica n."
    assert doc["columns"]["codiceIdentificativoUnivoco"] == "C.F."
    debts = {d.iud: d for d in workspace.lists.get_debts("Prova")}
    assert debts["P-1"].amount_cents == 12050 and debts["P-2"].amount_cents == 8000


def test_without_an_amount_column_the_report_says_which_columns_went_unused(wsdir, tmp_path, capsys):
    f = xlsx(tmp_path / "ufficio.xlsx", OFFICE, office_rows())
    code, _out, err = run(wsdir, "lists", "import", f, "--list", "Prova", "--type", "TARI", capsys=capsys)
    assert code == 0
    assert "Nessuna colonna del file è stata presa come importo (importoDovuto)" in err
    assert "«Tot. da versare», «Note»" in err and '--map "Tot. da versare=importoDovuto"' in err
    code, _out, err = run(wsdir, "lists", "import", f, "--list", "Prova", "--type", "TARI",
                          "--map", "Tot. da versare=importoDovuto", capsys=capsys)
    assert code == 0 and "Nessuna colonna" not in err


def test_map_moves_a_header_away_from_its_guess_and_splits_names(wsdir, workspace, tmp_path, capsys):
    f = xlsx(tmp_path / "nomi.xlsx", ["IUD", "Cognome", "Nome di battesimo", "Codice fiscale", "Importo",
                                      "Scadenza", "Causale"],
             [["N-1", "ROSSI", "MARIO", CF1, 10, "30/06/2030", "TARI"]])
    code, out, _ = run(wsdir, "lists", "import", f, "--list", "Nomi", "--type", "TARI", "--json",
                       "--map", "Cognome=cognome", "--map", "Nome di battesimo=nome", capsys=capsys)
    assert code == 0, out
    (d,) = workspace.lists.get_debts("Nomi")
    assert d.debtor_name == "ROSSI MARIO"


@pytest.mark.parametrize("value,fragment", [
    ("Importo=importoSbagliato", "sconosciuto"),
    ("senza uguale", "INTESTAZIONE=campo"),
    ("=IUD", "INTESTAZIONE=campo"),
])
def test_map_wrong_usage_exits_2(wsdir, tmp_path, capsys, value, fragment):
    f = xlsx(tmp_path / "a.xlsx", OFFICE, office_rows())
    with pytest.raises(SystemExit) as exc:
        main(["--workspace", str(wsdir), "lists", "import", f, "--list", "L", "--map", value, "--json"])
    out, err = capsys.readouterr()
    assert exc.value.code == 2 and fragment in err
    assert json.loads(out)["error"]["code"] == "usage"


def test_map_of_a_header_the_file_lacks_exits_1_listing_the_headers(wsdir, workspace, tmp_path, capsys):
    f = xlsx(tmp_path / "a.xlsx", OFFICE, office_rows())
    code, out, err = run(wsdir, "lists", "import", f, "--list", "L", "--map", "Importo TARI=importoDovuto",
                         "--json", capsys=capsys)
    assert code == 1 and "«Importo TARI»" in err and "«Tot. da versare»" in err
    assert json.loads(out)["error"]["field"] == "Importo TARI"
    assert workspace.lists.lists() == []  # nothing written, not even the list
    code, _, err = run(wsdir, "lists", "import", f, "--list", "L", "--map", "Contribuente=IUD",
                       "--map", "Oggetto=IUD", capsys=capsys)
    assert code == 1 and "due colonne" in err


def test_map_field_names():
    assert spreadsheet.map_field("importoDovuto") == "amount_cents"
    assert spreadsheet.map_field("IUD") == "iud" and spreadsheet.map_field("iud") == "iud"
    assert spreadsheet.map_field("dataScadenzaPagamento") == "due_date"
    assert spreadsheet.map_field("codiceIdentificativoUnivoco") == "debtor_code"
    assert spreadsheet.map_field("debtor_code") == "debtor_code"
    assert spreadsheet.map_field("Cognome") == "debtor_surname"
    with pytest.raises(ValueError, match="importoDovuto"):
        spreadsheet.map_field("importo_dovuto")


# --- IUD headers ------------------------------------------------------------------------------

@pytest.mark.parametrize("header", ["Codice", "Codice identificativo", "Identificativo", "N. pratica", "Pratica n°",
                                    "Numero pratica", "Codice pratica", "Rif. pratica", "ID", "IUD",
                                    "Codice IUD", "N° posizione"])
def test_common_italian_iud_headers_are_recognised(header):
    mapping = spreadsheet.guess_mapping([header, "Codice fiscale", "Nominativo", "Importo"])
    assert mapping["iud"] == header
    assert mapping["debtor_code"] == "Codice fiscale"


@pytest.mark.parametrize("headers,debtor_code", [
    (["Codice fiscale debitore", "Importo"], "Codice fiscale debitore"),
    (["Codice identificativo univoco", "Importo"], "Codice identificativo univoco"),
    (["Identificativo pagatore", "Importo"], "Identificativo pagatore"),
])
def test_generic_iud_names_do_not_take_longer_headers(headers, debtor_code):
    mapping = spreadsheet.guess_mapping(headers)
    assert mapping.get("debtor_code") == debtor_code and "iud" not in mapping


# --- files without IUDs --------------------------------------------------------------------------

NO_IUD = ["Nominativo", "Codice fiscale", "Importo", "Scadenza", "Causale"]


def no_iud_rows():
    return [["ROSSI MARIO", CF1, "10,00", "30/06/2030", "Mensa"],
            ["BIANCHI LUCA", CF2, "12,00", "30/06/2030", "Mensa"],
            ["ROSSI MARIO", CF1, "10,00", "30/06/2030", "Mensa secondo figlio"]]


def test_file_without_iuds_is_refused_with_what_to_add_and_nothing_written(wsdir, workspace, tmp_path, capsys):
    f = write_csv(tmp_path / "mensa.csv", NO_IUD, no_iud_rows())
    code, out, err = run(wsdir, "lists", "import", f, "--list", "Mensa", "--type", "MENSA", "--json",
                         capsys=capsys)
    assert code == 1
    assert "--map" in err and "--iud-prefix" in err and "Nulla è stato importato" in err
    doc = json.loads(out)
    assert set(doc) == {"error"} and doc["error"]["code"] == "missing_iud" and doc["error"]["field"] == "IUD"
    assert workspace.lists.lists() == []
    # into an existing list: refused too, the list untouched
    workspace.lists.create_list("Mensa", "MENSA")
    assert run(wsdir, "lists", "import", f, "--list", "Mensa", capsys=capsys)[0] == 1
    assert workspace.lists.get_debts("Mensa") == []


def test_file_with_some_rows_without_iud_is_refused_naming_the_rows(wsdir, workspace, tmp_path, capsys):
    rows = [[f"A-{i}", *r] for i, r in enumerate(no_iud_rows(), start=1)]
    rows[1][0] = ""
    f = write_csv(tmp_path / "parziale.csv", ["IUD", *NO_IUD], rows)
    code, _, err = run(wsdir, "lists", "import", f, "--list", "Mensa", "--type", "MENSA", capsys=capsys)
    assert code == 1 and "1 righe su 3" in err and "righe 3" in err and "--iud-prefix" in err
    assert workspace.lists.lists() == []
    # with a prefix only the blank row gets a generated IUD
    code, out, _ = run(wsdir, "lists", "import", f, "--list", "Mensa", "--type", "MENSA", "--iud-prefix", "mx-",
                       "--json", capsys=capsys)
    assert code == 0 and json.loads(out)["generated_iuds"] == 1
    iuds = [d.iud for d in workspace.lists.get_debts("Mensa")]
    assert iuds[0] == "A-1" and iuds[2] == "A-3"
    assert iuds[1].startswith("MX-") and len(iuds[1]) == 3 + 12


def test_iud_prefix_gives_stable_iuds_so_a_refresh_matches_the_same_debts(wsdir, workspace, tmp_path, capsys):
    f = write_csv(tmp_path / "mensa.csv", NO_IUD, no_iud_rows())
    code, out, err = run(wsdir, "lists", "import", f, "--list", "Mensa", "--type", "MENSA", "--iud-prefix",
                         "MENSA27-", "--json", capsys=capsys)
    doc = json.loads(out)
    assert code == 0 and (doc["added"], doc["generated_iuds"]) == (3, 3)
    first = {d.iud: (d.debtor_code, d.causale) for d in workspace.lists.get_debts("Mensa")}
    assert len(first) == 3 and all(i.startswith("MENSA27-") and len(i) == 20 for i in first)

    # the same file again: nothing added or changed
    doc = json.loads(run(wsdir, "lists", "import", f, "--list", "Mensa", "--type", "MENSA", "--iud-prefix",
                         "MENSA27-", "--json", capsys=capsys)[1])
    assert (doc["added"], doc["updated"], doc["unchanged"], doc["missing"]) == (0, 0, 3, 0)

    # an updated file, rows reordered, one amount changed, one row added: the same debts are matched
    rows = no_iud_rows()
    rows[1][2] = "15,00"
    updated = [rows[1], ["VERDI ANNA", CF3, "9,00", "30/06/2030", "Mensa"], rows[0], rows[2]]
    f2 = write_csv(tmp_path / "mensa-aggiornata.csv", NO_IUD, updated)
    doc = json.loads(run(wsdir, "lists", "import", f2, "--list", "Mensa", "--type", "MENSA", "--iud-prefix",
                         "MENSA27-", "--json", capsys=capsys)[1])
    assert (doc["added"], doc["updated"], doc["unchanged"], doc["missing"]) == (1, 1, 2, 0)
    after = {d.iud: (d.debtor_code, d.causale, d.amount_cents) for d in workspace.lists.get_debts("Mensa")}
    for iud, (code_, causale) in first.items():
        assert after[iud][:2] == (code_, causale)
    assert len(after) == 4


def test_stable_iuds_depend_on_who_owes_what_not_on_row_order():
    codes = [CF1, CF2, CF1]
    names = ["ROSSI", "BIANCHI", "ROSSI"]
    types = ["MENSA", "MENSA", "MENSA"]
    a = stable_iuds("P-", ["", "", ""], codes, names, types)
    assert len(set(a)) == 3 and all(i.startswith("P-") for i in a)
    b = stable_iuds("P-", ["", ""], [CF2, CF1], ["BIANCHI", "ROSSI"], ["MENSA", "MENSA"])
    assert b == [a[1], a[0]]
    # another tipo or another prefix: other IUDs; rows that have an IUD keep it
    assert stable_iuds("P-", [""], [CF1], ["ROSSI"], ["TARI"])[0] != a[0]
    assert stable_iuds("Q-", [""], [CF1], ["ROSSI"], ["MENSA"])[0][2:] == a[0][2:]
    assert stable_iuds("P-", ["X-1", ""], [CF1, CF1], ["R", "R"], ["MENSA", "MENSA"]) == ["X-1", a[0]]
    # no code: the name (spaces and case do not matter)
    assert stable_iuds("P-", [""], [""], ["rossi  mario"], [""]) == stable_iuds("P-", [""], [""], ["ROSSI MARIO"],
                                                                               [""])


@pytest.mark.parametrize("prefix,ok", [("TARI26-", "TARI26-"), (" mensa.27_ ", "MENSA.27_"), ("", ""),
                                       ("000X", None), ("A B", None), ("P/1", None), ("X" * 24, None)])
def test_iud_prefix_rules(prefix, ok):
    if ok is None:
        with pytest.raises(UserError):
            check_iud_prefix(prefix)
    else:
        assert check_iud_prefix(prefix) == ok


def test_map_and_iud_prefix_on_the_shipped_office_files(wsdir, workspace, capsys):
    code, out, _ = run(wsdir, "lists", "import", str(EXAMPLES / "tari-2027.xlsx"), "--list", "TARI 2027",
                       "--type", "TARI", "--map", "Tot. da versare=importoDovuto", "--json", capsys=capsys)
    doc = json.loads(out)
    assert code == 0 and (doc["rows"], doc["valid"]) == (5, 5) and doc["columns"]["IUD"] == "Rif. pratica"
    code, out, _ = run(wsdir, "lists", "import", str(EXAMPLES / "mensa-2027.csv"), "--list", "Mensa 2027",
                       "--type", "MENSA", "--iud-prefix", "MENSA27-", "--json", capsys=capsys)
    assert code == 0 and json.loads(out)["generated_iuds"] == 4
    # the IUD the README pays
    assert "MENSA27-A5O3CUS5U3KY" in {d.iud for d in workspace.lists.get_debts("Mensa 2027")}


# --- no debt without an IUD, by any path -------------------------------------------------------

def test_added_debts_without_iud_get_one_and_an_iud_cannot_be_cleared(workspace, ente):
    workspace.lists.create_list("L", "TARI")
    ids = workspace.lists.add_debts("L", [DebtRecord(), DebtRecord(iud="DOV-000002"), DebtRecord()])
    rows = {r.id: r.iud for r in workspace.lists.get_debts("L")}
    assert [rows[i] for i in ids] == ["DOV-000001", "DOV-000002", "DOV-000003"]
    more = workspace.lists.add_debts("L", [DebtRecord()])
    assert workspace.lists.get_debt(more[0]).iud == "DOV-000004"
    with pytest.raises(UserError, match="non può essere vuoto"):
        workspace.lists.update_debts({ids[0]: {"iud": "  "}})
    assert workspace.lists.get_debt(ids[0]).iud == "DOV-000001"
    workspace.lists.update_debts({ids[0]: {"iud": "NUOVO-1"}})  # changing it is fine
    assert workspace.lists.get_debt(ids[0]).iud == "NUOVO-1"


def test_paste_of_new_rows_stores_them_with_an_iud(workspace, ente):
    from mypay_desk.services.debt_table import ChangeSet, DebtTableService

    workspace.lists.create_list("L", "TARI")
    ids = workspace.lists.add_debts("L", [DebtRecord(iud="A-1", debtor_code=CF1)])
    table = DebtTableService(workspace)
    with pytest.raises(UserError):
        table.apply([ChangeSet(("iud",), ids=__import__("array").array("q", ids), values=[("",)])])
    assert workspace.lists.get_debt(ids[0]).iud == "A-1"
    assert all(d.iud for d in workspace.lists.get_debts("L"))


def test_sheet_of_a_workbook_is_chosen_by_name(wsdir, tmp_path, capsys):
    """`--sheet` reads that sheet; a name the workbook lacks is refused naming the sheets it has."""
    wb = Workbook()
    notes = wb.active
    notes.title = "Note"
    notes.append(["solo appunti"])
    data = wb.create_sheet("Dovuti")
    data.append(OFFICE)
    for r in office_rows():
        data.append(r)
    path = tmp_path / "due-fogli.xlsx"
    wb.save(path)
    code, out, _err = run(wsdir, "lists", "import", str(path), "--list", "TARI", "--type", "TARI",
                          "--sheet", "Dovuti", "--map", "Pratica n.=IUD", "--json", capsys=capsys)
    assert code == 0, out
    assert json.loads(out)["added"] == 2
    code, out, err = run(wsdir, "lists", "import", str(path), "--list", "TARI", "--type", "TARI",
                         "--sheet", "Riepilogo", capsys=capsys)
    assert code == 1
    assert "«Riepilogo» non esiste" in err and "Note, Dovuti" in err
