"""Shared fixtures: the shipped graph (parsed once per session) and a port that counts the
connections made to it (to prove that a query reached no network)."""

from __future__ import annotations

import socket
import threading

import pytest

from kg.model import paths


@pytest.fixture(scope="session")
def graph():
    from kg.model.load import load

    return load()


@pytest.fixture(scope="session")
def data_dir():
    return paths.DATA_DIR


class Recorder:
    """A TCP port on 127.0.0.1 that counts the connections made to it."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.sock.close()


@pytest.fixture
def recorder():
    rec = Recorder()
    yield rec
    rec.close()


def same_graph(a, b) -> bool:  # type: ignore[no-untyped-def]
    """Whether two rdflib graphs are isomorphic, decided by W3C RDF Dataset Canonicalization
    (pyoxigraph's, in Rust). ``rdflib.compare.isomorphic`` takes minutes on the shipped graph,
    whose ~600 evidence blank nodes look alike until their offsets are compared."""
    import pyoxigraph as ox
    from rdflib import BNode, URIRef

    def canonical(graph):  # type: ignore[no-untyped-def]
        def term(t):  # type: ignore[no-untyped-def]
            if isinstance(t, BNode):
                return ox.BlankNode(str(t))
            if isinstance(t, URIRef):
                return ox.NamedNode(str(t))
            if t.language:
                return ox.Literal(str(t), language=t.language)
            if t.datatype:
                return ox.Literal(str(t), datatype=ox.NamedNode(str(t.datatype)))
            return ox.Literal(str(t))

        ds = ox.Dataset(ox.Quad(term(s), term(p), term(o)) for s, p, o in graph)
        ds.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
        return {str(q) for q in ds}

    return len(a) == len(b) and canonical(a) == canonical(b)


def stop_process(proc, wait: float) -> None:  # type: ignore[no-untyped-def]
    """Terminate a server a fixture started; kill it if it is still up after ``wait`` s."""
    import subprocess

    proc.terminate()
    try:
        proc.wait(wait)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
