"""The README cannot drift from the CLI: every command and every setting is documented."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.cli import COMMANDS
from newsevents.settings import SETTINGS

README = (Path(__file__).resolve().parents[1] / "README.md").read_text()


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_is_in_the_readme_tour(command: str) -> None:
    assert f"newsevents {command}" in README


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.name)
def test_every_setting_is_in_the_readme(setting) -> None:
    assert setting.env in README


def test_the_readme_opens_with_the_two_setup_commands() -> None:
    setup = README.split("## ")[1]
    assert "make demo" in setup and "make test" in setup
