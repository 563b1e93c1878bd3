// demarche dashboard: the map of where a relationship's events happened.
//
// Plain SVG, no dependencies. Country outlines come from /assets/world.json (Natural Earth,
// public domain, built by scripts/build-world-outlines) in the equirectangular projection
// x = lon + 180, y = 90 - lat, so the SVG's user units are degrees. Each place is a circle whose
// area is proportional to its number of events (radius by square root), cut into sectors by
// quad class in the chart's colours. app.js fetches the data and calls drawMap; this file only
// draws. Loaded before app.js, whose helpers (svg, fmtInt, plural, QUAD_NAMES) it uses at call
// time.
"use strict";

// The part of the world shown when there is nothing to fit: latitudes 84 N to 60 S.
const WORLD_VIEW = { x: 0, y: 6, w: 360, h: 144 };
// The narrowest view, in degrees of longitude, when fitting places (a single city would
// otherwise fill the map).
const MIN_VIEW_SPAN = 70;
// Largest and smallest circle radius, in pixels.
const R_MAX = 26;
const R_MIN = 5;
// Quad classes around a circle, clockwise from the top: cooperation to conflict, as the chart
// stacks them.
const QUAD_ORDER = [2, 1, 0, 3, 4];
// Places labelled with their names (the busiest ones).
const LABELLED = 8;

const project = (lon, lat) => [lon + 180, 90 - lat];

// The view box (in degrees) that shows every place with a margin, at least MIN_VIEW_SPAN wide,
// stretched to the given width/height ratio and kept inside the world.
function mapView(places, aspect) {
  if (!places.length) return fitAspect({ ...WORLD_VIEW }, aspect);
  const xs = places.map((p) => project(p.place.lon, p.place.lat)[0]);
  const ys = places.map((p) => project(p.place.lon, p.place.lat)[1]);
  let x0 = Math.min(...xs) - 18, x1 = Math.max(...xs) + 18;
  let y0 = Math.min(...ys) - 10, y1 = Math.max(...ys) + 10;
  if (x1 - x0 < MIN_VIEW_SPAN) {
    const mid = (x0 + x1) / 2;
    x0 = mid - MIN_VIEW_SPAN / 2;
    x1 = mid + MIN_VIEW_SPAN / 2;
  }
  return fitAspect({ x: x0, y: y0, w: x1 - x0, h: y1 - y0 }, aspect);
}

function fitAspect(v, aspect) {
  let { x, y, w, h } = v;
  if (w / h < aspect) {
    const grow = h * aspect - w;
    x -= grow / 2;
    w += grow;
  } else {
    const grow = w / aspect - h;
    y -= grow / 2;
    h += grow;
  }
  // Larger than the world: the whole world, as tall as the aspect allows.
  if (w > 360) {
    w = 360;
    h = 360 / aspect;
    x = 0;
    y = Math.max(0, Math.min(90 - h / 2, 180 - h));
  }
  x = Math.max(0, Math.min(x, 360 - w));
  y = Math.max(0, Math.min(y, 180 - Math.min(h, 180)));
  return { x, y, w, h };
}

// A pie sector of radius r from angle a0 to a1 (radians, clockwise from the top).
function sector(r, a0, a1) {
  const pt = (a) => `${(r * Math.sin(a)).toFixed(3)} ${(-r * Math.cos(a)).toFixed(3)}`;
  const large = a1 - a0 > Math.PI ? 1 : 0;
  return `M0 0L${pt(a0)}A${r.toFixed(3)} ${r.toFixed(3)} 0 ${large} 1 ${pt(a1)}Z`;
}

function placeTitle(p) {
  const q = p.quad_counts;
  const lines = [`${p.place.full_name || p.place.name}: ${plural(p.events, "event")}`];
  for (const i of QUAD_ORDER) if (q[i] > 0) lines.push(`${QUAD_NAMES[i]} ${q[i]}`);
  if (p.from_dateline > 0) lines.push(`${p.from_dateline} placed by the dateline`);
  lines.push("click to read the sentences");
  return lines.join("\n");
}

// Draws the map into `host`. `data` is the answer of /api/dyads/{a}/{b}/places, `world` the
// outlines, `selected` a place id or null, `onSelect(id)` is called when a place is clicked.
function drawMap(host, world, data, selected, onSelect) {
  host.replaceChildren();
  const width = Math.max(host.clientWidth || 900, 320);
  const height = Math.round(Math.min(460, Math.max(260, width * 0.42)));
  const view = mapView(data.places, width / height);
  const px = view.w / width; // degrees per pixel
  const root = svg("svg", {
    viewBox: `${view.x.toFixed(2)} ${view.y.toFixed(2)} ${view.w.toFixed(2)} ${view.h.toFixed(2)}`,
    width, height, role: "img", "data-testid": "map-svg",
    "aria-label": `Map of ${plural(data.placed, "event")} at ${plural(data.places.length, "place")}`,
  });
  root.append(svg("rect", { class: "sea", x: 0, y: 0, width: 360, height: 180 }));
  const grid = svg("g", { class: "graticule" });
  for (let lon = -150; lon <= 150; lon += 30) grid.append(svg("line", { x1: lon + 180, x2: lon + 180, y1: 0, y2: 180 }));
  for (let lat = -60; lat <= 60; lat += 30) grid.append(svg("line", { x1: 0, x2: 360, y1: 90 - lat, y2: 90 - lat }));
  root.append(grid);
  const land = svg("g", { class: "land" });
  for (const c of world.countries) {
    const path = svg("path", { class: "country", d: c.d });
    path.append(svg("title", {}, c.name));
    land.append(path);
  }
  root.append(land);

  const maxEvents = Math.max(1, ...data.places.map((p) => p.events));
  const radius = (n) => Math.max(R_MIN, R_MAX * Math.sqrt(n / maxEvents)) * px;
  const dots = svg("g", { class: "places" });
  // Largest first, so that a small place on top of a large one stays clickable.
  const order = [...data.places].sort((a, b) => b.events - a.events);
  for (const p of order) {
    const [x, y] = project(p.place.lon, p.place.lat);
    const r = radius(p.events);
    const g = svg("g", {
      class: "place" + (p.place.id === selected ? " selected" : ""),
      transform: `translate(${x.toFixed(3)} ${y.toFixed(3)})`,
      "data-testid": "place", "data-place": p.place.id, "data-events": p.events,
      tabindex: 0, role: "button",
    });
    const present = QUAD_ORDER.filter((q) => p.quad_counts[q] > 0);
    if (present.length <= 1) {
      g.append(svg("circle", { class: `slice q${present[0] ?? 0}`, r }));
    } else {
      let a = 0;
      for (const q of present) {
        const sweep = (2 * Math.PI * p.quad_counts[q]) / p.events;
        g.append(svg("path", { class: `slice q${q}`, d: sector(r, a, a + sweep) }));
        a += sweep;
      }
    }
    g.append(svg("circle", { class: "rim", r }));
    g.append(svg("title", {}, placeTitle(p)));
    const pick = () => onSelect(p.place.id);
    g.addEventListener("click", pick);
    g.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); pick(); } });
    dots.append(g);
  }
  root.append(dots);

  // Names of the busiest places, right of their circles, over a halo.
  // Sizes in user units (degrees) so that text and halo are the same on screen at any zoom.
  const labels = svg("g", { class: "place-labels", "font-size": (12 * px).toFixed(3), "stroke-width": (3 * px).toFixed(3) });
  for (const p of data.places.slice(0, LABELLED)) {
    const [x, y] = project(p.place.lon, p.place.lat);
    const text = `${p.place.name} ${p.events}`;
    const gap = radius(p.events) + 3 * px;
    // Right of the circle, or left of it when the name would run off the map (7 px a letter
    // is a generous estimate at this size).
    const left = x + gap + 7 * px * text.length > view.x + view.w;
    labels.append(svg("text", {
      x: (left ? x - gap : x + gap).toFixed(3), y: (y + 4 * px).toFixed(3),
      "text-anchor": left ? "end" : "start",
    }, text));
  }
  root.append(labels);
  host.append(root);
}

// The size key: circles for one event and for the busiest place, as drawn on the map, side by
// side on a common baseline.
function drawSizeKey(host, maxEvents) {
  host.replaceChildren();
  const big = R_MAX;
  const small = Math.max(R_MIN, R_MAX * Math.sqrt(1 / Math.max(1, maxEvents)));
  const h = 2 * big + 4;
  const base = h - 2;
  const parts = maxEvents > 1 ? [[small, "1 event"], [big, plural(maxEvents, "event")]] : [[big, "1 event"]];
  const key = svg("svg", { height: h, "aria-hidden": "true" });
  let x = 1;
  for (const [r, text] of parts) {
    key.append(svg("circle", { class: "size-key", cx: x + r, cy: base - r, r }));
    key.append(svg("text", { x: x + 2 * r + 5, y: base - 3 }, text));
    x += 2 * r + 5 + 7 * text.length + 12;
  }
  key.setAttribute("width", x);
  host.append(key);
}
