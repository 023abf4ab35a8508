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
