"""Column-wise fast path of the rules for big imports: True only where the full rules find nothing."""

from __future__ import annotations

import re

from mypay_desk.domain.codes import (
    COLLECTION_DATA_RE,
)
from mypay_desk.domain.debts.record import (
    ACTIONS,
    DEFAULT_VERSION,
    VERSIONS,
    DebtRecord,
    causale_max_len,
)
from mypay_desk.domain.debts.reference import (
    ADDRESS_RE,
    COUNTRIES,
    EMAIL_RE,
    PROVINCES,
)
from mypay_desk.domain.ente import DebtTypeData
from mypay_desk.domain.money import MAX_AMOUNT_CENTS

# --- fast path ---------------------------------------------------------------------------------
# Imports check 100,000s of rows: most are fine, and proving that is much cheaper than building
# messages. quick_ok answers True only when validate_full would find nothing (anything unusual,
# such as an IUV, a bilancio, a legal person or a foreign CAP, goes to the full rules); a property
# test holds it to that.

_CF_RE = re.compile(r"[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]")
_CF_ALPHABET = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_CF_ODD = bytes.maketrans(_CF_ALPHABET, bytes([1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 1, 0, 5, 7, 9, 13, 15, 17, 19, 21,
                                                2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]))
_CF_EVEN = bytes.maketrans(_CF_ALPHABET, bytes([*range(10), *range(26)]))
_CF_DAY_DIGIT = {**{str(d): d for d in range(10)}, **{c: i for i, c in enumerate("LMNPQRSTUV")}}


def cf_quick_ok(code: str) -> bool:
    """True for a well-formed personal codice fiscale with the right check character and a birth day
    that exists in every month (1-28, +40 for women). False means "ask the full check"."""
    if len(code) != 16 or not _CF_RE.fullmatch(code):
        return False
    raw = code.encode("ascii")
    # Values of the characters in odd and even positions (DM 23/12/1976), summed in C.
    total = sum(raw[0:15:2].translate(_CF_ODD)) + sum(raw[1:15:2].translate(_CF_EVEN))
    if 65 + total % 26 != raw[15]:
        return False
    day = (_CF_DAY_DIGIT[code[9]] * 10 + _CF_DAY_DIGIT[code[10]]) % 40
    return 1 <= day <= 28


# The same check over a whole column, computed for every code at once. In the column joined by
# newlines, the characters at one position of every code are a slice with a stride of 17; each
# slice is translated to one byte per code (1 where the character is allowed there, or its value in
# the check-character sum) and the slices are added as big integers, one byte per code. No byte ever
# carries into the next code's: the flags add up to at most 18, eight odd-position values to at most
# 8 * 25 = 200, seven even ones to 175, the day's two digits to 99.
def _cf_table(chars: str, values: list[int] | None = None) -> bytes:
    table = bytearray(256)
    for i, c in enumerate(chars):
        table[ord(c)] = 1 if values is None else values[i]
    return bytes(table)


_CF_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_CF_DIGITS = "0123456789LMNPQRSTUV"  # digits, or the letters that stand for them (omocodia)
_CF_CLASSES = [_cf_table(c) for c in (*[_CF_LETTERS] * 6, *[_CF_DIGITS] * 2, "ABCDEHLMPRST", *[_CF_DIGITS] * 2,
                                      _CF_LETTERS, *[_CF_DIGITS] * 3, _CF_LETTERS)]
_CF_ODD_VALUES = _cf_table(_CF_ALPHABET.decode(), list(_CF_ALPHABET.translate(_CF_ODD)))
_CF_EVEN_VALUES = _cf_table(_CF_ALPHABET.decode(), list(_CF_ALPHABET.translate(_CF_EVEN)))
_CF_MINUS_LETTER = _cf_table(_CF_LETTERS, [26 - i for i in range(26)])  # 26 - the check letter's value
_CF_DAY_VALUE = _cf_table(_CF_DIGITS, [_CF_DAY_DIGIT[c] for c in _CF_DIGITS])
_CF_DAY_OK = bytes(int(1 <= x % 40 <= 28) for x in range(256))
_CF_ZERO_MOD26 = bytes(int(x % 26 == 0) for x in range(256))
_CF_MOD26 = bytes(x % 26 for x in range(256))
_CF_16_LINES_RE = re.compile(r"[^\n]{16}(?:\n[^\n]{16})*")
_CF_ALL_FLAGS = 18  # 16 allowed characters + an existing day + the right check character


def cf_quick_ok_column(codes, joined: str | None = None) -> list[bool]:
    """``[cf_quick_ok(c) for c in codes]`` for a whole column of strings; when the values are not all
    16 ASCII characters, code by code. ``joined``: the codes joined by newlines, if already known."""
    n = len(codes)
    if joined is None:
        try:
            joined = "\n".join(codes)
        except TypeError:
            return list(map(cf_quick_ok, codes))
    if n == 0 or not joined.isascii() or not _CF_16_LINES_RE.fullmatch(joined):
        return list(map(cf_quick_ok, codes))
    raw = joined.encode("ascii")

    def lanes(position: int, table: bytes) -> int:
        return int.from_bytes(raw[position::17].translate(table), "little")

    def back(value: int, table: bytes) -> int:
        return int.from_bytes(value.to_bytes(n, "little").translate(table), "little")

    flags = sum(lanes(p, _CF_CLASSES[p]) for p in range(16))
    flags += back(lanes(9, _CF_DAY_VALUE) * 10 + lanes(10, _CF_DAY_VALUE), _CF_DAY_OK)
    odd = sum(lanes(p, _CF_ODD_VALUES) for p in range(0, 15, 2))
    even = sum(lanes(p, _CF_EVEN_VALUES) for p in range(1, 15, 2))
    # (sum % 26) + (26 - check value) is 0 or 26 exactly when the check character is right.
    flags += back(back(odd, _CF_MOD26) + back(even, _CF_MOD26) + lanes(15, _CF_MINUS_LETTER), _CF_ZERO_MOD26)
    result = flags.to_bytes(n, "little")
    if result.count(_CF_ALL_FLAGS) == n:
        return [True] * n
    return [f == _CF_ALL_FLAGS for f in result]


def quick_ok(r: DebtRecord, dt: DebtTypeData | None, version: str, check_action: bool) -> bool:
    if dt is None or version not in VERSIONS:
        return False
    iud = r.iud
    if not iud or len(iud) > 35 or iud.startswith("000") or " " in iud or not iud.isprintable():
        return False
    if r.iuv or r.bilancio or r.multi_beneficiary or r.payment_type:
        return False
    if '"' in iud or '"' in r.debtor_name or '"' in r.city or '"' in r.causale or '"' in r.collection_data \
            or '"' in r.debt_type:
        return False  # quotes: the full rules count them (odd_quote_errors)
    if r.debtor_type != "F" or not cf_quick_ok(r.debtor_code):
        return False
    name = r.debtor_name
    if not name.strip() or len(name) > 70 or not name.isprintable():
        return False
    if r.address and (len(r.address) > 70 or not ADDRESS_RE.fullmatch(r.address)):
        return False
    if r.civic and (len(r.civic) > 16 or not ADDRESS_RE.fullmatch(r.civic)):
        return False
    country = r.country
    if country and country not in COUNTRIES:
        return False
    pc = r.postal_code
    if pc and (country not in ("", "IT") or len(pc) != 5 or not pc.isascii() or not pc.isdigit()):
        return False
    if r.city and (len(r.city) > 35 or not r.city.isprintable()):
        return False
    prov = r.province
    if prov and (prov not in PROVINCES or (country and country != "IT" and prov != "EE")):
        return False
    if r.email and (len(r.email) > 256 or not EMAIL_RE.fullmatch(r.email)):
        return False
    if r.due_date is None and (version in ("1_0", "1_1") or dt.due_date_required):
        return False
    if not 0 < r.amount_cents <= MAX_AMOUNT_CENTS:
        return False
    fee = r.pa_fee_cents
    if fee is not None and not 0 <= fee <= MAX_AMOUNT_CENTS:
        return False
    t = r.debt_type
    if dt.code != t or not dt.active or not t.strip() or len(t) > 64 or not t.isprintable() \
            or t == "MARCA_BOLLO_DIGITALE":
        return False
    c = r.causale
    if not c.strip() or len(c) > causale_max_len(version) or not c.isprintable():
        return False
    if not COLLECTION_DATA_RE.fullmatch(r.collection_data):
        return False
    if r.generate_iuv and version in ("1_0", "1_1", "1_2"):
        return False
    return not check_action or r.action in ACTIONS


# Column-wise fast path for imports: the same guarantee as quick_ok (True only where the full rules
# find nothing), checked one column at a time with C-level loops (regular expressions, set lookups).
# Character classes are deliberately narrower than Python's isprintable(): rows with unusual
# characters simply go through the full rules.
# No double quotes in any of them: the full rules count those (odd_quote_errors).
_PRINTABLE = r"[ !#-~\xa1-\xac\xae-\xff\u20ac]"
_IUD_COL = r"(?!000)[!#-~]{1,35}"
_NAME_COL = rf"(?=[^\n]*[^ \n]){_PRINTABLE}{{1,70}}"
_ADDRESS_COL = r"[a-z A-Z0-9.,()/'&]{0,70}"
_CIVIC_COL = r"[a-z A-Z0-9.,()/'&]{0,16}"
_CITY_COL = rf"{_PRINTABLE}{{0,35}}"
_CAP_IT_COL = r"(?:[0-9]{5})?"
_CAUSALE_COL = {n: rf"(?=[^\n]*[^ \n]){_PRINTABLE}{{1,{n}}}" for n in (140, 1024)}
_COLLECTION_COL = r'[0129]/[^\s"]{3,138}'
# An empty cell, or an address as EMAIL_RE wants it of at most 256 characters.
_EMAIL_COL = r"(?:(?=[^\n]{0,256}(?![^\n]))[a-zA-Z0-9_!#$%&'*+/=?`{|}~^.-]+@[a-zA-Z0-9.-]+)?"


_LINES_CACHE: dict[str, re.Pattern] = {}


def _all_lines_match(pattern: str, values: list, joined: str | None = None) -> bool:
    """Whether every value (all strings) fully matches ``pattern`` (which must not match newlines):
    one regular-expression run over the column joined by newlines (``joined``, if already known)."""
    if joined is None:
        try:
            joined = "\n".join(values)  # TypeError: a value is not a string
        except TypeError:
            return False
    rx = _LINES_CACHE.get(pattern)
    if rx is None:
        # Atomic groups: a line never needs a shorter match (the patterns exclude newlines), so a bad
        # line fails at once instead of backtracking through the lines before it.
        rx = _LINES_CACHE[pattern] = re.compile(rf"(?>{pattern})(?:\n(?>{pattern}))*")
    return joined.count("\n") == len(values) - 1 and rx.fullmatch(joined) is not None


def _iuv17_ok(iuv: str, on_portal: bool, segregation_code: str | None) -> bool:
    """An IUV17 the rules accept without comment (anything else: full rules)."""
    if len(iuv) != 17 or not iuv.isascii() or not iuv.isdigit() or int("3" + iuv[:15]) % 93 != int(iuv[15:]):
        return False
    if on_portal:
        return True
    return iuv[2:4] != "00" and (not segregation_code or iuv.startswith(segregation_code))


def quick_ok_columns(cols: dict[str, list], n: int, types: dict[str, DebtTypeData],
                     version: str = DEFAULT_VERSION, *, segregation_code: str | None = None,
                     on_portal: list[bool] | None = None, joined: dict[str, str] | None = None) -> list[bool]:
    """For ``n`` records given as columns (``{field: values}``; a missing field means its default),
    True where the record certainly passes :func:`validate_debt` with the same ``segregation_code``
    and, per row, ``on_portal`` (default: not on the portal). False means "check this row with
    validate_debt". ``joined``: for columns of strings, the values joined by newlines when the
    caller already has them (they must be exactly ``"\\n".join(cols[field])``)."""
    texts = joined or {}
    if version not in VERSIONS or n == 0:
        return [False] * n
    ok = [True] * n

    def need(results) -> None:
        res = results if isinstance(results, list) else list(results)
        if all(res):
            return
        for i, good in enumerate(res):
            if not good:
                ok[i] = False

    def col(name: str):
        return cols.get(name)

    def need_match(pattern: str, name: str) -> None:
        values = cols.get(name)
        if values is None:
            need([False] * n)
            return
        first = values[0]
        if first.__class__ is str and values[-1] == first and values.count(first) == n:
            # one value down the whole column (a tipo's taxonomy, the town): checked once
            if "\n" in first or _LINES_CACHE.setdefault("1:" + pattern, re.compile(pattern)).fullmatch(first) is None:
                need([False] * n)
        elif not _all_lines_match(pattern, values, texts.get(name)):
            rx = _LINES_CACHE.get("1:" + pattern) or _LINES_CACHE.setdefault("1:" + pattern, re.compile(pattern))
            need([v.__class__ is str and rx.fullmatch(v) is not None for v in values])

    def all_default(name: str, default) -> None:
        values = col(name)
        if values is not None and values.count(default) != n:
            need([v == default for v in values])

    if col("iud") is None:
        return [False] * n
    need_match(_IUD_COL, "iud")
    iuvs = col("iuv")
    if iuvs is not None and iuvs.count("") != n:
        portal = on_portal or [False] * n
        flags = col("generate_iuv") or [False] * n
        need([not v or (not g and _iuv17_ok(v, p, segregation_code))
              for v, p, g in zip(iuvs, portal, flags, strict=True)])
    all_default("bilancio", None)
    all_default("multi_beneficiary", False)
    all_default("payment_type", "")
    dtypes = col("debtor_type")
    if dtypes is None or dtypes.count("F") != n:
        need([t == "F" for t in dtypes] if dtypes is not None else [False] * n)
    codes = col("debtor_code")
    need(cf_quick_ok_column(codes, texts.get("debtor_code")) if codes is not None else [False] * n)
    need_match(_NAME_COL, "debtor_name")
    for name, pattern in (("address", _ADDRESS_COL), ("civic", _CIVIC_COL), ("city", _CITY_COL)):
        if col(name) is not None:
            need_match(pattern, name)
    country = col("country")
    domestic = country is None or country.count("") + country.count("IT") == n
    if not domestic:
        need([c in ("", "IT") for c in country])  # foreign addresses: full rules
    if col("postal_code") is not None:
        need_match(_CAP_IT_COL, "postal_code")
    provinces = col("province")
    if provinces is not None:
        bad = {p for p in set(provinces) if p and p not in PROVINCES}  # a file holds few distinct ones
        if bad:
            need([p not in bad for p in provinces])
    if col("email") is not None:
        need_match(_EMAIL_COL, "email")
    debt_type = col("debt_type")
    if debt_type is None:
        return [False] * n
    type_ok = {}
    for t in set(debt_type):
        dt = types.get(t)
        type_ok[t] = (dt is not None and dt.code == t and dt.active and bool(t.strip()) and len(t) <= 64
                      and t.isprintable() and '"' not in t and t != "MARCA_BOLLO_DIGITALE")
    if not all(type_ok.values()):
        need(map(type_ok.__getitem__, debt_type))
    due = col("due_date")
    needs_due = {t: version in ("1_0", "1_1") or bool(types.get(t) and types[t].due_date_required)
                 for t in type_ok}
    if due is None:
        need([not needs_due[t] for t in debt_type])
    elif due.count(None):
        need([d is not None or not needs_due[t] for d, t in zip(due, debt_type, strict=True)])
    amounts = col("amount_cents")
    if amounts is None:
        return [False] * n
    if not (min(amounts) > 0 and max(amounts) <= MAX_AMOUNT_CENTS):
        need([0 < a <= MAX_AMOUNT_CENTS for a in amounts])
    fees = col("pa_fee_cents")
    if fees is not None and fees.count(None) != n:
        need([f is None or 0 <= f <= MAX_AMOUNT_CENTS for f in fees])
    need_match(_CAUSALE_COL[causale_max_len(version)], "causale")
    need_match(_COLLECTION_COL, "collection_data")
    if version in ("1_0", "1_1", "1_2"):
        all_default("generate_iuv", False)
    return ok

