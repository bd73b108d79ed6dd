"""Loading the ontology and the triple files into one rdflib graph.

Every command reads the graph through :func:`load`, so a file that does not parse is
reported the same way everywhere: ``file:line:col: message``, as an :class:`InputError`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from rdflib import Graph
from rdflib.plugins.parsers.notation3 import BadSyntax

from kg.errors import InputError
from kg.model.namespaces import bind_prefixes
from kg.model.sources import PARSERS, data_files, ontology_files, refuse_bad_utf8, source_files

__all__ = [
    "PARSERS",
    "data_files",
    "load",
    "load_files",
    "ontology_files",
    "parse_file",
    "source_files",
]


def _location(exc: BadSyntax) -> tuple[int, int]:
    """1-based line and column of a notation3 parser error."""
    text: bytes = exc._str if isinstance(exc._str, bytes) else str(exc._str).encode()
    index = min(exc._i, len(text))
    line = text.count(b"\n", 0, index) + 1
    col = index - (text.rfind(b"\n", 0, index) + 1) + 1
    return line, col


def parse_file(path: Path, graph: Graph | None = None, *, format: str | None = None) -> Graph:
    """Parse one RDF file into ``graph`` (a new one by default).

    Raises :class:`InputError` with ``file:line:col`` where the parser gives a position.
    """
    path = Path(path)
    graph = Graph() if graph is None else graph
    fmt = format or PARSERS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(
            f"unknown RDF file type {path.suffix!r}",
            where=str(path),
            hint="use .ttl, .nt, .jsonld, .rdf, .trig or .nq",
        )
    refuse_bad_utf8(path)
    try:
        graph.parse(path, format=fmt)
    except BadSyntax as exc:
        line, col = _location(exc)
        raise InputError(
            f"syntax error: {exc._why}",
            where=f"{path}:{line}:{col}",
            hint="fix the RDF syntax there",
        ) from None
    except FileNotFoundError:
        raise InputError("no such file", where=str(path)) from None
    except Exception as exc:  # other parsers (JSON-LD, RDF/XML, N-Triples) raise many kinds
        where = str(path)
        line = getattr(exc, "lineno", None) or getattr(exc, "line", None)
        if isinstance(line, int):
            col = getattr(exc, "colno", None) or getattr(exc, "column", None) or 1
            where = f"{path}:{line}:{col}"
        message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise InputError(f"cannot parse: {message}", where=where) from None
    return graph


def load_files(files: Iterable[Path]) -> Graph:
    graph = Graph()
    bind_prefixes(graph)
    for f in files:
        parse_file(f, graph)
    return graph


def load(data: Path | str | Sequence[Path | str] | None = None, *, ontology: bool = True) -> Graph:
    """The shipped graph (or another data folder / list of files) as an ``rdflib.Graph``.

    With ``ontology=True`` (the default) the ontology's own triples come along, so class and
    property labels are queryable beside the data.

    >>> g = load()
    >>> len(g) > 1000
    True
    """
    if data is not None and not isinstance(data, (str, Path)):
        files = (ontology_files() if ontology else []) + [Path(p) for p in data]
    else:
        files = source_files(data, ontology=ontology)
    return load_files(files)
