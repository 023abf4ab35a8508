"""Benchmark: a list of 1,000,000 debts in the real debts table widget (offscreen).

Setup (not timed): a fresh workspace, an Ente, and 1,000,000 debts written by one INSERT ... SELECT
over a recursive CTE inside SQLite.

Timed, each next to a baseline measured in the same run (and, for the first rows and the filters, next
to the plain SQL that reads all the matching ids in order, the inherent cost of a lazy model):
- first rows shown: opening the list in the table (id snapshot + first page + paint) vs a plain
  ``SELECT <row columns> ... ORDER BY position LIMIT <visible rows>`` with sqlite3;
- scroll to the middle and to the end (fetch + paint) vs ``... LIMIT n OFFSET k`` of the same window;
- a text filter ("ROSSI", 200,000 matches) and a tipo filter, until the filtered rows are painted, vs
  the plain SQL that selects the same first window;
- the longest stall of the GUI event loop during the filters (a 10 ms timer keeps ticking: the
  filter query runs off the GUI thread);
- the list counts and totals (the lists table: counts by state, total, invalid, pending): from the
  page opening until they are shown, and ``ListService.lists()`` itself before and after an edit, vs
  the plain SQL that groups the same debts (what the summaries cost without the tally the database
  keeps);
- resident memory (RSS) after all of it, peak RSS, and the load average of the machine.
Targets: first rows within 1 s, counts and totals within 0.5 s, RSS under 500 MB.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_million_rows.py [--rows N]
"""

from __future__ import annotations

import argparse
import os
import resource
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QElapsedTimer, QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from mypay_desk.domain.ente import DebtTypeData, EnteData  # noqa: E402
from mypay_desk.services.debt_table import DebtFilter  # noqa: E402
from mypay_desk.services.workspace import Workspace  # noqa: E402
from mypay_desk.ui.context import AppContext  # noqa: E402
from mypay_desk.ui.pages.lists_page import ListsPage  # noqa: E402
from mypay_desk.ui.tasks import TaskRunner  # noqa: E402

FIRST_ROWS_TARGET_S = 1.0
COUNTS_TARGET_S = 0.5
RSS_TARGET_MB = 500

# Values of the generated rows, as SQL expressions of the CTE counter ``i``.
GENERATED = {
    "ente_id": ":ente", "list_id": ":list", "position": "i",
    "iud": "'B' || substr('000000000' || i, -9, 9)",
    "debtor_type": "'F'",
    "debtor_code": "CASE i % 5 WHEN 0 THEN 'RSSMRA80A01F205X' WHEN 1 THEN 'BNCLCU75B12H501E' "
                   "WHEN 2 THEN 'VRDNNA90C41L219L' WHEN 3 THEN 'SPSGPP66D14F839M' ELSE 'CLMSRA85E50D969N' END",
    "debtor_name": "CASE i % 5 WHEN 0 THEN 'ROSSI MARIO ' WHEN 1 THEN 'BIANCHI LUCA ' WHEN 2 THEN 'VERDI ANNA ' "
                   "WHEN 3 THEN 'ESPOSITO GIUSEPPE ' ELSE 'COLOMBO SARA ' END || i",
    "address": "'VIA ROMA'", "civic": "CAST(1 + i % 200 AS TEXT)", "postal_code": "'20100'", "city": "'MILANO'",
    "province": "'MI'", "country": "'IT'",
    "due_date": "date('2025-01-31', '+' || (i % 365) || ' days')",
    "amount_cents": "1000 + (i * 7919) % 500000",
    "debt_type": "CASE WHEN i % 3 = 0 THEN 'MENSA' ELSE 'TARI' END",
    "causale": "'TARI 2025 - utenza ' || i", "collection_data": "'9/0101108TS/'",
    "state": "'NUOVO'", "is_valid": "1",
}


def rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def generate(db_path: Path, ente_id: int, list_id: int, n: int) -> None:
    con = sqlite3.connect(db_path)
    cols = con.execute("PRAGMA table_info(debt)").fetchall()
    names, exprs = [], []
    for _cid, name, typ, notnull, _default, pk in cols:
        if pk:
            continue
        if name in GENERATED:
            expr = GENERATED[name]
        elif name in ("created_at", "updated_at"):
            expr = "'2025-01-01 00:00:00.000000'"
        elif not notnull:
            expr = "NULL"
        elif any(t in typ.upper() for t in ("INT", "BOOL")):
            expr = "0"
        else:
            expr = "''"
        names.append(name)
        exprs.append(expr)
    sql = (f"WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i < :n - 1) "
           f"INSERT INTO debt ({', '.join(names)}) SELECT {', '.join(exprs)} FROM seq")
    con.execute("PRAGMA synchronous=OFF")
    con.execute(sql, {"n": n, "ente": ente_id, "list": list_id})
    con.commit()
    con.execute("ANALYZE")
    con.close()


class Stalls:
    """Measures the longest gap between ticks of a 10 ms timer on the GUI thread."""

    def __init__(self):
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.worst = 0

    def start(self):
        self.worst = 0
        self.clock.start()
        self.timer.start()

    def _tick(self):
        self.worst = max(self.worst, self.clock.restart())

    def stop(self) -> int:
        self.timer.stop()
        return self.worst


WATCHERS: list = []  # called at every turn of the waits below (to time when something shows up)


def wait_until(app, cond, timeout=60.0):
    end = time.perf_counter() + timeout
    while not cond():
        app.processEvents()
        for watch in WATCHERS:
            watch()
        if time.perf_counter() > end:
            raise TimeoutError
        time.sleep(0.001)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    args = ap.parse_args()
    n = args.rows
    app = QApplication.instance() or QApplication([])
    tmp = tempfile.TemporaryDirectory()
    ws = Workspace.open(Path(tmp.name) / "ws")
    ente = ws.ente.save(EnteData(ipa_code="C_BENCH", fiscal_code="01199250158", name="Comune di Prova",
                                 segregation_code="12"))
    ws.ente.save_type(DebtTypeData(code="TARI", description="TARI", taxonomy="9/0101108TS/"))
    ws.ente.save_type(DebtTypeData(code="MENSA", description="Mensa", taxonomy="9/0201133IM/"))
    list_id = ws.lists.create_list("TARI 2025", default_debt_type="TARI").id
    t = time.perf_counter()
    generate(ws.db.path, ente.id, list_id, n)
    print(f"setup: {n:,} debts generated in {time.perf_counter() - t:.1f} s (not timed)")
    rss_start = rss_mb()

    # --- the widget ------------------------------------------------------------------------------
    settings = QSettings(str(Path(tmp.name) / "settings.ini"), QSettings.Format.IniFormat)
    ctx = AppContext(ws, TaskRunner(), settings)
    row_cols = ", ".join(c for c in (
        "id", "iud", "iuv", "notice_number", "debtor_type", "debtor_code", "debtor_name", "address", "civic",
        "postal_code", "city", "province", "country", "email", "due_date", "amount_cents", "debt_type",
        "causale", "collection_data", "state", "errors_json"))
    raw = sqlite3.connect(ws.db.path)

    def baseline(sql: str, params=()) -> float:
        best = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            raw.execute(sql, params).fetchall()
            best = min(best, time.perf_counter() - t0)
        return best

    t0 = time.perf_counter()
    page = ListsPage(ctx)  # the real page: lists on the left, the debts table on the right
    counts_at: list[float] = []  # when the lists table first shows the counts (they load in the background)

    def watch_counts():
        if not counts_at and page.lists_model.rowCount() and page.lists_model.index(0, 2).data() != "…":
            counts_at.append(time.perf_counter() - t0)

    WATCHERS.append(watch_counts)
    page.resize(1400, 800)
    page.show()
    controller, view = page.controller, page.view
    wait_until(app, lambda: controller.model.rowCount() == n)
    view.viewport().repaint()
    app.processEvents()
    first = time.perf_counter() - t0
    assert controller.model.index(0, controller.model.column_index("iud")).data() == "B000000000"
    visible = max(1, view.viewport().height() // view.verticalHeader().defaultSectionSize() + 1)
    base_first = baseline(f"SELECT {row_cols} FROM debt WHERE list_id=? AND parent_id IS NULL "
                          f"ORDER BY position LIMIT {visible}", (list_id,))
    wait_until(app, lambda: bool(counts_at))
    WATCHERS.clear()
    counts_shown = counts_at

    def scroll_to(row: int) -> float:
        t0 = time.perf_counter()
        idx = controller.model.index(row, 2)
        view.scrollTo(idx)
        view.viewport().repaint()
        app.processEvents()
        return time.perf_counter() - t0

    mid = n // 2
    # The summaries themselves, next to the plain SQL grouping the same debts (no tally).
    def best_of(fn, k: int = 3) -> float:
        best = float("inf")
        for _ in range(k):
            t0 = time.perf_counter()
            fn()
            best = min(best, time.perf_counter() - t0)
        return best

    t_lists = best_of(ws.lists.lists)
    base_group = baseline(
        "SELECT list_id, parent_id IS NULL, state, is_valid, cancel_requested, portal_hash != '', "
        "sending_flow_id IS NOT NULL, count(*), sum(amount_cents) FROM debt WHERE ente_id = ? "
        "GROUP BY 1, 2, 3, 4, 5, 6, 7", (ente.id,))
    first_id = controller.model.row_id(0)
    ws.lists.update_debts({first_id: {"amount_cents": 123_456}})
    t_lists_edit = best_of(ws.lists.lists, 1)
    summary = ws.lists.lists()[0]
    assert summary.total_count == n and summary.pending_count == n

    t_mid = scroll_to(mid)
    base_mid = baseline(f"SELECT {row_cols} FROM debt WHERE list_id=? AND parent_id IS NULL "
                        f"ORDER BY position LIMIT {visible} OFFSET {mid}", (list_id,))
    t_end = scroll_to(n - 1)
    base_end = baseline(f"SELECT {row_cols} FROM debt WHERE list_id=? AND parent_id IS NULL "
                        f"ORDER BY position LIMIT {visible} OFFSET {max(0, n - visible)}", (list_id,))

    stalls = Stalls()

    def filtered(flt: DebtFilter) -> float:
        shown = []
        conn = controller.shown_changed.connect(lambda k: shown.append(k))
        stalls.start()
        t0 = time.perf_counter()
        controller.set_filter(flt)
        wait_until(app, lambda: bool(shown))
        view.scrollToTop()
        view.viewport().repaint()
        app.processEvents()
        dt = time.perf_counter() - t0
        stalls.stop()
        controller.shown_changed.disconnect(conn)
        return dt

    t_text = filtered(DebtFilter(text="ROSSI"))
    stall_text = stalls.worst
    shown_text = controller.model.rowCount()
    base_text = baseline(
        f"SELECT {row_cols} FROM debt WHERE list_id=? AND parent_id IS NULL AND (iud LIKE ? OR iuv LIKE ? OR "
        f"notice_number LIKE ? OR debtor_code LIKE ? OR debtor_name LIKE ? OR causale LIKE ? OR city LIKE ?) "
        f"ORDER BY position LIMIT {visible}", (list_id, *(["%ROSSI%"] * 7)))
    t_type = filtered(DebtFilter(debt_types=("MENSA",)))
    stall_type = stalls.worst
    shown_type = controller.model.rowCount()
    base_type = baseline(f"SELECT {row_cols} FROM debt WHERE list_id=? AND parent_id IS NULL AND debt_type=? "
                         f"ORDER BY position LIMIT {visible}", (list_id, "MENSA"))
    rss = rss_mb()

    # Second baseline: the plain SQL that reads the ids of every matching row in order, which is what
    # the lazy model needs to know the row count and to scroll anywhere (the widget's inherent cost).
    ids_all = baseline("SELECT id FROM debt WHERE list_id=? AND parent_id IS NULL ORDER BY position, id",
                       (list_id,))
    ids_text = baseline(
        "SELECT id FROM debt WHERE list_id=? AND parent_id IS NULL AND (iud LIKE ? OR iuv LIKE ? OR "
        "notice_number LIKE ? OR debtor_code LIKE ? OR debtor_name LIKE ? OR causale LIKE ? OR city LIKE ?) "
        "ORDER BY position, id", (list_id, *(["%ROSSI%"] * 7)))
    ids_type = baseline("SELECT id FROM debt WHERE list_id=? AND parent_id IS NULL AND debt_type=? "
                        "ORDER BY position, id", (list_id, "MENSA"))

    def line(label, value, base, ids_base=None):
        ratio = value / base if base > 0 else float("inf")
        extra = ""
        if ids_base:
            extra = f"   | all-ids SQL {ids_base * 1000:7.1f} ms, ratio {value / ids_base:5.1f}x"
        print(f"{label:<34} {value * 1000:8.1f} ms   window SQL {base * 1000:7.2f} ms, ratio {ratio:7.1f}x{extra}")

    print(f"rows: {n:,}; visible rows: {visible}; pages cached: {controller.model.cached_rows():,} rows")
    print(f"list counts and totals (background task) shown after {counts_shown[0] * 1000:.0f} ms from the page "
          f"opening (target < {COUNTS_TARGET_S * 1000:.0f} ms)")
    print(f"ListService.lists()                {t_lists * 1000:8.1f} ms   grouping SQL {base_group * 1000:7.1f} ms, "
          f"ratio {t_lists / base_group:5.2f}x; after one edit {t_lists_edit * 1000:.1f} ms")
    line("first rows shown", first, base_first, ids_all)
    line("scroll to middle", t_mid, base_mid)
    line("scroll to end", t_end, base_end)
    line(f"filter text 'ROSSI' ({shown_text:,})", t_text, base_text, ids_text)
    line(f"filter tipo MENSA ({shown_type:,})", t_type, base_type, ids_type)
    print(f"longest GUI stall while filtering: text {stall_text} ms, tipo {stall_type} ms")
    print(f"RSS: {rss:.0f} MB (after setup {rss_start:.0f} MB), peak {peak_rss_mb():.0f} MB; "
          f"target < {RSS_TARGET_MB} MB")
    print("load average (1, 5, 15 min): " + ", ".join(f"{x:.2f}" for x in os.getloadavg()))
    counts_ok = counts_shown[0] <= COUNTS_TARGET_S
    ok = first <= FIRST_ROWS_TARGET_S and rss < RSS_TARGET_MB and counts_ok
    print("first rows within 1 s:", "OK" if first <= FIRST_ROWS_TARGET_S else "NOT MET",
          "| counts within 0.5 s:", "OK" if counts_ok else "NOT MET",
          "| RSS:", "OK" if rss < RSS_TARGET_MB else "NOT MET")
    ctx.tasks.wait()
    page.close()
    raw.close()
    ws.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
