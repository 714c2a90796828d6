"""POST /api/ingest: bearer token, size limit, per-article errors, stored documents readable."""

from __future__ import annotations

import json

import httpx
import pytest
from sample_docs import expulsion, talks
from serverutil import TOKEN, ThreadServer

from dyads.api import create_app

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def client(ingest_url):
    with httpx.Client(base_url=ingest_url, timeout=30) as c:
        yield c


def test_ingest_stores_documents_and_they_are_served(client):
    doc = talks()
    payload = {"articles": [{"id": doc.id, "title": doc.title, "text": doc.text, "published": doc.published}]}
    body = client.post("/api/ingest", json=payload, headers=AUTH).json()
    assert body["ok"] is True and body["ids"] == [doc.id] and body["stats"]["articles_added"] == 1
    article = client.get(f"/api/articles/{doc.id}").json()["article"]
    assert {s["kind"] for s in article["spans"]} >= {"trigger", "source", "target", "quote"}


def test_ingest_reports_failed_articles_and_keeps_the_rest(client):
    payload = {"articles": [{"id": "fail/1", "text": "Nothing."}, {"id": "ok/1", "text": "Rien à signaler."}]}
    body = client.post("/api/ingest", json=payload, headers=AUTH).json()
    assert body["ids"] == ["ok/1"]
    assert body["errors"] == [{"id": "fail/1", "stage": "extract", "reason": "stub refuses it"}]


def test_ingest_again_skips_stored_articles(client):
    doc = expulsion()  # already in the ingest store
    payload = {"articles": [{"id": doc.id, "title": doc.title, "text": doc.text}]}
    body = client.post("/api/ingest", json=payload, headers=AUTH).json()
    assert body["stats"]["articles_skipped"] == 1 and body["stats"]["articles_added"] == 0


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN},
                                     {"Authorization": f"Basic {TOKEN}"}])
def test_ingest_refuses_without_the_token(client, headers):
    response = client.post("/api/ingest", json={"articles": [{"text": "x"}]}, headers=headers)
    assert response.status_code == 401 and response.headers["www-authenticate"] == "Bearer"
    assert response.json()["ok"] is False


def test_ingest_refuses_a_large_body_even_when_streamed(client):
    big = json.dumps({"articles": [{"text": "a" * 25_000}]}).encode()
    assert client.post("/api/ingest", content=big, headers=AUTH).status_code == 413

    def chunks():  # no Content-Length: the limit is enforced while reading
        for i in range(0, len(big), 4096):
            yield big[i:i + 4096]

    response = client.post("/api/ingest", content=chunks(), headers=AUTH)
    assert response.status_code == 413 and "20000-byte limit" in response.json()["error"]


@pytest.mark.parametrize(("content", "needle"), [
    (b"{not json", "not valid JSON"),
    (b'{"articles": [{"title": "no text"}]}', "text"),
    (b'{"articles": "nope"}', "articles"),
    (b"[]", "IngestBody"),
])
def test_ingest_malformed_bodies_are_422(client, content, needle):
    response = client.post("/api/ingest", content=content, headers={**AUTH, "Content-Type": "application/json"})
    assert response.status_code == 422
    assert needle.lower() in response.json()["error"].lower()


def test_ingest_route_only_exists_with_a_token(sample_db):
    assert "/api/ingest" not in {r.path for r in create_app(sample_db).routes}
    assert "/api/ingest" in {r.path for r in create_app(sample_db, token="t").routes}


def test_ingest_article_without_id_gets_a_stable_id(client):
    payload = {"articles": [{"title": "Sans identifiant", "text": "Un texte sans id, écrit pour ce test."}]}
    first = client.post("/api/ingest", json=payload, headers=AUTH).json()
    again = client.post("/api/ingest", json=payload, headers=AUTH).json()
    assert first["ids"] and first["ids"] == again["ids"] and first["ids"][0]
    assert again["stats"]["articles_skipped"] == 1


def test_ingest_blank_text_is_reported_not_stored(client):
    payload = {"articles": [{"id": "blank/1", "text": "   \n  "}, {"id": "ok/2", "text": "Un texte."}]}
    body = client.post("/api/ingest", json=payload, headers=AUTH).json()
    assert body["ids"] == ["ok/2"]
    assert [(e["id"], e["stage"]) for e in body["errors"]] == [("blank/1", "ingest")]
    assert "empty" in body["errors"][0]["reason"]


def test_ingest_with_the_real_pipeline(tmp_path):
    """Uses dyads.pipeline.extract (spaCy models) when it is installed; skipped otherwise."""
    pytest.importorskip("dyads.pipeline")
    doc = expulsion()
    app = create_app(tmp_path / "real.duckdb", token=TOKEN)
    with ThreadServer(app) as url, httpx.Client(base_url=url, timeout=300) as client:
        payload = {"articles": [{"id": "real/1", "title": doc.title, "text": doc.text.split("\n\n", 1)[1],
                                 "published": doc.published, "language": "fr"}]}
        body = client.post("/api/ingest", json=payload, headers=AUTH).json()
        assert body["ok"] is True and body["ids"] == ["real/1"], body
        article = client.get("/api/articles/real/1").json()["article"]
    assert article["text"].startswith(doc.title)
    quotes = [article["text"][s["start"]:s["end"]] for s in article["spans"] if s["kind"] == "quote"]
    assert "Cette décision est regrettable" in quotes
