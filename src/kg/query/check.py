"""The safety check: a query is read once, and refused before it runs if it would write, read
outside data (FROM, FROM NAMED) or reach the network (SERVICE, LOAD).

The text is first put in canonical form (:mod:`kg.query.lexer`); that text is what rdflib
parses here and what every engine runs. Two independent checks look at it: rdflib's parse
tree and algebra (no update, no dataset clause, no SERVICE node), and the tokens themselves
(no keyword of an update, FROM, SERVICE or LOAD anywhere outside a string or an IRI). Either
refuses the query. Nesting too deep for the parser is one clear error, not a RecursionError.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kg.errors import UsageError
from kg.model.namespaces import PREFIXES
from kg.query.lexer import Token, one_reading

if TYPE_CHECKING:  # pragma: no cover
    from pyparsing import ParseException
    from rdflib.plugins.sparql.sparql import Query

#: Words that appear in no read-only, local query: refused wherever they stand as keywords.
FORBIDDEN_KEYWORDS = frozenset(
    {
        "SERVICE",
        "FROM",
        "LOAD",
        "INSERT",
        "DELETE",
        "CLEAR",
        "DROP",
        "CREATE",
        "ADD",
        "MOVE",
        "COPY",
        "WITH",
        "USING",
    }
)
#: Deeper than this many open brackets, a query is refused before rdflib's recursive parser
#: (which overflows the stack some way past 50) sees it.
MAX_NESTING = 40


@dataclass(frozen=True)
class Checked:
    """A query that passed the check: the canonical text every engine runs, its tokens and
    their offsets in that text, and rdflib's compiled form of the same text (None when only
    :func:`screen` has read it: Oxigraph parses the text itself)."""

    text: str
    tokens: tuple[Token, ...]
    starts: tuple[int, ...]
    query: Query | None = None


_UPDATE_NAMES = {
    "Load": "LOAD",
    "Clear": "CLEAR",
    "Drop": "DROP",
    "Create": "CREATE",
    "Add": "ADD",
    "Move": "MOVE",
    "Copy": "COPY",
    "InsertData": "INSERT DATA",
    "DeleteData": "DELETE DATA",
    "DeleteWhere": "DELETE WHERE",
    "Modify": "DELETE/INSERT",
}


def _syntax_error(exc: ParseException, text: str, where: str, token: Token | None) -> UsageError:
    """The error at the user's line and column (the parse ran on the canonical text)."""
    expected = str(exc).split("  (at char")[0].strip() or "a valid SPARQL query"
    lineno, col = (token.line, token.col) if token is not None else (1, 1)
    lines = text.splitlines()
    line_text = lines[lineno - 1].strip() if 0 < lineno <= len(lines) else ""
    hint = f"the line reads: {line_text[:80]}" if line_text else "the query is empty"
    return UsageError(
        f"SPARQL syntax error: {expected[0].lower()}{expected[1:]}",
        where=f"{where}:{lineno}:{col}",
        hint=hint,
    )


def _refuse_update(text: str, where: str) -> None:
    """Raise if ``text`` is a SPARQL Update request (which a query parser cannot read)."""
    from rdflib.plugins.sparql import parser

    try:
        request = parser.parseUpdate(text)
    except Exception:
        return
    ops = [_UPDATE_NAMES.get(op.name, op.name) for op in request.request or []]
    raise UsageError(
        f"SPARQL Update ({', '.join(ops) or 'update'}) is refused: kg query is read-only",
        where=where,
        hint="edit the files under data/triples/ (or use kg import) to change the graph",
    )


def _walk(node: Any) -> Iterator[Any]:
    """Every CompValue in an algebra or parse tree."""
    stack = [node]
    seen: set[int] = set()
    while stack:
        item = stack.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, dict):  # CompValue is an OrderedDict
            if hasattr(item, "name"):
                yield item
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)):
            stack.extend(item)


def _refuse_outside_data(prepared: Query, where: str) -> None:
    main = prepared.algebra
    for clause in main.get("datasetClause") or []:
        # CompValue attribute access gives None for a missing key (.get() does not)
        kind = "FROM NAMED" if clause.named is not None else "FROM"
        iri = clause.named if clause.named is not None else clause.default
        raise UsageError(
            f"{kind} <{iri}> is refused: a query reads only the loaded graph, never a file "
            "or the network",
            where=where,
            hint="drop the FROM clause; use --data DIR to query other triple files",
        )
    for part in _walk(main):
        if part.name == "ServiceGraphPattern":
            raise UsageError(
                f"SERVICE <{part.get('term')}> is refused: kg query never touches the network",
                where=where,
                hint="run the SERVICE part against that endpoint yourself",
            )


def prepare(text: str, *, where: str = "query") -> Query:
    """rdflib's compiled form of ``text`` after the check (see :func:`check`)."""
    return check(text, where=where).query


def check(text: str, *, where: str = "query") -> Checked:
    """Read ``text`` once and check it: a syntax error, an update, FROM, SERVICE or LOAD raise
    UsageError. ``where`` names the text's origin in error messages; line numbers count from
    the first line of ``text``.

    Parsing with rdflib's pyparsing grammar costs more than answering most questions on this
    graph, and a server or notebook asks the same texts again and again, so the last 256
    checked queries are remembered. Errors are not (lru_cache does not keep exceptions).
    """
    return _check(text, where)


def _refuse_keywords(tokens: tuple[Token, ...], where: str) -> None:
    for token in tokens:
        if token.keyword in FORBIDDEN_KEYWORDS:
            raise UsageError(
                f"{token.keyword} is refused: a query reads only the loaded graph and never "
                "writes, reads a file or touches the network",
                where=f"{where}:{token.line}:{token.col}",
                hint="a word used as data belongs in a string or an IRI",
            )


def _refuse_deep_nesting(tokens: tuple[Token, ...], where: str) -> None:
    depth = 0
    for token in tokens:
        if token.text in ("{", "(", "["):
            depth += 1
            if depth > MAX_NESTING:
                raise UsageError(
                    f"the query nests brackets more than {MAX_NESTING} deep",
                    where=f"{where}:{token.line}:{token.col}",
                    hint="flatten it: no question about this graph needs that depth",
                )
        elif token.text in ("}", ")", "]"):
            depth -= 1


def _at(tokens: tuple[Token, ...], starts: tuple[int, ...], loc: int) -> Token | None:
    """The query token at canonical offset ``loc`` (for error positions in the user's text)."""
    import bisect

    i = bisect.bisect_right(starts, loc) - 1
    return tokens[i] if 0 <= i < len(tokens) else (tokens[-1] if tokens else None)


def screen(text: str, *, where: str = "query") -> Checked:
    """The check without rdflib's parser, for text that Oxigraph's engine will run.

    rdflib's pyparsing grammar costs more to import and run (~0.4 s) than answering most
    questions, and Oxigraph parses the text again anyway. What keeps a query safe does not
    need rdflib: the canonical text is lexed once (:mod:`kg.query.lexer`), and no keyword of
    an update, FROM, SERVICE or LOAD may stand in it, which is the only way SPARQL can write,
    name a dataset or call out. Oxigraph's query parser then refuses anything that is not a
    query, and its thread has no network (:mod:`kg.stores.nonet`). A text with a forbidden
    keyword goes through the full :func:`check`, so that it is refused with the same words;
    a syntax error Oxigraph finds is reported through :func:`check` as well.
    """
    return _screen(text, where)


@functools.lru_cache(maxsize=256)
def _screen(text: str, where: str) -> Checked:
    canonical_text, tokens, starts = _read(text, where)
    if any(token.keyword in FORBIDDEN_KEYWORDS for token in tokens):
        return _check(text, where)  # raises, with the words the full check uses
    return Checked(canonical_text, tokens, starts)


def _read(text: str, where: str) -> tuple[str, tuple[Token, ...], tuple[int, ...]]:
    if not text.strip():
        raise UsageError(
            "the query is empty", where=where, hint="give a SELECT, ASK, CONSTRUCT or DESCRIBE"
        )
    canonical_text, token_list, start_list = one_reading(text, where)
    tokens, starts = tuple(token_list), tuple(start_list)
    _refuse_deep_nesting(tokens, where)
    return canonical_text, tokens, starts


@functools.lru_cache(maxsize=256)
def _check(text: str, where: str) -> Checked:
    from pyparsing import ParseException
    from rdflib.plugins.sparql import algebra, parser

    canonical_text, tokens, starts = _read(text, where)
    try:
        tree = parser.parseQuery(canonical_text)
    except ParseException as exc:
        _refuse_update(canonical_text, where)
        _refuse_keywords(tokens, where)
        raise _syntax_error(exc, text, where, _at(tokens, starts, exc.loc)) from None
    except RecursionError:
        raise UsageError("the query nests too deeply to be read", where=where) from None
    try:
        prepared = algebra.translateQuery(tree, initNs=PREFIXES)
    except RecursionError:
        raise UsageError("the query nests too deeply to be read", where=where) from None
    except Exception as exc:  # unknown prefixes, bad aggregates: rdflib raises plain Exception
        message = " ".join(str(exc).split()) or type(exc).__name__
        hint = "declare it with PREFIX, or use one of: " + ", ".join(PREFIXES)
        raise UsageError(
            f"cannot compile the query: {message}",
            where=where,
            hint=hint if "prefix" in message.lower() else "",
        ) from None
    _refuse_outside_data(prepared, where)
    _refuse_keywords(tokens, where)
    return Checked(canonical_text, tokens, starts, prepared)


def _refuse_service_hook(ctx: Any, part: Any) -> Any:
    if getattr(part, "name", None) == "ServiceGraphPattern":
        raise UsageError("SERVICE is refused: kg query never touches the network", where="query")
    raise NotImplementedError


@contextlib.contextmanager
def sealed() -> Iterator[None]:
    """While inside, rdflib's evaluator loads no FROM graph and runs no SERVICE pattern."""
    import rdflib.plugins.sparql as sparql

    old = sparql.SPARQL_LOAD_GRAPHS
    sparql.SPARQL_LOAD_GRAPHS = False
    sparql.CUSTOM_EVALS["kg-refuse-service"] = _refuse_service_hook
    try:
        yield
    finally:
        sparql.SPARQL_LOAD_GRAPHS = old
        sparql.CUSTOM_EVALS.pop("kg-refuse-service", None)
