import { test } from "node:test";
import assert from "node:assert/strict";
import { weekly, WEEK } from "../src/series.js";

test("weekly fills quiet weeks with zeros and sums split keys", () => {
  const [xs, ns, fs] = weekly([
    { period: "2024-03-04", key: "Battles", incidents: 2, fatalities: 7 },
    { period: "2024-03-04", key: "Riots", incidents: 1, fatalities: 0 },
    { period: "2024-03-25", incidents: 1, fatalities: 3 },
  ]);
  assert.equal(xs.length, 4);
  assert.equal(xs[1] - xs[0], WEEK);
  assert.deepEqual(ns, [3, 0, 0, 1]);
  assert.deepEqual(fs, [7, 0, 0, 3]);
});

test("weekly of nothing is three empty columns", () => {
  assert.deepEqual(weekly([]), [[], [], []]);
});
