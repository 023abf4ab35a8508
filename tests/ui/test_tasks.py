"""ui/tasks.py: work runs off the GUI thread; progress, results, errors and cancellation come back on it."""

from __future__ import annotations

import threading
import time

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from mypay_desk.services.errors import Cancelled
from mypay_desk.ui import errors
from mypay_desk.ui.tasks import SHOW_PROGRESS_AFTER_MS as SHOW_AFTER
from mypay_desk.ui.tasks import InlineTaskRunner, TaskFailure, TaskProgressDialog, TaskRunner


@pytest.fixture
def runner(qtbot):
    r = TaskRunner()
    yield r
    r.cancel_all()
    r.wait(5000)


def on_gui_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def test_task_runs_off_the_gui_thread_and_reports_back_on_it(qtbot, runner):
    seen = {}
    progress = []

    def work(report, cancel):
        seen["worker_gui"] = on_gui_thread()
        for i in range(1, 6):
            report(i, 5, f"passo {i}")
            time.sleep(0.06)
        return 42

    def ok(result):
        seen["result"] = result
        seen["success_gui"] = on_gui_thread()

    handle = runner.run(work, on_success=ok, show_progress=False,
                        on_progress=lambda d, t, m: progress.append((d, t, m, on_gui_thread())))
    qtbot.waitUntil(lambda: handle.done, timeout=5000)
    assert seen == {"worker_gui": False, "result": 42, "success_gui": True}
    assert handle.result == 42
    assert progress[-1] == (5, 5, "passo 5", True)
    assert all(p[3] for p in progress)
    assert not runner.busy


def test_errors_come_back_as_failures_with_the_traceback(qtbot, runner):
    got = []

    def work(report, cancel):
        raise ValueError("file rotto alla riga 7")

    handle = runner.run(work, on_error=lambda f: got.append((f, on_gui_thread())), show_progress=False)
    qtbot.waitUntil(lambda: handle.done, timeout=5000)
    failure, gui = got[0]
    assert gui and isinstance(failure, TaskFailure)
    assert isinstance(failure.exception, ValueError)
    assert "file rotto alla riga 7" in failure.details and "in work" in failure.details
    assert handle.failure is failure


def test_an_unhandled_failure_opens_the_error_dialog(qtbot, runner, monkeypatch):
    boxes = []
    monkeypatch.setattr(errors, "_present", boxes.append)

    def work(report, cancel):
        raise RuntimeError("guasto")

    handle = runner.run(work, title="Importazione", show_progress=False)
    qtbot.waitUntil(lambda: handle.done, timeout=5000)
    assert len(boxes) == 1
    assert boxes[0].windowTitle() == "Importazione"
    assert "guasto" in boxes[0].text() and "RuntimeError" in boxes[0].detailedText()


def test_cancel_stops_the_task(qtbot, runner):
    events = []
    started = threading.Event()

    def work(report, cancel):
        started.set()
        for _ in range(500):
            cancel.raise_if_cancelled()
            time.sleep(0.01)
        return "finito"

    handle = runner.run(work, on_success=events.append, on_cancel=lambda: events.append("annullato"),
                        show_progress=False)
    assert started.wait(5)
    handle.cancel()
    qtbot.waitUntil(lambda: handle.done, timeout=5000)
    assert events == ["annullato"]
    assert handle.cancelled and handle.result is None


def test_a_task_cancelled_while_queued_never_runs(qtbot, runner):
    ran = []
    gate = threading.Event()
    first = runner.run(lambda r, c: gate.wait(5), show_progress=False)
    second = runner.run(lambda r, c: ran.append(1), show_progress=False, on_cancel=lambda: ran.append("annullato"))
    second.cancel()
    gate.set()
    qtbot.waitUntil(lambda: first.done and second.done, timeout=5000)
    assert ran == ["annullato"]


def test_db_lane_runs_one_task_at_a_time(qtbot, runner):
    lock = threading.Lock()
    active = []
    overlap = []

    def work(report, cancel):
        with lock:
            active.append(1)
            overlap.append(len(active))
        time.sleep(0.03)
        with lock:
            active.pop()

    handles = [runner.run(work, lane="db", show_progress=False) for _ in range(4)]
    qtbot.waitUntil(lambda: all(h.done for h in handles), timeout=5000)
    assert overlap == [1, 1, 1, 1]


def test_progress_is_throttled_but_the_last_step_arrives(qtbot, runner):
    got = []

    def work(report, cancel):
        for i in range(1, 20001):
            report(i, 20000, "")
        return None

    handle = runner.run(work, on_progress=lambda d, t, m: got.append(d), show_progress=False)
    qtbot.waitUntil(lambda: handle.done, timeout=5000)
    assert got[-1] == 20000
    assert len(got) < 200  # not 20,000 queued signals for the GUI thread


def test_progress_dialog_appears_only_for_long_work_and_cancels(qtbot, runner):
    def dialogs():
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, TaskProgressDialog) and w.isVisible()]

    quick = runner.run(lambda r, c: time.sleep(0.05), title="Rapida")
    qtbot.waitUntil(lambda: quick.done, timeout=5000)
    qtbot.wait(600)
    assert dialogs() == []

    def slow(report, cancel):
        for i in range(300):
            report(i, 300, "riga")
            cancel.raise_if_cancelled()
            time.sleep(0.01)

    cancelled = []
    handle = runner.run(slow, title="Lenta", on_cancel=lambda: cancelled.append(1))
    qtbot.waitUntil(lambda: bool(dialogs()), timeout=3000)
    dialog = dialogs()[0]
    assert dialog.labelText().startswith("Lenta")
    button = dialog.findChild(QPushButton)
    assert button.text() == "Annulla"
    button.click()
    qtbot.waitUntil(lambda: handle.done, timeout=5000)
    assert cancelled == [1]
    qtbot.waitUntil(lambda: dialogs() == [], timeout=2000)


def test_inline_runner_runs_synchronously():
    runner = InlineTaskRunner()
    results, progress = [], []
    handle = runner.run(lambda r, c: (r(1, 1, "ok"), "fatto")[1], on_success=results.append,
                        on_progress=lambda *a: progress.append(a))
    assert results == ["fatto"] and progress == [(1, 1, "ok")] and handle.done

    def cancelled(r, c):
        raise Cancelled()

    events = []
    runner.run(cancelled, on_cancel=lambda: events.append("annullato"))
    assert events == ["annullato"]
    with pytest.raises(KeyError):
        runner.run(lambda r, c: {}["manca"])
    assert not runner.busy


# --- teardown: no callback, no progress ever reaches a widget that is gone ------------------------------

class Owner(QWidget):
    """A page or dialog that starts work and wants its result."""

    def __init__(self):
        super().__init__()
        self.got = []

    def done(self, result):
        self.got.append(("done", result))

    def failed(self, failure):
        self.got.append(("failed", failure))

    def progress(self, *args):
        self.got.append(("progress", args))


def slow_work(started: threading.Event, steps: int = 200, stops: bool = True):
    def work(report, cancel):
        started.set()
        for i in range(steps):
            report(i, steps, f"passo {i}")
            if stops:
                cancel.raise_if_cancelled()
            time.sleep(0.005)
        return "finito"
    return work


def test_owner_deleted_during_a_task_gets_no_callback_and_the_task_is_asked_to_stop(qtbot, runner):
    owner = Owner()
    owner.show()
    started = threading.Event()
    calls = []
    # a task that does not stop when asked keeps reporting after the owner is gone: nobody must notice
    handle = runner.run(slow_work(started, stops=False), title="Invio al portale", parent_widget=owner,
                        on_success=lambda r: calls.append(owner.got),  # a lambda: the owner is still known
                        on_progress=owner.progress)
    assert started.wait(5)
    qtbot.wait(SHOW_AFTER + 100)  # the progress dialog is up, parented to the owner's window
    assert any(isinstance(w, TaskProgressDialog) for w in QApplication.topLevelWidgets())
    owner.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(owner), timeout=2000)
    assert handle.token.cancelled  # asked to stop with its owner
    qtbot.waitUntil(lambda: handle.done, timeout=5000)
    qtbot.wait(100)
    assert calls == []


def test_a_bound_method_callback_makes_its_object_the_owner(qtbot, runner):
    owner = Owner()
    started = threading.Event()
    gate = threading.Event()

    def work(report, cancel):
        started.set()
        gate.wait(5)
        return 1

    handle = runner.run(work, on_success=owner.done, on_error=owner.failed, show_progress=False)
    assert started.wait(5)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(owner), timeout=2000)
    gate.set()
    qtbot.waitUntil(lambda: handle.done, timeout=5000)  # success delivered to nobody, no crash
    assert handle.result == 1


def test_results_queued_before_the_owner_went_are_dropped(qtbot, runner):
    """"Right after": the work ended but its signals wait in the event queue when the window closes."""
    owner = Owner()
    handle = runner.run(lambda r, c: (r(1, 1, "fatto"), 7)[1], title="Esporta", parent_widget=owner,
                        on_success=owner.done, on_progress=owner.progress)
    assert runner.wait(5000)  # finished on its thread; nothing delivered yet
    assert owner.got == [] and not handle.done
    owner.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(owner), timeout=2000)
    qtbot.waitUntil(lambda: handle.done, timeout=5000)


def test_after_shutdown_nothing_calls_back(qtbot):
    runner = TaskRunner()
    owner = Owner()
    started = threading.Event()
    handle = runner.run(slow_work(started, steps=2000), title="Sincronizzazione", parent_widget=owner,
                        on_success=owner.done, on_progress=owner.progress,
                        on_cancel=lambda: owner.got.append("cancelled"))
    assert started.wait(5)
    assert runner.shutdown(5000)  # cancels and waits, as the app does after its event loop
    qtbot.wait(50)
    assert owner.got == []  # the cancellation came back too, but nobody is told any more
    assert handle.token.cancelled and not runner.busy
    late = runner.run(lambda r, c: 1, on_success=owner.done, show_progress=False)  # nothing new runs
    qtbot.waitUntil(lambda: late.done, timeout=5000)
    assert owner.got == [] and late.cancelled


def test_the_progress_dialog_cancels_on_escape_and_on_its_close_button(qtbot, runner):
    started = threading.Event()
    handle = runner.run(slow_work(started, steps=2000), title="Stampa avvisi")
    qtbot.waitUntil(lambda: any(isinstance(w, TaskProgressDialog) and w.isVisible()
                                for w in QApplication.topLevelWidgets()), timeout=3000)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, TaskProgressDialog))
    dialog.close()  # the window's X: stop the task, the dialog goes when the task has stopped
    assert handle.token.cancelled
    qtbot.waitUntil(lambda: handle.done, timeout=5000)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible(), timeout=2000)


def test_the_progress_dialog_waits_while_a_question_is_open(qtbot, runner):
    from PySide6.QtWidgets import QMessageBox

    question = QMessageBox(QMessageBox.Icon.Question, "Operazioni in corso", "Annullarle e uscire?")
    question.setWindowModality(Qt.WindowModality.ApplicationModal)
    question.show()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is question, timeout=2000)
    started = threading.Event()
    handle = runner.run(slow_work(started, steps=400), title="Scaricamento delle ricevute")
    qtbot.wait(SHOW_AFTER * 2 + 200)
    assert not any(isinstance(w, TaskProgressDialog) and w.isVisible() for w in QApplication.topLevelWidgets())
    question.close()
    qtbot.waitUntil(lambda: any(isinstance(w, TaskProgressDialog) and w.isVisible()
                                for w in QApplication.topLevelWidgets()), timeout=3000)
    handle.cancel()
    qtbot.waitUntil(lambda: handle.done, timeout=5000)


def test_progress_dialog_shows_a_long_step_whole(qtbot):
    """A step that wraps over several lines is shown whole (the demo's «Invio della lista…» was cut)."""
    from mypay_desk.ui.tasks import TaskProgressDialog

    dialog = TaskProgressDialog("Preparazione dell'Ente dimostrativo", True)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_progress(46, 100, "Invio della lista «Mensa scolastica 2026-2027» al portale di prova: flusso in "
                                 "elaborazione sul portale, attendere che il portale risponda")
    qtbot.wait(20)
    label = dialog.label
    assert label.height() >= label.heightForWidth(label.width())
    assert dialog.height() >= dialog.sizeHint().height()
