// build.mjs bundles the dashboard into ../internal/server/dist, which the Go
// server embeds. Everything comes from node_modules: no CDN at run time.
import * as esbuild from "esbuild";
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "internal", "server", "dist");

mkdirSync(out, { recursive: true });
for (const name of readdirSync(out)) {
  if (name !== ".gitkeep") rmSync(join(out, name), { recursive: true, force: true });
}

await esbuild.build({
  entryPoints: { app: join(here, "src", "main.js") },
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020"],
  outdir: out,
  loader: { ".png": "dataurl", ".svg": "dataurl" },
  legalComments: "linked",
  logLevel: "warning",
});

cpSync(join(here, "src", "index.html"), join(out, "index.html"));
// Natural Earth 1:50m countries as TopoJSON (world-atlas), public domain.
cpSync(join(here, "node_modules", "world-atlas", "countries-50m.json"), join(out, "countries.json"));
writeFileSync(join(out, "ATTRIBUTION.txt"),
  "Country boundaries: Natural Earth (public domain), via the world-atlas package (ISC).\n" +
  "Map library: Leaflet (BSD-2-Clause). Charts: uPlot (MIT). TopoJSON decoding: topojson-client (ISC).\n");
console.log("dashboard built into", out);
