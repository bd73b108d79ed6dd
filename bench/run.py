"""The summit-kg benchmark: load time, peak memory and three named questions, per store and
size, plus the command line's start-up latency.

Every store/size measurement runs in a fresh subprocess (``--worker``), so the peak resident
memory (``ru_maxrss``) belongs to that one measurement, and is repeated; figures are
medians. The project's own code (``kg.stores``, ``kg.query``, the ``kg`` command) is measured
beside bare pyoxigraph and bare rdflib on the same files, in the same run, so the ratios in
the output compare like with like on whatever machine runs it.

    python bench/run.py            # shipped graph, 10k, 100k, 1M, 10M, the servers (~25 min)
    python bench/run.py --quick    # up to 100k, under a minute; what CI runs

Writes ``results.md`` (tables, ratios, log-log growth, goals met or missed),
``results.json``, ``results.png`` (time and memory against size, log scales) and
``machine.txt`` to ``--out``. Only a full run writes to bench/results/ by default (the
committed results); a quick or partial run writes to bench/work/results/ unless ``--out``
says otherwise.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SKGR = "https://w3id.org/summit-kg/id/"

#: The three named questions (files in queries/) and the parameter each is run with, per
#: data set: the synthetic graphs' states are skgr:state-NNNN.
QUESTIONS: dict[str, dict[str, dict[str, str]]] = {
    "commitments-of-actor": {
        "summit": {"actor": SKGR + "kazakhstan"},
        "synthetic": {"actor": SKGR + "state-0003"},
    },
    "money-by-actor": {},
    "agreements-with-quoted-leaders": {},
}
SHORT = {
    "commitments-of-actor": "lookup",
    "money-by-actor": "money",
    "agreements-with-quoted-leaders": "3-hop",
}
#: Stores: the project's two (through kg.stores / kg.query) and the bare libraries.
STORES = {
    "kg-memory": "kg, rdflib memory",
    "kg-oxigraph": "kg, oxigraph:DIR",
    "oxigraph": "bare pyoxigraph",
    "rdflib": "bare rdflib",
}
SIZES_FULL = [0, 10_000, 100_000, 1_000_000, 10_000_000]  # 0 = the shipped summit graph
#: From this size only the Oxigraph stores run: rdflib took 42 s and 1.2 GiB at 1M, so 10M
#: would take ~7 min and ~12 GiB per process for a number that adds nothing to the goals.
OXIGRAPH_ONLY_FROM = 10_000_000
SIZES_QUICK = [0, 10_000, 100_000]
SEED = 2025


def size_name(size: int) -> str:
    if size == 0:
        return "summit"
    return f"{size // 1_000_000}M" if size >= 1_000_000 else f"{size // 1000}k"


# --------------------------------------------------------------------------------------
# Worker: one store, one data set, in its own process
# --------------------------------------------------------------------------------------


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def _rss_mib() -> float:
    """Resident memory now (the libraries imported, no data yet)."""
    with open("/proc/self/statm", encoding="ascii") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _import_for(kind: str) -> None:
    import pyoxigraph  # noqa: F401 - every store but bare rdflib uses it

    if kind != "oxigraph":
        import rdflib  # noqa: F401

        import kg.model.load  # noqa: F401
    if kind.startswith("kg-"):
        import kg.query.execute  # noqa: F401
        import kg.stores  # noqa: F401


def _question_text(name: str) -> str:
    return (ROOT / "queries" / f"{name}.rq").read_text(encoding="utf-8")


def _with_values(text: str, bindings: dict[str, str]) -> str:
    """Bind parameters for the bare stores: a VALUES block first in the WHERE group.

    First, not last, so that every engine starts its join from the bound actor.
    """
    if not bindings:
        return text
    block = "".join(f"  VALUES ?{k} {{ <{v}> }}\n" for k, v in bindings.items())
    head, sep, tail = text.partition("WHERE {\n")
    return head + sep + block + tail


def _timed(fn: Callable[[], Any], repeats: int) -> tuple[list[float], int]:
    times, rows = [], 0
    for _ in range(repeats):
        t0 = time.perf_counter()
        rows = fn()
        times.append(time.perf_counter() - t0)
    return times, rows


def _kg_run_question(graph: Any, name: str, bindings: dict[str, str]) -> int:
    """Run a named question the way ``kg query NAME`` does: through kg.query's run_named."""
    from kg.query.execute import run_named

    result = run_named(graph, name, bindings, timeout=None)  # the worker has its own limit
    return len(list(getattr(result, "rows", result)))


def _kg_oxigraph_load(store_dir: Path, files: list[Path]) -> None:
    from kg import stores as store

    loader = getattr(store, "load_into_oxigraph", None)
    if loader is None:
        raise NotImplementedError("kg.stores has no load_into_oxigraph")
    loader(files, store_dir)


def _load_child(files: list[Path], store_dir: Path) -> dict[str, float]:
    """kg's load in a process of its own (what `kg load` is): its time and memory."""
    spec = {"files": [str(f) for f in files], "store_dir": str(store_dir)}
    proc = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--load-child", json.dumps(spec)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def load_child(spec: dict[str, Any]) -> dict[str, float]:
    _import_for("kg-oxigraph")
    base = _rss_mib()
    t0 = time.perf_counter()
    _kg_oxigraph_load(Path(spec["store_dir"]), [Path(f) for f in spec["files"]])
    return {"load_s": time.perf_counter() - t0, "peak_mib": _peak_mib(), "base_mib": base}


def worker(spec: dict[str, Any]) -> dict[str, Any]:
    kind: str = spec["kind"]
    files = [Path(f) for f in spec["files"]]
    data_dir = Path(spec["data_dir"])
    qrep: int = spec["qrep"]
    store_dir = Path(spec["store_dir"])
    out: dict[str, Any] = {"kind": kind, "questions": {}}
    _import_for(kind)  # imports are start-up, not loading: timed and counted apart
    out["base_mib"] = _rss_mib()
    t0 = time.perf_counter()
    run: Callable[[str, dict[str, str]], int]
    if kind == "rdflib":
        from rdflib import Graph, URIRef

        from kg.model.load import PARSERS  # only the suffix table: the parse is rdflib's own

        g = Graph()
        for f in files:
            g.parse(f, format=PARSERS[f.suffix])
        out["load_s"] = time.perf_counter() - t0
        out["triples"] = len(g)

        def run(name: str, b: dict[str, str]) -> int:
            res = g.query(_question_text(name), initBindings={k: URIRef(v) for k, v in b.items()})
            return len(list(res))

    elif kind == "oxigraph":
        import pyoxigraph as ox

        st = ox.Store(str(store_dir))
        for f in files:
            st.bulk_load(path=str(f), format=ox.RdfFormat.from_extension(f.suffix[1:]))
        del st  # closed, the data on disk: where `kg load` leaves a store
        out["load_s"] = time.perf_counter() - t0
        st = ox.Store.read_only(str(store_dir))  # as kg's stores are opened to be asked
        out["triples"] = len(st)

        def run(name: str, b: dict[str, str]) -> int:
            return len([tuple(r) for r in st.query(_with_values(_question_text(name), b))])

    elif kind == "kg-memory":
        from kg.stores import open_graph

        g = open_graph("memory", data_dir)
        out["load_s"] = time.perf_counter() - t0
        out["triples"] = len(g)

        def run(name: str, b: dict[str, str]) -> int:
            return _kg_run_question(g, name, b)

    elif kind == "kg-oxigraph":
        # as a user does it: `kg load` in one process, the questions in another
        loaded = _load_child(files, store_dir)
        out["load_s"], out["load_child"] = loaded["load_s"], loaded
        from kg.stores import open_graph

        t1 = time.perf_counter()
        g = open_graph(f"oxigraph:{store_dir}", data_dir)
        out["open_s"] = time.perf_counter() - t1
        out["triples"] = len(g)

        def run(name: str, b: dict[str, str]) -> int:
            return _kg_run_question(g, name, b)

    else:
        raise SystemExit(f"unknown store kind {kind!r}")
    out["load_peak_mib"] = _peak_mib()
    if kind in ("oxigraph", "kg-oxigraph"):
        out["disk_mib"] = sum(f.stat().st_size for f in store_dir.rglob("*") if f.is_file()) / 2**20
    for name, params in QUESTIONS.items():
        b = params.get(spec["dataset"], {})
        times, rows = _timed(lambda n=name, bb=b: run(n, bb), qrep)
        out["questions"][name] = {"times": times, "rows": rows}
    out["peak_mib"] = _peak_mib()
    if "load_child" in out:  # the loading process's peak, if it was the higher one
        child = out.pop("load_child")
        out["load_peak_mib"] = child["peak_mib"]
        out["peak_mib"] = max(out["peak_mib"], child["peak_mib"])
        out["base_mib"] = min(out["base_mib"], child["base_mib"])
        out["data_mib"] = max(
            out["peak_mib"] - out["base_mib"], child["peak_mib"] - child["base_mib"]
        )
    if kind == "kg-oxigraph" and spec["size"] < OXIGRAPH_ONLY_FROM:  # too long at 10M
        out["paired"] = _paired(g, spec, qrep)
    return out


def _paired(graph: Any, spec: dict[str, Any], qrep: int) -> dict[str, dict[str, list[float]]]:
    """Each question alternately through kg and bare on the *same* pyoxigraph store.

    On a shared machine the load changes from second to second; alternating in one process
    cancels it out of the kg/bare ratio, which separate processes cannot.
    """
    from kg.stores import oxigraph_of

    inner = oxigraph_of(graph)
    if inner is None:
        return {}
    out: dict[str, dict[str, list[float]]] = {}
    for name, params in QUESTIONS.items():
        b = params.get(spec["dataset"], {})
        text = _with_values(_question_text(name), b)
        pair: dict[str, list[float]] = {"kg": [], "bare": []}
        for _ in range(qrep):
            t0 = time.perf_counter()
            [tuple(r) for r in inner.query(text)]
            pair["bare"].append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            _kg_run_question(graph, name, b)
            pair["kg"].append(time.perf_counter() - t0)
        out[name] = pair
    return out


# --------------------------------------------------------------------------------------
# Driver
# --------------------------------------------------------------------------------------


def dataset_files(size: int, work: Path) -> tuple[list[Path], Path]:
    """The files a store loads (ontology first) and the data folder kg's loaders read."""
    sys.path.insert(0, str(ROOT / "src"))
    from kg.model import paths

    ontology = paths.ONTOLOGY_FILE
    if size == 0:
        folder = paths.DATA_DIR
        return [ontology, *sorted(folder.glob("*.ttl"))], folder
    folder = work / f"n{size}"
    nt = folder / "data.nt"
    stamp = folder / "stamp.txt"
    # Regenerate when the seed or the generator changes, never serve a stale file.
    key = f"{SEED} {hashlib.sha256((HERE / 'generate.py').read_bytes()).hexdigest()}"
    if not nt.exists() or not stamp.exists() or stamp.read_text().strip() != key:
        sys.path.insert(0, str(HERE))
        import generate

        generate.write(nt, size, SEED)
        stamp.write_text(key + "\n")
    return [ontology, nt], folder


def run_worker(spec: dict[str, Any], timeout: float) -> dict[str, Any]:
    store_dir = Path(spec["store_dir"])
    shutil.rmtree(store_dir, ignore_errors=True)
    store_dir.parent.mkdir(parents=True, exist_ok=True)
    try:
        proc = subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), "--worker", json.dumps(spec)],
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout:.0f} s"}
    finally:
        shutil.rmtree(store_dir, ignore_errors=True)
    if proc.returncode != 0:
        lines = (proc.stderr or proc.stdout).strip().splitlines() or ["?"]
        return {"error": lines[-1][:160]}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def plan(size: int, kind: str, quick: bool) -> tuple[int, int]:
    """(process runs, query repeats per process): fewer where rdflib is slow at scale."""
    slow = kind in ("kg-memory", "rdflib")
    if size >= OXIGRAPH_ONLY_FROM:
        return 1, 1  # a question takes a minute or more here: one process, one asking
    if size >= 1_000_000:
        return (1, 1) if slow else (3, 5)
    if quick:  # a smoke run: still medians, of fewer processes
        return (1, 3) if size >= 100_000 and slow else (2, 3)
    return 3, 3


def measure_stores(
    sizes: list[int], stores: list[str], work: Path, quick: bool, log: Callable[[str], None]
) -> list[dict]:
    rows = []
    for size in sizes:
        files, data_dir = dataset_files(size, work)
        kinds = list(stores)
        if quick and "rdflib" in kinds:
            kinds.remove("rdflib")  # kg-memory is rdflib memory: enough for a smoke run
        if size >= OXIGRAPH_ONLY_FROM:
            kinds = [k for k in kinds if k in ("kg-oxigraph", "oxigraph")]
        # Interleaved (run 1 of every store, then run 2 ...), so that a busy moment on a
        # shared machine falls on all the stores alike rather than on one.
        plans = {kind: plan(size, kind, quick) for kind in kinds}
        results: dict[str, list[dict]] = {kind: [] for kind in kinds}
        for i in range(max(runs for runs, _ in plans.values())):
            for kind in kinds:
                runs, qrep = plans[kind]
                if i >= runs or any("error" in r for r in results[kind]):
                    continue
                spec = {
                    "kind": kind,
                    "files": [str(f) for f in files],
                    "data_dir": str(data_dir),
                    "dataset": "summit" if size == 0 else "synthetic",
                    "size": size,
                    "store_dir": str(work / "stores" / f"{kind}-{size}-{i}"),
                    "qrep": qrep,
                }
                limit = 3600 if size >= OXIGRAPH_ONLY_FROM else 600
                results[kind].append(run_worker(spec, timeout=limit))
        for kind in kinds:
            row = summarise(size, kind, *plans[kind], results[kind])
            rows.append(row)
            log(_row_line(row))
    return rows


def _median(xs: list[float]) -> float | None:
    return statistics.median(xs) if xs else None


def summarise(size: int, kind: str, runs: int, qrep: int, results: list[dict]) -> dict:
    row: dict[str, Any] = {
        "size": size,
        "dataset": size_name(size),
        "store": kind,
        "runs": runs,
        "qrep": qrep,
    }
    errors = [r["error"] for r in results if "error" in r]
    if errors:
        row["error"] = errors[0]
        return row
    row["triples"] = results[0]["triples"]
    row["load_s"] = _median([r["load_s"] for r in results])
    row["peak_mib"] = _median([r["peak_mib"] for r in results])
    row["load_peak_mib"] = _median([r["load_peak_mib"] for r in results])
    row["base_mib"] = _median([r["base_mib"] for r in results])
    row["data_mib"] = _median([r.get("data_mib", r["peak_mib"] - r["base_mib"]) for r in results])
    if "disk_mib" in results[0]:
        row["disk_mib"] = _median([r["disk_mib"] for r in results])
    for name in QUESTIONS:
        row[name] = _median([t for r in results for t in r["questions"][name]["times"]])
        row[name + ":rows"] = results[0]["questions"][name]["rows"]
        if "paired" in results[0] and name in results[0]["paired"]:
            for side in ("kg", "bare"):
                row[f"{name}:paired-{side}"] = _median(
                    [t for r in results for t in r["paired"][name][side]]
                )
    return row


def _row_line(row: dict) -> str:
    if "error" in row:
        return f"{row['dataset']:>7} {row['store']:<12} ERROR {row['error']}"
    qs = " ".join(f"{SHORT[n]}={row[n] * 1000:.0f}ms" for n in QUESTIONS)
    return (
        f"{row['dataset']:>7} {row['store']:<12} {row['triples']:>8} triples  "
        f"load {row['load_s']:.2f}s  peak {row['peak_mib']:.0f}MiB  {qs}  "
        f"({row['runs']} runs x {row['qrep']})"
    )


# --------------------------------------------------------------------------------------
# Command-line latency
# --------------------------------------------------------------------------------------


def _kg_command() -> list[str]:
    exe = Path(sys.executable).parent / "kg"
    if exe.exists():
        return [str(exe)]
    found = shutil.which("kg")
    return [found] if found else [sys.executable, "-m", "kg"]


def _wall(
    cmd: list[str],
    repeats: int,
    env: dict[str, str] | None = None,
    before: Callable[[], None] | None = None,
) -> tuple[float, str]:
    times = []
    status = "ok"
    for _ in range(repeats):
        if before is not None:
            before()
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, env=env)
        times.append(time.perf_counter() - t0)
        if proc.returncode != 0:
            err = proc.stderr.decode(errors="replace").strip().splitlines() or [""]
            status = f"exit {proc.returncode}: {err[-1][:120]}"
    return statistics.median(times), status


def measure_cli(repeats: int, work: Path, log: Callable[[str], None]) -> list[dict]:
    """Median wall time of cold processes (new interpreter each time, OS file cache warm)."""
    py = sys.executable
    kg = _kg_command()
    out_dir = Path(tempfile.mkdtemp(prefix="kg-bench-viz-", dir=work))
    cache_dir = Path(tempfile.mkdtemp(prefix="kg-bench-cache-", dir=work))
    # .pyc files as a user's install has them (this machine's shell may set
    # PYTHONDONTWRITEBYTECODE, which would recompile kg's modules in every process)
    base_env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env_cold = dict(base_env, KG_CACHE_DIR=str(cache_dir))
    sparql = "SELECT ?state ?label WHERE { ?state a skg:State ; rdfs:label ?label }"

    def empty_cache() -> None:
        shutil.rmtree(cache_dir, ignore_errors=True)
        cache_dir.mkdir()

    probes: list[tuple[str, list[str], str | None, dict | None, Callable[[], None] | None]] = [
        ("python -c pass", [py, "-c", "pass"], None, None, None),
        ('python -c "import click"', [py, "-c", "import click"], None, None, None),
        ('python -c "import rdflib"', [py, "-c", "import rdflib"], None, None, None),
        ("kg --help", [*kg, "--help"], 'python -c "import click"', None, None),
        (
            "kg query money-by-actor",
            [*kg, "query", "money-by-actor"],
            'python -c "import rdflib"',
            None,
            None,
        ),
        (
            "kg query money-by-actor --no-cache",
            [*kg, "query", "money-by-actor", "--no-cache"],
            'python -c "import rdflib"',
            env_cold,
            empty_cache,
        ),
        (
            "kg query --sparql TEXT --no-cache",
            [*kg, "query", "--no-cache", "--sparql", sparql],
            'python -c "import rdflib"',
            env_cold,
            empty_cache,
        ),
        (
            "kg viz -o graph.html",
            [*kg, "viz", "-o", str(out_dir / "graph.html")],
            'python -c "import rdflib"',
            None,
            None,
        ),
    ]
    # Prime the result cache once, so "kg query NAME" shows the every-day (cached) case,
    # and run every probe once, so that each starts from compiled modules.
    subprocess.run([*kg, "query", "money-by-actor"], capture_output=True, env=base_env)
    for _label, cmd, _floor, env, _before in probes:
        subprocess.run(cmd, capture_output=True, env=env or base_env)
    # Rounds of every probe in turn, so background load hits floors and commands alike.
    samples: dict[str, list[float]] = {label: [] for label, *_ in probes}
    statuses: dict[str, str] = {label: "ok" for label, *_ in probes}
    for _ in range(repeats):
        for label, cmd, _floor, env, before in probes:
            t, status = _wall(cmd, 1, env or base_env, before)
            samples[label].append(t)
            if status != "ok":
                statuses[label] = status
    rows = []
    times = {label: statistics.median(ts) for label, ts in samples.items()}
    for label, _cmd, floor, _env, _before in probes:
        t, status = times[label], statuses[label]
        row = {"command": label, "median_s": t, "floor": floor, "status": status}
        if floor and status == "ok":
            row["ratio"] = t / times[floor]
        rows.append(row)
        ratio = f"  {row['ratio']:.2f} x {floor}" if "ratio" in row else ""
        log(f"{label:<42} {t * 1000:7.0f} ms{ratio}  {'' if status == 'ok' else status}")
    shutil.rmtree(out_dir, ignore_errors=True)
    shutil.rmtree(cache_dir, ignore_errors=True)
    return rows


# --------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------


def _find(rows: list[dict], size: int, store: str) -> dict | None:
    for r in rows:
        if r["size"] == size and r["store"] == store and "error" not in r:
            return r
    return None


def _fmt(x: float | None, scale: float = 1.0, digits: int = 2) -> str:
    return "–" if x is None else f"{x * scale:.{digits}f}"


def markdown(
    store_rows: list[dict],
    cli_rows: list[dict],
    goal_rows: list[dict],
    meta: dict[str, Any],
    serve_rows: list[dict] | None = None,
    slope_rows: list[dict] | None = None,
) -> str:
    lines = [
        "# summit-kg benchmark",
        "",
        f"Run {meta['when']} on {meta['machine']} ({meta['mode']} run, "
        f"{meta['elapsed_s']:.0f} s). Full details of the machine: machine.txt.",
        "",
        "Medians: each store/size is measured in fresh processes (runs) and every question is",
        "asked several times per process (x). Times of questions include turning every result",
        "row into Python objects: pyoxigraph terms for bare pyoxigraph, rdflib terms for kg",
        "(what every command and notebook receives). Peak memory is the process's maximum",
        'resident set size. Load time for kg\'s stores is `kg.stores.open_graph("memory")` and',
        "`kg.stores.load_into_oxigraph`; questions go through `kg.query.run_named`.",
        "",
        "## Stores",
        "",
        "| data | store | triples | load s | peak MiB (over imports) | disk MiB | lookup ms "
        "| money ms | 3-hop ms "
        "| runs |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for r in store_rows:
        if "error" in r:
            lines.append(
                f"| {r['dataset']} | {STORES[r['store']]} | – | – | – | – | – | – | – | "
                f"error: {r['error']} |"
            )
            continue
        q = [_fmt(r[n], 1000, 1) for n in QUESTIONS]
        lines.append(
            f"| {r['dataset']} | {STORES[r['store']]} | {r['triples']:,} | {_fmt(r['load_s'])} | "
            f"{r['peak_mib']:.0f} ({_fmt(r.get('data_mib'), 1, 0)}) | "
            f"{_fmt(r.get('disk_mib'), 1, 0)} | {q[0]} | {q[1]} | {q[2]} | "
            f"{r['runs']} x {r['qrep']} |"
        )
    single = [r for r in store_rows if r.get("runs") == 1 and "error" not in r]
    if single:
        names = ", ".join(sorted({f"{STORES[r['store']]} at {r['dataset']}" for r in single}))
        lines += ["", f"Single process run (too slow to repeat within the time budget): {names}."]
    lines += [
        "",
        "## Ratios (same run, same files)",
        "",
        "| data | measure | rdflib memory / oxigraph (kg) | kg oxigraph / bare pyoxigraph "
        "| kg memory / bare rdflib |",
        "| --- | --- | ---: | ---: | ---: |",
    ]
    for size in sorted({r["size"] for r in store_rows}):
        mem, kox = _find(store_rows, size, "kg-memory"), _find(store_rows, size, "kg-oxigraph")
        box, brd = _find(store_rows, size, "oxigraph"), _find(store_rows, size, "rdflib")
        for key, label in [
            ("load_s", "load"),
            ("peak_mib", "peak memory"),
            ("data_mib", "peak memory over imports"),
            *[(n, SHORT[n]) for n in QUESTIONS],
        ]:

            def ratio(a: dict | None, b: dict | None, k: str = key) -> str:
                return f"{a[k] / b[k]:.2f}" if a and b and b[k] else "–"

            lines.append(
                f"| {size_name(size)} | {label} | {ratio(mem, kox)} | {ratio(kox, box)} | "
                f"{ratio(mem, brd)} |"
            )
    paired = [
        r
        for r in store_rows
        if r["store"] == "kg-oxigraph" and "error" not in r and "money-by-actor:paired-kg" in r
    ]  # (not at 10M, where each question is asked once)
    if paired:
        lines += [
            "",
            "## kg vs bare pyoxigraph on the same store, alternating in one process",
            "",
            "The cleanest view of what kg's query path adds (checking the query, binding",
            "parameters, turning rows into rdflib terms): background load on the machine",
            "cancels out. Not at 10M, where each question is asked once.",
            "",
            "| data | question | kg ms | bare ms | ratio |",
            "| --- | --- | ---: | ---: | ---: |",
        ]
        for r in paired:
            for name in QUESTIONS:
                k, b = r[f"{name}:paired-kg"], r[f"{name}:paired-bare"]
                lines.append(
                    f"| {r['dataset']} | {SHORT[name]} | {k * 1000:.1f} | {b * 1000:.1f} | "
                    f"{k / b:.2f} |"
                )
    lines += _growth(slope_rows or [])
    lines += _servers(serve_rows or [])
    lines += [
        "",
        "## Command-line latency (cold processes)",
        "",
        "| command | median ms | floor | ratio | status |",
        "| --- | ---: | --- | ---: | --- |",
    ]
    for r in cli_rows:
        lines.append(
            f"| `{r['command']}` | {r['median_s'] * 1000:.0f} | "
            f"{'`' + r['floor'] + '`' if r['floor'] else ''} | "
            f"{_fmt(r.get('ratio'))} | {r['status']} |"
        )
    lines += [
        "",
        "## Goals",
        "",
        "| goal | measured | met | detail |",
        "| --- | ---: | --- | --- |",
    ]
    for g in goal_rows:
        met = {True: "yes", False: "**no**", None: "not measured"}[g["met"]]
        lines.append(f"| {g['goal']} | {_fmt(g['measured'])} | {met} | {g['detail']} |")
    return "\n".join(lines) + "\n"


def _growth(slope_rows: list[dict]) -> list[str]:
    from goals import MEASURES

    if not slope_rows:
        return []
    lines = [
        "",
        "## Growth with size (log-log slopes)",
        "",
        "Least-squares slope of log(cost) on log(triples) from 10k up: 1.0 grows in step with",
        "the data, 0 stays flat. Rows are stores; sizes as in the table above.",
        "",
        "| store | sizes | " + " | ".join(label for _, label in MEASURES) + " |",
        "| --- | --- | " + " | ".join("---:" for _ in MEASURES) + " |",
    ]
    for r in slope_rows:
        cells = " | ".join(_fmt(r.get(key)) for key, _ in MEASURES)
        lines.append(f"| {STORES[r['store']]} | {r['from']} to {r['to']} | {cells} |")
    return lines


def _servers(serve_rows: list[dict]) -> list[str]:
    import serve_throughput

    if not serve_rows:
        return []
    return [
        "",
        "## SPARQL endpoints (8 clients, every named question, round-robin)",
        "",
        "bench/serve_throughput.py: each server in turn on the shipped graph; every answer",
        "is checked against the first answer to its question (errors count wrong rows).",
        "",
        *serve_throughput.table(serve_rows),
    ]


def plot(store_rows: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    panels = [
        ("load_s", "load time (s)"),
        ("money-by-actor", "money-by-actor (s)"),
        ("agreements-with-quoted-leaders", "3-hop join (s)"),
        ("peak_mib", "peak memory (MiB)"),
    ]
    fig, axes = plt.subplots(1, len(panels), figsize=(4.2 * len(panels), 3.8))
    for ax, (key, title) in zip(axes, panels, strict=True):
        for store, label in STORES.items():
            pts = sorted(
                (r["triples"], r[key])
                for r in store_rows
                if r["store"] == store and "error" not in r
            )
            if pts:
                ax.plot([p[0] for p in pts], [p[1] for p in pts], marker="o", label=label)
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel("triples")
        ax.set_title(title)
        ax.grid(True, which="both", alpha=0.3)
    axes[0].legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def machine_text() -> str:
    import importlib.metadata as md

    cpu = platform.processor() or "?"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem = "?"
    with contextlib.suppress(OSError):
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f"{kib / 1024 / 1024:.1f} GiB"
    versions = []
    for dist in ("rdflib", "pyoxigraph", "oxrdflib", "click", "summit-kg"):
        try:
            versions.append(f"{dist} {md.version(dist)}")
        except md.PackageNotFoundError:
            versions.append(f"{dist} (not installed)")
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return (
        "\n".join(
            [
                f"cpu: {cpu}",
                f"cores: {os.cpu_count()}",
                f"memory: {mem}",
                f"os: {platform.platform()}",
                f"python: {platform.python_version()} ({sys.executable})",
                f"packages: {', '.join(versions)}",
                f"load average at start of report: {load}",
            ]
        )
        + "\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="sizes up to 100k only (< 1 min)")
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        help="results folder [default: bench/results/ for a full run (the committed "
        "results), bench/work/results/ for --quick or a partial run]",
    )
    parser.add_argument(
        "--serve-seconds",
        type=float,
        default=None,
        help="seconds per server in the endpoint benchmark [default: 15; 0 skips it; "
        "skipped in --quick]",
    )
    parser.add_argument("--work", type=Path, default=HERE / "work", help="generated data, stores")
    parser.add_argument("--no-cli", action="store_true", help="skip the command-line latency")
    parser.add_argument("--stores", help=f"comma-separated subset of {','.join(STORES)}")
    parser.add_argument("--sizes", help="comma-separated triple counts (0 = shipped graph)")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--load-child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(json.loads(args.worker))))
        return 0
    if args.load_child:
        print(json.dumps(load_child(json.loads(args.load_child))))
        return 0

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    start = time.perf_counter()
    partial = args.quick or args.sizes or args.stores or args.no_cli or args.serve_seconds == 0
    if args.out is None:
        args.out = args.work / "results" if partial else HERE / "results"
    args.work.mkdir(parents=True, exist_ok=True)
    args.out.mkdir(parents=True, exist_ok=True)
    sizes = SIZES_QUICK if args.quick else SIZES_FULL
    if args.sizes:
        sizes = [int(x) for x in args.sizes.split(",")]
    stores = args.stores.split(",") if args.stores else list(STORES)
    log(f"stores at {', '.join(size_name(s) for s in sizes)} ({'quick' if args.quick else 'full'})")
    store_rows = measure_stores(sizes, stores, args.work, args.quick, log)
    cli_rows = [] if args.no_cli else measure_cli(3 if args.quick else 10, args.work, log)
    seconds = args.serve_seconds if args.serve_seconds is not None else (0 if args.quick else 15)
    serve_rows = []
    if seconds:
        import serve_throughput

        serve_rows = serve_throughput.measure(8, seconds, None, log)
    from goals import goals, slopes

    goal_rows = goals(store_rows, cli_rows, serve_rows, size_name)
    slope_rows = slopes(store_rows)
    for g in goal_rows:
        met = {True: "met", False: "MISSED", None: "not measured"}[g["met"]]
        log(f"goal: {g['goal']}: {_fmt(g['measured'])} {met} {g['detail']}")
    machine = machine_text()
    meta = {
        "when": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{os.cpu_count()} cores, {machine.splitlines()[0][5:]}",
        "mode": "quick" if args.quick else ("partial" if partial else "full"),
        "elapsed_s": time.perf_counter() - start,
    }
    everything = {
        "meta": meta,
        "stores": store_rows,
        "cli": cli_rows,
        "serve": serve_rows,
        "slopes": slope_rows,
        "goals": goal_rows,
    }
    # the figures first: a bug in the report below then loses nothing
    (args.out / "results.json").write_text(json.dumps(everything, indent=1))
    (args.out / "results.md").write_text(
        markdown(store_rows, cli_rows, goal_rows, meta, serve_rows, slope_rows)
    )
    (args.out / "machine.txt").write_text(machine)
    plot(store_rows, args.out / "results.png")
    log(f"wrote {args.out / 'results.md'} and results.png in {time.perf_counter() - start:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
