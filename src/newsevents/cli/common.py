"""What every command shares: options, the error boundary and the exit-code policy.

Library code raises named errors; this is the one place that turns them into a
single line on stderr and an exit code (0 all done, 1 some failed, 2 usage
error, 3 all failed).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from enum import StrEnum
from typing import Annotated, Any, NoReturn, TypeVar

import typer
from rich.console import Console

from newsevents import settings
from newsevents.errors import NewseventsError, UsageError

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_ALL_FAILED = 0, 1, 2, 3

stderr = Console(stderr=True, highlight=False)

F = TypeVar("F", bound=Callable[..., Any])


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


DbOption = Annotated[
    str,
    typer.Option("--db", envvar=settings.DB.env, help=settings.DB.help, show_default=True),
]
FormatOption = Annotated[
    OutputFormat,
    typer.Option("--format", "-f", help="How to print: a table for people, json/jsonl/csv for "
                                        "programs.", case_sensitive=False),
]
ModelOption = Annotated[
    str | None,
    typer.Option("--model", envvar=settings.MODEL.env, help=settings.MODEL.help),
]
PublishedOption = Annotated[
    str | None,
    typer.Option("--published", metavar="YYYY-MM-DD",
                 help="Publication date for articles that carry none (metadata and a dated "
                      "dateline take precedence)."),
]
SourceOption = Annotated[
    str | None,
    typer.Option("--source", help="Outlet name for articles that do not name one."),
]
InputsArgument = Annotated[
    list[str],
    typer.Argument(metavar="INPUT...", help="Files (.txt .jsonl .html .warc[.gz] .rss .atom "
                                            ".xml), folders (read recursively, sorted), or - "
                                            "for stdin."),
]


def fail(message: str, code: int) -> NoReturn:
    stderr.print(f"newsevents: error: {message}", markup=False, soft_wrap=True)
    raise typer.Exit(code)


def user_errors(command: F) -> F:
    """Turn the library's named errors into one line and an exit code, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except UsageError as exc:
            fail(str(exc), EXIT_USAGE)
        except NewseventsError as exc:
            fail(str(exc), EXIT_ALL_FAILED)
        except KeyboardInterrupt:
            fail("interrupted; batches already stored are kept, re-run to finish", 130)

    return wrapper  # type: ignore[return-value]


def exit_code(done: int, failed: int) -> int:
    """0 when nothing failed, 3 when nothing succeeded, 1 in between."""
    if failed == 0:
        return EXIT_OK
    return EXIT_ALL_FAILED if done == 0 else EXIT_SOME_FAILED


def check_date(value: str | None, option: str) -> str | None:
    """Validate a YYYY-MM-DD option value."""
    if value is None:
        return None
    import datetime as dt

    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise UsageError(f"{option} {value!r} is not a date; use YYYY-MM-DD") from None
