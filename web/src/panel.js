// The incident panel: coded fields, sources, and each article's text with
// every evidence span highlighted and labelled by the field it supports.
import { getJSON } from "./api.js";
import { eventColor, fieldClass } from "./colors.js";
import { append, clear, el, safeURL } from "./dom.js";
import { segments } from "./evidence.js";

const INTER = ["", "State forces", "Rebel groups", "Political militias", "Identity militias", "Rioters", "Protesters", "Civilians", "External/other forces"];

// FIELDS lists the coded fields shown, in reading order: [key, label, format].
const FIELDS = [
  ["event_id", "Event ID"],
  ["event_date", "Date", (v, it) => v && v + (it.time_precision > 1 ? " (precision " + it.time_precision + ")" : "")],
  ["disorder_type", "Disorder type"],
  ["event_type", "Event type"],
  ["sub_event_type", "Sub-event type"],
  ["actor1", "Actor 1"],
  ["assoc_actor_1", "Associated with actor 1"],
  ["inter1", "Inter 1", interName],
  ["actor2", "Actor 2"],
  ["assoc_actor_2", "Associated with actor 2"],
  ["inter2", "Inter 2", interName],
  ["interaction", "Interaction", (v) => v || ""],
  ["civilian_targeting", "Civilian targeting"],
  ["location", "Location"],
  ["admin3", "Admin 3"],
  ["admin2", "Admin 2"],
  ["admin1", "Admin 1"],
  ["country", "Country", (v, it) => v && v + (it.country_code ? " (" + it.country_code + ")" : "")],
  ["latitude", "Coordinates", (v, it) => (v == null ? "" : v + ", " + it.longitude)],
  ["geo_precision", "Geo precision", (v) => v || ""],
  ["fatalities", "Fatalities", count],
  ["wounded", "Wounded", count],
  ["abducted", "Abducted", count],
  ["arrested", "Arrested", count],
  ["killed_by_side", "Killed by side", (v) => (v ? Object.entries(v).map(([k, n]) => k + ": " + n).join("; ") : "")],
  ["claimed_by", "Claimed by"],
  ["confidence", "Confidence", (v) => (v ? Number(v).toFixed(2) : "")],
  ["unverified", "Unverified", (v) => (v ? "yes: only one outlet, with a weak or unknown track record, reports it" : "")],
  ["tags", "Tags", (v) => (v ? v.join("; ") : "")],
  ["notes", "Notes"],
];

// DERIVED fields follow from other fields or from tables, not from words in
// the text, so a missing span is expected and not flagged.
const DERIVED = new Set(["event_id", "disorder_type", "inter1", "inter2", "interaction", "admin1", "admin2", "admin3",
  "country", "geo_precision", "confidence", "unverified", "tags", "notes"]);

function interName(v) {
  return v ? v + " — " + (INTER[v] || "unknown") : "";
}

function count(v) {
  return v == null ? "not reported" : String(v);
}

export function createPanel(container, handlers) {
  let token = 0; // drops responses to clicks that were superseded

  async function showIncident(id) {
    const mine = ++token;
    clear(container).append(el("p", { class: "hint" }, "Loading…"));
    try {
      const it = await getJSON("api/v1/incidents/" + encodeURIComponent(id));
      if (mine !== token) return;
      const evFields = [...new Set((it.evidence || []).map((e) => e.field))];
      clear(container);
      container.dataset.incident = it.event_id;
      const profiles = await outletProfiles();
      if (mine !== token) return;
      append(container, [header(it), fieldTable(it, evFields), sourceList(it, profiles)]);
      if (handlers.history) {
        // A failure here leaves the rest of the incident readable.
        const revs = await getJSON("api/v1/incidents/" + encodeURIComponent(id) + "/revisions").catch((err) => ({ err }));
        if (mine !== token) return;
        container.append(revs.err ? el("p", { class: "error" }, "Could not load revisions: " + revs.err.message)
          : revisionList(revs.revisions || []));
      }
      const articles = el("div", { class: "articles" });
      container.append(articles);
      for (const aid of articleIDs(it)) {
        const a = await getJSON("api/v1/articles/" + encodeURIComponent(aid));
        if (mine !== token) return;
        const ev = (it.evidence || []).filter((e) => (e.article_id || it.article_id) === aid);
        articles.append(articleView(a, ev, evFields));
      }
      container.dataset.loaded = "true";
      if (handlers.selected) handlers.selected(it);
    } catch (err) {
      if (mine !== token) return;
      clear(container).append(el("p", { class: "error" }, "Could not load incident: " + err.message));
      // A merged-away incident names the one that absorbed it: offer it.
      const into = err.status === 410 && /merged into (\S+?)(?::|$)/.exec(err.detail || "");
      if (into) {
        container.append(el("button", { type: "button", class: "linkish follow-merge", onclick: () => showIncident(into[1]) },
          "Open " + into[1] + ", which absorbed it"));
      }
    }
  }

  function showList(items, title) {
    ++token;
    clear(container);
    delete container.dataset.incident;
    delete container.dataset.loaded;
    container.append(el("h2", {}, title || items.length + " incidents here"));
    const ul = el("ul", { class: "list" });
    for (const it of items) {
      ul.append(el("li", {}, el("button", { type: "button", class: "linkish", onclick: () => showIncident(it.event_id) },
        [it.event_date, it.sub_event_type || it.event_type, it.location].filter(Boolean).join(" · ")),
        it.unverified ? el("span", { class: "badge unverified", title: "Only one low-corroboration outlet reports it" }, "unverified") : null));
    }
    container.append(ul);
  }

  handlers.select = showIncident;
  handlers.list = (items) => showList(items);
  return {
    showIncident,
    showList,
    // showOverview lists the newest incidents while none is selected, so
    // the panel is useful (and keyboard-reachable) before any click.
    showOverview(items) {
      if (container.dataset.incident) return;
      const newest = items.slice(0, 40);
      showList(newest, items.length ? "Newest " + newest.length + " of " + items.length + " incidents" : "No incidents match the filters");
    },
  };
}

function articleIDs(it) {
  const ids = [];
  const add = (id) => id && !ids.includes(id) && ids.push(id);
  (it.evidence || []).forEach((e) => add(e.article_id || it.article_id));
  add(it.article_id);
  (it.sources || []).forEach((s) => add(s.article_id));
  return ids.slice(0, 5);
}

function header(it) {
  const swatch = el("span", { class: "swatch" });
  swatch.style.background = eventColor(it.event_type);
  return el("header", { class: "incident-head" },
    el("h2", {}, swatch, it.sub_event_type || it.event_type || "Incident",
      it.unverified ? el("span", { class: "badge unverified", title: "Only one outlet with a weak or unknown track record reports this incident" }, "unverified") : null),
    el("p", { class: "sub" }, [it.event_date, it.location, it.admin1, it.country].filter(Boolean).join(" · ")));
}

function fieldTable(it, evFields) {
  const table = el("table", { class: "fields" });
  for (const [key, label, fmt] of FIELDS) {
    const raw = it[key];
    const shown = fmt ? fmt(raw, it) : raw;
    if (shown === undefined || shown === null || shown === "") continue;
    const evKey = key === "latitude" ? "location" : key;
    const has = evFields.includes(evKey) || (key === "latitude" && evFields.includes("latitude"));
    const chip = has
      ? el("button", { type: "button", class: "chip " + fieldClass(evKey, evFields), title: "Show the words behind this field",
          onclick: () => jumpTo(evKey) }, "evidence")
      : DERIVED.has(key) ? null : el("span", { class: "chip none", title: "No span in the text supports this value" }, "no span");
    table.append(el("tr", { dataset: { field: key } }, el("th", {}, label), el("td", {}, String(shown), " ", chip)));
  }
  return table;
}

function jumpTo(field) {
  const mark = document.querySelector('mark.ev[data-fields~="' + CSS.escape(field) + '"]');
  if (!mark) return;
  mark.scrollIntoView({ block: "center", behavior: "smooth" });
  mark.classList.add("flash");
  setTimeout(() => mark.classList.remove("flash"), 1200);
}

// showField brings the coded value a span supports into view.
function showField(field) {
  const key = field === "longitude" ? "latitude" : field;
  const row = document.querySelector('table.fields tr[data-field="' + CSS.escape(key) + '"]') ||
    (field === "location" ? document.querySelector('table.fields tr[data-field="location"]') : null);
  if (!row) return;
  row.scrollIntoView({ block: "center", behavior: "smooth" });
  row.classList.add("flash");
  setTimeout(() => row.classList.remove("flash"), 1200);
}

// profilesCache holds /api/v1/sources for a minute, the server's own
// refresh interval; a failure just leaves the track records out.
let profilesCache = null;
function outletProfiles() {
  if (!profilesCache || Date.now() - profilesCache.at > 60000) {
    profilesCache = {
      at: Date.now(),
      p: getJSON("api/v1/sources").then((r) => new Map((r.outlets || []).map((o) => [o.outlet, o])), () => new Map()),
    };
  }
  return profilesCache.p;
}

// trackRecord says how often others confirm an outlet, which is what the
// unverified flag rests on.
function trackRecord(p) {
  if (!p) return "";
  return p.incidents + " incidents, " + Math.round(100 * p.corroborated_share) + "% corroborated, " +
    Math.round(100 * p.contradicted_share) + "% contradicted";
}

function sourceList(it, profiles) {
  const srcs = it.sources || [];
  if (!srcs.length) return null;
  const ul = el("ul", { class: "sources" });
  for (const s of srcs) {
    const record = trackRecord(profiles && profiles.get((s.outlet || "").trim() || "(unknown outlet)"));
    ul.append(el("li", {}, [s.outlet || "unknown outlet", s.published, s.doc].filter(Boolean).join(" · "),
      record ? el("span", { class: "sub record" }, " — " + record) : null));
  }
  return el("section", {}, el("h3", {}, "Sources (" + srcs.length + ")"), ul);
}

// revisionList shows how the incident came to be as it is: each change
// with its time, field, old and new value and reason, newest first.
function revisionList(revs) {
  const section = el("section", { class: "revisions" }, el("h3", {}, "Revisions (" + revs.length + ")"));
  if (!revs.length) return append(section, [el("p", { class: "hint" }, "Unchanged since it was first coded.")]);
  const ul = el("ul", {});
  for (const r of [...revs].reverse()) {
    const when = r.at ? r.at.slice(0, 16).replace("T", " ") : "";
    ul.append(el("li", { dataset: { field: r.field } },
      el("span", { class: "sub" }, when + " "), el("b", {}, r.field), ": ",
      el("del", {}, r.old || "∅"), " → ", el("ins", {}, r.new || "∅"),
      r.why ? el("div", { class: "why" }, r.why) : null));
  }
  return append(section, [ul]);
}

// labelGroups gathers the spans starting at one place by their end, so
// fields read off the same words (a place name gives location, admin1,
// country, coordinates) share one label instead of a row of them.
function labelGroups(starts, evidence) {
  const byEnd = new Map();
  for (const i of starts) {
    const e = evidence[i];
    if (!byEnd.has(e.end)) byEnd.set(e.end, []);
    byEnd.get(e.end).push(e);
  }
  return [...byEnd.values()];
}

// articleView renders the clean text with evidence marks. Text goes in as
// text nodes; marks and labels are elements built here.
function articleView(a, evidence, evFields) {
  const link = safeURL(a.url);
  const head = el("h3", {}, a.title || a.source || "Article");
  const meta = el("p", { class: "sub" }, [a.outlet, a.published && a.published.time ? a.published.time.slice(0, 10) : ""].filter(Boolean).join(" · "), " ",
    link ? el("a", { href: link, rel: "noopener noreferrer nofollow", target: "_blank" }, "original") : null);
  const body = el("div", { class: "article-text" });
  for (const seg of segments(a.text || "", evidence)) {
    for (const group of labelGroups(seg.starts, evidence)) {
      const f = group[0].field;
      const all = [...new Set(group.map((e) => e.field))];
      const rules = [...new Set(group.map((e) => e.rule).filter(Boolean))];
      body.append(el("span", {
        class: "ev-label " + fieldClass(f, evFields),
        dataset: { fields: all.join(" ") },
        title: all.join(", ") + (rules.length ? "\nrule: " + rules.join(", ") : ""),
      }, all.length > 1 ? f + " +" + (all.length - 1) : f));
    }
    if (!seg.spans.length) {
      body.append(seg.text);
      continue;
    }
    const fields = [...new Set(seg.spans.map((i) => evidence[i].field))];
    body.append(el("mark", {
      class: "ev " + fieldClass(fields[0], evFields) + (fields.length > 1 ? " multi" : ""),
      dataset: { fields: fields.join(" ") },
      title: fields.join(", ") + " — click to see the coded value",
      onclick: () => showField(fields[0]),
    }, seg.text));
  }
  const dropped = (a.dropped || []).map((l) => el("li", {}, el("span", { class: "why" }, l.reason || "dropped"), " ", l.text));
  return el("article", { class: "article", dataset: { id: a.id } }, head, meta, body,
    dropped.length ? el("details", { class: "dropped" }, el("summary", {}, "Dropped by cleaning (" + dropped.length + " lines)"), el("ul", {}, dropped)) : null);
}
