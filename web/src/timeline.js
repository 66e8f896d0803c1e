// The weekly timeline: incidents as bars, fatalities as a line on its own
// axis. Dragging across it selects a date range.
import uPlot from "uplot";
import { weekly } from "./series.js";

const WEEK = 7 * 86400;

export function createTimeline(container, onRange) {
  let plot = null;
  const opts = (width) => ({
    width,
    height: 170,
    cursor: { drag: { x: true, y: false } },
    scales: { x: { time: true }, n: {}, f: {} },
    axes: [
      {},
      { scale: "n", label: "incidents", size: 50 },
      { scale: "f", label: "fatalities", side: 1, grid: { show: false }, size: 50 },
    ],
    series: [
      { label: "week of" },
      { label: "incidents", scale: "n", stroke: "#0072b2", fill: "rgba(0,114,178,0.35)", paths: uPlot.paths.bars({ size: [0.7, 60] }) },
      { label: "fatalities", scale: "f", stroke: "#a50f15", width: 2 },
    ],
    hooks: {
      setSelect: [
        (u) => {
          if (u.select.width < 2) return;
          const a = u.posToVal(u.select.left, "x");
          const b = u.posToVal(u.select.left + u.select.width, "x");
          onRange(new Date(a * 1000), new Date((b + WEEK - 86400) * 1000));
          u.setSelect({ left: 0, width: 0, top: 0, height: 0 }, false);
        },
      ],
    },
  });
  const width = () => Math.max(300, container.clientWidth);
  new ResizeObserver(() => plot && plot.setSize({ width: width(), height: 170 })).observe(container);
  return {
    setPoints(points) {
      const data = weekly(points);
      if (plot) plot.destroy();
      plot = new uPlot(opts(width()), data, container);
      container.dataset.weeks = String(data[0].length);
    },
  };
}
