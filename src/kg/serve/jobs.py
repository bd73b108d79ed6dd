"""What a worker does with a job: a job (a plain dict) in, a :class:`Reply` out.

Jobs: ``query`` (SPARQL text or a named question, answered in the negotiated format),
``graph.html`` (the relationship picture), ``page`` (a browsing page or a resource's
description, :mod:`kg.serve.browse`) and ``info`` (the triple count). Runs inside a
worker process, or in-process for tests; every failure becomes a one-line JSON reply, so
a worker never dies of a bad query:

* a :class:`kg.errors.KgError` (syntax, refused SERVICE/FROM/update, a bad parameter) or a
  RecursionError anywhere (a query nested too deeply for a parser, should the check ever
  let one through) is the asker's to fix: 400;
* a MemoryError (the worker's address-space cap, :mod:`kg.serve.workers`) is 507, and the
  reply asks for the worker to be replaced;
* a :class:`kg.limits.QueryTimeout` (should an engine keep its own time) is 503;
* an answer over the row limit or the byte limit is 413;
* anything else is a bug or a store failure: 500, one line.
"""

from __future__ import annotations

import json
from typing import Any

from kg.serve.config import human_size
from kg.serve.negotiation import negotiate, types_for
from kg.serve.reply import Reply, error_reply

GRAPH_KINDS = ("CONSTRUCT", "DESCRIBE")


def execute(graph: Any, job: dict[str, Any], asked: Any = None) -> Reply:
    """Run one job on ``graph``; see the module docstring for what each failure gives.

    ``asked`` is the graph that answers questions, if not ``graph`` itself: the memory
    store's data in an in-memory Oxigraph store (:func:`kg.stores.open_query_graph`).
    """
    from kg.errors import KgError
    from kg.limits import QueryTimeout

    starved = False
    try:
        reply = _dispatch(graph, job, graph if asked is None else asked)
    except MemoryError:
        starved = True
    except RecursionError:
        return _too_deep()
    except QueryTimeout as exc:
        return error_reply(503, "timeout", str(exc))
    except KgError as exc:
        if _caused_by(exc, MemoryError):
            starved = True
        elif _caused_by(exc, RecursionError):
            return _too_deep()
        else:
            return error_reply(400, "bad-request", str(exc))
    except Exception as exc:  # a bug or a store failure: answer, and keep the worker alive
        message = " ".join(str(exc).split()) or type(exc).__name__
        return error_reply(500, "internal-error", f"{type(exc).__name__}: {message}")
    if starved:  # built outside the except block, once the query's frames are freed
        return out_of_memory(job.get("max_memory"))
    return _cap_bytes(reply, job.get("max_bytes"))


def _dispatch(graph: Any, job: dict[str, Any], asked: Any) -> Reply:
    if job["kind"] == "info":
        return Reply(200, "application/json", json.dumps({"triples": len(graph)}).encode())
    if job["kind"] == "graph.html":
        return _picture(graph, job)
    if job["kind"] == "page":
        from kg.serve.browse import page

        return page(graph, job)
    return _written(asked, job) or _answer(asked, job)


def _caused_by(exc: BaseException, kind: type[BaseException]) -> bool:
    """Whether ``kind`` is behind ``exc``: kg.query wraps an engine's failure in a
    UsageError (``from None``, which still keeps ``__context__``)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, kind):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False


def _too_deep() -> Reply:
    return error_reply(
        400,
        "bad-request",
        "the query nests brackets too deeply to be read; flatten it "
        "(no question about this graph needs that depth)",
    )


def out_of_memory(limit: int | None) -> Reply:
    """507: the query passed the worker's memory cap (a MemoryError, or Oxigraph's abort)."""
    size = f" of {human_size(limit)}" if limit else ""
    reply = error_reply(
        507,
        "out-of-memory",
        f"the query needed more than this server's memory limit{size} per worker and was "
        "stopped; narrow it (a LIMIT, fewer unbound patterns) or start kg serve with a "
        "larger --max-memory",
        limit=limit,
    )
    reply.retire = True
    return reply


def _cap_bytes(reply: Reply, limit: int | None) -> Reply:
    if reply.status != 200 or limit is None or len(reply.body) <= limit:
        return reply
    return error_reply(
        413,
        "result-too-large",
        f"the answer is {len(reply.body)} bytes, more than this server's limit of "
        f"{human_size(limit)}; add a LIMIT (and OFFSET to page), or start kg serve with a "
        "larger --max-bytes",
        bytes=len(reply.body),
        limit=limit,
    )


def _question(job: dict[str, Any]) -> Any:
    from kg.query import catalogue

    return catalogue.find(job["question"], job.get("queries_dir"))


def _run(graph: Any, job: dict[str, Any]) -> tuple[Any, Any]:
    """The job's materialised answer and its named question (None for query text).

    No time limit here (``timeout=None``): the pool kills a worker at the server's limit,
    which leaves no evaluator interrupted half-way in a process that goes on serving.
    """
    from kg.query import run

    params = job.get("params") or {}
    if job.get("question"):
        q = _question(job)
        return run(graph, q.text, params, question=q, where=f"{q.name}.rq", timeout=None), q
    return run(graph, job["text"], params, where="query", timeout=None), None


def _written(graph: Any, job: dict[str, Any]) -> Reply | None:
    """The answer written by the engine itself (:func:`kg.query.execute.run_written`), or
    None where only rdflib's rendering gives the right bytes (then :func:`_answer`)."""
    from kg.query.execute import run_written
    from kg.render import formats

    name = negotiate("results", job.get("accept"), job.get("format"))
    if name not in ("json", "xml", "csv"):
        return None
    params = job.get("params") or {}
    if job.get("question"):
        q = _question(job)
        done = run_written(graph, q.text, name, params, question=q, where=f"{q.name}.rq")
    else:
        done = run_written(graph, job["text"], name, params, where="query")
    if done is None:
        return None
    body, size = done
    too_many = _too_many(size, job.get("max_rows"), "results")
    if too_many:
        return too_many
    content_type = formats.get(name).media_type + "; charset=utf-8"
    return Reply(200, content_type, body, {"X-Result-Size": str(size)})


def _answer(graph: Any, job: dict[str, Any]) -> Reply:
    from kg.errors import UsageError
    from kg.render import formats

    result, _ = _run(graph, job)
    kind = "graph" if result.type in GRAPH_KINDS else "results"
    name = negotiate(kind, job.get("accept"), job.get("format"))
    if result.type == "ASK" and name in ("csv", "sparql-tsv"):
        name = None if job.get("format") else "json"
    if name is None:
        wanted = job.get("format") or job.get("accept") or ""
        choices = sorted(set(types_for(kind).values()))
        return error_reply(
            406,
            "not-acceptable",
            f"a {result.type} answer cannot be written as {wanted!r}; "
            f"ask for one of: {', '.join(choices)}",
        )
    size = _size(result)
    too_many = _too_many(size, job.get("max_rows"), kind)
    if too_many:
        return too_many
    try:
        body = formats.render_result(result, name)
    except UsageError as exc:
        return error_reply(406, "not-acceptable", str(exc))
    content_type = formats.get(name).media_type
    if content_type.startswith("text/") or "json" in content_type or "xml" in content_type:
        content_type += "; charset=utf-8"
    return Reply(200, content_type, body, {"X-Result-Size": str(size)})


def _too_many(size: int, limit: int | None, kind: str) -> Reply | None:
    if limit is None or size <= limit:
        return None
    unit = "triples" if kind == "graph" else "rows"
    return error_reply(
        413,
        "result-too-large",
        f"the answer has {size} {unit}, more than this server's limit of {limit}; "
        "add a LIMIT (and OFFSET to page), or start kg serve with a larger --max-rows",
        size=size,
        limit=limit,
    )


def _size(result: Any) -> int:
    if result.type in GRAPH_KINDS:
        return len(result.graph)
    if result.type == "ASK":
        return 1
    return len(result.bindings)


def _picture(graph: Any, job: dict[str, Any]) -> Reply:
    """kg.render.pictures's offline page for a view of the graph, or for a CONSTRUCT question."""
    from kg.errors import UsageError
    from kg.render import network
    from kg.render import pictures as viz

    if job.get("question"):
        result, q = _run(graph, job)
        if result.type not in GRAPH_KINDS:
            raise UsageError(
                f"{q.name} answers with a table, not a graph",
                where="question",
                hint="pick a question whose name ends in -subgraph or -neighbourhood",
            )
        G = network.project_construct(result.graph, graph)
        what = q.title or q.name
    else:
        G = network.project(graph, job.get("view") or "full")
        what = f"{job.get('view') or 'full'} view"
    if job.get("focus"):
        G = network.focus(G, job["focus"], int(job.get("depth") or 1))
        what += f" around {G.nodes[G.graph['focus']]['label']}"
    page = viz.render(G, "html", title=f"summit-kg: {what}")
    return Reply(200, "text/html; charset=utf-8", page)
