"""What a sync reports to the CLI and the UI: push reports, flows, their rows, pending counts, desk results."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

UNFINISHED = ("PREPARATO", "AUTORIZZATO", "CARICATO")
FLOW_STATE_LABELS = {
    "PREPARATO": "Preparato (non ancora inviato)",
    "AUTORIZZATO": "Invio da verificare",
    "CARICATO": "In elaborazione sul portale",
    "ELABORATO": "Elaborato",
    "ERRORE": "Rifiutato dal portale",
}
PORTAL_OPEN_STATE = "INSERIMENTO_DOVUTO"  # MyPay's state of an open debt ("DA PAGARE")


# --- results ------------------------------------------------------------------------------------

@dataclass
class RowProblem:
    iud: str
    code: str
    message: str
    action: str = ""
    debt_id: int | None = None

    @property
    def codes(self) -> list[str]:
        """Every code of a rejection (``code`` keeps those that fit in 80 characters; the message has a line
        per code)."""
        from mypay_desk.services.rejections import codes_of

        return codes_of(self.code, self.message)

    def to_dict(self) -> dict:
        return {"iud": self.iud, "code": self.code, "codes": self.codes, "message": self.message}


@dataclass
class PushReport:
    list_name: str
    flow: str | None = None  # IUF; None when there was nothing to send
    flow_id: int | None = None
    state: str = ""
    portal_state: str = ""
    actions: dict[str, int] = field(default_factory=lambda: {"I": 0, "M": 0, "A": 0})
    accepted: int = 0
    rejected: int = 0
    rejections: list[RowProblem] = field(default_factory=list)
    conflicts: list[RowProblem] = field(default_factory=list)  # changed on the portal: not overwritten
    skipped: list[RowProblem] = field(default_factory=list)  # invalid, or rejected and unchanged since
    # inserts refused because the portal held the IUD, taken back as the portal holds them (sync.recovery):
    # code SUL_PORTALE or PAGATO
    recovered: list[RowProblem] = field(default_factory=list)
    resumed: bool = False
    error: str = ""
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def finished(self) -> bool:
        return self.state in ("ELABORATO", "ERRORE", "")

    @property
    def message(self) -> str:
        if self.flow is None:
            text = "Nessuna modifica da inviare: la lista è allineata con il portale"
            if self.conflicts:
                text += f" ({len(self.conflicts)} dovuti risultano pagati sul portale e non sono stati modificati)"
            return text
        a = self.actions
        head = (f"Flusso {self.flow} ({a['I']} inserimenti, {a['M']} modifiche, {a['A']} annullamenti)"
                + (" ripreso" if self.resumed else ""))
        if self.state == "ELABORATO":
            text = f"{head}: {self.accepted} accettati, {self.rejected} rifiutati"
            if self.recovered:
                text += f" ({len(self.recovered)} dei rifiutati erano già sul portale e sono stati ripresi)"
            return text
        if self.state == "ERRORE":
            return f"{head}: rifiutato dal portale. {self.error} Le modifiche restano in attesa."
        return f"{head}: {FLOW_STATE_LABELS.get(self.state, self.state).lower()}"

    def to_json(self) -> dict:
        """The shape of ``sync push --json`` (CLI.md), plus keys that may follow."""
        return {
            "flow": self.flow,
            "actions": dict(self.actions),
            "accepted": self.accepted,
            "rejected": self.rejected,
            "rejections": [r.to_dict() for r in self.rejections],
            "list": self.list_name,
            "state": self.state,
            "portal_state": self.portal_state,
            "resumed": self.resumed,
            "conflicts": [r.to_dict() for r in self.conflicts],
            "skipped": [r.to_dict() for r in self.skipped],
            "recovered": [r.to_dict() for r in self.recovered],
            "error": self.error,
            "message": self.message,
            "timings": {k: round(v, 3) for k, v in self.timings.items()},
        }


@dataclass(frozen=True)
class FlowInfo:
    id: int
    iuf: str
    list_name: str
    state: str
    state_label: str
    portal_state: str
    created_at: datetime
    updated_at: datetime
    count_insert: int
    count_modify: int
    count_cancel: int
    accepted: int
    rejected: int
    error_message: str

    def to_json(self) -> dict:
        return {"flow": self.iuf, "list": self.list_name, "state": self.state, "portal_state": self.portal_state,
                "created_at": self.created_at.isoformat(timespec="seconds"),
                "updated_at": self.updated_at.isoformat(timespec="seconds"),
                "actions": {"I": self.count_insert, "M": self.count_modify, "A": self.count_cancel},
                "accepted": self.accepted, "rejected": self.rejected, "error": self.error_message}


@dataclass(frozen=True)
class FlowRowInfo:
    row_number: int
    iud: str
    action: str
    outcome: str
    code: str
    message: str
    debt_id: int | None


@dataclass(frozen=True)
class ListPending:
    list_id: int
    list_name: str
    insert: int
    modify: int
    cancel: int
    invalid: int  # pending but not sendable until fixed
    rejected_unchanged: int  # rejected and not changed since
    in_flight: int

    @property
    def total(self) -> int:
        return self.insert + self.modify + self.cancel

    def to_json(self) -> dict:
        return {"list": self.list_name, "I": self.insert, "M": self.modify, "A": self.cancel,
                "total": self.total, "invalid": self.invalid, "rejected_unchanged": self.rejected_unchanged,
                "in_flight": self.in_flight}


@dataclass
class SyncStatus:
    ente: str
    portal_url: str
    online: bool | None
    flows: list[FlowInfo]
    pending: list[ListPending]
    last_receipts: datetime | None

    def to_json(self) -> dict:
        return {
            "ente": self.ente,
            "portal_url": self.portal_url,
            "online": self.online,
            "flows": [f.to_json() for f in self.flows],
            "pending": {"total": sum(p.total for p in self.pending), "lists": [p.to_json() for p in self.pending]},
            "last_receipts": self.last_receipts.isoformat(timespec="seconds") if self.last_receipts else None,
        }


@dataclass(frozen=True)
class SingleSendResult:
    debt_id: int
    iud: str
    action: str
    accepted: bool
    iuv: str = ""
    notice_number: str = ""
    code: str = ""
    message: str = ""
    notice_zip: bytes | None = None


@dataclass(frozen=True)
class DeskDebt:
    id: int
    iud: str
    list_name: str
    debtor_name: str
    amount_cents: int
    state: str
    iuv: str
    notice_number: str


@dataclass(frozen=True)
class PaymentStart:
    debt_id: int
    iud: str
    iuv: str
    notice_number: str
    amount_cents: int
    url: str
    id_session: str


