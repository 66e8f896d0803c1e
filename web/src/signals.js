// The Signals panel: the series of /api/v1/trends that are signalling a
// resurgence, each with the rule that fired, when, and how strongly.
// Picking one narrows the map and the timeline to its actor and region.
import { append, clear, el } from "./dom.js";

// signalRows turns a trends summary into one row per signalling series,
// strongest first; reasons are the signals that fired within the summary's
// recent weeks, newest first. Pure, so node can test it.
export function signalRows(summary) {
  const rows = [];
  for (const s of (summary && summary.series) || []) {
    if (!s.signalling) continue;
    const reasons = [];
    for (const h of s.hdx || []) {
      if (!h.recent) continue;
      reasons.push({
        rule: "HDX",
        date: h.date,
        strength: h.previous_max > 0 ? h.sum_30d / h.previous_max : h.sum_30d,
        text: h.sum_30d + " deaths in 30 days, previous year's peak " + h.previous_max,
      });
    }
    for (const a of s.cusum || []) {
      if (!a.recent) continue;
      reasons.push({
        rule: "CUSUM",
        date: a.date,
        strength: a.rate_ratio,
        text: fmt(a.observed_rate) + " incidents/week since " + a.since + " vs " + fmt(a.baseline_rate) +
          " before (×" + fmt(a.rate_ratio) + ", S=" + fmt(a.statistic) + ")",
      });
    }
    reasons.sort((x, y) => (x.date < y.date ? 1 : x.date > y.date ? -1 : 0));
    const strength = Math.max(0, ...reasons.map((r) => r.strength));
    rows.push({ name: s.name, key: s.key || {}, incidents: s.incidents, fatalities: s.fatalities, strength, reasons });
  }
  rows.sort((x, y) => y.strength - x.strength || (x.name < y.name ? -1 : 1));
  return rows;
}

function fmt(x) {
  return Number(x || 0).toFixed(1);
}

// createSignals renders into container; pick(key) is called with the
// series key ({actor, country, admin1}) of a clicked row.
export function createSignals(container, pick) {
  let active = "";
  function render(summary) {
    const rows = signalRows(summary);
    clear(container);
    const weeks = summary && summary.weeks ? summary.weeks.length : 0;
    container.append(el("h2", {}, "Signals",
      el("span", { class: "sub" }, " " + rows.length + " of " + ((summary && summary.series_total) || 0) +
        " series resurging in the last " + ((summary && summary.params && summary.params.recent_weeks) || 0) + " weeks")));
    if (!rows.length) {
      container.append(el("p", { class: "hint" }, weeks ? "No series is signalling." : "No dated incidents to test."));
    }
    const ul = el("ul", { class: "signal-list" });
    for (const r of rows) {
      const item = el("button", {
        type: "button",
        class: "signal" + (r.name === active ? " active" : ""),
        title: "Show only " + r.name + " on the map and timeline",
        dataset: { series: r.name },
        onclick: () => {
          active = r.name;
          for (const b of ul.querySelectorAll(".signal")) b.classList.toggle("active", b === item);
          pick(r.key);
        },
      },
      el("span", { class: "signal-name" }, r.name),
      el("span", { class: "sub" }, " " + r.incidents + " incidents, " + r.fatalities + " deaths"),
      el("ul", { class: "reasons" }, r.reasons.map((x) =>
        el("li", { dataset: { rule: x.rule } }, el("b", {}, x.rule), " " + x.date + ": " + x.text))));
      ul.append(el("li", {}, item));
    }
    append(container, [ul]);
    container.dataset.ready = "true";
    container.dataset.count = String(rows.length);
  }
  return {
    render,
    failed(err) {
      clear(container).append(el("p", { class: "error" }, "Could not load signals: " + err.message));
      container.dataset.ready = "true";
    },
  };
}
