"""Debris: lines of web debris are marked by range, never deleted."""

from __future__ import annotations

import pytest

from newsevents.ingest.debris import find_debris

DEBRIS_LINES = [
    "Image: KCNA",
    "Photo: Jane Doe/AFP",
    "(Photo by Lee Jin-man)",
    "Credit: Ministry of Defence",
    "John Smith/AFP via Getty Images",
    "Related: Leaders meet for a second time",
    "READ MORE: Why the summit matters",
    "See also: Timeline of the talks",
    "Subscribe to our daily briefing",
    "Sign up for our newsletter to get the latest news",
    "Share this article",
    "Follow us on Twitter",
    "Click here to read the full report",
    "Advertisement",
    "Facebook | Twitter | WhatsApp",
]
BODY = (
    "The two leaders met on Tuesday in the capital, officials said.\n\n"
    "{line}\n\n"
    "Talks are expected to continue next week.\n"
)


def spans_text(text: str) -> list[str]:
    return [text[start:end] for start, end in find_debris(text)]


@pytest.mark.parametrize("line", DEBRIS_LINES)
def test_debris_line_is_marked_and_body_is_not(line: str) -> None:
    text = BODY.format(line=line)
    assert spans_text(text) == [line]


def test_tag_line_and_caption_next_to_an_image_credit() -> None:
    text = (
        "Beijing is said to be planning a visit to Pyongyang.\n"
        "summit china north korea diplomacy\n"
        "The two leaders in Beijing\n"
        "Photo: Reuters\n\n"
        "Officials gave no date for the trip.\n"
    )
    assert spans_text(text) == [
        "summit china north korea diplomacy", "The two leaders in Beijing", "Photo: Reuters"
    ]


def test_subscription_pitch_takes_the_journalism_line_next_to_it() -> None:
    text = (
        "The meeting ended without a statement.\n\n"
        "Independent journalism needs your support now more than ever.\n"
        "By subscribing, you help us keep reporting.\n"
    )
    assert spans_text(text) == [
        "Independent journalism needs your support now more than ever.",
        "By subscribing, you help us keep reporting.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a lower-case line that carries on a hard-wrapped sentence is not a tag line
        "The minister said that the talks would\nresume in the spring after the\nelections.",
        # a caption-shaped line with no image credit next to it is body
        "Talks in Geneva\n\nThe talks resumed on Monday.",
        # a long paragraph that merely starts like a pitch is the story
        "Subscribe " + "to the view that the talks will fail, many analysts argued, " * 6,
        "Related talks between the two ministers took place in May, officials said.",
    ],
)
def test_body_lines_are_not_marked(text: str) -> None:
    assert find_debris(text) == ()


def test_ranges_strip_surrounding_whitespace_and_index_the_text() -> None:
    text = "Body sentence here.\n\n   Image: KCNA  \r\n\nMore body text here."
    [(start, end)] = find_debris(text)
    assert text[start:end] == "Image: KCNA"
