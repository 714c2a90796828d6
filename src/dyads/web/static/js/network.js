// The Network view: who acts on whom. Click an edge for its events, a node for its dyads.

import { getJSON } from "./api.js";
import { h, clear, field, errorBox } from "./dom.js";
import { drawNetwork } from "./graph.js";
import { eventTable } from "./events.js";

export async function renderNetwork(view, params, go) {
  const minEvents = Math.max(1, Number(params.min_events || 1));
  const form = h("form", { class: "filters", onsubmit: (e) => { e.preventDefault(); go("network", Object.fromEntries([...new FormData(form)].filter(([, v]) => v))); } },
    field("Since", h("input", { name: "since", value: params.since || "", placeholder: "2021-01" })),
    field("Until", h("input", { name: "until", value: params.until || "", placeholder: "2021-12" })),
    field("Min. events per edge", h("input", { name: "min_events", type: "number", min: 1, value: minEvents })),
    h("button", { type: "submit" }, "Update"));
  const graphBox = h("div", { class: "card" }, h("p", { class: "loading" }, "Loading network…"));
  const side = h("div", { class: "card side" }, h("p", { class: "muted" }, "Click an edge to list its events here, or an actor to open its busiest dyad."));
  view.append(h("h1", {}, "Actor network"), h("div", { class: "card" }, form),
    h("div", { class: "net-layout" }, graphBox, side));
  try {
    const body = await getJSON("/api/network", { since: params.since, until: params.until, min_events: minEvents, limit: 150 });
    clear(graphBox);
    if (!body.rows.length) {
      graphBox.append(h("p", { class: "empty" }, "No events in this range."));
      return;
    }
    graphBox.append(scaleLegend(), drawNetwork(body.rows, {
      onEdgeClick: (edge) => showEdge(side, edge, params, graphBox),
      onNodeClick: (actor) => openActor(actor, body.rows, go),
    }));
  } catch (err) {
    clear(graphBox).append(errorBox(err));
  }
}

function scaleLegend() {
  return h("div", { class: "legend" },
    h("span", { class: "scale" }, "mean Goldstein −10", h("span", { class: "bar" }), "+10"),
    h("span", {}, "edge width: number of events; arrow: who acts on whom"));
}

async function showEdge(side, edge, params, graphBox) {
  for (const el of graphBox.querySelectorAll(".edge.active")) el.classList.remove("active");
  const group = [...graphBox.querySelectorAll(".edge-group")].find((g) => g.dataset.source === String(edge.source) && g.dataset.target === String(edge.target));
  if (group) group.querySelector(".edge").classList.add("active");
  clear(side).append(h("h2", {}, `${edge.source} → ${edge.target}`),
    h("p", { class: "muted small" }, `${edge.count} events, mean Goldstein ${Number(edge.goldstein_mean ?? 0).toFixed(2)}`),
    h("p", { class: "loading" }, "Loading…"));
  try {
    const body = await getJSON("/api/events", { source: edge.source, target: edge.target, since: params.since, until: params.until, limit: 100 });
    side.lastChild.replaceWith(eventTable(body.rows));
  } catch (err) {
    side.lastChild.replaceWith(errorBox(err));
  }
}

function openActor(actor, edges, go) {
  const partners = new Map();
  for (const e of edges) {
    const other = e.source === actor ? e.target : e.target === actor ? e.source : null;
    if (other && other !== actor) partners.set(other, (partners.get(other) || 0) + Number(e.count || 0));
  }
  const best = [...partners.entries()].sort((x, y) => y[1] - x[1])[0];
  if (best) go("dyad", { a: actor, b: best[0], by: "month" });
  else go("events", { actor });
}
