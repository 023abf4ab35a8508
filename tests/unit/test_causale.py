from __future__ import annotations

import pytest

from mypay_desk.formats.causale import find_iuf, find_iuv, parse_causale

IUF = "2024-01-15ABI03069-0000000001"


@pytest.mark.parametrize(
    "causale",
    [
        f"/PUR/LGPE-RIVERSAMENTO/URI/{IUF}",
        f"/PUR/LGPE- RIVERSAMENTO/URI/{IUF}",
        f"/PUR/LGPE -RIVERSAMENTO/URI/{IUF}",
        f"/PUR/LGPE - RIVERSAMENTO/URI/{IUF}",
        f"/PUR/L GPE-RIVERSAMENTO/URI/{IUF}",
        f"/PUR/LGPE-RIVERSAMENTO URI {IUF}",
        f"/pur/lgpe-riversamento/uri/{IUF}",
        f"BONIFICO SEPA DA POSTE ITALIANE /PUR/LGPE-RIVERSAMENTO/URI/{IUF} DATA REG. 15/01/2024",
        f"/PUR/LGPE-RIVERSAMENTO/URI/{IUF}/TXT/ACCREDITO",
        f"/PUR/LGPE-RIVERSAMENTO/TXT/1/URI/{IUF}",
        "/PUR/LGPE-RIVERSAMENTO/URI/2024-01- 15ABI03069-0000000001",
        "/PUR/LGPE-RIVERSAMENTO/URI/2024-01-15 ABI03069-0000000001",
        "/PUR/LGPE-RIVERSAMENTO/URI/2024-01-15ABI03069- 0000000001",
        "/PUR/LGPE-RIVERSAMENTO/URI/2024-01-15ABI03069 -0000000001",
        f"/PUR/LGPE-RIVERSAMENTO/URI{IUF}",
        f"ACCREDITI VARI URI/{IUF}",
        f"RIVERSAMENTO PAGOPA {IUF} ALTRO",
    ],
)
def test_iuf_found_in_messy_causali(causale):
    assert parse_causale(causale).iuf == IUF


def test_iuf_with_bic_and_underscores():
    assert find_iuf("/PUR/LGPE-RIVERSAMENTO/URI/2023-11-02BPPIITRRXXX-S_123-ab") == "2023-11-02BPPIITRRXXX-S_123-ab"


def test_truncated_iuf_is_returned_as_read():
    # bank fields cut at a fixed width: the engine resolves the prefix against known flows
    assert find_iuf("/PUR/LGPE-RIVERSAMENTO/URI/2024-01-15ABI03069-00000") == "2024-01-15ABI03069-00000"


def test_iuf_longer_than_35_is_cut():
    assert len(find_iuf("/PUR/LGPE-RIVERSAMENTO/URI/2024-01-15ABI03069-" + "9" * 40)) == 35


@pytest.mark.parametrize(
    "causale,iuv",
    [
        ("/RFB/012345678901234/12.34/TXT/Richiesta certificato", "012345678901234"),
        ("/RFB/01234567890123456/10.00", "01234567890123456"),
        ("/RFB/0123456789 0123456/10.00", "01234567890123456"),
        ("/RFB/012345678901234 PAGAMENTO TARI", "012345678901234"),
        ("BONIFICO /rfb/012345678901234", "012345678901234"),
        ("/RFS/RF18539007547034/12.34", "RF18539007547034"),
        ("PAGAMENTO TARI IUV: 01234567890123456 RATA 1", "01234567890123456"),
        ("avviso 3012 3456 7890 1234 56", "01234567890123456"),
    ],
)
def test_iuv_of_single_credits(causale, iuv):
    assert find_iuv(causale) == iuv


@pytest.mark.parametrize(
    "causale",
    ["", None, "STIPENDIO GENNAIO", "BONIFICO DA MARIO ROSSI FATTURA 12/2024", "/RFB/", "IUV 123"],
)
def test_nothing_found(causale):
    refs = parse_causale(causale)
    assert not refs.found
    assert refs.iuf == "" and refs.iuv == ""


def test_both_references_can_be_present():
    refs = parse_causale(f"/PUR/LGPE-RIVERSAMENTO/URI/{IUF} /RFB/012345678901234")
    assert refs.iuf == IUF
    assert refs.iuv == "012345678901234"


# --- MyPivot's answers (issue 11, point 8) ----------------------------------------------------------
# Each causale with what RegEx.estraiIdentificativo(value, "IUF") and (value, "IUV") return, obtained by
# compiling and running that class (RegioneDelVeneto/mypivot, mypivot4-batch
# MANAGE_FLUSSI_TESORERIA/code/routines/RegEx_0.1.item) with commons-lang 2.6 on OpenJDK 17; None is its null.
# ``ours`` is given only where we deliberately answer otherwise, with the reason.
IUF1 = "2024-01-15ABI03069-0000000001"
MYPIVOT = [
    # (causale, MyPivot's IUF, MyPivot's IUV, ours (iuf, iuv) when different, why)
    (f"/PUR/LGPE-RIVERSAMENTO/URI/{IUF1}", IUF1, None, None, ""),
    (f"/PUR/LGPE- RIVERSAMENTO/URI/{IUF1}", IUF1, None, None, ""),
    (f"/PUR/LGPE -RIVERSAMENTO/URI/{IUF1}", IUF1, None, None, ""),
    (f"/PUR/LGPE - RIVERSAMENTO/URI/{IUF1}", IUF1, None, None, ""),
    (f"/PUR/L GPE-RIVERSAMENTO/URI/{IUF1}", IUF1, None, None, ""),
    (f"/PUR/LGPE-RIVERSAMENTO URI {IUF1}", IUF1, None, None, ""),
    ("/PUR/LGPE-RIVERSAMENTO/URI/2024-01- 15ABI03069-0000000001", IUF1, None, None, ""),
    ("/PUR/LGPE-RIVERSAMENTO/URI/2024-01-1 5ABI03069-0000000001", IUF1, None, None, ""),
    (f"BONIFICO SEPA DA POSTE ITALIANE /PUR/LGPE-RIVERSAMENTO/URI/{IUF1} DATA REG. 15/01/2024", IUF1, None, None, ""),
    (f"/PUR/LGPE-RIVERSAMENTO/URI/{IUF1}/TXT/ACCREDITO", IUF1, None, None, ""),
    # ACCREDITI VARI: the IUF split by a space is joined again
    ("ACCREDITI VARI /PUR/LGPE-RIVERSAMENTO/URI/2024-01-15ABI03069-000 0000001", IUF1, None, None, ""),
    ("ACCREDITI VARI /PUR/LGPE-RIVERSAMENTO/URI/2024-01-15ABI03069- 0000000001", IUF1, None, None, ""),
    ("ACCREDITI VARI /PUR/LGPE-RIVERSAMENTO/URI/2024-01-15ABI 03069-0000000001", IUF1, None, None, ""),
    ("ACCREDITI VARI /PUR/LGPE-RIVERSAMENTO URI 2024-01-15ABI03069-000 0000001", IUF1, None, None, ""),
    (f"ACCREDITI VARI /PUR/LGPE-RIVERSAMENTO/URI/{IUF1} BONIFICO", IUF1 + "BONIFICO", None, (IUF1 + "BONIFI", ""),
     "an IUF has at most 35 characters; the engine then finds the known flow it starts with"),
    (f"ACCREDITI VARI /PUR/LGPE-RIVERSAMENTO/URI/{IUF1}", None, None, (IUF1, ""),
     "MyPivot needs a word after the IUF to join; the IUF alone is still an IUF"),
    # without ACCREDITI VARI the space ends the IUF (the engine resolves the prefix against known flows)
    ("/PUR/LGPE-RIVERSAMENTO/URI/2024-01-15ABI03069-000 0000001", "2024-01-15ABI03069-000", None, None, ""),
    ("/PUR/LGPE-RIVERSAMENTO/URI/2023-11-02BPPIITRRXXX-S_123-ab", "2023-11-02BPPIITRRXXX-S_123-ab", None, None, ""),
    ("/PUR/LGPE-RIVERSAMENTO/URI/10c4f341267947eca9f8f6a7a567a414", "10c4f341267947eca9f8f6a7a567a414", None,
     None, ""),
    (f"/pur/lgpe-riversamento/uri/{IUF1}", None, None, (IUF1, ""), "MyPivot's markers are upper case only"),
    ("/RFB/012345678901234/12.34/TXT/Richiesta certificato", None, "012345678901234", None, ""),
    ("/RFB/01234567890123456/10.00", None, "01234567890123456", None, ""),
    ("/RFB/01234567890123456", None, "01234567890123456", None, ""),
    ("RFB 01234567890123456 PAGAMENTO TARI", None, "01234567890123456", None, ""),
    ("/RFS/RF18539007547034/12.34", None, "RF18539007547034", None, ""),
    ("/RFS/RF185 3900 7547 034/12.34", None, "RF185 3900 7547 034", ("", "RF18539007547034"),
     "the spaces are not part of the reference"),
    ("RFS RF18539007547034 TARI", None, "RF18539007547034TARI", ("", "RF18539007547034"),
     "the reference ends where its check digits say; TARI is the next word"),
    ("BONIFICO MARIO ROSSI", None, None, None, ""),
]


@pytest.mark.parametrize("causale,iuf,iuv,ours,why", MYPIVOT, ids=[c[0][:48] for c in MYPIVOT])
def test_causale_read_as_mypivot_reads_it(causale, iuf, iuv, ours, why):
    got = parse_causale(causale)
    expected = ours or (iuf or "", iuv or "")
    assert (got.iuf, got.iuv) == expected, why
