"""Feed input: each RSS/Atom entry is an article."""

from __future__ import annotations

from pathlib import Path

from newsevents.ingest import InputFailure, read_inputs
from newsevents.ingest.feed import html_fragment_text
from newsevents.records import Article

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Harbour Gazette</title>
  <link>https://gazette.example/</link>
  <description>News</description>
  <item>
    <title>Port strike ends</title>
    <link>https://gazette.example/2024/03/04/strike</link>
    <pubDate>Mon, 04 Mar 2024 09:30:00 GMT</pubDate>
    <description>Short summary only.</description>
    <content:encoded><![CDATA[<p>Dock workers ended a <b>two-week</b> strike on Monday.</p>
<p>The union said talks would resume in April.</p>]]></content:encoded>
  </item>
  <item>
    <title>Ferry service resumes</title>
    <link>https://gazette.example/ferry</link>
    <description>&lt;p&gt;The ferry to the islands resumed on Tuesday.&lt;/p&gt;</description>
  </item>
  <item>
    <title>Empty entry</title>
    <description></description>
  </item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Atom Wire</title>
  <id>urn:uuid:feed</id>
  <updated>2024-05-02T10:00:00Z</updated>
  <entry>
    <title>Talks in Geneva</title>
    <id>urn:uuid:1</id>
    <link href="https://wire.example/geneva"/>
    <updated>2024-05-02T10:00:00Z</updated>
    <summary>Diplomats met in Geneva.</summary>
  </entry>
</feed>
"""


def test_rss_entries_content_preferred_to_summary(tmp_path: Path) -> None:
    path = tmp_path / "news.rss"
    path.write_text(RSS, encoding="utf-8")
    first, second, third = list(read_inputs([str(path)], source="Unused"))
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.text == (
        "Dock workers ended a two-week strike on Monday.\n\n"
        "The union said talks would resume in April."
    )
    assert (first.title, first.source) == ("Port strike ends", "Harbour Gazette")
    assert first.url == "https://gazette.example/2024/03/04/strike"
    assert (first.published, first.published_how) == ("2024-03-04", "metadata")
    assert second.text == "The ferry to the islands resumed on Tuesday."
    assert (second.published, second.published_how) == (None, "none")
    assert third == InputFailure(f"{path}#entry 3", "empty article")


def test_atom_feed_in_an_xml_file_uses_updated_date(tmp_path: Path) -> None:
    path = tmp_path / "wire.xml"
    path.write_text(ATOM, encoding="utf-8")
    [article] = list(read_inputs([str(path)]))
    assert isinstance(article, Article)
    assert (article.text, article.source, article.published) == (
        "Diplomats met in Geneva.", "Atom Wire", "2024-05-02"
    )


def test_xml_that_is_not_a_feed_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "data.xml"
    path.write_text("<?xml version='1.0'?><config><a>1</a></config>", encoding="utf-8")
    [failure] = list(read_inputs([str(path)]))
    assert isinstance(failure, InputFailure)
    assert failure.message.startswith("not an RSS or Atom feed")


def test_html_fragment_keeps_paragraph_breaks_as_blank_lines() -> None:
    fragment = "Intro <i>text</i><ul><li>one</li><li>two</li></ul><p>Last  para\n line</p>"
    assert html_fragment_text(fragment) == "Intro text\n\none\n\ntwo\n\nLast para line"
    assert html_fragment_text("No markup here.") == "No markup here."
