"""``serialize()``: a graph or dataset as the bytes of one RDF format, repeatable to the byte.

Exports are committed, diffed and handed to other tools, so every format must parse back
to the same graph (blank nodes included) and the same input must give the same bytes in
any process: the quads are made canonical (:mod:`kg.render.rdf.canonical`) before any
writer sees them, and what a writer still leaves in hash order (N-Triples lines, RDF/XML
namespace declarations) is sorted afterwards.
"""

from __future__ import annotations

import warnings

from rdflib import Dataset, Graph

from kg.render.rdf.canonical import canonical_quads, dataset_of, graph_of, quads_of
from kg.render.rdf.jsonld import to_jsonld
from kg.render.rdf.writers import writer_for


def serialize(
    graph: Graph | Dataset,
    fmt: str,
    *,
    context: bool = True,
    header: str = "",
    keep_graphs: bool | None = None,
) -> bytes:
    """``graph`` in format ``fmt`` (a short name: ttl, jsonld, nt, nq, trig, xml), as bytes.

    Repeatable to the byte. A Dataset keeps its named graphs in N-Quads and TriG (and in
    JSON-LD when ``keep_graphs`` is true); single-graph formats get the union. JSON-LD is
    compacted with the project context (``context=False`` gives expanded JSON-LD).
    ``header`` is written as a comment where the syntax has comments.

    >>> from rdflib import Graph
    >>> g = Graph().parse(data="<urn:a> <urn:b> [ <urn:c> 1 ] .", format="turtle")
    >>> print(serialize(g, "nt").decode(), end="")
    <urn:a> <urn:b> _:b0 .
    _:b0 <urn:c> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .
    """
    spec = writer_for(fmt)
    keep = spec.dataset if keep_graphs is None else keep_graphs
    quads = canonical_quads(quads_of(graph, keep_graphs=keep))
    if spec.name == "jsonld":
        return to_jsonld(quads, context=context)
    target: Graph = dataset_of(quads) if spec.dataset else graph_of(quads)
    if spec.name in ("nt", "nq"):
        text = target.serialize(format=spec.rdflib, encoding="utf-8").decode("utf-8")
        lines = sorted(line for line in text.splitlines() if line.strip())
        body = "".join(line + "\n" for line in lines)
    else:
        with warnings.catch_warnings():
            # rdflib's RDF/XML writer warns that it writes SHACL lists as collections; the
            # round-trip tests show nothing is lost.
            warnings.simplefilter("ignore", UserWarning)
            body = target.serialize(format=spec.rdflib, encoding="utf-8").decode("utf-8")
        if spec.name == "rdfxml":
            body = _sort_xmlns(body)
    return _with_header(body, header, spec.name).encode("utf-8")


def _sort_xmlns(body: str) -> str:
    """rdflib writes the namespace declarations of RDF/XML in hash order; sort them."""
    lines = body.split("\n")
    spans = [i for i, line in enumerate(lines) if line.startswith("  xmlns:")]
    if spans and spans == list(range(spans[0], spans[-1] + 1)):
        last = lines[spans[-1]]
        tail = last[last.index('"', last.index('"') + 1) + 1 :]  # e.g. ">" after the last one
        decls = sorted([lines[i] for i in spans[:-1]] + [last[: len(last) - len(tail)]])
        decls[-1] += tail
        lines[spans[0] : spans[-1] + 1] = decls
    return "\n".join(lines)


def _with_header(body: str, header: str, fmt: str) -> str:
    if not header:
        return body
    if fmt == "rdfxml":
        comment = "<!-- " + header.replace("--", "- -") + " -->\n"
        decl, _, rest = body.partition("\n")
        return decl + "\n" + comment + rest if decl.startswith("<?xml") else comment + body
    return "".join(f"# {line}\n" for line in header.splitlines()) + body
