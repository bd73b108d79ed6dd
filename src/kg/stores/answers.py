"""Oxigraph's answers as rdflib terms, and the cells every store must read alike."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any


def oxigraph_converter() -> Callable[[Any], Any]:
    """A function from Oxigraph terms to rdflib terms, remembering what it converted.

    An answer repeats the same actors, labels and currencies thousands of times; converting
    each once (and importing once per answer, not once per value) keeps kg's overhead over
    bare pyoxigraph small. ``xsd:string`` literals come back as plain literals, as rdflib
    writes them (the same RDF 1.1 term), so answers compare equal.
    """
    import pyoxigraph as ox
    from rdflib import BNode, Literal, URIRef

    named, blank, literal = ox.NamedNode, ox.BlankNode, ox.Literal
    seen: dict[Any, Any] = {}

    def convert(term: Any) -> Any:
        if term is None:
            return None
        done = seen.get(term)
        if done is not None:
            return done
        if isinstance(term, named):
            done = URIRef(term.value)
        elif isinstance(term, blank):
            done = BNode(term.value)
        elif isinstance(term, literal):
            if term.language:
                done = Literal(term.value, lang=term.language)
            else:
                datatype = term.datatype.value
                done = Literal(
                    term.value, datatype=None if datatype == _XSD_STRING else URIRef(datatype)
                )
        else:  # RDF-star triples: not used here
            raise TypeError(f"unexpected Oxigraph term {term!r}")
        seen[term] = done
        return done

    return convert


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


_GROUP_CONCAT = re.compile(
    r"GROUP_CONCAT\s*\((?:[^()]|\([^()]*\))*\)\s+AS\s+[?$](\w+)", re.IGNORECASE
)


def group_concat_columns(text: str) -> set[str]:
    """The variables a query fills with GROUP_CONCAT.

    Oxigraph keeps the language tag when every concatenated string has the same one
    (``"tourism"@en``); rdflib returns a plain string. The answers are read as rdflib's, so
    the memory store and an Oxigraph store print the same cells.
    """
    return set(_GROUP_CONCAT.findall(text))


def drop_language(rows: list[dict[Any, Any]], names: set[str]) -> None:
    from rdflib import Literal

    for row in rows:
        for var, value in row.items():
            if str(var) in names and isinstance(value, Literal) and value.language:
                row[var] = Literal(str(value))
