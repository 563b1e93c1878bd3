// demarche dashboard: pick two actors, draw their relationship over time, read the evidence.
//
// Plain JavaScript with no dependencies, so the page works offline and is served from the
// binary. The chart is our own SVG: diverging stacked bars (cooperation above the axis,
// conflict below) with the mean Goldstein score as a line on a right-hand axis. All text from
// the store goes through textContent, never innerHTML, because sentences are untrusted input.
// URL parameters (?a=CHN&b=RUS&by=month&undirected=1&period=2021-03&doc=ID, and for the map
// map=all&place=ID) preselect a view, which both bookmarks and the headless browser test use.
// The map is drawn by map.js.
"use strict";

const SVG_NS = "http://www.w3.org/2000/svg";
const QUAD_NAMES = ["neutral", "verbal cooperation", "material cooperation", "verbal conflict", "material conflict"];
const PAGE_SIZE = 25;

const state = {
  a: "", b: "", by: "month", undirected: false,
  series: null, period: null, page: 1, filter: "",
  // The map: all periods or the chosen one, the places shown, the selected place.
  mapAll: false, world: null, places: null, place: null, placePage: 1,
};

const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function svg(tag, attrs, text) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

async function api(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  let body = null;
  try { body = await response.json(); } catch (_) { body = null; }
  if (!response.ok) {
    const reason = body && body.error ? body.error : `HTTP ${response.status}`;
    throw new Error(reason);
  }
  return body;
}

function showMessage(text, kind) {
  const box = $("message");
  box.textContent = text;
  box.className = "message" + (kind === "error" ? " error" : "");
  box.hidden = !text;
}

const fmtInt = (n) => Number(n).toLocaleString("en-US");
const fmtSigned = (x) => (x > 0 ? "+" : "") + x.toFixed(1);
const pct = (part, whole) => (whole > 0 ? Math.round((100 * part) / whole) + "%" : "–");

// ---------------------------------------------------------------- store summary and actors

async function loadStats() {
  try {
    const s = await api("/api/stats");
    const span = s.first_date && s.last_date ? ` · ${s.first_date} → ${s.last_date}` : "";
    $("stats").textContent = `${fmtInt(s.events)} events · ${fmtInt(s.mentions)} mentions · ${fmtInt(s.documents)} documents${span}`;
  } catch (err) {
    $("stats").textContent = "store unavailable: " + err.message;
  }
}

async function loadActors() {
  try {
    const list = await api("/api/actors?limit=500");
    const datalist = $("actor-list");
    datalist.replaceChildren();
    for (const actor of list.actors) {
      datalist.append(el("option", { value: actor.code, label: `${actor.code} · ${fmtInt(actor.events)} events` }));
    }
    return list.actors;
  } catch (err) {
    showMessage("Could not load the actor list: " + err.message, "error");
    return [];
  }
}

// ---------------------------------------------------------------- the dyad series

function readForm() {
  state.a = $("actor-a").value.trim().toUpperCase();
  state.b = $("actor-b").value.trim().toUpperCase();
  state.by = $("by").value;
  state.undirected = $("undirected").checked;
}

function writeForm() {
  $("actor-a").value = state.a;
  $("actor-b").value = state.b;
  $("by").value = state.by;
  $("undirected").checked = state.undirected;
}

function updateUrl() {
  const params = new URLSearchParams();
  params.set("a", state.a);
  params.set("b", state.b);
  params.set("by", state.by);
  if (state.undirected) params.set("undirected", "1");
  if (state.period) params.set("period", state.period);
  if (state.mapAll) params.set("map", "all");
  if (state.place) params.set("place", state.place);
  history.replaceState(null, "", "?" + params.toString());
}

async function showDyad(preferredPeriod) {
  if (!state.a || !state.b) {
    showMessage("Choose two actors, for example CHN and RUS.");
    return;
  }
  showMessage("");
  const path = `/api/dyads/${encodeURIComponent(state.a)}/${encodeURIComponent(state.b)}/series` +
    `?by=${state.by}${state.undirected ? "&undirected=true" : ""}`;
  let series;
  try {
    series = await api(path);
  } catch (err) {
    showMessage(err.message, "error");
    return;
  }
  state.series = series;
  const q = series.query;
  const arrow = q.undirected ? "↔" : "→";
  $("chart-title").textContent = `${q.a} ${arrow} ${q.b}, by ${q.by}`;
  renderSummary(series);
  $("chart-card").hidden = false;
  $("summary").hidden = false;
  const withEvents = series.buckets.filter((p) => p.events > 0);
  if (withEvents.length === 0) {
    $("chart").replaceChildren(el("p", { class: "empty", "data-testid": "chart-empty", text: `No events from ${q.a} to ${q.b}. Try "both directions" or another pair.` }));
    $("evidence-card").hidden = true;
    $("map-card").hidden = true;
    state.period = null;
    state.place = null;
    updateUrl();
    return;
  }
  // Open the requested period if it exists, otherwise the busiest one: an analyst lands on
  // evidence straight away instead of an empty panel.
  let chosen = withEvents.find((p) => p.label === preferredPeriod);
  if (!chosen) chosen = withEvents.reduce((best, p) => (p.events > best.events ? p : best));
  state.period = chosen.label;
  renderChart(series);
  await Promise.all([loadEvidence(true), loadMap()]);
}

function renderSummary(series) {
  const t = series.total;
  $("m-events").textContent = fmtInt(t.events);
  $("m-coop").textContent = pct(t.cooperation, t.events);
  $("m-conf").textContent = pct(t.conflict, t.events);
  $("m-gold").textContent = t.goldstein_mean === null ? "–" : fmtSigned(t.goldstein_mean);
  const top = t.top_codes.slice(0, 3);
  $("m-top").textContent = top.length ? top.map((c) => `${c.code} ${c.name || ""} (${c.count})`).join(" · ") : "–";
}

// A round axis maximum at or above `value` whose half is a whole number, so that the tick
// halfway up reads as a count of events (2, 4, 6, 10, 20, 50, ...).
function niceMax(value) {
  if (value <= 2) return 2;
  const exp = Math.pow(10, Math.floor(Math.log10(value)));
  for (const step of [1, 2, 4, 6, 8, 10]) {
    const candidate = step * exp;
    if (candidate >= value && Number.isInteger(candidate / 2)) return candidate;
  }
  return 10 * exp;
}

function renderChart(series) {
  const host = $("chart");
  host.replaceChildren();
  const width = Math.max(host.clientWidth || 900, 360);
  const height = 340;
  const m = { top: 14, right: 46, bottom: 42, left: 46 };
  const innerW = width - m.left - m.right;
  const innerH = height - m.top - m.bottom;
  const periods = series.buckets;
  const up = periods.map((p) => p.quad_counts[0] + p.quad_counts[1] + p.quad_counts[2]);
  const down = periods.map((p) => p.quad_counts[3] + p.quad_counts[4]);
  const yMax = niceMax(Math.max(1, ...up, ...down));
  const zeroY = m.top + innerH / 2;
  const yCount = (n) => zeroY - (n / yMax) * (innerH / 2);
  const yGold = (g) => zeroY - (g / 10) * (innerH / 2);
  const band = innerW / periods.length;
  const barW = Math.max(1, Math.min(42, band * 0.72));

  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "data-testid": "chart-svg",
    "aria-label": `Events per ${series.query.by} from ${series.query.a} to ${series.query.b}` });

  const grid = svg("g", { class: "grid" });
  const axisL = svg("g", { class: "axis" });
  const axisR = svg("g", { class: "axis" });
  for (const frac of [-1, -0.5, 0, 0.5, 1]) {
    const y = zeroY - frac * (innerH / 2);
    grid.append(svg("line", { x1: m.left, x2: width - m.right, y1: y, y2: y }));
    axisL.append(svg("text", { x: m.left - 6, y: y + 4, "text-anchor": "end" }, fmtInt(Math.abs(frac * yMax))));
    axisR.append(svg("text", { x: width - m.right + 6, y: y + 4 }, fmtSigned(frac * 10)));
  }
  axisL.append(svg("text", { x: 12, y: m.top + innerH / 4, transform: `rotate(-90 12 ${m.top + innerH / 4})`, "text-anchor": "middle" }, "cooperation"));
  axisL.append(svg("text", { x: 12, y: m.top + (3 * innerH) / 4, transform: `rotate(-90 12 ${m.top + (3 * innerH) / 4})`, "text-anchor": "middle" }, "conflict"));
  root.append(grid, axisL, axisR);

  // The selected period is marked by a band drawn behind the bars.
  const band_ = svg("rect", { class: "selected-band", y: m.top, height: innerH, width: band, x: -1000 });
  const placeBand = (i) => band_.setAttribute("x", m.left + band * i);
  const bars = svg("g", { class: "bars" });
  const labels = svg("g", { class: "axis" });
  const labelEvery = Math.max(1, Math.ceil(60 / band));
  periods.forEach((p, i) => {
    const cx = m.left + band * (i + 0.5);
    const x = cx - barW / 2;
    // Above the axis: material cooperation nearest the axis, then verbal, then neutral.
    let yTop = zeroY;
    for (const q of [2, 1, 0]) {
      const n = p.quad_counts[q];
      if (n <= 0) continue;
      const h = zeroY - yCount(n);
      yTop -= h;
      bars.append(svg("rect", { class: `bar-q${q}`, x, y: yTop, width: barW, height: h }));
    }
    // Below the axis: verbal conflict nearest the axis, then material conflict.
    let yBottom = zeroY;
    for (const q of [3, 4]) {
      const n = p.quad_counts[q];
      if (n <= 0) continue;
      const h = zeroY - yCount(n);
      bars.append(svg("rect", { class: `bar-q${q}`, x, y: yBottom, width: barW, height: h }));
      yBottom += h;
    }
    if (i % labelEvery === 0) {
      labels.append(svg("text", { x: cx, y: height - m.bottom + 16, "text-anchor": "middle" }, p.label));
    }
  });
  root.append(band_, bars, labels);
  root.append(svg("line", { class: "zero", x1: m.left, x2: width - m.right, y1: zeroY, y2: zeroY }));

  // The Goldstein line joins consecutive periods that have events; an empty period breaks it
  // rather than pretending the relationship was neutral.
  let d = "";
  let pen = false;
  const dots = svg("g");
  periods.forEach((p, i) => {
    if (p.events === 0 || p.goldstein_mean === null) { pen = false; return; }
    const x = m.left + band * (i + 0.5);
    const y = yGold(p.goldstein_mean);
    d += `${pen ? "L" : "M"}${x.toFixed(1)},${y.toFixed(1)}`;
    pen = true;
    dots.append(svg("circle", { class: "gold-dot", cx: x, cy: y, r: periods.length > 60 ? 1.5 : 3 }));
  });
  if (d) root.append(svg("path", { class: "gold", d, "data-testid": "goldstein-line" }));
  root.append(dots);

  // Full-height transparent hit areas make every period easy to click, even a small bar.
  const hits = svg("g");
  periods.forEach((p, i) => {
    if (p.label === state.period) placeBand(i);
    const rect = svg("rect", {
      class: "hit" + (p.label === state.period ? " selected" : ""),
      x: m.left + band * i, y: m.top, width: band, height: innerH,
      "data-testid": `period-${p.label}`, "data-period": p.label, "data-events": p.events,
    });
    const q = p.quad_counts;
    const mean = p.goldstein_mean === null ? "–" : fmtSigned(p.goldstein_mean);
    rect.append(svg("title", {}, `${p.label}: ${p.events} events\n` +
      `cooperation ${q[1] + q[2]} (material ${q[2]}), conflict ${q[3] + q[4]} (material ${q[4]}), neutral ${q[0]}\n` +
      `mean Goldstein ${mean}`));
    if (p.events > 0) {
      rect.addEventListener("click", () => {
        state.period = p.label;
        placeBand(i);
        for (const other of hits.querySelectorAll(".hit")) other.classList.toggle("selected", other === rect);
        loadEvidence(true);
        if (!state.mapAll) loadMap();
      });
    }
    hits.append(rect);
  });
  root.append(hits);
  host.append(root);
}

// ---------------------------------------------------------------- the evidence list

function periodBounds() {
  const p = state.series && state.series.buckets.find((x) => x.label === state.period);
  return p ? { from: p.period, to: p.end, count: p.events } : null;
}

async function loadEvidence(reset) {
  const bounds = periodBounds();
  if (!bounds) return;
  if (reset) state.page = 1;
  updateUrl();
  const params = new URLSearchParams({
    source: state.a, target: state.b, from: bounds.from, to: bounds.to,
    page: String(state.page), page_size: String(PAGE_SIZE),
  });
  if (state.undirected) params.set("undirected", "true");
  if (state.filter) params.set("q", state.filter);
  let result;
  try {
    result = await api("/api/events?" + params.toString());
  } catch (err) {
    showMessage("Could not load events: " + err.message, "error");
    return;
  }
  const list = $("evidence");
  if (reset) list.replaceChildren();
  $("evidence-card").hidden = false;
  const filtered = state.filter ? ` matching “${state.filter}”` : "";
  const arrow = state.undirected ? "↔" : "→";
  $("evidence-title").textContent = `${state.a} ${arrow} ${state.b} in ${state.period}: ${plural(result.total, "event")}${filtered}`;
  if (result.total === 0) {
    list.append(el("li", { class: "empty", text: "No events in this period match." }));
  }
  for (const event of result.events) list.append(renderEvent(event));
  const shown = list.querySelectorAll(".event").length;
  $("more").hidden = shown >= result.total;
}

function renderSentence(mention) {
  const p = el("p", { class: "sentence", "data-testid": "sentence" });
  for (const seg of mention.segments) {
    if (!seg.role) { p.append(seg.text); continue; }
    p.append(el("mark", { class: seg.role, "data-testid": `span-${seg.role}`, title: seg.role },
      seg.text, el("span", { class: "role", text: seg.role })));
  }
  return p;
}

function plural(n, word) {
  return `${fmtInt(n)} ${word}${n === 1 ? "" : "s"}`;
}

function renderMention(mention) {
  const title = mention.doc_title || mention.doc_id;
  const link = el("a", { href: "#", "data-testid": "open-document", text: title,
    onclick: (e) => { e.preventDefault(); openDocument(mention.doc_id); } });
  const bits = [];
  if (mention.doc_source) bits.push(mention.doc_source);
  bits.push(mention.event_date && mention.event_date !== mention.date
    ? `published ${mention.date}, event ${mention.event_date}` : `published ${mention.date}`);
  bits.push(`sentence ${mention.sentence + 1}`);
  if (mention.action_geo) {
    bits.push(`in ${mention.action_geo.name}${mention.geo_source === "dateline" ? " (by the dateline)" : ""}`);
  }
  if (mention.rules && mention.rules.length) {
    bits.push("rules " + mention.rules.map((r) => `${r.file}:${r.line}`).join(", "));
  }
  return el("div", { class: "mention", "data-testid": "mention" },
    renderSentence(mention),
    el("div", { class: "meta" }, link, " · " + bits.join(" · ")));
}

function renderEvent(event, inDocument) {
  const gsClass = event.goldstein > 0 ? "pos" : event.goldstein < 0 ? "neg" : "";
  const counts = [plural(event.num_mentions, "mention"), plural(event.num_articles, "article"),
    plural(event.num_sources, "source")].join(" · ");
  const head = el("div", { class: "head" },
    el("span", { class: "date", text: event.date }),
    el("span", { class: "dyad", text: `${event.source} → ${event.target}` }),
    el("span", { class: "code", title: event.plover ? `PLOVER ${event.plover}` : "", text: `${event.code} ${event.name || ""}` }),
    el("span", { class: `gs ${gsClass}`, text: `Goldstein ${fmtSigned(event.goldstein)}` }),
    el("span", { class: "quad", text: QUAD_NAMES[event.quad_class] || "" }),
    el("span", { class: "counts", text: counts }),
  );
  const item = el("li", { class: `event q${event.quad_class}`, "data-testid": "event" }, head);
  for (const mention of event.mentions) item.append(renderMention(mention));
  const hidden = event.num_mentions - event.mentions.length;
  // In a document view the store returns only that document's mentions; elsewhere the list
  // is cut at the page's `mentions` limit.
  const where = inDocument ? " in other reports" : "";
  if (hidden > 0) item.append(el("div", { class: "meta more-mentions", text: `and ${plural(hidden, "more mention")}${where}` }));
  return item;
}

async function openDocument(id) {
  let d;
  try {
    d = await api("/api/documents/" + encodeURIComponent(id));
  } catch (err) {
    showMessage("Could not open the document: " + err.message, "error");
    return;
  }
  $("doc-title").textContent = d.title || d.id;
  $("doc-meta").textContent = [d.source, d.date, d.url, `id ${d.id}`].filter(Boolean).join(" · ");
  const body = $("doc-body");
  body.replaceChildren();
  for (const para of d.text.split(/\n\s*\n/)) {
    if (para.trim()) body.append(el("p", { text: para.trim() }));
  }
  body.append(el("h3", { text: `${plural(d.events.length, "coded event")} in this document` }));
  const list = el("ol", { class: "evidence" });
  for (const event of d.events) list.append(renderEvent(event, true));
  body.append(list);
  $("doc-dialog").showModal();
}

// ---------------------------------------------------------------- the map

let worldPromise = null;

// The country outlines, fetched once from this server.
function loadWorld() {
  if (!worldPromise) {
    worldPromise = api("/assets/world.json").catch((err) => {
      worldPromise = null;
      throw err;
    });
  }
  return worldPromise;
}

// The dyad's path and the map's date range as query parameters.
function mapParams() {
  const params = new URLSearchParams();
  if (state.undirected) params.set("undirected", "true");
  const bounds = state.mapAll ? null : periodBounds();
  if (bounds) {
    params.set("from", bounds.from);
    params.set("to", bounds.to);
  }
  return params;
}

function dyadPath() {
  return `/api/dyads/${encodeURIComponent(state.a)}/${encodeURIComponent(state.b)}`;
}

async function loadMap() {
  let world, data;
  try {
    [world, data] = await Promise.all([loadWorld(), api(`${dyadPath()}/places?${mapParams()}`)]);
  } catch (err) {
    showMessage("Could not load the map: " + err.message, "error");
    return;
  }
  state.world = world;
  state.places = data;
  $("map-card").hidden = false;
  const arrow = state.undirected ? "↔" : "→";
  const when = state.mapAll ? "all periods" : state.period;
  $("map-title").textContent = `Where ${state.a} ${arrow} ${state.b} happened, ${when}`;
  const missing = data.unplaced > 0
    ? ` ${plural(data.unplaced, "event")} of ${fmtInt(data.events)} had no place in the text and ${data.unplaced === 1 ? "is" : "are"} not on the map.`
    : "";
  const cut = data.places_total > data.places.length ? ` Only the ${fmtInt(data.places.length)} busiest places are drawn.` : "";
  $("map-note").textContent = data.placed > 0
    ? `${plural(data.placed, "event")} at ${plural(data.places_total, "place")}.${missing}${cut} Circle area shows events; click a place to read its sentences.`
    : (data.events === 1 ? "The one event has no place in the text, so there is nothing to map."
      : `None of the ${fmtInt(data.events)} events has a place in the text, so there is nothing to map.`) +
      (state.mapAll ? "" : " Tick “all periods” to see the whole relationship.");
  if (state.place && !data.places.some((p) => p.place.id === state.place)) state.place = null;
  renderMap();
  if (data.places.length) drawSizeKey($("map-size-key"), Math.max(...data.places.map((p) => p.events)));
  else $("map-size-key").replaceChildren();
  updateUrl();
  await loadPlaceEvents(true);
}

// Draws the map, or hides it with its legend when no event has a place (the note says so).
function renderMap() {
  if (!state.places || !state.world) return;
  const empty = state.places.places.length === 0;
  $("map").hidden = empty;
  $("map-foot").hidden = empty;
  if (empty) $("map").replaceChildren();
  else drawMap($("map"), state.world, state.places, state.place, selectPlace);
}

function selectPlace(id) {
  state.place = id;
  for (const g of $("map").querySelectorAll(".place")) g.classList.toggle("selected", g.dataset.place === id);
  updateUrl();
  loadPlaceEvents(true);
}

// The selected place's events with their highlighted sentences, under the map.
async function loadPlaceEvents(reset) {
  const panel = $("place-panel");
  const entry = state.place && state.places && state.places.places.find((p) => p.place.id === state.place);
  if (!entry) {
    panel.hidden = true;
    return;
  }
  if (reset) state.placePage = 1;
  const params = mapParams();
  params.set("page", String(state.placePage));
  params.set("page_size", String(PAGE_SIZE));
  let result;
  try {
    result = await api(`${dyadPath()}/places/${encodeURIComponent(state.place)}/events?${params}`);
  } catch (err) {
    showMessage("Could not load the place's events: " + err.message, "error");
    return;
  }
  const list = $("place-events");
  if (reset) list.replaceChildren();
  panel.hidden = false;
  const name = entry.place.full_name || entry.place.name;
  const arrow = state.undirected ? "↔" : "→";
  const when = state.mapAll ? "" : ` in ${state.period}`;
  $("place-title").textContent = `${name}: ${plural(result.total, "event")} ${state.a} ${arrow} ${state.b}${when}`;
  for (const event of result.events) list.append(renderEvent(event));
  $("place-more").hidden = list.querySelectorAll(".event").length >= result.total;
}

// ---------------------------------------------------------------- wiring

async function main() {
  $("dyad-form").addEventListener("submit", (e) => {
    e.preventDefault();
    readForm();
    state.filter = "";
    state.place = null;
    $("evidence-filter").value = "";
    showDyad(null);
  });
  $("swap").addEventListener("click", () => {
    const a = $("actor-a").value;
    $("actor-a").value = $("actor-b").value;
    $("actor-b").value = a;
  });
  $("more").addEventListener("click", () => { state.page += 1; loadEvidence(false); });
  $("place-more").addEventListener("click", () => { state.placePage += 1; loadPlaceEvents(false); });
  $("map-all").addEventListener("change", (e) => { state.mapAll = e.target.checked; loadMap(); });
  $("doc-close").addEventListener("click", () => $("doc-dialog").close());
  let filterTimer = null;
  $("evidence-filter").addEventListener("input", (e) => {
    clearTimeout(filterTimer);
    filterTimer = setTimeout(() => { state.filter = e.target.value.trim(); loadEvidence(true); }, 250);
  });
  window.addEventListener("resize", () => {
    if (state.series) renderChart(state.series);
    renderMap();
  });

  loadStats();
  const actors = await loadActors();
  const params = new URLSearchParams(location.search);
  state.a = (params.get("a") || "").toUpperCase();
  state.b = (params.get("b") || "").toUpperCase();
  state.by = ["day", "week", "month"].includes(params.get("by")) ? params.get("by") : "month";
  state.undirected = ["1", "true", "yes"].includes(params.get("undirected"));
  state.mapAll = params.get("map") === "all";
  state.place = params.get("place") || null;
  $("map-all").checked = state.mapAll;
  if (!state.a && !state.b && actors.length >= 2) {
    // With no dyad in the URL, suggest the two busiest actors rather than an empty page.
    state.a = actors[0].code;
    state.b = actors[1].code;
  }
  writeForm();
  if (state.a && state.b) await showDyad(params.get("period"));
  // ?doc=ID opens a document as a click on its title would (bookmarks and the browser test).
  if (params.get("doc")) await openDocument(params.get("doc"));
  document.body.dataset.ready = "true";
}

main();
