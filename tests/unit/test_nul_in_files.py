"""A NUL character (U+0000) inside a file's value, on SQLite and on PostgreSQL (whose text cannot hold it).

Found by a longer fuzz campaign (``MYPAY_FUZZ_CASES=300 MYPAY_FUZZ_SEED=2026``): on PostgreSQL a list import
and a receipts import ended in a traceback. Excel writes a NUL typed or pasted into a cell as ``_x0000_``,
which calamine reads back as NUL, so a valid workbook is enough. Every reader now stores SUB (U+001A, ASCII's
"substitute") instead (formats.limits.without_nul): the same on both databases, and the debt rules still mark
the value as holding a control character. A NUL that reaches the database another way gets a clear error.
"""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from mypay_desk.domain.debts import DebtRecord
from mypay_desk.formats import receipt_export as rx
from mypay_desk.formats.limits import NUL_STANDIN, without_nul
from mypay_desk.services.errors import DatabaseValueError
from tests.unit.hostile_support import (
    BANK_HEADER,
    LIST_HEADER,
    flow_zip,
    list_xlsx,
    receipt_row,
    run_cli,
    snapshot,
)

CONTROL_MESSAGE = "Contiene caratteri di controllo"


def _replace_in_zip(data: bytes, old: bytes, new: bytes) -> bytes:
    zin = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            content = zin.read(info.filename)
            zout.writestr(info, content.replace(old, new))
    return buf.getvalue()


def _import_list(ws, tmp_path, capsys, name: str, data: bytes) -> tuple[int, str]:
    path = tmp_path / name
    path.write_bytes(data)
    code, _out, err = run_cli(ws.path, "lists", "import", str(path), "--list", "Nul", "--type", "TARI",
                              capsys=capsys)
    return code, err


def _shown(ws, capsys) -> list[dict]:
    code, out, err = run_cli(ws.path, "lists", "show", "Nul", "--json", capsys=capsys)
    assert code == 0, err
    return json.loads(out)["debts"]


def test_without_nul_replaces_every_nul_and_keeps_other_text_as_it_is():
    assert without_nul("A\x00B\x00") == f"A{NUL_STANDIN}B{NUL_STANDIN}"
    text = "ROSSI MARIO"
    assert without_nul(text) is text


@pytest.mark.parametrize("written", [b"ROSSI_x0000_MARIO", b"ROSSI\x00MARIO"], ids=["excel-escape", "raw-byte"])
def test_xlsx_cell_with_nul_is_stored_marked_on_every_database(workspace, ente, tmp_path, capsys, written):
    data = _replace_in_zip(list_xlsx(rows=2), b"ROSSI MARIO", written)
    code, err = _import_list(workspace, tmp_path, capsys, "nul.xlsx", data)
    assert code == 0, err
    assert "Traceback" not in err
    debts = _shown(workspace, capsys)
    assert [d["debtor_name"] for d in debts] == [f"ROSSI{NUL_STANDIN}MARIO"] * 2
    assert all(not d["valid"] and any(CONTROL_MESSAGE in e["message"] for e in d["errors"]) for d in debts)
    assert f"riga 2, Nominativo: {CONTROL_MESSAGE}" in err


def test_csv_list_with_nul_past_the_first_kilobytes_is_stored_marked(workspace, ente, tmp_path, capsys):
    rows = "".join(f"T-{i};RSSMRA85T10A562S;ROSSI MARIO;10,50;30/06/2026;TARI 2026\n" for i in range(200))
    rows += "T-NUL;RSSMRA85T10A562S;VERDI\x00ANNA;10,50;30/06/2026;TARI 2026\n"
    assert len(LIST_HEADER + rows) > 4096  # (a NUL in the first 4 KiB means "not a text file": refused)
    code, err = _import_list(workspace, tmp_path, capsys, "nul.csv", (LIST_HEADER + rows).encode())
    assert code == 0, err
    bad = [d for d in _shown(workspace, capsys) if d["iud"] == "T-NUL"]
    assert bad[0]["debtor_name"] == f"VERDI{NUL_STANDIN}ANNA" and not bad[0]["valid"]


def test_flow_with_nul_is_read_like_any_control_character(workspace, ente, tmp_path, capsys):
    name, data = flow_zip(rows=60)
    zin = zipfile.ZipFile(io.BytesIO(data))
    member = zin.namelist()[0]
    text = zin.read(member)
    at = text.rindex(b"ROSSI MARIO")  # the last row's, past the first 4 KiB (a NUL there: "not a text file")
    assert at > 4096
    text = text[:at] + b"ROSSI\x00MARIO" + text[at + len(b"ROSSI MARIO"):]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(member, text)
    code, err = _import_list(workspace, tmp_path, capsys, name, buf.getvalue())
    assert code == 0, err
    bad = [d for d in _shown(workspace, capsys) if d["iud"] == "F-59"]
    assert bad[0]["debtor_name"] == f"ROSSI{NUL_STANDIN}MARIO" and not bad[0]["valid"]


def test_receipts_export_with_nul_is_imported_on_every_database(workspace, ente, tmp_path, capsys):
    rows = [receipt_row(i) for i in range(1, 4)]
    rows[1] = receipt_row(2, anagraficaPagatore="Debitore\x00Due")
    path = tmp_path / "export.csv"
    path.write_bytes(rx.write_export_csv(rows, "1.3", False))
    code, out, err = run_cli(workspace.path, "receipts", "import", str(path), "--json", capsys=capsys)
    assert code == 0, err
    assert json.loads(out)["new"] == 3
    assert f"Debitore{NUL_STANDIN}Due" in {r.payer_name for r in workspace.receipts.list()}


def test_bank_csv_with_nul_is_imported_on_every_database(workspace, ente, tmp_path, capsys):
    lines = "".join(f"0{1 + i % 9}/02/2024;0{1 + i % 9}/02/2024;10,00;Bonifico {i}\n" for i in range(120))
    lines += "03/02/2024;03/02/2024;20,00;Bonifico\x00TARI\n"
    data = (BANK_HEADER + lines).encode()
    assert data.index(b"\x00") > 4096
    path = tmp_path / "banca.csv"
    path.write_bytes(data)
    code, _out, err = run_cli(workspace.path, "reconcile", "import", str(path), capsys=capsys)
    assert code == 0, err
    assert "Traceback" not in err


def test_a_nul_reaching_the_database_another_way_is_a_clear_error(workspace, ente, tmp_path, capsys):
    """Only PostgreSQL refuses it; on SQLite the value is stored (and marked by the rules) as before."""
    workspace.lists.create_list("Diretta", default_debt_type="TARI")
    before = snapshot(workspace)
    record = DebtRecord(iud="D-1", debtor_type="F", debtor_code="RSSMRA85T10A562S", debtor_name="ROSSI\x00MARIO",
                        amount_cents=1000, debt_type="TARI", causale="TARI")
    if workspace.db.kind != "postgresql":
        workspace.lists.add_debts("Diretta", [record])
        return
    with pytest.raises(DatabaseValueError, match="carattere nullo"):
        workspace.lists.add_debts("Diretta", [record])
    assert snapshot(workspace) == before


def test_the_command_line_reports_the_refused_value_as_a_data_error():
    from mypay_desk.clicmds.common import EXIT_DATA, describe_error
    from mypay_desk.store.db import NUL_MESSAGE

    err = describe_error(DatabaseValueError(NUL_MESSAGE))
    assert err is not None and err.status == EXIT_DATA and "carattere nullo" in err.message


def test_a_nul_the_server_itself_refuses_is_the_same_clear_error(workspace):
    if workspace.db.kind != "postgresql":
        pytest.skip("PostgreSQL's own refusal (SQLSTATE 22021)")
    from sqlalchemy import text

    with pytest.raises(DatabaseValueError, match="carattere nullo"), workspace.db.session() as s:
        s.execute(text("SELECT convert_from('\\x00'::bytea, 'UTF8')"))
