// The incident map: an offline basemap of Natural Earth country boundaries
// (optionally under online tiles), incidents as circles sized by
// fatalities and coloured by event type, grid-clustered when dense.
import L from "leaflet";
import { feature } from "topojson-client";
import { cluster, radius } from "./cluster.js";
import { eventColor } from "./colors.js";
import { el, escapeHTML } from "./dom.js";

const CELL = 36; // cluster grid cell, in pixels

export function createMap(container, config, handlers) {
  const map = L.map(container, { worldCopyJump: true, minZoom: 2, maxZoom: 14, attributionControl: false });
  map.setView([15, 20], 2);
  const attribution = L.control.attribution({ prefix: false }).addTo(map);
  attribution.addAttribution("Boundaries: Natural Earth");
  if (config.tiles) {
    const host = new URL(config.tiles.replace("{s}.", "")).host;
    L.tileLayer(config.tiles, { maxZoom: 18 }).addTo(map);
    attribution.addAttribution("Tiles: " + escapeHTML(host));
  }
  loadBasemap(map, !!config.tiles);
  const provinces = L.layerGroup().addTo(map);
  const withProvinces = new Set();
  const layer = L.layerGroup().addTo(map);
  let incidents = [];

  function draw() {
    layer.clearLayers();
    const zoom = map.getZoom();
    const groups = cluster(incidents, (it) => map.project([it.latitude, it.longitude], zoom), CELL);
    let singles = 0;
    for (const g of groups) {
      if (g.items.length === 1) {
        singles++;
        layer.addLayer(incidentMarker(g.items[0], handlers.select));
      } else {
        layer.addLayer(clusterMarker(map, g, zoom, handlers.list));
      }
    }
    container.dataset.plotted = String(incidents.length);
    container.dataset.singles = String(singles);
    container.dataset.clusters = String(groups.length - singles);
  }
  map.on("zoomend", draw);

  let ring = null;
  return {
    // focus rings the selected incident and brings it into view.
    focus(it) {
      if (ring) ring.remove();
      ring = null;
      if (!hasPosition(it)) return;
      ring = L.circleMarker([it.latitude, it.longitude], {
        radius: radius(it.fatalities) + 6, color: "#0b5cad", weight: 3, fill: false, interactive: false,
        className: "sitrep-selected",
      }).addTo(map);
      map.panInside([it.latitude, it.longitude], { padding: [40, 40] });
    },
    setIncidents(list, fit) {
      incidents = list.filter(hasPosition);
      draw();
      loadProvinces(provinces, withProvinces, list);
      if (fit && incidents.length) {
        const b = L.latLngBounds(incidents.map((it) => [it.latitude, it.longitude]));
        map.fitBounds(b.pad(0.2), { maxZoom: 9, animate: false });
      }
      return list.length - incidents.length;
    },
    map,
  };
}

export function hasPosition(it) {
  return Number.isFinite(it.latitude) && Number.isFinite(it.longitude);
}

async function loadBasemap(map, overTiles) {
  try {
    const res = await fetch("countries.json");
    const topo = await res.json();
    const countries = feature(topo, topo.objects.countries);
    L.geoJSON(countries, {
      interactive: false,
      style: {
        color: "#8b8f97",
        weight: 0.7,
        fillColor: "#f4f1e8",
        fillOpacity: overTiles ? 0 : 1,
      },
    }).addTo(map).bringToBack();
  } catch (err) {
    console.warn("basemap", err);
  }
}

// loadProvinces draws the first-level region outlines of the countries
// with incidents (at most a dozen at a time), once per country.
async function loadProvinces(group, done, incidents) {
  const counts = new Map();
  for (const it of incidents) {
    const cc = (it.country_code || "").toUpperCase();
    if (/^[A-Z]{2}$/.test(cc) && !done.has(cc)) counts.set(cc, (counts.get(cc) || 0) + 1);
  }
  const wanted = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([cc]) => cc);
  for (const cc of wanted) {
    done.add(cc);
    try {
      const res = await fetch("api/v1/boundaries/" + cc);
      if (!res.ok) continue;
      const gj = await res.json();
      group.addLayer(L.geoJSON(gj, {
        interactive: false,
        style: { color: "#a7a9ad", weight: 0.6, dashArray: "3 3", fill: false },
      }));
    } catch (err) {
      console.warn("provinces", cc, err);
    }
  }
}

function incidentMarker(it, select) {
  const color = eventColor(it.event_type);
  const m = L.circleMarker([it.latitude, it.longitude], {
    radius: radius(it.fatalities),
    color: "#222222",
    weight: 1,
    fillColor: color,
    // An incident only a low-corroboration outlet reports is drawn pale
    // with a dashed edge, so the eye weighs it less.
    fillOpacity: it.unverified ? 0.4 : 0.8,
    dashArray: it.unverified ? "2 2" : null,
    className: "sitrep-incident" + (it.unverified ? " unverified" : ""),
  });
  const deaths = it.fatalities == null ? "deaths not reported" : it.fatalities + " dead";
  m.bindTooltip(el("div", {}, el("strong", {}, it.sub_event_type || it.event_type || "Incident"),
    el("br"), [it.event_date, it.location || it.admin1 || it.country, deaths, it.unverified ? "unverified" : ""].filter(Boolean).join(" · ")));
  m.on("click", () => select(it.event_id));
  m.on("add", () => {
    const path = m.getElement();
    if (path) path.dataset.id = it.event_id;
  });
  return m;
}

function clusterMarker(map, g, zoom, list) {
  const n = g.items.length;
  const size = Math.round(26 + 8 * Math.log10(n));
  const deaths = g.items.reduce((s, it) => s + (it.fatalities || 0), 0);
  const node = el("div", { class: "sitrep-cluster-inner", dataset: { count: String(n) } }, String(n));
  const icon = L.divIcon({ html: node, className: "sitrep-cluster", iconSize: [size, size] });
  const m = L.marker(map.unproject([g.x, g.y], zoom), { icon, keyboard: true, title: n + " incidents, " + deaths + " dead" });
  m.on("click", () => {
    const b = L.latLngBounds(g.items.map((it) => [it.latitude, it.longitude]));
    const next = map.getBoundsZoom(b.pad(0.3));
    if (next > zoom && zoom < map.getMaxZoom()) map.fitBounds(b.pad(0.3));
    else list(g.items); // one place, many incidents: list them
  });
  return m;
}
