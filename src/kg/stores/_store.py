"""Where the graph lives: in memory (rdflib), in a persistent Oxigraph store, or behind a
remote SPARQL endpoint. Every command works on what :func:`open_graph` returns, an
``rdflib.Graph`` whatever the backend, so the same questions run everywhere.

Store specs: ``memory`` (default), ``oxigraph:DIR``, ``sparql:URL``.

* ``memory`` parses the ontology and the data files (:func:`kg.model.load.load`).
* ``oxigraph:DIR`` opens a store that :func:`load_into_oxigraph` (``kg load``) filled. The
  graph is an rdflib ``Graph`` over :class:`OxigraphGraphStore`, whose ``query()`` hands the
  SPARQL text to Oxigraph's own engine (tens to hundreds of times faster than rdflib's
  evaluator on large graphs) and gives back an ordinary, fully materialised rdflib ``Result``.
* ``sparql:URL`` is rdflib's ``SPARQLStore`` on a SPARQL 1.1 query endpoint, read-only.

Where the engines differ, and what is done about it (each found by asking every named
question of every store, tests/test_store.py and tests/test_push.py):

* **Parameters.** rdflib binds ``initBindings`` before evaluation, so the variable is bound
  everywhere, inside OPTIONAL and UNION branches, FILTERs and sub-SELECTs. Oxigraph binds
  by SEP-0007 substitution, which agrees on plain patterns but refuses a variable the SELECT
  does not project, leaves ``BOUND(?p)`` false (breaking the optional-parameter idiom
  ``FILTER(!BOUND(?p) || ...)``) and keeps sub-SELECTs' own scope. :class:`OxigraphGraphStore`
  substitutes only where :func:`substitution_agrees`, and otherwise lets rdflib's evaluator
  run the query over the Oxigraph triples (slower, same answer). rdflib's ``SPARQLStore``
  appends a ``VALUES`` block *after* the WHERE group, where no FILTER of the query sees it;
  ``sparql:URL`` puts it first in the group instead (:func:`values_first`).
* **GROUP_CONCAT** keeps a common language tag in Oxigraph (``"tourism"@en``), not in
  rdflib; such cells are read as plain strings from every store (:func:`group_concat_columns`).
* **Strings**: Oxigraph reports plain strings as ``xsd:string``; they come back as plain
  literals (the same RDF 1.1 term), so results compare equal.
* **Numbers**: Oxigraph stores numeric literals in canonical form when loading, and derived
  integer types (``xsd:nonNegativeInteger``) as ``xsd:integer`` (oxigraph/oxigraph#526, no
  switch to turn it off). Values are equal; the lexical form or datatype may differ.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from kg.errors import InputError, UsageError

STORE_KINDS = ("memory", "oxigraph", "sparql")

#: Oxigraph's parser formats by file suffix (the suffixes kg.model.load reads).
_OX_FORMATS = {
    ".ttl": "TURTLE",
    ".turtle": "TURTLE",
    ".nt": "N_TRIPLES",
    ".n3": "N3",
    ".jsonld": "JSON_LD",
    ".json": "JSON_LD",
    ".rdf": "RDF_XML",
    ".xml": "RDF_XML",
    ".owl": "RDF_XML",
    ".trig": "TRIG",
    ".nq": "N_QUADS",
}

_HINT = "use memory, oxigraph:DIR or sparql:URL"


def parse_spec(spec: str | None) -> tuple[str, str]:
    """``(kind, argument)`` of a store spec; a malformed spec raises UsageError."""
    spec = (spec or "memory").strip()
    if spec == "memory":
        return "memory", ""
    kind, sep, arg = spec.partition(":")
    if not sep or kind not in STORE_KINDS or kind == "memory":
        raise UsageError(f"unknown store {spec!r}", where="--store", hint=_HINT)
    if not arg:
        what = "a folder" if kind == "oxigraph" else "an endpoint URL"
        raise UsageError(f"{kind}: needs {what}", where="--store", hint=f"e.g. {kind}:{_eg(kind)}")
    if kind == "sparql" and not arg.startswith(("http://", "https://")):
        raise UsageError(
            f"{arg!r} is not an http(s) URL", where="--store", hint=f"e.g. sparql:{_eg(kind)}"
        )
    return kind, arg


def _eg(kind: str) -> str:
    return "store/" if kind == "oxigraph" else "http://127.0.0.1:7878/query"


def open_graph(store: str | None = None, data_dir: Path | str | None = None):  # type: ignore[no-untyped-def]
    """An rdflib Graph over the chosen store; ``memory`` parses the ontology and data.

    ``data_dir`` applies to the memory store only: the other stores already hold their data.
    """
    kind, arg = parse_spec(store)
    if kind == "memory":
        from kg.model.load import load

        return load(data_dir)
    if kind == "oxigraph":
        return open_oxigraph(arg)
    return open_sparql(arg)


# -------------------------------------------------------------------------------------------
# Oxigraph


def _require_store_dir(directory: Path) -> None:
    if not directory.is_dir() or not any(directory.iterdir()):
        raise UsageError(
            f"no Oxigraph store in {str(directory)!r}",
            where="--store",
            hint=f"fill it first: kg load --store oxigraph:{directory}",
        )


def open_oxigraph(directory: Path | str, *, read_only: bool = True):  # type: ignore[no-untyped-def]
    """An rdflib Graph on the default graph of the Oxigraph store in ``directory``.

    Read-only by default, so that several processes (a server's workers, a ``kg query``
    beside a running ``kg serve``) can read the same store at once.
    """
    import pyoxigraph as ox
    from rdflib import Graph
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    from kg.model.namespaces import bind_prefixes

    directory = Path(directory)
    _require_store_dir(directory)
    try:
        inner = ox.Store.read_only(str(directory)) if read_only else ox.Store(str(directory))
    except OSError as exc:
        raise UsageError(
            f"cannot open the Oxigraph store: {' '.join(str(exc).split())}",
            where=f"oxigraph:{directory}",
            hint="is it an Oxigraph folder written by kg load, and is no other process writing?",
        ) from None
    graph = Graph(store=OxigraphGraphStore(inner), identifier=DATASET_DEFAULT_GRAPH_ID)
    bind_prefixes(graph)
    return graph


def oxigraph_of(graph: Any) -> Any | None:
    """The pyoxigraph ``Store`` under ``graph``, or None if another store holds it."""
    store = getattr(graph, "store", None)
    return store.inner if _ADAPTER is not None and isinstance(store, _ADAPTER) else None


def _ox_format(path: Path) -> Any:
    import pyoxigraph as ox

    name = _OX_FORMATS.get(path.suffix.lower())
    if name is None:
        raise InputError(
            f"unknown RDF file type {path.suffix!r}",
            where=str(path),
            hint="use .ttl, .nt, .nq, .trig, .jsonld or .rdf",
        )
    return getattr(ox.RdfFormat, name)


def load_into_oxigraph(
    files: Sequence[Path | str],
    directory: Path | str,
    *,
    progress: Callable[[Path, int, int], None] | None = None,
    replace: bool = False,
) -> int:
    """Bulk-load RDF ``files`` into the Oxigraph store in ``directory`` (created if need be);
    the number of triples in the store afterwards.

    The path is kept as thin as bare ``Store.bulk_load(path=...)``: Oxigraph reads each file
    itself. ``progress(file, bytes_done, bytes_total)`` is called after each file, which is
    what ``kg load``'s progress bar shows. ``replace=True`` empties the store first (loading
    the same file twice otherwise doubles its blank-node structures). A file that does not
    parse raises InputError naming the file and position; what was loaded before it stays.
    """
    import pyoxigraph as ox

    paths = [Path(f) for f in files]
    formats = [_ox_format(p) for p in paths]  # refuse unknown suffixes before any work
    for p in paths:
        if not p.is_file():
            raise InputError("no such file", where=str(p))
    total = sum(p.stat().st_size for p in paths)
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    try:
        store = ox.Store(str(directory))
    except OSError as exc:
        raise UsageError(
            f"cannot open the Oxigraph store for writing: {' '.join(str(exc).split())}",
            where=f"oxigraph:{directory}",
            hint="stop the server or process that has it open, then load again",
        ) from None
    if replace:
        store.clear()
    done = 0
    for path, fmt in zip(paths, formats, strict=True):
        try:
            store.bulk_load(path=str(path), format=fmt)
        except SyntaxError as exc:
            raise InputError(
                f"syntax error: {_ox_message(exc)}", where=_ox_where(path, exc)
            ) from None
        done += path.stat().st_size
        if progress is not None:
            progress(path, done, total)
    store.flush()
    count = len(store)
    del store  # release the lock so readers can open the folder
    return count


def _ox_message(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def _ox_where(path: Path, exc: BaseException) -> str:
    m = re.search(r"line (\d+),? (?:between columns|column) (\d+)", str(exc))
    return f"{path}:{m.group(1)}:{m.group(2)}" if m else str(path)


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


_SUBSELECT = re.compile(r"\{\s*SELECT\b", re.IGNORECASE)


def substitution_agrees(text: str, bindings: Mapping[str, Any]) -> bool:
    """Whether Oxigraph's substitution of ``bindings`` gives rdflib's answer for ``text``.

    Found by running both engines on the same queries: they part ways where a parameter is
    tested with ``BOUND(?p)`` (Oxigraph's FILTER does not see a substituted variable, so the
    optional-parameter idiom ``FILTER(!BOUND(?p) || ...)`` keeps every row) and where it
    occurs in a sub-SELECT (rdflib pushes the binding inside, Oxigraph keeps the sub-query's
    own scope). Both are cheap to spot in the text; such queries go to rdflib's evaluator.
    """
    if _SUBSELECT.search(text):
        return False
    for name in bindings:
        if re.search(rf"BOUND\s*\(\s*[?$]{re.escape(str(name))}\s*\)", text, re.IGNORECASE):
            return False
    return True


def _make_adapter_class() -> type:
    from oxrdflib.store import OxigraphStore

    class _Adapter(OxigraphStore):  # type: ignore[misc]
        """oxrdflib's store, with its ``query()`` replaced: Oxigraph evaluates, the answer is
        materialised into rdflib terms, and parameters Oxigraph cannot substitute are left to
        rdflib's evaluator (see the module docstring)."""

        def __init__(self, inner: Any) -> None:
            super().__init__(store=inner)

        @property
        def inner(self) -> Any:
            return self._inner

        def query(  # type: ignore[override]
            self,
            query: Any,
            initNs: Mapping[str, Any],  # noqa: N803
            initBindings: Mapping[str, Any],  # noqa: N803
            queryGraph: Any,  # noqa: N803
            **kwargs: object,
        ) -> Any:
            if not isinstance(query, str) or kwargs:
                raise NotImplementedError  # a prepared query: rdflib evaluates it
            return run_on_oxigraph(self._inner, query, initNs, initBindings, queryGraph)

    return _Adapter


def _drop_language(rows: list[dict[Any, Any]], names: set[str]) -> None:
    from rdflib import Literal

    for row in rows:
        for var, value in row.items():
            if str(var) in names and isinstance(value, Literal) and value.language:
                row[var] = Literal(str(value))


def run_on_oxigraph(
    inner: Any,
    text: str,
    prefixes: Mapping[str, Any] | None = None,
    bindings: Mapping[str, Any] | None = None,
    query_graph: Any = None,
) -> Any:
    """Evaluate ``text`` with Oxigraph's engine; an rdflib ``Result``, fully materialised.

    Raises NotImplementedError when Oxigraph cannot bind a parameter the way rdflib does
    (rdflib's ``Graph.query`` then evaluates the query itself over the same store).
    """
    import pyoxigraph as ox
    from rdflib import Graph, Variable
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
    from rdflib.query import Result
    from rdflib.term import URIRef

    from kg.model.namespaces import bind_prefixes

    options: dict[str, Any] = {}
    if query_graph == "__UNION__":
        options["use_default_graph_as_union"] = True
    elif isinstance(query_graph, URIRef) and query_graph != DATASET_DEFAULT_GRAPH_ID:
        options["default_graph"] = ox.NamedNode(str(query_graph))
    if bindings:
        if not substitution_agrees(text, bindings):
            raise NotImplementedError("parameters Oxigraph binds differently from rdflib")
        # A VALUES block opening the WHERE group, not Oxigraph's substitutions: Oxigraph 0.5
        # does not push a substituted value into a UNION, so a one-actor lookup scanned
        # every actor (2.3 s against 5 ms at a million triples, bench/).
        text = values_first(text, bindings)
    try:
        answer = inner.query(
            text, prefixes={k: str(v) for k, v in (prefixes or {}).items()}, **options
        )
        if isinstance(answer, ox.QueryBoolean):
            result = Result("ASK")
            result.askAnswer = bool(answer)
        elif isinstance(answer, ox.QuerySolutions):
            result = Result("SELECT")
            result.vars = [Variable(v.value) for v in answer.variables]
            convert = oxigraph_converter()
            result.bindings = [
                {
                    v: convert(val)
                    for v, val in zip(result.vars, row, strict=True)
                    if val is not None
                }
                for row in answer
            ]
            concatenated = group_concat_columns(text)
            if concatenated:
                _drop_language(result.bindings, concatenated)
        else:
            result = Result("CONSTRUCT")
            graph = Graph()
            bind_prefixes(graph)
            convert = oxigraph_converter()
            graph.addN(
                (convert(t.subject), convert(t.predicate), convert(t.object), graph) for t in answer
            )
            result.graph = graph
    except RuntimeError as exc:
        if bindings and "SELECT projection" in str(exc):
            raise NotImplementedError(str(exc)) from None
        raise
    return result


_ADAPTER: type | None = None


def OxigraphGraphStore(inner: Any) -> Any:  # noqa: N802 - a class factory, used like a class
    """An rdflib store over a pyoxigraph ``Store`` (oxrdflib's, see the module docstring).

    Built on first use so that importing :mod:`kg.stores` does not import oxrdflib.
    """
    global _ADAPTER
    if _ADAPTER is None:
        _ADAPTER = _make_adapter_class()
    return _ADAPTER(inner)


# -------------------------------------------------------------------------------------------
# Remote SPARQL endpoints


def open_sparql(url: str, *, timeout: float | None = 60.0):  # type: ignore[no-untyped-def]
    """A read-only rdflib Graph whose questions go to the SPARQL endpoint at ``url``.

    Parameters go in as a ``VALUES`` block at the start of the WHERE group
    (:func:`values_first`), not at the end as rdflib's ``SPARQLStore`` would put them; the
    answers' GROUP_CONCAT cells are read as on the other stores (:func:`group_concat_columns`).
    """
    from rdflib import Graph
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    from kg.model.namespaces import bind_prefixes

    class _Remote(SPARQLStore):  # type: ignore[misc]
        def query(  # type: ignore[override]
            self,
            query: Any,
            initNs: Any = None,  # noqa: N803
            initBindings: Any = None,  # noqa: N803
            queryGraph: Any = None,  # noqa: N803
            **kwargs: Any,
        ) -> Any:
            if isinstance(query, str) and initBindings:
                query = values_first(query, initBindings)
                initBindings = None
            result = super().query(query, initNs, initBindings, queryGraph, **kwargs)
            if isinstance(query, str) and result.type == "SELECT":
                concatenated = group_concat_columns(query)
                if concatenated:
                    result.bindings = list(result.bindings)
                    _drop_language(result.bindings, concatenated)
            return result

    # The default Accept (SPARQL XML results or RDF/XML) covers tables and graphs alike; a
    # JSON-only Accept makes servers refuse CONSTRUCT with 406.
    kwargs: dict[str, Any] = {"method": "POST_FORM"}
    if timeout is not None:
        kwargs["timeout"] = timeout
    graph = Graph(store=_Remote(url, **kwargs))
    bind_prefixes(graph)
    return graph


_TOKEN = re.compile(
    r"<[^<>\"{}|^`\\\s]*>"  # an IRI (may hold '#')
    r"|\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'"  # a string
    r"|#[^\n]*"  # a comment
    r"|\b(?:WHERE|SELECT|CONSTRUCT|ASK|DESCRIBE)\b|\{",
    re.IGNORECASE,
)


def values_first(text: str, bindings: Mapping[str, Any]) -> str:
    """``text`` with ``bindings`` as a VALUES block opening its top-level WHERE group.

    Why not at the end, where SPARQL also allows it: a trailing VALUES joins after the whole
    WHERE group has been evaluated, so a FILTER in that group never sees the parameter (the
    answer to "what falls due by 2024" becomes every commitment). At the start of the group
    the FILTERs of the group and of its OPTIONALs see it, which is what rdflib's initial
    bindings give on the memory store.
    """
    names = [str(k) for k in bindings]
    block = f" VALUES ({' '.join('?' + n for n in names)}) {{ ({' '.join(bindings[k].n3() for k in bindings)}) }} "  # noqa: E501
    form, where_at, first_brace, brace_after_where = None, None, None, None
    for m in _TOKEN.finditer(text):
        token = m.group(0)
        upper = token.upper()
        if upper in ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE"):
            form = form or upper
        elif upper == "WHERE" and where_at is None:
            where_at = m.start()
        elif token == "{":
            if first_brace is None:
                first_brace = m.end()
            if where_at is not None and brace_after_where is None:
                brace_after_where = m.end()
                break
    # a CONSTRUCT's first group is its template; any other form's first group is its WHERE
    at = brace_after_where if form == "CONSTRUCT" else first_brace
    if at is None:
        raise UsageError("cannot find the query's WHERE group to bind parameters in")
    return text[:at] + block + text[at:]


# -------------------------------------------------------------------------------------------
# Uploading: the SPARQL 1.1 Graph Store Protocol


def push_graph(
    graph: Any,
    endpoint: str,
    graph_iri: str | None = None,
    *,
    replace: bool = True,
    timeout: float = 120.0,
) -> int:
    """Upload ``graph`` to a Graph Store Protocol ``endpoint`` (e.g. Oxigraph's ``/store``,
    Fuseki's ``/ds/data``); the number of triples sent.

    ``replace`` PUTs (the target graph becomes exactly this graph); otherwise POST adds to
    it. Without ``graph_iri`` the target is the endpoint's default graph (``?default``).
    """
    import urllib.error
    import urllib.request

    if not endpoint.startswith(("http://", "https://")):
        raise UsageError(
            f"{endpoint!r} is not an http(s) URL",
            where="--endpoint",
            hint="e.g. http://127.0.0.1:7878/store",
        )
    from urllib.parse import quote

    target = f"graph={quote(graph_iri, safe='')}" if graph_iri else "default"
    url = endpoint + ("&" if "?" in endpoint else "?") + target
    body = graph.serialize(format="nt", encoding="utf-8")
    request = urllib.request.Request(
        url,
        data=body,
        method="PUT" if replace else "POST",
        headers={"Content-Type": "application/n-triples"},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
    except urllib.error.HTTPError as exc:
        detail = " ".join(exc.read().decode("utf-8", "replace").split())[:300]
        raise UsageError(
            f"the endpoint answered {exc.code} {exc.reason}: {detail}",
            where=url,
            hint="is this the Graph Store Protocol URL (Oxigraph: /store), and writable?",
        ) from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise UsageError(
            f"cannot reach the endpoint: {reason}", where=url, hint="is the server running?"
        ) from None
    return len(graph)
