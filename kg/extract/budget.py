"""A time budget for one release's extraction: a runaway becomes BudgetExceeded, the batch goes on.

The parsers are meant to be linear in the length of the text; the budget is the guarantee for inputs
nobody thought of. How it interrupts matters, because the work is mostly C-level regular expression
matching that holds the GIL:

- In the main thread (the CLI) the budget is a timer of the process's CPU time (``setitimer`` with
  ITIMER_PROF: a busy machine does not make a good release fail). Its Python handler runs
  as soon as the interpreter checks for signals, and CPython's regex engine checks for them every few
  thousand steps while it matches, so even a catastrophically backtracking pattern is stopped on time.
  A watchdog *thread* could not do this: it would wait for the GIL that the matching regex holds.
- In any other thread (no signals there) a watchdog thread raises BudgetExceeded in the working thread
  asynchronously; that takes effect at the next Python instruction, i.e. after the regex call running
  at that moment returns. Long C calls are then only bounded by the linear patterns.

``seconds`` of None or 0 means no budget. The budget counts CPU seconds in the main thread, wall-clock
seconds in other threads.
"""

from __future__ import annotations

import ctypes
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

DEFAULT_BUDGET = 3.0  # seconds; a real release extracts in well under 0.2 s


class BudgetExceeded(Exception):  # noqa: N818 - reads as what happened
    def __init__(self, seconds: float) -> None:
        super().__init__(f"extraction exceeded {seconds:g} s")
        self.seconds = seconds


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise BudgetExceeded in the calling thread when its block runs longer than ``seconds``."""
    if not seconds or seconds <= 0:
        yield
        return
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        with _alarm(seconds):
            yield
    else:
        with _watchdog(seconds):
            yield


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    def on_alarm(signum: int, frame: object) -> None:
        raise BudgetExceeded(seconds)

    started = time.process_time()
    previous = signal.signal(signal.SIGPROF, on_alarm)
    outer, _ = signal.setitimer(signal.ITIMER_PROF, seconds)  # an enclosing timer, if any, is resumed
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
        if outer:
            signal.setitimer(signal.ITIMER_PROF, max(0.001, outer - (time.process_time() - started)))


@contextmanager
def _watchdog(seconds: float) -> Iterator[None]:
    target = threading.get_ident()
    done = threading.Event()
    lock = threading.Lock()
    fired = []

    def watch() -> None:
        if not done.wait(seconds):
            with lock:
                if not done.is_set():
                    fired.append(True)
                    _raise_in(target, _ThreadBudget)

    class _ThreadBudget(BudgetExceeded):
        def __init__(self) -> None:
            super().__init__(seconds)

    w = threading.Thread(target=watch, name="kg-budget", daemon=True)
    w.start()
    try:
        yield
    finally:
        with lock:
            done.set()
            if fired:  # raised but not yet delivered: cancel it
                _raise_in(target, None)
        w.join()


def _raise_in(thread_id: int, exc: type[BaseException] | None) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc else None
    )
