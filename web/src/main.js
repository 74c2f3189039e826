// hadath web page: map, weekly timeline, filters, event list and the
// evidence viewer, over the HTTP API of `hadath serve` (same origin).
import L from "./leaflet-global.js";
import "leaflet.markercluster";
import "leaflet/dist/leaflet.css";
import "leaflet.markercluster/dist/MarkerCluster.css";
import "leaflet.markercluster/dist/MarkerCluster.Default.css";
import "./styles.css";
import { mergeContexts, segmentContext, spansWithin } from "./evidence.js";
import { Timeline } from "./timeline.js";

const DEFAULT_CAP = 5000;
// Most events the page loads for one set of filters; ?cap=N in the page's
// address lowers or raises it (not sent to the API).
// ?page=N sets the page size asked of /events (default 500, the API's
// largest by default; lowered when the server says its limit is smaller).
const PAGE_PARAMS = new URLSearchParams(location.search);
const CAP = Math.max(1, Number(PAGE_PARAMS.get("cap")) || DEFAULT_CAP);
const DEFAULT_PAGE = 500;
let pageSize = Math.min(Math.max(1, Number(PAGE_PARAMS.get("page")) || DEFAULT_PAGE), CAP);

const TYPE_COLORS = {
  Battles: "#c62828",
  "Explosions/Remote violence": "#ef6c00",
  "Violence against civilians": "#6a1b9a",
  Protests: "#2e7d32",
  Riots: "#6d4c41",
  "Strategic developments": "#1565c0",
};
const OTHER_COLOR = "#616161";
const colorOf = (type) => TYPE_COLORS[type] || OTHER_COLOR;

const TIME_PRECISION = { 1: "exact day", 2: "within a week", 3: "within a month" };
const GEO_PRECISION = { 1: "exact place", 2: "near the place / part of a region", 3: "governorate or larger" };
const ROLE_NAMES = {
  event: "event sentence",
  trigger: "trigger word",
  place: "place",
  date: "date",
  fatalities: "fatalities",
  actor: "actor",
};

const $ = (sel) => document.querySelector(sel);
const FILTER_FIELDS = ["date_from", "date_to", "admin1", "event_type", "actor", "min_fatalities", "q"];
const FLAG_FIELDS = ["civilian", "background"];

const state = {
  seq: 0,
  baseKey: null,
  base: [], // events kept by all filters but the dates (timeline background)
  events: [], // events kept by all filters
  capped: false,
  total: null,
  selected: null,
};

// ---------- small helpers ----------

function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "dataset") Object.assign(node.dataset, v);
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : String(c));
  }
  return node;
}

const fmt = (n) => (n === null || n === undefined || n === "" ? "—" : Number(n).toLocaleString("en"));

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") q.set(k, v);
  return q.toString();
}

async function api(path, params = {}) {
  const qs = query(params);
  const response = await fetch(qs ? `${path}?${qs}` : path, { headers: { Accept: "application/json" } });
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const error = new Error((body && body.error) || `${path}: HTTP ${response.status}`);
    error.status = response.status;
    throw error;
  }
  return body;
}

// Follows next_cursor pages up to CAP events.
async function fetchAll(filters) {
  const events = [];
  let cursor = null;
  for (;;) {
    let page;
    try {
      page = await api("events", { ...filters, limit: pageSize, cursor });
    } catch (error) {
      // a server started with a smaller --max-page names its limit
      const m = /'limit' must be a whole number from 1 to (\d+)/.exec(error.message);
      if (error.status === 400 && m && Number(m[1]) < pageSize) {
        pageSize = Number(m[1]);
        continue;
      }
      throw error;
    }
    events.push(...(page.events || []));
    cursor = page.next_cursor || null;
    if (!cursor) return { events, capped: false };
    if (events.length >= CAP) return { events: events.slice(0, CAP), capped: true };
  }
}

// ---------- filters ----------

function readFilters() {
  const form = $("#filters");
  const f = {};
  for (const name of FILTER_FIELDS) {
    const v = form.elements[name].value.trim();
    if (v !== "") f[name] = v;
  }
  for (const name of FLAG_FIELDS) if (form.elements[name].checked) f[name] = "true";
  return f;
}

function writeFilters(f) {
  const form = $("#filters");
  for (const name of FILTER_FIELDS) {
    const input = form.elements[name];
    const value = f[name] ?? "";
    if (input.tagName === "SELECT" && value && ![...input.options].some((o) => o.value === value))
      input.append(h("option", { value }, value));
    input.value = value;
  }
  for (const name of FLAG_FIELDS) form.elements[name].checked = f[name] === "true";
}

function filtersFromUrl() {
  const p = new URLSearchParams(location.search);
  const f = {};
  for (const name of [...FILTER_FIELDS, ...FLAG_FIELDS]) if (p.get(name)) f[name] = p.get(name);
  return f;
}

function syncUrl(f) {
  const extra = {};
  if (CAP !== DEFAULT_CAP) extra.cap = CAP;
  if (PAGE_PARAMS.get("page")) extra.page = PAGE_PARAMS.get("page");
  const qs = query({ ...f, ...extra });
  const hash = state.selected ? `#${encodeURIComponent(state.selected)}` : "";
  history.replaceState(null, "", `${location.pathname}${qs ? `?${qs}` : ""}${hash}`);
  $("#export-acled").href = `export?${query({ ...f, format: "acled" })}`;
  $("#export-geojson").href = `export?${query({ ...f, format: "geojson" })}`;
}

async function fillFilterOptions() {
  const stats = await api("stats");
  const admin1 = $("#f-admin1");
  for (const row of stats.by_admin1 || []) {
    if (!row.key) continue;
    admin1.append(h("option", { value: row.key }, `${row.key} (${fmt(row.events)})`));
  }
  const types = $("#f-event-type");
  const counts = new Map((stats.by_type || []).map((r) => [r.key, r.events]));
  const names = [...new Set([...Object.keys(TYPE_COLORS), ...counts.keys()])].filter(Boolean);
  for (const name of names)
    types.append(h("option", { value: name }, counts.has(name) ? `${name} (${fmt(counts.get(name))})` : name));
  const actors = $("#actor-ids");
  for (const row of stats.by_actor || []) if (row.key) actors.append(h("option", { value: row.key }));
}

// ---------- map ----------

const map = L.map("map", { zoomSnap: 0.25, minZoom: 4, maxZoom: 14, worldCopyJump: false }).setView([35, 38.5], 6.5);
map.attributionControl.setPrefix(false);
map.attributionControl.addAttribution("Boundaries: OCHA COD-AB · no base map (offline)");
const clusters = L.markerClusterGroup({
  maxClusterRadius: 36,
  showCoverageOnHover: false,
  spiderfyOnMaxZoom: true,
  chunkedLoading: true,
});
map.addLayer(clusters);
const markers = new Map(); // event_id -> circleMarker
let boundaries = null;

const legend = L.control({ position: "bottomright" });
legend.onAdd = () => {
  const box = h("div", { class: "legend", id: "legend", "data-testid": "legend" }, h("strong", {}, "Event type"));
  for (const [type, color] of Object.entries(TYPE_COLORS))
    box.append(h("div", {}, h("span", { class: "swatch", style: `background:${color}` }), type));
  box.append(h("div", {}, h("span", { class: "swatch", style: `background:${OTHER_COLOR}` }), "Other"));
  box.append(h("div", { class: "legend-note" }, "Circle size: fatalities"));
  L.DomEvent.disableClickPropagation(box);
  return box;
};
legend.addTo(map);

async function loadBoundaries() {
  try {
    const response = await fetch("boundaries.geojson");
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const geojson = await response.json();
    boundaries = L.geoJSON(geojson, {
      style: () => ({ color: "#7a7f8c", weight: 1, fillColor: "#f3f0e8", fillOpacity: 1 }),
      onEachFeature: (feature, layer) => {
        const p = feature.properties || {};
        layer.bindTooltip(`${p.name_en || ""} · ${p.name_ar || ""}`, { sticky: true, direction: "top" });
        layer.on("click", () => selectGovernorate(p.pcode));
      },
    }).addTo(map);
    boundaries.bringToBack();
    if (!markers.size) map.fitBounds(boundaries.getBounds(), { animate: false });
    highlightGovernorate();
  } catch (error) {
    console.warn(`boundaries.geojson could not be loaded: ${error.message}`);
  }
}

// Clicking a governorate filters on it, when the loaded events name it.
function selectGovernorate(pcode) {
  const event = state.base.find((e) => e.admin1_pcode === pcode) || state.events.find((e) => e.admin1_pcode === pcode);
  if (!event || !event.admin1) return;
  const select = $("#f-admin1");
  select.value = select.value === event.admin1 ? "" : event.admin1;
  writeFilters({ ...readFilters(), admin1: select.value || undefined });
  refresh();
}

function highlightGovernorate() {
  if (!boundaries) return;
  const admin1 = $("#f-admin1").value;
  const pcodes = new Set(state.events.filter((e) => admin1 && e.admin1 === admin1).map((e) => e.admin1_pcode));
  boundaries.eachLayer((layer) => {
    const on = pcodes.has(layer.feature.properties.pcode);
    layer.setStyle({ fillColor: on ? "#fde9c9" : "#f3f0e8", weight: on ? 2 : 1 });
  });
}

function radius(e) {
  return Math.min(20, 5 + 2.5 * Math.sqrt(Math.max(0, e.fatalities || 0)));
}

function renderMarkers(fit) {
  clusters.clearLayers();
  markers.clear();
  const layers = [];
  for (const e of state.events) {
    if (typeof e.latitude !== "number" || typeof e.longitude !== "number") continue;
    const marker = L.circleMarker([e.latitude, e.longitude], {
      radius: radius(e),
      fillColor: colorOf(e.event_type),
      color: "#ffffff",
      weight: 1,
      fillOpacity: 0.85,
      className: "event-marker",
    });
    marker.eventId = e.event_id;
    marker.bindTooltip(
      `${e.event_date || "undated"} · ${e.event_type}<br>${escapeHtml(e.location || "")} · ${fmt(e.fatalities)} fatalities`,
    );
    marker.on("click", () => openDetail(e.event_id, { from: "map" }));
    markers.set(e.event_id, marker);
    layers.push(marker);
  }
  clusters.addLayers(layers);
  const mapBox = $("#map");
  mapBox.dataset.markers = String(layers.length);
  mapBox.dataset.events = String(state.events.length);
  if (fit && layers.length) {
    // not animated: a zoom started while another runs would be dropped
    map.fitBounds(L.latLngBounds(layers.map((m) => m.getLatLng())).pad(0.3), { maxZoom: 9, animate: false });
  }
  highlightMarker();
}

function highlightMarker() {
  for (const [id, marker] of markers) {
    const on = id === state.selected;
    marker.setStyle({ color: on ? "#111" : "#ffffff", weight: on ? 3 : 1 });
  }
}

function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

// ---------- list ----------

function renderList() {
  const body = $("#event-list tbody");
  body.textContent = "";
  const frag = document.createDocumentFragment();
  for (const e of state.events) {
    const row = h(
      "tr",
      {
        class: "event-row",
        tabindex: "0",
        "data-testid": "event-row",
        dataset: { id: e.event_id },
        onclick: () => openDetail(e.event_id, { from: "list" }),
        onkeydown: (ev) => {
          if (ev.key === "Enter" || ev.key === " ") {
            ev.preventDefault();
            openDetail(e.event_id, { from: "list" });
          }
        },
      },
      h("td", { class: "c-date" }, e.event_date || h("span", { class: "muted", title: `${e.date_start || "?"} … ${e.date_end || "?"}` }, "undated")),
      h("td", { class: "c-type" }, h("span", { class: "dot", style: `background:${colorOf(e.event_type)}` }), e.event_type,
        e.sub_event_type ? h("div", { class: "muted small" }, e.sub_event_type) : null),
      h("td", { class: "c-place" }, e.location || "—", e.admin1 ? h("div", { class: "muted small" }, e.admin1) : null),
      h("td", { class: "c-fat" }, fmt(e.fatalities)),
    );
    if (e.event_id === state.selected) row.classList.add("selected");
    frag.append(row);
  }
  body.append(frag);
  $("#list-count").textContent = `(${fmt(state.events.length)})`;
  if (!state.events.length) body.append(h("tr", { class: "empty" }, h("td", { colspan: 4 }, "No events match these filters.")));
}

// ---------- status, timeline ----------

const timeline = new Timeline($("#timeline"), (range) => {
  $("#f-date-from").value = range ? range.from : "";
  $("#f-date-to").value = range ? range.to : "";
  refresh();
});

function renderTimeline() {
  const f = readFilters();
  timeline.update(state.base, state.events, f.date_from || f.date_to ? { from: f.date_from, to: f.date_to } : null);
  const undated = state.base.filter((e) => !e.event_date).length;
  $("#timeline-note").textContent = undated ? `${fmt(undated)} undated event${undated === 1 ? "" : "s"} not in the chart` : "";
}

function renderStatus(stats) {
  const n = state.events.length;
  const total = stats ? stats.events : n;
  let text = `${fmt(n)} event${n === 1 ? "" : "s"}`;
  if (stats) text += ` · ${fmt(stats.fatalities)} fatalities`;
  if (state.capped) text = `Showing the first ${fmt(n)} of ${fmt(total)} matching events (capped at ${fmt(CAP)}; narrow the filters to see the rest)`;
  const unmapped = state.events.filter((e) => typeof e.latitude !== "number").length;
  if (unmapped) text += ` · ${fmt(unmapped)} without coordinates (not on the map)`;
  setStatus(text, state.capped ? "capped" : "");
}

function setStatus(text, kind = "") {
  const status = $("#status");
  status.textContent = text;
  status.className = kind;
}

// Reloads what the filters keep. The timeline's grey bars come from the
// same filters without the date range, loaded again only when those change.
async function refresh() {
  const seq = ++state.seq;
  const f = readFilters();
  const { date_from, date_to, ...rest } = f;
  const hasDates = Boolean(date_from || date_to);
  const baseKey = JSON.stringify(rest);
  const baseChanged = baseKey !== state.baseKey;
  document.body.dataset.state = "loading";
  $("#filter-error").hidden = true;
  setStatus("Loading…");
  syncUrl(f);
  try {
    const [stats, result, base] = await Promise.all([
      api("stats", f),
      fetchAll(f),
      hasDates && baseChanged ? fetchAll(rest) : Promise.resolve(null),
    ]);
    if (seq !== state.seq) return;
    state.events = result.events;
    state.capped = result.capped;
    if (!hasDates) state.base = result.events;
    else if (base) state.base = base.events;
    state.baseKey = baseKey;
    renderMarkers(baseChanged);
    renderList();
    renderTimeline();
    renderStatus(stats);
    highlightGovernorate();
    document.body.dataset.state = "ready";
    document.body.dataset.loads = String(Number(document.body.dataset.loads || 0) + 1);
  } catch (error) {
    if (seq !== state.seq) return;
    const box = $("#filter-error");
    box.textContent = error.message;
    box.hidden = false;
    setStatus(`Could not load events: ${error.message}`, "error");
    document.body.dataset.state = "error";
  }
}

// ---------- detail ----------

function field(label, ...value) {
  return [h("dt", {}, label), h("dd", {}, ...value)];
}

function actorLine(name, id, assoc, assocIds) {
  const parts = [name || "—"];
  if (id) parts.push(" ", h("code", {}, id));
  if (assoc) parts.push(h("div", { class: "muted small" }, `with ${assoc}${assocIds && assocIds.length ? ` (${assocIds.join(", ")})` : ""}`));
  return parts;
}

function recordView(e) {
  const dl = h("dl", { class: "record-fields" });
  const precision = (table, v) => (v ? ` — precision ${v}: ${table[v] || "?"}` : "");
  const range = e.date_start && e.date_end && e.date_start !== e.date_end ? ` (between ${e.date_start} and ${e.date_end})` : "";
  const fields = [
    field("Type", h("span", { class: "dot", style: `background:${colorOf(e.event_type)}` }), e.event_type || "—",
      e.sub_event_type ? ` / ${e.sub_event_type}` : "", e.disorder_type ? h("div", { class: "muted small" }, e.disorder_type) : null),
    field("Date", e.event_date || "undated", h("span", { class: "muted" }, precision(TIME_PRECISION, e.time_precision), range),
      e.date_basis ? h("div", { class: "muted small" }, `dated from ${e.date_basis}${e.date_reason ? `: ${e.date_reason}` : ""}`) : null),
    field("Actor 1", ...actorLine(e.actor1, e.actor1_id, e.assoc_actor_1, e.assoc_actor_1_ids)),
    field("Actor 2", ...actorLine(e.actor2, e.actor2_id, e.assoc_actor_2, e.assoc_actor_2_ids)),
    field("Place", e.location || "—", e.location_ar ? [" · ", h("bdi", { lang: "ar", dir: "rtl", class: "ar-inline" }, e.location_ar)] : null,
      h("div", { class: "muted small" }, [e.admin3, e.admin2, e.admin1, e.country].filter(Boolean).join(", ")),
      h("div", { class: "muted small" },
        `${typeof e.latitude === "number" ? `${e.latitude.toFixed(4)}, ${e.longitude.toFixed(4)}` : "no coordinates"}${precision(GEO_PRECISION, e.geo_precision)}`)),
    field("Fatalities", h("strong", {}, fmt(e.fatalities)), " best",
      h("span", { class: "muted" }, ` (low ${fmt(e.fatalities_low)}, high ${fmt(e.fatalities_high)})`)),
    field("Civilian fatalities", fmt(e.civilian_fatalities), e.civilian_targeting ? h("div", { class: "muted small" }, e.civilian_targeting) : null),
    field("Contested", e.contested ? h("strong", { class: "contested" }, "yes — sources disagree") : "no"),
    field("Confidence", typeof e.confidence === "number" ? e.confidence.toFixed(2) : "—"),
    e.background ? field("Background", "an older incident recalled for context") : null,
    field("Sources", h("ul", { class: "sources" },
      (e.documents || []).map((d) => h("li", {},
        h("strong", {}, d.outlet || "unknown outlet"), ` · published ${d.published || "?"} · `, h("code", {}, d.doc_id || d.document || ""),
        d.url ? [" · ", h("a", { href: d.url, target: "_blank", rel: "noopener noreferrer" }, "original")] : null)))),
    field("Notes", h("p", { class: "notes" }, e.notes || "—")),
    field("Event id", h("code", {}, e.event_id)),
  ];
  for (const f of fields) if (f) dl.append(...f);
  return dl;
}

function reportsView(detail) {
  const box = h("section", { class: "reports", id: "detail-reports" }, h("h3", {}, `Reports merged into this event (${(detail.reports || []).length})`));
  const list = h("ul", { class: "report-list" });
  for (const id of detail.reports || []) {
    list.append(h("li", {}, h("a", { href: `#${encodeURIComponent(id)}`, class: "report-link", dataset: { report: id },
      onclick: (ev) => {
        ev.preventDefault();
        openDetail(id, { from: "report" });
      } }, id), id === detail.event.event_id ? h("span", { class: "muted small" }, " (kept id)") : null));
  }
  box.append(list);
  const joins = detail.joins || [];
  if (joins.length) {
    box.append(h("h4", {}, "Joins"));
    const jl = h("ul", { class: "join-list" });
    for (const j of joins) {
      jl.append(h("li", { class: "join" },
        h("details", {},
          h("summary", {}, h("code", {}, j.report || "?"), " joined with ", h("code", {}, j.to || "?"), " — score ",
            h("strong", { class: "join-score" }, typeof j.score === "number" ? j.score.toFixed(2) : String(j.score ?? "?")),
            j.threshold !== undefined ? h("span", { class: "muted" }, ` (threshold ${j.threshold})`) : null),
          h("ul", { class: "join-parts" }, (j.parts || []).map((p) => h("li", {},
            `${p.feature}: `, h("span", { dir: "auto" }, p.detail ?? ""), h("span", { class: "muted" }, ` (${p.points >= 0 ? "+" : ""}${p.points})`)))))));
    }
    box.append(jl);
  } else if ((detail.reports || []).length <= 1) {
    box.append(h("p", { class: "muted small" }, "Reported once; no joins."));
  }
  const changes = detail.changes || [];
  if (changes.length) {
    box.append(h("h4", {}, "Change log"));
    box.append(h("ul", { class: "change-list small" }, changes.map((c) => h("li", {}, h("span", { class: "muted" }, c.changed_at || ""), ` ${c.change || ""}: `, c.reason || ""))));
  }
  return box;
}

function markSegments(text, start, spans) {
  const frag = document.createDocumentFragment();
  for (const seg of segmentContext(text, start, spans)) {
    if (!seg.roles.length) {
      frag.append(seg.text);
      continue;
    }
    const primary = seg.roles[0];
    frag.append(h("mark", { class: `evidence role-${primary.replace(/[^a-z0-9_-]/gi, "")}`, title: seg.roles.join(", "),
      "data-testid": "evidence-mark", dataset: { role: primary } }, seg.text));
  }
  return frag;
}

function evidenceView(detail) {
  const e = detail.event;
  const box = h("section", { class: "evidence-col", lang: "ar", dir: "rtl", id: "detail-evidence", "data-testid": "evidence" });
  const legendRow = h("div", { class: "role-legend", dir: "ltr", lang: "en" }, "Highlighted: ",
    ...Object.entries(ROLE_NAMES).map(([role, name]) => h("mark", { class: `role-${role} legend-mark`, title: role }, name)));
  box.append(h("h3", { dir: "ltr", lang: "en" }, "Arabic evidence"), legendRow);
  const contexts = detail.context || [];
  for (const doc of e.documents || []) {
    const head = h("h4", { dir: "ltr", lang: "en", class: "doc-head" }, `${doc.outlet || "unknown outlet"} · ${doc.published || "?"} · `,
      h("code", {}, doc.doc_id || doc.document || ""));
    box.append(head);
    const mine = contexts.filter((c) => c.document === doc.document || (c.document === undefined && c.doc_id === doc.doc_id));
    if (mine.length) {
      for (const c of mergeContexts(mine)) {
        const spans = spansWithin(doc.evidence, c.start, c.end);
        box.append(h("p", { class: "context", dir: "rtl", lang: "ar", dataset: { start: c.start, end: c.end } },
          c.start > 0 ? "… " : "", markSegments(c.text, c.start, spans), " …"));
      }
    } else {
      // no article text in the store: show the evidence sentences themselves
      for (const ev of (doc.evidence || []).filter((x) => x.role === "event" || !x.role)) {
        const spans = spansWithin(doc.evidence, ev.start, ev.end);
        box.append(h("p", { class: "context", dir: "rtl", lang: "ar" }, markSegments(ev.text || "", ev.start, spans)));
      }
    }
  }
  if (!(e.documents || []).length) box.append(h("p", { dir: "ltr", lang: "en", class: "muted" }, "No evidence stored."));
  return box;
}

let detailSeq = 0;
async function openDetail(id, { from } = {}) {
  const seq = ++detailSeq;
  const panel = $("#detail");
  const body = $("#detail-body");
  panel.hidden = false;
  panel.dataset.state = "loading";
  body.textContent = "Loading…";
  try {
    const detail = await api(`events/${encodeURIComponent(id)}`);
    if (seq !== detailSeq) return;
    const e = detail.event;
    state.selected = e.event_id;
    $("#detail-title").textContent = `${e.event_type || "Event"} — ${e.location || "?"}, ${e.event_date || "undated"}`;
    body.textContent = "";
    body.append(
      h("div", { class: "detail-grid" },
        h("section", { class: "record-col", id: "detail-record", "data-testid": "record" }, h("h3", {}, "Record"), recordView(e), reportsView(detail)),
        evidenceView(detail)),
    );
    panel.dataset.state = "ready";
    panel.dataset.event = e.event_id;
    for (const row of document.querySelectorAll(".event-row"))
      row.classList.toggle("selected", row.dataset.id === e.event_id);
    const row = document.querySelector(`.event-row[data-id="${CSS.escape(e.event_id)}"]`);
    if (row && from !== "list") row.scrollIntoView({ block: "nearest" });
    highlightMarker();
    const marker = markers.get(e.event_id);
    if (marker && from === "list") clusters.zoomToShowLayer(marker, () => {});
    syncUrl(readFilters());
  } catch (error) {
    if (seq !== detailSeq) return;
    body.textContent = `Could not load event ${id}: ${error.message}`;
    panel.dataset.state = "error";
  }
}

function closeDetail() {
  $("#detail").hidden = true;
  state.selected = null;
  for (const row of document.querySelectorAll(".event-row.selected")) row.classList.remove("selected");
  highlightMarker();
  syncUrl(readFilters());
}

// ---------- wiring ----------

function wire() {
  const form = $("#filters");
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    refresh();
  });
  let typing = null;
  form.addEventListener("change", () => {
    clearTimeout(typing);
    refresh();
  });
  form.addEventListener("input", (ev) => {
    if (ev.target.type === "text" || ev.target.type === "search" || ev.target.type === "number") {
      clearTimeout(typing);
      typing = setTimeout(refresh, 500);
    }
  });
  $("#f-reset").addEventListener("click", () => {
    writeFilters({});
    refresh();
  });
  $("#detail-close").addEventListener("click", closeDetail);
  document.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape" && !$("#detail").hidden) closeDetail();
  });
  let resizing = null;
  window.addEventListener("resize", () => {
    clearTimeout(resizing);
    resizing = setTimeout(renderTimeline, 150);
  });
}

async function start() {
  const wanted = decodeURIComponent(location.hash.slice(1));
  wire();
  document.body.dataset.state = "loading";
  try {
    await fillFilterOptions();
  } catch (error) {
    setStatus(`Could not reach the API: ${error.message}`, "error");
  }
  writeFilters(filtersFromUrl());
  loadBoundaries();
  if (wanted) state.selected = wanted; // keeps #id in the address meanwhile
  await refresh();
  if (wanted) openDetail(wanted, { from: "url" });
}

start();
