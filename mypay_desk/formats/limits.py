"""Bounds shared by the readers: how many lines a text file may have, text every database can hold (no
NUL), and integers that must fit the database's INTEGER columns (a 20-digit index would otherwise fail
the INSERT with an OverflowError after the whole file was read). SQLite's INTEGER holds 64 bits,
PostgreSQL's 32: the readers keep to the smaller, which is still far above any real index or count.

Each limit is far above real files of any kind, so only damaged or hostile files reach it, and they
get a clear message instead of minutes of work or gigabytes of memory.
"""

from __future__ import annotations

from mypay_desk.domain.excerpt import excerpt

SQLITE_MAX_INTEGER = 2 ** 63 - 1
DB_MAX_INTEGER = 2 ** 31 - 1  # an INTEGER column on every database the app supports
#: Lines of a text file (CSV, flow), blank ones included: a million debts is the largest real list.
MAX_TEXT_LINES = 5_000_000


def line_count(data: bytes) -> int:
    """Lines of ``data`` whatever its line ends (\\n, \\r\\n or \\r alone), counted in C."""
    return max(data.count(b"\n"), data.count(b"\r")) + 1


def too_many_lines(data: bytes, limit: int = MAX_TEXT_LINES) -> str | None:
    """A message when ``data`` has more than ``limit`` lines, else None (cheap: counted in C)."""
    if len(data) <= limit:
        return None
    n = line_count(data)
    if n <= limit:
        return None
    return (f"il file ha {n:,} righe (comprese quelle vuote): al massimo {limit:,}; controlla che sia il file "
            "giusto").replace(",", ".")


#: What the readers put where a file holds NUL (U+0000): PostgreSQL's text cannot store NUL (the INSERT
#: fails), and a SQLite workspace holding one could not be copied to PostgreSQL later. SUB (U+001A) is
#: ASCII's own "substitute" for a character in error; like NUL it is a control character, so the debt rules
#: still mark the value («caratteri di controllo») and MyPay's reading of a flow (Java's trim) treats both alike.
NUL_STANDIN = "\x1a"


def without_nul(text: str) -> str:
    """``text`` with every NUL replaced by :data:`NUL_STANDIN` (the same object when it has none)."""
    return text.replace("\x00", NUL_STANDIN) if "\x00" in text else text


def parse_index(text: str, maximum: int = DB_MAX_INTEGER) -> int:
    """A non-negative integer written with ASCII digits only, at most ``maximum``; ValueError otherwise."""
    s = text.strip()
    if not (s.isascii() and s.isdigit()):
        raise ValueError(f"«{excerpt(text)}» non è un numero intero")
    if len(s) > 19 or int(s) > maximum:
        raise ValueError(f"«{excerpt(text)}» è un numero troppo grande (al massimo {maximum:,})".replace(",", "."))
    return int(s)
