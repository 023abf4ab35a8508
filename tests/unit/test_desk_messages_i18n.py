"""The messages of several desks in the English interface: another desk busy with an activity (who, what,
since when), the lost connection of an activity; the user's names and lists stay as they are."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from mypay_desk.services.activity import ActivityBusyError, busy_message
from mypay_desk.store.leases import Holder
from mypay_desk.ui import i18n
from mypay_desk.ui.domain_text import domain_text, user_error_text

ACTIVITIES = {  # what the services say they are doing (services/sync/push.py, receipts/download.py, ...)
    "sta inviando la lista «TARI 2025» al portale": "sending the list “TARI 2025” to the portal",
    "sta inviando un flusso al portale": "sending a flow to the portal",
    "sta scaricando le ricevute dal portale": "downloading the receipts from the portal",
    "sta eseguendo la riconciliazione": "running the reconciliation",
}


@pytest.fixture
def english(qapp):
    i18n.install_translators("en", qapp)
    yield
    i18n.remove_translators()


def utc_naive(local: datetime) -> datetime:
    return local.astimezone(UTC).replace(tzinfo=None)


@pytest.mark.parametrize("what", ACTIVITIES)
def test_busy_messages_in_english(english, what):
    now = datetime.now().replace(second=0, microsecond=0)
    anna = Holder("Anna Bianchi", "UFFICIO-2", what, utc_naive(now))
    text = user_error_text(ActivityBusyError(busy_message(anna, what), anna))
    assert text == (f"Anna Bianchi (UFFICIO-2) has been {ACTIVITIES[what]} since {now:%H:%M}: wait until they have "
                    "finished and try again. Nothing was done.")

    days_ago = now - timedelta(days=3)
    old = domain_text(busy_message(Holder("Anna Bianchi", "", what, utc_naive(days_ago)), what))
    assert old.startswith(f"Anna Bianchi has been {ACTIVITIES[what]} since {days_ago:%d/%m/%Y %H:%M}: wait")

    same = domain_text(busy_message(Holder("mario", "VM", what, None), what, mine=("mario", "VM")))
    assert same.startswith(f"Another window or command of MyPay Desk on this desk (mario) is {ACTIVITIES[what]}:")
    assert domain_text(busy_message(None, what)).startswith(f"Another desk is {ACTIVITIES[what]}: wait")


def test_busy_messages_stay_italian_in_italian(qapp):
    i18n.install_translators("it", qapp)
    try:
        msg = busy_message(Holder("Anna Bianchi", "UFFICIO-2", "sta eseguendo la riconciliazione", None), "")
        assert domain_text(msg) == msg
    finally:
        i18n.remove_translators()
