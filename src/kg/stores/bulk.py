"""Filling a persistent Oxigraph store from RDF files (``kg load``), as thin as bare
``Store.bulk_load``."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from kg.errors import InputError, UsageError

_OX_FORMATS = {
    ".ttl": "TURTLE",
    ".turtle": "TURTLE",
    ".nt": "N_TRIPLES",
    ".n3": "N3",
    ".jsonld": "JSON_LD",
    ".json": "JSON_LD",
    ".rdf": "RDF_XML",
    ".xml": "RDF_XML",
    ".owl": "RDF_XML",
    ".trig": "TRIG",
    ".nq": "N_QUADS",
}


def _ox_format(path: Path) -> Any:
    import pyoxigraph as ox

    name = _OX_FORMATS.get(path.suffix.lower())
    if name is None:
        raise InputError(
            f"unknown RDF file type {path.suffix!r}",
            where=str(path),
            hint="use .ttl, .nt, .nq, .trig, .jsonld or .rdf",
        )
    return getattr(ox.RdfFormat, name)


def load_into_oxigraph(
    files: Sequence[Path | str],
    directory: Path | str,
    *,
    progress: Callable[[Path, int, int], None] | None = None,
    replace: bool = False,
) -> int:
    """Bulk-load RDF ``files`` into the Oxigraph store in ``directory`` (created if need be);
    the number of triples in the store afterwards.

    The path is kept as thin as bare ``Store.bulk_load(path=...)``: Oxigraph reads each file
    itself. ``progress(file, bytes_done, bytes_total)`` is called after each file, which is
    what ``kg load``'s progress bar shows. ``replace=True`` empties the store first (loading
    the same file twice otherwise doubles its blank-node structures). A file that does not
    parse raises InputError naming the file and position; what was loaded before it stays.
    """
    import pyoxigraph as ox

    paths = [Path(f) for f in files]
    formats = [_ox_format(p) for p in paths]  # refuse unknown suffixes before any work
    for p in paths:
        if not p.is_file():
            raise InputError("no such file", where=str(p))
    total = sum(p.stat().st_size for p in paths)
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    try:
        store = ox.Store(str(directory))
    except OSError as exc:
        raise UsageError(
            f"cannot open the Oxigraph store for writing: {' '.join(str(exc).split())}",
            where=f"oxigraph:{directory}",
            hint="stop the server or process that has it open, then load again",
        ) from None
    if replace:
        store.clear()
    done = 0
    for path, fmt in zip(paths, formats, strict=True):
        try:
            store.bulk_load(path=str(path), format=fmt)
        except SyntaxError as exc:
            raise InputError(
                f"syntax error: {_ox_message(exc)}", where=_ox_where(path, exc)
            ) from None
        done += path.stat().st_size
        if progress is not None:
            progress(path, done, total)
    store.flush()
    count = len(store)
    del store  # release the lock so readers can open the folder
    return count


def fill_memory_store(files: Sequence[Path | str]) -> Any:
    """A new in-memory pyoxigraph ``Store`` holding ``files``: the memory store's data, read
    by Oxigraph's parser (~50 ms for the shipped graph, where rdflib's takes over a second).

    Errors are those of :func:`kg.model.load.load`: a file that is not UTF-8 or does not
    parse raises InputError at file:line:col, and nothing is returned.
    """
    import pyoxigraph as ox

    from kg.model.sources import refuse_bad_utf8

    store = ox.Store()
    for path in (Path(f) for f in files):
        fmt = _ox_format(path)
        refuse_bad_utf8(path)
        try:
            store.load(path=str(path), format=fmt)  # faster than bulk_load for small files
        except SyntaxError as exc:
            raise InputError(
                f"syntax error: {_ox_message(exc)}",
                where=_ox_where(path, exc),
                hint="fix the RDF syntax there",
            ) from None
    return store


def fill_in_background(files: Sequence[Path | str]) -> Callable[[], Any]:
    """Start :func:`fill_memory_store` on a thread; the function returned waits for it and
    gives the store (or raises what filling raised).

    Oxigraph parses without holding Python's lock, so a command can import rdflib (~0.2 s)
    while its data is read (~40 ms): ``kg query``'s first answer waits for the longer of the
    two, not for both.
    """
    import threading

    box: dict[str, Any] = {}

    def fill() -> None:
        try:
            box["store"] = fill_memory_store(files)
        except BaseException as exc:  # handed to the waiting caller
            box["error"] = exc.with_traceback(None)

    thread = threading.Thread(target=fill, name="kg-fill", daemon=True)
    thread.start()

    def wait() -> Any:
        thread.join()
        if "error" in box:
            raise box["error"]
        return box["store"]

    return wait


def _ox_message(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def _ox_where(path: Path, exc: BaseException) -> str:
    m = re.search(r"line (\d+),? (?:between columns|column) (\d+)", str(exc))
    return f"{path}:{m.group(1)}:{m.group(2)}" if m else str(path)
