"""Uploading a graph with the SPARQL 1.1 Graph Store Protocol (``kg push``)."""

from __future__ import annotations

import re
from typing import Any

from kg.errors import UsageError

_HINT = (
    "is this the Graph Store Protocol URL (Oxigraph: /store; Virtuoso: /sparql-graph-crud, "
    "with --graph), and writable?"
)


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
        # the body's words without its markup: Virtuoso explains itself in an HTML page
        page = re.sub(r"<[^>]*>", " ", exc.read().decode("utf-8", "replace"))
        detail = " ".join(page.split())[:300]
        raise UsageError(
            f"the endpoint answered {exc.code} {exc.reason}: {detail}", where=url, hint=_HINT
        ) from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        if isinstance(reason, (BrokenPipeError, ConnectionResetError)):
            # it answered (an error) and hung up before the upload was sent (Virtuoso does)
            raise UsageError(
                "the endpoint closed the connection before the whole graph was sent, "
                "most likely refusing the upload",
                where=url,
                hint=_HINT,
            ) from None
        raise UsageError(
            f"cannot reach the endpoint: {reason}", where=url, hint="is the server running?"
        ) from None
    return len(graph)
