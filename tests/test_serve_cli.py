"""``kg serve`` as a command: Ctrl-C stops it with one line, and bad limits are one line too.

Ctrl-C is sent as a terminal sends it: SIGINT to the whole process group (the command, its
worker processes and multiprocessing's helpers).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request

import pytest
from click.testing import CliRunner

from kg.cli import main


def start_serving(*args: str) -> tuple[subprocess.Popen, str, list[str]]:
    process = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", "--port", "0", "--workers", "2", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    lines: list[str] = []
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        line = process.stderr.readline()  # type: ignore[union-attr]
        if not line:
            break
        lines.append(line)
        if line.startswith("serving"):
            url = line.split(" at ", 1)[1].split("/ ", 1)[0]
            return process, url, lines
    process.kill()
    pytest.fail(f"kg serve did not start: {''.join(lines)}")


def test_ctrl_c_stops_cleanly_with_one_line():
    process, url, before = start_serving()
    try:
        with urllib.request.urlopen(f"{url}/queries/leaders", timeout=30) as response:
            assert response.status == 200
        os.killpg(process.pid, signal.SIGINT)
        _, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    after = [line for line in err.splitlines() if '"GET ' not in line]  # request log lines
    assert process.returncode == 0
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    assert after == ["stopping"], err


def test_sigterm_stops_it_the_same_way():
    process, _, _ = start_serving()
    try:
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0 and err.strip() == "stopping"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--max-memory", "lots"], "--max-memory: 'lots' is not a size"),
        (["--max-bytes", "0"], "--max-bytes: '0' is not a positive size"),
        (["--allow-host", "a b"], "--allow-host: 'a b' is not a host name"),
    ],
)
def test_a_bad_limit_or_host_is_one_line_before_anything_starts(args, words):
    result = CliRunner().invoke(main, ["serve", *args])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: {words}")
