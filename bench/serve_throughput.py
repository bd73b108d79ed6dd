"""Throughput of ``kg serve`` on the named questions with concurrent clients, beside the
Oxigraph server on the same queries.

    python bench/serve_throughput.py                    # 8 clients, 15 s per server
    python bench/serve_throughput.py --clients 8 --seconds 30 --workers 2

Four servers are measured one after the other, each on a free loopback port:

* ``kg serve --store memory`` (worker processes, each with the data in an in-memory
  Oxigraph store for questions),
* ``kg serve --store oxigraph:DIR`` (worker processes reading one on-disk Oxigraph store),
* ``oxigraph serve-read-only --location DIR`` (the Rust server, PyPI package ``oxigraph``)
  on that same store directory: the like-for-like comparison,
* ``oxigraph serve`` in memory, loaded by ``kg push``.

``bench/run.py`` runs this in a full run and judges issue 16's goals on it.

The workload is every named question without required parameters, plus the questions that
need one with a fixed IRI, asked round-robin (each client starts at a different question).
kg serve is asked ``/queries/NAME?param=...``; the Oxigraph server the same text with the
parameter in a VALUES block opening the WHERE group (``kg.query.terms.values_first``), which is how
``--store sparql:URL`` asks it. Every answer must be a 200 with as many rows as the first
answer to that question; errors and wrong row counts are counted and printed.
"""

from __future__ import annotations

import argparse
import json
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

#: required parameters of the questions that have them, as IRIs (prefixed names).
PARAMS = {
    "commitments-of-actor": {"actor": "skgr:kazakhstan"},
    "quotations-by-speaker": {"speaker": "skgr:xi-jinping"},
    "actor-profile": {"actor": "skgr:tajikistan"},
    "actor-neighbourhood": {"actor": "skgr:tajikistan"},
    "agreement-subgraph": {"agreement": "skgr:eternal-friendship-treaty"},
    "provenance": {"resource": "skgr:china-kyrgyzstan-uzbekistan-railway"},
}


def workload() -> list[tuple[str, dict[str, str], str]]:
    """(question, params, text) for every question we can ask without a person's input."""
    from kg.query import catalogue

    items = []
    for q in catalogue.catalogue().values():
        required = [p.name for p in q.params if p.required]
        params = PARAMS.get(q.name, {})
        if all(r in params for r in required):
            items.append((q.name, {k: v for k, v in params.items() if k in required}, q.text))
    return items


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(request: urllib.request.Request) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def rows_of(body: bytes, accept: str) -> int:
    if "turtle" in accept or body[:1] in (b"@", b"<", b"_"):
        return body.count(b" .\n")  # triples, roughly; compared only with itself
    data = json.loads(body)
    return len(data["results"]["bindings"]) if "results" in data else 1


def kg_request(base: str, name: str, params: dict[str, str], text: str) -> urllib.request.Request:
    query = urllib.parse.urlencode(params)
    return urllib.request.Request(
        f"{base}/queries/{name}?{query}",
        headers={"Accept": "application/sparql-results+json, text/turtle;q=0.9"},
    )


def oxigraph_request(
    base: str, name: str, params: dict[str, str], text: str
) -> urllib.request.Request:
    from rdflib import URIRef

    from kg.model.namespaces import PREFIXES, sparql_prologue
    from kg.query.terms import values_first

    bindings = {}
    for key, value in params.items():
        prefix, _, local = value.partition(":")
        bindings[key] = URIRef(PREFIXES[prefix] + local)
    body = sparql_prologue() + (values_first(text, bindings) if bindings else text)
    return urllib.request.Request(
        f"{base}/query",
        data=urllib.parse.urlencode({"query": body}).encode(),
        headers={
            "Accept": "application/sparql-results+json, text/turtle;q=0.9",
            "Content-Type": "application/x-www-form-urlencoded",
        },
    )


def hammer(make, base: str, items, clients: int, seconds: float, per_client: int | None):  # type: ignore[no-untyped-def]
    """Run ``clients`` threads for ``seconds`` (or ``per_client`` queries each)."""
    expected: dict[str, int] = {}
    for name, params, text in items:  # warm up, and record each question's row count
        status, body = fetch(make(base, name, params, text))
        if status != 200:
            raise SystemExit(f"{base}: {name} answered {status}: {body[:300]!r}")
        expected[name] = rows_of(body, "json")
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop_at = time.perf_counter() + seconds

    def client(index: int) -> None:
        done = 0
        i = index
        mine: list[float] = []
        while True:
            if per_client is not None and done >= per_client:
                break
            if per_client is None and time.perf_counter() >= stop_at:
                break
            name, params, text = items[i % len(items)]
            i += 1
            t0 = time.perf_counter()
            status, body = fetch(make(base, name, params, text))
            mine.append(time.perf_counter() - t0)
            done += 1
            if status != 200:
                with lock:
                    errors.append(f"{name}: {status}")
            elif rows_of(body, "json") != expected[name]:
                with lock:
                    errors.append(f"{name}: {rows_of(body, 'json')} rows, not {expected[name]}")
        with lock:
            latencies.extend(mine)

    t0 = time.perf_counter()
    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    return {
        "queries": len(latencies),
        "seconds": wall,
        "qps": len(latencies) / wall,
        "median_ms": statistics.median(latencies) * 1000,
        "p95_ms": sorted(latencies)[int(len(latencies) * 0.95)] * 1000,
        "errors": errors,
    }


def _wait_up(base: str) -> None:
    for _ in range(300):
        try:
            urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=1)
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"{base}: the Oxigraph server did not start")


def _rust_server(args: list[str], items, clients: int, seconds: float, push: bool) -> dict:  # type: ignore[no-untyped-def]
    port = free_port()
    proc = subprocess.Popen(
        [*args, "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_up(base)
        if push:
            from kg.stores import open_graph, push_graph

            push_graph(open_graph("memory"), f"{base}/store")
        return hammer(oxigraph_request, base, items, clients, seconds, None)
    finally:
        proc.terminate()
        proc.wait(10)


def measure(
    clients: int = 8,
    seconds: float = 15.0,
    workers: int | None = None,
    log=print,  # type: ignore[no-untyped-def]
) -> list[dict]:
    """Each server in turn on the same questions: rows of label, key and the figures.

    The Rust server runs twice: on the very store directory ``kg serve --store
    oxigraph:DIR`` reads (``serve-read-only``, the like-for-like comparison: RocksDB on
    disk), and in memory (``serve`` without a location, filled by ``kg push``), which is
    what ``kg serve --store memory`` now holds its data in.
    """
    from kg import serve as server
    from kg.model.load import source_files
    from kg.stores import load_into_oxigraph

    items = workload()
    log(f"{len(items)} questions, {clients} clients, {seconds:g} s per server")
    rows: list[dict] = []
    work = Path(tempfile.mkdtemp(prefix="kg-serve-bench-"))
    try:
        load_into_oxigraph(source_files(), work / "ox")
        for key, label, spec in (
            ("kg-memory", "kg serve --store memory", "memory"),
            ("kg-oxigraph", "kg serve --store oxigraph:DIR", f"oxigraph:{work / 'ox'}"),
        ):
            config = server.ServeConfig(store=spec, port=0, timeout=60, max_rows=100_000)
            if workers:
                config.workers = workers
            srv = server.start(config)
            try:
                r = hammer(kg_request, srv.url, items, clients, seconds, None)
            finally:
                server.shutdown(srv)
            rows.append({"key": key, "label": f"{label} ({config.workers} workers)", **r})
            log(f"{rows[-1]['label']}: {_line(r)}")
        exe = shutil.which("oxigraph")
        if exe:
            for key, label, args, push in (
                (
                    "rust-same-store",
                    "oxigraph serve-read-only (Rust, same store)",
                    [exe, "serve-read-only", "--location", str(work / "ox")],
                    False,
                ),
                ("rust-memory", "oxigraph serve (Rust, in memory)", [exe, "serve"], True),
            ):
                r = _rust_server(args, items, clients, seconds, push)
                rows.append({"key": key, "label": label, **r})
                log(f"{label}: {_line(r)}")
        else:
            log("no oxigraph command (pip install oxigraph): the Rust server is not measured")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return rows


def table(rows: list[dict]) -> list[str]:
    lines = [
        "| server | queries | q/s | median ms | p95 ms | errors |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        lines.append(
            f"| {r['label']} | {r['queries']} | {r['qps']:.1f} | {r['median_ms']:.1f} | "
            f"{r['p95_ms']:.1f} | {len(r['errors'])} |"
        )
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=15.0)
    ap.add_argument("--workers", type=int, default=None, help="kg serve worker processes")
    args = ap.parse_args()
    rows = measure(args.clients, args.seconds, args.workers)
    print()
    print("\n".join(table(rows)))
    for r in rows:
        for e in r["errors"][:5]:
            print(f"  {r['label']}: {e}")


def _line(r: dict) -> str:
    return (
        f"{r['queries']} queries, {r['qps']:.1f} q/s, median {r['median_ms']:.1f} ms, "
        f"p95 {r['p95_ms']:.1f} ms, {len(r['errors'])} errors"
    )


if __name__ == "__main__":
    main()
