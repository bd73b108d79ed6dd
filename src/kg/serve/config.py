"""What ``kg serve`` can be told, and the limits that apply when it is told nothing.

Every default is the safe one: loopback only, CORS off, a time limit, a row limit, a byte
limit, a memory cap per worker, and short deadlines for a client to send its request.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import UsageError

KIB, MIB, GIB = 1024, 1024**2, 1024**3

#: bytes of a POSTed query (a form or a direct body); more is refused with 413.
MAX_BODY = 1_000_000
#: characters of a named question's name; a longer name cannot be one (404).
MAX_NAME = 100
#: default memory a worker may take for a query, beyond what it holds with its store open.
DEFAULT_MAX_MEMORY = 1 * GIB
#: default size of an answer's body in bytes (413 beyond).
DEFAULT_MAX_BYTES = 50_000_000


@dataclass
class ServeConfig:
    """Everything ``kg serve`` can be told; the defaults are the safe ones."""

    store: str = "memory"
    data_dir: Path | None = None
    host: str = "127.0.0.1"
    port: int = 8000
    timeout: float = 10.0  # seconds a query may run
    max_rows: int = 10_000  # rows of a SELECT, triples of a CONSTRUCT
    workers: int = field(default_factory=lambda: max(1, min(4, os.cpu_count() or 1)))
    cors: bool = False
    queries_dir: Path | None = None
    queue_wait: float = 30.0  # seconds a request may wait for a free worker
    max_memory: int | None = DEFAULT_MAX_MEMORY  # bytes per worker beyond its open store
    max_bytes: int = DEFAULT_MAX_BYTES  # bytes of one answer's body
    allow_hosts: tuple[str, ...] = ()  # Host names accepted besides the loopback ones
    idle_timeout: float = 5.0  # seconds a connection may stay silent
    request_timeout: float = 10.0  # seconds to send one whole request (line, headers, body)
    sources: Path | None = None  # a checked copy of the article, to show its sentences


_SIZE = re.compile(r"(\d+(?:\.\d+)?)\s*([kmgt]?)(i?)b?", re.IGNORECASE)
_POWERS = {"": 0, "k": 1, "m": 2, "g": 3, "t": 4}


def parse_size(text: str, *, where: str) -> int:
    """Bytes from ``1GiB``, ``512M``, ``50MB`` or ``1000000``.

    ``K``/``M``/``G`` with an ``i`` are powers of 1024, without one powers of 1000, as on a
    disk label; a memory limit is usually thought of in GiB, an answer size in MB.
    """
    match = _SIZE.fullmatch(text.strip())
    if not match:
        raise UsageError(
            f"{text!r} is not a size",
            where=where,
            hint="write a number of bytes with an optional unit: 1GiB, 512MiB, 50MB, 200000",
        )
    number, unit, binary = match.groups()
    base = 1024 if binary else 1000
    value = int(float(number) * base ** _POWERS[unit.lower()])
    if value < 1:
        raise UsageError(f"{text!r} is not a positive size", where=where)
    return value


def human_size(n: int) -> str:
    """``1 GiB``, ``50 MB``: the size as a person would write it in a message."""
    for unit, size in (("GiB", GIB), ("MiB", MIB), ("KiB", KIB)):
        if n >= size and n % size == 0:
            return f"{n // size} {unit}"
    for unit, size in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if n >= size:
            return f"{n / size:g} {unit}"
    return f"{n} bytes"
