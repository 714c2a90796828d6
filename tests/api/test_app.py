"""The read routes of dyads.api.app, against `dyads serve` running in a subprocess."""

from __future__ import annotations

from urllib.parse import quote

import httpx
import pytest


def test_app_stats_counts_the_store(http):
    body = http.get("/api/stats").json()
    assert body["ok"] is True
    assert body["stats"]["articles"] == 6
    assert body["stats"]["events"] == 9


def test_app_articles_newest_first_with_counts(http):
    body = http.get("/api/articles", params={"limit": 3}).json()
    assert [r["id"] for r in body["rows"]] == ["en/sanctions", "en/mali-🇲🇱", "en/nato-russia-council"]
    assert body["count"] == 3 and body["next_offset"] == 3
    assert {"n_events", "n_quotes", "title", "outlet"} <= set(body["rows"][0])


def test_app_articles_pages_with_offset(http):
    first = http.get("/api/articles", params={"limit": 4}).json()["rows"]
    rest = http.get("/api/articles", params={"limit": 4, "offset": 4}).json()
    assert len(rest["rows"]) == 2 and rest["next_offset"] is None
    assert not {r["id"] for r in first} & {r["id"] for r in rest["rows"]}


def test_app_article_has_text_and_spans_of_every_event_part_and_quote(http):
    article = http.get("/api/articles/fr/otan-expulsion").json()["article"]
    text = article["text"]
    spans = {(s["kind"], text[s["start"]:s["end"]]) for s in article["spans"]}
    assert {("trigger", "expulsé"), ("source", "L'Otan"), ("target", "diplomates russes"),
            ("quote", "Cette décision est regrettable")} <= spans
    event_id = article["events"][0]["id"]
    assert {s["ref"] for s in article["spans"] if s["kind"] == "trigger"} == {event_id}


def test_app_article_id_with_slash_and_emoji_is_found(http):
    response = http.get("/api/articles/" + quote("en/mali-🇲🇱", safe="/"))
    assert response.status_code == 200
    article = response.json()["article"]
    trigger = next(s for s in article["spans"] if s["kind"] == "trigger" and s["label"] == "criticize")
    assert article["text"][trigger["start"]:trigger["end"]] == "condemned"  # code-point offsets


def test_app_events_filter_by_source_target_and_code(http):
    rows = http.get("/api/events", params={"source": "NATO", "target": "RUS", "code": "17*"}).json()["rows"]
    assert [(r["cameo"], r["mention"]["trigger"]["text"]) for r in rows] == [("174", "expulsé")]


@pytest.mark.parametrize(("params", "expected"), [
    ({"actor": "MLI"}, 2),
    ({"quad_class": 1}, 2),
    ({"root": "11"}, 2),
    ({"since": "2021-12", "until": "2022-01"}, 4),
    ({"q": "sanctions"}, 1),
])
def test_app_events_filters_narrow_the_list(http, params, expected):
    assert http.get("/api/events", params=params).json()["count"] == expected


def test_app_events_sort_by_goldstein_ascending(http):
    rows = http.get("/api/events", params={"sort": "goldstein", "desc": "false"}).json()["rows"]
    scores = [r["goldstein"] for r in rows]
    assert scores == sorted(scores) and scores[0] == -8.0


def test_app_event_has_all_mentions(http):
    event_id = http.get("/api/events", params={"code": "163"}).json()["rows"][0]["id"]
    event = http.get(f"/api/events/{event_id}").json()["event"]
    assert event["id"] == event_id and event["mentions"][0]["article_id"] == "en/sanctions"


def test_app_timeline_counts_both_directions_per_month(http):
    body = http.get("/api/dyads/RUS/NATO/timeline").json()
    assert (body["a"], body["b"], body["by"]) == ("RUS", "NATO", "month")
    by_period = {r["period"]: r for r in body["rows"]}
    october = by_period["2021-10"]
    assert october["a_to_b"]["count"] == 2 and october["b_to_a"]["q4"] == 1
    assert october["b_to_a"]["goldstein_mean"] == -5.0
    assert list(by_period) == ["2021-10", "2021-12", "2022-01", "2022-03"]


def test_app_timeline_by_week(http):
    periods = [r["period"] for r in http.get("/api/dyads/RUS/NATO/timeline", params={"by": "week"}).json()["rows"]]
    assert periods[0] == "2021-W40"


def test_app_dyads_ranks_pairs_busiest_first(http):
    rows = http.get("/api/dyads").json()["rows"]
    assert (rows[0]["a"], rows[0]["b"], rows[0]["count"]) == ("NATO", "RUS", 7)
    assert {rows[1]["a"], rows[1]["b"]} == {"FRA", "MLI"}


def test_app_network_edges_are_directed(http):
    edges = {(e["source"], e["target"]): e for e in http.get("/api/network").json()["rows"]}
    assert edges[("NATO", "RUS")]["count"] == 4 and edges[("RUS", "NATO")]["count"] == 3


def test_app_actors_quotes_and_search(http):
    actors = {a["id"] for a in http.get("/api/actors").json()["rows"]}
    assert {"RUS", "NATO", "FRA", "MLI"} <= actors
    quotes = http.get("/api/quotes", params={"speaker": "peskov"}).json()["rows"]
    assert [q["text"] for q in quotes] == ["Cette décision est regrettable"]
    assert http.get("/api/quotes", params={"actor": "NATO"}).json()["rows"][0]["speaker"] == "Jens Stoltenberg"
    hits = http.get("/api/search", params={"q": "expulsé"}).json()["rows"]
    assert hits and hits[0]["article_id"] == "fr/otan-expulsion"


def test_app_openapi_lists_every_route(http):
    paths = set(http.get("/openapi.json").json()["paths"])
    assert {"/api/articles", "/api/articles/{article_id}", "/api/events", "/api/events/{event_id}",
            "/api/dyads", "/api/dyads/{a}/{b}/timeline", "/api/actors", "/api/quotes", "/api/search",
            "/api/network", "/api/stats"} <= paths
    assert "/api/ingest" not in paths  # read-only server


def test_app_docs_page_uses_only_local_assets(http):
    page = http.get("/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in page and "http" not in page.replace("http-equiv", "")
    for asset in ("swagger-ui-bundle.js", "swagger-ui.css", "LICENSE"):
        assert http.get(f"/static/vendor/swagger-ui/{asset}").status_code == 200


def test_app_dashboard_is_served_with_a_strict_policy(http):
    response = http.get("/")
    assert response.status_code == 200 and "/static/js/main.js" in response.text
    policy = response.headers["content-security-policy"]
    assert "default-src 'self'" in policy and "script-src 'self';" in policy
    assert http.get("/static/js/main.js").headers["content-type"].startswith(("text/javascript", "application/javascript"))


def test_app_serve_prints_the_url(server):
    assert f"{server['url']}/" in server["log"].read_text()


def test_app_missing_database_is_created_empty_and_served(tmp_path):
    from serverutil import ThreadServer

    from dyads.api import create_app

    db = tmp_path / "new.duckdb"
    with ThreadServer(create_app(db)) as url:
        assert httpx.get(f"{url}/api/stats").json()["stats"]["events"] == 0
        assert httpx.get(f"{url}/api/dyads/RUS/NATO/timeline").json()["rows"] == []
        assert httpx.get(f"{url}/api/dyads").json()["rows"] == []
    assert db.exists()
