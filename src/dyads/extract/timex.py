"""Time expressions: article text + publication date -> list[Timex].

Input: the normalised article text, the publication date (or None) and the language's
``timex.yaml`` (month and weekday names, relative words, units, number words).
Output: ``Timex(text, value, start, end, kind)`` sorted by offset, non-overlapping. ``value`` is
ISO 8601 at the precision the text supports: ``2021-10-19``, ``2021-11``, ``2021``, ``2021-W41``;
without a publication date, unknown parts are written ``XXXX``.
Guarantees: ``timex.text == text[start:end]``; resolution has a news (past) bias: a date with
no year is put in the year that makes it nearest to publication, counting days in the future
twice; a bare weekday is the most recent such day on or before publication. Numbers that are
not dates ("de 20 à 10 personnes") never match: every pattern needs a month, weekday, year cue
or relative word. Never raises on any text.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable

from dyads.lang import LanguageData
from dyads.types import Timex


def _fold_char(ch: str) -> str:
    """One character lower case without accents (one character, "’" as "'")."""
    base = unicodedata.normalize("NFD", ch)[0] if ord(ch) > 127 else ch
    out = base.lower() if len(base.lower()) == 1 else base
    return "'" if out == "’" else out


_FOLD_TABLE: dict[int, str] = {}  # code point -> folded character, for those that change
_FOLD_SEEN: set[str] = set()  # characters already looked at (bounded by the alphabet)


def fold_keep_length(text: str) -> str:
    """Lower case without accents, one output character per input character.

    Each distinct character is folded once per process; the text is then one ``str.translate``.
    """
    new = set(text).difference(_FOLD_SEEN)
    if new:
        for ch in new:
            folded = _fold_char(ch)
            if folded != ch:
                _FOLD_TABLE[ord(ch)] = folded
        _FOLD_SEEN.update(new)
    return text.translate(_FOLD_TABLE)


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class Grammar:
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    units: dict[str, str]
    parts: dict[str, str]
    days: dict[str, int]
    last: frozenset[str]
    next: frozenset[str]
    dmy: bool
    weekday_preps: frozenset[str]


_GRAMMARS: dict[str, Grammar] = {}


def _grammar(lang: LanguageData) -> Grammar:
    if lang.code not in _GRAMMARS:
        _GRAMMARS[lang.code] = _build_grammar(lang)
    return _GRAMMARS[lang.code]


def _build_grammar(lang: LanguageData) -> Grammar:
    t = lang.timex
    months, weekdays = t["months"], t["weekdays"]
    mon = rf"(?P<month>{_alt(months)})\.?"
    wd = rf"(?P<wd>{_alt(weekdays)})"
    day = rf"(?P<day>[0-3]?\d)(?:{_alt(t.get('ordinal_suffixes', []))})?"
    year = r"(?P<year>(?:19|20)\d\d)"
    part = rf"(?P<part>{_alt(t.get('month_parts', {}))})"
    last, nxt, this = (_alt(t.get(k, [])) for k in ("last_words", "next_words", "this_words"))
    units = _alt(t.get("units", {}))
    arts = rf"(?:{_alt(t.get('articles', []))})\s*" if t.get("articles") else ""
    wpre = _alt(t.get("weekday_preps", [])) or "(?!)"
    nums = _alt(t.get("numbers", {}))
    ago_b, ago_a = t.get("ago_before", []), t.get("ago_after", [])
    b, e = r"(?<![\w-])", r"(?![\w])"
    pats = [
        ("iso", rf"{b}(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d){e}"),
        ("numeric", rf"{b}(?P<n1>[0-3]?\d)[./](?P<n2>[01]?\d)[./](?P<ny>(?:19|20)\d\d){e}"),
        ("dmy", rf"{b}(?:{wd},?\s+)?{day}\s+{mon}(?:,?\s+{year})?{e}"),
        ("mdy", rf"{b}(?:{wd},?\s+)?{mon}\s+{day}(?:,?\s+{year})?{e}"),
        ("part", rf"{b}{part}[\s-]*(?:(?:de|d'|of)\s*)?(?:{mon}(?:\s+{year})?|(?P<year2>(?:19|20)\d\d)){e}"),
        ("month_year", rf"{b}{mon}\s+{year}{e}"),
        ("rel_period", rf"{b}(?:(?P<this>{this})\s+|{arts})(?P<unit>{units})(?:-ci)?"
                       rf"(?:\s+(?P<dir>{last}|{nxt}))?{e}"),
        ("last_period", rf"{b}(?P<dir>{last}|{nxt}|{this})\s+(?P<unit>{units}){e}"),
        ("weekday", rf"{b}(?:(?P<pre>{this}|{last}|{nxt}|{wpre})\s+)?{wd}(?:\s+(?P<post>{last}|{nxt}))?{e}"),
        ("day_word", rf"{b}(?P<dw>{_alt(t.get('days', {}))}){e}"),
        ("year", rf"{b}(?P<cue>{_alt(t.get('year_cues', []))})\s+{year}{e}"),
        ("month_cue", rf"{b}(?P<cue>{_alt(t.get('year_cues', []))})\s+{mon}{e}"),
    ]
    if ago_b:
        pats.append(("ago", rf"{b}(?:{_alt(ago_b)})\s+(?P<num>\d+|{nums})\s+(?P<unit>{units}){e}"))
    if ago_a:
        pats.append(("ago", rf"{b}(?P<num>\d+|{nums})\s+(?P<unit>{units})\s+(?:{_alt(ago_a)}){e}"))
    compiled = tuple((name, re.compile(p)) for name, p in pats)
    return Grammar(compiled, months, weekdays, t.get("numbers", {}), t.get("units", {}),
                   t.get("month_parts", {}), t.get("days", {}),
                   frozenset(t.get("last_words", [])), frozenset(t.get("next_words", [])),
                   t.get("numeric_order", "dmy") == "dmy", frozenset(t.get("weekday_preps", [])))


def _nearest_year(month: int, day: int | None, pub: date) -> int:
    """The year that puts month/day nearest to publication, future days counting double."""
    best, best_cost = pub.year, None
    for y in (pub.year - 1, pub.year, pub.year + 1):
        d = min(day or 15, calendar.monthrange(y, month)[1])
        delta = (date(y, month, d) - pub).days
        cost = delta * 2 if delta > 0 else -delta
        if best_cost is None or cost < best_cost:
            best, best_cost = y, cost
    return best


def _ymd(y: int | None, m: int | None = None, d: int | None = None) -> str | None:
    if y is None:
        ys = "XXXX"
    else:
        ys = f"{y:04d}"
    if m is None:
        return ys if y is not None else None
    if not 1 <= m <= 12:
        return None
    if d is None:
        return f"{ys}-{m:02d}"
    if y is not None and not 1 <= d <= calendar.monthrange(y, m)[1]:
        return None
    if not 1 <= d <= 31:
        return None
    return f"{ys}-{m:02d}-{d:02d}"


def _month_value(g: Grammar, mt: re.Match, pub: date | None, with_day: bool) -> str | None:
    month = g.months[mt.group("month").rstrip(".")]
    day = int(mt.group("day")) if with_day else None
    if mt.groupdict().get("year"):
        return _ymd(int(mt.group("year")), month, day)
    if pub is None:
        return _ymd(None, month, day)
    return _ymd(_nearest_year(month, day, pub), month, day)


def _weekday_value(g: Grammar, mt: re.Match, pub: date | None) -> str | None:
    if pub is None:
        return None
    target = g.weekdays[mt.group("wd")]
    words = {mt.group("pre") or "", mt.group("post") or ""}
    back = (pub.weekday() - target) % 7
    if words & g.next:
        ahead = (target - pub.weekday()) % 7 or 7
        return (pub + timedelta(days=ahead)).isoformat()
    if words & g.last and back == 0:
        back = 7
    return (pub - timedelta(days=back)).isoformat()


def _shift(pub: date, unit: str, n: int) -> str:
    if unit == "day":
        return (pub + timedelta(days=n)).isoformat()
    if unit == "week":
        y, w, _ = (pub + timedelta(weeks=n)).isocalendar()
        return f"{y}-W{w:02d}"
    if unit == "month":
        m = pub.month - 1 + n
        return f"{pub.year + m // 12:04d}-{m % 12 + 1:02d}"
    return f"{pub.year + n:04d}"


def _period_value(g: Grammar, mt: re.Match, pub: date | None) -> str | None:
    unit = g.units.get(mt.group("unit"))
    direction = mt.group("dir") or ""
    if pub is None or unit is None:
        return None
    if direction in g.last:
        return _shift(pub, unit, -1)
    if direction in g.next:
        return _shift(pub, unit, 1)
    if unit == "day" or not mt.group("this"):
        return None  # a bare "jour"/"the year" is not a time expression
    return _shift(pub, unit, 0)


def _ago_value(g: Grammar, mt: re.Match, pub: date | None) -> str | None:
    if pub is None:
        return None
    raw = mt.group("num")
    n = int(raw) if raw.isdigit() else g.numbers.get(raw, 0)
    unit = g.units.get(mt.group("unit"))
    if not n or unit is None or n > 400:
        return None
    if unit == "day":
        return (pub - timedelta(days=n)).isoformat()
    if unit == "week":
        return (pub - timedelta(weeks=n)).isoformat()[:10]
    return _shift(pub, unit, -n)


def _value(name: str, g: Grammar, mt: re.Match, pub: date | None) -> tuple[str | None, str]:
    handlers: dict[str, Callable[[], str | None]] = {
        "iso": lambda: _ymd(int(mt.group("iy")), int(mt.group("im")), int(mt.group("id"))),
        "numeric": lambda: (_ymd(int(mt.group("ny")), int(mt.group("n2")), int(mt.group("n1"))) if g.dmy
                            else _ymd(int(mt.group("ny")), int(mt.group("n1")), int(mt.group("n2")))),
        "dmy": lambda: _month_value(g, mt, pub, True),
        "mdy": lambda: _month_value(g, mt, pub, True),
        "month_year": lambda: _month_value(g, mt, pub, False),
        "part": lambda: (_month_value(g, mt, pub, False) if mt.group("month")
                         else mt.group("year2")),
        "rel_period": lambda: _period_value(g, mt, pub),
        "last_period": lambda: _period_value(g, mt, pub),
        "weekday": lambda: _weekday_value(g, mt, pub),
        "day_word": lambda: (pub + timedelta(days=g.days[mt.group("dw")])).isoformat() if pub else None,
        "year": lambda: mt.group("year"),
        "month_cue": lambda: _month_value(g, mt, pub, False),
        "ago": lambda: _ago_value(g, mt, pub),
    }
    kinds = {"part": "month", "month_year": "month", "month_cue": "month", "year": "year",
             "rel_period": "period", "last_period": "period", "ago": "relative",
             "weekday": "date", "day_word": "date"}
    return handlers[name](), kinds.get(name, "date")


def _strip_cue(name: str, mt: re.Match, g: Grammar) -> tuple[int, int]:
    """Offsets of the expression without a leading cue word ("en 2014" -> "2014")."""
    start, end = mt.span()
    if name in ("year", "month_cue"):
        start = mt.start("year") if name == "year" else mt.start("month")
    if name == "weekday" and mt.group("pre") and mt.group("pre") in g.weekday_preps:
        start = mt.start("wd")
    return start, end


def find_timexes(text: str, published: date | None, lang: LanguageData) -> list[Timex]:
    """Find and normalise every time expression in ``text``.

    Args:
        text: the article text (offsets refer to it).
        published: the publication date used to resolve partial and relative dates.
        lang: the language data bundle (its ``timex.yaml``).

    Returns:
        Non-overlapping time expressions sorted by start offset.
    """
    if not lang.timex:
        return []
    g = _grammar(lang)
    folded = fold_keep_length(text)
    taken = bytearray(len(text) + 1)
    found: list[Timex] = []
    for name, pattern in g.patterns:
        for mt in pattern.finditer(folded):
            start, end = _strip_cue(name, mt, g)
            if any(taken[start:end]):
                continue
            value, kind = _value(name, g, mt, published)
            if not value:
                continue
            taken[start:end] = b"\x01" * (end - start)
            found.append(Timex(text=text[start:end], value=value, start=start, end=end, kind=kind))
    found.sort(key=lambda t: t.start)
    return found


def parse_published(value: str | None) -> date | None:
    """The date part of an ISO 8601 publication timestamp, or None."""
    if not value:
        return None
    mt = re.match(r"(\d{4})-(\d{2})(?:-(\d{2}))?", value)
    if not mt:
        return None
    try:
        return date(int(mt.group(1)), int(mt.group(2)), int(mt.group(3) or 15))
    except ValueError:
        return None
