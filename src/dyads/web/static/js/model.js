// One reading of the store's records, so views need not know whether a field is flat
// ("source_actor") or nested ({source: {actor}}). Pure functions, no DOM.

export const QUADS = {
  1: "verbal cooperation",
  2: "material cooperation",
  3: "verbal conflict",
  4: "material conflict",
};

function first(...values) {
  for (const v of values) if (v !== undefined && v !== null && v !== "") return v;
  return null;
}

// Events come from the store as {id, source: {actor, code, text, ...}, target, cameo, ...,
// mention: {article_id, sentence, sentence_start, trigger: {text, start, end}, source: {start, end}}}.
function party(ev, side, mention) {
  const p = ev[side] && typeof ev[side] === "object" ? ev[side] : {};
  const at = mention[side] && typeof mention[side] === "object" ? mention[side] : {};
  return {
    actor: first(p.actor, ev[`${side}_actor`]),
    code: first(p.code, ev[`${side}_code`]),
    text: first(at.text, p.text, ev[`${side}_text`]),
    start: first(at.start, p.start),
    end: first(at.end, p.end),
  };
}

export function readEvent(ev) {
  const mention = ev.mention || (Array.isArray(ev.mentions) && ev.mentions[0]) || {};
  const trig = mention.trigger || ev.trigger || {};
  return {
    id: ev.id,
    date: first(ev.date, ev.day),
    source: party(ev, "source", mention),
    target: party(ev, "target", mention),
    cameo: ev.cameo,
    root: ev.root,
    quad: ev.quad_class,
    goldstein: ev.goldstein,
    label: first(mention.label, ev.label, ev.plover_mode, ev.plover_type ? String(ev.plover_type).toLowerCase() : null),
    plover: ev.plover_type,
    articleId: first(mention.article_id, ev.article_id),
    title: mention.title,
    sentence: first(mention.sentence, ev.sentence),
    sentenceStart: first(mention.sentence_start, ev.sentence_start),
    trigger: { text: first(trig.text), start: first(trig.start), end: first(trig.end) },
    mentions: ev.num_mentions,
    articles: ev.num_articles,
    location: ev.location && typeof ev.location === "object" ? ev.location.name : ev.location,
  };
}

export function actorLabel(p) {
  return p.actor || p.code || "?";
}

// Last day of a period string as the store writes it, for since/until filters.
export function periodRange(period, by) {
  const p = String(period).slice(0, 10);
  if (by === "year") return { since: `${p.slice(0, 4)}-01-01`, until: `${p.slice(0, 4)}-12-31` };
  if (by === "month") {
    const [y, m] = p.split("-").map(Number);
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return { since: `${p.slice(0, 7)}-01`, until: `${p.slice(0, 7)}-${String(last).padStart(2, "0")}` };
  }
  if (by === "week") {
    const start = /^\d{4}-W\d{2}$/.test(p) ? isoWeekStart(p) : new Date(`${p}T00:00:00Z`);
    if (Number.isNaN(start.getTime())) return {};
    const end = new Date(start.getTime() + 6 * 86400000);
    return { since: start.toISOString().slice(0, 10), until: end.toISOString().slice(0, 10) };
  }
  return { since: p, until: p };
}

// Monday of ISO week "2021-W41" (week 1 holds January 4th).
export function isoWeekStart(period) {
  const [year, week] = [Number(period.slice(0, 4)), Number(period.slice(6))];
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86400000);
  return new Date(monday.getTime() + (week - 1) * 7 * 86400000);
}

export function isoWeekOf(date) {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  d.setUTCDate(d.getUTCDate() + 3 - ((d.getUTCDay() + 6) % 7));  // the Thursday decides the year
  const year = d.getUTCFullYear();
  const week = 1 + Math.round((d.getTime() - isoWeekStart(`${year}-W01`).getTime()) / (7 * 86400000));
  return `${year}-W${String(week).padStart(2, "0")}`;
}
