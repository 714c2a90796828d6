"""Plain and scraped text -> Article, and the Article assembly every reader shares.

Input: the bytes of one text file (or the ``text`` field of a JSON record) in one of three
layouts, recognised by shape:
  - scraped: the title (often twice), an optional lede line "... DD.MM.YYYY, Outlet", up to
    three ISO timestamps (published, then modified), then the body;
  - eval corpus: line 1 title, 2 outlet, 3 date, 4 URL (or empty), 5 empty, then the body;
  - plain: the first line is the title (unless it is a whole paragraph), the rest the body.
Output: one Article, or one ErrorRecord saying why there is none.
Guarantees: ``Article.text`` is title, lede and body blocks joined by blank lines ("\\n\\n"),
each block one normalised line (clean.py); the lede and a repeated title are not repeated in
the body; ``Article.id`` is the input id or the first 16 hex digits of the SHA-1 of the text;
``language`` is the input's (normalised) or detected offline.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from dyads.errors import InputError
from dyads.ingest.clean import Block, decode_bytes, fold, normalize_date, normalize_line, split_body
from dyads.ingest.langid import detect_language, normalize_language
from dyads.types import Article, ErrorRecord

log = logging.getLogger(__name__)

_ISO_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?")
_LEDE_LINE = re.compile(
    r"(?P<lede>.+?(?:\.\.\.|…|[.!?»”\"]))\s*,?\s*(?P<date>\d{1,2}\.\d{1,2}\.\d{4})\s*,\s*(?P<outlet>[^,]{2,80}?)"
)
_PARTIAL_DATE = re.compile(r"\d{4}(-\d\d){0,2}")
_MAX_TITLE_WORDS = 30


@dataclass
class TextParts:
    """What the layout of a text says before its body is split into blocks."""

    title: str = ""
    lede: str = ""
    outlet: str = ""
    published: str | None = None
    modified: str | None = None
    url: str = ""
    body: str = ""


def read_text(data: bytes, *, source: str) -> Iterator[Article | ErrorRecord]:
    """Read one text file as one article.

    Args:
        data: the file's bytes.
        source: the path, kept in ``Article.source`` and error records.

    Yields:
        One Article, or one ErrorRecord (empty, binary or undecodable file, no text).
    """
    yield build_record(lambda: article_from_text(decode_bytes(data, source=source), source=source), source=source)


def build_record(build: Callable[[], Article], *, source: str, line: int | None = None) -> Article | ErrorRecord:
    """Run ``build`` for one record; turn its failure into an ErrorRecord (the per-record boundary)."""
    try:
        return build()
    except InputError as err:
        return ErrorRecord(source=source, line=line, stage="ingest", reason=err.reason)
    except Exception as err:  # per-record boundary: one bad record never stops the batch
        log.warning("%s:%s: unexpected error", source, line, exc_info=True)
        return ErrorRecord(source=source, line=line, stage="ingest", reason=f"unexpected {type(err).__name__}: {err}")


def article_from_text(text: str, *, source: str, line: int | None = None, **given: str | None) -> Article:
    """Build an Article from a text in any of the three layouts.

    Args:
        text: the decoded text.
        source: the path. line: the record's line number, if any.
        **given: fields the input states (id, title, lede, outlet, published, url, language);
            they win over what the layout says. With a given title the text is all body,
            unless it is in the scraped or eval layout.

    Raises:
        InputError: no text is left.
    """
    parts = parse_text(text, title_given=bool(given.get("title")))
    fields = {k: v for k, v in vars(parts).items() if k != "body"}
    fields.update({k: v for k, v in given.items() if v})
    return make_article(blocks=split_body(parts.body), source=source, line=line, **fields)


def parse_text(text: str, *, title_given: bool = False) -> TextParts:
    """Recognise the layout of a text and split its header from its body (no normalisation of the body)."""
    lines = [line.strip() for line in re.sub(r"\r\n?", "\n", text).lstrip("\ufeff").split("\n")]
    parts = _parse_eval_layout(lines) or _parse_scraped_layout(lines)
    if parts:
        return parts
    if title_given:
        return TextParts(body="\n".join(lines))
    return _parse_plain_layout(lines)


def _parse_eval_layout(lines: list[str]) -> TextParts | None:
    if len(lines) <= 5 or lines[4] or not lines[0] or not lines[1]:
        return None
    if not (lines[3].startswith(("http", "repo:")) or not lines[3]):
        return None
    if lines[2] and not _PARTIAL_DATE.match(lines[2]):
        return None
    outlet = "" if lines[1].startswith("unknown") else lines[1].split(" (")[0]
    return TextParts(
        title="" if lines[0].startswith("[") else lines[0],
        outlet=outlet,
        published=normalize_date(lines[2].split(" ")[0]),
        url=lines[3] if lines[3].startswith("http") else "",
        body="\n".join(lines[5:]),
    )


def _parse_scraped_layout(lines: list[str]) -> TextParts | None:
    filled = [i for i, line in enumerate(lines) if line]
    if len(filled) < 2:
        return None
    parts, stamps, k = TextParts(title=lines[filled[0]]), [], 1
    for k in range(1, len(filled) + 1):
        if k == len(filled) or not _read_header_line(lines[filled[k]], parts, stamps, first=k == 1):
            break
    if k == 1:
        return None
    if stamps:
        parts.published = stamps[0]
        parts.modified = stamps[-1] if len(stamps) > 1 else None
    parts.body = "\n".join(lines[filled[k]:]) if k < len(filled) else ""
    return parts


def _read_header_line(line: str, parts: TextParts, stamps: list[str], *, first: bool) -> bool:
    """Consume one header line of the scraped layout into ``parts``; False when it is body."""
    if first and line == parts.title:
        return True
    if len(stamps) < 3 and _ISO_STAMP.fullmatch(line) and normalize_date(line):
        stamps.append(normalize_date(line))
        return True
    m = _LEDE_LINE.fullmatch(line)
    if m and not parts.lede and normalize_date(m["date"]):
        parts.lede, parts.outlet = m["lede"].strip(), m["outlet"].strip()
        parts.published = normalize_date(m["date"])
        return True
    return False


def _parse_plain_layout(lines: list[str]) -> TextParts:
    filled = [i for i, line in enumerate(lines) if line]
    if not filled or len(lines[filled[0]].split()) > _MAX_TITLE_WORDS:
        return TextParts(body="\n".join(lines))
    return TextParts(title=lines[filled[0]], body="\n".join(lines[filled[0] + 1:]))


def make_article(
    *,
    blocks: list[Block],
    source: str,
    line: int | None = None,
    id: str | None = None,
    title: str = "",
    lede: str = "",
    url: str = "",
    outlet: str = "",
    published: str | None = None,
    modified: str | None = None,
    language: str | None = None,
) -> Article:
    """Assemble an Article from its parts: normalise, drop repeats, build ``text``, fill id and language.

    Raises:
        InputError: neither title, lede nor body has any text.
    """
    title, lede = normalize_line(title), normalize_line(lede)
    blocks = [Block(b.kind, normalize_line(b.text)) for b in blocks]
    blocks = drop_title_repeat(title, [b for b in blocks if b.text])
    lede, blocks = _drop_lede_repeat(lede, blocks)
    text = "\n\n".join(part for part in (title, lede, *(b.text for b in blocks)) if part)
    if not text:
        raise InputError(source, "no article text found", line)
    return Article(
        id=str(id) if id else content_id(text),
        text=text,
        title=title,
        lede=lede,
        url=normalize_line(url),
        outlet=normalize_line(outlet),
        published=normalize_date(published),
        modified=normalize_date(modified),
        language=normalize_language(language) or detect_language(text),
        headings=[b.text for b in blocks if b.kind == "heading"],
        paragraphs=[b.text for b in blocks if b.kind == "paragraph"],
        source=source,
        line=line,
    )


def content_id(text: str) -> str:
    """The stable id of an article without one: the first 16 hex digits of SHA-1 of its text."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def drop_title_repeat(title: str, blocks: list[Block]) -> list[Block]:
    """Drop a first block that repeats the title (an <h1>, a title line twice)."""
    if title and blocks and fold(blocks[0].text) == fold(title):
        return blocks[1:]
    return blocks


def _drop_lede_repeat(lede: str, blocks: list[Block]) -> tuple[str, list[Block]]:
    """Drop a first paragraph that repeats the lede; a truncated lede ("...") takes the full one."""
    if not lede or not blocks or blocks[0].kind != "paragraph":
        return lede, blocks
    first, key = fold(blocks[0].text), fold(lede)
    if first == key:
        return lede, blocks[1:]
    if len(key) >= 30 and first.startswith(key) and lede.endswith(("...", "…")):
        return blocks[0].text, blocks[1:]
    return lede, blocks
