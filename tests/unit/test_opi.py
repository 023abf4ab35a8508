from __future__ import annotations

from datetime import date

import pytest

from mypay_desk.formats.opi import OpiError, parse_opi, write_opi

IUF = "2024-01-15ABI03069-0000000001"

SAMPLE = f"""<?xml version="1.0" encoding="UTF-8"?>
<flusso_giornale_di_cassa xmlns="http://tesoreria.bancaditalia.it/">
  <testata_messaggio>
    <codice_ABI_BT>03069</codice_ABI_BT>
    <identificativo_flusso>GDC-2024011612345678901</identificativo_flusso>
    <codice_ente_BT>1234567</codice_ente_BT>
    <codice_istat_ente>000705018</codice_istat_ente>
  </testata_messaggio>
  <identificativo_flusso_BT>GDC-2024011612345678901#001#001</identificativo_flusso_BT>
  <pagina>1</pagina>
  <pagine_totali>1</pagine_totali>
  <esercizio>2024</esercizio>
  <data_riferimento_GdC>2024-01-16</data_riferimento_GdC>
  <informazioni_conto_evidenza>
    <conto_evidenza>0300001</conto_evidenza>
    <movimento_conto_evidenza>
      <tipo_movimento>ENTRATA</tipo_movimento>
      <tipo_documento>SOSPESO ENTRATA</tipo_documento>
      <tipo_operazione>ESEGUITO</tipo_operazione>
      <numero_documento>101</numero_documento>
      <progressivo_documento>1</progressivo_documento>
      <importo>186.00</importo>
      <numero_bolletta_quietanza>5001</numero_bolletta_quietanza>
      <data_movimento>2024-01-16</data_movimento>
      <data_valuta_ente>2024-01-15</data_valuta_ente>
      <tipo_esecuzione>SEPA CREDIT TRANSFER</tipo_esecuzione>
      <end_to_end_id>E2E123</end_to_end_id>
      <cliente><anagrafica_cliente>BANCA DI PROVA</anagrafica_cliente></cliente>
      <causale>/PUR/LGPE-RIVERSAMENTO/URI/{IUF}</causale>
    </movimento_conto_evidenza>
    <movimento_conto_evidenza>
      <tipo_movimento>ENTRATA</tipo_movimento>
      <tipo_documento>SOSPESO ENTRATA</tipo_documento>
      <tipo_operazione>STORNATO</tipo_operazione>
      <numero_documento>100</numero_documento>
      <progressivo_documento>1</progressivo_documento>
      <importo>50.00</importo>
      <numero_bolletta_quietanza>4990</numero_bolletta_quietanza>
      <numero_bolletta_quietanza_storno>5002</numero_bolletta_quietanza_storno>
      <data_movimento>2024-01-16</data_movimento>
      <causale>/RFB/012345678901234/50.00</causale>
    </movimento_conto_evidenza>
    <movimento_conto_evidenza>
      <tipo_movimento>USCITA</tipo_movimento>
      <tipo_documento>MANDATO</tipo_documento>
      <tipo_operazione>ESEGUITO</tipo_operazione>
      <numero_documento>7</numero_documento>
      <importo>999.00</importo>
      <data_movimento>2024-01-16</data_movimento>
    </movimento_conto_evidenza>
    <movimento_conto_evidenza>
      <tipo_movimento>ENTRATA</tipo_movimento>
      <tipo_documento>REVERSALE</tipo_documento>
      <tipo_operazione>ESEGUITO</tipo_operazione>
      <numero_documento>8</numero_documento>
      <importo>10.00</importo>
      <data_movimento>2024-01-16</data_movimento>
    </movimento_conto_evidenza>
    <movimento_conto_evidenza>
      <tipo_movimento>ENTRATA</tipo_movimento>
      <tipo_documento>SOSPESO ENTRATA</tipo_documento>
      <tipo_operazione>REGOLARIZZATO</tipo_operazione>
      <numero_documento>99</numero_documento>
      <importo>10.00</importo>
      <data_movimento>2024-01-16</data_movimento>
    </movimento_conto_evidenza>
  </informazioni_conto_evidenza>
</flusso_giornale_di_cassa>
""".encode()


def test_parse_sample_journal():
    j = parse_opi(SAMPLE, "gdc.xml")
    assert j.year == "2024" and j.reference_date == date(2024, 1, 16)
    assert j.flow_id == "GDC-2024011612345678901#001#001"
    assert j.ignored == 3  # USCITA/MANDATO, REVERSALE, REGOLARIZZATO
    assert len(j.records) == 2
    credit, storno = j.records
    assert credit.status == "ESEGUITO" and credit.movement_type == "SOSPESO ENTRATA"
    assert credit.amount_cents == 18600
    assert credit.book_date == date(2024, 1, 16) and credit.value_date == date(2024, 1, 15)
    assert credit.iuf == IUF and credit.iuv == ""
    assert credit.payer == "BANCA DI PROVA" and credit.end_to_end_id == "E2E123"
    assert credit.document_number == "2024/101/1" and credit.account == "0300001"
    assert storno.status == "STORNATO" and storno.iuv == "012345678901234"
    assert storno.document_number == "2024/100/1"
    # what a reversal names the credit by (MyPivot): esercizio + its own numero_bolletta_quietanza
    assert (credit.bill_number, storno.bill_number) == ("2024/5001", "2024/4990")
    assert credit.dedupe_key != storno.dedupe_key
    # the same movement read twice has the same key (re-import adds nothing)
    assert parse_opi(SAMPLE, "again.xml").records[0].dedupe_key == credit.dedupe_key


def test_written_journal_is_valid_opi_1_6_1_and_signed():
    import base64
    import hashlib
    import hmac
    import xml.etree.ElementTree as ET

    from mypay_desk.formats.opi import SANDBOX_SIGNATURE_KEY, OpiHeader
    from tests.schema_support import assert_valid, validate

    moves = [
        {"movement_type": "ENTRATA", "document_type": "SOSPESO ENTRATA", "operation": "ESEGUITO", "document_number": "5",
         "amount": "12.34", "bill_number": "7", "movement_date": "2024-03-01", "customer_name": "PSP",
         "causale": f"/PUR/LGPE-RIVERSAMENTO/URI/{IUF}", "end_to_end_id": "TRN1"},
        {"movement_type": "ENTRATA", "document_type": "SOSPESO ENTRATA", "operation": "STORNATO", "document_number": "6",
         "amount": "2.34", "bill_number": "7", "movement_date": "2024-03-02"},
    ]
    data = write_opi("2024", "0300001", moves, flow_id="GDC-2024030101199250158#001#001",
                     reference_date=date(2024, 3, 2), header=OpiHeader(ente_name="Comune di Prova"))
    assert_valid("opi-1.6.1", data, "giornale di cassa")
    root = ET.fromstring(data)
    names = [c.tag for c in root]
    assert names[:7] == ["testata_messaggio", "identificativo_flusso_BT", "pagina", "pagine_totali", "esercizio",
                         "data_riferimento_GdC", "informazioni_conto_evidenza"]
    assert root.findtext("testata_messaggio/data_ora_creazione_flusso")
    movements = root.findall("informazioni_conto_evidenza/movimento_conto_evidenza")
    assert [m.findtext("numero_movimento") for m in movements] == ["1", "2"]
    assert root.findtext("informazioni_conto_evidenza/totale_entrate_conto_evidenza") == "10.00"
    assert root.findtext("totale_complessivo_entrate") == "10.00"
    # the signature checks out: digest of the document without it, HMAC of SignedInfo
    ds = "{http://www.w3.org/2000/09/xmldsig#}"
    sig = root.find(f"{ds}Signature")
    info = sig.find(f"{ds}SignedInfo")
    value = hmac.new(SANDBOX_SIGNATURE_KEY, ET.canonicalize(ET.tostring(info, encoding="unicode")).encode(),
                     hashlib.sha256).digest()
    assert base64.b64decode(sig.findtext(f"{ds}SignatureValue")) == value
    root.remove(sig)
    digest = hashlib.sha256(ET.canonicalize(ET.tostring(root, encoding="unicode")).encode()).digest()
    assert sig.findtext(f"{ds}SignedInfo/{ds}Reference/{ds}DigestValue") == base64.b64encode(digest).decode()
    # the schema's own checks bite: a header field out of order is refused
    swapped = data.replace(b"<pagina>1</pagina>\n  <pagine_totali>1</pagine_totali>",
                           b"<pagine_totali>1</pagine_totali>\n  <pagina>1</pagina>")
    assert swapped != data and validate("opi-1.6.1", swapped)


def test_writer_roundtrip():
    data = write_opi("2024", "1", [
        {"movement_type": "ENTRATA", "document_type": "SOSPESO ENTRATA", "operation": "ESEGUITO",
         "document_number": "5", "document_progressive": "1", "amount": "12.34", "movement_date": "2024-03-01",
         "customer_name": "PSP", "causale": f"/PUR/LGPE-RIVERSAMENTO/URI/{IUF}"},
    ])
    j = parse_opi(data, "w.xml")
    assert [(r.amount_cents, r.iuf, r.payer) for r in j.records] == [(1234, IUF, "PSP")]


@pytest.mark.parametrize(
    "old,new,element",
    [
        (b"<importo>186.00</importo>", b"<importo>molto</importo>",
         "informazioni_conto_evidenza[1]/movimento_conto_evidenza[1]/importo"),
        (b"<importo>186.00</importo>", b"",
         "informazioni_conto_evidenza[1]/movimento_conto_evidenza[1]/importo"),
        (b"<data_movimento>2024-01-16</data_movimento>\n      <data_valuta_ente>",
         b"<data_movimento>16/01/2024</data_movimento>\n      <data_valuta_ente>",
         "informazioni_conto_evidenza[1]/movimento_conto_evidenza[1]/data_movimento"),
        (b"<numero_documento>100</numero_documento>", b"",
         "informazioni_conto_evidenza[1]/movimento_conto_evidenza[2]/numero_documento"),
    ],
)
def test_errors_name_file_and_element(old, new, element):
    with pytest.raises(OpiError) as err:
        parse_opi(SAMPLE.replace(old, new, 1), "gdc.xml")
    assert err.value.element == element
    assert "gdc.xml" in str(err.value)


def test_ignored_movements_are_not_validated():
    # a broken USCITA does not stop the import of credits
    data = SAMPLE.replace(b"<importo>999.00</importo>", b"<importo>??</importo>")
    assert len(parse_opi(data, "gdc.xml").records) == 2


def test_not_a_journal_and_hostile_xml():
    with pytest.raises(OpiError, match="non è un giornale"):
        parse_opi(b"<FlussoRiversamento/>", "x.xml")
    with pytest.raises(OpiError, match="pericolosi"):
        parse_opi(b'<!DOCTYPE a [<!ENTITY e "x">]><flusso_giornale_di_cassa>&e;</flusso_giornale_di_cassa>', "h.xml")
    with pytest.raises(OpiError, match="conti"):
        parse_opi(b"<flusso_giornale_di_cassa><esercizio>2024</esercizio></flusso_giornale_di_cassa>", "e.xml")
