"""A list pushed without IUVs comes back with a numero avviso for every accepted debt, whoever generates the
IUVs (issue 11, point 5), and a rejected debt keeps every code of the portal on itself (points 4 and 6):
through the command line, against the sandbox, whose every SOAP exchange is validated against MyPay's WSDL
(tests/conftest.py).

MyPay's behaviour: ImportFlussoTaskService.validaElabora generates an IUV17 for an I row with flagGeneraIuv=true
and no codIuv (tracciato 1_3/1_4) and writes it in the flow's <name>_IUV file; its SCARTI file carries the
codes of a rejected row each after a "|" (RegioneDelVeneto/mypay, mypay4-be scheduled/importflusso/).
"""

from __future__ import annotations

import json
from dataclasses import replace

import pypdfium2
import pytest

from mypay_desk.cli import main
from mypay_desk.domain.codes import is_reserved_for_mypay, parse_notice_number, validate_iuv
from tests.integration.portal_support import PASSWORD, make_list, portal_dovuti, start_sandbox, tari_records

pytestmark = pytest.mark.integration


@pytest.fixture
def sandbox(workspace, ente, tmp_path, monkeypatch):
    # MENSA exists on the portal but is not active there and needs a due date: a debt that is valid
    # locally (MENSA needs none here) is rejected with two codes.
    server = start_sandbox(workspace, ente, tmp_path / "sandbox", types=("TARI:scadenza", "MENSA:inattivo+scadenza"))
    monkeypatch.setenv("MYPAY_DESK_WORKSPACE", str(workspace.path))
    yield server
    server.stop()


def run(capsys, *argv) -> tuple[int, dict | list | None, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, (json.loads(out.out) if out.out.strip().startswith(("{", "[")) else None), out.err


def _records(workspace):
    recs = tari_records(4, generate_iuv=False)  # no IUV and no flagGeneraIuv: the office left it to the app
    mensa = replace(tari_records(5, generate_iuv=False)[4], debt_type="MENSA", collection_data="9/0201133IM/",
                    due_date=None, causale="Mensa scolastica marzo")
    return recs + [mensa]


def _show(capsys, name: str) -> dict[str, dict]:
    code, doc, err = run(capsys, "lists", "show", name, "--json")
    assert code == 0, err
    rows = doc["debts"] if isinstance(doc, dict) else doc
    return {d["iud"]: d for d in rows}


def test_pushed_without_iuv_every_accepted_debt_gets_a_notice_and_the_rejected_one_its_codes(
        workspace, ente, sandbox, capsys, tmp_path):
    assert workspace.ente.current().iuv_generation == "portal"  # the default
    make_list(workspace, "TARI", _records(workspace))

    code, report, err = run(capsys, "sync", "push", "TARI", "--wait", "--json")
    assert code == 0, err
    assert (report["accepted"], report["rejected"]) == (4, 1)

    debts = _show(capsys, "TARI")
    accepted = [d for d in debts.values() if d["state"] == "SUL_PORTALE"]
    assert len(accepted) == 4
    on_portal = {r["iud"]: r["iuv"] for r in portal_dovuti(sandbox, "C_TEST")}
    for d in accepted:
        assert validate_iuv(d["iuv"]) == "IUV17" and is_reserved_for_mypay(d["iuv"])  # the portal's IUV
        assert on_portal[d["iud"]] == d["iuv"]
        nav = parse_notice_number(d["notice_number"])
        assert nav.iuv == d["iuv"] and nav.aux_digit == 3

    rejected = debts["TARI25-00005"]
    assert rejected["state"] == "RIFIUTATO" and rejected["iuv"] == ""
    by_column = {e["column"]: e["message"] for e in rejected["errors"]}
    assert "PAA_IMPORT_SINTASSI_CSV_TIPO_DOVUTO_NON_ATTIVO_PER_ENTE" in by_column["tipoDovuto"]
    assert "PAA_IMPORT_SINTASSI_CSV_DATA_SCADENZA_PAGAMENTO_NON_PRESENTE" in by_column["dataScadenzaPagamento"]
    assert all(e["message"].startswith("Rifiutato dal portale") for e in rejected["errors"])
    (rejection,) = report["rejections"]
    assert rejection["codes"] == ["PAA_IMPORT_SINTASSI_CSV_TIPO_DOVUTO_NON_ATTIVO_PER_ENTE",
                                  "PAA_IMPORT_SINTASSI_CSV_DATA_SCADENZA_PAGAMENTO_NON_PRESENTE"]
    assert rejection["code"] == rejection["codes"][0]  # as many as fit in 80 characters

    out = tmp_path / "avvisi.pdf"
    code, printed, err = run(capsys, "notices", "print", "TARI", "-o", str(out), "--json")
    assert code == 0, err
    assert printed["printed"] == 4 and [s["iud"] for s in printed["skipped"]] == ["TARI25-00005"]
    pdf = pypdfium2.PdfDocument(str(out))
    text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf))).replace(" ", "")
    pdf.close()
    for d in accepted:
        assert d["notice_number"] in text


def test_the_ente_can_generate_its_own_iuvs(workspace, ente, sandbox, capsys):
    code, _doc, err = run(capsys, "ente", "set", "--ipa", ente.ipa_code, "--fiscal-code", ente.fiscal_code,
                          "--name", ente.name, "--iuv-generation", "app")
    assert code == 0, err
    assert workspace.ente.current().iuv_generation == "app"
    make_list(workspace, "TARI", _records(workspace)[:3])

    code, report, err = run(capsys, "sync", "push", "TARI", "--wait", "--json")
    assert code == 0, err
    assert report["accepted"] == 3
    debts = _show(capsys, "TARI")
    on_portal = {r["iud"]: r["iuv"] for r in portal_dovuti(sandbox, "C_TEST")}
    for d in debts.values():
        # an IUV of the Ente: its segregation code, not MyPay's 00 in positions 3-4
        assert d["iuv"].startswith(ente.segregation_code) and not is_reserved_for_mypay(d["iuv"])
        assert on_portal[d["iud"]] == d["iuv"] and d["notice_number"] == "3" + d["iuv"]

    # without a segregation code the app cannot: the setting is refused with a clear message
    code, _doc, err = run(capsys, "ente", "set", "--ipa", ente.ipa_code, "--fiscal-code", ente.fiscal_code,
                          "--name", ente.name, "--segregation-code", "")
    assert code == 1 and "codice di segregazione" in err


def test_a_single_debt_at_the_desk_gets_an_iuv_either_way(workspace, ente, sandbox):
    ids = make_list(workspace, "SPORTELLO", tari_records(2, generate_iuv=False))
    first = workspace.sync.send_single(ids[0])
    assert first.accepted and is_reserved_for_mypay(first.iuv) and first.notice_number == "3" + first.iuv
    workspace.ente.save(replace(workspace.ente.current(), iuv_generation="app"))
    second = workspace.sync.send_single(ids[1])
    assert second.accepted and second.iuv.startswith(ente.segregation_code)
    assert not is_reserved_for_mypay(second.iuv) and second.notice_number == "3" + second.iuv
    assert PASSWORD  # the sandbox's Ente is the workspace's


def test_every_request_the_client_builds_and_every_reply_validates(workspace, ente, sandbox):
    """Each operation of the client once against the sandbox, answers and faults alike: the exchanges are
    validated against pa-per-ente.wsdl and PagInf_Dovuti_Pagati_6_2_0.xsd by the observer of the sandbox
    (tests/conftest.py fails the test on any complaint). The payloads are the ones the sync services build."""
    from datetime import date, datetime, timedelta

    from mypay_desk.formats import soap
    from mypay_desk.services.errors import PortalError
    from mypay_desk.services.sync.common import dovuto_item, payer_of

    seen: list[bytes] = []
    observe = sandbox.exchange_observer
    sandbox.exchange_observer = lambda req, status, reply: (seen.append(req), observe(req, status, reply))
    rec = tari_records(1, prefix="SOAP")[0]
    with workspace.portal.client() as client:  # the Ente as saved, pointed at the sandbox
        assert client.test_connection().ok
        auth = client.autorizza_import_flusso()
        with pytest.raises(PortalError, match="PAA_REQUEST_TOKEN_NON_VALIDO"):
            client.chiedi_stato_import_flusso(auth.request_token)  # a fault reply: nothing uploaded with it
        versamento = soap.build_versamento(soap.Versamento(item=dovuto_item(rec), action="I", payer=payer_of(rec),
                                                           due_date=rec.due_date))
        done = client.importa_dovuto(versamento, generate_iuv=True)
        assert done.iuv
        client.invia_dovuti(soap.build_dovuti(payer_of(rec), [dovuto_item(rec)]), return_url="https://ente.it/esito")
        client.chiedi_pagati_con_ricevuta(iud=rec.iud)
        sandbox.pay("C_TEST", [rec.iud])
        assert client.chiedi_pagati_con_ricevuta(iud=rec.iud).paid  # the receipt (rt) validated too
        client.chiedi_posizioni_aperte(rec.debtor_type, rec.debtor_code)
        token = client.prenota_export_flusso(date.today() - timedelta(days=1), date.today())
        client.chiedi_stato_export_flusso(token)
        booking = client.prenota_export_incrementale_con_ricevuta(datetime.now() - timedelta(days=1))
        client.chiedi_stato_export_flusso(booking.request_token)
        with pytest.raises(PortalError):
            client.chiedi_stato_export_flusso("TOKEN-SCONOSCIUTO")
    operations = {s.split(b"<ppt:", 1)[1].split(b">", 1)[0].split()[0].decode() for s in seen if b"<ppt:" in s}
    assert {"paaSILAutorizzaImportFlusso", "paaSILChiediStatoImportFlusso", "paaSILImportaDovuto",
            "paaSILInviaDovuti", "paaSILChiediPagatiConRicevuta", "paaSILChiediPosizioniAperte",
            "paaSILPrenotaExportFlusso", "paaSILPrenotaExportFlussoIncrementaleConRicevuta",
            "paaSILChiediStatoExportFlusso"} <= operations
