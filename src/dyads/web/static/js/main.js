// The dashboard's router. The hash holds the view and its parameters (#/events?actor=RUS),
// so every state has a URL and the back button works. Views get (container, params, go).

import { getJSON } from "./api.js";
import { h, errorBox } from "./dom.js";
import { renderDyad } from "./dyad.js";
import { renderNetwork } from "./network.js";
import { renderEvents } from "./events.js";
import { renderArticle } from "./article.js";
import { renderQuotes } from "./quotes.js";

const VIEWS = { dyad: renderDyad, network: renderNetwork, events: renderEvents, article: renderArticle, quotes: renderQuotes };
let rendering = 0;

export function hashFor(name, params = {}) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") query.set(k, String(v));
  const qs = query.toString();
  return `#/${name}${qs ? `?${qs}` : ""}`;
}

export function go(name, params = {}, { replace = false } = {}) {
  const hash = hashFor(name, params);
  if (replace) {
    history.replaceState(null, "", hash);
    route();
  } else if (window.location.hash === hash) {
    route();
  } else {
    window.location.hash = hash;
  }
}

function parseHash() {
  const raw = window.location.hash.replace(/^#\/?/, "");
  const [name, qs = ""] = raw.split("?", 2);
  return { name: VIEWS[name] ? name : "dyad", params: Object.fromEntries(new URLSearchParams(qs)) };
}

async function route() {
  const { name, params } = parseHash();
  const ticket = ++rendering;
  // A fresh container per visit: a slow view that finishes late writes into a detached node.
  const view = h("div", { class: "view-body" });
  document.getElementById("view").replaceChildren(view);
  delete document.body.dataset.ready;
  document.body.dataset.view = name;
  for (const a of document.querySelectorAll("header nav a[data-view]")) a.classList.toggle("active", a.dataset.view === name);
  try {
    await VIEWS[name](view, params, go);
  } catch (err) {
    if (ticket === rendering) view.append(errorBox(err));
  }
  if (ticket === rendering) document.body.dataset.ready = name;
}

async function showStats() {
  const box = document.getElementById("stats");
  try {
    const { stats } = await getJSON("/api/stats");
    const parts = ["articles", "events", "quotes", "actors"].filter((k) => stats[k] !== undefined).map((k) => `${stats[k]} ${k}`);
    box.replaceChildren(h("span", {}, parts.join(" · ")));
  } catch {
    box.replaceChildren(h("span", {}, "store unavailable"));
  }
}

window.addEventListener("hashchange", route);
route();
showStats();
