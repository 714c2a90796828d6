"""Helpers the data-file tests share: read a dyads TSV, check its header and licence, the day
range of a partial ISO date."""

from __future__ import annotations

import calendar
import csv
import re
from datetime import date

DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def load(path):
    """Leading '#' comment lines, then a header row, then tab-separated data rows."""
    with open(path, encoding="utf-8", newline="") as fh:
        lines = fh.read().splitlines()
    n = 0
    while n < len(lines) and lines[n].startswith("#"):
        n += 1
    reader = csv.reader(lines[n:], delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader)
    return lines[:n], header, [r for r in reader]


PEOPLE_COLUMNS = ["name", "aliases", "actor", "role", "office_en", "office_fr", "start", "end"]


def check_header_and_licence(table, columns, minimum_rows):
    """The header is ``columns``, the comments name a source and the CC0 licence, every row has
    one cell per column, and the table has at least ``minimum_rows`` rows."""
    comments, header, _, raw = table
    assert header == columns
    text = " ".join(comments).lower()
    assert "source" in text and "cc0" in text and "general knowledge" in text
    assert all(len(r) == len(columns) for r in raw), [r for r in raw if len(r) != len(columns)][:3]
    assert len(raw) >= minimum_rows


def bounds(value):
    """Earliest and latest day a YYYY, YYYY-MM or YYYY-MM-DD value can stand for."""
    m = DATE.match(value)
    if not m:
        raise ValueError(f"bad date {value!r}")
    y, mo, d = int(m[1]), m[2], m[3]
    if d:
        day = date(y, int(mo), int(d))
        return day, day
    if mo:
        mo = int(mo)
        return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])
    return date(y, 1, 1), date(y, 12, 31)
