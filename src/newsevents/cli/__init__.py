"""The ``newsevents`` command line: a thin Typer app over the library."""

from __future__ import annotations

import typer

from newsevents.cli.evaluate import eval_command
from newsevents.cli.export import export_command
from newsevents.cli.listings import (
    actors_command,
    articles_command,
    events_command,
    quotes_command,
    stats_command,
)
from newsevents.cli.run import analyze_command, ingest_command, reanalyze_command
from newsevents.cli.show import show_command

app = typer.Typer(
    name="newsevents",
    help="Turn news articles into a local database of who did what to whom, when and where.\n\n"
         "Start with `newsevents ingest FILES` then `newsevents stats`; `newsevents analyze` "
         "prints one article's analysis as JSON without a database.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

COMMANDS = {
    "ingest": ingest_command,
    "analyze": analyze_command,
    "reanalyze": reanalyze_command,
    "articles": articles_command,
    "events": events_command,
    "actors": actors_command,
    "quotes": quotes_command,
    "show": show_command,
    "stats": stats_command,
    "export": export_command,
    "eval": eval_command,
}
for _name, _command in COMMANDS.items():
    app.command(_name)(_command)  # type: ignore[type-var]


def main() -> None:
    app()
