// Article text with highlighted spans.
// The store counts offsets in code points (Python); JS strings index UTF-16 code units, so an
// astral character (emoji, some CJK) counts 1 there and 2 here. unitIndex() maps one to the other.

import { h } from "./dom.js";

// idx[cp] = UTF-16 offset of code point cp; idx.length = code points + 1.
export function unitIndex(text) {
  const idx = [0];
  let units = 0;
  for (const ch of text) {
    units += ch.length;
    idx.push(units);
  }
  return idx;
}

export function toUnits(idx, cp) {
  if (cp === null || cp === undefined || Number.isNaN(Number(cp))) return null;
  const i = Math.max(0, Math.min(Number(cp), idx.length - 1));
  return idx[i];
}

// spans: [{start, end, kind, label, focus}] in code points. Returns a DocumentFragment where
// every stretch of text covered by the same spans is one <span class="hl k-<kind>...">, with
// f-<kind> for the kinds it has as part of the focused event (a word can be the focused
// event's target and another event's source).
export function renderHighlighted(text, spans) {
  const idx = unitIndex(text);
  const ranges = [];
  for (const span of spans) {
    const start = toUnits(idx, span.start);
    const end = toUnits(idx, span.end);
    if (start === null || end === null || end <= start) continue;
    ranges.push({ ...span, start, end });
  }
  const cuts = new Set([0, text.length]);
  for (const r of ranges) { cuts.add(r.start); cuts.add(r.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const fragment = document.createDocumentFragment();
  for (let i = 0; i < points.length - 1; i++) {
    const [from, to] = [points[i], points[i + 1]];
    const piece = text.slice(from, to);
    const active = ranges.filter((r) => r.start <= from && r.end >= to);
    if (!active.length) {
      fragment.append(document.createTextNode(piece));
      continue;
    }
    fragment.append(segment(piece, active));
  }
  return fragment;
}

function segment(piece, active) {
  const kinds = [...new Set(active.map((r) => r.kind))];
  const focused = [...new Set(active.filter((r) => r.focus).map((r) => r.kind))];
  const classes = ["hl", ...kinds.map((k) => `k-${k}`), ...focused.map((k) => `f-${k}`)];
  if (focused.length) classes.push("focus");
  const title = [...new Set(active.map((r) => (r.label ? `${r.kind}: ${r.label}` : r.kind)))].join("\n");
  return h("span", { class: classes.join(" "), title, dataset: { kinds: kinds.join(" ") } }, piece);
}

// Code-point offsets of `needle` in `text` nearest to code point `near` (or the first), or null.
export function findCodePoints(text, needle, near = null) {
  if (!needle) return null;
  const idx = unitIndex(text);
  const nearUnits = near === null ? null : toUnits(idx, near);
  let best = null;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    const end = at + needle.length;
    if (nearUnits === null || (at <= nearUnits && nearUnits <= end)) { best = [at, end]; break; }
    if (best === null) best = [at, end];
  }
  if (!best) return null;
  const back = (units) => idx.findIndex((u) => u >= units);
  return { start: back(best[0]), end: back(best[1]) };
}
