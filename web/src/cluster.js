// Grid clustering in screen space: points that fall in the same cell of a
// cellSize-pixel grid at the current zoom are drawn as one cluster. Simple,
// stable and fast enough for tens of thousands of points.

// cluster groups items by grid cell. project maps an item to {x, y} in
// pixels (or null to leave it out). It returns groups, each with its items
// and the mean position of its members.
export function cluster(items, project, cellSize) {
  const cells = new Map();
  for (const it of items) {
    const p = project(it);
    if (!p) continue;
    const cx = Math.floor(p.x / cellSize);
    const cy = Math.floor(p.y / cellSize);
    const key = cx + ":" + cy;
    let c = cells.get(key);
    if (!c) {
      c = { items: [], sx: 0, sy: 0, cx, cy, absorbed: false };
      cells.set(key, c);
    }
    c.items.push(it);
    c.sx += p.x;
    c.sy += p.y;
  }
  mergeNeighbours(cells, cellSize * 0.6);
  const out = [];
  for (const c of cells.values()) {
    if (!c.absorbed) out.push({ items: c.items, x: c.sx / c.items.length, y: c.sy / c.items.length });
  }
  return out;
}

// mergeNeighbours joins a cell with an adjacent one whose centre lies within
// dist pixels, so two points either side of a grid line do not overlap as
// separate markers. Only the eight neighbours are looked at: linear time.
function mergeNeighbours(cells, dist) {
  const centre = (c) => [c.sx / c.items.length, c.sy / c.items.length];
  for (const c of cells.values()) {
    if (c.absorbed) continue;
    for (const [dx, dy] of [[1, 0], [0, 1], [1, 1], [-1, 1], [-1, 0], [0, -1], [-1, -1], [1, -1]]) {
      const n = cells.get(c.cx + dx + ":" + (c.cy + dy));
      if (!n || n.absorbed || n === c) continue;
      const [ax, ay] = centre(c);
      const [bx, by] = centre(n);
      if (Math.hypot(ax - bx, ay - by) < dist) {
        c.items.push(...n.items);
        c.sx += n.sx;
        c.sy += n.sy;
        n.absorbed = true;
      }
    }
  }
}

// radius sizes an incident marker by its fatalities: area grows with the
// toll, and unknown or zero tolls keep a small visible dot.
export function radius(fatalities) {
  const n = Number.isFinite(fatalities) && fatalities > 0 ? fatalities : 0;
  return Math.min(30, 5 + 2.5 * Math.sqrt(n));
}
