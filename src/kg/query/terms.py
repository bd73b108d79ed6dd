"""Parameters written into query text, for the engines that take text only.

rdflib's evaluator takes parameters as terms (initial bindings) and needs none of this.
Oxigraph and remote endpoints are handed text, so a parameter becomes a ``VALUES`` block
opening the WHERE group. The block is built here from RDF terms, never from user text: IRIs
are checked against the grammar's IRIREF characters, language tags and datatypes likewise,
and strings go through :func:`kg.query.lexer.quote_string`, which every engine reads back as
the same value (property-tested on quotes, backslashes, line ends, ``\\u``, NUL and long
strings). The block is inserted by token position in the checked canonical text, so it can
never land inside a string, an IRI or a comment.

Why at the start of the WHERE group and not at its end (where SPARQL also allows it): a
trailing VALUES joins after the whole group has been evaluated, so a FILTER in the group
never sees the parameter ("what falls due by 2024" becomes every commitment). At the start,
the group's FILTERs and OPTIONALs see it, which is what rdflib's initial bindings give.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from kg.errors import UsageError
from kg.query.lexer import Token, one_reading, quote_string

_IRI_OK = re.compile(r"[^<>\"{}|^`\\\x00-\x20]*")
_LANG_OK = re.compile(r"[a-zA-Z]+(?:-[a-zA-Z0-9]+)*")
_VAR_OK = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def iri_text(iri: str, where: str = "parameter") -> str:
    """``<iri>``, or UsageError for an IRI holding a character IRIREF does not allow."""
    if not _IRI_OK.fullmatch(iri):
        raise UsageError(
            f"{iri!r} is not an IRI a query can hold (spaces, quotes, <>{{}}|^` or \\)",
            where=where,
            hint="percent-encode those characters",
        )
    return f"<{iri}>"


def term_text(term: Any, where: str = "parameter") -> str:
    """An rdflib IRI or literal written as SPARQL that every engine reads back as ``term``."""
    from rdflib import Literal, URIRef

    if isinstance(term, URIRef):
        return iri_text(str(term), where)
    if isinstance(term, Literal):
        text = quote_string(str(term), where)
        if term.language:
            if not _LANG_OK.fullmatch(term.language):
                raise UsageError(f"{term.language!r} is not a language tag", where=where)
            return f"{text}@{term.language}"
        if term.datatype is not None and str(term.datatype) != _XSD_STRING:
            return f"{text}^^{iri_text(str(term.datatype), where)}"
        return text
    raise UsageError(f"a parameter must be an IRI or a literal, not {term!r}", where=where)


def values_block(bindings: Mapping[str, Any]) -> str:
    """``VALUES (?a ?b) { (<x> "y") }`` for ``bindings``."""
    names = [str(name) for name in bindings]
    for name in names:
        if not _VAR_OK.fullmatch(name):
            raise UsageError(f"{name!r} is not a variable name", where=f"-p {name}")
    cells = " ".join(term_text(bindings[k], f"-p {k}") for k in bindings)
    return f"VALUES ({' '.join('?' + n for n in names)}) {{ ({cells}) }}"


def _matching(tokens: Sequence[Token], opening: int) -> int:
    depth = 0
    for i in range(opening, len(tokens)):
        if tokens[i].text == "{":
            depth += 1
        elif tokens[i].text == "}":
            depth -= 1
            if depth == 0:
                return i
    return -1


def where_group(tokens: Sequence[Token]) -> int:
    """Index of the ``{`` that opens the query's WHERE group, or -1 if it has none."""
    form = next(
        (
            i
            for i, t in enumerate(tokens)
            if t.keyword in ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE")
        ),
        -1,
    )
    if form < 0:
        return -1
    start = form + 1
    if tokens[form].keyword == "CONSTRUCT" and start < len(tokens) and tokens[start].text == "{":
        start = _matching(tokens, start) + 1  # skip the template
        if start == 0:
            return -1
    return next((i for i in range(start, len(tokens)) if tokens[i].text == "{"), -1)


def bind_into(
    text: str, tokens: Sequence[Token], starts: Sequence[int], bindings: Mapping[str, Any]
) -> str:
    """The canonical ``text`` with ``bindings`` as a VALUES block opening its WHERE group.

    The result is lexed again and must read as the checked tokens with the block's tokens in
    between; anything else is refused rather than run.
    """
    at = where_group(tokens)
    if at < 0:
        raise UsageError("cannot find the query's WHERE group to bind parameters in")
    block = values_block(bindings)
    cut = starts[at] + 1
    bound = f"{text[:cut]} {block} {text[cut:].lstrip()}"
    _, again, _ = one_reading(bound)
    _, block_tokens, _ = one_reading(block)
    expected = [*tokens[: at + 1], *block_tokens, *tokens[at + 1 :]]
    if [(t.kind, t.text) for t in again] != [(t.kind, t.text) for t in expected]:
        raise UsageError("a parameter value changed how the query reads; it was not run")
    return bound


def values_first(text: str, bindings: Mapping[str, Any]) -> str:
    """``text`` in canonical form with ``bindings`` as a VALUES block opening its WHERE group."""
    canonical_text, tokens, starts = one_reading(text)
    return bind_into(canonical_text, tokens, starts, bindings)


def variables(tokens: Sequence[Token]) -> set[str]:
    """The names of the variables the query mentions."""
    return {t.text[1:] for t in tokens if t.kind == "var"}


def substitution_agrees(text: str | Sequence[Token], bindings: Mapping[str, Any]) -> bool:
    """Whether a VALUES block at the start of the WHERE group gives rdflib's answer.

    Found by running both on the same queries: they part ways where a parameter occurs in a
    sub-SELECT (rdflib pushes an initial binding inside; a VALUES block outside leaves the
    sub-query's own scope alone) and, conservatively, where it is tested with ``BOUND``.
    Such queries are evaluated by rdflib over the store's triples instead (slower, same
    answer).
    """
    tokens = one_reading(text)[1] if isinstance(text, str) else text
    words = [t.keyword for t in tokens]
    for i, t in enumerate(tokens):
        if t.text == "{" and i + 1 < len(tokens) and words[i + 1] == "SELECT":
            return False
        if words[i] == "BOUND" and i + 2 < len(tokens) and tokens[i + 2].text[1:] in bindings:
            return False
    return True
