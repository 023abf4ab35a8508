"""The window fits a 1366×768 office laptop: every page with the demo Ente, toolbar actions reachable
(shown, or in the toolbar's overflow menu), buttons and status bar inside, the window never larger
than the screen (first start, after the demo, after a size saved on a bigger monitor)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# A 1366×768 screen, with a 40 px taskbar as on an office PC
SCREEN = {"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96,
                       "logicalBaseDpi": 96, "dpr": 1}]}


@pytest.fixture(scope="module")
def measured(tmp_path_factory):
    config = tmp_path_factory.mktemp("screen") / "screen.json"
    config.write_text(json.dumps(SCREEN), encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "tests.ui.fit_check", str(config)], cwd=ROOT, capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    return json.loads(run.stdout.strip().splitlines()[-1])


def test_the_window_never_grows_past_the_screen(measured):
    w, h = measured["screen"]
    assert (w, h) == [1366, 768] or (w, h) == (1366, 768)
    for key in ("first_start", "after_demo", "after_restore_from_bigger"):
        assert measured[key][0] <= w and measured[key][1] <= h, key
    for key, page in measured["pages"].items():
        assert page["inside_screen"], key
        assert page["window"][0] <= w and page["window"][1] <= h, key


def test_every_page_fits_without_scrolling_and_its_hints_fit_the_screen(measured):
    pages = measured["pages"]
    assert set(pages) == {"lists", "portal", "payments", "reconciliation", "settings", "audit"}
    for key, page in pages.items():
        assert not page["scrollbars"], key
        min_w, min_h = page["page_min"]
        assert min_w <= 1366 - 230 - 40, (key, min_w)  # beside the side bar
        assert min_h <= 768 - 40 - 30 - 60, (key, min_h)  # under a taskbar, title, menu and status bars


def test_every_toolbar_action_and_button_is_reachable(measured):
    for key, page in measured["pages"].items():
        assert page["unreachable"] == [], key
        assert page["outside"] == [], key
        assert page["status_bar_inside"], key


def test_a_narrower_window_moves_toolbar_actions_into_the_overflow_menu(measured):
    narrow = measured["narrow_lists"]
    assert narrow["hidden"], "at 1100 px some toolbar actions should not fit"
    assert set(narrow["hidden"]) <= set(narrow["overflow"])
    assert narrow["send_visible"]  # «Invia al portale» stays in sight, beside the list's title


def test_the_portal_page_shows_several_flows_and_their_rejected_rows(measured):
    """The connection box keeps to four rows (the state beside the IPA code) and the flows get the larger share
    of the tab: nearly four flows in sight at 1366×768 (two and a half before), and two rejected rows of the
    one selected."""
    rows = measured["pages"]["portal"]["table_rows"]
    assert rows["portalFlows"] >= 3.5, rows
    assert rows["portalRejectedRows"] >= 1.5, rows
