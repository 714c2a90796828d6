// The Quotes view: quotations filtered by speaker name and by the speaker's actor, each linked
// to its article.

import { getJSON } from "./api.js";
import { h, clear, field, errorBox } from "./dom.js";

export async function renderQuotes(view, params, go) {
  const form = h("form", { class: "filters", onsubmit: (e) => { e.preventDefault(); go("quotes", Object.fromEntries([...new FormData(form)].map(([k, v]) => [k, String(v).trim()]).filter(([, v]) => v))); } },
    field("Speaker", h("input", { name: "speaker", value: params.speaker || "", placeholder: "Peskov", class: "wide" })),
    field("Actor", h("input", { name: "actor", value: params.actor || "", placeholder: "RUS" })),
    h("button", { type: "submit" }, "Filter"),
    h("button", { type: "button", class: "ghost", onclick: () => go("quotes", {}) }, "Clear"));
  const results = h("div", {}, h("p", { class: "loading" }, "Loading quotes…"));
  view.append(h("h1", {}, "Quotes"), h("div", { class: "card" }, form), results);
  try {
    const body = await getJSON("/api/quotes", { speaker: params.speaker, actor: params.actor, limit: 200 });
    clear(results).append(body.rows.length ? quoteTable(body.rows, go) : h("p", { class: "empty" }, "No quotations match."));
  } catch (err) {
    clear(results).append(errorBox(err));
  }
}

function quoteTable(rows, go) {
  return h("table", { class: "grid quotes" },
    h("thead", {}, h("tr", {}, ["Speaker", "Actor", "Quotation", "Article"].map((t) => h("th", {}, t)))),
    h("tbody", {}, rows.map((q) => h("tr", {},
      h("td", {}, h("a", { href: "#", onclick: (e) => { e.preventDefault(); go("quotes", { speaker: q.speaker || "" }); } }, q.speaker || "unattributed")),
      h("td", {}, q.speaker_actor ? h("a", { href: "#", class: "actor", onclick: (e) => { e.preventDefault(); go("quotes", { actor: q.speaker_actor }); } }, q.speaker_actor) : "–"),
      h("td", {}, `“${q.text}”`, q.direct === false ? h("span", { class: "muted small" }, " (indirect)") : null),
      h("td", {}, q.article_id ? h("a", { href: `#/article?id=${encodeURIComponent(q.article_id)}` }, q.title || q.article_id) : "–")))));
}
