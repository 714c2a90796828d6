// The dyad timeline: an SVG drawn from /api/dyads/{a}/{b}/timeline rows.
// Top panel: events per period stacked by quad class, A -> B above the axis, B -> A below it.
// Bottom panel: mean Goldstein score per period, one line per direction (-10 .. +10).

import { s } from "./dom.js";
import { QUADS, isoWeekStart, isoWeekOf } from "./model.js";

const W = 960;
const M = { left: 78, right: 18, top: 14 };
const BARS_H = 250;
const GAP = 44;
const GS_H = 120;
const AXIS_H = 46;
const QUAD_COLORS = { 1: "var(--q1)", 2: "var(--q2)", 3: "var(--q3)", 4: "var(--q4)" };
const DIRS = ["a_to_b", "b_to_a"];

export function drawTimeline(rows, { a, b, by, onBarClick }) {
  const data = fillPeriods(rows, by);
  const height = M.top + BARS_H + GAP + GS_H + AXIS_H;
  const svg = s("svg", {
    class: "chart timeline", viewBox: `0 0 ${W} ${height}`, role: "img",
    "aria-label": `Events between ${a} and ${b} per ${by}`,
  });
  const plotW = W - M.left - M.right;
  const band = plotW / Math.max(data.length, 1);
  const x = (i) => M.left + i * band + band / 2;
  drawBars(svg, data, { a, b, band, x, onBarClick });
  drawGoldstein(svg, data, { a, b, by, x });
  drawXAxis(svg, data, { x, y: M.top + BARS_H + GAP + GS_H });
  drawGaps(svg, data, { by, x, band });
  return svg;
}

function drawBars(svg, data, { a, b, band, x, onBarClick }) {
  const mid = M.top + BARS_H / 2;
  const max = Math.max(1, ...data.flatMap((r) => DIRS.map((d) => count(r[d]))));
  const ticks = niceTicks(max);
  const top = ticks[ticks.length - 1];
  const scale = (v) => (v / top) * (BARS_H / 2);
  const grid = s("g", { class: "grid" });
  const axis = s("g", { class: "axis" });
  for (const t of ticks) {
    for (const sign of t === 0 ? [1] : [1, -1]) {
      const y = mid - sign * scale(t);
      grid.append(s("line", { x1: M.left, x2: W - M.right, y1: y, y2: y }));
      axis.append(s("text", { x: M.left - 6, y: y + 4, "text-anchor": "end" }, String(t)));
    }
  }
  svg.append(grid, axis);
  const width = Math.max(2, Math.min(40, band * 0.7));
  data.forEach((row, i) => {
    DIRS.forEach((dir, d) => {
      let offset = 0;
      for (const q of [1, 2, 3, 4]) {
        const n = Number((row[dir] || {})[`q${q}`] || 0);
        if (!n) continue;
        const hgt = scale(n);
        const y = d === 0 ? mid - offset - hgt : mid + offset;
        offset += hgt;
        const [from, to] = d === 0 ? [a, b] : [b, a];
        const rect = s("rect", {
          class: "bar", x: x(i) - width / 2, y, width, height: Math.max(hgt, 0.5),
          fill: QUAD_COLORS[q], dataset: { period: row.period, dir, quad: q },
          onclick: () => onBarClick && onBarClick(row.period, dir === "a_to_b" ? [a, b] : [b, a]),
        }, s("title", {}, `${row.period} · ${from} → ${to} · ${QUADS[q]}: ${n}`));
        svg.append(rect);
      }
    });
  });
  svg.append(s("line", { class: "zero", x1: M.left, x2: W - M.right, y1: mid, y2: mid }));
  // Direction labels run up the left margin, beside their half of the axis.
  const side = (y, label) => s("text", { class: "title", x: 0, y: 0, "text-anchor": "middle",
    transform: `translate(16, ${y}) rotate(-90)` }, label);
  svg.append(side(M.top + BARS_H / 4, `${a} → ${b} ↑`), side(M.top + (3 * BARS_H) / 4, `↓ ${b} → ${a}`));
}

function drawGoldstein(svg, data, { a, b, by, x }) {
  const top = M.top + BARS_H + GAP;
  const y = (v) => top + ((10 - v) / 20) * GS_H;
  const grid = s("g", { class: "grid" });
  const axis = s("g", { class: "axis" });
  for (const t of [-10, -5, 0, 5, 10]) {
    grid.append(s("line", { x1: M.left, x2: W - M.right, y1: y(t), y2: y(t) }));
    axis.append(s("text", { x: M.left - 6, y: y(t) + 4, "text-anchor": "end" }, String(t)));
  }
  svg.append(grid, axis);
  svg.append(s("line", { class: "zero", x1: M.left, x2: W - M.right, y1: y(0), y2: y(0) }));
  svg.append(s("text", { class: "title", x: M.left, y: top - 12 }, "mean Goldstein score (−10 conflict … +10 cooperation)"));
  svg.append(s("text", { class: "title", x: 0, y: 0, "text-anchor": "middle", transform: `translate(16, ${top + GS_H / 2}) rotate(-90)` }, "Goldstein"));
  DIRS.forEach((dir, d) => {
    const color = d === 0 ? "var(--a2b)" : "var(--b2a)";
    const [from, to] = d === 0 ? [a, b] : [b, a];
    const dots = [];
    let path = "";
    let pen = false;
    data.forEach((row, i) => {
      const cell = row[dir] || {};
      const g = cell.goldstein_mean;
      if (i > 0 && nextPeriod(String(data[i - 1].period), by) !== String(row.period)) pen = false;  // a gap
      if (!count(cell) || g === null || g === undefined) { pen = false; return; }
      path += `${pen ? "L" : "M"}${x(i).toFixed(1)},${y(g).toFixed(1)}`;
      pen = true;
      dots.push(s("circle", { cx: x(i), cy: y(g), r: 3.5, fill: color, class: `gdot ${dir}` },
        s("title", {}, `${row.period} · ${from} → ${to} · mean Goldstein ${Number(g).toFixed(2)} (${count(cell)} events)`)));
    });
    const cls = `gline ${dir === "a_to_b" ? "a2b" : "b2a"}`;
    svg.append(s("g", {}, path ? s("path", { class: cls, d: path, stroke: color }) : null, dots));
  });
}

function drawXAxis(svg, data, { x, y }) {
  const axis = s("g", { class: "axis" });
  const every = Math.max(1, Math.ceil(data.length / 12));
  data.forEach((row, i) => {
    if (i % every) return;
    axis.append(s("line", { x1: x(i), x2: x(i), y1: y, y2: y + 4 }));
    axis.append(s("text", { x: x(i), y: y + 16, "text-anchor": "middle" }, String(row.period)));
  });
  svg.append(axis);
}

// Where periods without events were left out (a long quiet stretch), a dashed line and "…"
// mark the jump, so a 1997 event next to 2021 ones does not look adjacent.
function drawGaps(svg, data, { by, x, band }) {
  const bottom = M.top + BARS_H + GAP + GS_H;
  for (let i = 1; i < data.length; i++) {
    const expected = nextPeriod(String(data[i - 1].period), by);
    if (expected === null || expected === String(data[i].period)) continue;
    const gx = x(i) - band / 2;
    svg.append(s("line", { class: "gap", x1: gx, x2: gx, y1: M.top, y2: bottom, stroke: "#9aa5b1", "stroke-dasharray": "2 4" }),
      s("text", { x: gx, y: bottom + 30, "text-anchor": "middle" }, "…", s("title", {}, `no events between ${data[i - 1].period} and ${data[i].period}`)));
  }
}

function count(cell) {
  if (!cell) return 0;
  if (cell.count !== undefined && cell.count !== null) return Number(cell.count);
  return [1, 2, 3, 4].reduce((n, q) => n + Number(cell[`q${q}`] || 0), 0);
}

function niceTicks(max) {
  const steps = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000];
  const step = steps.find((st) => max / st <= 4) || Math.ceil(max / 4);
  const ticks = [];
  for (let t = 0; t < max + step; t += step) ticks.push(t);
  return ticks;
}

// Periods with no events still take their place on the time axis, unless that would more
// than triple the periods shown (and exceed 36): then only periods with events are drawn and
// drawGaps marks the jumps.
export function fillPeriods(rows, by) {
  const sorted = [...rows].sort((r1, r2) => String(r1.period).localeCompare(String(r2.period)));
  if (sorted.length < 2) return sorted;
  const keyed = new Map(sorted.map((r) => [String(r.period), r]));
  const first = String(sorted[0].period);
  const last = String(sorted[sorted.length - 1].period);
  const out = [];
  const most = Math.max(36, 3 * sorted.length);
  for (let p = first; p && p <= last && out.length <= most; p = nextPeriod(p, by)) {
    out.push(keyed.get(p) || { period: p, a_to_b: { count: 0 }, b_to_a: { count: 0 } });
  }
  return out.length > most || !out.length || out[out.length - 1].period !== last ? sorted : out;
}

function nextPeriod(p, by) {
  if (/^\d{4}-W\d{2}$/.test(p)) return isoWeekOf(new Date(isoWeekStart(p).getTime() + 7 * 86400000));
  if (/^\d{4}$/.test(p)) return String(Number(p) + 1);
  if (/^\d{4}-\d{2}$/.test(p)) {
    const [y, m] = p.split("-").map(Number);
    return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
  }
  if (/^\d{4}-\d{2}-\d{2}/.test(p)) {
    const date = new Date(`${p.slice(0, 10)}T00:00:00Z`);
    if (by === "year") date.setUTCFullYear(date.getUTCFullYear() + 1);
    else if (by === "month") date.setUTCMonth(date.getUTCMonth() + 1);
    else date.setUTCDate(date.getUTCDate() + (by === "week" ? 7 : 1));
    return date.toISOString().slice(0, 10) + p.slice(10);
  }
  return null;
}
