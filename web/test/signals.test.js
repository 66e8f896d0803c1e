import { test } from "node:test";
import assert from "node:assert/strict";
import { signalRows } from "../src/signals.js";

test("signalRows keeps signalling series, recent signals only, strongest first", () => {
  const rows = signalRows({
    series: [
      { name: "calm", signalling: false, hdx: [], cusum: [] },
      {
        name: "Group A | Iraq / Diyala", key: { actor: "Group A", country: "Iraq", admin1: "Diyala" }, signalling: true,
        incidents: 40, fatalities: 90,
        hdx: [{ date: "2023-01-10", recent: false, sum_30d: 50, previous_max: 10 },
              { date: "2024-05-02", recent: true, sum_30d: 30, previous_max: 12 }],
        cusum: [{ date: "2024-05-06", since: "2024-04-15", recent: true, rate_ratio: 3.2, statistic: 6.1, observed_rate: 4, baseline_rate: 1.25 }],
      },
      {
        name: "Group B | Syria", key: { actor: "Group B", country: "Syria" }, signalling: true, incidents: 9, fatalities: 3,
        cusum: [{ date: "2024-05-13", since: "2024-05-06", recent: true, rate_ratio: 1.9, statistic: 5.2, observed_rate: 3, baseline_rate: 1.6 }],
      },
    ],
  });
  assert.deepEqual(rows.map((r) => r.name), ["Group A | Iraq / Diyala", "Group B | Syria"]);
  const a = rows[0];
  assert.deepEqual(a.reasons.map((r) => [r.rule, r.date]), [["CUSUM", "2024-05-06"], ["HDX", "2024-05-02"]]);
  assert.equal(a.strength, 3.2);
  assert.equal(a.key.admin1, "Diyala");
  assert.match(a.reasons[1].text, /30 deaths in 30 days, previous year's peak 12/);
  assert.match(a.reasons[0].text, /4\.0 incidents\/week since 2024-04-15 vs 1\.3 before/);
});

test("signalRows of an empty or missing summary is empty", () => {
  assert.deepEqual(signalRows({ series: [] }), []);
  assert.deepEqual(signalRows(null), []);
});
