"""Find the lines of web debris that survive main-text extraction.

Extractors (trafilatura included) leave behind image credits, "Related:" links,
subscription pitches, share prompts, tag lines and captions, and plain-text
inputs carry them verbatim. No library marks such lines in already-extracted
text without deleting them, and we must never delete: spans index the text as
given. So this module returns ``(start, end)`` ranges of whole lines (without
their surrounding whitespace) for extractors to skip.

The rules are general rules of web text, kept in the data tables below; each
regex is matched against one stripped line, case-insensitively.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsevents.records import Span

MAX_DEBRIS_WORDS = 40  # a longer line is a paragraph of the story, whatever it starts with
MAX_CAPTION_WORDS = 25
TAG_WORDS = (2, 12)
SENTENCE_END = ".!?:"
_I = re.IGNORECASE

IMAGE_CREDIT: tuple[re.Pattern[str], ...] = (
    # "Image: KCNA", "Photo: Jane Doe/AFP", "Photo credit: ...", "Credit: ..."
    re.compile(
        r"^(?:(?:image|photo|picture|photograph|illustration|graphic|video|footage)s?"
        r"(?:\s+(?:credit|source)s?)?|credits?)\s*:\s*\S", _I),
    # "(Photo by Jane Doe)", "Photo courtesy of the ministry", "[Image via KCNA]"
    re.compile(r"^[(\[]?(?:photo|image|picture|photograph)s?\s+(?:by|courtesy|via|from)\s", _I),
    # "Jane Doe/AFP via Getty Images", "John Smith / Reuters"
    re.compile(
        r"^[^.!?:]{0,60}/\s*(?:AFP|AP|Reuters|EPA|EPA-EFE|Getty Images|Bloomberg|Xinhua|"
        r"KCNA|Yonhap|Kyodo|Shutterstock|Alamy)\b[^.!?]*$", _I),
)

DEBRIS_RULES: tuple[re.Pattern[str], ...] = (
    # links to other stories: "Related: ...", "Read more: ...", "See also: ..."
    re.compile(
        r"^(?:related(?:\s+(?:articles?|stor(?:y|ies)|content|coverage|reading))?|"
        r"read\s+(?:more|also|next|this)|see\s+also|also\s+read|more\s+on\s+this(?:\s+story)?|"
        r"further\s+reading|recommended(?:\s+reading)?|you\s+(?:may|might)\s+also\s+like|"
        r"watch)\s*[:»>|]\s*\S", _I),
    # the same links as a bare heading: "Related articles", "Read more"
    re.compile(r"^(?:related(?:\s+(?:articles|stories|coverage))?|read\s+more|see\s+also|"
               r"more\s+stories|recommended)\s*:?$", _I),
    # subscription pitches: "Subscribe to ...", "Subscribe now"
    re.compile(r"^subscribe\b", _I),
    # newsletter pitches: "Sign up for our newsletter ...", "Get the briefing in your inbox"
    re.compile(r"^(?:sign\s+up|get|receive)\b.{0,150}\b(?:newsletters?|alerts|briefing|digest|"
               r"inbox)\b", _I),
    # paywall copy: "By subscribing, you ...", "Already a subscriber?", "Become a member"
    re.compile(r"^(?:by\s+subscribing\b|already\s+a\s+(?:subscriber|member)\b|"
               r"become\s+a\s+(?:member|subscriber|patron)\b|"
               r"support\s+(?:our|independent|quality)\s+journalism\b|"
               r"this\s+(?:article|story|content)\s+is\s+(?:only\s+)?(?:for|available\s+to)\s+"
               r"subscribers\b|(?:log|sign)\s+in\s+to\s+(?:continue|keep)\s+reading\b)", _I),
    # ad slots: "Advertisement", "Story continues below advertisement"
    re.compile(r"^(?:advertisement|sponsored(?:\s+content)?|story\s+continues\s+below"
               r"(?:\s+advertisement)?|scroll\s+to\s+continue(?:\s+with\s+content)?)\s*$", _I),
    # share prompts: "Share this article", "Share on Facebook"
    re.compile(r"^share\s+(?:this|on|via|the\s+story)\b", _I),
    # "Follow us on ...", "Follow @handle"
    re.compile(r"^(?:follow|like)\s+(?:us|me|@\w+)\b", _I),
    # "Click here to ..."
    re.compile(r"^click\s+here\b", _I),
    # rows of share buttons: "Share Tweet Email", "Facebook | Twitter | WhatsApp"
    re.compile(r"^(?:(?:share|tweet|e-?mail|print|whatsapp|facebook|twitter|linkedin|reddit|"
               r"telegram|copy\s+link)\s*[|/·•,]?\s*)+$", _I),
)

# subscription pitches; a line praising journalism next to one belongs to the pitch
SUBSCRIPTION_RULES = DEBRIS_RULES[2:5]
JOURNALISM = re.compile(r"\bjournalism\b", _I)
TAG_LINE = re.compile(r"^[^\W_]+(?: [^\W_]+)+$")  # words of letters/digits, single spaces


@dataclass(frozen=True)
class Line:
    """One line of the text, stripped, with its offsets."""

    start: int
    end: int
    text: str

    @property
    def span(self) -> Span:
        return (self.start, self.end)

    @property
    def words(self) -> int:
        return len(self.text.split())


def split_lines(text: str) -> list[Line]:
    """Every line of ``text`` (blank ones included) with the offsets of its stripped content."""
    lines, offset = [], 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        start = offset + (raw.find(stripped) if stripped else 0)
        lines.append(Line(start, start + len(stripped), stripped))
        offset += len(raw) + 1
    return lines


def is_image_credit(line: Line) -> bool:
    return 0 < line.words <= MAX_DEBRIS_WORDS and any(r.search(line.text) for r in IMAGE_CREDIT)


def matches_rule(line: Line) -> bool:
    return 0 < line.words <= MAX_DEBRIS_WORDS and any(r.search(line.text) for r in DEBRIS_RULES)


def is_subscription_pitch(line: Line) -> bool:
    rules = SUBSCRIPTION_RULES
    return 0 < line.words <= MAX_DEBRIS_WORDS and any(r.search(line.text) for r in rules)


def is_tag_line(lines: list[Line], i: int) -> bool:
    """2–12 lower-case words, no punctuation, standing apart from the sentences around it.

    The context check keeps a hard-wrapped line of a sentence from passing as tags:
    the line before must end a sentence (or be blank) and the next must not go on
    in lower case.
    """
    line = lines[i]
    low, high = TAG_WORDS
    shaped = TAG_LINE.match(line.text) and line.text == line.text.lower()
    if not (low <= line.words <= high and shaped and any(ch.isalpha() for ch in line.text)):
        return False
    before = lines[i - 1].text if i > 0 else ""
    after = lines[i + 1].text if i + 1 < len(lines) else ""
    ends_sentence = not before or before[-1] in SENTENCE_END + "\"'”’)]"
    goes_on = bool(after) and after[0].islower()
    return ends_sentence and not goes_on


def is_caption(line: Line) -> bool:
    """A short line with no final punctuation: the shape of a caption."""
    return 0 < line.words <= MAX_CAPTION_WORDS and line.text[-1] not in SENTENCE_END


def find_debris(text: str) -> tuple[Span, ...]:
    """The (start, end) ranges of the debris lines of ``text``, in order."""
    lines = split_lines(text)
    credits = {i for i, line in enumerate(lines) if is_image_credit(line)}
    pitches = {i for i, line in enumerate(lines) if is_subscription_pitch(line)}
    marked = set(credits)
    for i, line in enumerate(lines):
        if not line.text or i in marked:
            continue
        near = set(range(i - 1, i + 2))
        if (
            matches_rule(line)
            or is_tag_line(lines, i)
            or (near & credits and is_caption(line))
            or (near & pitches and line.words <= MAX_DEBRIS_WORDS and JOURNALISM.search(line.text))
        ):
            marked.add(i)
    return tuple(lines[i].span for i in sorted(marked))
