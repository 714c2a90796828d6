"""Text normalisation and repair of scraped article text: bytes/str -> clean str and blocks.

Input: raw bytes or strings from any reader (file contents, JSON fields, HTML text nodes).
Output: ``decode_bytes`` -> str; ``normalize_text`` -> multi-line str; ``normalize_line`` ->
one-line str; ``split_body`` -> list[Block] (headings and paragraphs in reading order);
``normalize_date`` -> ISO 8601 str or None.
Guarantees (what every later character offset relies on):
- Unicode NFC; BOM, zero-width characters (U+200B-U+200D, U+2060, U+FEFF, U+180E) and soft
  hyphens removed; control characters removed except the newline.
- Every horizontal space (tab, no-break space U+00A0, narrow no-break space U+202F, the
  U+2000-U+200A spaces) becomes one plain space; runs of spaces collapse to one; no line has
  leading or trailing spaces.
- Punctuation is kept as published: curly quotes and apostrophes, guillemets, ellipses.
- Repairs are decided by the shape of the text, never by its words: a sentence glued to the
  previous one without a space ("Peskov.Le porte-parole") starts a new paragraph; a heading
  glued to its paragraph ("Rupture programméeOctobre 2021 ...") becomes a heading block.
  Abbreviations, initials and acronyms ("U.S.", "J.-L.", "M.", "Dr.", "Ph.D.") are left alone.
"""

from __future__ import annotations

import email.utils
import re
import unicodedata
from datetime import datetime
from typing import NamedTuple

from dyads.errors import InputError

_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u180e\u00ad]")  # a regex: 15x faster than str.translate
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85]")
_BLANK_LINES = re.compile(r"\n{3,}")
_TERMINAL = ".!?…:;,\"»”’')]"
_MOJIBAKE = re.compile("[ÂÃ][\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]")


class Block(NamedTuple):
    """One body block: ``kind`` is "heading" or "paragraph"; ``text`` is one normalised line."""

    kind: str
    text: str


def normalize_text(text: str) -> str:
    """Normalise a multi-line text (see the module docstring for the guarantees).

    Args:
        text: any string.

    Returns:
        The text with line breaks kept (``\\n`` only), at most one blank line in a row, and no
        leading or trailing blank lines.
    """
    text = _LINE_BREAKS.sub("\n", text)
    text = _INVISIBLE.sub("", unicodedata.normalize("NFC", text))
    text = _CONTROL.sub("", text.replace("\t", " "))
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip("\n")


def normalize_line(text: str) -> str:
    """Normalise a string and fold it onto one line (newlines become spaces)."""
    return " ".join(normalize_text(text).split())


def fold(text: str) -> str:
    """Comparison key: case-folded, apostrophes and quotes unified, trailing ellipsis dropped."""
    text = normalize_line(text).casefold().replace("’", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s*(\.\.\.|…)$", "", text).strip()


# --- decoding ---------------------------------------------------------------------------

def decode_bytes(data: bytes, *, source: str, line: int | None = None) -> str:
    """Decode bytes as text: UTF-8 (with or without BOM), UTF-16 with a BOM, then cp1252/latin-1.

    Args:
        data: the raw bytes of one file or record.
        source: where they come from, for the error message.
        line: the line or record number, for the error message.

    Returns:
        The decoded string (not yet normalised).

    Raises:
        InputError: empty input, binary data, or bytes that are neither UTF-8 nor legible
            cp1252/latin-1 text.
    """
    if not data.strip():
        raise InputError(source, "empty input (no text)", line)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode_utf16(data, source=source, line=line)
    if b"\x00" in data[:65536]:
        raise InputError(source, "binary data (NUL bytes), not text", line)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        text = _decode_legacy(data, err, source=source, line=line)
    if not looks_like_text(text):
        raise InputError(source, "binary data (too many control characters), not text", line)
    return text


def _decode_utf16(data: bytes, *, source: str, line: int | None) -> str:
    try:
        return data.decode("utf-16")
    except UnicodeDecodeError as err:
        raise InputError(source, f"invalid UTF-16 despite its byte-order mark: {err.reason}", line) from err


def _decode_legacy(data: bytes, err: UnicodeDecodeError, *, source: str, line: int | None) -> str:
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if len(_MOJIBAKE.findall(text)) > 2:
            # mostly UTF-8 with a few broken bytes: cp1252 would garble every accent
            return data.decode("utf-8", errors="replace")
        if looks_like_text(text):
            return text
    bad = data[err.start]
    raise InputError(
        source,
        f"not valid UTF-8 (byte 0x{bad:02x} at offset {err.start}) and not legible as cp1252/latin-1 text",
        line,
    )


def looks_like_text(text: str, *, max_control: float = 0.01) -> bool:
    """True when at most ``max_control`` of the characters are control/format/unassigned ones."""
    sample = text[:100_000]
    if not sample:
        return False
    odd = sum(sample.count(c) for c in set(sample)  # each distinct character classified once
              if c not in "\n\r\t" and unicodedata.category(c)[0] == "C")
    return odd / len(sample) <= max_control


# --- dates ------------------------------------------------------------------------------

_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_DMY = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")


def normalize_date(value: str | None) -> str | None:
    """Normalise a publication date to ISO 8601, keeping the precision the source gives.

    "2021-10-19T22:22+0200" -> "2021-10-19T22:22:00+02:00"; "2022-04-08" and "2014-02" stay as
    they are; "19.10.2021" -> "2021-10-19"; RFC 2822 dates (RSS) are converted; a time without
    an offset stays naive.

    Returns:
        The ISO string, or None when the value is empty or not a date.
    """
    text = (value or "").strip()
    if not text:
        return None
    if m := _PARTIAL_DATE.fullmatch(text):
        return text if _valid_ymd(*(int(g) if g else 1 for g in m.groups())) else None
    if m := _DMY.fullmatch(text):
        day, month, year = (int(g) for g in m.groups())
        return f"{year:04d}-{month:02d}-{day:02d}" if _valid_ymd(year, month, day) else None
    return _parse_timestamp(text)


def _valid_ymd(year: int, month: int, day: int) -> bool:
    try:
        datetime(year, month, day)
    except ValueError:
        return False
    return True


def _parse_timestamp(text: str) -> str | None:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        try:
            moment = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    return moment.isoformat(timespec="seconds")


# --- body blocks and repairs ------------------------------------------------------------

def split_body(body: str) -> list[Block]:
    """Split a body text into heading and paragraph blocks, repairing glued text.

    Blank lines and line breaks separate paragraphs; a hard-wrapped line (no final
    punctuation, next line starting in lower case) is joined to the next one. Each paragraph is
    then repaired (``repair_paragraph``) and short title-like lines followed by a paragraph
    become headings.
    """
    blocks: list[Block] = []
    for line in _join_wrapped(normalize_text(body).split("\n")):
        blocks.extend(repair_paragraph(line))
    return _mark_headings(blocks)


def _join_wrapped(lines: list[str]) -> list[str]:
    joined: list[str] = []
    for line in lines:
        if not line:
            joined.append("")
        elif joined and joined[-1] and _is_wrapped(joined[-1], line):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return [line for line in joined if line]


def _is_wrapped(previous: str, line: str) -> bool:
    # a line of typical wrap width (60-100) without final punctuation is wrapped even when the
    # next one starts with a name; a longer line is a whole paragraph
    return previous[-1] not in _TERMINAL and (line[0].islower() or 60 <= len(previous) <= 100)


def _mark_headings(blocks: list[Block]) -> list[Block]:
    marked = list(blocks)
    for i, block in enumerate(blocks[:-1]):
        following = blocks[i + 1]
        if block.kind == "paragraph" and following.kind == "paragraph" and is_heading_like(block.text) \
                and len(following.text) > 2 * len(block.text):
            marked[i] = Block("heading", block.text)
    return marked


def is_heading_like(line: str) -> bool:
    """A short line that starts with a capital or digit and has no sentence punctuation at its end."""
    words = line.split()
    if not 1 <= len(words) <= 12 or len(line) > 100:
        return False
    if not (line[0].isupper() or line[0].isdigit()):
        return False
    return line[-1] not in _TERMINAL or (line[-1] == "?" and len(words) <= 8)


def repair_paragraph(paragraph: str) -> list[Block]:
    """Split a paragraph at glued sentence boundaries and detach glued headings.

    Args:
        paragraph: one normalised line.

    Returns:
        Blocks in reading order: a sentence glued to the previous one starts a new paragraph
        (scrapers glue paragraphs when they drop the markup between them); a heading glued to
        the start of a paragraph becomes a heading block.
    """
    blocks: list[Block] = []
    for piece in split_glued_sentences(paragraph):
        heading, rest = split_glued_heading(piece)
        if heading:
            blocks.append(Block("heading", heading))
        blocks.append(Block("paragraph", rest))
    return blocks


_GLUE = re.compile(r"(\.\.\.|…|[.!?])([\"”»]?)([\"“«]?)(?=[^\W\d_])")
_CLOSERS = ")]\"»”’%"
_WORD_END = re.compile(r"([^\W\d_]+)$")


def split_glued_sentences(paragraph: str) -> list[str]:
    """Split where a sentence ends and the next begins without a space ("Peskov.Le ...")."""
    pieces, start = [], 0
    for m in _GLUE.finditer(paragraph):
        cut = _glue_cut(paragraph, m)
        if cut is not None and cut > start:
            pieces.append(paragraph[start:cut].strip())
            start = cut
    pieces.append(paragraph[start:].strip())
    return [piece for piece in pieces if piece]


def _glue_cut(text: str, m: re.Match[str]) -> int | None:
    """Where to cut for a candidate glue match, or None when it is not a sentence boundary."""
    if m.start() == 0 or not _ends_sentence(text[: m.start()]):
        return None
    after = text[m.end():]
    if not _starts_sentence(after) or _in_address(text, m.start(), m.end()):
        return None
    if m.group(2) == '"' and text[: m.start(2)].count('"') % 2 == 0:
        return m.start(2)  # an even count before: this straight quote opens the next sentence
    return m.end(2)


def _ends_sentence(before: str) -> bool:
    last = before[-1]
    if last.isdigit() or last in _CLOSERS:
        return True
    word = _WORD_END.search(before)
    if not word:
        return False
    word_text, prefix = word.group(1), before[: word.start()]
    if last.isupper():
        # acronyms (ONU, NATO) end sentences; initials (U.S, J.-L, M) and "MM" (Messieurs) do not
        return word_text.isupper() and len(word_text) >= 3 and not prefix.endswith((".", "-"))
    # "Mr", "Dr", "St", "Mme", "Gen": short capitalised abbreviations
    return not (word_text[0].isupper() and len(word_text) <= 3)


def _starts_sentence(after: str) -> bool:
    if not after or not after[0].isupper():
        return False
    nxt = after[1:2]
    return nxt != "." and nxt != "-"


def _in_address(text: str, start: int, end: int) -> bool:
    """True inside a URL, e-mail address or domain name ("www.LeMonde.fr")."""
    token_start = text.rfind(" ", 0, start) + 1
    token_end = text.find(" ", end)
    token_end = len(text) if token_end == -1 else token_end
    if re.search(r"://|www\.|@|/", text[token_start:token_end]):
        return True
    return bool(re.match(r"[A-Za-z0-9-]+\.[a-z]{2,4}\b", text[end:token_end]))


def split_glued_heading(piece: str) -> tuple[str, str]:
    """Detach a sentence-case heading glued to its paragraph ("Rupture programméeOctobre ...").

    The join is a lower-case word of 3+ letters followed directly by a capital ("programméeO"),
    inside the first 12 words, with no sentence punctuation before it, and a paragraph of 3+
    words after it. Brand names ("iPhone", "McDonald", "PowerPoint") do not have this shape.

    Returns:
        (heading, rest); heading is "" when there is none.
    """
    for word in re.finditer(r"[^\W\d_]+", piece):
        if len(piece[: word.start()].split()) >= 12:
            break
        cut = _camel_join(word.group())
        if cut is not None:
            heading, rest = piece[: word.start() + cut], piece[word.start() + cut:]
            if _plausible_heading(heading, rest):
                return heading.strip(), rest.strip()
    return "", piece


def _camel_join(word: str) -> int | None:
    for i in range(3, len(word)):
        if word[i].isupper() and word[i - 1].islower():
            left = word[:i]
            return i if left.islower() else None
    return None


def _plausible_heading(heading: str, rest: str) -> bool:
    if len(heading.split()) < 2 or any(p in heading for p in ".!?:;«»\"“”#@/"):
        return False
    # the paragraph must start like a sentence: "Octobre", "L’Otan", "À", not "OS" (macOS)
    starts_word = rest[1:2].islower() or rest[1:2] in ("’", "'", " ")
    return heading[0].isupper() and starts_word and len(rest.split()) >= 3
