"""The whole export, as ``kg export`` runs it: assemble the dataset, check options, write.

What is exported is built here (:func:`build_dataset`: data, ontology, shapes and
entailments, each in its named graph); how it is written lives in :mod:`kg.render.rdf`,
whose public names are re-exported so ``kg.render.export`` (and ``kg.export``) stays the
one import for callers.

Inferred triples are never mixed silently into the data: dataset formats (N-Quads, TriG,
JSON-LD) put them in their own named graph, and the single-graph formats refuse them unless
the caller asks for a merge, which is then stated in the file's header.

May use: :mod:`kg.render.rdf`, :mod:`kg.model`, :mod:`kg.stores`, :mod:`kg.errors`.

>>> from kg.render.export import export
>>> text = export(fmt="ttl").decode()
>>> "skgr:eternal-friendship-treaty" in text
True
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Graph

from kg.errors import UsageError
from kg.model import paths
from kg.model.namespaces import bind_prefixes
from kg.render.rdf.canonical import Quad, canonical_quads
from kg.render.rdf.entailment import entailments
from kg.render.rdf.frames import FRAMES_DIR, expand_iri, frame, frame_names, load_frame
from kg.render.rdf.graphs import (
    DATA_GRAPH,
    GRAPH_BASE,
    GRAPH_ORDER,
    INFERRED_GRAPH,
    ONTOLOGY_GRAPH,
    SHAPES_GRAPH,
)
from kg.render.rdf.jsonld import dump, load_context
from kg.render.rdf.serialize import serialize
from kg.render.rdf.writers import (
    FORMAT_NAMES,
    KgTrigSerializer,
    KgTurtleSerializer,
    Writer,
    format_from_path,
    media_type,
    resolve_format,
    writer_for,
)

__all__ = [
    "DATA_GRAPH",
    "FORMAT_NAMES",
    "FRAMES_DIR",
    "GRAPH_BASE",
    "GRAPH_ORDER",
    "INFERRED_GRAPH",
    "ONTOLOGY_GRAPH",
    "SHAPES_GRAPH",
    "KgTrigSerializer",
    "KgTurtleSerializer",
    "Quad",
    "build_dataset",
    "canonical_quads",
    "entailments",
    "expand_iri",
    "export",
    "format_from_path",
    "frame",
    "frame_names",
    "load_context",
    "load_frame",
    "media_type",
    "resolve_format",
    "serialize",
]


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


def _check_options(
    spec: Writer,
    *,
    inferred: bool,
    merge_inferred: bool,
    frame_spec: str | Path | None,
    subject: str | None,
) -> None:
    """Refuse option mixes that would lose or hide something, before any work is done."""
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
    spec = writer_for(fmt)
    inferred = inferred or merge_inferred
    _check_options(
        spec,
        inferred=inferred,
        merge_inferred=merge_inferred,
        frame_spec=frame_spec,
        subject=subject,
    )
    ds = build_dataset(data_dir, with_ontology=with_ontology, inferred=inferred, store=store)
    if frame_spec is not None:
        return dump(frame(ds, frame_spec, subject=subject))
    header = ""
    if merge_inferred:
        count = len(ds.graph(INFERRED_GRAPH))
        header = (
            f"Includes {count} triples inferred by OWL 2 RL (owlrl), merged with the data "
            "on request (--merge-inferred)."
        )
    keep = spec.dataset or (spec.name == "jsonld" and inferred and not merge_inferred)
    return serialize(ds, spec.name, header=header, keep_graphs=keep)
