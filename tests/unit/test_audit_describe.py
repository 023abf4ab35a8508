"""The Registro attività's details column speaks the office's words, not the code's keys."""

import re

from mypay_desk.services.audit import describe


def test_fields_are_named_as_the_table_names_them_and_counts_agree_in_number():
    assert describe({"count": 1, "fields": ["due_date", "amount_cents"], "iud": "TARI-1"}) == \
        "1 dovuto · campi: Scadenza, Importo · IUD: TARI-1"
    assert describe({"count": 2, "fields": []}) == "2 dovuti"


def test_a_reconciliation_run_reads_in_italian():
    text = describe({"keys": 3949, "inserted": 1328, "updated": 0, "deleted": 1, "seconds": 0.43,
                     "incremental": True})
    assert text == "3949 chiavi esaminate · 1328 inseriti · 0 aggiornati · 1 rimosso · 0,4 secondi · solo le novità: sì"
    for english in ("keys", "inserted", "deleted", "seconds", "incremental", "True"):
        assert english not in text


def test_receipts_import_keys_are_all_labelled():
    details = {"receipts": 1324, "new": 1324, "duplicates": 0, "matched": 1000, "unmatched": 324, "debts_paid": 990,
               "rematched": 0, "already_imported": False, "with_receipt": False, "version": "1_3", "errors": 0,
               "errors_omitted": 0}
    text = describe(details)
    for key in details:
        assert not re.search(rf"(?<![\w]){key}(?![\w])", text), key
