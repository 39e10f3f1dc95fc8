"""HTML input: trafilatura's main text and metadata."""

from __future__ import annotations

from pathlib import Path

from newsevents.ingest import InputFailure, read_inputs
from newsevents.records import Article

PARAGRAPHS = (
    "BEIJING (Reuters) - North Korean leader Kim Jong Un arrived in Beijing on Tuesday for "
    "talks with Chinese President Xi Jinping, his fourth visit in less than a year.",
    "The visit comes as plans for a second summit with U.S. President Donald Trump gather "
    "steam, according to officials in Seoul and Washington.",
    "Image: KCNA",
)


def page(head: str, paragraphs: tuple[str, ...] = PARAGRAPHS) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<html><head>{head}</head><body><nav><a href='/'>Home</a> | <a href='/w'>World</a>"
        f"</nav><article><h1>Kim visits Beijing</h1>{body}</article>"
        "<footer>Copyright 2019</footer></body></html>"
    )


META = (
    "<title>Kim visits Beijing | The Daily</title>"
    '<meta property="og:site_name" content="The Daily">'
    '<link rel="canonical" href="https://example.com/world/kim-beijing">'
    '<meta property="article:published_time" content="2019-01-08T10:00:00Z">'
)


def read_html(tmp_path: Path, html: str, name: str = "page.html", *, source: str | None = None,
              published: str | None = None) -> list[Article | InputFailure]:
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    return list(read_inputs([str(path)], source=source, published=published))


def test_main_text_and_metadata(tmp_path: Path) -> None:
    [article] = read_html(tmp_path, page(META))
    assert isinstance(article, Article)
    assert PARAGRAPHS[0] in article.text and PARAGRAPHS[1] in article.text
    assert "Home" not in article.text and "Copyright" not in article.text
    assert article.title == "Kim visits Beijing"
    assert article.source == "The Daily"
    assert article.url == "https://example.com/world/kim-beijing"
    assert (article.published, article.published_how) == ("2019-01-08", "metadata")


def test_dateline_and_debris_are_marked_in_the_extracted_text(tmp_path: Path) -> None:
    [article] = read_html(tmp_path, page(META), name="page.htm")
    assert isinstance(article, Article)
    assert article.dateline is not None
    assert (article.dateline.place, article.dateline.agency) == ("Beijing", "Reuters")
    assert article.text[slice(*article.dateline.span)] == "BEIJING (Reuters) - "
    assert [article.text[s:e] for s, e in article.debris] == ["Image: KCNA"]


def test_page_without_a_date_falls_back_to_published_option(tmp_path: Path) -> None:
    [article] = read_html(tmp_path, page("<title>Kim</title>"), published="2019-01-09",
                          source="Fallback")
    assert isinstance(article, Article)
    assert (article.published, article.published_how) == ("2019-01-09", "given")
    assert article.source == "Fallback"


def test_page_without_main_text_is_a_failure(tmp_path: Path) -> None:
    html = "<html><head><title>Menu</title></head><body><nav>Home</nav></body></html>"
    items = read_html(tmp_path, html)
    assert items == [InputFailure(str(tmp_path / "page.html"), "no main text found")]


def test_binary_html_file_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "bad.html"
    path.write_bytes(b"\x00\x01\x02binary\x00")
    [failure] = list(read_inputs([str(path)]))
    assert isinstance(failure, InputFailure)
    assert failure.message == "not HTML text (binary data)"
