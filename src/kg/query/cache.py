"""A small on-disk cache of query answers, so ``kg query NAME`` need not parse the graph.

Parsing the Turtle and importing rdflib's SPARQL engine costs far more than the answer of a
question on a graph this size. The answer only changes when one of its inputs does, so the
exact output bytes are stored under a key that hashes all of them:

* the content of every file the graph is loaded from (:func:`source_files`, the same list
  :func:`kg.model.load.source_files` gives), so editing a data file invalidates the answer;
* the query text (the question file's whole content), the parameters as given, the output
  format and the version of ``kg``.

Only the in-memory store is cached: another store (an Oxigraph folder, a remote endpoint)
may change without any of these inputs changing.

Where: ``$KG_CACHE_DIR``, else ``$XDG_CACHE_HOME/summit-kg``, else ``~/.cache/summit-kg``.
Entries are written atomically; the folder is trimmed to :data:`MAX_ENTRIES` entries and
:data:`MAX_BYTES` bytes, least recently used first. Any failure to read or write the cache
is ignored: the cache is only ever a shortcut.

This module must stay free of rdflib: it runs on the fast path.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from kg import __version__
from kg.model.sources import source_files

MAX_ENTRIES = 500
MAX_BYTES = 64 * 1024 * 1024


def cache_dir() -> Path:
    """The cache folder, from the environment (see the module docstring)."""
    explicit = os.environ.get("KG_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "summit-kg"


def make_key(files: Sequence[Path], **parts: object) -> str:
    """A hex digest over the files' paths and contents and the other ``parts``."""
    h = hashlib.sha256()
    h.update(f"kg {__version__}\n".encode())
    for f in files:
        h.update(str(Path(f).resolve()).encode("utf-8", "surrogateescape") + b"\0")
        try:
            h.update(hashlib.sha256(Path(f).read_bytes()).digest())
        except OSError:
            h.update(b"<unreadable>")
    h.update(json.dumps(parts, sort_keys=True, default=str, ensure_ascii=False).encode("utf-8"))
    return h.hexdigest()


def query_key(
    data_dir: Path | str | None,
    text: str,
    params: Mapping[str, str],
    fmt: str,
) -> str:
    """The key of one ``kg query`` answer on the memory store."""
    return make_key(
        source_files(data_dir),
        text=text,
        params=sorted(params.items()),
        format=fmt,
    )


def _entry(key: str, folder: Path | None = None) -> Path:
    return (folder or cache_dir()) / key[:2] / f"{key}.out"


def get(key: str, folder: Path | None = None) -> bytes | None:
    """The stored bytes for ``key``, or None."""
    path = _entry(key, folder)
    try:
        data = path.read_bytes()
    except OSError:
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # mark as recently used, for trimming
    return data


def put(key: str, data: bytes, folder: Path | None = None) -> None:
    """Store ``data`` under ``key`` atomically, then trim the cache; never raises OSError."""
    from kg.io import write_atomic

    folder = folder or cache_dir()
    try:
        write_atomic(_entry(key, folder), data)
        trim(folder)
    except OSError:
        pass


def trim(
    folder: Path | None = None, *, max_entries: int = MAX_ENTRIES, max_bytes: int = MAX_BYTES
) -> None:
    """Drop the least recently used entries until both bounds hold."""
    folder = folder or cache_dir()
    entries = []
    for path in folder.glob("??/*.out"):
        try:
            st = path.stat()
        except OSError:
            continue
        entries.append((st.st_mtime_ns, st.st_size, path))
    entries.sort(reverse=True)  # newest first
    total = 0
    for index, (_, size, path) in enumerate(entries):
        total += size
        if index >= max_entries or total > max_bytes:
            path.unlink(missing_ok=True)


def clear(folder: Path | None = None) -> int:
    """Remove every entry; the number removed."""
    folder = folder or cache_dir()
    count = 0
    for path in folder.glob("??/*.out"):
        path.unlink(missing_ok=True)
        count += 1
    return count
