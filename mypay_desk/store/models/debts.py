from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    and_,
    column,
    literal_column,
    or_,
    text,
    true,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mypay_desk.store.models.base import Base, Timestamps


class DebtList(Timestamps, Base):
    """A lista di dovuti: the unit office staff prepare, import into, print and send."""

    __tablename__ = "debt_list"
    __table_args__ = (UniqueConstraint("ente_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ente_id: Mapped[int] = mapped_column(ForeignKey("ente.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    default_debt_type: Mapped[str] = mapped_column(String(64), default="")
    description: Mapped[str] = mapped_column(Text, default="")

    debts: Mapped[list[Debt]] = relationship(back_populates="debt_list", cascade="all, delete-orphan")


# Debts the portal holds that may differ from what it last accepted: a cancellation is requested, or
# the row was written after the acceptance. Only these need a hash check to know whether an M or an A
# is pending, so a partial index keeps them (few, on a list sent long ago) apart from the million
# others. The query that counts pending rows uses this very expression (SQLite uses a partial index
# only when the query repeats its WHERE terms).
# (Literals, no bound parameters: the planner compares the terms as written.)
UNSYNCED_ON_PORTAL = and_(
    column("portal_hash") != literal_column("''"),
    or_(column("cancel_requested").is_(true()), column("portal_accepted_at").is_(None),
        column("updated_at") > column("portal_accepted_at")))


class Debt(Timestamps, Base):
    """A dovuto: one row of a MyPay import flow (tracciato 1_4 holds every field).

    Instalments (rate) are Debt rows too, with ``parent_id`` pointing at the debt they split and
    ``instalment_number`` 1..N; each is a position of its own on the portal (own IUD, IUV, due date).
    The parent row is the single-payment option ("rata unica").
    """

    __tablename__ = "debt"
    __table_args__ = (
        Index("ix_debt_list_position", "list_id", "position"),
        # Covering index for the lazy table: top-level debts (parent_id IS NULL) of a list in order.
        Index("ix_debt_list_top", "list_id", "parent_id", "position"),
        Index("ix_debt_ente_iud", "ente_id", "iud"),
        Index("ix_debt_ente_iuv", "ente_id", "iuv"),
        Index("ix_debt_list_state", "list_id", "state"),
        Index("ix_debt_list_due", "list_id", "due_date"),
        # Partial: only instalments and rows being sent are looked up by these (``= ?`` and ``IN``,
        # foreign-key cascades included, imply NOT NULL, so SQLite uses them); new debts cost nothing.
        Index("ix_debt_parent_id", "parent_id", sqlite_where=text("parent_id IS NOT NULL"),
              postgresql_where=text("parent_id IS NOT NULL")),
        Index("ix_debt_sending_flow_id", "sending_flow_id", sqlite_where=text("sending_flow_id IS NOT NULL"),
              postgresql_where=text("sending_flow_id IS NOT NULL")),
        Index("ix_debt_list_unsynced", "list_id", sqlite_where=UNSYNCED_ON_PORTAL,
              postgresql_where=UNSYNCED_ON_PORTAL),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    ente_id: Mapped[int] = mapped_column(ForeignKey("ente.id", ondelete="CASCADE"))
    list_id: Mapped[int] = mapped_column(ForeignKey("debt_list.id", ondelete="CASCADE"))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("debt.id", ondelete="CASCADE"), nullable=True)
    instalment_number: Mapped[int | None] = mapped_column(Integer, nullable=True)
    position: Mapped[int] = mapped_column(Integer, default=0)  # order in the list (row in the table)

    # Tracciato columns 1-19 (names in comments are MyPay's).
    iud: Mapped[str] = mapped_column(String(35), default="")  # IUD
    iuv: Mapped[str] = mapped_column(String(35), default="")  # codIuv
    notice_number: Mapped[str] = mapped_column(String(18), default="")  # numero avviso (aux + IUV)
    debtor_type: Mapped[str] = mapped_column(String(1), default="F")  # tipoIdentificativoUnivoco F|G
    debtor_code: Mapped[str] = mapped_column(String(35), default="")  # codiceIdentificativoUnivoco
    debtor_name: Mapped[str] = mapped_column(String(70), default="")  # anagraficaPagatore
    address: Mapped[str] = mapped_column(String(70), default="")  # indirizzoPagatore
    civic: Mapped[str] = mapped_column(String(16), default="")  # civicoPagatore
    postal_code: Mapped[str] = mapped_column(String(16), default="")  # capPagatore
    city: Mapped[str] = mapped_column(String(35), default="")  # localitaPagatore
    province: Mapped[str] = mapped_column(String(2), default="")  # provinciaPagatore
    country: Mapped[str] = mapped_column(String(2), default="")  # nazionePagatore
    email: Mapped[str] = mapped_column(String(256), default="")  # emailPagatore
    due_date: Mapped[date | None] = mapped_column(Date, nullable=True)  # dataScadenzaPagamento
    amount_cents: Mapped[int] = mapped_column(BigInteger, default=0)  # importoDovuto
    pa_fee_cents: Mapped[int | None] = mapped_column(BigInteger, nullable=True)  # commissioneCaricoPa
    debt_type: Mapped[str] = mapped_column(String(64), default="")  # tipoDovuto
    payment_type: Mapped[str] = mapped_column(String(32), default="")  # tipoVersamento
    causale: Mapped[str] = mapped_column(String(1024), default="")  # causaleVersamento
    collection_data: Mapped[str] = mapped_column(String(140), default="")  # datiSpecificiRiscossione
    # Column 20 (1_2+): kept as JSON [{"capitolo", "ufficio", "accertamenti": [{"codice", "importo_cents"}]}].
    bilancio_json: Mapped[str] = mapped_column(Text, default="")
    generate_iuv: Mapped[bool] = mapped_column(Boolean, default=False)  # flagGeneraIuv (1_3+)
    # Columns 22-34 (1_4): secondary beneficiary (multi-beneficiary debt).
    multi_beneficiary: Mapped[bool] = mapped_column(Boolean, default=False)
    sec_fiscal_code: Mapped[str] = mapped_column(String(11), default="")
    sec_name: Mapped[str] = mapped_column(String(70), default="")
    sec_iban: Mapped[str] = mapped_column(String(35), default="")
    sec_address: Mapped[str] = mapped_column(String(70), default="")
    sec_civic: Mapped[str] = mapped_column(String(16), default="")
    sec_postal_code: Mapped[str] = mapped_column(String(16), default="")
    sec_city: Mapped[str] = mapped_column(String(35), default="")
    sec_province: Mapped[str] = mapped_column(String(35), default="")
    sec_country: Mapped[str] = mapped_column(String(2), default="")
    sec_collection_data: Mapped[str] = mapped_column(String(140), default="")
    sec_causale: Mapped[str] = mapped_column(String(1024), default="")
    sec_amount_cents: Mapped[int | None] = mapped_column(BigInteger, nullable=True)

    # Local life cycle (see domain.debt_states): NUOVO, SUL_PORTALE, RIFIUTATO, ANNULLATO, PAGATO, ...
    state: Mapped[str] = mapped_column(String(20), default="NUOVO")
    cancel_requested: Mapped[bool] = mapped_column(Boolean, default=False)
    is_valid: Mapped[bool] = mapped_column(Boolean, default=False)
    errors_json: Mapped[str] = mapped_column(Text, default="")  # [{"column", "message"}]
    # What the portal last accepted: hash of the flow fields, and when. Pending I/M/A derive from these.
    portal_hash: Mapped[str] = mapped_column(String(64), default="")
    portal_accepted_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    portal_state: Mapped[str] = mapped_column(String(30), default="")  # last state seen on the portal
    portal_error_code: Mapped[str] = mapped_column(String(80), default="")
    portal_error_message: Mapped[str] = mapped_column(Text, default="")
    # Row currently in a flow being sent (resumable sync), if any.
    sending_flow_id: Mapped[int | None] = mapped_column(ForeignKey("upload_flow.id", ondelete="SET NULL"), nullable=True)
    # Payment, from matched receipts.
    paid_amount_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    paid_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    paid_psp: Mapped[str] = mapped_column(String(140), default="")
    iuv_assigned_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    source_row: Mapped[int | None] = mapped_column(Integer, nullable=True)  # line in the imported file
    # Optimistic concurrency between desks: every write of the row adds one (the repositories do it in the
    # same UPDATE); an edit names the version it was made on and is refused if another desk wrote since.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    changed_by: Mapped[str] = mapped_column(String(120), default="", server_default="")  # "user (desk)" last

    debt_list: Mapped[DebtList] = relationship(back_populates="debts")
    instalments: Mapped[list[Debt]] = relationship(
        cascade="all, delete-orphan", order_by="Debt.instalment_number", lazy="selectin"
    )


class DebtListTally(Base):
    """How many debts of a list, and for how much, in each combination of the states the list
    summaries count (state, valid, cancellation requested, on the portal, in flight; top-level rows
    apart from instalments).

    SQLite: kept by triggers on ``debt`` and ``debt_list`` (migration 0004), in the same transaction
    as every write whatever path made it, so the lists page reads its counts and totals from a few
    rows instead of scanning a million debts. Rows whose count fell to zero stay until the list is
    deleted. PostgreSQL: kept by statement-level triggers (migration 0007). A database without them: the
    repository groups the debts instead (``store.repositories.list_tallies``).
    """

    __tablename__ = "debt_list_tally"

    list_id: Mapped[int] = mapped_column(Integer, primary_key=True)  # no FK: the triggers clean up
    top_level: Mapped[bool] = mapped_column(Boolean, primary_key=True)  # parent_id IS NULL
    state: Mapped[str] = mapped_column(String(20), primary_key=True)
    is_valid: Mapped[bool] = mapped_column(Boolean, primary_key=True)
    cancel_requested: Mapped[bool] = mapped_column(Boolean, primary_key=True)
    on_portal: Mapped[bool] = mapped_column(Boolean, primary_key=True)  # portal_hash != ''
    in_flight: Mapped[bool] = mapped_column(Boolean, primary_key=True)  # sending_flow_id IS NOT NULL
    debts: Mapped[int] = mapped_column(BigInteger, default=0)
    amount_cents: Mapped[int] = mapped_column(BigInteger, default=0)


class DebtTallyPause(Base):
    """SQLite: while a row is here, the per-row tally trigger on inserted debts stands aside (migration
    0008). Only a bulk insert sets it, inside its own write transaction, and adds the tally of the rows
    it wrote with one GROUP BY before it removes the row again (store.repositories.debts); no other
    connection ever sees it. Empty at rest; unused on PostgreSQL (statement-level tallies)."""

    __tablename__ = "debt_tally_pause"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
