"""Running engine calls where no network is reachable: the second fence behind the check.

Oxigraph's Python build carries an HTTP client for ``SERVICE`` and has no switch to turn it
off. The check (:mod:`kg.query.check`) refuses SERVICE before a query runs; as a second fence,
Oxigraph queries run on threads that have left the host's network namespace
(``unshare(CLONE_NEWNET)``, which on Linux applies to the calling thread only): such a thread
has no interface but a loopback that is down, so a connection fails at once whatever the
query says. Leaving the namespace needs CAP_SYS_ADMIN (root, as in CI, or a container
that grants it); where it is refused, :func:`fenced` says so and queries run on ordinary
threads behind the check alone.
"""

from __future__ import annotations

import os
import queue
import sys
import threading
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

_CLONE_NEWNET = 0x40000000
_THREADS = 4
_state: dict[str, Any] = {"pool": None, "fenced": None, "why": "", "threads": 0, "idle": 0}
_lock = threading.Lock()


def _leave_network() -> None:
    if not sys.platform.startswith("linux") or os.environ.get("KG_NO_NETNS"):
        _state["fenced"], _state["why"] = False, "not Linux, or KG_NO_NETNS is set"
        return
    import ctypes

    # the C library is already loaded in every Python process: no need to look it up
    # (ctypes.util.find_library runs ldconfig in a subprocess)
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.unshare(_CLONE_NEWNET) != 0:
        _state["fenced"] = False
        _state["why"] = os.strerror(ctypes.get_errno())
    elif _state["fenced"] is None:
        _state["fenced"] = True


class _Call:
    """One engine call handed to a fenced thread, and its outcome."""

    def __init__(self, fn: Callable[[], Any]) -> None:
        self.fn, self.done = fn, threading.Event()
        self.value: Any = None
        self.error: BaseException | None = None


def _serve(jobs: queue.SimpleQueue[_Call]) -> None:
    _leave_network()
    while True:
        job = jobs.get()
        with _lock:
            _state["idle"] -= 1
        try:
            job.value = job.fn()
        except BaseException as exc:  # handed back to the caller
            # without its traceback: the frames hold the engine's answer object, which
            # pyoxigraph forbids dropping on another thread (it warns "unsendable")
            job.error = exc.with_traceback(None)
            del exc
        finally:
            with _lock:
                _state["idle"] += 1
            job.done.set()


def _submit(job: _Call) -> None:
    """Queue ``job``, starting a fenced thread if none is idle (up to ``_THREADS``).

    Threads start on demand: a command asks one question, and leaving the network costs
    each thread a new namespace (~1-2 ms); a server's concurrent calls grow the pool.
    Daemon threads: a call abandoned at its time limit must not keep the process alive.
    """
    with _lock:
        if _state["pool"] is None:
            _state["pool"] = queue.SimpleQueue()
        if _state["idle"] == 0 and _state["threads"] < _THREADS:
            _state["threads"] += 1
            _state["idle"] += 1
            threading.Thread(
                target=_serve,
                args=(_state["pool"],),
                name=f"kg-nonet-{_state['threads']}",
                daemon=True,
            ).start()
        _state["pool"].put(job)


def call(fn: Callable[[], T], timeout: float | None = None) -> T:
    """``fn()`` on a thread with no network; TimeoutError after ``timeout`` seconds.

    On a time-out the call is abandoned (an engine call cannot be stopped from outside); its
    thread finishes it in the background, and the others take new calls.
    """
    job = _Call(fn)
    _submit(job)
    if not job.done.wait(timeout):
        raise TimeoutError(f"no answer within {timeout} s")
    if job.error is not None:
        raise job.error
    return job.value  # type: ignore[no-any-return]


def fenced() -> tuple[bool, str]:
    """Whether engine threads run without a network, and if not, why."""
    call(lambda: None)
    return bool(_state["fenced"]), _state["why"]
