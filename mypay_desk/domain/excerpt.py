"""A short excerpt of a value for a message: a 20 MB cell must not become a 20 MB error message."""

from __future__ import annotations

EXCERPT_CHARS = 40


def excerpt(value: object, limit: int = EXCERPT_CHARS) -> str:
    """``value`` as text, cut to ``limit`` characters with "…", control characters shown as "\ufffd"
    (a message stays on one line whatever the file held)."""
    text = value if isinstance(value, str) else str(value)
    cut = len(text) > limit
    if cut:
        text = text[:limit]
    if not text.isprintable():
        text = "".join(c if c.isprintable() else "\ufffd" for c in text)
    return text + "…" if cut else text


def thousands(number: int) -> str:
    """An integer with Italian thousands separators: 1048576 -> "1.048.576"."""
    return f"{number:,}".replace(",", ".")
