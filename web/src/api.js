// Client for sitrep's JSON API; errors arrive in one shape and become
// Error objects with the server's message.

export async function getJSON(path, params) {
  const url = params && [...params].length ? path + "?" + params.toString() : path;
  const res = await fetch(url, { headers: { Accept: "application/json" } });
  let body = null;
  try {
    body = await res.json();
  } catch {
    // Not JSON: fall through to the status text.
  }
  if (!res.ok) {
    const msg = body && body.error ? body.error.message : res.statusText;
    const err = new Error(msg + " (" + res.status + ")");
    err.status = res.status;
    err.detail = msg;
    throw err;
  }
  return body;
}

// FILTERS are the query parameters the dashboard's form sets; names are
// the API's.
export const FILTERS = ["from", "to", "country", "admin1", "actor", "event_type", "min_fatalities", "q"];

// filterParams reads the form into URLSearchParams, leaving out blanks.
export function filterParams(form) {
  const p = new URLSearchParams();
  const data = new FormData(form);
  for (const k of FILTERS) {
    const v = String(data.get(k) || "").trim();
    if (v) p.set(k, v);
  }
  return p;
}

// loadIncidents pages through /api/v1/incidents, newest first, up to max
// incidents.
export async function loadIncidents(params, max) {
  const out = [];
  let cursor = "";
  for (;;) {
    const p = new URLSearchParams(params);
    p.set("limit", "1000");
    p.set("sort", "-event_date");
    p.set("view", "summary");
    if (cursor) p.set("cursor", cursor);
    const page = await getJSON("api/v1/incidents", p);
    out.push(...page.incidents);
    if (!page.next || out.length >= max) return { incidents: out.slice(0, max), truncated: !!page.next };
    cursor = page.next;
  }
}
