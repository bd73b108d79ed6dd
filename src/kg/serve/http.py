"""The HTTP server and its handler: reading requests safely, and routing them. Nothing else.

Routes::

    GET  /                       the summit at a glance (the pages of kg site, kg.serve.browse)
    GET  /id/SLUG                a resource: HTML to a browser, RDF to a client asking for it
    GET  /id/SLUG.ttl|.jsonld|.nt  its description as that RDF
    GET  /search?q=...  /class[/NAME]  /article (with --sources)  /assets/FILE
    GET  /query                  the query page: type a query or pick a named question
    GET  /sparql?query=...       SPARQL 1.1 Protocol query (also POST, form or direct body)
    GET  /sparql                 the service description (Turtle, sd: vocabulary)
    GET  /queries                the named questions (HTML to a browser, else JSON)
    GET  /queries/NAME?p=v       one named question: its page to a browser, else its answer
    GET  /queries/NAME.csv|...   its answer in that format
    GET  /graph.html?view=...    the relationship picture (kg.render.pictures's offline page)
    GET  /static/FILE            the query page's own assets (nothing comes from a CDN)

``timeout=SECONDS`` on a query asks for a shorter time limit than the server's (as
Fuseki's does), never a longer one.

Reading is the standard library's (``http.server`` parses the request line and headers,
with its own limits: 64 kB lines, 100 headers). What is added: a socket timeout (an idle or
half-sent request is dropped after ``idle_timeout`` seconds), a total deadline for sending a
request (:mod:`kg.serve.deadlines`), the checks of :mod:`kg.serve.checks` before anything
is read or answered, one JSON line for every error, and one log line, never a traceback,
for a client that goes away.
"""

from __future__ import annotations

import sys
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from kg.serve import checks, pages
from kg.serve.browse import rdf_format as browse_rdf_format
from kg.serve.config import ServeConfig
from kg.serve.deadlines import Deadlines
from kg.serve.description import description_reply
from kg.serve.reply import Reply, error_reply
from kg.serve.workers import WorkerPool

#: query-string keys that are the server's, not a named question's parameters.
RESERVED = ("format", "output", "timeout")
PICTURE_KEYS = ("view", "focus", "depth", "question", "timeout")


class KgServer(ThreadingHTTPServer):
    """One listening socket, a thread per connection, the worker pool behind them."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, config: ServeConfig, pool: WorkerPool, *, quiet: bool = False) -> None:
        self.config = config
        self.pool = pool
        self.quiet = quiet
        super().__init__((config.host, config.port), Handler)
        self.hosts = checks.HostRule(config.host, self.port, config.allow_hosts)
        self.deadlines = Deadlines()

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    @property
    def url(self) -> str:
        return f"http://{checks.bracket(self.config.host)}:{self.port}"

    def log(self, line: str) -> None:
        if not self.quiet:
            sys.stderr.write(line + "\n")

    def handle_error(self, request: Any, client_address: Any) -> None:
        """One line, never socketserver's traceback: a client that went away is routine."""
        exc = sys.exc_info()[1]
        who = client_address[0] if client_address else "a client"
        if isinstance(exc, (ConnectionError, TimeoutError)):
            self.log(f"{who} closed the connection before the answer was sent")
        else:
            self.log(f"{who}: the request failed: {type(exc).__name__}: {exc}")

    def server_close(self) -> None:
        super().server_close()
        self.deadlines.close()


class Handler(BaseHTTPRequestHandler):
    server: KgServer
    server_version = "summit-kg"
    protocol_version = "HTTP/1.1"

    # --- reading a request --------------------------------------------------------------

    def setup(self) -> None:
        self.timeout = self.server.config.idle_timeout  # StreamRequestHandler applies it
        super().setup()

    def handle_one_request(self) -> None:
        self.length: int | None = None  # the body's, once the request is admitted
        self.server.deadlines.watch(self.connection, self.server.config.request_timeout)
        try:
            super().handle_one_request()
        finally:
            self.server.deadlines.forget(self.connection)

    def parse_request(self) -> bool:
        return super().parse_request() and self._admit()

    def handle_expect_100(self) -> bool:
        # Refuse a bad Host or body before inviting the client to send the body.
        return self._admit() and super().handle_expect_100()

    def _admit(self) -> bool:
        """Whether this request may go on: its Host and Content-Length pass the checks."""
        if self.length is not None:
            return True
        try:
            host = self.headers.get("Host")
            if not self.server.hosts.allows(host):
                raise checks.Refused(self.server.hosts.refusal(host or ""))
            self.length = checks.body_length(self.headers)
        except checks.Refused as refused:
            self.close_connection = True
            self._send(refused.reply, head=self.command == "HEAD")
            return False
        if self.length and self.command != "POST":
            self.close_connection = True  # a body nobody reads must not pass for a request
        return True

    def _received(self) -> bool:
        """The whole request is in: stop its deadline; False if it had already passed."""
        if self.server.deadlines.forget(self.connection):
            return True
        self.close_connection = True
        return False

    def _read_body(self) -> bytes | None:
        try:
            raw = self.rfile.read(self.length) if self.length else b""
        except TimeoutError:
            raw = None
        if raw is None or len(raw) < (self.length or 0) or not self._received():
            self.close_connection = True
            self.log_message('"%s" the body did not arrive in time; closed', self.requestline)
            return None
        return raw

    # --- plumbing ---------------------------------------------------------------------

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib name
        self.server.log(f"{self.address_string()} {format % args}")

    def log_error(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib name
        if format.startswith("Request timed out"):
            self.server.log(f"{self.address_string()} closed a silent connection")
        else:
            self.log_message(format, *args)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None):  # type: ignore[no-untyped-def]
        """The standard library's own refusals (414, 431, 400, 501) as one JSON line too."""
        self.close_connection = True
        phrase = message or self.responses.get(code, ("error",))[0]
        slug = "-".join(self.responses.get(code, ("error",))[0].lower().split())
        self._send(error_reply(code, slug, phrase), head=getattr(self, "command", "") == "HEAD")

    def _send(self, reply: Reply, *, head: bool = False) -> None:
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        if self.server.config.cors:
            self.send_header("Access-Control-Allow-Origin", "*")
        for key, value in reply.headers.items():
            self.send_header(key, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if not head:
            self.wfile.write(reply.body)

    def _answer(self, route: Any, *route_args: Any, head: bool = False) -> None:
        try:
            reply = route(*route_args)
        except checks.Refused as refused:
            reply = refused.reply
        self._send(reply, head=head)

    def _query_args(self) -> tuple[str, dict[str, list[str]]]:
        parts = urllib.parse.urlsplit(self.path)
        return parts.path, urllib.parse.parse_qs(parts.query, keep_blank_values=True)

    def _job(self, args: dict[str, list[str]], **job: Any) -> Reply:
        cfg = self.server.config
        asked = checks.number(args, "timeout", 0.1, 1e6)
        timeout = min(asked, cfg.timeout) if asked else cfg.timeout
        job.setdefault("max_rows", cfg.max_rows)
        job.update(max_bytes=cfg.max_bytes, max_memory=cfg.max_memory)
        job.setdefault("queries_dir", str(cfg.queries_dir) if cfg.queries_dir else None)
        return self.server.pool.run(job, timeout, wait=max(cfg.timeout, cfg.queue_wait))

    # --- verbs ------------------------------------------------------------------------

    def do_OPTIONS(self) -> None:  # noqa: N802
        if not self._received():
            return
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
        if self._received():
            self._answer(self._route_get, head=True)

    def do_GET(self) -> None:  # noqa: N802
        if self._received():
            self._answer(self._route_get)

    def do_POST(self) -> None:  # noqa: N802
        raw = self._read_body()
        if raw is not None:
            self._answer(self._route_post, raw)

    # --- routes -----------------------------------------------------------------------

    def _route_get(self) -> Reply:
        path, args = self._query_args()
        if path in ("/query", "/index.html"):
            return pages.static("index.html", csp=True)
        if path.startswith("/static/"):
            return pages.static(path[len("/static/") :])
        if path == "/sparql":
            if "query" not in args and "update" not in args:
                return self._description()
            return self._sparql(args, None)
        if path in ("/queries", "/queries/"):
            if self._wants_html(args):
                return self._browse(args, "questions")
            return pages.catalogue_reply(self.server.config.queries_dir)
        if path.startswith("/queries/"):
            return self._question(urllib.parse.unquote(path[len("/queries/") :]), args)
        if path == "/graph.html":
            return self._picture(args)
        if path == "/favicon.ico":
            return Reply(204, "image/x-icon", b"")
        return self._route_browse(path, args)

    def _route_browse(self, path: str, args: dict[str, list[str]]) -> Reply:
        """The pages kg site writes as files, here as routes (kg.serve.browse)."""
        simple = {"/": "home", "/search": "search", "/article": "article", "/class": "classes"}
        if path in simple:
            return self._browse(args, simple[path], q=_first(args, "q"))
        for prefix, kind in (("/id/", "resource"), ("/class/", "class"), ("/assets/", "asset")):
            if path.startswith(prefix):
                name = urllib.parse.unquote(path[len(prefix) :])
                if not pages.plain_name(name):
                    break
                if kind == "resource":
                    return self._resource(name, args)
                return self._browse(args, kind, name=name)
        return error_reply(404, "not-found", f"nothing at {pages.shorten(path)}; try / or /sparql")

    def _resource(self, name: str, args: dict[str, list[str]]) -> Reply:
        stem, _, suffix = name.rpartition(".")
        if stem and suffix in ("ttl", "jsonld", "nt"):
            return self._browse(args, "describe", name=stem, format=suffix)
        fmt = None if self._wants_html(args) else browse_rdf_format(self.headers.get("Accept"))
        if fmt is None:
            return self._browse(args, "resource", name=name)
        return self._browse(args, "describe", name=name, format=fmt)

    def _question(self, name: str, args: dict[str, list[str]]) -> Reply:
        stem, _, suffix = name.rpartition(".")
        if stem and suffix in ("csv", "tsv", "json", "xml", "ttl", "jsonld", "nt"):
            args = {**args, "format": [suffix]}
            name = stem
        elif self._wants_html(args) and not _first(args, "format"):
            missing = pages.unknown_question(name, self.server.config.queries_dir)
            return missing or self._browse(args, "question", name=name)
        return self._named(name, args)

    def _wants_html(self, args: dict[str, list[str]]) -> bool:
        accept = (self.headers.get("Accept") or "").lower()
        return "format" not in args and ("text/html" in accept or "application/xhtml" in accept)

    def _browse(self, args: dict[str, list[str]], kind: str, **job: Any) -> Reply:
        sources = self.server.config.sources
        return self._job(
            args, kind="page", page=kind, sources=str(sources) if sources else None, **job
        )

    def _route_post(self, raw: bytes) -> Reply:
        path, args = self._query_args()
        if path != "/sparql":
            return error_reply(405, "method-not-allowed", f"POST is not allowed on {path[:60]}")
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if ctype == "application/sparql-query":
            return self._sparql(args, raw.decode("utf-8", errors="replace"))
        if ctype == "application/x-www-form-urlencoded":
            form = urllib.parse.parse_qs(raw.decode("utf-8", errors="replace"))
            for key, values in form.items():
                args.setdefault(key, []).extend(values)
            return self._sparql(args, None)
        if ctype == "application/sparql-update":
            return _read_only()
        return error_reply(
            415,
            "unsupported-media-type",
            "POST a query as application/sparql-query or as an "
            "application/x-www-form-urlencoded form with query=...",
        )

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
        return self._job(
            args, kind="query", text=text, accept=self.headers.get("Accept"), format=fmt
        )

    def _named(self, name: str, args: dict[str, list[str]]) -> Reply:
        missing = pages.unknown_question(name, self.server.config.queries_dir)
        if missing:
            return missing
        return self._job(
            args,
            kind="query",
            question=name,
            params={k: v[-1] for k, v in args.items() if k not in RESERVED},
            accept=self.headers.get("Accept"),
            format=_first(args, "format") or _first(args, "output"),
        )

    def _picture(self, args: dict[str, list[str]]) -> Reply:
        question = _first(args, "question")
        if question:
            missing = pages.unknown_question(question, self.server.config.queries_dir)
            if missing:
                return missing
        return self._job(
            args,
            kind="graph.html",
            view=_first(args, "view"),
            focus=_first(args, "focus"),
            depth=checks.whole(args, "depth", 0, 100),
            question=question,
            params={k: v[-1] for k, v in args.items() if k not in PICTURE_KEYS},
            max_rows=None,
        )

    def _description(self) -> Reply:
        # The Host passed HostRule already; the description escapes it again regardless.
        host = self.headers.get("Host") or self.server.url.removeprefix("http://")
        return description_reply(
            f"http://{host}/sparql", self.server.pool.triples, self.headers.get("Accept")
        )


def _first(args: dict[str, list[str]], key: str) -> str | None:
    values = args.get(key)
    return values[-1] if values else None


def _read_only() -> Reply:
    return error_reply(403, "read-only", "this endpoint is read-only: SPARQL Update is refused")
