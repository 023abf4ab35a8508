"""The portal's rejection of a debt, kept on the debt: every code with its Italian message.

A SCARTI row may carry several codes (formats.import_flow.split_rejection_codes). The debt stores them as
``portal_error_code`` (the codes joined by ``|``, at most 80 characters) and ``portal_error_message`` (one
line per code: ``CODE: Italian message``), so the list shows each one in the row's errors, on the column
the code names.
"""

from __future__ import annotations

import re

from mypay_desk.domain.ente import FieldError
from mypay_desk.formats.import_flow import rejection_column, split_rejection_codes

CODE_LIMIT = 80  # portal_error_code and the flow row's code
_LINE_RE = re.compile(r"((?:PAA|PPT)_[A-Z0-9_]+(?:\([^)]*\))?|[A-Z][A-Z_]+): (.*)")


def rejection_lines(codes: list[str], descriptions: list[str]) -> list[str]:
    """``CODE: message`` for every code: our Italian message, and the portal's own description when it says
    more. Descriptions are paired with codes when there are as many of each (MyPay writes them in the same
    order), otherwise all of them follow the first code."""
    from mypay_desk.services.portal_client import fault_message

    codes = codes or ["PAA_IMPORT_ERROR"]
    paired = len(descriptions) == len(codes)
    lines = []
    for i, code in enumerate(codes):
        text = descriptions[i] if paired else (" | ".join(descriptions) if i == 0 else "")
        lines.append(f"{code}: {fault_message(code, text)}")
    return lines


def stored_rejection(codes: list[str], descriptions: list[str]) -> tuple[str, str]:
    """(portal_error_code, portal_error_message) for a rejected row."""
    codes = codes or ["PAA_IMPORT_ERROR"]
    return joined_codes(codes), "\n".join(rejection_lines(codes, descriptions))


def joined_codes(codes: list[str]) -> str:
    """The codes joined by ``|``, cut at a code boundary to fit CODE_LIMIT (the message keeps them all)."""
    out = ""
    for code in codes:
        candidate = f"{out}|{code}" if out else code
        if len(candidate) > CODE_LIMIT:
            break
        out = candidate
    return out or codes[0][:CODE_LIMIT]


def codes_of(code_text: str, message_text: str) -> list[str]:
    """Every code of a stored rejection: from the message's lines, else from the code column."""
    codes = [m.group(1) for m in map(_LINE_RE.fullmatch, (message_text or "").splitlines()) if m]
    return codes or split_rejection_codes(code_text or "") or ([code_text] if code_text else [])


def rejection_errors(code_text: str, message_text: str) -> list[FieldError]:
    """The errors a rejected debt shows: one per code, on the column the code names ("" = the row)."""
    out: list[FieldError] = []
    for line in (message_text or "").splitlines():
        m = _LINE_RE.fullmatch(line.strip())
        if m:
            out.append(FieldError(rejection_column(m.group(1)), f"Rifiutato dal portale ({m.group(1)}): {m.group(2)}"))
    if out:
        return out
    # A single fault (the desk's ImportaDovuto) or a message from before codes were split.
    codes = split_rejection_codes(code_text or "") or ([code_text] if code_text else [])
    if not codes and not message_text:
        return []
    first = codes[0] if codes else ""
    label = f"Rifiutato dal portale ({first})" if first else "Rifiutato dal portale"
    return [FieldError(rejection_column(first), f"{label}: {message_text}" if message_text else label)]
