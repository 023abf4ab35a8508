from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mypay_desk.domain.debt_states import DebtState, pending_action
from mypay_desk.domain.debts import (
    COUNTRIES,
    PROVINCES,
    RECORD_FIELDS,
    Accertamento,
    Capitolo,
    DebtRecord,
    bilancio_from_json,
    bilancio_to_json,
    bilancio_total,
    columns_for_version,
    copy_for_instalment,
    duplicate_iud_errors,
    flow_hash,
    flow_hash_with_iuv,
    instalment_iud,
    iuv_hash_parts,
    rescale_bilancio,
    to_address_charset,
    validate_debt,
)
from mypay_desk.domain.ente import DebtTypeData

TARI = DebtTypeData(code="TARI", taxonomy="9/0101108TS/", due_date_required=True)
MENSA = DebtTypeData(code="MENSA", taxonomy="9/0201133IM/", anonymous_allowed=True)


def good(**kw) -> DebtRecord:
    base = DebtRecord(
        iud="TARI2025-0001", debtor_type="F", debtor_code="RSSMRA85T10A562S", debtor_name="ROSSI MARIO",
        address="VIA ROMA 1", civic="12/B", postal_code="20100", city="MILANO", province="MI", country="IT",
        email="mario.rossi@example.it", due_date=date(2025, 6, 30), amount_cents=12345, debt_type="TARI",
        causale="TARI 2025 acconto", collection_data="9/0101108TS/",
    )
    return replace(base, **kw)


def columns(errors) -> list[str]:
    return [e.field for e in errors]


def test_good_record_is_valid_in_every_version():
    for v in ("1_0", "1_1", "1_2", "1_3", "1_4"):
        assert validate_debt(good(), TARI, v) == []


@pytest.mark.parametrize("changes,column", [
    ({"iud": ""}, "IUD"),
    ({"iud": "000123"}, "IUD"),
    ({"iud": "A" * 36}, "IUD"),
    ({"iud": " ABC"}, "IUD"),
    ({"iuv": "123"}, "codIuv"),
    ({"debtor_type": "X"}, "tipoIdentificativoUnivoco"),
    ({"debtor_type": ""}, "tipoIdentificativoUnivoco"),
    ({"debtor_code": "RSSMRA85T10A562X"}, "codiceIdentificativoUnivoco"),
    ({"debtor_code": ""}, "codiceIdentificativoUnivoco"),
    ({"debtor_code": "ANONIMO"}, "codiceIdentificativoUnivoco"),
    ({"debtor_type": "G", "debtor_code": "01199250159"}, "codiceIdentificativoUnivoco"),
    ({"debtor_name": " "}, "anagraficaPagatore"),
    ({"debtor_name": "X" * 71}, "anagraficaPagatore"),
    ({"address": "VIA\tROMA"}, "indirizzoPagatore"),
    ({"address": "X" * 71}, "indirizzoPagatore"),
    ({"civic": "12°"}, "civicoPagatore"),
    ({"postal_code": "2010"}, "capPagatore"),
    ({"postal_code": "2010A"}, "capPagatore"),
    ({"country": "FR", "postal_code": "75 001", "province": ""}, "capPagatore"),
    ({"province": "XX"}, "provinciaPagatore"),
    ({"country": "ZZ"}, "nazionePagatore"),
    ({"email": "mario@"}, "emailPagatore"),
    ({"email": "mario rossi@example.it"}, "emailPagatore"),
    ({"due_date": None}, "dataScadenzaPagamento"),
    ({"amount_cents": 0}, "importoDovuto"),
    ({"amount_cents": -5}, "importoDovuto"),
    ({"amount_cents": 99_999_999_999 + 1}, "importoDovuto"),
    ({"pa_fee_cents": -1}, "commissioneCaricoPa"),
    ({"debt_type": ""}, "tipoDovuto"),
    ({"debt_type": "MARCA_BOLLO_DIGITALE"}, "tipoDovuto"),
    ({"payment_type": "BBT|XX"}, "tipoVersamento"),
    ({"causale": ""}, "causaleVersamento"),
    ({"causale": "x" * 1025}, "causaleVersamento"),
    ({"causale": "riga1\nriga2"}, "causaleVersamento"),
    ({"collection_data": ""}, "datiSpecificiRiscossione"),
    ({"collection_data": "5/0101108TS/"}, "datiSpecificiRiscossione"),
    ({"collection_data": "9/01 01"}, "datiSpecificiRiscossione"),
    ({"bilancio": [Capitolo("CAP1", accertamenti=[Accertamento(100)])]}, "bilancio"),
    ({"multi_beneficiary": True}, "codiceFiscaleEnteSecondario"),
])
def test_each_rule_names_its_column(changes, column):
    errors = validate_debt(good(**changes), TARI, "1_4")
    assert column in columns(errors), errors
    assert all(e.message and e.message[0].isupper() for e in errors)


def test_causale_is_140_in_1_0_only():
    rec = good(causale="x" * 141)
    assert "causaleVersamento" in columns(validate_debt(rec, TARI, "1_0"))
    assert validate_debt(rec, TARI, "1_1") == []


def test_due_date_required_by_version_or_type():
    rec = good(due_date=None, debt_type="MENSA", collection_data="9/0201133IM/")
    assert validate_debt(rec, MENSA, "1_4") == []
    assert validate_debt(rec, MENSA, "1_2") == []
    assert columns(validate_debt(rec, MENSA, "1_1")) == ["dataScadenzaPagamento"]
    assert columns(validate_debt(good(due_date=None), TARI, "1_4")) == ["dataScadenzaPagamento"]


def test_anonymous_only_when_the_type_allows_it():
    rec = good(debtor_code="ANONIMO", debt_type="MENSA", collection_data="9/0201133IM/")
    assert validate_debt(rec, MENSA) == []
    assert "codiceIdentificativoUnivoco" in columns(validate_debt(replace(rec, debt_type="TARI"), TARI))
    # G with ANONIMO never
    assert "codiceIdentificativoUnivoco" in columns(validate_debt(replace(rec, debtor_type="G"), MENSA))


def test_unknown_or_inactive_type():
    assert "tipoDovuto" in columns(validate_debt(good(), None))
    assert "tipoDovuto" in columns(validate_debt(good(), replace(TARI, active=False)))


def test_legal_person_with_partita_iva():
    assert validate_debt(good(debtor_type="G", debtor_code="01199250158", debtor_name="ACME SRL"), TARI) == []


def test_foreign_address():
    rec = good(country="FR", postal_code="75001", province="", city="PARIS")
    assert validate_debt(rec, TARI) == []
    # MyPay looks the province up only for Italian addresses (validaElabora, PROVINCIA PAGATORE)
    assert validate_debt(replace(rec, province="IF"), TARI) == []
    assert "provinciaPagatore" in columns(validate_debt(replace(rec, country="IT", postal_code="20100",
                                                                province="IF"), TARI))


def test_iuv_rules():
    from mypay_desk.domain.codes import iuv17_for_ente

    own = iuv17_for_ente("12", 5)
    assert validate_debt(good(iuv=own), TARI, segregation_code="12") == []
    assert "codIuv" in columns(validate_debt(good(iuv=own), TARI, segregation_code="34"))
    # a MyPay-generated IUV (00 in positions 3-4) may not be supplied for a new debt, but is fine on the portal
    body = "120000000001234"
    from mypay_desk.domain.codes import check_digits

    mypay = body + check_digits("3" + body)
    assert "codIuv" in columns(validate_debt(good(iuv=mypay), TARI))
    assert validate_debt(good(iuv=mypay), TARI, on_portal=True) == []
    bad_check = own[:-2] + ("00" if own[-2:] != "00" else "01")
    assert "codIuv" in columns(validate_debt(good(iuv=bad_check), TARI))


def test_generate_iuv_needs_1_3():
    rec = good(generate_iuv=True)
    assert validate_debt(rec, TARI, "1_3") == []
    assert "flagGeneraIuv" in columns(validate_debt(rec, TARI, "1_2"))


def test_bilancio_must_sum_to_amount():
    bil = [Capitolo("CAP1", "UFF", [Accertamento(10000, "ACC1"), Accertamento(2000)]), Capitolo("CAP2", "",
                                                                                            [Accertamento(345)])]
    assert validate_debt(good(bilancio=bil), TARI, "1_2") == []
    errs = validate_debt(good(bilancio=bil, amount_cents=12346), TARI, "1_2")
    assert columns(errs) == ["bilancio"]
    assert "123,45" in errs[0].message and "123,46" in errs[0].message
    assert columns(validate_debt(good(bilancio=bil), TARI, "1_1")) == ["bilancio"]
    assert "bilancio" in columns(validate_debt(good(bilancio=[Capitolo("", accertamenti=[Accertamento(12345)])]),
                                               TARI))


def test_secondary_beneficiary_1_4():
    rec = good(multi_beneficiary=True, sec_fiscal_code="01199250158", sec_name="COMUNE B",
               sec_iban="IT60X0542811101000000123456", sec_amount_cents=2345, sec_collection_data="9/0101108TS/x")
    assert validate_debt(rec, TARI, "1_4") == []
    assert columns(validate_debt(rec, TARI, "1_3")) == ["flagMultiBeneficiario"]
    missing = validate_debt(replace(rec, sec_name="", sec_iban="", sec_amount_cents=None), TARI)
    assert set(columns(missing)) == {"denominazioneEnteSecondario", "ibanAccreditoEnteSecondario",
                                     "importoVersamentoEnteSecondario"}
    # importoDovuto is the primary Ente's share, the secondary's is added to it: it may be larger
    assert validate_debt(replace(rec, sec_amount_cents=12345), TARI) == []
    assert "importoVersamentoEnteSecondario" in columns(validate_debt(replace(rec, sec_amount_cents=0), TARI))
    assert "datiSpecificiRiscossioneEnteSecondario" in columns(
        validate_debt(replace(rec, sec_collection_data="1/abc"), TARI))
    # fields are ignored while the flag is off
    assert validate_debt(replace(rec, multi_beneficiary=False, sec_iban="bad"), TARI) == []


def test_action_checked_on_request():
    assert validate_debt(good(), TARI, check_action=True)[0].field == "azione"
    assert validate_debt(good(action="M"), TARI, check_action=True) == []


def test_duplicate_iuds_flag_every_occurrence():
    recs = [good(source_row=2), good(iud="B", source_row=3), good(source_row=4)]
    dups = duplicate_iud_errors(recs)
    assert [i for i, _ in dups] == [0, 2]
    assert "righe 2, 4" in dups[0][1].message


def test_reference_tables():
    assert {"MI", "RM", "SU", "BT", "MB"} <= PROVINCES
    assert {"IT", "FR", "DE", "SM", "VA"} <= COUNTRIES
    assert "UK" not in COUNTRIES and "XX" not in PROVINCES


def test_address_charset_rewrite():
    assert to_address_charset("Via Università 3-5") == "Via Universita' 3 5"
    assert validate_debt(good(address=to_address_charset("Piazza Cavour, 7 — scala B")), TARI) == []


def test_columns_per_version():
    assert [len(columns_for_version(v)) for v in ("1_0", "1_1", "1_2", "1_3", "1_4")] == [20, 20, 21, 22, 35]
    assert columns_for_version("1_2")[19] == "bilancio"
    assert columns_for_version("1_3")[20] == "flagGeneraIuv"
    assert all(columns_for_version(v)[-1] == "azione" for v in ("1_0", "1_4"))
    with pytest.raises(ValueError):
        columns_for_version("2_0")


# --- hash and pending actions ----------------------------------------------------------------

def test_flow_hash_is_stable_and_covers_flow_fields_only():
    a = good()
    assert flow_hash(a) == flow_hash(good())
    assert len(flow_hash(a)) == 64
    assert flow_hash(replace(a, action="M", source_row=99)) == flow_hash(a)
    for name, value in [("amount_cents", 1), ("due_date", date(2030, 1, 1)), ("causale", "altro"),
                        ("email", ""), ("bilancio", [Capitolo("C", accertamenti=[Accertamento(12345)])]),
                        ("sec_amount_cents", 1), ("generate_iuv", True), ("pa_fee_cents", 0)]:
        assert flow_hash(replace(a, **{name: value})) != flow_hash(a), name


_ANY_VALUE = st.one_of(st.none(), st.text(max_size=8), st.integers(-5, 10**6), st.booleans(),
                      st.dates(), st.just([Capitolo("C", accertamenti=[Accertamento(12345)])]))


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(RECORD_FIELDS), _ANY_VALUE, max_size=8))
def test_flow_hash_equals_every_field_through_canonical(overrides):
    """flow_hash joins the text fields as they are and converts only the typed ones: the same hash as
    converting every field, whatever type a field holds."""
    import hashlib

    from mypay_desk.domain.debts.record import _canonical, _flow_fields

    rec = replace(good(), **overrides)
    plain = "\x1f".join(map(_canonical, _flow_fields(rec)))
    assert flow_hash(rec) == hashlib.sha256(plain.encode("utf-8")).hexdigest()


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(RECORD_FIELDS), _ANY_VALUE, max_size=8), st.text(max_size=35))
def test_flow_hash_with_an_iuv_from_parts_computed_before(overrides, iuv):
    """What the push computes while the portal processes (iuv_hash_parts) and completes with the IUV the
    portal generated: the flow_hash of the record with that IUV and generate_iuv False, whatever it held."""
    rec = replace(good(), **overrides)
    assert flow_hash_with_iuv(iuv_hash_parts(rec), iuv) == flow_hash(replace(rec, iuv=iuv, generate_iuv=False))


@given(st.text(max_size=20), st.integers(min_value=1, max_value=10**9))
def test_flow_hash_changes_with_amount(causale, cents):
    a = good(causale=causale, amount_cents=cents)
    assert flow_hash(a) != flow_hash(replace(a, amount_cents=cents + 1))


@pytest.mark.parametrize("state,cancel,portal,current,expected", [
    ("NUOVO", False, "", "h1", "I"),
    ("RIFIUTATO", False, "", "h1", "I"),
    ("RIFIUTATO", False, "h0", "h1", "M"),
    ("SUL_PORTALE", False, "h1", "h1", None),
    ("SUL_PORTALE", False, "h0", "h1", "M"),
    ("SUL_PORTALE", True, "h0", "h1", "A"),
    ("NUOVO", True, "", "h1", None),
    ("ANNULLATO", False, "h1", "h2", None),
    ("PAGATO", False, "h1", "h2", None),
    ("PAGATO_PARZIALE", True, "h1", "h1", None),
    ("IN_INVIO", False, "", "h1", None),
    ("SCADUTO", False, "h1", "h2", "M"),
])
def test_pending_action_table(state, cancel, portal, current, expected):
    assert pending_action(state, cancel, portal, current) == expected


@given(st.sampled_from(list(DebtState)), st.booleans(), st.sampled_from(["", "a", "b"]), st.sampled_from(["a", "b"]))
def test_pending_action_properties(state, cancel, portal, current):
    action = pending_action(state, cancel, portal, current)
    assert action in (None, "I", "M", "A")
    if action == "A":
        assert cancel and portal
    if action == "I":
        assert not portal and not cancel
    if action == "M":
        assert portal and portal != current


# --- bilancio and instalments -------------------------------------------------------------------

@given(st.lists(st.integers(min_value=1, max_value=10**7), min_size=1, max_size=6),
       st.integers(min_value=1, max_value=10**9))
def test_rescale_bilancio_sums_exactly(amounts, new_total):
    bil = [Capitolo(f"C{i}", accertamenti=[Accertamento(a)]) for i, a in enumerate(amounts)]
    scaled = rescale_bilancio(bil, new_total)
    assert bilancio_total(scaled) == new_total
    assert bilancio_total(bil) == sum(amounts)  # the original is untouched


def test_bilancio_json_roundtrip():
    bil = [Capitolo("C1", "U1", [Accertamento(100, "A1"), Accertamento(200)])]
    assert bilancio_from_json(bilancio_to_json(bil)) == bil
    assert bilancio_from_json("") is None and bilancio_to_json(None) == ""


def test_instalment_iuds():
    assert instalment_iud("TARI-1", 2) == "TARI-1-R2"
    long = "X" * 35
    a, b = instalment_iud(long, 1), instalment_iud(long[:-1] + "Y", 1)
    assert len(a) <= 35 and a != b and a.endswith("-R1")
    assert len({instalment_iud(long, n) for n in range(1, 13)}) == 12


def test_copy_for_instalment():
    parent = good(iuv="x", bilancio=[Capitolo("C", accertamenti=[Accertamento(12345)])], multi_beneficiary=True,
                  sec_name="B")
    inst = copy_for_instalment(parent, 1, 5000, date(2025, 3, 1))
    assert (inst.iud, inst.iuv, inst.amount_cents, inst.due_date) == ("TARI2025-0001-R1", "", 5000, date(2025, 3, 1))
    assert inst.debtor_code == parent.debtor_code and inst.causale.endswith("Rata 1")
    assert bilancio_total(inst.bilancio) == 5000 and not inst.multi_beneficiary and inst.sec_name == ""


# --- the fast path never disagrees with the full rules -----------------------------------------------

def _cf_strategy():
    from stdnum.it import codicefiscale

    alnum = st.sampled_from("ABCDEFGHLMNPRSTVZ0123456789")

    @st.composite
    def cf(draw):
        chars = [draw(alnum) for _ in range(15)]
        body = "".join(chars)
        check = codicefiscale.calc_check_digit(body) if draw(st.booleans()) else draw(st.sampled_from("ABCXYZ"))
        return body + check

    return cf()


@settings(max_examples=400)
@given(_cf_strategy())
def test_cf_quick_implies_stdnum(code):
    from stdnum.it import codicefiscale

    from mypay_desk.domain.debts import cf_quick_ok

    if cf_quick_ok(code):
        assert codicefiscale.is_valid(code)


def test_cf_quick_accepts_ordinary_codes():
    from stdnum.it import codicefiscale

    from mypay_desk.domain.debts import cf_quick_ok

    assert cf_quick_ok("RSSMRA85T10A562S")
    for body in ("RSSMRA85T10A562", "VRDNNA90C41L219", "BNCLCU75B12H50M", "SPSGPP66D14F83P"):
        assert cf_quick_ok(body + codicefiscale.calc_check_digit(body)), body


def _cf_column_strategy():
    """Lists of codes that are mostly shaped like codici fiscali (so the whole-column path runs), with
    wrong check characters, impossible days, characters out of place, other lengths and non-codes."""
    from stdnum.it import codicefiscale

    letters, digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "0123456789LMNPQRSTUV"
    shape = [letters] * 6 + [digits] * 2 + ["ABCDEHLMPRST"] + [digits] * 2 + [letters] + [digits] * 3

    @st.composite
    def code(draw):
        chars = [draw(st.sampled_from(c)) for c in shape]
        if draw(st.integers(0, 4)) == 0:  # a character out of place
            chars[draw(st.integers(0, 14))] = draw(st.sampled_from(letters + "0123456789a-é "))
        body = "".join(chars)
        check = codicefiscale.calc_check_digit(body.upper()) if body.isascii() and body.isalnum() \
            and draw(st.integers(0, 3)) else draw(st.sampled_from(letters + "1a"))
        return body + check

    odd = st.sampled_from(["", "RSSMRA85T10A562", "RSSMRA85T10A562SS", "01199250158", "ANONIMO",
                           "RSSMRA85T10A562\n", "RSSMRA85T10A56\nS"])
    return st.lists(st.one_of(code(), code(), code(), odd), min_size=1, max_size=40)


@settings(max_examples=400)
@given(_cf_column_strategy())
def test_cf_column_check_agrees_with_cf_quick_ok(codes):
    from mypay_desk.domain.debts import cf_quick_ok, cf_quick_ok_column

    assert cf_quick_ok_column(codes) == [cf_quick_ok(c) for c in codes]


def test_cf_column_check_on_a_big_column():
    import random

    from stdnum.it import codicefiscale

    from mypay_desk.domain.debts import cf_quick_ok, cf_quick_ok_column

    rng = random.Random(7)
    codes = []
    for i in range(5000):
        body = "".join(rng.choice("BCDFGLMNPRSTVZ") for _ in range(6)) + \
            f"{rng.randint(0, 99):02d}{rng.choice('ABCDEHLMPRST')}{rng.randint(0, 79):02d}Z{i % 1000:03d}"
        codes.append(body + (codicefiscale.calc_check_digit(body) if i % 7 else "A"))
    expected = [cf_quick_ok(c) for c in codes]
    assert 0 < expected.count(False) < len(codes)  # both kinds are there
    assert cf_quick_ok_column(codes) == expected
    good_only = [c for c, ok in zip(codes, expected, strict=True) if ok]
    assert cf_quick_ok_column(good_only) == [True] * len(good_only)


_POOLS = {
    "iud": ["T-1", "", "000X", "A B", "X" * 36, "T\x01"],
    "iuv": ["", "", "123", "12010000000049971", "12000000000012348", "34010000000049921", "12010000000049972"],
    "debtor_type": ["F", "F", "G", ""],
    "debtor_code": ["RSSMRA85T10A562S", "RSSMRA85T10A562X", "ANONIMO", "01199250158", "RSSMRA85T00A562S",
                    "RSSMRA85T31A562Z"],
    "debtor_name": ["ROSSI", "", " ", "X" * 71, "A\nB", "Nicolò"],
    "address": ["", "VIA ROMA 1", "VIA UNIVERSITÀ", "X" * 71, "VIA 4-NOV"],
    "civic": ["", "12/B", "1;2"],
    "postal_code": ["", "20100", "2010", "2010A", "٢٠١٠٠"],
    "city": ["", "MILANO", "X" * 36, "A\tB"],
    "province": ["", "MI", "XX", "EE"],
    "country": ["", "IT", "FR", "ZZ"],
    "email": ["", "a@b.it", "a@", "a b@c.it"],
    "due_date": [None, date(2025, 1, 1)],
    "amount_cents": [1, 0, -1, 99_999_999_999, 100_000_000_000],
    "pa_fee_cents": [None, 0, -1],
    "debt_type": ["TARI", "MENSA", "", "MARCA_BOLLO_DIGITALE"],
    "causale": ["c", "", " ", "x" * 141, "x" * 1025, "a\nb"],
    "collection_data": ["9/0101108TS/", "", "5/abc", "9/a b"],
    "generate_iuv": [False, True],
    "action": ["", "I", "X"],
}


@settings(max_examples=800)
@given(st.dictionaries(st.sampled_from(sorted(_POOLS)), st.integers(min_value=0, max_value=5), max_size=3),
       st.sampled_from([TARI, MENSA, None, replace(TARI, active=False)]),
       st.sampled_from(["1_0", "1_1", "1_2", "1_3", "1_4"]), st.booleans())
def test_quick_path_agrees_with_full_rules(mutations, dtype, version, check_action):
    """A good record with up to three fields replaced by awkward values: whenever the fast path says
    "fine", the full rules find nothing either."""
    from mypay_desk.domain.debts.fast_rules import quick_ok
    from mypay_desk.domain.debts.rules import validate_full

    values = {k: _POOLS[k][i % len(_POOLS[k])] for k, i in mutations.items()}
    if dtype is not None and dtype.code != "TARI":
        values.setdefault("debt_type", dtype.code)
    rec = good(**values)
    if quick_ok(rec, dtype, version, check_action):
        assert validate_full(rec, dtype, version, check_action=check_action) == []


def test_quick_path_is_taken_for_ordinary_records():
    from mypay_desk.domain.debts.fast_rules import quick_ok

    assert quick_ok(good(), TARI, "1_4", False)
    assert quick_ok(good(debt_type="MENSA", collection_data="9/0201133IM/", due_date=None), MENSA, "1_4", False)
    assert not quick_ok(good(iuv="12"), TARI, "1_4", False)


@settings(max_examples=800)
@given(st.lists(st.tuples(st.dictionaries(st.sampled_from(sorted(_POOLS)), st.integers(min_value=0, max_value=5),
                                          max_size=3), st.booleans()), min_size=1, max_size=4),
       st.sampled_from([TARI, MENSA, replace(TARI, active=False)]), st.sampled_from(["1_0", "1_2", "1_4"]),
       st.sampled_from([None, "12", "34"]))
def test_column_fast_path_agrees_with_full_rules(batch, dtype, version, segregation):
    from dataclasses import fields

    from mypay_desk.domain.debts import quick_ok_columns
    from mypay_desk.domain.debts.rules import validate_full

    recs, portal = [], []
    for mutations, on_portal in batch:
        values = {k: _POOLS[k][i % len(_POOLS[k])] for k, i in mutations.items() if k != "action"}
        if dtype.code != "TARI":
            values.setdefault("debt_type", dtype.code)
        recs.append(good(**values))
        portal.append(on_portal)
    cols = {f.name: [getattr(r, f.name) for r in recs] for f in fields(DebtRecord)}
    types = {"TARI": TARI if dtype.code != "TARI" else dtype, "MENSA": MENSA}
    ok = quick_ok_columns(cols, len(recs), types, version, segregation_code=segregation, on_portal=portal)
    for rec, p, good_row in zip(recs, portal, ok, strict=True):
        if good_row:
            assert validate_full(rec, types.get(rec.debt_type), version, on_portal=p,
                                  segregation_code=segregation) == []


def test_column_fast_path_takes_ordinary_rows():
    from dataclasses import fields

    from mypay_desk.domain.debts import quick_ok_columns

    recs = [good(), good(iud="B"), good(iud="C", iuv="x"), good(iud="D", due_date=None)]
    cols = {f.name: [getattr(r, f.name) for r in recs] for f in fields(DebtRecord)}
    assert quick_ok_columns(cols, 4, {"TARI": TARI}) == [True, True, False, False]
    partial = {"iud": ["A"], "debtor_type": ["F"], "debtor_code": ["RSSMRA85T10A562S"], "debtor_name": ["X"],
               "amount_cents": [5], "debt_type": ["MENSA"], "causale": ["c"], "collection_data": ["9/0201133IM/"]}
    assert quick_ok_columns(partial, 1, {"MENSA": MENSA}) == [True]
    assert quick_ok_columns(partial, 1, {"MENSA": MENSA}, "1_1") == [False]  # due date needed in 1_1


@settings(max_examples=200, deadline=None)
@given(st.fixed_dictionaries({
    "iud": st.text(max_size=8), "debtor_name": st.text(max_size=8), "amount_cents": st.integers(0, 10**9),
    "due_date": st.one_of(st.none(), st.dates()), "generate_iuv": st.booleans(), "pa_fee_cents": st.one_of(
        st.none(), st.integers(0, 999)), "causale": st.sampled_from(["", "TARI", "è\x1f"]),
    "bilancio": st.one_of(st.none(), st.just([Capitolo("C1", "U", [Accertamento(100, "A")])]))}))
def test_flow_hash_is_the_sha256_of_the_fields_as_text(values):
    """The hash stored as portal_hash must not move: every field as text (None "", bools true/false,
    dates ISO, the bilancio as JSON), joined by \\x1f, in RECORD_FIELDS order."""
    import hashlib
    from datetime import date as date_cls

    from mypay_desk.domain.debts import RECORD_FIELDS

    rec = DebtRecord(**values)

    def text(v):
        if v is None:
            return ""
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, date_cls):
            return v.isoformat()
        if isinstance(v, list):
            return bilancio_to_json(v)
        return str(v)

    expected = hashlib.sha256("\x1f".join(text(getattr(rec, n)) for n in RECORD_FIELDS).encode("utf-8")).hexdigest()
    assert flow_hash(rec) == expected
