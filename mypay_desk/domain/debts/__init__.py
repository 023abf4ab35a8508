"""Debts (dovuti) as plain values, and the rules MyPay applies to them.

``DebtRecord`` carries the fields of one row of a MyPay import flow (tracciato 1_4 holds every one)
under the same names as the ``Debt`` model columns, so services, formats and the GUI share one shape.
``validate_debt`` applies the checks of the import flow (mypay4-interfaces.md §1.3, §2.3, §4.3) and
names each error by its MyPay column name (``TRACCIATO_COLUMNS``) with an Italian message.

Local life cycle and pending actions live in :mod:`mypay_desk.domain.debt_states`; they are
re-exported here for convenience.
"""

from __future__ import annotations

from mypay_desk.domain.debt_states import ACTION_LABELS, STATE_LABELS, DebtState, pending_action, state_label
from mypay_desk.domain.debts.fast_rules import (
    cf_quick_ok,
    cf_quick_ok_column,
    quick_ok_columns,
)
from mypay_desk.domain.debts.record import (
    ACTIONS,
    COLUMN_BY_FIELD,
    COLUMN_BY_NAME,
    COLUMN_FOR_FIELD,
    DEFAULT_VERSION,
    FIELD_FOR_COLUMN,
    FIELD_LABELS,
    RECORD_FIELDS,
    TRACCIATO_COLUMNS,
    VERSIONS,
    Accertamento,
    Capitolo,
    Column,
    DebtRecord,
    DebtRow,
    RowError,
    bilancio_from_json,
    bilancio_to_json,
    bilancio_total,
    causale_max_len,
    columns_for_version,
    copy_for_instalment,
    flow_hash,
    flow_hash_with_iuv,
    instalment_iud,
    iuv_hash_parts,
    rescale_bilancio,
)
from mypay_desk.domain.debts.reference import (
    ADDRESS_RE,
    CONTROL_RE,
    COUNTRIES,
    EMAIL_RE,
    IBAN_RE,
    PAYMENT_TYPES,
    PROVINCES,
    to_address_charset,
)
from mypay_desk.domain.debts.rules import (
    bilancio_problems,
    duplicate_iud_errors,
    duplicate_iuds,
    validate_debt,
)

__all__ = [
    "RECORD_FIELDS",
    "TRACCIATO_COLUMNS",
    "ACTIONS",
    "ACTION_LABELS",
    "ADDRESS_RE",
    "Accertamento",
    "COLUMN_BY_FIELD",
    "COLUMN_BY_NAME",
    "COLUMN_FOR_FIELD",
    "CONTROL_RE",
    "COUNTRIES",
    "Capitolo",
    "Column",
    "DEFAULT_VERSION",
    "DebtRecord",
    "DebtRow",
    "DebtState",
    "EMAIL_RE",
    "FIELD_FOR_COLUMN",
    "FIELD_LABELS",
    "IBAN_RE",
    "PAYMENT_TYPES",
    "PROVINCES",
    "RowError",
    "STATE_LABELS",
    "VERSIONS",
    "bilancio_from_json",
    "bilancio_problems",
    "bilancio_to_json",
    "bilancio_total",
    "causale_max_len",
    "cf_quick_ok",
    "cf_quick_ok_column",
    "columns_for_version",
    "copy_for_instalment",
    "duplicate_iud_errors",
    "duplicate_iuds",
    "flow_hash",
    "flow_hash_with_iuv",
    "iuv_hash_parts",
    "instalment_iud",
    "pending_action",
    "quick_ok_columns",
    "rescale_bilancio",
    "state_label",
    "to_address_charset",
    "validate_debt",
]
