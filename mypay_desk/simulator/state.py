"""The sandbox portal's state: one SQLite file (stdlib sqlite3) plus a ``files/`` folder, all under the
state directory, so the sandbox continues where it stopped when restarted on the same folder.

Thread safety: every thread gets its own connection (WAL mode: readers never wait for the writer);
writes are serialised by one lock and run in ``BEGIN IMMEDIATE`` transactions (``state.write()``).
Several processes may share the folder (``simulator add-ente`` while the server runs): SQLite's own
locking and the busy timeout cover that.
"""

from __future__ import annotations

import json
import os
import secrets
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime
from pathlib import Path

from mypay_desk.domain.codes import CodeError, validate_segregation_code
from mypay_desk.domain.debts import DebtRecord, bilancio_from_json, bilancio_to_json
from mypay_desk.domain.identity import IdentityError, validate_ente_fiscal_code

DB_NAME = "sandbox.sqlite3"
SCHEMA_VERSION = 1

# Dovuto states (mypay4-interfaces.md §4.1); paid and cancelled ones stay in the same table.
DA_PAGARE = "INSERIMENTO_DOVUTO"
PAGAMENTO_INIZIATO = "PAGAMENTO_INIZIATO"
COMPLETATO = "COMPLETATO"
ANNULLATO = "ANNULLATO"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS ente (
    id INTEGER PRIMARY KEY,
    ipa TEXT NOT NULL UNIQUE COLLATE NOCASE,
    fiscal_code TEXT NOT NULL,
    name TEXT NOT NULL,
    password TEXT NOT NULL,
    segregation_code TEXT NOT NULL,
    iuv_progressive INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS tipo_dovuto (
    ente_id INTEGER NOT NULL REFERENCES ente(id),
    code TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 1,
    due_date_required INTEGER NOT NULL DEFAULT 0,
    print_due_date INTEGER NOT NULL DEFAULT 0,
    anonymous_allowed INTEGER NOT NULL DEFAULT 0,
    iban TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (ente_id, code)
);
CREATE TABLE IF NOT EXISTS flow (
    id INTEGER PRIMARY KEY,
    ente_id INTEGER NOT NULL REFERENCES ente(id),
    iuf TEXT NOT NULL,
    state TEXT NOT NULL,
    total INTEGER NOT NULL DEFAULT 0,
    imported INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS flow_iuf ON flow(ente_id, iuf);
CREATE TABLE IF NOT EXISTS dovuto (
    id INTEGER PRIMARY KEY,
    ente_id INTEGER NOT NULL REFERENCES ente(id),
    iud TEXT NOT NULL,
    iuv TEXT NOT NULL DEFAULT '',
    iuv_generated INTEGER NOT NULL DEFAULT 0,
    state TEXT NOT NULL,
    debt_type TEXT NOT NULL,
    debtor_code TEXT NOT NULL,
    amount_cents INTEGER NOT NULL,
    due_date TEXT,
    record TEXT NOT NULL,
    flow_id INTEGER,
    flow_row INTEGER,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS dovuto_iud ON dovuto(ente_id, iud);
CREATE INDEX IF NOT EXISTS dovuto_iuv ON dovuto(ente_id, iuv);
CREATE INDEX IF NOT EXISTS dovuto_debtor ON dovuto(debtor_code, state);
CREATE TABLE IF NOT EXISTS receipt (
    id INTEGER PRIMARY KEY,
    ente_id INTEGER NOT NULL REFERENCES ente(id),
    dovuto_id INTEGER NOT NULL REFERENCES dovuto(id),
    iuv TEXT NOT NULL,
    iud TEXT NOT NULL,
    debt_type TEXT NOT NULL,
    paid_on TEXT NOT NULL,
    received_at TEXT NOT NULL,
    session_id TEXT,
    row TEXT NOT NULL,
    pagati BLOB NOT NULL,
    rt BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS receipt_received ON receipt(ente_id, received_at);
CREATE INDEX IF NOT EXISTS receipt_dovuto ON receipt(dovuto_id);
CREATE TABLE IF NOT EXISTS import_request (
    request_token TEXT PRIMARY KEY,
    auth_token TEXT NOT NULL UNIQUE,
    ente_id INTEGER NOT NULL REFERENCES ente(id),
    state TEXT,
    cod_errore TEXT NOT NULL DEFAULT '',
    de_errore TEXT NOT NULL DEFAULT '',
    file_name TEXT NOT NULL DEFAULT '',
    file_path TEXT NOT NULL DEFAULT '',
    md5 TEXT NOT NULL DEFAULT '',
    flow_id INTEGER,
    total INTEGER NOT NULL DEFAULT 0,
    imported INTEGER NOT NULL DEFAULT 0,
    scarti_file TEXT NOT NULL DEFAULT '',
    iuv_file TEXT NOT NULL DEFAULT '',
    avvisi_file TEXT NOT NULL DEFAULT '',
    avvisi_iuvs TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL,
    uploaded_at TEXT,
    processed_at TEXT
);
CREATE TABLE IF NOT EXISTS export_request (
    request_token TEXT PRIMARY KEY,
    ente_id INTEGER NOT NULL REFERENCES ente(id),
    state TEXT NOT NULL,
    params TEXT NOT NULL,
    file_name TEXT NOT NULL DEFAULT '',
    rows INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    processed_at TEXT
);
CREATE TABLE IF NOT EXISTS checkout (
    id TEXT PRIMARY KEY,
    ente_id INTEGER NOT NULL REFERENCES ente(id),
    dovuto_ids TEXT NOT NULL,
    return_url TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS download (
    token TEXT PRIMARY KEY,
    ente_id INTEGER NOT NULL,
    type TEXT NOT NULL,
    filename TEXT NOT NULL,
    path TEXT NOT NULL,
    created_at TEXT NOT NULL
);
-- PSP reporting and treasury (simulator/fdr.py): flows are written once and kept, like a PSP's.
CREATE TABLE IF NOT EXISTS fdr (
    id INTEGER PRIMARY KEY,
    ente_id INTEGER NOT NULL REFERENCES ente(id),
    iuf TEXT NOT NULL,
    psp_id TEXT NOT NULL,
    settlement_date TEXT NOT NULL,
    total_cents INTEGER NOT NULL,
    lines INTEGER NOT NULL,
    xml BLOB NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (ente_id, iuf)
);
CREATE TABLE IF NOT EXISTS fdr_line (
    fdr_id INTEGER NOT NULL REFERENCES fdr(id),
    receipt_id INTEGER NOT NULL REFERENCES receipt(id)
);
CREATE INDEX IF NOT EXISTS fdr_line_receipt ON fdr_line(receipt_id);
CREATE TABLE IF NOT EXISTS treasury (
    id INTEGER PRIMARY KEY,
    ente_id INTEGER NOT NULL REFERENCES ente(id),
    fdr_id INTEGER REFERENCES fdr(id),
    year INTEGER NOT NULL,
    number INTEGER NOT NULL,
    movement_date TEXT NOT NULL,
    amount_cents INTEGER NOT NULL,
    causale TEXT NOT NULL,
    customer TEXT NOT NULL,
    end_to_end_id TEXT NOT NULL DEFAULT '',
    UNIQUE (ente_id, year, number)
);
CREATE TABLE IF NOT EXISTS anomaly (
    id INTEGER PRIMARY KEY,
    ente_id INTEGER NOT NULL REFERENCES ente(id),
    kind TEXT NOT NULL,
    iuf TEXT NOT NULL DEFAULT '',
    iuv TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL,
    created_at TEXT NOT NULL
);
"""


class StateError(ValueError):
    """Bad provisioning data; the message names the field."""


def utc_now() -> datetime:
    return datetime.now(UTC)


def ts(value: datetime | None = None) -> str:
    """A UTC timestamp that sorts as text (what every *_at column holds)."""
    value = value or utc_now()
    if value.tzinfo is None:
        value = value.astimezone()
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_ts(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)


def new_token(nbytes: int = 24) -> str:
    return secrets.token_urlsafe(nbytes)


# --- records as JSON ---------------------------------------------------------------------------

_RECORD_FIELDS = {f.name for f in fields(DebtRecord)}
_STORED_FIELDS = tuple(sorted(_RECORD_FIELDS - {"action", "source_row", "due_date", "bilancio"}))


def record_to_json(rec: DebtRecord) -> str:
    """The record as the portal keeps it (without the flow's azione and row); fields are flat values."""
    d = {name: getattr(rec, name) for name in _STORED_FIELDS}
    d["due_date"] = rec.due_date.isoformat() if rec.due_date else None
    d["bilancio"] = bilancio_to_json(rec.bilancio)
    return json.dumps(d, ensure_ascii=False, separators=(",", ":"))


def record_from_json(text: str) -> DebtRecord:
    d = {k: v for k, v in json.loads(text).items() if k in _RECORD_FIELDS}
    d["due_date"] = date.fromisoformat(d["due_date"]) if d.get("due_date") else None
    d["bilancio"] = bilancio_from_json(d.get("bilancio") or "")
    return DebtRecord(**d)


# --- value types -------------------------------------------------------------------------------

@dataclass
class Ente:
    id: int
    ipa: str
    fiscal_code: str
    name: str
    password: str
    segregation_code: str


@dataclass
class TipoDovuto:
    code: str
    description: str = ""
    active: bool = True
    due_date_required: bool = False
    print_due_date: bool = False
    anonymous_allowed: bool = False
    iban: str = ""


TYPE_FLAGS = {
    "scadenza": "due_date_required",
    "stampa": "print_due_date",
    "anonimo": "anonymous_allowed",
    "inattivo": "inactive",
}


def parse_type_spec(spec: str) -> TipoDovuto:
    """``CODE`` or ``CODE:flag+flag`` with flags scadenza (due date required), stampa (due date printed),
    anonimo (ANONIMO debtor allowed), inattivo (not active)."""
    code, _, flags = spec.strip().partition(":")
    code = code.strip()
    if not code or len(code) > 64 or any(c.isspace() for c in code):
        raise StateError(f"Tipo dovuto «{spec}» non valido: un codice senza spazi di al più 64 caratteri")
    t = TipoDovuto(code=code)
    for flag in filter(None, (f.strip().lower() for f in flags.split("+"))):
        attr = TYPE_FLAGS.get(flag)
        if attr is None:
            raise StateError(f"Opzione «{flag}» del tipo dovuto {code} non valida: ammesse "
                             f"{', '.join(TYPE_FLAGS)}")
        if attr == "inactive":
            t.active = False
        else:
            setattr(t, attr, True)
    return t


# --- the state ---------------------------------------------------------------------------------

class SimState:
    def __init__(self, state_dir: str | os.PathLike):
        self.dir = Path(state_dir)
        self.files_dir = self.dir / "files"
        self.files_dir.mkdir(parents=True, exist_ok=True)
        self.db_path = self.dir / DB_NAME
        self._local = threading.local()
        self._write_lock = threading.RLock()
        self._all_conns: list[sqlite3.Connection] = []
        self._conns_lock = threading.Lock()
        with self._write_lock:
            self.conn().executescript(SCHEMA)
        with self.write() as conn:
            conn.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('schema', ?)", (str(SCHEMA_VERSION),))

    # connections
    def conn(self) -> sqlite3.Connection:
        c = getattr(self._local, "conn", None)
        if c is None:
            c = sqlite3.connect(self.db_path, timeout=30, isolation_level=None, check_same_thread=False)
            c.row_factory = sqlite3.Row
            c.execute("PRAGMA journal_mode=WAL")
            c.execute("PRAGMA synchronous=NORMAL")
            c.execute("PRAGMA busy_timeout=30000")
            self._local.conn = c
            with self._conns_lock:
                self._all_conns.append(c)
        return c

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction; commits on success, rolls back on any exception."""
        with self._write_lock:
            c = self.conn()
            if c.in_transaction:  # re-entered from the same thread: join the open transaction
                yield c
                return
            c.execute("BEGIN IMMEDIATE")
            try:
                yield c
            except BaseException:
                c.execute("ROLLBACK")
                raise
            else:
                c.execute("COMMIT")

    def close(self) -> None:
        with self._conns_lock:
            for c in self._all_conns:
                with suppress(sqlite3.Error):
                    c.close()
            self._all_conns.clear()
        self._local = threading.local()

    # files
    def path_for(self, relative: str) -> Path:
        p = (self.files_dir / relative.lstrip("/\\")).resolve()
        if not str(p).startswith(str(self.files_dir.resolve())):
            raise StateError("percorso fuori dalla cartella del sandbox")
        return p

    # --- entes ---------------------------------------------------------------------------------
    def add_ente(self, ipa: str, fiscal_code: str, password: str, types: list[TipoDovuto | str], *,
                 segregation_code: str = "01", name: str = "") -> Ente:
        """Create or update an Ente with its password and tipi dovuto (types not listed are kept)."""
        ipa = (ipa or "").strip()
        if not ipa or len(ipa) > 35 or "-" in ipa or any(c.isspace() for c in ipa):
            raise StateError(f"Codice IPA «{ipa}» non valido: fino a 35 caratteri, senza spazi né '-'")
        try:
            fiscal_code = validate_ente_fiscal_code(fiscal_code)
        except IdentityError as exc:
            raise StateError(str(exc)) from exc
        if not 8 <= len(password or "") <= 15:
            raise StateError("La password del portale deve avere da 8 a 15 caratteri")
        try:
            validate_segregation_code(segregation_code)
        except CodeError as exc:
            raise StateError(str(exc)) from exc
        parsed = [parse_type_spec(t) if isinstance(t, str) else t for t in types]
        if not parsed:
            raise StateError("Indica almeno un tipo dovuto")
        with self.write() as c:
            row = c.execute("SELECT id FROM ente WHERE ipa = ?", (ipa,)).fetchone()
            if row:
                ente_id = row["id"]
                c.execute("UPDATE ente SET fiscal_code=?, name=?, password=?, segregation_code=? WHERE id=?",
                          (fiscal_code, name or ipa, password, segregation_code, ente_id))
            else:
                ente_id = c.execute(
                    "INSERT INTO ente(ipa, fiscal_code, name, password, segregation_code, created_at) "
                    "VALUES (?,?,?,?,?,?)", (ipa, fiscal_code, name or ipa, password, segregation_code, ts()),
                ).lastrowid
            for t in parsed:
                c.execute(
                    "INSERT INTO tipo_dovuto(ente_id, code, description, active, due_date_required, print_due_date,"
                    " anonymous_allowed, iban) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(ente_id, code) DO UPDATE SET "
                    "description=excluded.description, active=excluded.active,"
                    " due_date_required=excluded.due_date_required, print_due_date=excluded.print_due_date,"
                    " anonymous_allowed=excluded.anonymous_allowed, iban=excluded.iban",
                    (ente_id, t.code, t.description, int(t.active), int(t.due_date_required),
                     int(t.print_due_date), int(t.anonymous_allowed), t.iban),
                )
        ente = self.ente_by_ipa(ipa)
        assert ente is not None
        return ente

    def ente_by_ipa(self, ipa: str) -> Ente | None:
        row = self.conn().execute("SELECT * FROM ente WHERE ipa = ?", ((ipa or "").strip(),)).fetchone()
        return _ente(row) if row else None

    def ente_by_id(self, ente_id: int) -> Ente | None:
        row = self.conn().execute("SELECT * FROM ente WHERE id = ?", (ente_id,)).fetchone()
        return _ente(row) if row else None

    def entes(self) -> list[Ente]:
        return [_ente(r) for r in self.conn().execute("SELECT * FROM ente ORDER BY id")]

    def types(self, ente_id: int) -> dict[str, TipoDovuto]:
        rows = self.conn().execute("SELECT * FROM tipo_dovuto WHERE ente_id = ?", (ente_id,))
        return {r["code"]: TipoDovuto(code=r["code"], description=r["description"], active=bool(r["active"]),
                                      due_date_required=bool(r["due_date_required"]),
                                      print_due_date=bool(r["print_due_date"]),
                                      anonymous_allowed=bool(r["anonymous_allowed"]), iban=r["iban"])
                for r in rows}

    def next_iuv_progressive(self, c: sqlite3.Connection, ente_id: int) -> int:
        """Inside a write transaction: the Ente's next MyPay progressive (never reused)."""
        c.execute("UPDATE ente SET iuv_progressive = iuv_progressive + 1 WHERE id = ?", (ente_id,))
        return c.execute("SELECT iuv_progressive FROM ente WHERE id = ?", (ente_id,)).fetchone()[0]

    # --- downloads -----------------------------------------------------------------------------
    def register_download(self, ente_id: int, type_: str, filename: str, path: str) -> str:
        """A security token for one file (what MyPay puts in its download URLs)."""
        with self.write() as c:
            row = c.execute("SELECT token FROM download WHERE ente_id=? AND type=? AND filename=?",
                            (ente_id, type_, filename)).fetchone()
            if row:
                return row["token"]
            token = new_token()
            c.execute("INSERT INTO download(token, ente_id, type, filename, path, created_at) VALUES (?,?,?,?,?,?)",
                      (token, ente_id, type_, filename, path, ts()))
            return token

    def download(self, token: str) -> sqlite3.Row | None:
        return self.conn().execute("SELECT * FROM download WHERE token = ?", (token,)).fetchone()

    # --- inspection (admin endpoints, tests) ---------------------------------------------------
    def dovuti(self, ente_id: int, *, state: str | None = None, iud: str | None = None) -> list[dict]:
        sql = "SELECT id, iud, iuv, iuv_generated, state, debt_type, debtor_code, amount_cents, due_date " \
              "FROM dovuto WHERE ente_id = ?"
        args: list = [ente_id]
        if state:
            sql += " AND state = ?"
            args.append(state)
        if iud:
            sql += " AND iud = ?"
            args.append(iud)
        return [dict(r) for r in self.conn().execute(sql + " ORDER BY id", args)]

    def counts(self) -> dict:
        c = self.conn()
        by_state = {r[0]: r[1] for r in c.execute("SELECT state, count(*) FROM dovuto GROUP BY state")}
        return {
            "entes": c.execute("SELECT count(*) FROM ente").fetchone()[0],
            "dovuti": by_state,
            "receipts": c.execute("SELECT count(*) FROM receipt").fetchone()[0],
            "imports": c.execute("SELECT count(*) FROM import_request WHERE state IS NOT NULL").fetchone()[0],
            "exports": c.execute("SELECT count(*) FROM export_request").fetchone()[0],
        }


def _ente(row: sqlite3.Row) -> Ente:
    return Ente(id=row["id"], ipa=row["ipa"], fiscal_code=row["fiscal_code"], name=row["name"],
                password=row["password"], segregation_code=row["segregation_code"])
