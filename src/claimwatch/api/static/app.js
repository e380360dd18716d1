// The analyst's page: map, timeline, filters and detail panel over the REST API.
// Plain browser JavaScript, no build step; Leaflet and topojson-client are vendored.
"use strict";

const STATUS_COLOURS = {
  claimed: "#e65100", reported: "#6a1b9a", confirmed: "#2e7d32",
  disputed: "#c2185b", denied: "#546e7a", retracted: "#8d6e63",
};
const ATTACK_TYPES = ["drone", "missile", "rocket", "mortar", "artillery", "airstrike", "ied",
  "bombing", "shooting", "ground_assault", "abduction", "arson", "interception", "other"];
const PAGE = 500, MAX_PAGES = 40, DAY_MS = 86400000;
const ANTARCTICA = "010";  // ISO 3166 numeric id in world-atlas; never a conflict location

const state = { events: [], brush: null, markers: new Map(), selected: null };
const map = L.map("map", { worldCopyJump: true, attributionControl: true }).setView([30, 30], 3);
map.attributionControl.addAttribution("Boundaries: Natural Earth via world-atlas");
const markerLayer = L.featureGroup().addTo(map);

function esc(value) {
  return String(value ?? "").replace(/[&<>"']/g, (c) => ({
    "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}

async function getJSON(url) {
  const response = await fetch(url);
  const body = await response.json();
  if (!response.ok) {
    const err = body && body.error ? `${body.error.code}: ${body.error.message}` : response.status;
    throw new Error(err);
  }
  return body;
}

async function drawBasemap() {
  const topo = await getJSON("/static/vendor/world-atlas/countries-110m.json");
  const countries = topojson.feature(topo, topo.objects.countries);
  countries.features = countries.features.filter((f) => f.id !== ANTARCTICA);
  countries.features.forEach(unwrapAntimeridian);
  L.geoJSON(countries, {
    style: { color: "#90a4ae", weight: 0.7, fillColor: "#f5f5f0", fillOpacity: 1 },
    interactive: false,
  }).addTo(map);
  markerLayer.bringToFront();
}

// Rings that cross the antimeridian (Russia's far east, Fiji) jump from +180 to -180;
// Leaflet would draw a line across the world, so move their western points east by 360.
function unwrapAntimeridian(feature) {
  const geom = feature.geometry;
  if (!geom) return;
  const polygons = geom.type === "Polygon" ? [geom.coordinates] : geom.coordinates;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      const lons = ring.map((p) => p[0]);
      if (Math.max(...lons) > 150 && Math.min(...lons) < -150) {
        ring.forEach((p) => { if (p[0] < 0) p[0] += 360; });
      }
    }
  }
}

function casualties(event) {
  const low = (count) => (count && (count.low ?? count.high)) || 0;
  return low(event.fatalities) + low(event.injured);
}

function radius(event) {
  return 6 + 3 * Math.sqrt(casualties(event));
}

function perpetrators(event) {
  return event.actors.filter((a) => a.role === "perpetrator").map((a) => a.name);
}

function label(event) {
  const what = event.sub_event_type || event.event_type || event.attack_types.join(", ") || "event";
  const where = event.location ? ` — ${event.location.name}` : "";
  return `${event.date_start || "undated"}: ${what}${where}`;
}

function filterQuery() {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData(document.getElementById("filters"))) {
    if (value) params.set(key, value);
  }
  return params;
}

async function loadEvents() {
  const params = filterQuery();
  params.set("limit", PAGE);
  const events = [];
  let cursor = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    if (cursor) params.set("cursor", cursor);
    const body = await getJSON(`/events?${params}`);
    events.push(...body.events);
    cursor = body.next_cursor;
    if (!cursor) break;
  }
  state.events = events;
  state.brush = null;
  const exportParams = filterQuery().toString();
  document.getElementById("export-link").href = `/export.acled-csv?${exportParams}`;
  document.getElementById("export-geojson").href = `/export.geojson?${exportParams}`;
  render();
}

function inBrush(event) {
  if (!state.brush || !event.date_start) return !state.brush;
  const start = Date.parse(event.date_start), end = Date.parse(event.date_end || event.date_start);
  return start <= state.brush[1] && end >= state.brush[0];
}

function render() {
  const visible = state.events.filter(inBrush);
  drawMarkers(visible);
  drawList(visible);
  drawTimeline();
  const located = visible.filter((e) => e.location && e.location.latitude != null).length;
  document.getElementById("summary").textContent =
    `${visible.length} of ${state.events.length} events shown · ${located} on the map`;
  document.getElementById("clear-brush").hidden = !state.brush;
}

function drawMarkers(events) {
  markerLayer.clearLayers();
  state.markers.clear();
  for (const event of events) {
    const loc = event.location;
    if (!loc || loc.latitude == null || loc.longitude == null) continue;
    const colour = STATUS_COLOURS[event.status] || "#333";
    const marker = L.circleMarker([loc.latitude, loc.longitude], {
      radius: radius(event), color: "#263238", weight: 1, fillColor: colour, fillOpacity: 0.8,
      className: `cw-marker cw-status-${event.status}`,
    });
    marker.bindTooltip(`${esc(label(event))}<br>${esc(event.status)} · ` +
      `${casualties(event)} casualties`);
    marker.on("click", () => showDetail(event.event_id));
    marker.addTo(markerLayer);
    marker.getElement()?.setAttribute("data-event-id", event.event_id);
    state.markers.set(event.event_id, marker);
  }
  if (state.markers.size && !state.brush) {
    map.fitBounds(markerLayer.getBounds().pad(0.3), { maxZoom: 7, animate: false });
  }
}

function drawList(events) {
  const list = document.getElementById("event-list");
  list.innerHTML = "";
  for (const event of events) {
    const item = document.createElement("li");
    item.dataset.eventId = event.event_id;
    item.innerHTML = `<span class="swatch" style="background:${STATUS_COLOURS[event.status]}">` +
      `</span>${esc(label(event))}`;
    item.title = perpetrators(event).join(", ");
    if (event.event_id === state.selected) item.classList.add("selected");
    item.addEventListener("click", () => showDetail(event.event_id));
    list.appendChild(item);
  }
  document.getElementById("list-count").textContent = `(${events.length})`;
}

// --- timeline: one bar per day, drag to brush a period --------------------------------

function dayCounts() {
  const counts = new Map();
  for (const event of state.events) {
    if (!event.date_start) continue;
    counts.set(event.date_start, (counts.get(event.date_start) || 0) + 1);
  }
  return counts;
}

function timelineScale() {
  const svg = document.getElementById("timeline");
  const width = svg.clientWidth || 600, height = svg.clientHeight || 118;
  const days = [...dayCounts().keys()].map(Date.parse);
  const lo = days.length ? Math.min(...days) - DAY_MS : Date.now() - 30 * DAY_MS;
  const hi = days.length ? Math.max(...days) + 2 * DAY_MS : Date.now();
  const pad = 24;
  const x = (t) => pad + ((t - lo) / (hi - lo)) * (width - 2 * pad);
  const t = (px) => lo + ((px - pad) / (width - 2 * pad)) * (hi - lo);
  return { svg, width, height, lo, hi, x, t, pad };
}

function drawTimeline() {
  const s = timelineScale();
  const counts = dayCounts();
  const max = Math.max(1, ...counts.values());
  const barW = Math.max(2, s.x(s.lo + DAY_MS) - s.x(s.lo) - 1);
  const base = s.height - 18;
  let html = `<line x1="${s.pad}" x2="${s.width - s.pad}" y1="${base}" y2="${base}" ` +
    `stroke="#999"/>`;
  for (const [day, n] of [...counts.entries()].sort()) {
    const t = Date.parse(day);
    const h = Math.max(3, (n / max) * (base - 6));
    const out = state.brush && (t + DAY_MS <= state.brush[0] || t > state.brush[1]);
    html += `<rect class="cw-day${out ? " out" : ""}" data-day="${day}" data-count="${n}" ` +
      `x="${s.x(t)}" y="${base - h}" width="${barW}" height="${h}">` +
      `<title>${day}: ${n} event${n > 1 ? "s" : ""}</title></rect>`;
  }
  html += `<g class="axis">${axisLabels(s, base)}</g>`;
  if (state.brush) {
    const x0 = s.x(state.brush[0]), x1 = s.x(state.brush[1] + DAY_MS);
    html += `<rect class="cw-brush" x="${x0}" y="0" width="${Math.max(1, x1 - x0)}" ` +
      `height="${base}"/>`;
  }
  s.svg.innerHTML = html;
}

function axisLabels(s, base) {
  const spanDays = (s.hi - s.lo) / DAY_MS;
  const step = Math.max(1, Math.ceil(spanDays / 8));
  let out = "";
  for (let t = s.lo + step * DAY_MS / 2; s.x(t) <= s.width - 30; t += step * DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    out += `<text x="${s.x(t)}" y="${base + 13}">${day}</text>`;
  }
  return out;
}

function installBrush() {
  const svg = document.getElementById("timeline");
  let start = null;
  const px = (ev) => ev.clientX - svg.getBoundingClientRect().left;
  svg.addEventListener("mousedown", (ev) => { start = px(ev); ev.preventDefault(); });
  window.addEventListener("mouseup", (ev) => {
    if (start === null) return;
    const end = px(ev), s = timelineScale();
    if (Math.abs(end - start) < 4) {
      state.brush = null;
    } else {
      // Snap to whole days so a bar is in or out, never half-selected.
      const a = Math.floor(s.t(Math.min(start, end)) / DAY_MS) * DAY_MS;
      const b = Math.floor(s.t(Math.max(start, end)) / DAY_MS) * DAY_MS;
      state.brush = [a, b];
    }
    start = null;
    render();
  });
  document.getElementById("clear-brush").addEventListener("click", () => {
    state.brush = null;
    render();
  });
}

// --- detail panel ----------------------------------------------------------------------

async function showDetail(eventId) {
  state.selected = eventId;
  document.querySelectorAll("#event-list li").forEach((li) =>
    li.classList.toggle("selected", li.dataset.eventId === eventId));
  const panel = document.getElementById("detail");
  try {
    const event = await getJSON(`/events/${encodeURIComponent(eventId)}`);
    panel.innerHTML = detailHTML(event);
    panel.dataset.eventId = event.event_id;
  } catch (err) {
    panel.innerHTML = `<p class="error">${esc(err.message)}</p>`;
  }
}

function safeUrl(url) {
  // Only web links: a posted report's url must not become a javascript: link.
  return /^https?:\/\//i.test(url || "");
}

function countText(count) {
  if (!count || (count.low == null && count.high == null)) return "not reported";
  const range = count.low != null && count.high != null && count.low !== count.high
    ? `${count.low}–${count.high}` : `${count.low ?? count.high}`;
  return count.qualifier ? `${count.qualifier} ${range}` : range;
}

function detailHTML(e) {
  const loc = e.location ? [e.location.name, e.location.admin1, e.location.country]
    .filter(Boolean).join(", ") : "location unknown";
  const actors = e.actors.map((a) => `${esc(a.name)} <span class="muted">(${esc(a.role)})</span>`)
    .join(", ") || "none named";
  const assertions = e.assertions.map((a) => `<tr class="cw-assertion"><td>${esc(a.speaker)}` +
    `<br><span class="muted">${esc(a.speaker_role)}</span></td><td class="stance">` +
    `${esc(a.stance)}</td><td><blockquote>${esc(a.quote)}</blockquote>` +
    `<span class="muted">${esc(a.published || "")}</span></td></tr>`).join("");
  const evidence = e.evidence.map((v) => `<li class="cw-evidence">${esc(v.kind)}: ` +
    `${esc(v.description)}${v.source ? ` (${esc(v.source)})` : ""}` +
    `${v.against ? " <strong>— against</strong>" : ""}</li>`).join("");
  const reports = e.reports.map((r) => `<li class="cw-report"><a class="cw-report-title" ` +
    `href="/documents/${encodeURIComponent(r.id)}" target="_blank">${esc(r.title || r.id)}</a> ` +
    `<span class="muted">${esc(r.source || "")} ${esc(r.published || "")}</span>` +
    `${safeUrl(r.url) ? ` · <a href="${esc(r.url)}" rel="noopener">source</a>` : ""}</li>`)
    .join("");
  const history = e.status_history.map((h) => `<li class="cw-history">${esc(h.at || "?")}: ` +
    `<strong>${esc(h.status)}</strong> <span class="muted">(${esc(h.document_id || "")})` +
    `</span></li>`).join("");
  const resp = e.responsibility;
  return `<h2>${esc(e.sub_event_type || e.event_type || "Event")}</h2>
    <p><span class="badge cw-detail-status" style="background:${STATUS_COLOURS[e.status]}">` +
    `${esc(e.status)}</span> ${esc(e.date_start || "undated")}` +
    `${e.date_end && e.date_end !== e.date_start ? ` – ${esc(e.date_end)}` : ""}` +
    ` <span class="muted">(${esc(e.date_precision || "")})</span></p>
    <p>${esc(loc)}</p>
    <p><b>Actors:</b> ${actors}</p>
    <p><b>Responsibility:</b> ${esc(resp.status)}${resp.by.length ? ` — ${esc(resp.by.join(", "))}`
      : ""}</p>
    <p><b>Fatalities:</b> ${esc(countText(e.fatalities))} · <b>Injured:</b>
      ${esc(countText(e.injured))}</p>
    <h3>Assertions</h3>${assertions ? `<table><thead><tr><th>Speaker</th><th>Stance</th>
      <th>Quote</th></tr></thead><tbody>${assertions}</tbody></table>` : "<p class=muted>none</p>"}
    <h3>Evidence</h3>${evidence ? `<ul>${evidence}</ul>` : "<p class=muted>none</p>"}
    <h3>Reports</h3>${reports ? `<ul>${reports}</ul>` : "<p class=muted>none</p>"}
    <h3>Status history</h3><ol>${history}</ol>
    <p class="muted">event ${esc(e.event_id)} · <a href="/events/${encodeURIComponent(e.event_id)}"
      target="_blank">JSON</a></p>`;
}

// --- filters ---------------------------------------------------------------------------

function fillOptions(select, values, labels = {}) {
  for (const value of values) {
    const option = document.createElement("option");
    option.value = value;
    option.textContent = labels[value] || value;
    select.appendChild(option);
  }
}

async function setUpFilters() {
  const form = document.getElementById("filters");
  fillOptions(form.elements.type, ATTACK_TYPES);
  fillOptions(form.elements.status, Object.keys(STATUS_COLOURS));
  const legend = document.getElementById("legend");
  legend.innerHTML = Object.entries(STATUS_COLOURS).map(([status, colour]) =>
    `<li><span class="swatch" style="background:${colour}"></span>${status}</li>`).join("");
  const stats = await getJSON("/stats");
  fillOptions(form.elements.country, Object.keys(stats.by_country || {})
    .filter((c) => c && c !== "unknown").sort());
  form.addEventListener("submit", (ev) => { ev.preventDefault(); loadEvents(); });
  form.addEventListener("reset", () => setTimeout(loadEvents, 0));
}

function labelCountries() {
  const names = new Map(state.events.filter((e) => e.location && e.location.iso3)
    .map((e) => [e.location.iso3, e.location.country]));
  for (const option of document.getElementById("filters").elements.country.options) {
    const name = names.get(option.value);
    if (name) option.textContent = `${name} (${option.value})`;
  }
}

function fillActors() {
  const names = new Set(state.events.flatMap((e) => e.actors.map((a) => a.name)));
  document.getElementById("actor-list").innerHTML = [...names].sort()
    .map((n) => `<option value="${esc(n)}">`).join("");
}

async function start() {
  installBrush();
  window.addEventListener("resize", () => drawTimeline());
  try {
    // The basemap is decoration: the events still show if it fails to load.
    drawBasemap().catch((err) => console.warn("basemap:", err.message));
    await setUpFilters();
    await loadEvents();
    fillActors();
    labelCountries();
    document.body.dataset.ready = "true";
  } catch (err) {
    document.getElementById("summary").textContent = `error: ${err.message}`;
    document.body.dataset.ready = "error";
  }
}

start();
