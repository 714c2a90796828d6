"""The dashboard in headless Chromium: dyad -> event -> article, network, tables, quotes, escaping,
and no request to any host but 127.0.0.1. Screenshots go to artifacts/ (gitignored)."""

from __future__ import annotations

from urllib.parse import quote

import httpx
import pytest
from playwright.sync_api import expect
from sample_docs import emoji_mali, hostile_document
from serverutil import TOKEN, ThreadServer, build_store

from dyads.api import create_app

pytestmark = pytest.mark.browser


def open_view(page, url: str, fragment: str = "", ready: str = "svg.timeline") -> None:
    page.goto(f"{url}/{fragment}")
    page.wait_for_selector(ready)
    page.wait_for_selector("body[data-ready]")


def texts(page, selector: str) -> list[str]:
    return page.locator(selector).all_text_contents()


def assert_clean(page) -> None:
    assert page.recorder.foreign_hosts() == set()
    assert page.recorder.errors == [] and page.recorder.dialogs == []


def event_id(url: str, **filters) -> str:
    rows = httpx.get(f"{url}/api/events", params=filters).json()["rows"]
    assert len(rows) == 1, rows
    return rows[0]["id"]


def test_dashboard_landing_is_the_rus_nato_timeline(page, web_url, artifacts):
    open_view(page, web_url)
    assert page.locator("h1").text_content() == "Dyad RUS ↔ NATO"
    assert page.locator("rect.bar").count() == 8  # q-class segments over 4 months, both directions
    assert page.locator("path.gline").count() == 2
    assert page.locator(".summary").text_content().startswith("4events RUS → NATO4events NATO → RUS")
    page.screenshot(path=str(artifacts / "dashboard-dyad.png"), full_page=True)
    assert_clean(page)


def test_dashboard_dyad_bar_to_event_to_highlighted_article(page, web_url, artifacts):
    open_view(page, web_url)
    page.click('rect.bar[data-period="2021-10"][data-dir="b_to_a"]')
    page.wait_for_selector("h2:has-text('Events NATO → RUS, 2021-10')")
    rows = page.locator(".dyad-events table.events tbody tr")
    expect(rows).to_have_count(1)
    rows.first.click()
    page.wait_for_selector(".text .hl.f-trigger")
    assert texts(page, ".text .hl.f-trigger") == ["expulsé"]
    assert texts(page, ".text .hl.f-source") == ["L'Otan"]
    assert texts(page, ".text .hl.f-target") == ["diplomates russes"]
    assert "".join(texts(page, ".text .hl.k-sentence")) == (
        "L'Otan a expulsé huit diplomates russes accusés d'espionnage, a annoncé mercredi l'Alliance à Bruxelles.")
    assert texts(page, ".text .hl.k-quote") == ["Cette décision est regrettable"]
    assert page.locator(".side-list li.active").count() == 1
    page.screenshot(path=str(artifacts / "dashboard-article.png"), full_page=True)
    assert_clean(page)


def test_dashboard_offsets_after_astral_characters(page, web_url):
    condemn = event_id(web_url, code="111", source="FRA")
    article = quote(emoji_mali().id, safe="")
    open_view(page, web_url, f"#/article?id={article}&event={condemn}", ready=".text .hl.f-trigger")
    assert texts(page, ".text .hl.f-trigger") == ["condemned"]
    assert texts(page, ".text .hl.f-source") == ["Paris"]
    assert texts(page, ".text .hl.f-target") == ["Bamako"]
    page.click(".side-list li:not(.active)")
    page.wait_for_selector(".text .hl.f-trigger:text-is('expel')")
    assert texts(page, ".text .hl.f-target") == ["the French ambassador"]
    assert_clean(page)


def test_dashboard_network_edge_lists_its_events(page, web_url, artifacts):
    open_view(page, web_url, "#/network", ready="svg.network")
    assert sorted(texts(page, "svg.network .node text")) == ["FRA", "MLI", "NATO", "RUS"]
    assert page.locator("svg.network .edge").count() == 4
    page.locator('.edge-group[data-source="NATO"][data-target="RUS"] .edge-hit').dispatch_event("click")
    page.wait_for_selector(".side table.events")
    assert page.locator(".side table.events tbody tr").count() == 4
    assert page.locator(".edge.active").count() == 1
    page.screenshot(path=str(artifacts / "dashboard-network.png"), full_page=True)
    assert_clean(page)


def test_dashboard_event_table_sorts_and_filters(page, web_url, artifacts):
    open_view(page, web_url, "#/events", ready="table.events")
    assert page.locator("table.events tbody tr").count() == 9
    page.click("th[data-sort=goldstein]")
    page.wait_for_selector("th[data-sort=goldstein] .dir:text-is('▼')")
    assert page.locator("table.events tbody tr td.num .gs").first.text_content() == "4.0"
    page.click("th[data-sort=goldstein]")
    page.wait_for_selector("th[data-sort=goldstein] .dir:text-is('▲')")
    assert page.locator("table.events tbody tr td.num .gs").first.text_content() == "-8.0"
    page.fill("input[name=actor]", "MLI")
    page.click("form.filters button[type=submit]")
    expect(page.locator("table.events tbody tr")).to_have_count(2)
    page.screenshot(path=str(artifacts / "dashboard-events.png"), full_page=True)
    page.locator("table.events tbody tr").first.click()
    page.wait_for_selector(".text .hl.f-trigger")
    assert_clean(page)


def test_dashboard_quote_explorer_by_speaker_and_actor(page, web_url, artifacts):
    open_view(page, web_url, "#/quotes", ready="table.quotes")
    assert page.locator("table.quotes tbody tr").count() == 3
    page.fill("input[name=speaker]", "peskov")
    page.click("form.filters button[type=submit]")
    expect(page.locator("table.quotes tbody tr")).to_have_count(1)
    assert "Cette décision est regrettable" in page.locator("table.quotes tbody").text_content()
    page.click("table.quotes tbody a.actor")
    expect(page.locator("table.quotes tbody tr")).to_have_count(2)
    page.screenshot(path=str(artifacts / "dashboard-quotes.png"), full_page=True)
    assert_clean(page)


def test_dashboard_lands_on_the_busiest_dyad_without_rus_nato(page, tmp_path):
    db = build_store(tmp_path / "mali.duckdb", [emoji_mali()])
    with ThreadServer(create_app(db)) as url:
        open_view(page, url)
        assert page.locator("h1").text_content() in ("Dyad FRA ↔ MLI", "Dyad MLI ↔ FRA")
        assert page.locator("rect.bar").count() == 2
    assert_clean(page)


def test_dashboard_hostile_article_is_inert(page_without_csp, web_ingest_url, artifacts):
    page, url = page_without_csp, web_ingest_url  # no CSP safety net: the escaping alone must hold
    doc = hostile_document()
    payload = {"articles": [{"id": doc.id, "title": doc.title, "text": doc.text, "url": doc.url}]}
    response = httpx.post(f"{url}/api/ingest", json=payload, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.json()["ids"] == [doc.id]
    sanction = event_id(url, code="163", since="2022-03-10")
    article = f"#/article?id={quote(doc.id, safe='')}"
    open_view(page, url, f"{article}&event={sanction}", ready=".text .hl.f-trigger")
    assert page.locator("h1.article-title").text_content() == doc.title
    assert texts(page, ".text .hl.f-source") == ['L\'Otan <img src=x onerror="window.__pwned=1">']
    assert page.locator(".meta a").count() == 0  # the javascript: URL stays text
    page.hover(".text .hl.k-quote")
    for fragment, ready in (("#/events?q=sanctionne", "table.events"), ("#/quotes", "table.quotes"),
                            ("#/network", "svg.network"), ("#/dyad?a=NATO&b=RUS", "svg.timeline"), (article, ".text")):
        open_view(page, url, fragment, ready=ready)
        page.wait_for_selector("body[data-ready]")
        assert page.locator("#view img, #view script, #view b, #view i, #view [onerror]").count() == 0
    page.screenshot(path=str(artifacts / "dashboard-hostile.png"), full_page=True)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("a[href^='javascript']").count() == 0
    assert_clean(page)


def test_dashboard_api_docs_work_offline(page, web_url):
    page.goto(f"{web_url}/docs")
    page.wait_for_selector(".swagger-ui .info .title")
    assert "dyads" in page.locator(".swagger-ui .info .title").text_content()
    page.wait_for_selector(".opblock-summary-path")
    assert_clean(page)


def test_dashboard_js_helpers(page_without_csp, web_url):
    """The pure functions of the dashboard's modules, run in the browser."""
    page = page_without_csp
    page.goto(f"{web_url}/static/favicon.svg")
    result = page.evaluate("""async () => {
        const t = await import('/static/js/timeline.js');
        const m = await import('/static/js/model.js');
        const x = await import('/static/js/text.js');
        const rows = (ps) => ps.map((p) => ({period: p, a_to_b: {count: 1}, b_to_a: {count: 0}}));
        const text = 'Paris 🇫🇷 condemned';
        return {
            filled: t.fillPeriods(rows(['2021-10', '2022-01']), 'month').map((r) => r.period),
            weeks: t.fillPeriods(rows(['2021-W52', '2022-W02']), 'week').map((r) => r.period),
            sparse: t.fillPeriods(rows(['1997-01', '2021-10']), 'month').map((r) => r.period),
            month: m.periodRange('2024-02', 'month'),
            week: m.periodRange('2021-W41', 'week'),
            units: x.toUnits(x.unitIndex(text), 9),
            found: x.findCodePoints(text, 'condemned'),
        };
    }""")
    assert result["filled"] == ["2021-10", "2021-11", "2021-12", "2022-01"]
    assert result["weeks"] == ["2021-W52", "2022-W01", "2022-W02"]
    assert result["sparse"] == ["1997-01", "2021-10"]
    assert result["month"] == {"since": "2024-02-01", "until": "2024-02-29"}
    assert result["week"] == {"since": "2021-10-11", "until": "2021-10-17"}
    assert result["units"] == 11  # "c" is code point 9 (as Python counts) but UTF-16 unit 11
    assert result["found"] == {"start": 9, "end": 18}  # back in code points
