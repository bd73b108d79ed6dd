"""The pool of worker processes that run queries: time limit, memory cap, replacement.

Why processes. Python threads cannot be interrupted, and rdflib's evaluator is pure Python:
a runaway query in a thread would keep a core busy after its client had been told
"timeout". So queries run in a small pool of worker processes, each holding its own graph
(the memory store parses the data once per worker; an Oxigraph store is opened read-only by
each). The HTTP threads only parse requests and wait: when a query passes the time limit its
worker is killed and a fresh one started, while the other workers go on serving. The pool
also gives rdflib real parallelism, which threads under the GIL would not.

Memory. Once its store is open, a worker caps its own address space (``RLIMIT_AS``) at what
it holds then plus ``max_memory``: a cartesian query then fails with a MemoryError (507, and
the worker retires) instead of taking the machine's memory. Oxigraph's Rust allocator does
not raise: it aborts the process ("memory allocation of N bytes failed"), which the pool
reads as the same 507. Linux only (elsewhere the cap
is not enforced by the kernel, and the time limit is the only fence).

Dead workers. A worker found dead when a request comes for it (killed from outside, or
crashed while idle) is replaced and the request goes to another one; only a worker that
dies *while running* a job costs that job an error (503).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue
import signal
import sys
import threading
import time
from pathlib import Path
from typing import Any

from kg.serve.jobs import out_of_memory
from kg.serve.reply import Reply, error_reply


class WorkerFailed(Exception):
    """A worker could not open the store (its message says why)."""


def address_space() -> int | None:
    """Bytes of this process's address space (what ``RLIMIT_AS`` counts), or None."""
    try:
        with open("/proc/self/statm", encoding="ascii") as f:
            pages = int(f.read().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE")


def cap_memory(extra: int | None) -> int | None:
    """Cap this process's address space at its current size plus ``extra`` bytes.

    Relative to the open store, so that one default suits a 2,000-triple graph in memory and
    an Oxigraph store of millions alike. Returns the limit set, or None where none can be.
    """
    held = address_space() if extra else None
    if held is None or extra is None:
        return None
    import resource

    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = held + extra
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    return limit


def _worker_main(conn: Any, store: str, data_dir: str | None, max_memory: int | None) -> None:
    """A worker process: open the graph once, then answer jobs until the pipe closes."""
    # Ctrl-C reaches the whole process group; the parent decides when workers stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A MemoryError unwinds rdflib's generators, whose finalisers then fail too and would
    # print "Exception ignored" tracebacks; the reply already says what happened.
    sys.unraisablehook = _quiet
    try:
        from kg.serve.jobs import execute
        from kg.stores import open_graph, open_query_graph, parse_spec

        folder = Path(data_dir) if data_dir else None
        graph = open_graph(store, folder)
        # questions go to Oxigraph's engine; the memory store's pages keep rdflib's graph
        asked = open_query_graph(store, folder) if parse_spec(store)[0] == "memory" else graph
        conn.send(("ready", len(graph)))
    except Exception as exc:
        conn.send(("failed", str(exc) or type(exc).__name__))
        return
    cap_memory(max_memory)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        reply = execute(graph, job, asked)
        conn.send(reply)
        if reply.retire:
            return


def _quiet(unraisable: Any) -> None:
    """Drop an unraisable exception (see :func:`_worker_main`)."""


class _Worker:
    def __init__(self, ctx: Any, store: str, data_dir: Path | None, max_memory: int | None):
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(
            target=_worker_main,
            args=(child, store, str(data_dir) if data_dir else None, max_memory),
            daemon=True,
        )
        self.process.start()
        child.close()

    def wait_ready(self, timeout: float) -> int:
        if not self.conn.poll(timeout):
            self.kill()
            raise WorkerFailed(f"the worker did not open the store within {timeout:.0f} s")
        try:
            status, value = self.conn.recv()
        except EOFError:
            raise WorkerFailed("the worker died while opening the store") from None
        if status != "ready":
            self.kill()
            raise WorkerFailed(value)
        return int(value)

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.conn.send(None)
        self.process.join(2)
        self.kill()


class WorkerPool:
    """A fixed number of worker processes, one job at a time each; see the module docstring."""

    def __init__(
        self,
        store: str,
        data_dir: Path | None,
        size: int,
        *,
        start_timeout: float = 300,
        max_memory: int | None = None,
    ) -> None:
        # forkserver: a worker is forked from a clean single-threaded process, never from
        # this one, whose HTTP threads may hold locks at the moment of a fork.
        method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else None
        self._ctx = multiprocessing.get_context(method)
        if method == "forkserver":
            self._ctx.set_forkserver_preload(
                ["rdflib", "kg.query.execute", "kg.render.formats", "kg.stores", "kg.serve.jobs"]
            )
        self.store, self.data_dir, self.size = store, data_dir, size
        self.start_timeout, self.max_memory = start_timeout, max_memory
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        self.triples = 0
        self.replaced = 0
        workers = [self._spawn() for _ in range(size)]
        try:
            for w in workers:
                self.triples = w.wait_ready(start_timeout)
                self._idle.put(w)
        except WorkerFailed:
            self.close()
            raise

    def _spawn(self) -> _Worker:
        w = _Worker(self._ctx, self.store, self.data_dir, self.max_memory)
        with self._lock:
            self._all.add(w)
        return w

    def _replace(self, dead: _Worker) -> None:
        """Kill ``dead`` (if it is not already) and start another in the background."""
        dead.kill()
        with self._lock:
            self._all.discard(dead)
            if self._closed:
                return
            self.replaced += 1

        def start() -> None:
            while not self._closed:
                w = self._spawn()
                try:
                    w.wait_ready(self.start_timeout)
                except WorkerFailed:
                    with self._lock:
                        self._all.discard(w)
                    time.sleep(1)
                    continue
                self._idle.put(w)
                return

        threading.Thread(target=start, name="kg-worker-start", daemon=True).start()

    def _take(self, deadline: float) -> _Worker | None:
        """An idle worker that is alive; a dead one met on the way is replaced."""
        while True:
            try:
                worker = self._idle.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                return None
            if worker.process.is_alive():
                return worker
            self._replace(worker)

    def run(self, job: dict[str, Any], timeout: float, *, wait: float = 30.0) -> Reply:
        """Run ``job`` in an idle worker; a 503 if none frees up within ``wait`` seconds or
        the job runs past ``timeout`` seconds (its worker is then killed and replaced).

        The time limit counts running time only: under load a request may queue for a
        worker, and a cheap question should not time out because others came first.
        """
        deadline = time.monotonic() + wait
        while True:
            worker = self._take(deadline)
            if worker is None:
                return error_reply(
                    503, "busy", f"every worker stayed busy for {wait:g} s; try again shortly"
                )
            try:
                worker.conn.send(job)
            except OSError:  # it died before the job reached it: not this job's doing
                self._replace(worker)
                continue
            return self._await(worker, timeout)

    def _await(self, worker: _Worker, timeout: float) -> Reply:
        try:
            if worker.conn.poll(timeout):
                reply: Reply = worker.conn.recv()
                if reply.retire:
                    self._replace(worker)
                else:
                    self._idle.put(worker)
                return reply
        except (EOFError, OSError):
            worker.kill()  # reaps it, so that its exit code is known
            code = worker.process.exitcode
            self._replace(worker)
            if code == -signal.SIGABRT and self.max_memory:
                # Rust's allocator (Oxigraph) aborts where Python would raise MemoryError
                return out_of_memory(self.max_memory)
            return _died(code)
        self._replace(worker)
        return error_reply(
            503,
            "timeout",
            f"the query ran longer than this server's limit of {timeout:g} s and was "
            "stopped; narrow it (a LIMIT, fewer OPTIONALs) or start kg serve with a "
            "larger --timeout",
            limit=timeout,
        )

    def close(self) -> None:
        with self._lock:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
        for w in workers:
            w.stop()


def _died(exitcode: int | None) -> Reply:
    how = f"signal {-exitcode}" if exitcode and exitcode < 0 else f"exit code {exitcode}"
    return error_reply(
        503,
        "worker-died",
        f"the worker running the query stopped ({how}), perhaps out of memory (--max-memory); "
        "a fresh one has been started",
    )
