"""Run work under a time limit (`max_doc_seconds`), so one pathological document
cannot stall a batch.

In the main thread a real-time interval timer interrupts the work; elsewhere
(worker threads cannot receive signals) the limit is checked between stages.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class DeadlineExceeded(Exception):
    """The work took longer than its limit."""


def _can_interrupt() -> bool:
    return threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")


@contextmanager
def deadline(seconds: float | None) -> Iterator[float]:
    """Raise DeadlineExceeded inside the block after `seconds` (None: no limit).

    Yields the monotonic time at which the limit expires, for between-step checks.
    """
    if seconds is None or seconds <= 0:
        yield float("inf")
        return
    expires = time.monotonic() + seconds
    if not _can_interrupt():
        yield expires
        return

    def _expire(signum: int, frame: FrameType | None) -> None:
        raise DeadlineExceeded(f"took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, _expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield expires
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
