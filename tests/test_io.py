"""write_atomic: whole files only, and the permissions a plain open() would give."""

from __future__ import annotations

import os
import stat

import pytest

from kg.io import write_atomic


def test_writes_whole_file_with_umask_mode(tmp_path):
    old = os.umask(0o022)
    try:
        target = tmp_path / "sub" / "out.txt"
        write_atomic(target, "hello")
        assert target.read_text() == "hello"
        assert stat.S_IMODE(target.stat().st_mode) == 0o644
    finally:
        os.umask(old)


def test_failure_leaves_no_file_and_no_temp(tmp_path, monkeypatch):
    target = tmp_path / "out.txt"

    def boom(*_args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        write_atomic(target, b"data")
    assert list(tmp_path.iterdir()) == []
