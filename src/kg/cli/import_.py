"""``kg import``: merge outside RDF files into a data folder, validated first."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.options import data_option

EXAMPLES = """\b
Examples:
  kg import extra-people.ttl --data data/triples
  kg import wikidata-links.jsonld more.nt --dry-run
"""


@click.command(name="import", epilog=EXAMPLES)
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@data_option
@click.option("--replace", is_flag=True, help="Overwrite an earlier imported-<stem>.ttl.")
@click.option("--dry-run", is_flag=True, help="Parse and validate only; write nothing.")
def cli(files: tuple[Path, ...], data_dir: Path | None, replace: bool, dry_run: bool) -> None:
    """Merge outside RDF files (Turtle, JSON-LD, N-Triples, RDF/XML) into a data folder.

    Each FILE becomes imported-<stem>.ttl in the data folder, holding the triples the folder
    lacks. The merged result must pass the checks of `kg validate` first; on any error
    nothing at all is written and the message names the file, the place and the reason.
    """
    from kg.edit.importer import import_files

    done = import_files(files, data_dir, replace=replace, dry_run=dry_run)
    verb = "would write" if dry_run else "wrote"
    for item in done:
        if item.new:
            click.echo(f"{verb} {item.target} ({item.new} new of {item.triples} triples)", err=True)
        else:
            click.echo(f"{item.source}: all {item.triples} triples already present", err=True)
