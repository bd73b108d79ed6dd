"""Every command is documented: its --help ends with real examples, and the README names it.

A command added to the group without help, or left out of the README, fails here."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import COMMANDS, main

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_help_ends_with_examples(name):
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0, result.output
    tail = result.output.strip().splitlines()[-6:]
    assert any(line.strip().startswith("Example") for line in result.output.splitlines()), name
    assert any(line.strip().startswith(f"kg {name}") for line in tail), tail


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_readme_names_the_command(name):
    assert f"kg {name}" in README


def test_group_help_lists_every_command_without_importing_them():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    for name in COMMANDS:
        assert f"  {name} " in result.output
