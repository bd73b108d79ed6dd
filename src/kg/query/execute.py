"""Running a checked query on a graph: materialised, time-limited, with rdflib's sandbox
switches on, and the checked text (never the text as given) handed to the engine."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from rdflib import Graph
from rdflib.query import Result
from rdflib.term import Identifier

from kg.errors import KgError, UsageError
from kg.limits import DEFAULT_TIMEOUT, deadline
from kg.model.namespaces import PREFIXES
from kg.query import catalogue
from kg.query.catalogue import Question
from kg.query.check import Checked, check, screen, sealed
from kg.query.params import bind_params
from kg.query.terms import bind_into, substitution_agrees
from kg.stores.spec import engine_of


def run(
    graph: Graph,
    text: str,
    params: Mapping[str, Any] | None = None,
    *,
    question: Question | None = None,
    where: str = "query",
    timeout: float | None = DEFAULT_TIMEOUT,
) -> Result:
    """Check ``text``, bind ``params`` and evaluate it on ``graph``; the answer is materialised.

    The engine runs the checked text: rdflib its compiled form, with parameters as initial
    bindings; Oxigraph and remote endpoints the canonical text with parameters written in as
    a VALUES block (:mod:`kg.query.terms`). ``timeout`` (seconds; None for none) stops it.
    Raises UsageError for anything the person asking can fix, QueryTimeout past the limit.
    """
    engine, checked, bindings = _prepare(graph, text, params, question, where)
    try:
        with deadline(timeout):
            result = _evaluate(graph, engine, checked, bindings, where)
            if result.type == "SELECT":
                result.bindings  # noqa: B018 - evaluate now, while timed
    except KgError:
        raise
    except RecursionError:
        raise UsageError("the query nests too deeply to be run", where=where) from None
    except SyntaxError as exc:  # Oxigraph's parser: rdflib's check words the error
        check(text, where=where)
        raise UsageError(f"the query could not be run: {_words(exc)}", where=where) from None
    except Exception as exc:
        raise UsageError(f"the query could not be run: {_words(exc)}", where=where) from None
    return result


def _prepare(
    graph: Graph,
    text: str,
    params: Mapping[str, Any] | None,
    question: Question | None,
    where: str,
) -> tuple[str, Checked, dict[str, Identifier]]:
    engine = engine_of(graph)
    # Oxigraph parses the text itself: the lexical check suffices (see check.screen)
    checked = screen(text, where=where) if engine == "oxigraph" else check(text, where=where)
    return engine, checked, bind_params(graph, checked, params, question)


def run_written(
    graph: Graph,
    text: str,
    fmt: str,
    params: Mapping[str, Any] | None = None,
    *,
    question: Question | None = None,
    where: str = "query",
) -> tuple[bytes, int] | None:
    """The answer as bytes written by the engine itself, and its row count; or None where
    that does not give what :func:`run` and rdflib's writers give, and the caller should
    render :func:`run`'s answer instead.

    It applies to SELECT and ASK on Oxigraph, in ``json``, ``xml`` or ``csv``, when the
    parameters go in as a VALUES block and no GROUP_CONCAT column needs its language tag
    dropped (:func:`kg.stores.group_concat_columns`). ``kg serve`` answers through it: on a
    cheap question, making rdflib terms of every cell and writing them with rdflib took
    more time than the engine. No time limit here; the caller's pool has one.
    """
    from kg.stores.answers import group_concat_columns
    from kg.stores.oxigraph import oxigraph_of, write_on_oxigraph

    engine, checked, bindings = _prepare(graph, text, params, question, where)
    if engine != "oxigraph" or fmt not in ("json", "xml", "csv"):
        return None
    if _form(checked) not in ("SELECT", "ASK") or (fmt == "csv" and _form(checked) == "ASK"):
        return None
    if bindings and not substitution_agrees(checked.tokens, bindings):
        return None
    if group_concat_columns(checked.text):
        return None
    final = (
        bind_into(checked.text, checked.tokens, checked.starts, bindings)
        if bindings
        else checked.text
    )
    try:
        return write_on_oxigraph(oxigraph_of(graph), final, fmt, PREFIXES)
    except KgError:
        raise
    except SyntaxError as exc:
        check(text, where=where)
        raise UsageError(f"the query could not be run: {_words(exc)}", where=where) from None
    except Exception as exc:
        raise UsageError(f"the query could not be run: {_words(exc)}", where=where) from None


def _form(checked: Checked) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the query's first such keyword."""
    for token in checked.tokens:
        if token.keyword in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"):
            return token.keyword
    return ""


def _words(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def _evaluate(
    graph: Graph, engine: str, checked: Checked, bindings: dict[str, Identifier], where: str
) -> Result:
    if engine in ("memory", "other") or (
        engine == "oxigraph" and bindings and not substitution_agrees(checked.tokens, bindings)
    ):
        # rdflib evaluates its own compiled form (over the Oxigraph triples, if need be),
        # with its switches for FROM and SERVICE off
        compiled = checked.query or check(checked.text, where=where).query
        with sealed():
            result = graph.query(compiled, initBindings=bindings)
            if result.type == "SELECT":
                result.bindings  # noqa: B018 - evaluate now, while sealed
            return result
    text = checked.text
    if bindings:
        text = bind_into(checked.text, checked.tokens, checked.starts, bindings)
    return graph.query(text, initNs=PREFIXES)


def load_question(spec: str | Path) -> tuple[str, Question | None, str]:
    """(text, question or None, where) for a question name, a ``.rq`` path or query text."""
    if isinstance(spec, Path) or (spec.endswith(".rq") and "\n" not in spec):
        q = catalogue.read_question(spec)
        return q.text, q, str(spec)
    if re.fullmatch(r"[\w.-]+", spec):
        q = catalogue.find(spec)
        return q.text, q, str(q.path)
    return spec, None, "query"


def run_named(
    graph: Graph,
    name: str,
    params: Mapping[str, Any] | None = None,
    *,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> Result:
    """Run the named question ``name`` on ``graph`` (the benchmark's entry point)."""
    q = catalogue.find(name)
    return run(graph, q.text, params, question=q, where=str(q.path), timeout=timeout)


def answer_counts(
    graph: Graph, *, timeout: float | None = DEFAULT_TIMEOUT
) -> dict[str, int | None]:
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
        result = run_named(graph, name, timeout=timeout)
        counts[name] = (
            len(result.graph) if result.type in ("CONSTRUCT", "DESCRIBE") else len(result)
        )
    return counts


_GRAPHS: dict[tuple[str, str], Graph] = {}
