"""A deadline for a client to send a whole request, enforced by one watcher thread.

A socket timeout (``idle_timeout``) closes a connection that goes silent, but a client that
sends one byte every few seconds never goes silent: it would hold a thread for as long as
it likes. So each request also has a total deadline for its request line, headers and
body; past it, the watcher shuts the socket down, which wakes the handler's blocked read
with end-of-file. One thread for the whole server, not a timer per request.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time


class Deadlines:
    """Sockets that must finish sending their request by a given time."""

    def __init__(self, tick: float = 0.25) -> None:
        self._due: dict[socket.socket, float] = {}
        self._reaped: set[socket.socket] = set()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._tick = tick
        self.reaped = 0  # how many connections were cut, for tests and logs
        self._thread = threading.Thread(target=self._watch, name="kg-deadlines", daemon=True)
        self._thread.start()

    def watch(self, sock: socket.socket, seconds: float) -> None:
        with self._lock:
            self._due[sock] = time.monotonic() + seconds
            self._reaped.discard(sock)

    def forget(self, sock: socket.socket) -> bool:
        """Stop watching ``sock``; False if its deadline had passed and it was cut."""
        with self._lock:
            self._due.pop(sock, None)
            if sock in self._reaped:
                self._reaped.discard(sock)
                return False
            return True

    def _watch(self) -> None:
        while not self._stop.wait(self._tick):
            now = time.monotonic()
            with self._lock:
                late = [s for s, due in self._due.items() if due <= now]
                for s in late:
                    del self._due[s]
                    self._reaped.add(s)
                self.reaped += len(late)
            for s in late:
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
