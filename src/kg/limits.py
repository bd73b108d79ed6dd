"""Time limits for running a query, on every store (a base module: stores and queries use it).

A query runs under :func:`deadline`. In the main thread (the CLI, a notebook) a timer signal
interrupts the evaluation when the time is up: rdflib's evaluator is Python, so it stops at
once, and Oxigraph's answer is read row by row in Python, so it stops at the next row. A
single call that never returns to Python (one catastrophic regular expression, say) cannot
be interrupted that way; commands therefore also arm :func:`hard_stop`, which ends the whole
process a moment after the limit, with one line. ``kg serve`` runs each query in a worker
process it kills at the limit.
"""

from __future__ import annotations

import contextlib
import math
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator

from kg.errors import KgError

#: Seconds a query may run unless told otherwise (``--timeout``, ``timeout=``).
DEFAULT_TIMEOUT = 60.0


class QueryTimeout(KgError):
    """The query ran past its time limit."""


def timeout_error(seconds: float) -> QueryTimeout:
    return QueryTimeout(
        f"the query was stopped after {seconds:g} s",
        where="--timeout",
        hint="ask something narrower, or allow more time with --timeout SECONDS",
    )


def check_timeout(seconds: float | None) -> float | None:
    """``seconds`` as a limit: None or 0 means none; negative or not a number is refused."""
    if seconds is None or seconds == 0:
        return None
    if not isinstance(seconds, (int, float)) or math.isnan(seconds) or seconds < 0:
        raise KgError(
            f"{seconds!r} is not a time limit", where="--timeout", hint="give seconds, e.g. 30"
        )
    return float(seconds)


_ACTIVE: list[tuple[float, float]] = []  # (deadline, seconds) of the deadline() blocks open


def remaining() -> float | None:
    """Seconds left under the innermost :func:`deadline`, or None if none is set."""
    return max(0.0, _ACTIVE[-1][0] - time.monotonic()) if _ACTIVE else None


def current() -> float | None:
    """The innermost :func:`deadline`'s limit in seconds, or None."""
    return _ACTIVE[-1][1] if _ACTIVE else None


@contextlib.contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Raise :class:`QueryTimeout` in the block once ``seconds`` have passed."""
    seconds = check_timeout(seconds)
    if seconds is None:
        yield
        return
    _ACTIVE.append((time.monotonic() + seconds, seconds))
    use_signal = threading.current_thread() is threading.main_thread() and hasattr(
        signal, "setitimer"
    )
    if not use_signal:
        try:
            yield
        finally:
            _ACTIVE.pop()
        return

    def expire(signum: int, frame: object) -> None:
        raise timeout_error(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        _ACTIVE.pop()


def hard_stop(seconds: float | None, *, grace: float = 2.0) -> threading.Timer | None:
    """End the process ``grace`` seconds after ``seconds``, with one line, exit code 2.

    For commands only: the fence for a call that never returns to Python.
    """
    seconds = check_timeout(seconds)
    if seconds is None:
        return None

    def stop() -> None:
        sys.stderr.write(f"Error: {timeout_error(seconds)}\n")
        sys.stderr.flush()
        os._exit(2)

    timer = threading.Timer(seconds + grace, stop)
    timer.daemon = True
    timer.start()
    return timer
