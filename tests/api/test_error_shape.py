"""Every route answers errors as {"ok": false, "error": str, "status": int}; hostile filter values
are harmless (datasette's test_error_shape idea)."""

from __future__ import annotations

import asyncio
from urllib.parse import quote

import httpx
import pytest
from serverutil import TOKEN

from dyads.api import create_app

# One request per route that must fail, with the status it must fail with.
BAD_REQUESTS = {
    "/api/stats": ("POST", "/api/stats", 405),
    "/api/articles": ("GET", "/api/articles?limit=0", 422),
    "/api/articles/{article_id}": ("GET", "/api/articles/no/such/article", 404),
    "/api/events": ("GET", "/api/events?quad_class=9", 422),
    "/api/events/{event_id}": ("GET", "/api/events/ffffffffffffffff", 404),
    "/api/dyads": ("GET", "/api/dyads?limit=0", 422),
    "/api/dyads/{a}/{b}/timeline": ("GET", "/api/dyads/RUS/NATO/timeline?by=decade", 422),
    "/api/actors": ("GET", "/api/actors?limit=-1", 422),
    "/api/quotes": ("GET", "/api/quotes?offset=-5", 422),
    "/api/search": ("GET", "/api/search", 422),
    "/api/network": ("GET", "/api/network?min_events=0", 422),
}

HOSTILE = [
    "'", '"', "'; DROP TABLE events; --", "\" OR 1=1 --", "%", "_", "*", "[", "\\", "NULL",
    "<script>alert(1)</script>", "Ωμέγα 🇷🇺 ’’", "\u202e", "x" * 200, "\x00",
]
FILTERS = {
    "/api/events": ["actor", "source", "target", "q", "code", "root", "since", "until", "sort"],
    "/api/articles": ["q"],
    "/api/quotes": ["speaker", "actor", "article_id"],
    "/api/actors": ["role"],
    "/api/search": ["q"],
    "/api/network": ["since", "until"],
}


def assert_error_shape(response: httpx.Response, status: int) -> None:
    assert response.status_code == status, response.text
    body = response.json()
    assert body == {"ok": False, "error": body["error"], "status": status}
    assert isinstance(body["error"], str) and body["error"]


def api_paths(app) -> set[str]:
    return {r.path for r in app.routes if getattr(r, "path", "").startswith("/api/")}


def test_error_shape_table_covers_every_read_route(sample_db):
    paths = api_paths(create_app(sample_db))
    assert {p.replace("{article_id:path}", "{article_id}") for p in paths} == set(BAD_REQUESTS)


@pytest.mark.parametrize("route", sorted(BAD_REQUESTS))
def test_error_shape_on_bad_request(http, route):
    method, url, status = BAD_REQUESTS[route]
    assert_error_shape(http.request(method, url), status)


def test_error_shape_unknown_route_is_a_json_404(http):
    assert_error_shape(http.get("/api/nothing/here"), 404)
    assert_error_shape(http.post("/api/ingest", json={"articles": []}), 404)  # read-only: no ingest route


def test_error_shape_timeline_refuses_a_malformed_actor(http):
    assert_error_shape(http.get("/api/dyads/R%20S;--/NATO/timeline"), 422)


def test_error_shape_impossible_date_is_400(http):
    assert_error_shape(http.get("/api/events", params={"since": "2021-13-45"}), 400)


@pytest.mark.parametrize("route", sorted(BAD_REQUESTS))
def test_error_shape_500_hides_the_traceback(sample_db, route):
    app = create_app(sample_db)

    def broken(name, *args, **kwargs):
        raise RuntimeError("secret internal detail")

    app.state.store.call = broken
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    url = {"/api/search": "/api/search?q=x"}.get(route, route.replace("{a}", "RUS").replace("{b}", "NATO")
                                                  .replace("{article_id}", "x").replace("{event_id}", "x"))

    async def get() -> httpx.Response:
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            return await client.get(url)

    response = asyncio.run(get())
    assert_error_shape(response, 500)
    assert "secret" not in response.text and "Traceback" not in response.text


@pytest.mark.parametrize("value", HOSTILE, ids=range(len(HOSTILE)))
def test_error_shape_hostile_filters_never_500(http, value):
    before = http.get("/api/stats").json()["stats"]
    for path, names in FILTERS.items():
        for name in names:
            response = http.get(path, params={name: value})
            assert response.status_code in (200, 400, 422), (path, name, response.text)
            if response.status_code == 200:
                assert response.json()["ok"] is True
            else:
                assert_error_shape(response, response.status_code)
    for path in ("/api/articles/", "/api/events/"):
        response = http.get(path + quote(value, safe=""))
        assert response.status_code in (404, 422), response.text
        assert_error_shape(response, response.status_code)
    assert http.get("/api/stats").json()["stats"] == before


def test_error_shape_ingest_errors(ingest_url):
    with httpx.Client(base_url=ingest_url) as client:
        assert_error_shape(client.post("/api/ingest", json={"articles": [{"text": "x"}]}), 401)
        auth = {"Authorization": f"Bearer {TOKEN}"}
        assert_error_shape(client.post("/api/ingest", json={"articles": []}, headers=auth), 422)
        assert_error_shape(client.post("/api/ingest", content=b"x" * 30_000, headers=auth), 413)
        assert_error_shape(client.get("/api/ingest"), 405)
