"""Starting and stopping a server: the pool first, then the listening socket and its thread."""

from __future__ import annotations

import threading

from kg.serve.config import ServeConfig
from kg.serve.http import KgServer
from kg.serve.workers import WorkerPool


def start(config: ServeConfig, *, quiet: bool = True) -> KgServer:
    """Start the pool and the HTTP server in a background thread; :func:`shutdown` stops
    both. For tests, benchmarks and notebooks (``port=0`` picks a free port)."""
    pool = WorkerPool(config.store, config.data_dir, config.workers, max_memory=config.max_memory)
    try:
        server = KgServer(config, pool, quiet=quiet)
    except (OSError, ValueError):
        pool.close()
        raise
    thread = threading.Thread(target=server.serve_forever, name="kg-serve", daemon=True)
    thread.start()
    return server


def shutdown(server: KgServer) -> None:
    """Stop accepting, close the socket, stop the workers."""
    server.shutdown()
    server.server_close()
    server.pool.close()


def is_loopback(host: str) -> bool:
    """Whether ``host`` is reachable from this machine only."""
    return host in ("127.0.0.1", "::1", "localhost") or host.startswith("127.")
