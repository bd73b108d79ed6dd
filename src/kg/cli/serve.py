"""``kg serve``: the browsing pages, Linked Data at /id/SLUG, a query page and a read-only
SPARQL 1.1 endpoint (see :mod:`kg.serve`)."""

from __future__ import annotations

from typing import Any

import click

from kg.cli.evidence import resolve_sources, sources_option
from kg.cli.options import data_option, store_option

EXAMPLES = """\b
Examples:
  kg serve                       # http://127.0.0.1:8000/ (browse), /query, /sparql
  kg serve --sources ../shared/sources   # resource pages show the article's sentences
  kg serve --store oxigraph:store/ --port 8080 --timeout 30 --max-rows 50000
  kg serve --host 0.0.0.0 --allow-host kg.example.org --max-memory 2GiB
"""


@click.command(name="serve", epilog=EXAMPLES)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@store_option
@data_option
@click.option(
    "--timeout",
    default=10.0,
    show_default=True,
    type=click.FloatRange(0.1, None),
    help="Seconds a query may run before it is stopped (503).",
)
@click.option(
    "--max-rows",
    default=10_000,
    show_default=True,
    type=click.IntRange(1, None),
    help="Largest answer served: rows of a table, triples of a graph (else 413).",
)
@click.option(
    "--max-bytes",
    default="50MB",
    show_default=True,
    metavar="SIZE",
    help="Largest answer served, in bytes of its body (else 413): 50MB, 2MiB, 200000.",
)
@click.option(
    "--max-memory",
    default="1GiB",
    show_default=True,
    metavar="SIZE",
    help="Memory a worker may take for a query, beyond the store it holds (else 507 and "
    "the worker is replaced); 'none' for no cap. Enforced on Linux.",
)
@click.option(
    "--workers",
    default=None,
    type=click.IntRange(1, 64),
    help="Worker processes that run queries [default: CPUs, at most 4].",
)
@sources_option
@click.option("--cors", is_flag=True, help="Allow cross-origin requests from any web page.")
@click.option(
    "--allow-host",
    "allow_hosts",
    multiple=True,
    metavar="NAME[:PORT]",
    help="Also answer requests whose Host header is NAME (besides 127.0.0.1, localhost and "
    "[::1]); others get 403, against DNS rebinding. Repeatable.",
)
def cli(**options: Any) -> None:
    """Serve the graph as a read-only SPARQL 1.1 Protocol endpoint at /sparql (GET and
    POST; JSON, XML, CSV or TSV results; Turtle, JSON-LD or N-Triples graphs), the named
    questions at /queries/NAME?param=value, and a page at / to type or pick a question.

    FROM, FROM NAMED, SERVICE and updates are refused. Stop it with Ctrl-C.
    """
    from kg import serve as server
    from kg.errors import UsageError

    config = _config(options)
    host, port = config.host, config.port
    if not server.is_loopback(host):
        click.echo(
            f"warning: listening on {host}: anyone who can reach this address can query",
            err=True,
        )
    click.echo(f"starting {config.workers} worker(s) on the {config.store} store…", err=True)
    try:
        srv = server.start(config, quiet=False)
    except KeyboardInterrupt:
        click.echo("stopped before serving", err=True)
        return
    except server.WorkerFailed as exc:
        raise UsageError(f"cannot open the store: {exc}", where="--store") from None
    except OSError as exc:
        raise UsageError(
            f"cannot listen on {host}:{port}: {exc.strerror}",
            where="--port",
            hint="pick another port with --port, or stop what uses this one",
        ) from None
    import signal

    # before saying "serving": a SIGTERM sent as soon as the line appears must stop cleanly
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    click.echo(
        f"serving {srv.pool.triples:,} triples at {srv.url}/ (endpoint {srv.url}/sparql); "
        "Ctrl-C stops",
        err=True,
    )
    _serve_until_stopped(srv)


def _config(options: dict[str, Any]) -> Any:
    """A ServeConfig from the options, every one checked before any process starts."""
    from kg import serve as server
    from kg.errors import UsageError
    from kg.serve.checks import split_host
    from kg.stores import parse_spec

    parse_spec(options["store"])  # a bad --store is reported before any process starts
    for name in options["allow_hosts"]:
        if split_host(name) is None:
            raise UsageError(
                f"{name!r} is not a host name",
                where="--allow-host",
                hint="give a name or address, optionally with :PORT, e.g. kg.example.org:8000",
            )
    memory = options["max_memory"]
    config = server.ServeConfig(
        store=options["store"],
        data_dir=options["data_dir"],
        host=options["host"],
        port=options["port"],
        timeout=options["timeout"],
        max_rows=options["max_rows"],
        max_bytes=server.parse_size(options["max_bytes"], where="--max-bytes"),
        max_memory=None
        if memory.strip().lower() == "none"
        else server.parse_size(memory, where="--max-memory"),
        cors=options["cors"],
        allow_hosts=tuple(options["allow_hosts"]),
        sources=resolve_sources(options["sources"]),
    )
    if options["workers"] is not None:
        config.workers = options["workers"]
    return config


def _serve_until_stopped(srv: Any) -> None:
    """Wait for Ctrl-C (or SIGTERM), then stop everything with one line."""
    import signal
    import time

    from kg import serve as server

    signal.signal(signal.SIGTERM, signal.default_int_handler)  # as Ctrl-C: stop cleanly
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        click.echo("stopping", err=True)
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not cut it short
        server.shutdown(srv)
