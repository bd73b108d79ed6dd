"""Writing the graph out in the standard RDF formats, losslessly and byte-for-byte repeatably.

Why the care: exports are committed, diffed and handed to other tools. So

* every format must parse back to the same graph (blank nodes included);
* the same input must give the same bytes in any process (rdflib labels blank nodes at
  random and Python salts its hashes), so blank nodes get canonical labels and triples
  are written in a fixed order;
* inferred triples are never mixed silently into the data: dataset formats (N-Quads,
  TriG, JSON-LD) put them in their own named graph, and the single-graph formats refuse
  them unless the caller asks for a merge, which is then stated in the file's header.

Named graphs (N-Quads, TriG, and JSON-LD with ``inferred``): the data in
``https://w3id.org/summit-kg/graph/data``, the ontology in ``.../graph/ontology``, the SHACL
shapes in ``.../graph/shapes`` and the OWL 2 RL entailments in ``.../graph/inferred``.

>>> from kg.render.export import export
>>> text = export(fmt="ttl").decode()
>>> "skgr:eternal-friendship-treaty" in text
True
"""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from rdflib import BNode, Dataset, Graph, Literal, URIRef, plugin
from rdflib.namespace import OWL, RDF, RDFS, XSD
from rdflib.plugins.serializers.trig import TrigSerializer
from rdflib.plugins.serializers.turtle import TurtleSerializer
from rdflib.serializer import Serializer
from rdflib.term import Node

from kg.errors import InputError, UsageError
from kg.model import paths
from kg.model.namespaces import PREFIXES, bind_prefixes

GRAPH_BASE = "https://w3id.org/summit-kg/graph/"
DATA_GRAPH = URIRef(GRAPH_BASE + "data")
ONTOLOGY_GRAPH = URIRef(GRAPH_BASE + "ontology")
SHAPES_GRAPH = URIRef(GRAPH_BASE + "shapes")
INFERRED_GRAPH = URIRef(GRAPH_BASE + "inferred")
#: the order named graphs are written in.
GRAPH_ORDER: tuple[URIRef, ...] = (DATA_GRAPH, ONTOLOGY_GRAPH, SHAPES_GRAPH, INFERRED_GRAPH)

FRAMES_DIR: Path = paths.ONTOLOGY_DIR / "frames"

Quad = tuple[Node, Node, Node, URIRef | None]


@dataclass(frozen=True)
class _Writer:
    name: str  # the short name in kg.render.formats
    rdflib: str  # rdflib's serializer
    dataset: bool  # holds named graphs


# Names, media types and suffixes come from kg.render.formats (one registry); what is added here
# is how each is written and whether it holds named graphs. ``xml`` is accepted for rdfxml
# (the spelling), and ``.xml`` files are RDF/XML when exporting a graph.
_WRITERS: dict[str, _Writer] = {
    w.name: w
    for w in (
        _Writer("ttl", "kg-turtle", False),
        _Writer("jsonld", "json-ld", False),
        _Writer("nt", "nt", False),
        _Writer("nq", "nquads", True),
        _Writer("trig", "kg-trig", True),
        _Writer("rdfxml", "pretty-xml", False),
    )
}
_ALIASES = {"xml": "rdfxml", "turtle": "ttl", "json-ld": "jsonld", "ntriples": "nt"}
FORMAT_NAMES: tuple[str, ...] = ("ttl", "jsonld", "nt", "nq", "trig", "xml")


def _keep_decimal_form(label):  # type: ignore[no-untyped-def]
    """Wrap a Turtle serializer's ``label`` so a decimal's lexical form survives.

    rdflib writes ``"8000000000"^^xsd:decimal`` in Turtle shorthand as ``8000000000.0``: the
    same value, another term, so a round trip is no longer isomorphic. The data keeps whole
    decimals in XSD 1.1 canonical form (no ``.0``), which is also what Oxigraph stores; where
    shorthand would change the form, the literal is written in full instead.
    """

    def wrapped(self, node, position):  # type: ignore[no-untyped-def]
        shorthand_changes_it = (
            isinstance(node, Literal)
            and node.datatype == XSD.decimal
            and node._literal_n3(use_plain=True) != str(node)
        )
        if shorthand_changes_it:
            return node._literal_n3(
                use_plain=False, qname_callback=lambda dt: self.get_pname(dt, True)
            )
        return label(self, node, position)

    return wrapped


class KgTurtleSerializer(TurtleSerializer):
    """rdflib's Turtle writer, keeping decimals' lexical forms."""

    label = _keep_decimal_form(TurtleSerializer.label)


class KgTrigSerializer(TrigSerializer):
    """rdflib's TriG writer, keeping decimals' lexical forms."""

    label = _keep_decimal_form(TrigSerializer.label)


plugin.register("kg-turtle", Serializer, __name__, "KgTurtleSerializer")
plugin.register("kg-trig", Serializer, __name__, "KgTrigSerializer")


def _format(fmt: str) -> _Writer:
    from kg.render import formats

    name = _ALIASES.get(fmt.lower(), fmt.lower())
    if name not in _WRITERS:  # a media type names a format too
        name = formats.get(fmt, allowed=_WRITERS, where="--format").name
    return _WRITERS[name]


def media_type(fmt: str) -> str:
    """The media type of a format short name (for HTTP content negotiation)."""
    from kg.render import formats

    return formats.FORMATS[_format(fmt).name].media_type


def format_from_path(path: Path | str) -> str | None:
    """The export format a file's suffix implies, or None."""
    from kg.render import formats

    if Path(path).suffix.lower() == ".xml":
        return "rdfxml"
    found = formats.guess(path, allowed=_WRITERS)
    return found.name if found is not None else None


def resolve_format(fmt: str | None, output: Path | None) -> str:
    """``--format`` if given, else the one ``-o FILE``'s suffix implies, else Turtle."""
    if fmt:
        return _format(fmt).name
    if output is not None:
        guessed = format_from_path(output)
        if guessed is None:
            raise UsageError(
                f"cannot tell the format from {output.name!r}",
                where="-o",
                hint=f"give --format ({', '.join(FORMAT_NAMES)}) or use a known suffix",
            )
        return guessed
    return "ttl"


# --------------------------------------------------------------------------------------
# Entailments
# --------------------------------------------------------------------------------------

_VOCAB = (str(RDF), str(RDFS), str(OWL), str(XSD))
_REFLEXIVE = {OWL.sameAs, OWL.equivalentClass, OWL.equivalentProperty}
_REFLEXIVE |= {RDFS.subClassOf, RDFS.subPropertyOf}
_TOP = {OWL.Thing, RDFS.Resource}


def entailments(graph: Graph) -> Graph:
    """The OWL 2 RL entailments of ``graph`` (data plus ontology) that are worth reading.

    owlrl also derives generalised RDF (literals as subjects), ``x owl:sameAs x`` for every
    resource, membership of owl:Thing, and axioms about the RDF/OWL vocabularies
    themselves; those say nothing about the summit and are left out.
    """
    import owlrl

    closure = Graph()
    for triple in graph:
        closure.add(triple)
    owlrl.DeductiveClosure(
        owlrl.OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False
    ).expand(closure)
    inferred = Graph()
    bind_prefixes(inferred)
    for s, p, o in closure:
        if (s, p, o) in graph or isinstance(s, Literal):
            continue
        if isinstance(s, URIRef) and str(s).startswith(_VOCAB):
            continue
        if (p in _REFLEXIVE and s == o) or o in _TOP:
            continue
        inferred.add((s, p, o))
    return inferred


# --------------------------------------------------------------------------------------
# Assembling what to export
# --------------------------------------------------------------------------------------


def build_dataset(
    data_dir: Path | str | None = None,
    *,
    with_ontology: bool = False,
    inferred: bool = False,
    store: str | None = None,
) -> Dataset:
    """The data (and optionally ontology, shapes, entailments), each in its named graph.

    With a ``store`` other than memory, the data graph is whatever that store holds, read
    with one CONSTRUCT (it may already include the ontology, if it was loaded with it).
    """
    from kg.model.load import data_files, parse_file

    ds = Dataset()
    bind_prefixes(ds)
    data = ds.graph(DATA_GRAPH)
    if store not in (None, "memory"):
        from kg.stores import open_graph

        everything = open_graph(store).query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
        for triple in everything:
            data.add(triple)
    else:
        for f in data_files(data_dir):
            parse_file(f, data)
    ontology = Graph()
    if with_ontology or inferred:
        parse_file(paths.ONTOLOGY_FILE, ontology)
    if with_ontology:
        ontology_graph = ds.graph(ONTOLOGY_GRAPH)
        ontology_graph += ontology
        parse_file(paths.SHAPES_FILE, ds.graph(SHAPES_GRAPH))
    if inferred:
        both = Graph()
        both += data
        both += ontology
        inferred_graph = ds.graph(INFERRED_GRAPH)
        inferred_graph += entailments(both)
    return ds


def _quads(graph: Graph | Dataset, *, keep_graphs: bool) -> list[Quad]:
    """Quads of a graph or dataset; ``keep_graphs=False`` folds everything into one graph."""
    if isinstance(graph, Dataset):
        out: list[Quad] = []
        for s, p, o, g in graph.quads((None, None, None, None)):
            name = g.identifier if hasattr(g, "identifier") else g
            default = name is None or str(name).startswith("urn:x-rdflib:")
            out.append((s, p, o, None if default or not keep_graphs else name))
        return out if keep_graphs else list(dict.fromkeys(out))
    return [(s, p, o, None) for s, p, o in graph]


def _key(term: Node | None) -> tuple[int, str]:
    if term is None:
        return (0, "")
    return ((1 if isinstance(term, URIRef) else 2 if isinstance(term, BNode) else 3), term.n3())


def canonical_quads(quads: Iterable[Quad]) -> list[Quad]:
    """Quads with blank nodes relabelled ``b0, b1, ...`` the same way in every process.

    Labels come from rdflib's canonical hashing (rdflib.compare) of the quads that touch a
    blank node; the graph name is folded into the predicate so that a node's labelling
    depends on which graph each of its statements sits in. Quads without blank nodes do not
    influence the labels, so they are left out of the (costly) hashing.
    """
    from rdflib.compare import to_canonical_graph

    plain: list[Quad] = []
    folded = Graph()
    unfold: dict[URIRef, tuple[Node, URIRef | None]] = {}
    for s, p, o, g in quads:
        if not (isinstance(s, BNode) or isinstance(o, BNode)):
            plain.append((s, p, o, g))
            continue
        fp = URIRef(f"{p}@@{g}") if g is not None else URIRef(str(p))
        unfold[fp] = (p, g)
        folded.add((s, fp, o))
    relabelled = list(to_canonical_graph(folded)) if len(folded) else []
    labels = sorted({t for triple in relabelled for t in triple if isinstance(t, BNode)})
    short = {b: BNode(f"b{i}") for i, b in enumerate(labels)}
    for s, fp, o in relabelled:
        p, g = unfold[fp]
        plain.append((short.get(s, s), p, short.get(o, o), g))
    return sorted(plain, key=lambda q: tuple(_key(t) for t in (q[3], q[0], q[1], q[2])))


class _SortedGraph(Graph):
    """A graph that lists subjects, predicates and objects in a fixed order.

    rdflib's memory store iterates in hash order, which changes between processes; the
    RDF/XML writer walks the graph through these methods, so sorting here makes its
    output repeatable.
    """

    def subjects(self, predicate=None, object=None, unique=False):  # type: ignore[no-untyped-def]
        return iter(sorted(set(super().subjects(predicate, object)), key=_key))

    def predicates(self, subject=None, object=None, unique=False):  # type: ignore[no-untyped-def]
        return iter(sorted(set(super().predicates(subject, object)), key=_key))

    def objects(self, subject=None, predicate=None, unique=False):  # type: ignore[no-untyped-def]
        return iter(sorted(set(super().objects(subject, predicate)), key=_key))

    def predicate_objects(self, subject=None, unique=False):  # type: ignore[no-untyped-def]
        pairs = set(super().predicate_objects(subject))
        return iter(sorted(pairs, key=lambda po: (_key(po[0]), _key(po[1]))))


class _SortedDataset(Dataset):
    """A dataset that lists its named graphs in GRAPH_ORDER (TriG writes them in this order)."""

    def contexts(self, triple=None):  # type: ignore[no-untyped-def]
        return iter(sorted(super().graphs(triple), key=lambda g: _graph_rank(g.identifier)))


def _graph_of(quads: Sequence[Quad]) -> Graph:
    graph = _SortedGraph()
    bind_prefixes(graph)
    for s, p, o, _ in quads:
        graph.add((s, p, o))
    return graph


def _dataset_of(quads: Sequence[Quad]) -> Dataset:
    ds = _SortedDataset()
    bind_prefixes(ds)
    names = sorted({q[3] for q in quads if q[3] is not None}, key=_graph_rank)
    graphs = {name: ds.graph(name) for name in names}
    for s, p, o, g in quads:
        (graphs[g] if g is not None else ds.default_graph).add((s, p, o))
    return ds


def _graph_rank(name: URIRef) -> tuple[int, str]:
    return (GRAPH_ORDER.index(name) if name in GRAPH_ORDER else len(GRAPH_ORDER), str(name))


# --------------------------------------------------------------------------------------
# Serialising
# --------------------------------------------------------------------------------------


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
    spec = _format(fmt)
    keep = spec.dataset if keep_graphs is None else keep_graphs
    quads = canonical_quads(_quads(graph, keep_graphs=keep))
    if spec.name == "jsonld":
        return _jsonld(quads, context=context)
    if spec.name in ("nt", "nq"):
        target: Graph = _dataset_of(quads) if spec.dataset else _graph_of(quads)
        text = target.serialize(format=spec.rdflib, encoding="utf-8").decode("utf-8")
        lines = sorted(line for line in text.splitlines() if line.strip())
        body = "".join(line + "\n" for line in lines)
    else:
        target = _dataset_of(quads) if spec.dataset else _graph_of(quads)
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


@lru_cache(maxsize=1)
def _context_text() -> str:
    try:
        return paths.CONTEXT_FILE.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError("the JSON-LD context is missing", where=str(paths.CONTEXT_FILE)) from None


def load_context() -> dict[str, Any]:
    """The project's JSON-LD context (the value of ``@context`` in ontology/context.jsonld)."""
    return json.loads(_context_text())["@context"]


def _no_network(url: str, options: Any = None) -> Any:
    from pyld.jsonld import JsonLdError

    raise JsonLdError(
        f"refusing to fetch {url}: summit-kg resolves contexts locally",
        "jsonld.LoadDocumentError",
        code="loading document failed",
    )


_INTEGER = re.compile(r"^(0|-?[1-9][0-9]*)$")


def _native(node: Any) -> Any:
    """xsd:integer and xsd:boolean values as JSON numbers and booleans, where lossless.

    pyld's ``useNativeTypes`` also turns doubles into JSON numbers, whose lexical form does
    not survive a round trip; here only canonical integer and boolean forms are converted.
    """
    if isinstance(node, list):
        return [_native(x) for x in node]
    if not isinstance(node, dict):
        return node
    if "@value" in node and set(node) == {"@value", "@type"}:
        value, dtype = node["@value"], node["@type"]
        if dtype == str(XSD.integer) and _INTEGER.match(value) and abs(int(value)) < 2**53:
            return {"@value": int(value)}
        if dtype == str(XSD.boolean) and value in ("true", "false"):
            return {"@value": value == "true"}
        return node
    return {k: _native(v) for k, v in node.items()}


def _expanded(quads: Sequence[Quad]) -> list[Any]:
    from pyld import jsonld

    nquads = _dataset_of(quads).serialize(format="nquads", encoding="utf-8").decode("utf-8")
    nquads = "".join(sorted(line + "\n" for line in nquads.splitlines() if line.strip()))
    expanded = jsonld.from_rdf(nquads, {"format": "application/n-quads"})
    return _native(expanded)


def _sort_nodes(doc: Any) -> Any:
    """Sort every ``@graph`` array by node id, so output order never depends on hashing."""
    if isinstance(doc, list):
        return [_sort_nodes(x) for x in doc]
    if not isinstance(doc, dict):
        return doc
    first = ("@context", "id", "@id", "type", "@type")
    keys = [k for k in first if k in doc] + sorted(k for k in doc if k not in first)
    out = {k: _sort_nodes(doc[k]) for k in keys}
    for k, v in out.items():  # paragraph numbers read 4, 5, 21 rather than 21, 4, 5
        if k != "@list" and isinstance(v, list) and all(_is_int(x) for x in v):
            out[k] = sorted(v)
    if isinstance(out.get("@graph"), list):
        out["@graph"] = sorted(out["@graph"], key=_node_sort_key)
    return out


def _is_int(x: Any) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)


def _node_sort_key(node: Any) -> tuple[int, str]:
    if not isinstance(node, dict):
        return (2, json.dumps(node, sort_keys=True))
    ident = node.get("id", node.get("@id", ""))
    return (1 if ident.startswith("_:") else 0, ident)


def _dump(doc: Any) -> bytes:
    """JSON with the context first, one term per line, so the file reads and diffs well."""
    doc = dict(doc)
    ctx = doc.pop("@context", None)
    body = json.dumps(doc, indent=2, ensure_ascii=False)
    if ctx is not None:
        rest = "\n}" if not doc else "," + body[1:]
        body = '{\n  "@context": ' + _format_context(ctx, "  ") + rest
    return (body + "\n").encode("utf-8")


def _format_context(ctx: Any, indent: str) -> str:
    if isinstance(ctx, list):
        inner = indent + "  "
        items = ",\n".join(inner + _format_context(c, inner) for c in ctx)
        return "[\n" + items + "\n" + indent + "]"
    if not isinstance(ctx, dict):
        return json.dumps(ctx, ensure_ascii=False)
    inner = indent + "  "
    items = ",\n".join(
        f"{inner}{json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}"
        for k, v in ctx.items()
    )
    return "{\n" + items + "\n" + indent + "}"


def _jsonld(quads: Sequence[Quad], *, context: bool) -> bytes:
    from pyld import jsonld

    expanded = _expanded(quads)
    if not context:
        return _dump(_sort_nodes({"@graph": expanded})["@graph"])
    ctx = load_context()
    compacted = jsonld.compact(
        expanded, {"@context": ctx}, {"graph": True, "documentLoader": _no_network}
    )
    compacted["@context"] = ctx
    return _dump(_sort_nodes(compacted))


# --------------------------------------------------------------------------------------
# Framing
# --------------------------------------------------------------------------------------


def frame_names() -> list[str]:
    """The shipped frames (ontology/frames/NAME.jsonld)."""
    return sorted(p.stem for p in FRAMES_DIR.glob("*.jsonld"))


def load_frame(frame: str | Path) -> dict[str, Any]:
    """A frame by name (``agreements``, ``actors``) or path, its context made inline.

    A frame file's ``@context`` may name ``"context.jsonld"``: that entry is replaced by
    the project context, so frames stay short and nothing is fetched from the network.
    """
    path = Path(frame)
    if not path.suffix and (FRAMES_DIR / f"{frame}.jsonld").is_file():
        path = FRAMES_DIR / f"{frame}.jsonld"
    if not path.is_file():
        raise UsageError(
            f"no frame {str(frame)!r}",
            where="--frame",
            hint=f"use one of {', '.join(frame_names())} or a .jsonld frame file",
        )
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(f"not JSON: {exc.msg}", where=f"{path}:{exc.lineno}:{exc.colno}") from None
    ctx = doc.get("@context", [])
    entries = ctx if isinstance(ctx, list) else [ctx]
    doc["@context"] = [load_context() if e == "context.jsonld" else e for e in entries]
    return doc


def expand_iri(name: str) -> str:
    """A CURIE (``skgr:china``) or full IRI as a full IRI."""
    prefix, sep, local = name.partition(":")
    if sep and prefix in PREFIXES and not local.startswith("//"):
        return PREFIXES[prefix] + local
    return name


def frame(
    graph: Graph | Dataset, frame: str | Path | dict[str, Any], *, subject: str | None = None
) -> dict[str, Any]:
    """The graph as nested JSON-LD documents shaped by a JSON-LD 1.1 frame (pyld).

    ``subject`` (a CURIE or IRI) keeps only that node at the top, e.g. one treaty.
    """
    from pyld import jsonld

    doc = load_frame(frame) if not isinstance(frame, dict) else dict(frame)
    if subject is not None:
        doc["@id"] = expand_iri(subject)
    expanded = _expanded(canonical_quads(_quads(graph, keep_graphs=False)))
    framed = jsonld.frame(
        expanded,
        doc,
        {"embed": "@never", "omitDefault": True, "omitGraph": False, "documentLoader": _no_network},
    )
    framed["@context"] = doc["@context"]
    return _sort_nodes(framed)


# --------------------------------------------------------------------------------------
# The whole export, as the CLI runs it
# --------------------------------------------------------------------------------------


def export(
    data_dir: Path | str | None = None,
    *,
    fmt: str = "ttl",
    with_ontology: bool = False,
    inferred: bool = False,
    merge_inferred: bool = False,
    frame_spec: str | Path | None = None,
    subject: str | None = None,
    store: str | None = None,
) -> bytes:
    """The data folder (default: the shipped data), or a ``store``, exported as ``fmt``.

    ``inferred`` adds the OWL 2 RL entailments: in N-Quads, TriG and JSON-LD as the named
    graph .../graph/inferred; Turtle, N-Triples and RDF/XML hold only one graph, so there
    ``merge_inferred`` must say that mixing them in is wanted (the file's header then
    says how many triples are inferred).
    """
    spec = _format(fmt)
    if merge_inferred and not inferred:
        inferred = True
    if merge_inferred and spec.dataset:
        raise UsageError(
            f"{spec.name} keeps inferred triples in their own named graph",
            where="--merge-inferred",
            hint="drop --merge-inferred",
        )
    if inferred and not merge_inferred and spec.name in ("ttl", "nt", "rdfxml"):
        raise UsageError(
            f"{spec.name} holds a single graph, so inferred triples would mix with the data",
            where="--inferred",
            hint="use --format trig, nq or jsonld (named graph), or add --merge-inferred",
        )
    if frame_spec is not None and spec.name != "jsonld":
        raise UsageError("frames shape JSON-LD only", where="--frame", hint="add --format jsonld")
    if subject is not None and frame_spec is None:
        raise UsageError("--subject picks a node of a frame", where="--subject", hint="add --frame")
    ds = build_dataset(data_dir, with_ontology=with_ontology, inferred=inferred, store=store)
    if frame_spec is not None:
        return _dump(frame(ds, frame_spec, subject=subject))
    header = ""
    if merge_inferred:
        count = len(ds.graph(INFERRED_GRAPH))
        header = (
            f"Includes {count} triples inferred by OWL 2 RL (owlrl), merged with the data "
            "on request (--merge-inferred)."
        )
    keep = spec.dataset or (spec.name == "jsonld" and inferred and not merge_inferred)
    return serialize(ds, spec.name, header=header, keep_graphs=keep)
