// sitrep dashboard entry point: wires the filter form, the map, the
// timeline and the incident panel to the API.
import "leaflet/dist/leaflet.css";
import "uplot/dist/uPlot.min.css";
import "./style.css";
import { FILTERS, filterParams, getJSON, loadIncidents } from "./api.js";
import { EVENT_TYPES } from "./colors.js";
import { append, clear, el } from "./dom.js";
import { createMap } from "./map.js";
import { createPanel } from "./panel.js";
import { createSignals } from "./signals.js";
import { createTimeline } from "./timeline.js";

// MAX_ON_MAP bounds what the browser holds; the newest incidents come first.
const MAX_ON_MAP = 5000;

async function start() {
  const form = document.getElementById("filters");
  const status = document.getElementById("status");
  const config = await getJSON("api/v1/config").catch(() => ({}));
  fillEventTypes(form.elements.event_type);
  drawLegend(document.getElementById("legend"));
  if (config.history) document.getElementById("export-deleted").hidden = false;
  readURL(form);

  const handlers = {
    // history: the store keeps revisions, so the panel lists them.
    history: !!config.history,
    // selected keeps the open incident in the URL, so a link shares it.
    selected: (it) => {
      const p = new URLSearchParams(location.search);
      p.set("incident", it.event_id);
      history.replaceState(null, "", "?" + p.toString());
      map.focus(it);
    },
  };
  const panel = createPanel(document.getElementById("panel"), handlers);
  const map = createMap(document.getElementById("map"), config, {
    select: (id) => handlers.select(id),
    list: (items) => handlers.list(items),
  });
  const timeline = createTimeline(document.getElementById("timeline"), (from, to) => {
    form.elements.from.value = from.toISOString().slice(0, 10);
    form.elements.to.value = to.toISOString().slice(0, 10);
    refresh(true);
  });

  // Picking a signalling series narrows the map and timeline to its actor
  // and region (or country).
  const signals = createSignals(document.getElementById("signals"), (key) => {
    form.elements.actor.value = key.actor || "";
    form.elements.admin1.value = key.admin1 || "";
    form.elements.country.value = key.country || "";
    refresh(true);
  });
  // trendsKey remembers the date range the signals were computed for:
  // other filters do not change them, so they are not fetched again.
  let trendsKey = null;
  function loadSignals(params) {
    const p = new URLSearchParams({ by: "actor,admin1" });
    for (const k of ["from", "to"]) if (params.has(k)) p.set(k, params.get(k));
    if (p.toString() === trendsKey) return;
    trendsKey = p.toString();
    getJSON("api/v1/trends", p).then(signals.render, (err) => {
      trendsKey = null;
      signals.failed(err);
    });
  }

  let generation = 0;
  async function refresh(fit) {
    const mine = ++generation;
    const params = filterParams(form);
    writeURL(params);
    setExportLinks(params);
    loadSignals(params);
    status.textContent = "Loading…";
    document.body.dataset.ready = "false";
    try {
      const [res, series] = await Promise.all([
        loadIncidents(params, MAX_ON_MAP),
        getJSON("api/v1/stats/series", withParam(params, "interval", "week")),
      ]);
      if (mine !== generation) return;
      const unplaced = map.setIncidents(res.incidents, fit);
      timeline.setPoints(series.points);
      fillLists(res.incidents);
      panel.showOverview(res.incidents);
      status.textContent = summary(res, unplaced);
      document.body.dataset.ready = "true";
    } catch (err) {
      if (mine === generation) status.textContent = "Could not load incidents: " + err.message;
    }
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    refresh(true);
  });
  form.addEventListener("reset", () => setTimeout(() => refresh(true), 0));
  await refresh(true);
  const wanted = new URLSearchParams(location.search).get("incident");
  if (wanted) panel.showIncident(wanted);
}

function withParam(params, k, v) {
  const p = new URLSearchParams(params);
  p.set(k, v);
  return p;
}

function summary(res, unplaced) {
  const n = res.incidents.length;
  const parts = [n + (res.truncated ? "+" : "") + " incidents", n - unplaced + " on the map"];
  if (unplaced) parts.push(unplaced + " without coordinates");
  if (res.truncated) parts.push("showing the newest " + n + "; narrow the filters to see the rest");
  return parts.join(" · ");
}

function fillEventTypes(select) {
  for (const [name] of EVENT_TYPES) select.append(el("option", { value: name }, name));
}

function drawLegend(node) {
  for (const [name, color] of EVENT_TYPES) {
    const sw = el("span", { class: "swatch" });
    sw.style.background = color;
    node.append(el("span", { class: "legend-item" }, sw, name));
  }
  node.append(el("span", { class: "legend-item" }, "circle size: fatalities · pale, dashed: unverified · numbered: clusters"));
}

// fillLists offers the countries, regions and actors of the loaded
// incidents as suggestions in the filter inputs.
function fillLists(incidents) {
  const sets = { countries: new Set(), admin1s: new Set(), actors: new Set() };
  for (const it of incidents) {
    if (it.country) sets.countries.add(it.country);
    if (it.admin1) sets.admin1s.add(it.admin1);
    for (const a of [it.actor1, it.actor2]) if (a) sets.actors.add(a);
  }
  for (const [id, set] of Object.entries(sets)) {
    const list = clear(document.getElementById(id));
    append(list, [...set].sort().slice(0, 500).map((v) => el("option", { value: v })));
  }
}

function setExportLinks(params) {
  for (const fmt of ["csv", "geojson", "jsonl"]) {
    const q = params.toString();
    document.getElementById("export-" + fmt).href = "api/v1/export." + fmt + (q ? "?" + q : "");
  }
}

function readURL(form) {
  const p = new URLSearchParams(location.search);
  for (const k of FILTERS) if (p.has(k) && form.elements[k]) form.elements[k].value = p.get(k);
}

function writeURL(params) {
  const keep = new URLSearchParams(location.search).get("incident");
  const p = new URLSearchParams(params);
  if (keep) p.set("incident", keep);
  const q = p.toString();
  history.replaceState(null, "", q ? "?" + q : location.pathname);
}

start().catch((err) => {
  document.getElementById("status").textContent = "Dashboard failed to start: " + err.message;
});
