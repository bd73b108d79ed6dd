"""``kg serve``: the graph as a read-only SPARQL 1.1 Protocol endpoint, with a small page.

Routes::

    GET  /                       the page: type a query or pick a named question
    GET  /sparql?query=...       SPARQL 1.1 Protocol query (also POST, form or direct body)
    GET  /sparql                 the service description (Turtle, sd: vocabulary)
    GET  /queries                the named questions (JSON)
    GET  /queries/NAME?p=v       one named question, its parameters from the query string
    GET  /graph.html?view=...    the relationship picture (kg.render.pictures's offline page)
    GET  /static/FILE            the page's own assets (nothing comes from a CDN)

Why worker processes. Python threads cannot be interrupted, and rdflib's evaluator is pure
Python: a runaway query in a thread would keep a core busy after its client had been told
"timeout". So queries run in a small pool of worker processes, each holding its own graph
(the memory store parses the data once per worker; an Oxigraph store is opened read-only by
each). The HTTP threads only parse requests and wait: when a query passes the time limit its
worker is killed and a fresh one started, while the other workers go on serving. The pool
also gives rdflib real parallelism, which threads under the GIL would not.

Safety: the query text goes through :func:`kg.query.execute.run`, which refuses updates, FROM,
FROM NAMED and SERVICE; the protocol's ``default-graph-uri``/``named-graph-uri`` and
``update`` are refused here. Bound to 127.0.0.1 unless told otherwise; CORS off unless
enabled; a time limit and a result-size limit, both configurable.
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import os
import queue
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

STATIC_DIR = Path(__file__).resolve().parent / "static"
STATIC_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
}
MAX_BODY = 1_000_000  # bytes of a POSTed query

#: media types a client may ask for -> format name, per kind of answer.
RESULT_TYPES: dict[str, str] = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_TYPES: dict[str, str] = {
    "text/turtle": "ttl",
    "application/x-turtle": "ttl",
    "application/ld+json": "jsonld",
    "application/json": "jsonld",
    "application/n-triples": "nt",
    "text/plain": "nt",
    "application/rdf+xml": "rdfxml",
}
DEFAULT = {"results": "json", "graph": "ttl"}

#: what ``format=``/``output=`` names (SPARQLWrapper sends them) mean for each kind.
_FORMAT_ALIASES: dict[str, dict[str, str]] = {
    "results": {"json": "json", "xml": "xml", "csv": "csv", "tsv": "tsv", "srj": "json"},
    "graph": {
        "turtle": "ttl",
        "ttl": "ttl",
        "json-ld": "jsonld",
        "jsonld": "jsonld",
        "json": "jsonld",
        "nt": "nt",
        "n-triples": "nt",
        "ntriples": "nt",
        "xml": "rdfxml",
        "rdf+xml": "rdfxml",
        "rdfxml": "rdfxml",
    },
}


@dataclass
class ServeConfig:
    """Everything ``kg serve`` can be told; the defaults are the safe ones."""

    store: str = "memory"
    data_dir: Path | None = None
    host: str = "127.0.0.1"
    port: int = 8000
    timeout: float = 10.0  # seconds a query may run
    max_rows: int = 10_000  # rows of a SELECT, triples of a CONSTRUCT
    workers: int = field(default_factory=lambda: max(1, min(4, os.cpu_count() or 1)))
    cors: bool = False
    queries_dir: Path | None = None
    queue_wait: float = 30.0  # seconds a request may wait for a free worker


@dataclass
class Reply:
    """An HTTP answer as plain data, so it crosses the process boundary by pickling."""

    status: int
    content_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


def error_reply(status: int, code: str, message: str, **extra: Any) -> Reply:
    body = json.dumps({"error": code, "message": message, **extra}, ensure_ascii=False)
    return Reply(status, "application/json; charset=utf-8", (body + "\n").encode("utf-8"))


# -------------------------------------------------------------------------------------------
# Content negotiation


def parse_accept(accept: str | None) -> list[str]:
    """Media ranges of an Accept header, best first (by q, then by order given)."""
    if not accept:
        return ["*/*"]
    ranges = []
    for index, part in enumerate(accept.split(",")):
        pieces = [p.strip() for p in part.split(";")]
        media = pieces[0].lower()
        q = 1.0
        for param in pieces[1:]:
            if param.startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        if media and q > 0:
            ranges.append((-q, index, media))
    return [m for _, _, m in sorted(ranges)] or ["*/*"]


def negotiate(kind: str, accept: str | None = None, explicit: str | None = None) -> str | None:
    """The format name to answer in, for a ``results`` or ``graph`` answer; None if the
    client accepts nothing we can write (406). ``explicit`` (``format=`` / ``output=``) wins.
    """
    if explicit:
        alias = _FORMAT_ALIASES[kind].get(explicit.lower())
        if alias:
            return alias
        table = RESULT_TYPES if kind == "results" else GRAPH_TYPES
        return table.get(explicit.lower())
    table = RESULT_TYPES if kind == "results" else GRAPH_TYPES
    for media in parse_accept(accept):
        if media in table:
            return table[media]
        if media == "*/*" or media.endswith("/*"):
            major = media.split("/")[0]
            if major == "*" or any(t.startswith(major + "/") for t in table):
                preferred = [t for t, n in table.items() if n == DEFAULT[kind]]
                if major == "*" or preferred[0].startswith(major + "/"):
                    return DEFAULT[kind]
                return next(n for t, n in table.items() if t.startswith(major + "/"))
    return None


# -------------------------------------------------------------------------------------------
# Work done inside a worker (or in-process, for tests): a job in, a Reply out


def execute(graph: Any, job: dict[str, Any]) -> Reply:
    """Run one job on ``graph``. Jobs: ``query`` (text or a named question), ``graph.html``
    (the relationship picture) and ``info`` (the triple count)."""
    from kg.errors import KgError

    try:
        if job["kind"] == "info":
            return Reply(200, "application/json", json.dumps({"triples": len(graph)}).encode())
        if job["kind"] == "graph.html":
            return _picture(graph, job)
        return _answer(graph, job)
    except KgError as exc:
        return error_reply(400, "bad-request", str(exc))
    except Exception as exc:  # a bug or a store failure: answer, and keep the worker alive
        message = " ".join(str(exc).split()) or type(exc).__name__
        return error_reply(500, "internal-error", f"{type(exc).__name__}: {message}")


def _question(job: dict[str, Any]) -> Any:
    from kg.query import catalogue

    return catalogue.find(job["question"], job.get("queries_dir"))


def _answer(graph: Any, job: dict[str, Any]) -> Reply:
    from kg.errors import UsageError
    from kg.query import run
    from kg.render import formats

    q = None
    if job.get("question"):
        q = _question(job)
        text, where = q.text, f"{q.name}.rq"
    else:
        text, where = job["text"], "query"
    result = run(graph, text, job.get("params") or {}, question=q, where=where)
    kind = "graph" if result.type in ("CONSTRUCT", "DESCRIBE") else "results"
    name = negotiate(kind, job.get("accept"), job.get("format"))
    if result.type == "ASK" and name in ("csv", "tsv"):
        name = None if job.get("format") else "json"
    if name is None:
        wanted = job.get("format") or job.get("accept") or ""
        choices = sorted(set((RESULT_TYPES if kind == "results" else GRAPH_TYPES).values()))
        return error_reply(
            406,
            "not-acceptable",
            f"a {result.type} answer cannot be written as {wanted!r}; "
            f"ask for one of: {', '.join(choices)}",
        )
    size = _size(result)
    limit = job.get("max_rows")
    if limit is not None and size > limit:
        unit = "triples" if kind == "graph" else "rows"
        return error_reply(
            413,
            "result-too-large",
            f"the answer has {size} {unit}, more than this server's limit of {limit}; "
            "add a LIMIT (and OFFSET to page), or start kg serve with a larger --max-rows",
            size=size,
            limit=limit,
        )
    try:
        body = formats.render_result(result, name)
    except UsageError as exc:
        return error_reply(406, "not-acceptable", str(exc))
    fmt = formats.get(name)
    content_type = fmt.media_type
    if content_type.startswith("text/") or "json" in content_type or "xml" in content_type:
        content_type += "; charset=utf-8"
    return Reply(200, content_type, body, {"X-Result-Size": str(size)})


def _size(result: Any) -> int:
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return len(result.graph)
    if result.type == "ASK":
        return 1
    return len(result.bindings)


def _picture(graph: Any, job: dict[str, Any]) -> Reply:
    """kg.render.pictures's offline page for a view of the graph, or for a CONSTRUCT question."""
    from kg.query import run
    from kg.render import network
    from kg.render import pictures as viz

    if job.get("question"):
        q = _question(job)
        result = run(graph, q.text, job.get("params") or {}, question=q, where=f"{q.name}.rq")
        if result.type not in ("CONSTRUCT", "DESCRIBE"):
            from kg.errors import UsageError

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


def _worker_main(conn: Any, store: str, data_dir: str | None) -> None:
    """A worker process: open the graph once, then answer jobs until the pipe closes."""
    try:
        from kg.stores import open_graph

        graph = open_graph(store, Path(data_dir) if data_dir else None)
        conn.send(("ready", len(graph)))
    except Exception as exc:
        conn.send(("failed", str(exc) or type(exc).__name__))
        return
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        conn.send(execute(graph, job))


# -------------------------------------------------------------------------------------------
# The pool


class WorkerFailed(Exception):
    pass


class _Worker:
    def __init__(self, ctx: Any, store: str, data_dir: Path | None) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(
            target=_worker_main,
            args=(child, store, str(data_dir) if data_dir else None),
            daemon=True,
        )
        self.process.start()
        child.close()

    def wait_ready(self, timeout: float) -> int:
        if not self.conn.poll(timeout):
            self.kill()
            raise WorkerFailed(f"the worker did not open the store within {timeout:.0f} s")
        try:
            status, value = self.conn.recv()
        except EOFError:
            raise WorkerFailed("the worker died while opening the store") from None
        if status != "ready":
            self.kill()
            raise WorkerFailed(value)
        return int(value)

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.conn.send(None)
        self.process.join(2)
        self.kill()


class WorkerPool:
    """A fixed number of worker processes, one job at a time each; see the module docstring.

    A worker whose job passes the deadline is killed and replaced in the background.
    """

    def __init__(
        self, store: str, data_dir: Path | None, size: int, *, start_timeout: float = 300
    ) -> None:
        # forkserver: a worker is forked from a clean single-threaded process, never from
        # this one, whose HTTP threads may hold locks at the moment of a fork.
        method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else None
        self._ctx = multiprocessing.get_context(method)
        if method == "forkserver":
            self._ctx.set_forkserver_preload(
                ["rdflib", "kg.query.execute", "kg.render.formats", "kg.stores"]
            )
        self.store, self.data_dir, self.size = store, data_dir, size
        self.start_timeout = start_timeout
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        self.triples = 0
        self.replaced = 0
        workers = [self._spawn() for _ in range(size)]
        try:
            for w in workers:
                self.triples = w.wait_ready(start_timeout)
                self._idle.put(w)
        except WorkerFailed:
            self.close()
            raise

    def _spawn(self) -> _Worker:
        w = _Worker(self._ctx, self.store, self.data_dir)
        with self._lock:
            self._all.add(w)
        return w

    def _replace(self, dead: _Worker) -> None:
        with self._lock:
            self._all.discard(dead)
            if self._closed:
                return
            self.replaced += 1

        def start() -> None:
            while not self._closed:
                w = self._spawn()
                try:
                    w.wait_ready(self.start_timeout)
                except WorkerFailed:
                    with self._lock:
                        self._all.discard(w)
                    time.sleep(1)
                    continue
                self._idle.put(w)
                return

        threading.Thread(target=start, name="kg-worker-start", daemon=True).start()

    def run(self, job: dict[str, Any], timeout: float, *, wait: float = 30.0) -> Reply:
        """Run ``job`` in an idle worker; a 503 if none frees up within ``wait`` seconds or
        the job runs past ``timeout`` seconds (its worker is then killed and replaced).

        The time limit counts running time only: under load a request may queue for a
        worker, and a cheap question should not time out because others came first.
        """
        try:
            worker = self._idle.get(timeout=wait)
        except queue.Empty:
            return error_reply(
                503,
                "busy",
                f"every worker stayed busy for {wait:g} s; try again shortly",
            )
        left = timeout
        try:
            worker.conn.send(job)
            if worker.conn.poll(left):
                reply = worker.conn.recv()
                self._idle.put(worker)
                return reply
        except (EOFError, OSError, BrokenPipeError):
            worker.kill()
            self._replace(worker)
            return error_reply(500, "worker-died", "the worker running the query died")
        worker.kill()
        self._replace(worker)
        return error_reply(
            503,
            "timeout",
            f"the query ran longer than this server's limit of {timeout:g} s and was "
            "stopped; narrow it (a LIMIT, fewer OPTIONALs) or start kg serve with a "
            "larger --timeout",
            limit=timeout,
        )

    def close(self) -> None:
        with self._lock:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
        for w in workers:
            w.stop()


# -------------------------------------------------------------------------------------------
# HTTP


class KgServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, config: ServeConfig, pool: WorkerPool, *, quiet: bool = False) -> None:
        self.config = config
        self.pool = pool
        self.quiet = quiet
        super().__init__((config.host, config.port), Handler)

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    @property
    def url(self) -> str:
        host = self.config.host if ":" not in self.config.host else f"[{self.config.host}]"
        return f"http://{host}:{self.port}"


class Handler(BaseHTTPRequestHandler):
    server: KgServer
    server_version = "summit-kg"
    protocol_version = "HTTP/1.1"

    # --- plumbing --------------------------------------------------------------------

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib name
        if not self.server.quiet:
            sys.stderr.write(f"{self.address_string()} {format % args}\n")

    def _send(self, reply: Reply, *, head: bool = False) -> None:
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        if self.server.config.cors:
            self.send_header("Access-Control-Allow-Origin", "*")
        for key, value in reply.headers.items():
            self.send_header(key, value)
        self.end_headers()
        if not head:
            self.wfile.write(reply.body)

    def _query_args(self) -> tuple[str, dict[str, list[str]]]:
        parts = urllib.parse.urlsplit(self.path)
        return parts.path, urllib.parse.parse_qs(parts.query, keep_blank_values=True)

    def _job(self, **job: Any) -> Reply:
        cfg = self.server.config
        job.setdefault("max_rows", cfg.max_rows)
        job.setdefault("queries_dir", str(cfg.queries_dir) if cfg.queries_dir else None)
        return self.server.pool.run(job, cfg.timeout, wait=max(cfg.timeout, cfg.queue_wait))

    # --- verbs ------------------------------------------------------------------------

    def do_OPTIONS(self) -> None:  # noqa: N802
        if not self.server.config.cors:
            self._send(error_reply(405, "method-not-allowed", "CORS is off on this server"))
            return
        self.send_response(204)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_HEAD(self) -> None:  # noqa: N802
        self._send(self._route_get(), head=True)

    def do_GET(self) -> None:  # noqa: N802
        self._send(self._route_get())

    def do_POST(self) -> None:  # noqa: N802
        path, args = self._query_args()
        if path != "/sparql":
            self._send(error_reply(405, "method-not-allowed", f"POST is not allowed on {path}"))
            return
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            self._send(
                error_reply(413, "request-too-large", f"a query may be at most {MAX_BODY} bytes")
            )
            self.close_connection = True
            return
        raw = self.rfile.read(length) if length else b""
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if ctype == "application/sparql-query":
            text = raw.decode("utf-8", errors="replace")
        elif ctype == "application/x-www-form-urlencoded":
            form = urllib.parse.parse_qs(raw.decode("utf-8", errors="replace"))
            for key, values in form.items():
                args.setdefault(key, []).extend(values)
            text = None
        elif ctype == "application/sparql-update":
            self._send(_read_only())
            return
        else:
            self._send(
                error_reply(
                    415,
                    "unsupported-media-type",
                    "POST a query as application/sparql-query or as an "
                    "application/x-www-form-urlencoded form with query=...",
                )
            )
            return
        self._send(self._sparql(args, text))

    # --- routes -----------------------------------------------------------------------

    def _route_get(self) -> Reply:
        path, args = self._query_args()
        if path in ("/", "/index.html"):
            return _static("index.html", csp=True)
        if path.startswith("/static/"):
            return _static(path[len("/static/") :])
        if path == "/sparql":
            if "query" not in args and "update" not in args:
                return self._description()
            return self._sparql(args, None)
        if path in ("/queries", "/queries/"):
            return _catalogue(self.server.config.queries_dir)
        if path.startswith("/queries/"):
            name = urllib.parse.unquote(path[len("/queries/") :])
            fmt = _first(args, "format") or _first(args, "output")
            params = {k: v[-1] for k, v in args.items() if k not in ("format", "output")}
            return self._job(
                kind="query",
                question=name,
                params=params,
                accept=self.headers.get("Accept"),
                format=fmt,
            )
        if path == "/graph.html":
            params = {
                k: v[-1] for k, v in args.items() if k not in ("view", "focus", "depth", "question")
            }
            return self._job(
                kind="graph.html",
                view=_first(args, "view"),
                focus=_first(args, "focus"),
                depth=_first(args, "depth"),
                question=_first(args, "question"),
                params=params,
                max_rows=None,
            )
        if path == "/favicon.ico":
            return Reply(204, "image/x-icon", b"")
        return error_reply(404, "not-found", f"nothing at {path}; try / or /sparql")

    def _sparql(self, args: dict[str, list[str]], text: str | None) -> Reply:
        if "update" in args:
            return _read_only()
        for refused in ("default-graph-uri", "named-graph-uri"):
            if args.get(refused):
                return error_reply(
                    400,
                    "bad-request",
                    f"{refused} is refused: this endpoint answers from its one graph only",
                )
        if text is None:
            values = args.get("query") or []
            if len(values) != 1:
                return error_reply(
                    400, "bad-request", "give exactly one query= parameter (SPARQL 1.1 Protocol)"
                )
            text = values[0]
        fmt = _first(args, "format") or _first(args, "output") or _first(args, "results")
        return self._job(kind="query", text=text, accept=self.headers.get("Accept"), format=fmt)

    def _description(self) -> Reply:
        from kg.render import formats

        host = self.headers.get("Host") or f"{self.server.config.host}:{self.server.port}"
        endpoint = f"http://{host}/sparql"
        ttl = service_description(endpoint, self.server.pool.triples)
        name = negotiate("graph", self.headers.get("Accept")) or "ttl"
        if name == "ttl":
            return Reply(200, "text/turtle; charset=utf-8", ttl.encode("utf-8"))
        from rdflib import Graph

        graph = Graph().parse(data=ttl, format="turtle")
        return Reply(200, formats.get(name).media_type, formats.render_graph(graph, name))


def _first(args: dict[str, list[str]], key: str) -> str | None:
    values = args.get(key)
    return values[-1] if values else None


def _read_only() -> Reply:
    return error_reply(403, "read-only", "this endpoint is read-only: SPARQL Update is refused")


def _static(name: str, *, csp: bool = False) -> Reply:
    path = (STATIC_DIR / name).resolve()
    if path.parent != STATIC_DIR or path.suffix not in STATIC_TYPES or not path.is_file():
        return error_reply(404, "not-found", f"no asset {name!r}")
    headers = {"Cache-Control": "no-cache"}
    if csp:
        headers["Content-Security-Policy"] = (
            "default-src 'self'; frame-src 'self'; img-src 'self' data:; object-src 'none'"
        )
    return Reply(200, STATIC_TYPES[path.suffix], path.read_bytes(), headers)


def _catalogue(folder: Path | None) -> Reply:
    from kg.errors import KgError
    from kg.query import catalogue

    try:
        questions = catalogue.catalogue(folder)
    except KgError as exc:
        return error_reply(500, "bad-catalogue", str(exc))
    items = [
        {
            "name": q.name,
            "title": q.title,
            "description": q.description,
            "kind": _kind_of(q.text),
            "params": [
                {"name": p.name, "required": p.required, "type": p.type, "help": p.description}
                for p in q.params
            ],
            "url": f"/queries/{q.name}",
        }
        for q in questions.values()
    ]
    body = json.dumps(items, indent=1, ensure_ascii=False) + "\n"
    return Reply(200, "application/json; charset=utf-8", body.encode("utf-8"))


def _kind_of(text: str) -> str:
    import re

    body = re.sub(r"(?m)#[^\n]*$", "", text)
    m = re.search(r"\b(SELECT|CONSTRUCT|ASK|DESCRIBE)\b", body, re.IGNORECASE)
    return m.group(1).upper() if m else "SELECT"


_DESCRIPTION = (
    "summit-kg: the Second China–Central Asia Summit (Astana, 2025). Read-only: FROM, "
    "FROM NAMED, SERVICE and updates are refused."
)


def service_description(endpoint: str, triples: int) -> str:
    """The SPARQL 1.1 Service Description of this endpoint, in Turtle."""
    results = [
        "SPARQL_Results_JSON",
        "SPARQL_Results_XML",
        "SPARQL_Results_CSV",
        "SPARQL_Results_TSV",
        "Turtle",
        "JSON-LD",
        "N-Triples",
        "RDF_XML",
    ]
    kinds = ", ".join(f"<http://www.w3.org/ns/formats/{r}>" for r in results)
    return f"""@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix void: <http://rdfs.org/ns/void#> .
@prefix dcterms: <http://purl.org/dc/terms/> .

<{endpoint}> a sd:Service ;
    sd:endpoint <{endpoint}> ;
    sd:supportedLanguage sd:SPARQL11Query ;
    sd:resultFormat {kinds} ;
    dcterms:description "{_DESCRIPTION}" ;
    sd:defaultDataset [
        a sd:Dataset ;
        sd:defaultGraph [ a sd:Graph ; void:triples {triples} ]
    ] .
"""


# -------------------------------------------------------------------------------------------
# Starting and stopping


def start(config: ServeConfig, *, quiet: bool = True) -> KgServer:
    """Start the pool and the HTTP server in a background thread; ``server.shutdown_all()``
    stops both. For tests, benchmarks and notebooks (``port=0`` picks a free port)."""
    pool = WorkerPool(config.store, config.data_dir, config.workers)
    try:
        server = KgServer(config, pool, quiet=quiet)
    except OSError:
        pool.close()
        raise
    thread = threading.Thread(target=server.serve_forever, name="kg-serve", daemon=True)
    thread.start()
    return server


def shutdown(server: KgServer) -> None:
    server.shutdown()
    server.server_close()
    server.pool.close()


def is_loopback(host: str) -> bool:
    return host in ("127.0.0.1", "::1", "localhost") or host.startswith("127.")
