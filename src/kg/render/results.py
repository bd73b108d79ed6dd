"""A query's answer (an rdflib ``Result``) or a graph, as the bytes of one output format.

SELECT and ASK answers take a results format (the W3C SPARQL 1.1 CSV/TSV/JSON/XML, the
plain TSV, JSON lines or workbook of :mod:`kg.render.tabular`, or a table for people);
CONSTRUCT and DESCRIBE answers take a graph format and go through the
same RDF writer as ``kg export``, so a query's graph and an export agree byte for byte.

May use: :mod:`kg.render.registry`, :mod:`kg.render.tables`, :mod:`kg.render.tabular`,
:mod:`kg.render.rdf`,
:mod:`kg.model.namespaces`, :mod:`kg.errors`. rdflib is imported only inside functions, so
importing this module stays cheap for ``kg query``'s cached path.
"""

from __future__ import annotations

from typing import Any

from kg.errors import UsageError
from kg.render.registry import FORMATS, QUERY_FORMATS, Format, get
from kg.render.tables import render_rows


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


def _csv(result: Any) -> bytes:
    """The W3C SPARQL CSV form, as rdflib's writer gives it (tests compare the two).

    Written here because rdflib's writer lives in ``rdflib.plugins.sparql``, whose import
    (its pyparsing grammar, ~0.2 s) would double the time of ``kg query``'s first answer
    on Oxigraph, which needs no rdflib parser at all.
    """
    import csv
    import io

    from rdflib import BNode

    buffer = io.StringIO()
    out = csv.writer(buffer)
    out.writerow([str(v) for v in result.vars])
    for row in result.bindings:
        cells = (row.get(v) for v in result.vars)
        out.writerow(
            ["" if c is None else f"_:{c}" if isinstance(c, BNode) else str(c) for c in cells]
        )
    return buffer.getvalue().encode("utf-8")


def _people_rows(result: Any) -> tuple[list[str], list[list[str]]]:
    if result.type == "ASK":
        return ["answer"], [["true" if result.askAnswer else "false"]]
    from kg.model.namespaces import PREFIXES, compact

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
    if fmt.name == "sparql-tsv":
        return _tsv(result).encode("utf-8")
    if fmt.name in ("tsv", "jsonl", "xlsx"):
        from kg.render import tabular

        return {"tsv": tabular.to_tsv, "jsonl": tabular.to_jsonl, "xlsx": tabular.to_xlsx}[
            fmt.name
        ](result)
    if fmt.name == "csv" and result.type == "ASK":
        raise UsageError(
            "an ASK answer has no CSV form", where="--format", hint="use json, xml, table or md"
        )
    if fmt.name == "csv":
        return _csv(result)
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
    from kg.render.rdf.serialize import serialize

    return serialize(graph, "xml" if fmt.name == "rdfxml" else fmt.name)
