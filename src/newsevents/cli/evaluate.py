"""``newsevents eval``: score analyses against hand-annotated gold."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from newsevents.cli.common import (
    InputsArgument,
    ModelOption,
    OutputFormat,
    stderr,
    user_errors,
)
from newsevents.cli.output import emit_rows
from newsevents.engines.local import analyze_items
from newsevents.errors import UsageError
from newsevents.evaluate.harness import is_contract_jsonl, load_gold, read_jsonl, score
from newsevents.ingest import InputFailure, read_inputs
from newsevents.lexicon import load_lexicon
from newsevents.nlp import load_pipeline


def _records(inputs: list[str], model: str | None) -> list[dict[str, Any]]:
    """Contract JSONL is taken as it is; anything else is read and analysed first."""
    records: list[dict[str, Any]] = []
    to_analyse = []
    for name in inputs:
        path = Path(name)
        if is_contract_jsonl(path):
            records += read_jsonl(path)
        else:
            to_analyse.append(name)
    if to_analyse:
        nlp, lexicon = load_pipeline(model), load_lexicon()
        for outcome in analyze_items(read_inputs(to_analyse), nlp=nlp, lexicon=lexicon):
            if isinstance(outcome, InputFailure):
                stderr.print(f"newsevents: {outcome.input}: {outcome.message}", markup=False)
            else:
                records.append(outcome.contract_dict())
    return records


@user_errors
def eval_command(
    inputs: InputsArgument,
    gold: Annotated[list[Path], typer.Option(
        "--gold", metavar="DIR_OR_FILE",
        help="Gold folder or files: *.events.jsonl and *.times.jsonl in the format of "
             "../shared/gold/README.md. Repeat for several.")],
    per_article: Annotated[bool, typer.Option("--per-article",
                                              help="Also score each article.")] = False,
    model: ModelOption = None,
    output_format: Annotated[OutputFormat, typer.Option(
        "--format", "-f", help="table for people, json for programs.",
        case_sensitive=False)] = OutputFormat.table,
) -> None:
    """Score events and time expressions against gold: precision, recall, F1, modality and
    date accuracy; strict, relaxed, value and type F1.

    INPUT is either what `newsevents analyze` prints (scored as it is) or articles in
    any form `ingest` reads (analysed first). Scoring rules: ../shared/gold/README.md.

    Example: newsevents eval ../shared/seeds/articles.jsonl --gold ../shared/gold
    """
    if output_format not in (OutputFormat.table, OutputFormat.json):
        raise UsageError(f"--format {output_format}: eval prints table or json")
    gold_set = load_gold(gold)
    result = score(_records(inputs, model), gold_set, per_article=per_article)
    if output_format is OutputFormat.json:
        print(json.dumps(result, indent=2))
        return
    _print_tables(result)


def _print_tables(result: dict[str, Any]) -> None:
    console = Console()
    if "events" in result:
        events = result["events"]
        emit_rows([{k: v for k, v in events.items() if k not in ("articles", "confusion")}],
                  OutputFormat.table, title="Events", console=console)
        if "articles" in events:
            emit_rows([{"article": a, **f} for a, f in events["articles"].items()],
                      OutputFormat.table, title="Events by article", console=console)
        wrong = [c for c in events["confusion"] if c["gold"] != c["predicted"]]
        if wrong:
            emit_rows(wrong, OutputFormat.table, title="Type confusions and misses",
                      console=console)
    if "times" in result:
        emit_rows([result["times"]], OutputFormat.table, title="Time expressions",
                  console=console)
    for path in result.get("not_scored", []):
        stderr.print(f"not scored by eval (see bench/): {path}", markup=False)
    if result.get("gold_articles_not_in_input"):
        stderr.print(f"left out: gold of {result['gold_articles_not_in_input']} articles "
                     "not in the input", markup=False)
