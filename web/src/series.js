// Pure helpers for the timeline, kept apart from uPlot so node can test them.

export const WEEK = 7 * 86400;

// weekly turns series points into uPlot columns, filling empty weeks
// with zeros so gaps read as quiet weeks, not as missing lines.
export function weekly(points) {
  if (!points.length) return [[], [], []];
  const byT = new Map();
  for (const p of points) {
    const t = Date.parse(p.period + "T00:00:00Z") / 1000;
    const cur = byT.get(t) || { n: 0, f: 0 };
    cur.n += p.incidents;
    cur.f += p.fatalities;
    byT.set(t, cur);
  }
  const ts = [...byT.keys()].sort((a, b) => a - b);
  const xs = [];
  const ns = [];
  const fs = [];
  for (let t = ts[0]; t <= ts[ts.length - 1]; t += WEEK) {
    const v = byT.get(t) || { n: 0, f: 0 };
    xs.push(t);
    ns.push(v.n);
    fs.push(v.f);
  }
  return [xs, ns, fs];
}

