"""The output formats, by short name, media type and file suffix, and how to write each.

One registry drives ``--format`` choices, the guess from ``-o FILE``'s suffix, the media
types a server negotiates and the docs, so every command spells formats alike.

Two kinds: ``results`` (the answer of a SELECT or ASK query: a table) and ``graph`` (RDF
triples: a CONSTRUCT or DESCRIBE answer, or an export). ``csv``, ``tsv``, ``json`` and
``xml`` are exactly the W3C SPARQL 1.1 result formats; ``table`` and ``md`` are for people.

This module imports rdflib only inside the functions that write RDF, so looking a format up
costs nothing.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import UsageError


@dataclass(frozen=True)
class Format:
    """One output format."""

    name: str
    media_type: str
    suffixes: tuple[str, ...]
    kind: str  # "results" or "graph"
    label: str
    rdflib_name: str = ""  # the serializer's name in rdflib, where rdflib writes it


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("table", "text/plain", (".txt",), "results", "aligned text for people"),
        Format("csv", "text/csv", (".csv",), "results", "W3C SPARQL 1.1 CSV", "csv"),
        Format("tsv", "text/tab-separated-values", (".tsv",), "results", "W3C SPARQL 1.1 TSV"),
        Format(
            "json",
            "application/sparql-results+json",
            (".json", ".srj"),
            "results",
            "W3C SPARQL 1.1 JSON results",
            "json",
        ),
        Format(
            "xml",
            "application/sparql-results+xml",
            (".xml", ".srx"),
            "results",
            "W3C SPARQL 1.1 XML results",
            "xml",
        ),
        Format("md", "text/markdown", (".md",), "results", "a Markdown table"),
        Format("ttl", "text/turtle", (".ttl",), "graph", "Turtle", "turtle"),
        Format("jsonld", "application/ld+json", (".jsonld",), "graph", "JSON-LD", "json-ld"),
        Format("nt", "application/n-triples", (".nt",), "graph", "N-Triples", "nt"),
        Format("nq", "application/n-quads", (".nq",), "graph", "N-Quads", "nquads"),
        Format("trig", "application/trig", (".trig",), "graph", "TriG", "trig"),
        Format("rdfxml", "application/rdf+xml", (".rdf", ".owl"), "graph", "RDF/XML", "xml"),
    )
}

#: What ``kg query`` offers: every results format, and the graph formats the issue names.
QUERY_FORMATS: tuple[str, ...] = ("table", "csv", "tsv", "json", "xml", "md", "ttl", "jsonld", "nt")


def get(name: str, *, allowed: Iterable[str] | None = None, where: str = "--format") -> Format:
    """The format called ``name`` (or with that media type); a clear error otherwise."""
    choices = list(allowed) if allowed is not None else list(FORMATS)
    fmt = FORMATS.get(name.lower()) or next(
        (f for f in FORMATS.values() if f.media_type == name.lower()), None
    )
    if fmt is None or fmt.name not in choices:
        raise UsageError(f"unknown format {name!r}", where=where, hint=f"use {', '.join(choices)}")
    return fmt


def guess(path: Path | str, *, allowed: Iterable[str] | None = None) -> Format | None:
    """The format a file name's suffix implies (``out.csv`` -> csv), or None."""
    suffix = Path(path).suffix.lower()
    choices = set(allowed) if allowed is not None else set(FORMATS)
    return next((f for f in FORMATS.values() if suffix in f.suffixes and f.name in choices), None)


# -------------------------------------------------------------------------------------------
# Plain rows (strings): shared by query results for people and by listings such as kg queries


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())  # one line per row
    return text if len(text) <= width else text[: width - 1] + "…"


def rows_table(header: Sequence[str], rows: Sequence[Sequence[str]], *, max_width: int = 60) -> str:
    """Columns aligned with spaces, a rule under the header; long cells clipped with '…'."""
    cells = [[_clip(c, max_width) for c in row] for row in rows]
    widths = [len(h) for h in header]
    for row in cells:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=False)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=False)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=False)).rstrip() for row in cells
    ]
    return "\n".join(lines) + "\n"


def rows_markdown(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A GitHub-flavoured Markdown table; pipes and line breaks inside cells are escaped."""

    def cell(text: str) -> str:
        return " ".join(text.split()).replace("\\", "\\\\").replace("|", "\\|")

    lines = ["| " + " | ".join(cell(h) for h in header) + " |"]
    lines.append("| " + " | ".join("---" for _ in header) + " |")
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def rows_csv(header: Sequence[str], rows: Sequence[Sequence[str]], *, delimiter: str = ",") -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def render_rows(header: Sequence[str], rows: Sequence[Sequence[str]], fmt: str) -> str:
    """Plain string rows in table, md, csv, tsv or json (a list of objects)."""
    if fmt == "table":
        return rows_table(header, rows)
    if fmt == "md":
        return rows_markdown(header, rows)
    if fmt == "csv":
        return rows_csv(header, rows)
    if fmt == "tsv":
        return rows_csv(header, rows, delimiter="\t")
    if fmt == "json":
        return (
            json.dumps(
                [dict(zip(header, r, strict=False)) for r in rows], indent=2, ensure_ascii=False
            )
            + "\n"
        )
    raise UsageError(f"format {fmt!r} does not apply here", where="--format")


# -------------------------------------------------------------------------------------------
# SPARQL results and graphs (rdflib imported here only)


def compact(term: Any, prefixes: dict[str, str] | None = None) -> str:
    """A term as people read it: ``skgr:china``, a literal's text, ``_:b0``; '' if unbound."""
    from rdflib import BNode, Literal, URIRef

    if term is None:
        return ""
    if isinstance(term, URIRef):
        if prefixes is None:
            from kg.model.namespaces import PREFIXES as prefixes
        iri = str(term)
        best = max(
            ((p, ns) for p, ns in prefixes.items() if iri.startswith(ns)),
            key=lambda item: len(item[1]),
            default=None,
        )
        if best is not None:
            local = iri[len(best[1]) :]
            if local and all(ch.isalnum() or ch in "-_." for ch in local):
                return f"{best[0]}:{local}"
        return f"<{iri}>"
    if isinstance(term, Literal):
        return str(term)
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def _tsv_term(term: Any) -> str:
    """A term in the SPARQL/Turtle syntax the W3C TSV format asks for."""
    from rdflib import BNode, Literal

    if term is None:
        return ""
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        # rdflib's n3() writes long strings with raw tabs and newlines, which TSV cannot hold
        text = str(term)
        for raw, escaped in (
            ("\\", "\\\\"),
            ('"', '\\"'),
            ("\n", "\\n"),
            ("\r", "\\r"),
            ("\t", "\\t"),
        ):
            text = text.replace(raw, escaped)
        if term.language:
            return f'"{text}"@{term.language}'
        if term.datatype is not None:
            return f'"{text}"^^<{term.datatype}>'
        return f'"{text}"'
    return term.n3()


def _tsv(result: Any) -> str:
    if result.type == "ASK":
        raise UsageError(
            "an ASK answer has no TSV form", where="--format", hint="use json, xml, table or md"
        )
    lines = ["\t".join(f"?{v}" for v in result.vars)]
    for row in result:
        lines.append("\t".join(_tsv_term(row[v]) for v in result.vars))
    return "\n".join(lines) + "\n"


def _people_rows(result: Any) -> tuple[list[str], list[list[str]]]:
    if result.type == "ASK":
        return ["answer"], [["true" if result.askAnswer else "false"]]
    from kg.model.namespaces import PREFIXES

    header = [str(v) for v in result.vars]
    rows = [[compact(row[v], PREFIXES) for v in result.vars] for row in result]
    return header, rows


def render_result(result: Any, fmt: Format | str) -> bytes:
    """The bytes of a SPARQL result (rdflib ``Result``) in the given format.

    A SELECT or ASK answer takes a results format, a CONSTRUCT or DESCRIBE one a graph
    format; asking for the other kind is a usage error that names the right choices.
    """
    fmt = fmt if isinstance(fmt, Format) else get(fmt)
    is_graph = result.type in ("CONSTRUCT", "DESCRIBE")
    if is_graph and fmt.kind != "graph":
        choices = ", ".join(n for n in QUERY_FORMATS if FORMATS[n].kind == "graph")
        raise UsageError(
            f"a {result.type} query returns a graph, not a table",
            where="--format",
            hint=f"use {choices}",
        )
    if not is_graph and fmt.kind == "graph":
        choices = ", ".join(n for n in QUERY_FORMATS if FORMATS[n].kind == "results")
        raise UsageError(
            f"a {result.type} query returns a table, not a graph",
            where="--format",
            hint=f"use {choices}",
        )
    if is_graph:
        return render_graph(result.graph, fmt)
    if fmt.name in ("table", "md"):
        header, rows = _people_rows(result)
        return render_rows(header, rows, fmt.name).encode("utf-8")
    if fmt.name == "tsv":
        return _tsv(result).encode("utf-8")
    if fmt.name == "csv" and result.type == "ASK":
        raise UsageError(
            "an ASK answer has no CSV form", where="--format", hint="use json, xml, table or md"
        )
    data = result.serialize(format=fmt.rdflib_name, encoding="utf-8")
    if fmt.name == "json" and not data.endswith(b"\n"):
        data += b"\n"
    return data


def render_graph(graph: Any, fmt: Format | str) -> bytes:
    """The bytes of an rdflib graph in a graph format, with the project's prefixes."""
    fmt = fmt if isinstance(fmt, Format) else get(fmt)
    if fmt.kind != "graph":
        raise UsageError(f"{fmt.name} is not an RDF format", where="--format")
    # One writer for every graph the tool emits: the project's JSON-LD context and the same
    # deterministic bytes as `kg export`.
    from kg.render.export import serialize

    return serialize(graph, "xml" if fmt.name == "rdfxml" else fmt.name)
