// The Dyad view (landing page): pick actor A, actor B and a period; see the timeline in both
// directions and the events behind it. Defaults to RUS–NATO, or the busiest dyad when the store
// has no RUS–NATO events.

import { getJSON, seg } from "./api.js";
import { h, clear, field, errorBox, fmtNum } from "./dom.js";
import { QUADS, periodRange } from "./model.js";
import { drawTimeline } from "./timeline.js";
import { eventTable } from "./events.js";

const DEFAULT = { a: "RUS", b: "NATO", by: "month" };
const PERIODS = ["day", "week", "month", "year"];

export async function renderDyad(view, params, go) {
  const explicit = Boolean(params.a && params.b);
  let { a, b, by } = { ...DEFAULT, ...params };
  if (!PERIODS.includes(by)) by = "month";
  const range = { since: params.since || "", until: params.until || "" };
  const chartBox = h("div", { class: "card chart-box" }, h("p", { class: "loading" }, "Loading timeline…"));
  const eventsBox = h("div", { class: "dyad-events" });
  const picker = h("div", { class: "card" });
  view.append(h("h1", {}, "Dyad ", h("span", { class: "dyad-name" }, `${a} ↔ ${b}`)), picker, chartBox, eventsBox);
  fillPicker(picker, { a, b, by, ...range }, go);
  try {
    const body = await getJSON(`/api/dyads/${seg(a)}/${seg(b)}/timeline`, { by, ...range });
    if (!body.rows.length && !explicit) {
      const busiest = (await getJSON("/api/dyads", { limit: 1 })).rows[0];
      if (busiest) return go("dyad", { a: busiest.a, b: busiest.b, by }, { replace: true });
    }
    showTimeline(chartBox, eventsBox, body, range);
  } catch (err) {
    clear(chartBox).append(errorBox(err));
  }
}

function fillPicker(box, { a, b, by, since, until }, go) {
  const list = h("datalist", { id: "actor-list" });
  const inputA = h("input", { name: "a", value: a, list: "actor-list", required: true, autocomplete: "off" });
  const inputB = h("input", { name: "b", value: b, list: "actor-list", required: true, autocomplete: "off" });
  const period = h("select", { name: "by" }, PERIODS.map((p) => h("option", { value: p, selected: p === by }, p)));
  const from = h("input", { name: "since", value: since, placeholder: "e.g. 2021-01", size: 10 });
  const to = h("input", { name: "until", value: until, placeholder: "e.g. 2022-06", size: 10 });
  const submit = () => go("dyad", { a: inputA.value.trim().toUpperCase(), b: inputB.value.trim().toUpperCase(),
    by: period.value, since: from.value.trim(), until: to.value.trim() });
  const form = h("form", { class: "picker", onsubmit: (e) => { e.preventDefault(); submit(); } },
    field("Actor A", inputA), field("Actor B", inputB), field("Period", period), field("Since", from), field("Until", to),
    h("button", { type: "submit" }, "Show"),
    h("button", { type: "button", class: "ghost", onclick: () => go("dyad", { a: b, b: a, by, since, until }) }, "Swap A ↔ B"), list);
  const chips = h("div", { class: "chips", "aria-label": "busiest dyads" });
  box.append(form, chips);
  getJSON("/api/actors", { limit: 500 }).then((body) => {
    for (const actor of body.rows) list.append(h("option", { value: actor.actor ?? actor.id ?? actor.name ?? "" }));
  }).catch(() => {});
  getJSON("/api/dyads", { limit: 12 }).then((body) => {
    if (body.rows.length) chips.append(h("span", { class: "muted small" }, "Busiest: "));
    for (const d of body.rows) {
      const active = (d.a === a && d.b === b) || (d.a === b && d.b === a);
      chips.append(h("button", { type: "button", class: `chip${active ? " active" : ""}`, onclick: () => go("dyad", { a: d.a, b: d.b, by }) },
        `${d.a} ↔ ${d.b} (${d.count})`));
    }
  }).catch(() => {});
}

function showTimeline(chartBox, eventsBox, body, range) {
  const { a, b, by, rows } = body;
  clear(chartBox);
  if (!rows.length) {
    chartBox.append(h("p", { class: "empty" }, `No events between ${a} and ${b}${range.since || range.until ? " in this range" : " in the store"}.`));
    return;
  }
  chartBox.append(summary(rows, a, b), legend(a, b),
    drawTimeline(rows, { a, b, by, onBarClick: (period, [src, tgt]) => loadEvents(eventsBox, { source: src, target: tgt, ...periodRange(period, by) }, `${src} → ${tgt}, ${period}`) }),
    h("p", { class: "muted small" }, "Click a bar to list its events; click an event to read it in its article."));
  loadBoth(eventsBox, a, b, range);
}

function summary(rows, a, b) {
  const total = (dir) => rows.reduce((n, r) => n + Number((r[dir] || {}).count || 0), 0);
  const mean = (dir) => {
    let n = 0, sum = 0;
    for (const r of rows) {
      const c = r[dir] || {};
      if (c.count && c.goldstein_mean !== null && c.goldstein_mean !== undefined) { n += c.count; sum += c.count * c.goldstein_mean; }
    }
    return n ? sum / n : null;
  };
  const item = (num, lbl) => h("div", {}, h("div", { class: "num" }, num), h("div", { class: "lbl" }, lbl));
  return h("div", { class: "summary" },
    item(String(total("a_to_b")), `events ${a} → ${b}`),
    item(String(total("b_to_a")), `events ${b} → ${a}`),
    item(fmtNum(mean("a_to_b"), 2), `mean Goldstein ${a} → ${b}`),
    item(fmtNum(mean("b_to_a"), 2), `mean Goldstein ${b} → ${a}`),
    item(String(rows.length), "periods with events"));
}

function legend(a, b) {
  return h("div", { class: "legend" },
    [1, 2, 3, 4].map((q) => h("span", {}, h("span", { class: "sw", style: `background: var(--q${q})` }), QUADS[q])),
    h("span", {}, h("span", { class: "ln", style: "border-color: var(--a2b)" }), `${a} → ${b}`),
    h("span", {}, h("span", { class: "ln dashed", style: "border-color: var(--b2a)" }), `${b} → ${a}`));
}

function loadBoth(box, a, b, range) {
  return loadInto(box, `Events between ${a} and ${b}`, async () => {
    const [ab, ba] = await Promise.all([
      getJSON("/api/events", { source: a, target: b, limit: 100, ...range }),
      getJSON("/api/events", { source: b, target: a, limit: 100, ...range }),
    ]);
    return [...ab.rows, ...ba.rows].sort((x, y) => String(y.date ?? "").localeCompare(String(x.date ?? "")));
  });
}

async function loadEvents(box, query, title) {
  await loadInto(box, `Events ${title}`, async () => (await getJSON("/api/events", { ...query, limit: 200 })).rows);
  box.scrollIntoView({ behavior: "smooth", block: "start" });
}

// Only the latest request may fill the box: a slow earlier one must not overwrite a newer one.
let loads = 0;
async function loadInto(box, title, fetchRows) {
  const ticket = ++loads;
  const slot = h("p", { class: "loading" }, "Loading…");
  clear(box).append(h("h2", {}, title), slot);
  let content;
  try {
    content = eventTable(await fetchRows());
  } catch (err) {
    content = errorBox(err);
  }
  if (ticket === loads) slot.replaceWith(content);
}
