"""``show ARTICLE_ID``: the article's text with each record's evidence highlighted and labelled."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.text import Text

from newsevents import settings
from newsevents.cli.common import DbOption, FormatOption, OutputFormat, user_errors
from newsevents.errors import UsageError
from newsevents.records import Analysis, Quote, Span
from newsevents.store import Store

_MENTION_STYLES = {"PERSON": "cyan", "ORG": "magenta", "GPE": "blue", "NORP": "blue",
                   "LOC": "blue", "FAC": "blue"}


@user_errors
def show_command(
    article_id: Annotated[str, typer.Argument(metavar="ARTICLE_ID",
                                              help="The article's id, or an unambiguous "
                                                   "prefix of it.")],
    db: DbOption = settings.DB.default,  # type: ignore[assignment]
    output_format: FormatOption = OutputFormat.table,
) -> None:
    """Show one article with every record's evidence highlighted and labelled.

    Labels follow the evidence: [E1 CONSULT] events, [Q1] quotes, [T1 value] times,
    [P1] places, [PERSON] etc. entity mentions; debris and the dateline are dimmed.
    Use --format json for the article's full analysis (the analysis contract).
    """
    with Store.open(db, read_only=True) as store:
        full_id = store.resolve_article_id(article_id)
        analysis = store.analysis(full_id) if full_id else None
    if analysis is None:
        raise UsageError(f"no article {article_id!r} in {db}")
    if output_format is OutputFormat.table:
        render_analysis(analysis, Console())
    else:
        print(json.dumps(analysis.contract_dict(), ensure_ascii=False,
                         indent=2 if output_format is OutputFormat.json else None))


def evidence(analysis: Analysis) -> list[tuple[Span, str, str]]:
    """(span, style, label) for every record of the analysis, in text order."""
    marks: list[tuple[Span, str, str]] = []
    article = analysis.article
    if article.dateline is not None:
        marks.append((article.dateline.span, "dim", "dateline"))
    marks += [(span, "dim strike", "debris") for span in article.debris]
    marks += [(m.span, _MENTION_STYLES.get(m.label, "cyan"), m.label) for m in analysis.mentions]
    marks += [(t.span, "green", f"T{i} {t.value or t.type}")
              for i, t in enumerate(analysis.times, 1)]
    marks += [(p.span, "blue underline", f"P{i}") for i, p in enumerate(analysis.places, 1)]
    marks += [(q.span, "italic yellow", f"Q{i} {q.speaker.name if q.speaker else '?'}")
              for i, q in enumerate(analysis.quotes, 1)]
    marks += [(e.trigger.span, "bold red", f"E{i} {e.type}")
              for i, e in enumerate(analysis.events, 1)]
    return sorted(marks, key=lambda mark: (mark[0][1], mark[0][0]))


def highlighted_text(analysis: Analysis) -> Text:
    """The article text, styled over each span, with a dim label after each span."""
    text = analysis.article.text
    marks = evidence(analysis)
    body = Text(text)
    for (start, end), style, _ in marks:
        body.stylize(style, start, end)
    out = Text()
    cursor = 0
    for (_, end), _, label in marks:
        out.append_text(body[cursor:end])
        out.append(f"[{label}]", style="dim")
        cursor = end
    out.append_text(body[cursor:])
    return out


def render_analysis(analysis: Analysis, console: Console) -> None:
    article = analysis.article
    header = [f"[bold]{article.title or '(untitled)'}[/]", f"id {article.id}"]
    header.append(" · ".join(filter(None, [
        article.source, article.published and f"published {article.published} "
        f"({article.published_how})", article.url,
        f"dateline {article.dateline.place} / {article.dateline.agency}"
        if article.dateline else None,
    ])))
    if article.note:
        header.append(f"[yellow]{article.note}[/]")
    console.print("\n".join(header))
    console.rule()
    console.print(highlighted_text(analysis))
    console.rule()
    for line in record_lines(analysis):
        console.print(line, markup=False, highlight=False)


def record_lines(analysis: Analysis) -> list[str]:
    """One line per record, numbered as in the labels."""
    def name(actor: Any) -> str:
        return actor.name if actor is not None else "—"

    lines = [f"E{i} {e.type}{'/' + e.mode if e.mode else ''} ({e.cameo}) {e.modality}: "
             f"{name(e.source)} → {name(e.target)}"
             + (f", when {e.when.value} ({e.when.text})" if e.when else "")
             for i, e in enumerate(analysis.events, 1)]
    lines += [f"Q{i} {q.kind}, {_speaker(q)}: {q.text[:80]}"
              for i, q in enumerate(analysis.quotes, 1)]
    lines += [f"T{i} {t.type} {t.value}: {t.text}" for i, t in enumerate(analysis.times, 1)]
    lines += [f"P{i} {p.name or p.text} ({p.kind or 'place'}, {p.country or 'no country'}) "
              + (f"{p.lat:.4f}, {p.lon:.4f}" if p.lat is not None and p.lon is not None
                 else "no coordinates")
              + (f", GeoNames {p.geonames_id}" if p.geonames_id else "")
              for i, p in enumerate(analysis.places, 1)]
    if analysis.tone is not None:
        lines.append(f"tone {analysis.tone.tone:+.2f}, loaded terms: "
                     f"{', '.join(analysis.tone.loaded_terms) or 'none'}")
    actors = ", ".join(f"{a.name} ({a.code or a.kind})" for a in analysis.actors)
    lines.append(f"actors: {actors or 'none'}")
    return lines


def _speaker(quote: Quote) -> str:
    if quote.speaker is None:
        return "unknown speaker"
    described = f", {quote.speaker.description}" if quote.speaker.description else ""
    return quote.speaker.name + described + (f" ({quote.occasion})" if quote.occasion else "")
