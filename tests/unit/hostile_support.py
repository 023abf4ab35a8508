"""Shared by the hostile-file regression tests and the fuzz test: valid samples of every file the
importers read, ZIP damage of the four kinds the issue names, the CLI run in-process, and a snapshot
of what a workspace has saved."""

from __future__ import annotations

import hashlib
import io
import struct
import zipfile
from datetime import date, datetime

from openpyxl import Workbook

from mypay_desk.cli import main
from mypay_desk.domain.debts import DebtRecord
from mypay_desk.formats import receipt_export as rx
from mypay_desk.formats.fdr import FdrFlowData, FdrLineData, write_fdr
from mypay_desk.formats.import_flow import write_flow_zip
from mypay_desk.formats.opi import write_opi

CF = "01199250158"
DEBTOR = "RSSMRA85T10A562S"
LIST_HEADER = "IUD;Codice fiscale;Nominativo;Importo;Scadenza;Causale\n"
BANK_HEADER = "Data contabile;Data valuta;Importo;Causale\n"
SAVED_TABLES = ("debt_list", "debt", "receipt", "fdr_flow", "fdr_line", "treasury_movement", "ente", "debt_type")


def run_cli(ws, *args: str, capsys) -> tuple[int, str, str]:
    """``mypay-desk --workspace ... args`` in this process; ``ws`` a Workspace or its folder."""
    code = main(["--workspace", str(getattr(ws, "path", ws)), *args])
    out, err = capsys.readouterr()
    return code, out, err


def snapshot(ws) -> dict[str, str]:
    """A digest of every saved row, per table, of the workspace ``ws`` (what an import must never change)."""
    return {table: hashlib.sha256(repr(saved_rows(ws, table, 2 ** 62)).encode()).hexdigest() for table in SAVED_TABLES}


def saved_rows(ws, table: str, max_id: int) -> list[tuple]:
    """The rows of ``table`` up to ``max_id``, on whichever database the workspace uses."""
    from sqlalchemy import text

    with ws.db.engine.connect() as con:
        return [tuple(r) for r in con.execute(text(f"SELECT * FROM {table} WHERE id <= :m ORDER BY id"),  # noqa: S608
                                              {"m": max_id})]


# --- valid samples --------------------------------------------------------------------------------

def list_csv(rows: int = 3) -> bytes:
    body = "".join(f"T-{i};{DEBTOR};ROSSI MARIO;{10 + i},50;30/06/2026;TARI 2026\n" for i in range(rows))
    return (LIST_HEADER + body).encode()


def list_xlsx(rows: int = 3) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.append(["IUD", "Codice fiscale", "Nominativo", "Importo", "Scadenza", "Causale"])
    for i in range(rows):
        ws.append([f"X-{i}", DEBTOR, "ROSSI MARIO", 10.5 + i, date(2026, 6, 30), "TARI 2026"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def list_ods() -> bytes:
    """A small ODS list (LibreOffice's format, with its trailing empty repeats)."""
    cells = "".join(f'<table:table-cell office:value-type="string"><text:p>{h}</text:p></table:table-cell>'
                    for h in ("IUD", "Codice fiscale", "Nominativo"))
    row = ('<table:table-row><table:table-cell office:value-type="string"><text:p>O-1</text:p></table:table-cell>'
           f'<table:table-cell office:value-type="string"><text:p>{DEBTOR}</text:p></table:table-cell>'
           '<table:table-cell office:value-type="string"><text:p>ROSSI</text:p></table:table-cell>'
           '<table:table-cell office:value-type="float" office:value="12.5"><text:p>12,5</text:p></table:table-cell>'
           '<table:table-cell table:number-columns-repeated="1020"/></table:table-row>')
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>'
               f'<table:table table:name="Foglio1"><table:table-row>{cells}'
               '<table:table-cell office:value-type="string"><text:p>Importo</text:p></table:table-cell>'
               f'</table:table-row>{row}<table:table-row table:number-rows-repeated="1048574">'
               '<table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table>'
               '</office:spreadsheet></office:body></office:document-content>')
    manifest = ('<?xml version="1.0"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry '
                'manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '</manifest:manifest>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content)
        z.writestr("META-INF/manifest.xml", manifest)
    return buf.getvalue()


def flow_zip(rows: int = 2) -> tuple[str, bytes]:
    recs = [DebtRecord(iud=f"F-{i}", debtor_type="F", debtor_code=DEBTOR, debtor_name="ROSSI MARIO",
                       amount_cents=1000 + i, debt_type="TARI", causale="TARI", collection_data="9/0101108TS/",
                       due_date=date(2026, 6, 30), action="I") for i in range(rows)]
    return write_flow_zip(recs, "C_TEST", "IUF1", "1_4")


def receipt_row(n: int, **kw) -> rx.ReceiptRow:
    base = dict(iuf="EXP1", numRigaFlusso=str(n), codIud=f"IUD{n}", codIuv=f"0100000000000{n:04d}",
                identificativoDominio=CF, identificativoMessaggioRicevuta=f"MSG{n}",
                dataOraMessaggioRicevuta="2025-03-01T09:00:00", anagraficaPagatore=f"Debitore {n}",
                codiceEsitoPagamento="0", importoTotalePagato="10.00", singoloImportoPagato="10.00",
                esitoSingoloPagamento="ESEGUITO", dataEsitoSingoloPagamento="2025-03-01",
                identificativoUnivocoRiscoss=f"IUR{n}", tipoDovuto="TARI", indiceDatiSingoloPagamento="1")
    base.update(kw)
    return rx.ReceiptRow(**base)


def receipts_csv(rows: int = 2, **kw) -> bytes:
    return rx.write_export_csv([receipt_row(i, **kw) for i in range(1, rows + 1)], "1.3", True)


def receipts_zip(rows: int = 2) -> tuple[str, bytes]:
    return rx.write_export_zip([receipt_row(i) for i in range(1, rows + 1)], "1.3", True, export_id="1",
                               when=datetime(2025, 3, 2), ipa_code="C_TEST")


def fdr_xml(index: str = "1", flow_id: str = "2024-01-15ABI03069-1") -> bytes:
    lines = [FdrLineData(1, "01000000000000001", "IUR1", None, 1000, "0", date(2024, 1, 15))]
    flow = FdrFlowData(source="", version="1.0", flow_id=flow_id, flow_datetime=datetime(2024, 1, 16, 9),
                       settlement_id="TRN", settlement_date=date(2024, 1, 15), sender_type="B", sender_id="BCITITMM",
                       sender_name="Banca", bic="", receiver_id=CF, receiver_name="Comune", total_count=1,
                       total_amount_cents=1000, lines=lines)
    text = write_fdr(flow).decode()
    if index:
        text = text.replace("<singoloImportoPagato>", f"<indiceDatiSingoloPagamento>{index}"
                                                      "</indiceDatiSingoloPagamento>\n    <singoloImportoPagato>")
    return text.encode()


def fdr_zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("fdr.xml", fdr_xml())
    return buf.getvalue()


def opi_xml(amount: str = "10.00", movement_date: str = "2024-01-17") -> bytes:
    """A giornale di cassa with one pagoPA credit; ``amount`` and ``movement_date`` written as given."""
    mv = {"movement_type": "ENTRATA", "document_type": "SOSPESO ENTRATA", "operation": "ESEGUITO",
          "document_number": "1", "document_progressive": "1", "amount": "10.00", "movement_date": "2024-01-17",
          "customer_name": "X", "causale": "PAGOPA"}
    xml = write_opi("2024", "1", [mv]).decode()
    xml = xml.replace("<importo>10.00</importo>", f"<importo>{amount}</importo>")
    return xml.replace("<data_movimento>2024-01-17<", f"<data_movimento>{movement_date}<").encode()


def bank_csv(amount: str = "10,00", day: str = "01/02/2024") -> bytes:
    return (BANK_HEADER + f"{day};01/02/2024;{amount};X\n").encode()


# --- damaged ZIPs -----------------------------------------------------------------------------------

ZIP_DAMAGE = ("deflate", "utf8name", "encrypted", "method")


def damage_zip(data: bytes, kind: str, member: int = 0) -> bytes:
    """The archive with one member damaged: bad deflate data, a name flagged UTF-8 holding invalid
    bytes, the encryption flag, or an unknown compression method."""
    b = bytearray(data)
    cd = -1
    for _ in range(member + 1):
        cd = b.find(b"PK\x01\x02", cd + 1)
    offset = struct.unpack("<I", b[cd + 42:cd + 46])[0]
    if kind == "deflate":
        name_len, extra_len = struct.unpack("<HH", b[offset + 26:offset + 30])
        start = offset + 30 + name_len + extra_len
        b[start:start + 8] = b"\xff" * 8
    elif kind == "utf8name":
        b[cd + 8:cd + 10] = struct.pack("<H", struct.unpack("<H", b[cd + 8:cd + 10])[0] | 0x800)
        b[cd + 46:cd + 48] = b"\xff\xfe"
    elif kind == "encrypted":
        b[cd + 8:cd + 10] = struct.pack("<H", struct.unpack("<H", b[cd + 8:cd + 10])[0] | 0x1)
        b[offset + 6:offset + 8] = struct.pack("<H", struct.unpack("<H", b[offset + 6:offset + 8])[0] | 0x1)
    elif kind == "method":
        b[cd + 10:cd + 12] = struct.pack("<H", 99)
        b[offset + 8:offset + 10] = struct.pack("<H", 99)
    else:
        raise ValueError(kind)
    return bytes(b)


def member_index(data: bytes, name_end: str) -> int:
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    return next(i for i, n in enumerate(names) if n.endswith(name_end))


def declared_size(data: bytes, size: int) -> bytes:
    """The archive with its first member declaring ``size`` expanded bytes (a bomb's claim)."""
    b = bytearray(data)
    cd = b.find(b"PK\x01\x02")
    b[cd + 24:cd + 28] = struct.pack("<I", size)
    b[22:26] = struct.pack("<I", size)
    return bytes(b)


# --- the mutator of the fuzz test ----------------------------------------------------------------------

TOKENS = [b"inf", b"-Infinity", b"NaN", b"1e300", b"9" * 25, b"9" * 4300, b"0000-00-00", b"30/02/0000",
          b"00/00/0000", b'"', b'""', b";", b";;;;", b"\x00", b"\r", b"\n\n\n", b"\t", b"\xff\xfe", b"\xc3\x28",
          b"<a>" * 40, b"]]>", b"&#0;", b"&amp;", b"<!DOCTYPE x [<!ENTITY e 'e'>]>", b"<?xml version='1.0' "
          b"encoding='hex'?>", b"=HYPERLINK(\"x\")", b"\xef\xbf\xbf", b"XFD1048576", b"A0", b"-", b"+",
          b"1.000.000.000.000,00", b"-0", b"99999999999999999999", b"Z" * 70_000, b"\\\"", b"PK\x03\x04"]


def mutate(data: bytes, rng) -> bytes:
    """One to three random edits: flip, insert, delete, truncate, duplicate, or a hostile token."""
    b = bytearray(data)
    for _ in range(rng.randint(1, 3)):
        op = rng.randrange(7)
        pos = rng.randrange(len(b) + 1)
        if op == 0 and b:
            b[min(pos, len(b) - 1)] = rng.randrange(256)
        elif op == 1:
            b[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        elif op == 2:
            del b[pos:pos + rng.randint(1, 64)]
        elif op == 3:
            del b[pos:]
        elif op == 4:
            start = rng.randrange(len(b) + 1)
            b[pos:pos] = b[start:start + rng.randint(1, 400)]
        else:
            token = rng.choice(TOKENS)
            if op == 5:
                b[pos:pos] = token
            else:
                b[pos:pos + len(token)] = token
    return bytes(b)


def mutate_member(data: bytes, name_end: str, rng) -> bytes:
    """The archive with the member ending in ``name_end`` mutated (rewritten, so still a valid ZIP)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            content = src.read(info)
            if info.filename.endswith(name_end):
                content = mutate(content, rng)
            out.writestr(info.filename, content)
    return buf.getvalue()


def mutate_zip(data: bytes, name_end: str | tuple[str, ...], rng) -> bytes:
    """A damaged archive (the four kinds, a declared bomb size, raw edits) or a damaged member (one of
    ``name_end`` when several are given)."""
    if isinstance(name_end, tuple):
        name_end = rng.choice(name_end)
    choice = rng.randrange(10)
    if choice < 5:
        return mutate_member(data, name_end, rng)
    if choice < 8:
        return damage_zip(data, rng.choice(ZIP_DAMAGE), member_index(data, name_end))
    if choice == 8:
        return declared_size(data, rng.choice([3 * 1024 ** 3, 2 ** 32 - 1, 0, 1]))
    return mutate(data, rng)


def mutate_xml(data: bytes, rng) -> bytes:
    choice = rng.randrange(8)
    text = data.decode("utf-8")
    if choice == 0:
        return text.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode(rng.choice(["utf-16-le", "utf-16-be"]))
    if choice == 1:
        return text.replace('encoding="UTF-8"', f'encoding="{rng.choice(["X-NOPE", "hex", "UTF-32", "cp500"])}"'
                            ).encode()
    if choice == 2:
        at = text.index("<", 40)
        return (text[:at] + "<x>" * rng.choice([50, 150, 5000]) + text[at:]).encode()
    return mutate(data, rng)


def receipt_xml() -> bytes:
    from mypay_desk.formats.receipt_xml import ReceiptData, TransferData, write_receipt_xml

    return write_receipt_xml(ReceiptData(
        receipt_id="R1", notice_number="301000000000000001", fiscal_code=CF, iuv="01000000000000001",
        amount_cents=1000, description="Pagamento", company_name="Comune", debtor_type="F", debtor_code=DEBTOR,
        debtor_name="Mario Rossi", transfers=[TransferData(1000, CF, "IT60X0542811101000000123456", "x",
                                                           "9/0101108TS/")],
        psp_id="BCITITMM", psp_name="Banca", payment_datetime=datetime(2025, 3, 1, 9)))


def mutate_receipt_with_rt(rng) -> bytes:
    """An export whose receipt XML (base64 in column rt) is mutated like the XML files are."""
    xml = receipt_xml()
    if isinstance(xml, str):
        xml = xml.encode()
    return rx.write_export_csv([receipt_row(1, rt_xml=mutate_xml(xml, rng)), receipt_row(2, rt_xml=xml)], "1.3", True)
