from __future__ import annotations

import pytest
from sample_documents import make_document

from dyads.errors import StoreError
from dyads.store import Store
from dyads.types import ErrorRecord


def _event(store, source, target, cameo):
    found = [e for e in store.events(limit=1000)
             if e["source"]["actor"] == source and e["target"]["actor"] == target and e["cameo"] == cameo]
    assert len(found) == 1, found
    return found[0]


def test_duckdb_add_counts(tmp_path, documents):
    with Store(tmp_path / "s.duckdb") as store:
        stats = store.add(documents, batch_size=3)
        assert (stats.articles_added, stats.articles_skipped) == (4, 0)
        assert stats.events_added == 6 and stats.events_merged == 3
        assert (stats.quotes_added, stats.entities_added) == (3, 9)
        assert store.article_ids() == {"fr/a1", "fr/a2", "en/b1", "en/b2"}
        assert store.has_article("fr/a1") and not store.has_article("nope")


def test_duckdb_readd_is_noop(store, documents):
    before = store.stats()
    stats = store.add(documents + [make_document("fr/a1")])
    assert stats.articles_added == 0 and stats.articles_skipped == 5
    assert stats.events_added == stats.events_merged == 0
    assert store.stats() == before


def test_duckdb_duplicate_within_one_batch_stored_once(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        stats = store.add([make_document("fr/a1"), make_document("fr/a1")])
        assert (stats.articles_added, stats.articles_skipped) == (1, 1)
        assert store.stats()["event_mentions"] == 2


def test_duckdb_error_records_skipped(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        stats = store.add([ErrorRecord(source="x.txt", reason="bad"), make_document("en/b2")])
        assert stats.errors_skipped == 1 and stats.articles_added == 1


def test_duckdb_dedup_across_articles(store):
    expel = _event(store, "NATO", "RUS", "174")
    assert (expel["num_articles"], expel["num_mentions"], expel["num_sources"]) == (2, 2, 2)
    assert expel["date"] == "2021-10-06" and expel["date_precision"] == "day"
    full = store.event(expel["id"])
    assert {m["article_id"] for m in full["mentions"]} == {"fr/a1", "fr/a2"}
    assert full["mentions"][0]["article_id"] == "fr/a1"  # earliest published first
    # month precision: "début novembre" in French and "start of November" in English
    suspend = _event(store, "RUS", "NATO", "161")
    assert suspend["num_articles"] == 2 and suspend["date"] == "2021-11"


def test_duckdb_dedup_is_order_independent(tmp_path, documents):
    with Store(tmp_path / "a.duckdb") as one, Store(tmp_path / "b.duckdb") as two:
        one.add(documents, batch_size=1)
        two.add(list(reversed(documents)), batch_size=4)
        assert one.events(limit=100, sort="cameo") == two.events(limit=100, sort="cameo")


def test_duckdb_symmetric_events_share_one_key(store):
    meetings = store.events(code="042")
    assert len(meetings) == 1 and meetings[0]["num_articles"] == 2
    assert {meetings[0]["source"]["actor"], meetings[0]["target"]["actor"]} == {"NATO", "RUS"}


def test_duckdb_published_date_when_event_undated(store):
    criticism = _event(store, "RUS", "NATO", "111")
    assert criticism["date"] == "2021-10-26" and criticism["date_source"] == "published"


def test_duckdb_events_filters(store):
    assert {e["cameo"] for e in store.events(code="16*")} == {"161"}
    assert len(store.events(code="161")) == 2
    assert {e["cameo"] for e in store.events(source="nato")} == {"174", "042"}
    assert {e["cameo"] for e in store.events(target="FRAMIL")} == {"174"}
    assert {e["cameo"] for e in store.events(actor="MLI")} == {"161", "174"}
    assert len(store.events(root="4")) == 1
    assert len(store.events(quad_class=3)) == 1
    assert {e["date"] for e in store.events(since="2021-11", until="2021-11")} == {"2021-11"}
    assert len(store.events(since="2022")) == 2
    assert [e["cameo"] for e in store.events(q="diplomates expulsion")] == ["174"]
    assert store.events(limit=2, offset=0) + store.events(limit=10, offset=2) == store.events(limit=10)


def test_duckdb_events_sorts(store):
    dates = [e["day"] for e in store.events(sort="date", desc=False)]
    assert dates == sorted(dates)
    assert store.events(sort="num_articles")[0]["num_articles"] == 2
    with pytest.raises(ValueError):
        store.events(sort="id; DROP TABLE events")


def test_duckdb_event_first_mention(store):
    event = _event(store, "NATO", "RUS", "174")
    mention = event["mention"]
    article = store.article(mention["article_id"])
    trigger = mention["trigger"]
    assert article["text"][trigger["start"]:trigger["end"]] == trigger["text"] == "expulsion"
    assert mention["sentence"] in article["text"]


def test_duckdb_dyad_both_directions_and_net(store):
    rows = store.dyad("NATO", "RUS", by="month")
    assert [r["period"] for r in rows] == ["2021-10", "2021-11"]
    october = rows[0]
    # NATO->RUS: expulsion (q4) + meeting (symmetric, q1); RUS->NATO: criticism (q3) + meeting
    assert october["a_to_b"] == {"count": 2, "q1": 1, "q2": 0, "q3": 0, "q4": 1, "goldstein_mean": -1.55}
    assert october["b_to_a"]["count"] == 2 and october["b_to_a"]["q3"] == 1
    assert october["net"]["count"] == 3 and october["net"]["goldstein_mean"] == pytest.approx(-1.7)
    assert rows[1]["b_to_a"]["count"] == 1 and rows[1]["a_to_b"]["count"] == 0
    swapped = store.dyad("RUS", "NATO")
    assert swapped[0]["a_to_b"] == october["b_to_a"]


def test_duckdb_dyad_periods(store):
    assert [r["period"] for r in store.dyad("NATO", "RUS", by="year")] == ["2021"]
    assert len(store.dyad("NATO", "RUS", by="day")) == 4
    assert store.dyad("nato", "rus", by="week")[0]["period"].startswith("2021-W")
    assert store.dyad("NATO", "RUS", since="2021-11-01") == store.dyad("NATO", "RUS")[1:]
    with pytest.raises(ValueError):
        store.dyad("NATO", "RUS", by="fortnight")


def test_duckdb_dyad_leaves_out_negated(store):
    assert store.dyad("FRA", "MLI")[0]["b_to_a"]["count"] == 0


def test_duckdb_network(store):
    edges = {(e["source"], e["target"]): e for e in store.network()}
    assert edges[("NATO", "RUS")]["count"] == 2
    assert ("MLI", "FRA") not in edges  # negated
    assert store.network(min_events=2) == [e for e in store.network() if e["count"] >= 2]


def test_duckdb_quotes(store):
    assert [q["speaker"] for q in store.quotes(speaker="LAVROV")] == ["Sergueï Lavrov"]
    assert [q["speaker"] for q in store.quotes(speaker="serguei")] == ["Sergueï Lavrov"]
    assert {q["speaker"] for q in store.quotes(actor="rus")} == {"Sergueï Lavrov", "Dmitri Peskov"}
    assert [q["id"] for q in store.quotes(article_id="en/b1")] == ["en/b1#q0"]


def test_duckdb_actors_roles_and_people(store):
    actors = {a["id"]: a for a in store.actors()}
    rus = actors["RUS"]
    assert rus["kind"] == "state" and rus["n_events_source"] == 2 and rus["n_events_target"] == 2
    peskov = next(p for p in rus["people"] if p["name"] == "Dmitri Peskov")
    assert peskov["title"] == "porte-parole du Kremlin" and peskov["first_seen"] == "2021-10-19"
    assert actors["NATO"]["kind"] == "igo"
    assert {a["id"] for a in store.actors(role="IGO")} == {"NATO"}
    assert {r["role"] for r in actors["FRA"]["roles"]} == {"GOV", "MIL"}


def test_duckdb_articles_listing(store):
    listing = store.articles()
    assert [a["id"] for a in listing][0] == "en/b2"  # newest first
    assert set(listing[0]) == {"id", "title", "outlet", "published", "language", "url", "n_events", "n_quotes"}
    assert [a["id"] for a in store.articles(q="ambassadeur recalled")] == []
    assert [a["id"] for a in store.articles(q="Bamako")] == ["en/b2"]


def test_duckdb_article_spans(store):
    article = store.article("fr/a1")
    assert article["text"].startswith("L’Otan et Moscou")
    kinds = {s["kind"] for s in article["spans"]}
    assert kinds == {"trigger", "source", "target", "quote", "entity"}
    for span in article["spans"]:
        assert 0 <= span["start"] < span["end"] <= len(article["text"])
    quote = next(s for s in article["spans"] if s["kind"] == "quote")
    assert article["text"][quote["start"]:quote["end"]] == "nécessaire et imminente"
    assert quote["ref"] == "fr/a1#q0"
    assert len(article["events"]) == 2 and article["events"][0]["mention"]["article_id"] == "fr/a1"
    assert store.article("missing") is None and store.event("missing") is None


def test_duckdb_search_accent_insensitive(store):
    hits = store.search("expulsion diplomates")
    assert hits[0]["kind"] == "event" and "l’expulsion" in hits[0]["text"]
    assert {h["article_id"] for h in hits if h["kind"] == "article"} == {"fr/a1", "fr/a2"}
    assert store.search("SERGUEI lavrov")[0]["article_id"] == "fr/a2"
    assert store.search("emissaires") and store.search("rencontre emissaires")[0]["kind"] == "event"
    assert store.search("zeppelin") == [] and store.search("") == []


HOSTILE = ["'; DROP TABLE events; --", "\" OR 1=1 --", "RUS' OR '1'='1", "%", "_", "*", "a;b",
           "') UNION SELECT * FROM articles --", "\\", "NULL"]


@pytest.mark.parametrize("value", HOSTILE)
def test_duckdb_hostile_filters_are_plain_values(store, value):
    before = store.stats()
    assert store.events(actor=value) == [] and store.events(source=value) == []
    assert store.events(target=value, q=value) == []
    assert store.events(code=value) == [] or value == "*"
    assert store.quotes(speaker=value) == [] and store.quotes(actor=value) == []
    assert store.articles(q=value) == [] or value in {"%", "_"}
    assert store.search(value) == [] and store.dyad(value, "RUS") == []
    assert store.actors(role=value) == [] and store.article(value) is None and store.event(value) is None
    assert store.stats() == before


def test_duckdb_read_only(tmp_path, documents):
    path = tmp_path / "ro.duckdb"
    with pytest.raises(StoreError, match="no store"):
        Store(path, read_only=True)
    with Store(path) as store:
        store.add(documents[:1])
    with Store(path, read_only=True) as store:
        assert store.article_ids() == {"fr/a1"}
        assert store.search("expulsion")
        with pytest.raises(StoreError):
            store.add(documents[1:])


def test_duckdb_not_a_store(tmp_path):
    import duckdb

    path = tmp_path / "other.duckdb"
    duckdb.connect(str(path)).close()
    with pytest.raises(StoreError, match="not a dyads store"):
        Store(path, read_only=True)


@pytest.mark.parametrize("value", ["2021-13-45", "2021-02-30", "last week", "21-10", "2021/10"])
def test_duckdb_malformed_dates_are_value_errors(store, value):
    with pytest.raises(ValueError):
        store.events(since=value)
    with pytest.raises(ValueError):
        store.dyad("NATO", "RUS", until=value)
