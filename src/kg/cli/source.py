"""``kg source add``: register another report as a source, validated before anything is written.

The work is :func:`kg.edit.sources.add_source`; this module parses options and prints.
"""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.options import data_option

EXAMPLES = """\b
Examples:
  kg source add newschina-2025 --label "NewsChina, 2025: the second summit" \\
      --url "http://www.newschinamag.com/newschina/articleDetail.do?article_id=8251" \\
      --publisher NewsChina --date 2025 --about "Astana summit"
  kg source add reuters-2025-06-20 --label "Reuters, 20 June 2025" --url https://example.org/r \\
      --publisher Reuters --date 2025-06-20 --dry-run
"""


@click.group(name="source", epilog=EXAMPLES)
def cli() -> None:
    """Sources of the graph beside the article: reports known from a summary of their facts.

    See the README, "Adding a source", for the whole routine.
    """


@cli.command(name="add", epilog=EXAMPLES)
@click.argument("slug", metavar="SLUG")
@click.option("--label", required=True, help="Our name for the report (not its title).")
@click.option("--url", required=True, help="The report's http(s) address.")
@click.option(
    "--publisher",
    required=True,
    help="Its publisher: a name (reused if the graph knows it, created otherwise) or an IRI.",
)
@click.option(
    "--date", "date", required=True, help="Published: a day, month or year (2025-06-18, 2024-04)."
)
@click.option("--language", default="en", show_default=True, help="Its language (BCP 47).")
@click.option("--about", default=None, help="What it reports on: a resource's label or IRI.")
@click.option("--via", default=None, help="The platform that carried it, if not the publisher.")
@click.option("--dateline", default=None, help="The dateline's date, where it differs.")
@click.option("--title", default=None, help="Its title, if known.")
@click.option("--comment", default=None, help="A note of ours on the report.")
@data_option
@click.option("--dry-run", is_flag=True, help="Check and validate only; write nothing.")
def add(
    slug: str,
    label: str,
    url: str,
    publisher: str,
    date: str,
    language: str,
    about: str | None,
    via: str | None,
    dateline: str | None,
    title: str | None,
    comment: str | None,
    data_dir: Path | None,
    dry_run: bool,
) -> None:
    """Register a report as source SLUG (its IRI is skgr:source-SLUG): its node in
    sources.ttl, its publisher, and data/triples/source-SLUG.ttl for its claims.

    The folder as it would be afterwards must pass `kg validate`; otherwise, or on any bad
    value, nothing is written and one line says what to fix.
    """
    from kg.edit.sources import NewSource, add_source

    spec = NewSource(
        slug=slug,
        label=label,
        url=url,
        publisher=publisher,
        date=date,
        language=language,
        about=about,
        via=via,
        dateline=dateline,
        title=title,
        comment=comment,
    )
    done = add_source(spec, data_dir, dry_run=dry_run)
    verb = "wrote" if done.written else "would write"
    who = "new publisher" if done.new_publisher else "publisher"
    from rdflib import URIRef

    from kg.model.namespaces import compact

    click.echo(
        f"{verb} {done.sources_file} (the source node, {who} {compact(URIRef(done.publisher))})",
        err=True,
    )
    click.echo(f"{verb} {done.claims_file} (its claims: add what the report states)", err=True)
