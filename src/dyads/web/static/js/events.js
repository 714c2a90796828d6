// The event table (sortable, filterable, paged) and the Events view around it.
// Clicking a row opens the article view on that event's first mention.

import { getJSON } from "./api.js";
import { h, clear, field, errorBox, fmtNum } from "./dom.js";
import { QUADS, readEvent, actorLabel } from "./model.js";

const COLUMNS = [
  { key: "date", label: "Date", sort: "date" },
  { key: "source", label: "Source" },
  { key: "cameo", label: "Event", sort: "cameo" },
  { key: "target", label: "Target" },
  { key: "quad", label: "Quad", sort: "quad_class" },
  { key: "goldstein", label: "Goldstein", sort: "goldstein" },
  { key: "mentions", label: "Mentions", sort: "num_mentions" },
  { key: "sentence", label: "Sentence" },
];

export function articleHref(event) {
  const ev = readEvent(event);
  if (!ev.articleId) return null;
  return `#/article?id=${encodeURIComponent(ev.articleId)}&event=${encodeURIComponent(ev.id)}`;
}

// rows: raw event dicts. opts: {sort, desc, onSort(key)}; rows open their article on click.
export function eventTable(rows, opts = {}) {
  if (!rows.length) return h("p", { class: "empty" }, "No events match.");
  const head = h("tr", {}, COLUMNS.map((c) => headerCell(c, opts)));
  const body = h("tbody", {}, rows.map((raw) => eventRow(raw)));
  return h("table", { class: "grid events" }, h("thead", {}, head), body);
}

function headerCell(col, { sort, desc, onSort }) {
  if (!col.sort || !onSort) return h("th", {}, col.label);
  const arrow = sort === col.sort ? (desc ? "▼" : "▲") : "";
  return h("th", { class: "sortable", dataset: { sort: col.sort }, onclick: () => onSort(col.sort), title: `sort by ${col.label}` },
    col.label, h("span", { class: "dir" }, arrow));
}

function eventRow(raw) {
  const ev = readEvent(raw);
  const href = articleHref(raw);
  const open = () => { if (href) window.location.hash = href; };
  const gsClass = Number(ev.goldstein) < 0 ? "gs neg" : "gs pos";
  return h("tr", { class: href ? "clickable" : "", dataset: { eventId: ev.id }, onclick: open },
    h("td", { class: "date" }, ev.date || "–"),
    h("td", {}, party(ev.source)),
    h("td", {}, h("span", { class: "code" }, ev.cameo || ""), " ", ev.label || ""),
    h("td", {}, party(ev.target)),
    h("td", {}, ev.quad ? h("span", { class: `quad q${ev.quad}`, title: QUADS[ev.quad] }, String(ev.quad)) : "–"),
    h("td", { class: "num" }, h("span", { class: gsClass }, fmtNum(ev.goldstein))),
    h("td", { class: "num" }, ev.mentions ?? "–"),
    h("td", { class: "sent" }, ev.sentence || ""));
}

function party(p) {
  return h("span", {}, h("span", { class: "actor" }, actorLabel(p)), p.text ? h("span", { class: "muted small" }, ` ${p.text}`) : null);
}

const FILTERS = [
  ["actor", "Actor (either side)", "RUS"],
  ["source", "Source", "NATO"],
  ["target", "Target", "RUS"],
  ["code", "CAMEO code", "17*"],
  ["since", "Since", "2021-01"],
  ["until", "Until", "2021-12-31"],
  ["q", "Text", "expuls"],
];

export async function renderEvents(view, params, go) {
  const state = { sort: params.sort || "date", desc: params.desc !== "false", offset: Number(params.offset || 0) };
  const form = h("form", { class: "filters", onsubmit: (e) => { e.preventDefault(); go("events", { ...formValues(form), sort: state.sort, desc: state.desc }); } },
    FILTERS.map(([name, label, hint]) => field(label, h("input", { name, value: params[name] || "", placeholder: hint, class: name === "q" ? "wide" : "" }))),
    field("Quad class", h("select", { name: "quad_class" }, h("option", { value: "" }, "any"),
      [1, 2, 3, 4].map((q) => h("option", { value: q, selected: String(q) === params.quad_class }, `${q} ${QUADS[q]}`)))),
    h("button", { type: "submit" }, "Filter"),
    h("button", { type: "button", class: "ghost", onclick: () => go("events", {}) }, "Clear"));
  const results = h("div", { class: "results" }, h("p", { class: "loading" }, "Loading events…"));
  view.append(h("h1", {}, "Events"), h("div", { class: "card" }, form), results);
  const limit = 50;
  const query = { ...pick(params, FILTERS.map((f) => f[0]).concat(["quad_class"])), sort: state.sort, desc: state.desc, limit, offset: state.offset };
  try {
    const body = await getJSON("/api/events", query);
    clear(results).append(
      eventTable(body.rows, { ...state, onSort: (key) => go("events", { ...params, sort: key, desc: key === state.sort ? !state.desc : true, offset: 0 }) }),
      pager(body, (offset) => go("events", { ...params, offset })));
  } catch (err) {
    clear(results).append(errorBox(err));
  }
}

function pager(body, goTo) {
  const from = body.offset + (body.count ? 1 : 0);
  return h("div", { class: "pager" },
    h("button", { class: "ghost", disabled: body.offset === 0, onclick: () => goTo(Math.max(0, body.offset - body.limit)) }, "← Previous"),
    h("span", { class: "muted" }, `${from}–${body.offset + body.count}`),
    h("button", { class: "ghost", disabled: body.next_offset === null, onclick: () => goTo(body.next_offset) }, "Next →"));
}

function formValues(form) {
  const out = {};
  for (const [k, v] of new FormData(form).entries()) if (String(v).trim()) out[k] = String(v).trim();
  return out;
}

function pick(obj, keys) {
  const out = {};
  for (const k of keys) if (obj[k] !== undefined && obj[k] !== "") out[k] = obj[k];
  return out;
}
