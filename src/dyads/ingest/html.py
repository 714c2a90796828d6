"""HTML -> Article: trafilatura finds the main text, htmldate and the page metadata the date.

Input: the bytes of one HTML page (a file, a WARC response, a fetched feed link), or an HTML
fragment (a feed entry's content).
Output: one Article, or one ErrorRecord when the page has no main text.
Guarantees: headings (<h1>-<h6>) and paragraphs keep their reading order; quotation marks
(« » “ ” ’) stay as published; ``published`` is the page's own timestamp (meta
article:published_time, JSON-LD datePublished, <time pubdate>) when one agrees with the date
htmldate finds, else htmldate's date, else the caller's fallback; the meta description becomes
the lede only when the first paragraph repeats it (it is then not repeated in the body).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import lxml.html
from lxml import etree
from trafilatura import bare_extraction
from trafilatura.utils import load_html

from dyads.errors import InputError
from dyads.ingest.clean import Block, fold, normalize_date, normalize_line, split_body
from dyads.ingest.text import build_record, drop_title_repeat, make_article
from dyads.types import Article, ErrorRecord

_DATE_KEYS = {
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
    "publish-date", "published_time", "dc.date", "dc.date.issued", "dcterms.created",
    "sailthru.date", "parsely-pub-date",
}
_BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "td")
_HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def read_html(data: bytes, *, source: str, url: str = "", line: int | None = None,
              fallback_published: str | None = None) -> Iterator[Article | ErrorRecord]:
    """Read one HTML page as one article.

    Args:
        data: the page's bytes (the charset is detected by trafilatura).
        source: the path, kept in ``Article.source`` and error records.
        url: the page's URL when known (WARC, feed link); else the canonical URL of the page.
        line: the record number inside ``source`` (WARC), if any.
        fallback_published: a date to use when the page gives none (the WARC-Date).

    Yields:
        One Article or one ErrorRecord.
    """
    yield build_record(
        lambda: article_from_html(data, source=source, url=url, line=line, fallback_published=fallback_published),
        source=source, line=line,
    )


def article_from_html(data: bytes | str, *, source: str, url: str = "", line: int | None = None,
                      fallback_published: str | None = None, **given: str | None) -> Article:
    """Extract the article of an HTML page.

    Args:
        **given: fields that win over the page's own (title, outlet, published, id, language).

    Raises:
        InputError: the bytes are not HTML or the page has no main text.
    """
    tree = load_html(data)
    if tree is None:
        raise InputError(source, "not an HTML document (no <html> or <body> element)", line)
    timestamp = find_timestamp(tree)
    document = bare_extraction(
        tree, url=url or None, with_metadata=True, include_comments=False, include_tables=False,
        date_extraction_params={"extensive_search": True, "original_date": True},
    )
    if document is None or document.body is None:
        raise InputError(source, "no article text found in the HTML (trafilatura extracted nothing)", line)
    blocks = drop_title_repeat(normalize_line(given.get("title") or document.title or ""), body_blocks(document.body))
    fields: dict[str, Any] = {
        "title": document.title or "",
        "lede": _matching_lede(document.description or "", blocks),
        "url": url or document.url or "",
        "outlet": document.sitename or "",
        "published": _pick_date(timestamp, document.date) or normalize_date(fallback_published),
    }
    fields.update({k: v for k, v in given.items() if v})
    return make_article(blocks=blocks, source=source, line=line, **fields)


def body_blocks(body: etree._Element) -> list[Block]:
    """Turn trafilatura's output tree (<head>, <p>, <list>, <quote> ...) into blocks."""
    for br in body.iter("lb"):
        br.text = "\n"
    blocks: list[Block] = []
    for element in body:
        if element.tag == "head":
            blocks.append(Block("heading", normalize_line("".join(element.itertext()))))
        elif element.tag == "list":
            blocks.extend(b for item in element.iter("item") for b in split_body("".join(item.itertext())))
        else:
            blocks.extend(split_body("".join(element.itertext())))
    return [block for block in blocks if block.text]


def fragment_blocks(fragment: str) -> list[Block]:
    """Turn an HTML fragment (a feed entry's content) into blocks; plain text passes through."""
    if "<" not in fragment:
        return split_body(fragment)
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return split_body(re.sub(r"<[^>]*>", " ", fragment))
    for junk in root.xpath(".//script|.//style"):
        junk.drop_tree()
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    leaves = [el for el in root.iter(*_BLOCK_TAGS) if not any(d.tag in _BLOCK_TAGS for d in el.iterdescendants())]
    if not leaves:
        return split_body(root.text_content())
    return [block for el in leaves for block in _leaf_blocks(el)]


def _leaf_blocks(element: lxml.html.HtmlElement) -> list[Block]:
    if element.tag in _HEADING_TAGS:
        return [Block("heading", normalize_line(element.text_content()))]
    return split_body(element.text_content())


def find_timestamp(tree: lxml.html.HtmlElement) -> str | None:
    """The page's own publication timestamp (with a time of day), or None."""
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in _DATE_KEYS and _is_timestamp(stamp := normalize_date(meta.get("content"))):
            return stamp
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        stamp = _json_ld_date(script.text or "")
        if _is_timestamp(stamp):
            return stamp
    for time in tree.xpath("//time[@pubdate or @itemprop='datePublished'][@datetime]"):
        if _is_timestamp(stamp := normalize_date(time.get("datetime"))):
            return stamp
    return None


def _json_ld_date(script: str) -> str | None:
    m = re.search(r'"datePublished"\s*:\s*("(?:[^"\\]|\\.)*")', script)
    if not m:
        return None
    try:
        return normalize_date(json.loads(m.group(1)))
    except ValueError:
        return None


def _is_timestamp(stamp: str | None) -> bool:
    return bool(stamp and "T" in stamp)


def _pick_date(timestamp: str | None, date: str | None) -> str | None:
    if timestamp and (not date or timestamp.startswith(date)):
        return timestamp
    return normalize_date(date)


def _matching_lede(description: str, blocks: list[Block]) -> str:
    """The description, when the first paragraph repeats it (else it may be a site blurb)."""
    key = fold(description)
    paragraphs = [b.text for b in blocks if b.kind == "paragraph"][:1]
    if len(key) < 30 or not paragraphs or blocks[0].kind != "paragraph":
        return ""
    first = fold(paragraphs[0])
    return description if first == key or (first.startswith(key) and description.endswith(("...", "…"))) else ""
