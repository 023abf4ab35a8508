"""IUDs for debts typed by hand: the list's own numbering continued ("TARI25-00041" after "TARI25-00040").

MyPay wants an IUD unique in the Ente; an office numbers each list with a prefix of its own. The
prefix is read from the list's last numbered debts (so it is shared by every workstation and follows
an import or the bulk "Genera gli IUD"), and made from the list's name while the list has none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from mypay_desk.services.errors import UserError
from mypay_desk.services.lists.common import ListRef, ListServiceBase
from mypay_desk.store.repositories import debts as repo

LOOK_BACK = 50  # the last debts of the list whose IUDs show its numbering
DEFAULT_DIGITS = 6
MAX_IUD = 35  # MyPay's IUD length
MAX_TRIES = 1000
_NUMBERED = re.compile(r"(.*?)(\d+)")


def iud_numbering(iuds: Sequence[str], list_name: str) -> tuple[str, int, int]:
    """(prefix, next number, digits) from a list's IUDs in position order, or from its name."""
    for iud in reversed(iuds):
        m = _NUMBERED.fullmatch(iud or "")
        if m and m.group(1):
            prefix, width = m.group(1), len(m.group(2))
            numbers = [int(n.group(2)) for i in iuds if (n := _NUMBERED.fullmatch(i or ""))
                       and n.group(1) == prefix]
            return prefix, max(numbers) + 1, width
    base = re.sub(r"[^A-Z0-9]", "", list_name.upper())[:20].lstrip("0") or "IUD"
    return f"{base}-", 1, DEFAULT_DIGITS


class IudNumbering(ListServiceBase):
    def next_iud(self, list_ref: ListRef) -> str:
        """A free IUD for a new debt of the list, continuing the list's numbering."""
        ente = self._ente()
        with self.ws.db.session() as s:
            row = self._resolve(s, ente.id, list_ref)
            last = repo.max_position(s, row.id)
            ids = repo.top_level_ids_by_position(s, row.id, max(0, last - LOOK_BACK + 1), last + 1)
            iuds = [d["iud"] for d in repo.debts_by_ids(s, ids)]
            prefix, first, digits = iud_numbering(iuds, row.name)
            prefix = prefix[:max(0, MAX_IUD - digits)]
            for number in range(first, first + MAX_TRIES):  # taken elsewhere in the Ente: the next one
                candidate = f"{prefix}{number:0{digits}d}"
                if len(candidate) <= MAX_IUD and not repo.debts_with_iuds(s, ente.id, [candidate]):
                    return candidate
        raise UserError(f"Nessun IUD libero dopo {prefix}{first:0{digits}d}: scrivi l'IUD a mano", field="iud")
