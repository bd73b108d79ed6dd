"""``kg load``: bulk-load RDF files into a persistent Oxigraph store."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.cli.options import data_option
from kg.errors import UsageError

EXAMPLES = """\b
Examples:
  kg load --store oxigraph:store/                 # the shipped ontology and data
  kg load --store oxigraph:big/ --replace dump-1.nt dump-2.nt
"""


@click.command(name="load", epilog=EXAMPLES)
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--store",
    required=True,
    metavar="oxigraph:DIR",
    help="The Oxigraph folder to fill (created if missing).",
)
@data_option
@click.option("--replace", is_flag=True, help="Empty the store first.")
@click.option("--append", is_flag=True, help="Add to a store that already holds triples.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def cli(
    files: tuple[Path, ...],
    store: str,
    data_dir: Path | None,
    replace: bool,
    append: bool,
    quiet: bool,
) -> None:
    """Load FILES (Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML) into the Oxigraph
    store, fast, for graphs of millions of triples; without FILES, the ontology and the data
    (--data DIR or the shipped folder). Then use --store oxigraph:DIR with kg query, kg
    queries, kg viz and kg serve.
    """
    from kg.model.sources import source_files
    from kg.stores import STORE_KINDS, load_into_oxigraph, parse_spec

    kind, directory = parse_spec(store)
    if kind != "oxigraph":
        raise UsageError(
            f"kg load fills an Oxigraph store, not {kind}",
            where="--store",
            hint=f"give --store oxigraph:DIR (stores: {', '.join(STORE_KINDS)})",
        )
    if replace and append:
        raise UsageError("give --replace or --append, not both", where="--replace")
    paths = list(files) or source_files(data_dir)
    folder = Path(directory)
    if folder.is_dir() and any(folder.iterdir()) and not (replace or append):
        raise UsageError(
            f"{folder} already holds a store",
            where="--store",
            hint="add --replace to start afresh, or --append to add to it",
        )
    total = sum(p.stat().st_size for p in paths if p.is_file())
    bar = None
    if not quiet:
        bar = click.progressbar(
            length=max(total, 1),
            label=f"loading {len(paths)} file(s)",
            file=sys.stderr,
            show_pos=False,
        )
        bar.__enter__()
    last = 0

    def progress(path: Path, done: int, total_bytes: int) -> None:
        nonlocal last
        if bar is not None:
            bar.update(done - last)
            last = done

    try:
        count = load_into_oxigraph(paths, folder, progress=progress, replace=replace)
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    click.echo(f"{folder}: {count:,} triples", err=True)
