"""Citizens paying on the sandbox: receipts with realistic PSP data, PagatiConRicevuta, RT, and the
receipt export (mypay4-interfaces.md §1.3, §3.1).

A payment marks the dovuto COMPLETATO and stores one receipt: the PagatiConRicevuta XML (for
paaSILChiediPagatiConRicevuta), the receipt XML (``rt``, a paSendRT as MyPay stores it now) and the row
of the receipt export, so exports are written straight from stored rows. The payer is the debtor.
"""

from __future__ import annotations

import json
import random
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime

from mypay_desk.domain.money import format_flow_amount
from mypay_desk.formats.bilancio import bilancio_xml
from mypay_desk.formats.receipt_export import ReceiptRow, write_export_zip
from mypay_desk.formats.receipt_xml import ReceiptData, TransferData, write_receipt_xml
from mypay_desk.simulator import rules
from mypay_desk.simulator.soap import PAYLOAD_VERSION, build_payload, payer_fields
from mypay_desk.simulator.state import (
    COMPLETATO,
    DA_PAGARE,
    PAGAMENTO_INIZIATO,
    Ente,
    SimState,
    record_from_json,
    ts,
)

# pagoPA PSPs as they appear in receipts: identifier (BIC-like) and company name.
PSPS: tuple[tuple[str, str], ...] = (
    ("BCITITMM", "Intesa Sanpaolo S.p.A."),
    ("UNCRITMM", "UniCredit S.p.A."),
    ("BPPIITRRXXX", "Poste Italiane S.p.A."),
    ("CIPBITMM", "Nexi Payments S.p.A."),
    ("SELBIT2BXXX", "Banca Sella S.p.A."),
    ("BPMOIT22XXX", "BPER Banca S.p.A."),
    ("PASCITMM", "Banca Monte dei Paschi di Siena S.p.A."),
    ("SATYLUL1", "Satispay Europe S.A."),
)
PSP_FEES_CENTS = (50, 100, 120, 150, 200)
SANDBOX_IBAN = "IT60X0542811101000000123456"  # the textbook example IBAN: obviously not a real account
PAYMENT_METHODS = ("creditCard", "PPAL", "BBT", "CP", "AD")

PAYABLE = (DA_PAGARE, PAGAMENTO_INIZIATO)


@dataclass
class Payment:
    iud: str
    iuv: str
    amount_cents: int
    psp_id: str
    psp_name: str
    iur: str
    receipt_id: str
    paid_at: str  # local date-time, ISO
    fee_cents: int

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Skipped:
    iud: str
    reason: str

    def to_dict(self) -> dict:
        return asdict(self)


def notice_number(iuv: str, ente: Ente) -> str:
    if len(iuv) == 17:
        return "3" + iuv
    if len(iuv) == 15:
        return "0" + ente.segregation_code + iuv
    return iuv


def taxonomy_of(collection_data: str) -> str:
    """``9/0101108TS/...`` -> ``9/0101108TS/`` (the code part the export calls cod_tassonomico)."""
    parts = collection_data.split("/")
    return f"{parts[0]}/{parts[1]}/" if len(parts) >= 2 and parts[1] else collection_data


def select_dovuti(state: SimState, ente: Ente, *, iuds: list[str] | None = None, fraction: float | None = None,
                  seed: int | None = None) -> tuple[list[int], list[Skipped]]:
    """Which dovuti to pay: the named IUDs (each checked), or a random fraction of the payable ones."""
    c = state.conn()
    skipped: list[Skipped] = []
    ids: list[int] = []
    if iuds:
        for iud in iuds:
            row = c.execute("SELECT id, state FROM dovuto WHERE ente_id=? AND iud=? ORDER BY (state='ANNULLATO'), "
                            "id DESC LIMIT 1", (ente.id, iud)).fetchone()
            if row is None:
                skipped.append(Skipped(iud, "IUD sconosciuto al portale"))
            elif row["state"] not in PAYABLE:
                skipped.append(Skipped(iud, {"COMPLETATO": "già pagato", "ANNULLATO": "annullato"}.get(
                    row["state"], row["state"])))
            elif row["id"] not in ids:
                ids.append(row["id"])
        return ids, skipped
    if fraction is None or not 0 <= fraction <= 1:
        raise ValueError("Indica gli IUD da pagare oppure una frazione tra 0 e 1")
    candidates = [r[0] for r in c.execute("SELECT id FROM dovuto WHERE ente_id=? AND state IN (?,?) ORDER BY id",
                                          (ente.id, *PAYABLE))]
    k = round(len(candidates) * fraction)
    rng = random.Random(seed)
    return sorted(rng.sample(candidates, k)), skipped


def pay(state: SimState, ente: Ente, dovuto_ids: list[int], *, seed: int | None = None,
        session_id: str | None = None, paid_at: datetime | None = None) -> list[Payment]:
    """Pay the given dovuti (those still payable) in one transaction; ``paid_at`` (local time) dates the
    payment in the past, as for a demo's history (the receipt still arrives now)."""
    rng = random.Random(seed)
    out: list[Payment] = []
    with state.write() as c:
        for dovuto_id in dovuto_ids:
            row = c.execute("SELECT d.*, f.iuf FROM dovuto d LEFT JOIN flow f ON f.id = d.flow_id WHERE d.id = ?",
                            (dovuto_id,)).fetchone()
            if row is None or row["state"] not in PAYABLE:
                continue
            iuv = row["iuv"]
            if not iuv:  # a dovuto without IUV gets one when paid (MyPay-style IUV17)
                iuv = rules.mypay_iuv17(ente.segregation_code, state.next_iuv_progressive(c, ente.id))
                c.execute("UPDATE dovuto SET iuv=?, iuv_generated=1 WHERE id=?", (iuv, dovuto_id))
            payment, receipt = _receipt(ente, row, iuv, rng, paid_at)
            now = ts()
            c.execute("UPDATE dovuto SET state=?, updated_at=? WHERE id=?", (COMPLETATO, now, dovuto_id))
            c.execute("INSERT INTO receipt(ente_id, dovuto_id, iuv, iud, debt_type, paid_on, received_at, session_id, "
                      "row, pagati, rt) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                      (ente.id, dovuto_id, iuv, row["iud"], row["debt_type"], payment.paid_at[:10], now, session_id,
                       json.dumps(receipt["row"], ensure_ascii=False), receipt["pagati"], receipt["rt"]))
            out.append(payment)
    return out


def _receipt(ente: Ente, row, iuv: str, rng: random.Random, paid_at: datetime | None = None
             ) -> tuple[Payment, dict]:
    rec = record_from_json(row["record"])
    psp_id, psp_name = rng.choice(PSPS)
    fee = rng.choice(PSP_FEES_CENTS)
    now = (paid_at or datetime.now()).replace(microsecond=0)
    today = now.date()
    receipt_id = uuid.uuid4().hex
    request_id = uuid.uuid4().hex
    context = uuid.uuid4().hex
    iur = f"{now:%Y%m%d}{rng.randrange(10**10):010d}"
    amount = format_flow_amount(row["amount_cents"])
    causale = f"/RFB/{iuv}/{amount}/TXT/{rec.causale}"[:140]
    station = f"{ente.fiscal_code}_01"

    pagati = build_payload("PagatiConRicevuta", [
        ("versioneOggetto", PAYLOAD_VERSION),
        ("dominio", [("identificativoDominio", ente.fiscal_code), ("identificativoStazioneRichiedente", station)]),
        ("identificativoMessaggioRicevuta", receipt_id),
        ("dataOraMessaggioRicevuta", now.isoformat()),
        ("riferimentoMessaggioRichiesta", request_id),
        ("riferimentoDataRichiesta", today.isoformat()),
        ("istitutoAttestante", [
            ("identificativoUnivocoAttestante", [("tipoIdentificativoUnivoco", "B"),
                                                 ("codiceIdentificativoUnivoco", psp_id)]),
            ("denominazioneAttestante", psp_name),
        ]),
        ("enteBeneficiario", [
            ("identificativoUnivocoBeneficiario", [("tipoIdentificativoUnivoco", "G"),
                                                   ("codiceIdentificativoUnivoco", ente.fiscal_code)]),
            ("denominazioneBeneficiario", ente.name[:70]),
        ]),
        ("soggettoPagatore", payer_fields(rec)),
        ("datiPagamento", [
            ("codiceEsitoPagamento", "0"),
            ("importoTotalePagato", amount),
            ("identificativoUnivocoVersamento", iuv),
            ("codiceContestoPagamento", context),
            ("datiSingoloPagamento", [
                ("identificativoUnivocoDovuto", row["iud"]),
                ("singoloImportoPagato", amount),
                ("esitoSingoloPagamento", "ESEGUITO"),
                ("dataEsitoSingoloPagamento", today.isoformat()),
                ("identificativoUnivocoRiscossione", iur),
                ("causaleVersamento", causale),
                ("datiSpecificiRiscossione", rec.collection_data),
                ("indiceDatiSingoloPagamento", "1"),
                ("commissioniApplicatePSP", format_flow_amount(fee)),
            ]),
        ]),
    ])
    category = rec.collection_data.split("/")[1] if rec.collection_data.count("/") >= 1 else rec.collection_data
    rt = write_receipt_xml(ReceiptData(
        receipt_id=receipt_id, notice_number=notice_number(iuv, ente), fiscal_code=ente.fiscal_code, iuv=iuv,
        amount_cents=row["amount_cents"], description=rec.causale, company_name=ente.name,
        debtor_type=rec.debtor_type or "F", debtor_code=rec.debtor_code, debtor_name=rec.debtor_name,
        transfers=[TransferData(row["amount_cents"], ente.fiscal_code, SANDBOX_IBAN, rec.causale, category)],
        psp_id=psp_id, psp_name=psp_name, channel_id=f"{psp_id}_ONLINE",
        payment_method=rng.choice(PAYMENT_METHODS), fee_cents=fee, payment_datetime=now, application_date=today,
        transfer_date=today, id_station=station, debtor_email=rec.email,
    ))
    export_row = {
        "iuf": row["iuf"] or "", "numRigaFlusso": str(row["flow_row"] or ""), "codIud": row["iud"], "codIuv": iuv,
        "versioneOggetto": PAYLOAD_VERSION, "identificativoDominio": ente.fiscal_code,
        "identificativoStazioneRichiedente": station, "identificativoMessaggioRicevuta": receipt_id,
        "dataOraMessaggioRicevuta": now.strftime("%Y-%m-%dT%H:%M:%S"),
        "riferimentoMessaggioRichiesta": request_id, "riferimentoDataRichiesta": today.isoformat(),
        "tipoIdentificativoUnivoco": "B", "codiceIdentificativoUnivoco": psp_id, "denominazioneAttestante": psp_name,
        "enteBenefTipoIdentificativoUnivoco": "G", "enteBenefCodiceIdentificativoUnivoco": ente.fiscal_code,
        "denominazioneBeneficiario": ente.name[:70],
        "soggVersTipoIdentificativoUnivoco": rec.debtor_type, "soggVersCodiceIdentificativoUnivoco": rec.debtor_code,
        "anagraficaVersante": rec.debtor_name, "indirizzoVersante": rec.address, "civicoVersante": rec.civic,
        "capVersante": rec.postal_code, "localitaVersante": rec.city, "provinciaVersante": rec.province,
        "nazioneVersante": rec.country, "emailVersante": rec.email,
        "soggPagTipoIdentificativoUnivoco": rec.debtor_type, "soggPagCodiceIdentificativoUnivoco": rec.debtor_code,
        "anagraficaPagatore": rec.debtor_name, "indirizzoPagatore": rec.address, "civicoPagatore": rec.civic,
        "capPagatore": rec.postal_code, "localitaPagatore": rec.city, "provinciaPagatore": rec.province,
        "nazionePagatore": rec.country, "emailPagatore": rec.email,
        "codiceEsitoPagamento": "0", "importoTotalePagato": amount, "identificativoUnivocoVersamento": iuv,
        "codiceContestoPagamento": context, "singoloImportoPagato": amount, "esitoSingoloPagamento": "ESEGUITO",
        "dataEsitoSingoloPagamento": today.isoformat(), "identificativoUnivocoRiscoss": iur,
        "causaleVersamento": causale, "datiSpecificiRiscossione": rec.collection_data, "tipoDovuto": rec.debt_type,
        "tipoFirma": "", "indiceDatiSingoloPagamento": "1",
        "numRtDatiPagDatiSingPagCommissioniApplicatePsp": format_flow_amount(fee),
        "codRtDatiPagDatiSingPagAllegatoRicevutaTipo": "", "blbRtDatiPagDatiSingPagAllegatoRicevutaTest": "",
        "bilancio": bilancio_xml(rec.bilancio), "cod_fiscale_pa1": ente.fiscal_code, "de_nome_pa1": ente.name,
        "cod_tassonomico_dovuto_pa1": taxonomy_of(rec.collection_data),
    }
    payment = Payment(iud=row["iud"], iuv=iuv, amount_cents=row["amount_cents"], psp_id=psp_id, psp_name=psp_name,
                      iur=iur, receipt_id=receipt_id, paid_at=now.isoformat(), fee_cents=fee)
    return payment, {"pagati": pagati, "rt": rt, "row": export_row}


# --- the receipt export ------------------------------------------------------------------------

LOAD_EXPORT = "LOAD_EXPORT"
EXPORT_IN_ELAB = "EXPORT_IN_ELAB"
EXPORT_ESEGUITO = "EXPORT_ESEGUITO"
ERROR_EXPORT = "ERROR_EXPORT"
NESSUN_DOVUTO = "EXPORT_ESEGUITO_NESSUN_DOVUTO_TROVATO"
FILE_TYPE_EXPORT = "FLUSSI_EXPORT"


def build_export(state: SimState, request_token: str, *, pause: Callable[[], object] | None = None) -> str:
    """Write the export ZIP of a booked request; returns the final state."""
    c = state.conn()
    req = c.execute("SELECT rowid, * FROM export_request WHERE request_token = ?", (request_token,)).fetchone()
    if req is None or req["state"] in (EXPORT_ESEGUITO, ERROR_EXPORT):
        return req["state"] if req else ""
    with state.write() as w:
        w.execute("UPDATE export_request SET state=? WHERE request_token=?", (EXPORT_IN_ELAB, request_token))
    if pause is not None:
        pause()
    ente = state.ente_by_id(req["ente_id"])
    assert ente is not None
    p = json.loads(req["params"])
    sql = "SELECT row, rt FROM receipt WHERE ente_id = ?"
    args: list = [ente.id]
    if p["kind"] == "incremental":  # by arrival of the receipt: from <= t < to
        sql += " AND received_at >= ? AND received_at < ?"
        args += [p["from"], p["to"]]
    else:  # by payment date, both days included
        sql += " AND paid_on >= ? AND paid_on <= ?"
        args += [p["from"][:10], p["to"][:10]]
    if p.get("tipo"):
        sql += " AND debt_type = ?"
        args.append(p["tipo"])
    rows = []
    for r in c.execute(sql + " ORDER BY received_at, id", args):
        rows.append(ReceiptRow(**json.loads(r["row"]), rt_xml=bytes(r["rt"])))
    file_name = ""
    if rows:
        when = datetime.now().replace(microsecond=0)
        file_name, payload = write_export_zip(rows, p["version"], p["ricevuta"], export_id=str(req["rowid"]),
                                              when=when, ipa_code=ente.ipa)
        path = state.path_for(f"{ente.ipa}/EXPORT/{when:%Y_%m}/{file_name}")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(payload)
        file_name = f"/EXPORT/{when:%Y_%m}/{file_name}"
    with state.write() as w:
        w.execute("UPDATE export_request SET state=?, file_name=?, rows=?, processed_at=? WHERE request_token=?",
                  (EXPORT_ESEGUITO, file_name, len(rows), ts(), request_token))
    return EXPORT_ESEGUITO
