// The Article view: the text with every trigger, source, target, quote and entity highlighted;
// the selected event's sentence, trigger, source and target stand out. Text is untrusted:
// it only ever becomes text nodes (see text.js).

import { getJSON, seg } from "./api.js";
import { h, clear, errorBox, safeHref, fmtNum } from "./dom.js";
import { QUADS, readEvent, actorLabel } from "./model.js";
import { renderHighlighted, findCodePoints } from "./text.js";

const EVENT_KINDS = new Set(["trigger", "source", "target"]);
const KIND_LABELS = [
  ["sentence", "sentence of the selected event"], ["trigger", "trigger"], ["source", "source"],
  ["target", "target"], ["quote", "quotation"], ["entity", "entity"],
];

export async function renderArticle(view, params, go) {
  if (!params.id) {
    view.append(errorBox("No article chosen: open one from the event table."));
    return;
  }
  view.append(h("p", { class: "loading" }, "Loading article…"));
  let article;
  try {
    article = (await getJSON(`/api/articles/${seg(params.id)}`)).article;
  } catch (err) {
    clear(view).append(errorBox(err));
    return;
  }
  clear(view).append(articleLayout(article, params, go));
  const focused = view.querySelector(".hl.f-trigger") || view.querySelector(".hl.focus");
  if (focused) focused.scrollIntoView({ block: "center" });
}

function articleLayout(article, params, go) {
  const events = (article.events || []).map((raw) => readEvent(raw));
  const focus = events.find((ev) => String(ev.id) === String(params.event)) || null;
  const text = String(article.text || "");
  const spans = buildSpans(article, text, focus);
  const body = h("div", { class: `text${focus ? " has-focus" : ""}`, lang: article.language || null }, renderHighlighted(text, spans));
  const main = h("div", { class: "card" },
    h("h1", { class: "article-title" }, article.title || article.id),
    meta(article), focus ? focusSummary(focus) : null, legend(spans), body);
  const side = h("div", {},
    h("div", { class: "card" }, h("h2", {}, `Events (${events.length})`), eventList(events, focus, article.id, go)),
    h("div", { class: "card" }, h("h2", {}, `Quotes (${(article.quotes || []).length})`), quoteList(article.quotes || [])));
  return h("div", { class: "article-layout" }, main, side);
}

// The store's spans, marked `focus` when they belong to the selected event, plus that
// event's sentence; when the store gave no span for its parts, they come from the event.
function buildSpans(article, text, focus) {
  const spans = (article.spans || []).map((sp) => ({
    ...sp, focus: Boolean(focus && EVENT_KINDS.has(sp.kind) && String(sp.ref) === String(focus.id)),
  }));
  if (!focus) return spans;
  for (const kind of ["trigger", "source", "target"]) {
    if (spans.some((sp) => sp.focus && sp.kind === kind)) continue;
    const part = kind === "trigger" ? focus.trigger : focus[kind];
    let at = part.start !== null && part.end !== null ? { start: part.start, end: part.end } : null;
    if (!at && part.text) at = findCodePoints(text, part.text, focus.trigger.start);
    if (at) spans.push({ ...at, kind, label: kind === "trigger" ? focus.cameo : part.actor, ref: focus.id, focus: true });
  }
  const sentence = sentenceSpan(text, focus);
  if (sentence) spans.push({ ...sentence, kind: "sentence", label: `event ${focus.cameo}`, ref: focus.id });
  return spans;
}

function sentenceSpan(text, ev) {
  if (!ev.sentence) return null;
  if (ev.sentenceStart !== null && ev.sentenceStart !== undefined) {
    return { start: Number(ev.sentenceStart), end: Number(ev.sentenceStart) + [...ev.sentence].length };
  }
  return findCodePoints(text, ev.sentence, ev.trigger.start);
}

function meta(article) {
  const href = safeHref(article.url);
  const parts = [article.outlet, article.published, article.language].filter(Boolean).join(" · ");
  return h("div", { class: "meta" }, parts,
    article.url ? h("span", {}, " · ", href ? h("a", { href, rel: "noopener noreferrer nofollow", target: "_blank" }, "source") : h("span", { class: "code" }, article.url)) : null,
    h("span", { class: "code" }, ` · id ${article.id}`));
}

function focusSummary(ev) {
  return h("p", { class: "focus-summary" },
    h("span", { class: "actor" }, actorLabel(ev.source)), " → ", h("span", { class: "code" }, ev.cameo || ""), " ",
    ev.label || "", " → ", h("span", { class: "actor" }, actorLabel(ev.target)),
    h("span", { class: "muted small" }, ` · ${ev.date || "undated"} · ${QUADS[ev.quad] || ""} · Goldstein ${fmtNum(ev.goldstein)}`));
}

function legend(spans) {
  const present = new Set(spans.map((sp) => sp.kind));
  return h("div", { class: "legend" }, KIND_LABELS.filter(([k]) => present.has(k)).map(([k, label]) =>
    h("span", {}, h("span", { class: `sw sw-${k}` }), label)));
}

function eventList(events, focus, articleId, go) {
  if (!events.length) return h("p", { class: "empty" }, "No events in this article.");
  return h("ul", { class: "side-list" }, events.map((ev) =>
    h("li", { class: focus && ev.id === focus.id ? "active" : "", dataset: { eventId: ev.id }, onclick: () => go("article", { id: articleId, event: ev.id }) },
      h("span", { class: "actor" }, actorLabel(ev.source)), " → ", h("span", { class: "code" }, ev.cameo || ""), " → ",
      h("span", { class: "actor" }, actorLabel(ev.target)), h("div", { class: "muted small" }, ev.trigger.text || ev.sentence || ""))));
}

function quoteList(quotes) {
  if (!quotes.length) return h("p", { class: "empty" }, "No quotations.");
  return h("div", {}, quotes.map((q) => h("blockquote", { class: "quote" }, `“${q.text}”`,
    h("span", { class: "who" }, q.speaker || "unattributed", q.speaker_actor ? ` (${q.speaker_actor})` : "", q.direct === false ? " · indirect" : ""))));
}
