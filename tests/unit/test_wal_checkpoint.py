"""The WAL is copied into the database file by the checkpoint thread, not inside a big COMMIT."""

from __future__ import annotations

import sqlite3

from mypay_desk.store import db as dbmod
from mypay_desk.store.wal_checkpoint import SAFETY_NET_PAGES, WalCheckpointer

ROWS = 6_000  # ~6 MB: well past SQLite's own threshold of 1,000 pages


def _write_big(engine) -> None:
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE IF NOT EXISTS blob_rows (id INTEGER PRIMARY KEY, body TEXT)")
        conn.exec_driver_sql("INSERT INTO blob_rows (body) SELECT printf('%.1000c', 'x') FROM "
                             f"(WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {ROWS}) "
                             "SELECT i FROM n)")


def test_a_big_commit_leaves_the_copy_to_the_thread(tmp_path):
    database = dbmod.Database.open(tmp_path)
    try:
        database.checkpointer.settle = 1.0  # long enough to look at the files before it runs
        with database.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == SAFETY_NET_PAGES
        before = database.path.stat().st_size
        _write_big(database.engine)
        assert database.path.stat().st_size - before < ROWS * 1000  # the pages are still only in the WAL
        assert database.checkpointer.wait_idle(timeout=30)
        assert database.path.stat().st_size - before >= ROWS * 1000  # ...and now in the database file
        assert database.checkpointer.checkpoints >= 1
        with database.engine.connect() as conn:  # every row still there, as before the checkpoint
            assert conn.exec_driver_sql("SELECT count(*) FROM blob_rows").scalar() == ROWS
    finally:
        database.dispose()
    assert not database.checkpointer._thread.is_alive()


def test_without_the_thread_the_commit_copies_the_wal_itself(tmp_path):
    """What the thread saves a big write: SQLite's own checkpoint inside the COMMIT (the files grow at once)."""
    dbmod.Database.open(tmp_path).dispose()  # the schema
    engine = dbmod.make_engine(tmp_path / dbmod.DB_FILE_NAME)
    try:
        before = (tmp_path / dbmod.DB_FILE_NAME).stat().st_size
        _write_big(engine)
        assert (tmp_path / dbmod.DB_FILE_NAME).stat().st_size - before >= ROWS * 1000
    finally:
        engine.dispose()


def test_a_reader_keeps_its_pages_and_nobody_waits(tmp_path):
    """PASSIVE: a checkpoint during an open read transaction neither blocks it nor changes what it sees;
    the pages it still needs are copied by a later checkpoint."""
    database = dbmod.Database.open(tmp_path)
    try:
        database.checkpointer.settle = 0.0
        _write_big(database.engine)
        assert database.checkpointer.wait_idle(timeout=30)
        reader = sqlite3.connect(str(database.path), isolation_level=None)
        reader.execute("BEGIN")
        assert reader.execute("SELECT count(*) FROM blob_rows").fetchone()[0] == ROWS
        _write_big(database.engine)  # more rows while the reader's snapshot is open
        assert database.checkpointer.wait_idle(timeout=30)
        assert reader.execute("SELECT count(*) FROM blob_rows").fetchone()[0] == ROWS
        reader.execute("COMMIT")
        reader.close()
        with database.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM blob_rows").scalar() == 2 * ROWS
    finally:
        database.dispose()


def test_poke_after_close_starts_nothing(tmp_path):
    checkpointer = WalCheckpointer(tmp_path / "x.sqlite3")
    checkpointer.close()
    checkpointer.poke()
    assert checkpointer._thread is None and checkpointer.wait_idle(timeout=0)
