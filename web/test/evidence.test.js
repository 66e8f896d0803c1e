import { test } from "node:test";
import assert from "node:assert/strict";
import { byteIndex, segments } from "../src/evidence.js";
import { cluster, radius } from "../src/cluster.js";

const enc = new TextEncoder();
const bytesOf = (s) => enc.encode(s).length;

test("byteIndex maps UTF-8 offsets to UTF-16 indices", () => {
  const text = "Près de Gao — 3 morts 😢 hier";
  const toIndex = byteIndex(text);
  for (const word of ["de", "Gao", "3", "morts", "hier"]) {
    const u = text.indexOf(word);
    assert.equal(toIndex(bytesOf(text.slice(0, u))), u, word);
  }
  assert.equal(toIndex(-5), 0);
  assert.equal(toIndex(10_000), text.length);
});

test("segments split overlapping spans and label each span once", () => {
  const text = "Gunmen killed five people in Kano.";
  const b = (w) => bytesOf(text.slice(0, text.indexOf(w)));
  const spans = [
    { start: b("killed"), end: b("killed") + bytesOf("killed five people") },
    { start: b("five"), end: b("five") + 4 },
    { start: 3, end: 3 }, // empty: ignored
  ];
  const segs = segments(text, spans);
  assert.equal(segs.map((s) => s.text).join(""), text, "segments cover the text exactly");
  const five = segs.find((s) => s.text === "five");
  assert.deepEqual(five.spans, [0, 1]);
  assert.deepEqual(five.starts, [1]);
  const starts = segs.flatMap((s) => s.starts);
  assert.deepEqual(starts.sort(), [0, 1]);
});

test("segments survive markup-like text untouched", () => {
  const text = "<img src=x onerror=alert(1)> killed";
  const segs = segments(text, [{ start: 29, end: 35 }]);
  assert.equal(segs[1].text, "killed");
  assert.equal(segs[0].text, "<img src=x onerror=alert(1)> ");
});

test("cluster groups points by cell and keeps every item", () => {
  const pts = [{ x: 1, y: 1 }, { x: 5, y: 5 }, { x: 100, y: 100 }, null];
  const groups = cluster(pts, (p) => p, 40);
  assert.equal(groups.length, 2);
  assert.equal(groups.reduce((n, g) => n + g.items.length, 0), 3);
  const across = cluster([{ x: 43, y: 10 }, { x: 46, y: 10 }, { x: 200, y: 10 }], (p) => p, 60);
  assert.equal(across.length, 2, "points either side of a grid line merge");
  assert.ok(radius(100) > radius(1) && radius(null) === 5 && radius(1e9) === 30);
});
