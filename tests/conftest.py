"""Shared fixtures: the shipped graph is parsed once per test session."""

from __future__ import annotations

import pytest

from kg.model import paths


@pytest.fixture(scope="session")
def graph():
    from kg.model.load import load

    return load()


@pytest.fixture(scope="session")
def data_dir():
    return paths.DATA_DIR
