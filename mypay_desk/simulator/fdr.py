"""PSP reporting flows (FdR) and the treasury's giornale di cassa (OPI) of the sandbox.

What really happens after a citizen pays (pagopa-standards.md §3.1-3.6): each PSP settles the day's
payments for an Ente with one SEPA credit transfer and reports them in a ``FlussoRiversamento`` whose
``identificativoFlusso`` is ``<settlement date><PSP id>-<free part>`` (§3.3); the treasurer records the
credit as a SOSPESO ENTRATA whose causale is ``/PUR/LGPE-RIVERSAMENTO/URI/<IUF>`` (§3.6).

:func:`reports` does the same from the sandbox's receipts. Payments not yet reported and paid on or
before ``until`` are grouped by (payment day, PSP); each group becomes one flow and one treasury credit.
Flows and credits are stored when first made and never change, like a PSP's (asking again returns the
same files; later payments go into new flows with the next progressive). Choices where real life
varies and the reference does not decide:

- the sandbox's PSPs settle on the day of payment (real ones: by the next working day), so reports can
  be fetched right after paying; ``dataOraFlusso`` is when the sandbox wrote the flow;
- ``identificativoUnivocoRegolamento`` is a made-up TRN, also used as the credit's end_to_end_id;
- one line per receipt: IUV, the receipt's IUR and transfer index, amount, outcome 0, payment date;
- the giornale di cassa is one document for one ``esercizio`` (the year of ``until``) with every credit
  of that year up to ``until``; movements keep their sospeso number, so importing a later journal adds
  only the new ones.

Anomalies (``anomalies=True`` for all, or a collection of :data:`ANOMALIES` names) are drawn once per
batch of new flows, with ``seed``: ``amount_mismatch`` (a PSP reports one payment net of its fee),
``not_credited`` (a flow never credited), ``wrong_credit`` (a credit short of the flow's total),
``unrelated_credit`` (a treasury credit with no pagoPA reference), ``duplicate`` (a payment reported
again in a further flow of the same PSP, and credited). They are recorded and listed with the files.
"""

from __future__ import annotations

import hashlib
import io
import json
import random
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from mypay_desk.domain.money import format_flow_amount, parse_flow_amount
from mypay_desk.formats.fdr import FdrFlowData, FdrLineData, write_fdr
from mypay_desk.formats.opi import OpiHeader, write_opi
from mypay_desk.simulator.state import Ente, SimState, ts

ANOMALIES = ("amount_mismatch", "not_credited", "wrong_credit", "unrelated_credit", "duplicate")
ANOMALY_LABELS = {
    "amount_mismatch": "PSP che rendiconta un importo diverso dalla ricevuta",
    "not_credited": "flusso mai riversato in tesoreria",
    "wrong_credit": "riversamento con importo diverso dal totale del flusso",
    "unrelated_credit": "accredito in tesoreria estraneo a pagoPA",
    "duplicate": "pagamento rendicontato due volte",
}
TREASURY_ACCOUNT = "0000100"  # conto di evidenza of the Ente's pagoPA receipts (any code will do)
CAUSALE_PREFIX = "/PUR/LGPE-RIVERSAMENTO/URI/"
# Credits that reach an Ente's treasury without any pagoPA reference.
UNRELATED = (
    ("MINISTERO DELL'INTERNO", "RIMBORSO SPESE CONSULTAZIONI ELETTORALI"),
    ("REGIONE LOMBARDIA", "CONTRIBUTO REGIONALE DIRITTO ALLO STUDIO A.S. CORRENTE"),
    ("ASD BORGO VOLLEY", "BONIFICO CANONE UTILIZZO PALESTRA COMUNALE"),
    ("PROVINCIA DI MILANO", "TRASFERIMENTO FONDI MANUTENZIONE STRADE"),
)


class ReportError(ValueError):
    """Bad parameters (unknown anomaly, Ente not provisioned); the message names them."""


def parse_anomalies(value: bool | str | Iterable[str] | None) -> tuple[str, ...]:
    """``True`` / "1" / "true" / "all" -> every anomaly; ``False`` / "" / "0" -> none; else names
    (a comma-separated string or an iterable)."""
    if value is None or value is False:
        return ()
    if value is True:
        return ANOMALIES
    if isinstance(value, str):
        text = value.strip().lower()
        if text in ("", "0", "false", "no"):
            return ()
        if text in ("1", "true", "yes", "si", "sì", "all", "tutte"):
            return ANOMALIES
        names = [n.strip() for n in text.split(",") if n.strip()]
    else:
        names = [str(n).strip().lower() for n in value]
    unknown = [n for n in names if n not in ANOMALIES]
    if unknown:
        raise ReportError(f"anomalia sconosciuta: {', '.join(unknown)} (ammesse: {', '.join(ANOMALIES)})")
    return tuple(dict.fromkeys(names))


@dataclass
class _Line:
    receipt_id: int
    iuv: str
    iur: str
    index: int
    amount_cents: int
    fee_cents: int
    day: date


@dataclass
class _Flow:
    psp_id: str
    psp_name: str
    day: date
    lines: list[_Line] = field(default_factory=list)
    reported: dict[int, int] = field(default_factory=dict)  # line position -> reported amount
    credited: bool = True
    credit_cents: int | None = None  # what the treasury received, when not the flow's total
    iuf: str = ""

    def amount(self, i: int) -> int:
        return self.reported.get(i, self.lines[i].amount_cents)

    @property
    def total(self) -> int:
        return sum(self.amount(i) for i in range(len(self.lines)))


def reports(state: SimState, ente: Ente, *, until: date | None = None,
            anomalies: bool | str | Iterable[str] | None = False, seed: int | None = None) -> dict:
    """Report the Ente's unreported payments up to ``until`` (default today) and return every stored
    flow up to that day and the giornale di cassa::

        {"fdr": [(file name, XML bytes), ...], "opi": (file name, XML bytes),
         "anomalies": [{"kind", "label", "iuf", "iuv", "description"}, ...]}
    """
    until = until or date.today()
    kinds = parse_anomalies(anomalies)
    rng = random.Random(seed)
    with state.write() as c:
        flows = _new_flows(c, ente, until)
        if flows:
            notes = _inject(flows, kinds, rng, ente)
            _store(c, ente, flows, notes, rng, kinds)
    return _files(state, ente, until)


def reports_zip(result: dict) -> bytes:
    """The files of :func:`reports` in one ZIP (``FdR/<IUF>.xml``, ``OPI/<name>.xml``, ``anomalie.json``)."""
    stamp = datetime.now().timetuple()[:6]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        def put(name: str, data: bytes) -> None:
            zf.writestr(zipfile.ZipInfo(name, date_time=stamp), data, zipfile.ZIP_DEFLATED)

        for name, data in result["fdr"]:
            put(f"FdR/{name}", data)
        name, data = result["opi"]
        put(f"OPI/{name}", data)
        put("anomalie.json", json.dumps(result["anomalies"], ensure_ascii=False, indent=2).encode("utf-8"))
    return buf.getvalue()


# --- building -----------------------------------------------------------------------------------

def _new_flows(c, ente: Ente, until: date) -> list[_Flow]:
    rows = c.execute(
        "SELECT r.id, r.iuv, r.paid_on, r.row FROM receipt r WHERE r.ente_id = ? AND r.paid_on <= ? "
        "AND NOT EXISTS (SELECT 1 FROM fdr_line l WHERE l.receipt_id = r.id) ORDER BY r.paid_on, r.id",
        (ente.id, until.isoformat()))
    groups: dict[tuple[str, str], _Flow] = {}
    for rid, iuv, paid_on, raw in rows:
        row = json.loads(raw)
        psp_id = row.get("codiceIdentificativoUnivoco") or "SANDBOXPSP"
        day = date.fromisoformat(paid_on[:10])
        flow = groups.get((paid_on[:10], psp_id))
        if flow is None:
            flow = groups[(paid_on[:10], psp_id)] = _Flow(psp_id, row.get("denominazioneAttestante", ""), day)
        fee_text = row.get("numRtDatiPagDatiSingPagCommissioniApplicatePsp") or "0"
        flow.lines.append(_Line(
            receipt_id=rid, iuv=iuv, iur=row.get("identificativoUnivocoRiscoss") or iuv,
            index=int(row.get("indiceDatiSingoloPagamento") or 1),
            amount_cents=parse_flow_amount(row["singoloImportoPagato"]), fee_cents=parse_flow_amount(fee_text),
            day=day))
    return [groups[k] for k in sorted(groups)]


def _inject(flows: list[_Flow], kinds: tuple[str, ...], rng: random.Random, ente: Ente) -> list[dict]:
    """Apply the anomalies to the new flows (each on a different flow where there are enough);
    returns their descriptions (``unrelated_credit`` is added by :func:`_store`)."""
    notes: list[dict] = []
    order = list(range(len(flows)))
    rng.shuffle(order)
    # Flows with several payments first: an anomaly there still leaves the rest of the flow to see.
    order.sort(key=lambda i: len(flows[i].lines) < 2)
    used: set[int] = set()

    def pick() -> int:
        for i in order:
            if i not in used:
                used.add(i)
                return i
        return order[0]

    if "amount_mismatch" in kinds:
        f = flows[pick()]
        pos = rng.randrange(len(f.lines))
        ln = f.lines[pos]
        cut = ln.fee_cents if 0 < ln.fee_cents < ln.amount_cents else max(ln.amount_cents // 10, 1)
        f.reported[pos] = ln.amount_cents - cut
        notes.append({"kind": "amount_mismatch", "flow": f, "iuv": ln.iuv,
                      "description": f"rendicontati {format_flow_amount(f.reported[pos])} euro invece di "
                                     f"{format_flow_amount(ln.amount_cents)} (commissione trattenuta)"})
    if "duplicate" in kinds:
        src = flows[pick()]
        candidates = [p for p in range(len(src.lines)) if p not in src.reported]
        pos = rng.choice(candidates or list(range(len(src.lines))))
        ln = src.lines[pos]
        dup = _Flow(src.psp_id, src.psp_name, src.day, [ln])
        flows.append(dup)
        notes.append({"kind": "duplicate", "flow": dup, "iuv": ln.iuv,
                      "description": f"il pagamento è anche nel flusso precedente di {src.psp_name}"})
    if "not_credited" in kinds:
        f = flows[pick()]
        f.credited = False
        notes.append({"kind": "not_credited", "flow": f, "iuv": "",
                      "description": f"il PSP {f.psp_name} non ha mai riversato il flusso"})
    if "wrong_credit" in kinds:
        f = flows[pick()]
        if not f.credited:  # too few flows to keep the anomalies apart: take any credited one
            f = next((g for g in flows if g.credited), f)
        if f.credited and f.total > 1:
            # The bank credited the flow without one of its payments (1 euro short if it has only one).
            short = min(ln.amount_cents for ln in f.lines) if len(f.lines) > 1 else 100
            f.credit_cents = f.total - min(max(short, 1), f.total - 1)
            notes.append({"kind": "wrong_credit", "flow": f, "iuv": "",
                          "description": f"riversati {format_flow_amount(f.credit_cents)} euro invece di "
                                         f"{format_flow_amount(f.total)}"})
    return notes


def _store(c, ente: Ente, flows: list[_Flow], notes: list[dict], rng: random.Random, kinds: tuple[str, ...]) -> None:
    now = datetime.now().replace(microsecond=0)
    created = ts()
    for f in flows:
        day = f.day.isoformat()
        n = c.execute("SELECT count(*) FROM fdr WHERE ente_id=? AND psp_id=? AND settlement_date=?",
                      (ente.id, f.psp_id, day)).fetchone()[0]
        f.iuf = f"{day}{f.psp_id}-{n + 1:010d}"[:35]
        trn = f"{f.day:%Y%m%d}{f.psp_id[:8]}{n + 1:04d}{rng.randrange(10**9):09d}"
        data = FdrFlowData(
            source="", version="1.0", flow_id=f.iuf, flow_datetime=now, settlement_id=trn, settlement_date=f.day,
            sender_type="B", sender_id=f.psp_id, sender_name=f.psp_name, bic=f.psp_id, receiver_id=ente.fiscal_code,
            receiver_name=ente.name, total_count=len(f.lines), total_amount_cents=f.total,
            lines=[FdrLineData(line_number=i + 1, iuv=ln.iuv, iur=ln.iur, payment_index=ln.index,
                               amount_cents=f.amount(i), outcome_code="0", outcome_date=ln.day)
                   for i, ln in enumerate(f.lines)])
        fdr_id = c.execute(
            "INSERT INTO fdr(ente_id, iuf, psp_id, settlement_date, total_cents, lines, xml, created_at) "
            "VALUES (?,?,?,?,?,?,?,?)", (ente.id, f.iuf, f.psp_id, day, f.total, len(f.lines), write_fdr(data),
                                         created)).lastrowid
        c.executemany("INSERT INTO fdr_line(fdr_id, receipt_id) VALUES (?,?)",
                      [(fdr_id, ln.receipt_id) for ln in f.lines])
        if f.credited:
            cents = f.total if f.credit_cents is None else f.credit_cents
            _credit(c, ente, fdr_id, f.day, cents, CAUSALE_PREFIX + f.iuf, f.psp_name.upper(),
                    trn)
    for note in notes:
        flow = note.pop("flow")
        c.execute("INSERT INTO anomaly(ente_id, kind, iuf, iuv, description, created_at) VALUES (?,?,?,?,?,?)",
                  (ente.id, note["kind"], flow.iuf, note["iuv"], note["description"], created))
    if "unrelated_credit" in kinds:
        customer, causale = rng.choice(UNRELATED)
        cents = rng.randrange(15_000, 250_000, 100)
        when = max(f.day for f in flows)
        _credit(c, ente, None, when, cents, causale, customer, "")
        c.execute("INSERT INTO anomaly(ente_id, kind, iuf, iuv, description, created_at) VALUES (?,?,?,?,?,?)",
                  (ente.id, "unrelated_credit", "", "",
                   f"{customer}: {causale}, {format_flow_amount(cents)} euro", created))


def _credit(c, ente: Ente, fdr_id: int | None, day: date, cents: int, causale: str, customer: str,
            end_to_end: str) -> None:
    number = c.execute("SELECT coalesce(max(number), 0) + 1 FROM treasury WHERE ente_id=? AND year=?",
                       (ente.id, day.year)).fetchone()[0]
    c.execute("INSERT INTO treasury(ente_id, fdr_id, year, number, movement_date, amount_cents, causale, customer, "
              "end_to_end_id) VALUES (?,?,?,?,?,?,?,?,?)",
              (ente.id, fdr_id, day.year, number, day.isoformat(), cents, causale, customer, end_to_end[:35]))


# --- the files ----------------------------------------------------------------------------------

def opi_header(ente: Ente, created: datetime) -> OpiHeader:
    """The journal's testata for the Ente: SIOPE+ codes of the right shapes derived from its data (the sandbox
    knows no real ones): codice_ente is 6 characters [A-Z0-9], the ISTAT/SIOPE code 9-15 digits."""
    tag = hashlib.sha1(ente.ipa.encode("utf-8")).hexdigest().upper()
    return OpiHeader(ente_code="UF" + tag[:4], ente_name=ente.name or ente.ipa, istat_code="0" + ente.fiscal_code,
                     fiscal_code=ente.fiscal_code, ente_gateway=f"A2A-{int(tag[:8], 16) % 10**8:08d}",
                     bank_ente_code=ente.fiscal_code[-7:], created=created.replace(tzinfo=None))


def _files(state: SimState, ente: Ente, until: date) -> dict:
    c = state.conn()
    fdr_files = [(f"{r['iuf']}.xml", bytes(r["xml"])) for r in c.execute(
        "SELECT iuf, xml FROM fdr WHERE ente_id=? AND settlement_date <= ? ORDER BY settlement_date, id",
        (ente.id, until.isoformat()))]
    movements = []
    for r in c.execute("SELECT * FROM treasury WHERE ente_id=? AND year=? AND movement_date <= ? ORDER BY number",
                       (ente.id, until.year, until.isoformat())):
        movements.append({
            "movement_type": "ENTRATA", "document_type": "SOSPESO ENTRATA", "operation": "ESEGUITO",
            "document_number": str(r["number"]), "document_progressive": "1",
            "amount": format_flow_amount(r["amount_cents"]), "bill_number": str(r["number"]),
            "movement_date": r["movement_date"], "value_date": r["movement_date"],
            "execution_type": "SEPA CREDIT TRANSFER", "end_to_end_id": r["end_to_end_id"],
            "customer_name": r["customer"], "causale": r["causale"],
        })
    # identificativo_flusso_BT: GDC-<8 digits><10-50 alphanumerics>#page#pages (§3.6)
    flow_id = f"GDC-{until:%Y%m%d}{ente.fiscal_code}#001#001"
    # made when the last of its flows was: asking again gives the same journal, byte for byte
    last = c.execute("SELECT max(created_at) FROM fdr WHERE ente_id=? AND settlement_date <= ?",
                     (ente.id, until.isoformat())).fetchone()[0]
    created = datetime.fromisoformat(last) if last else datetime.combine(until, datetime.min.time())
    opi = write_opi(str(until.year), TREASURY_ACCOUNT, movements, flow_id=flow_id, reference_date=until,
                    header=opi_header(ente, created))
    notes = [{"kind": r["kind"], "label": ANOMALY_LABELS.get(r["kind"], r["kind"]), "iuf": r["iuf"], "iuv": r["iuv"],
              "description": r["description"]}
             for r in c.execute("SELECT * FROM anomaly WHERE ente_id=? ORDER BY id", (ente.id,))]
    return {"fdr": fdr_files, "opi": (f"GDC-{until:%Y%m%d}{ente.fiscal_code}.xml", opi), "anomalies": notes}
