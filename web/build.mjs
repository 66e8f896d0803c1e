// build.mjs bundles the dashboard into ../internal/server/dist, which the Go
// server embeds. Everything comes from node_modules: no CDN at run time.
import * as esbuild from "esbuild";
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
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
// Natural Earth 1:110m countries as TopoJSON (world-atlas), public domain:
// the world at a glance. Detail comes from the province outlines below,
// drawn for the countries that have incidents.
cpSync(join(here, "node_modules", "world-atlas", "countries-110m.json"), join(out, "countries.json"));
// Natural Earth admin-1 outlines, from the gazetteer's generated table (the
// same data sitrep uses to place points in regions); the server decodes it
// per country at /api/v1/boundaries/{country}.
const admin1 = join(here, "..", "internal", "gazetteer", "data", "admin1.tsv.gz");
if (existsSync(admin1)) cpSync(admin1, join(out, "admin1.tsv.gz"));
else console.warn("no", admin1, "- the dashboard will have no province outlines");
writeFileSync(join(out, "ATTRIBUTION.txt"),
  "Country boundaries: Natural Earth (public domain), via the world-atlas package (ISC).\n" +
  "Province boundaries: Natural Earth admin-1 (public domain), via sitrep's gazetteer (see internal/gazetteer/ATTRIBUTION.md).\n" +
  "Map library: Leaflet (BSD-2-Clause). Charts: uPlot (MIT). TopoJSON decoding: topojson-client (ISC).\n");
console.log("dashboard built into", out);
