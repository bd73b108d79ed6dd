"""A remote SPARQL 1.1 endpoint seen as a read-only rdflib Graph.

The endpoint is handed the checked canonical text (parameters already written in by
:mod:`kg.query.terms`), and asked for exactly the one result format that is parsed: SPARQL
XML results for SELECT and ASK, RDF/XML for CONSTRUCT and DESCRIBE. rdflib's own Accept header
lists both, in an order that changes from process to process (it is built from a set), and
Virtuoso answers in whichever comes first. What an engine writes differently is read back as
the memory store has it by :mod:`kg.stores.dialects`, on every answer and triple lookup.
"""

from __future__ import annotations

import re
from typing import Any

from kg.errors import UsageError
from kg.stores.answers import drop_language, group_concat_columns
from kg.stores.dialects import adapt_graph, adapt_rows, adapt_term, quiet_numeric_durations

_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)
_ACCEPT = {
    "SELECT": "application/sparql-results+xml",
    "ASK": "application/sparql-results+xml",
    "CONSTRUCT": "application/rdf+xml",
    "DESCRIBE": "application/rdf+xml",
}


def accept_for(text: str) -> str:
    """The one media type to ask for, by the query's form (the first form keyword of the
    canonical text: it holds no comments, and PREFIX lines hold no keywords)."""
    m = _FORM.search(re.sub(r'"(?:[^"\\]|\\.)*"|<[^>]*>', " ", text))
    return _ACCEPT[m.group(1).upper()] if m else _ACCEPT["SELECT"]


def open_sparql(url: str, *, timeout: float | None = 60.0):  # type: ignore[no-untyped-def]
    """A read-only rdflib Graph whose questions go to the SPARQL endpoint at ``url``."""
    from rdflib import Graph
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    from kg.model.namespaces import bind_prefixes

    quiet_numeric_durations()

    class _Remote(SPARQLStore):  # type: ignore[misc]
        accept = _ACCEPT["SELECT"]

        def response_mime_types(self) -> str:
            return self.accept

        def _query(self, query: str, *args: Any, **kwargs: Any) -> Any:
            # every request (rdflib's own triple lookups too) asks for its form's one format
            self.accept = accept_for(query)
            return super()._query(query, *args, **kwargs)

        def triples(self, spo: Any, context: Any = None) -> Any:
            for (s, p, o), ctx in super().triples(spo, context):
                yield (s, p, adapt_term(o)), ctx

        def query(  # type: ignore[override]
            self,
            query: Any,
            initNs: Any = None,  # noqa: N803
            initBindings: Any = None,  # noqa: N803
            queryGraph: Any = None,  # noqa: N803
            **kwargs: Any,
        ) -> Any:
            if not isinstance(query, str) or initBindings:
                # kg.query writes parameters into the checked text itself; a caller that
                # hands bindings here would get rdflib's VALUES-at-the-end, which FILTERs
                # never see
                raise NotImplementedError("give the remote store finished query text")
            result = super().query(query, initNs, None, queryGraph, **kwargs)
            if isinstance(result, tuple):  # rdflib's connector hands back an HTTP error so
                code, message = result[0], " ".join(str(result[1]).split())
                raise UsageError(
                    f"the endpoint answered {code}: {message[:300]}",
                    where=url,
                    hint="the endpoint could not run this query; see its message",
                )
            if result.type == "SELECT":
                result.bindings = list(result.bindings)
                adapt_rows(result.bindings)
                concatenated = group_concat_columns(query)
                if concatenated:
                    drop_language(result.bindings, concatenated)
            elif result.graph is not None:
                adapt_graph(result.graph)
            return result

    kwargs: dict[str, Any] = {"method": "POST_FORM"}
    if timeout is not None:
        kwargs["timeout"] = timeout
    graph = Graph(store=_Remote(url, **kwargs))
    bind_prefixes(graph)
    return graph
