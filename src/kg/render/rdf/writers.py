"""Which rdflib serializer writes each RDF format, and choosing a format by name or file.

Names, media types and suffixes come from :mod:`kg.render.registry` (one registry); what
is added here is how each is written and whether it holds named graphs. ``xml`` is accepted
for rdfxml (the issue's spelling), and ``.xml`` files are RDF/XML when exporting a graph.

rdflib's own Turtle and TriG writers change a decimal's lexical form, so two subclasses
that keep it are registered as rdflib plugins (``kg-turtle``, ``kg-trig``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Literal, plugin
from rdflib.namespace import XSD
from rdflib.plugins.serializers.trig import TrigSerializer
from rdflib.plugins.serializers.turtle import TurtleSerializer
from rdflib.serializer import Serializer

from kg.errors import UsageError
from kg.render import registry


@dataclass(frozen=True)
class Writer:
    """How one RDF format is written."""

    name: str  # the short name in kg.render.registry
    rdflib: str  # rdflib's serializer
    dataset: bool  # holds named graphs


WRITERS: dict[str, Writer] = {
    w.name: w
    for w in (
        Writer("ttl", "kg-turtle", False),
        Writer("jsonld", "json-ld", False),
        Writer("nt", "nt", False),
        Writer("nq", "nquads", True),
        Writer("trig", "kg-trig", True),
        Writer("rdfxml", "pretty-xml", False),
    )
}
_ALIASES = {"xml": "rdfxml", "turtle": "ttl", "json-ld": "jsonld", "ntriples": "nt"}
FORMAT_NAMES: tuple[str, ...] = ("ttl", "jsonld", "nt", "nq", "trig", "xml")


def _keep_decimal_form(label):  # type: ignore[no-untyped-def]
    """Wrap a Turtle serializer's ``label`` so a decimal's lexical form survives.

    rdflib writes ``"8000000000"^^xsd:decimal`` in Turtle shorthand as ``8000000000.0``: the
    same value, another term, so a round trip is no longer isomorphic. The data keeps whole
    decimals in XSD 1.1 canonical form (no ``.0``), which is also what Oxigraph stores; where
    shorthand would change the form, the literal is written in full instead.
    """

    def wrapped(self, node, position):  # type: ignore[no-untyped-def]
        shorthand_changes_it = (
            isinstance(node, Literal)
            and node.datatype == XSD.decimal
            and node._literal_n3(use_plain=True) != str(node)
        )
        if shorthand_changes_it:
            return node._literal_n3(
                use_plain=False, qname_callback=lambda dt: self.get_pname(dt, True)
            )
        return label(self, node, position)

    return wrapped


class KgTurtleSerializer(TurtleSerializer):
    """rdflib's Turtle writer, keeping decimals' lexical forms."""

    label = _keep_decimal_form(TurtleSerializer.label)


class KgTrigSerializer(TrigSerializer):
    """rdflib's TriG writer, keeping decimals' lexical forms."""

    label = _keep_decimal_form(TrigSerializer.label)


plugin.register("kg-turtle", Serializer, __name__, "KgTurtleSerializer")
plugin.register("kg-trig", Serializer, __name__, "KgTrigSerializer")


def writer_for(fmt: str) -> Writer:
    """The writer of a short name, alias or media type; a usage error names the choices."""
    name = _ALIASES.get(fmt.lower(), fmt.lower())
    if name not in WRITERS:  # a media type names a format too
        name = registry.get(fmt, allowed=WRITERS, where="--format").name
    return WRITERS[name]


def media_type(fmt: str) -> str:
    """The media type of a format short name (for HTTP content negotiation)."""
    return registry.FORMATS[writer_for(fmt).name].media_type


def format_from_path(path: Path | str) -> str | None:
    """The export format a file's suffix implies, or None."""
    if Path(path).suffix.lower() == ".xml":
        return "rdfxml"
    found = registry.guess(path, allowed=WRITERS)
    return found.name if found is not None else None


def resolve_format(fmt: str | None, output: Path | None) -> str:
    """``--format`` if given, else the one ``-o FILE``'s suffix implies, else Turtle."""
    if fmt:
        return writer_for(fmt).name
    if output is not None:
        guessed = format_from_path(output)
        if guessed is None:
            raise UsageError(
                f"cannot tell the format from {output.name!r}",
                where="-o",
                hint=f"give --format ({', '.join(FORMAT_NAMES)}) or use a known suffix",
            )
        return guessed
    return "ttl"
