// The actor network: a small deterministic force layout and its SVG.
// Edges are directed (source acts on target), width grows with the event count, colour follows
// the mean Goldstein score (red conflict, grey neutral, blue cooperation).

import { s } from "./dom.js";

const W = 760;
const H = 560;

export function goldsteinColor(g) {
  const v = Math.max(-10, Math.min(10, Number(g) || 0)) / 10;
  const grey = [189, 189, 189];
  const end = v < 0 ? [178, 24, 43] : [33, 102, 172];
  const t = Math.sqrt(Math.abs(v));  // a mild score is still visibly red or blue
  const mix = grey.map((c, i) => Math.round(c + (end[i] - c) * t));
  return `rgb(${mix.join(",")})`;
}

// Nodes start on a circle (stable order), then 300 rounds of repulsion, springs and gravity.
export function layout(edges) {
  const names = [...new Set(edges.flatMap((e) => [String(e.source), String(e.target)]))].sort();
  const degree = new Map(names.map((n) => [n, 0]));
  for (const e of edges) {
    degree.set(String(e.source), degree.get(String(e.source)) + Number(e.count || 1));
    degree.set(String(e.target), degree.get(String(e.target)) + Number(e.count || 1));
  }
  const nodes = names.map((name, i) => {
    const angle = (2 * Math.PI * i) / Math.max(names.length, 1);
    return { name, degree: degree.get(name), x: W / 2 + 200 * Math.cos(angle), y: H / 2 + 200 * Math.sin(angle) };
  });
  const at = new Map(nodes.map((n) => [n.name, n]));
  const links = edges.map((e) => ({ ...e, s: at.get(String(e.source)), t: at.get(String(e.target)) }));
  simulate(nodes, links);
  fit(nodes);
  return { nodes, links };
}

function simulate(nodes, links) {
  const k = Math.min(120, Math.sqrt((W * H) / Math.max(nodes.length, 1)) * 0.5);  // ideal edge length
  for (let round = 0; round < 300; round++) {
    const heat = 12 * (1 - round / 300) + 0.5;
    for (const n of nodes) { n.dx = 0; n.dy = 0; }
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const [p, q] = [nodes[i], nodes[j]];
        const dx = p.x - q.x || 0.01;
        const dy = p.y - q.y || 0.01;
        const d2 = dx * dx + dy * dy;
        const f = (k * k) / d2;
        p.dx += dx * f; p.dy += dy * f; q.dx -= dx * f; q.dy -= dy * f;
      }
    }
    for (const l of links) {
      if (l.s === l.t) continue;
      const dx = l.t.x - l.s.x;
      const dy = l.t.y - l.s.y;
      const d = Math.sqrt(dx * dx + dy * dy) || 0.01;
      const f = (d * d) / k / d;
      l.s.dx += dx * f; l.s.dy += dy * f; l.t.dx -= dx * f; l.t.dy -= dy * f;
    }
    for (const n of nodes) {
      // Gravity keeps separate components in view instead of drifting to the corners.
      n.dx += (W / 2 - n.x) * 0.8;
      n.dy += (H / 2 - n.y) * 0.8;
      const len = Math.sqrt(n.dx * n.dx + n.dy * n.dy) || 1;
      n.x += (n.dx / len) * Math.min(len, heat);
      n.y += (n.dy / len) * Math.min(len, heat);
    }
  }
}

function fit(nodes) {
  if (!nodes.length) return;
  const pad = 48;
  const xs = nodes.map((n) => n.x);
  const ys = nodes.map((n) => n.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = Math.min((W - 2 * pad) / (x1 - x0 || 1), (H - 2 * pad) / (y1 - y0 || 1), 1.6);
  for (const n of nodes) {
    n.x = W / 2 + (n.x - (x0 + x1) / 2) * scale;
    n.y = H / 2 + (n.y - (y0 + y1) / 2) * scale;
  }
}

export function drawNetwork(edges, { onEdgeClick, onNodeClick }) {
  const { nodes, links } = layout(edges);
  const svg = s("svg", { class: "chart network", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "actor network" });
  const maxCount = Math.max(1, ...links.map((l) => Number(l.count || 1)));
  const defs = s("defs");
  svg.append(defs);
  const edgeLayer = s("g", { class: "edges" });
  links.forEach((l, i) => {
    const color = goldsteinColor(l.goldstein_mean);
    const markerId = `arrow-${i}`;
    defs.append(s("marker", { id: markerId, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 11, markerHeight: 11, markerUnits: "userSpaceOnUse", orient: "auto" },
      s("path", { d: "M0,0L10,5L0,10z", fill: color })));
    const width = 1.5 + 5 * Math.sqrt(Number(l.count || 1) / maxCount);
    const d = edgePath(l.s, l.t, radius(l.t));
    const title = `${l.source} → ${l.target}: ${l.count} events, mean Goldstein ${Number(l.goldstein_mean ?? 0).toFixed(2)}`;
    const click = () => onEdgeClick && onEdgeClick(l);
    const g = s("g", { class: "edge-group", dataset: { source: l.source, target: l.target } },
      s("path", { class: "edge", d, stroke: color, "stroke-width": width.toFixed(2), "marker-end": `url(#${markerId})`, onclick: click }),
      s("path", { class: "edge-hit", d, onclick: click }, s("title", {}, title)));
    edgeLayer.append(g);
  });
  svg.append(edgeLayer);
  const nodeLayer = s("g", { class: "nodes" });
  for (const n of nodes) {
    nodeLayer.append(s("g", { class: "node", transform: `translate(${n.x.toFixed(1)},${n.y.toFixed(1)})`, dataset: { actor: n.name }, onclick: () => onNodeClick && onNodeClick(n.name) },
      s("circle", { r: radius(n) }, s("title", {}, `${n.name}: ${n.degree} events`)),
      s("text", { "text-anchor": "middle", y: radius(n) + 13 }, n.name)));
  }
  svg.append(nodeLayer);
  return svg;
}

function radius(n) {
  return 6 + Math.min(14, Math.sqrt(n.degree || 1) * 2);
}

// A gentle curve to the right of the straight line, so A->B and B->A do not overlap;
// it stops at the target's circle so the arrowhead stays visible.
function edgePath(a, b, rb) {
  if (a === b) {
    return `M${a.x},${a.y - 8} c-30,-40 30,-40 8,-2`;
  }
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.sqrt(dx * dx + dy * dy) || 1;
  const bend = Math.min(40, len * 0.18);
  const cx = (a.x + b.x) / 2 + (dy / len) * bend;
  const cy = (a.y + b.y) / 2 - (dx / len) * bend;
  const ex = b.x - ((b.x - cx) / Math.hypot(b.x - cx, b.y - cy)) * (rb + 2);
  const ey = b.y - ((b.y - cy) / Math.hypot(b.x - cx, b.y - cy)) * (rb + 2);
  return `M${a.x.toFixed(1)},${a.y.toFixed(1)}Q${cx.toFixed(1)},${cy.toFixed(1)} ${ex.toFixed(1)},${ey.toFixed(1)}`;
}
