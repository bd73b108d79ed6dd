"""``kg serve``: a read-only SPARQL 1.1 endpoint and a small page (see :mod:`kg.serve`)."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.options import data_option, store_option

EXAMPLES = """\b
Examples:
  kg serve                       # http://127.0.0.1:8000/ (page) and /sparql (endpoint)
  kg serve --store oxigraph:store/ --port 8080 --timeout 30 --max-rows 50000
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
    "--workers",
    default=None,
    type=click.IntRange(1, 64),
    help="Worker processes that run queries [default: CPUs, at most 4].",
)
@click.option("--cors", is_flag=True, help="Allow cross-origin requests from any web page.")
def cli(
    host: str,
    port: int,
    store: str,
    data_dir: Path | None,
    timeout: float,
    max_rows: int,
    workers: int | None,
    cors: bool,
) -> None:
    """Serve the graph as a read-only SPARQL 1.1 Protocol endpoint at /sparql (GET and
    POST; JSON, XML, CSV or TSV results; Turtle, JSON-LD or N-Triples graphs), the named
    questions at /queries/NAME?param=value, and a page at / to type or pick a question.

    FROM, FROM NAMED, SERVICE and updates are refused. Stop it with Ctrl-C.
    """
    from kg import serve as server
    from kg.errors import UsageError
    from kg.stores import parse_spec

    parse_spec(store)  # a bad --store is reported before any process starts
    config = server.ServeConfig(
        store=store,
        data_dir=data_dir,
        host=host,
        port=port,
        timeout=timeout,
        max_rows=max_rows,
        cors=cors,
    )
    if workers is not None:
        config.workers = workers
    if not server.is_loopback(host):
        click.echo(
            f"warning: listening on {host}: anyone who can reach this address can query",
            err=True,
        )
    click.echo(f"starting {config.workers} worker(s) on the {store} store…", err=True)
    try:
        srv = server.start(config, quiet=False)
    except server.WorkerFailed as exc:
        raise UsageError(f"cannot open the store: {exc}", where="--store") from None
    except OSError as exc:
        raise UsageError(
            f"cannot listen on {host}:{port}: {exc.strerror}",
            where="--port",
            hint="pick another port with --port, or stop what uses this one",
        ) from None
    click.echo(
        f"serving {srv.pool.triples:,} triples at {srv.url}/ (endpoint {srv.url}/sparql); "
        "Ctrl-C stops",
        err=True,
    )
    import time

    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        click.echo("stopping", err=True)
    finally:
        server.shutdown(srv)
