"""Running a checked query on a graph, materialised, with the rdflib sandbox switches on."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from rdflib import Graph
from rdflib.query import Result

from kg.errors import KgError, UsageError
from kg.model.namespaces import PREFIXES
from kg.query import catalogue
from kg.query.catalogue import Question
from kg.query.check import prepare, sealed
from kg.query.params import bind_params


def _is_memory(graph: Graph) -> bool:
    from rdflib.plugins.stores.memory import Memory, SimpleMemory

    return isinstance(graph.store, (Memory, SimpleMemory))


def run(
    graph: Graph,
    text: str,
    params: Mapping[str, Any] | None = None,
    *,
    question: Question | None = None,
    where: str = "query",
) -> Result:
    """Check ``text``, bind ``params`` and evaluate it on ``graph``; the answer is materialised.

    Raises UsageError for anything the person asking can fix.
    """
    prepared = prepare(text, where=where)
    bindings = bind_params(graph, text, params, question)
    try:
        with sealed():
            if _is_memory(graph):
                result = graph.query(prepared, initBindings=bindings)
            else:  # another store evaluates the (checked) text itself
                result = graph.query(text, initNs=PREFIXES, initBindings=bindings)
            if result.type in ("SELECT",):
                result.bindings  # noqa: B018 - evaluate now, while sealed
    except KgError:
        raise
    except Exception as exc:
        message = " ".join(str(exc).split()) or type(exc).__name__
        raise UsageError(f"the query could not be run: {message}", where=where) from None
    return result


def load_question(spec: str | Path) -> tuple[str, Question | None, str]:
    """(text, question or None, where) for a question name, a ``.rq`` path or query text."""
    if isinstance(spec, Path) or (spec.endswith(".rq") and "\n" not in spec):
        q = catalogue.read_question(spec)
        return q.text, q, str(spec)
    if re.fullmatch(r"[\w.-]+", spec):
        q = catalogue.find(spec)
        return q.text, q, str(q.path)
    return spec, None, "query"


def run_named(graph: Graph, name: str, params: Mapping[str, Any] | None = None) -> Result:
    """Run the named question ``name`` on ``graph`` (the benchmark's entry point)."""
    q = catalogue.find(name)
    return run(graph, q.text, params, question=q, where=str(q.path))


def answer_counts(graph: Graph) -> dict[str, int | None]:
    """How many rows (or triples) each named question gives on ``graph``.

    ``None`` for a question with a required parameter. Run against a freshly loaded store,
    this is a quick check that it holds what the questions expect: an empty answer where
    the shipped data gives rows points at a missing or partial load.
    """
    counts: dict[str, int | None] = {}
    for name, q in catalogue.catalogue().items():
        if any(p.required for p in q.params):
            counts[name] = None
            continue
        result = run_named(graph, name)
        counts[name] = (
            len(result.graph) if result.type in ("CONSTRUCT", "DESCRIBE") else len(result)
        )
    return counts


_GRAPHS: dict[tuple[str, str], Graph] = {}
