from __future__ import annotations

from datetime import date

import pytest
from sample_documents import make_document

from dyads.store.rows import document_rows, event_id, gdelt_id, parse_date
from dyads.types import Document, Event, Participant


@pytest.mark.parametrize("value, key, day, precision", [
    ("2021-10-19", "2021-10-19", date(2021, 10, 19), "day"),
    ("2021-10-19T22:22:00+02:00", "2021-10-19", date(2021, 10, 19), "day"),
    ("2021-10", "2021-10", date(2021, 10, 1), "month"),
    ("2021", "2021", date(2021, 1, 1), "year"),
    ("2021-02-30", "2021-02", date(2021, 2, 1), "month"),  # impossible day: keep the month
    ("PRESENT_REF", "", None, "none"),
    (None, "", None, "none"),
])
def test_rows_parse_date(value, key, day, precision):
    point = parse_date(value)
    assert (point.key, point.day, point.precision) == (key, day, precision)


def _document(events, published="2021-10-19"):
    return Document(id="t/1", text="x", published=published, events=events)


def _event(source, target, root, cameo, *, when="2021-10-06", negated=False):
    return Event(source=Participant(source, source), target=Participant(target, target), cameo=cameo, root=root,
                 quad_class=1, goldstein=1.0, plover={}, date=when, location=None, sentence="x",
                 trigger={}, rule="t", negated=negated)


def test_rows_symmetric_roots_order_the_pair():
    rows = document_rows(_document([_event("RUS", "NATO", "04", "042"), _event("NATO", "RUS", "04", "042"),
                                    _event("RUS", "NATO", "17", "174"), _event("NATO", "RUS", "17", "174")]))
    ids = [m["event_id"] for m in rows.event_mentions]
    assert ids[0] == ids[1] and ids[2] != ids[3]
    assert rows.event_mentions[0]["source_actor"] == "NATO"  # ordered for the event ...
    assert rows.event_mentions[0]["m_source_text"] == "RUS"  # ... as written for the mention


def test_rows_negated_and_undated_keys():
    rows = document_rows(_document([_event("A", "B", "17", "174"), _event("A", "B", "17", "174", negated=True),
                                    _event("A", "B", "17", "174", when=None)], published=None))
    keys = [m["event_key"] for m in rows.event_mentions]
    assert keys[0] == "A|B|174|2021-10-06" and keys[1].endswith("|neg") and keys[2] == "A|B|174||t/1"
    assert rows.event_mentions[2]["month"] == "unknown"


def test_rows_ids_are_stable():
    assert event_id("NATO|RUS|174|2021-10-06") == event_id("NATO|RUS|174|2021-10-06")
    assert len(event_id("x")) == 16 and 0 < gdelt_id(event_id("x")) < 2 ** 60


def test_rows_offsets_are_slices():
    document = make_document("fr/a1")
    rows = document_rows(document)
    for m in rows.event_mentions:
        assert document.text[m["trigger_start"]:m["trigger_end"]] == m["trigger_text"]
        assert document.text[m["m_source_start"]:m["m_source_end"]] == m["m_source_text"]
    assert rows.articles[0]["n_events"] == 2 and rows.articles[0]["pub_date"] == date(2021, 10, 19)
