"""Which files make up a graph, without importing rdflib.

The query cache keys answers on exactly these files, and its hit path must not pay for
importing rdflib; so the listing lives here and :mod:`kg.model.load` builds on it.
"""

from __future__ import annotations

from pathlib import Path

from kg.errors import InputError
from kg.model import paths

#: rdflib parser names by file suffix, for the formats we read.
PARSERS: dict[str, str] = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".nt": "nt",
    ".n3": "n3",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".rdf": "xml",
    ".xml": "xml",
    ".owl": "xml",
    ".trig": "trig",
    ".nq": "nquads",
}


def data_files(data_dir: Path | str | None = None) -> list[Path]:
    """The triple files of a data folder, sorted so loading is deterministic."""
    folder = Path(data_dir) if data_dir is not None else paths.DATA_DIR
    if not folder.is_dir():
        raise InputError(
            "no such data folder", where=str(folder), hint="give --data an existing folder"
        )
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in PARSERS and p.is_file())
    if not files:
        raise InputError("the data folder holds no RDF files", where=str(folder))
    return files


def ontology_files() -> list[Path]:
    """The ontology proper (not the shapes, which describe data rather than the world)."""
    return [paths.ONTOLOGY_FILE]


def source_files(data_dir: Path | str | None = None, *, ontology: bool = True) -> list[Path]:
    """All files :func:`kg.model.load.load` reads, in order (also the cache key of all derived)."""
    return (ontology_files() if ontology else []) + data_files(data_dir)


def refuse_bad_utf8(path: Path) -> None:
    """Every RDF text format here is UTF-8: say where a file is not, as file:line:col (the
    parsers report a byte offset at best)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", where=str(path)) from None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        col = len(data[line_start : exc.start].decode("utf-8", "replace")) + 1
        raise InputError(
            f"not UTF-8: byte 0x{data[exc.start]:02x} cannot start or continue a character",
            where=f"{path}:{line}:{col}",
            hint="save the file as UTF-8",
        ) from None
