// Builds web/dist: bundles src/main.js (+ CSS) with esbuild, copies
// src/index.html and writes boundaries.geojson from the OCHA governorate
// shapefile.
//
//   node scripts/build.mjs [SHARED_DIR]
//
// SHARED_DIR (argument, else env SHARED_DIR, else ../../shared relative to
// web/) holds data/gazetteer/ocha-admin1/syr_admin1.shp and .dbf. A path
// straight to a .shp file is accepted too.
import { build } from "esbuild";
import * as shapefile from "shapefile";
import { copyFile, mkdir, rm, stat, writeFile, readdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.join(web, "dist");
const src = path.join(web, "src");

function shapefilePath() {
  const given = process.argv[2] || process.env.SHARED_DIR || path.join(web, "..", "..", "shared");
  const resolved = path.resolve(given);
  if (resolved.endsWith(".shp")) return resolved;
  return path.join(resolved, "data", "gazetteer", "ocha-admin1", "syr_admin1.shp");
}

const round = (v) => Math.round(v * 1e4) / 1e4;

// Squared distance from p to the segment a-b (degrees; fine at this scale).
function segmentDistance2(p, a, b) {
  let [x, y] = a;
  let dx = b[0] - x;
  let dy = b[1] - y;
  if (dx !== 0 || dy !== 0) {
    const t = ((p[0] - x) * dx + (p[1] - y) * dy) / (dx * dx + dy * dy);
    if (t > 1) [x, y] = b;
    else if (t > 0) {
      x += dx * t;
      y += dy * t;
    }
  }
  dx = p[0] - x;
  dy = p[1] - y;
  return dx * dx + dy * dy;
}

// Douglas-Peucker on one ring, keeping its first and last point.
function simplifyRing(points, tolerance) {
  if (points.length <= 4) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  const t2 = tolerance * tolerance;
  while (stack.length) {
    const [first, last] = stack.pop();
    let max = 0;
    let index = -1;
    for (let i = first + 1; i < last; i++) {
      const d = segmentDistance2(points[i], points[first], points[last]);
      if (d > max) {
        max = d;
        index = i;
      }
    }
    if (index >= 0 && max > t2) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  const out = points.filter((_, i) => keep[i]);
  return out.length >= 4 ? out : points;
}

// Rounds to 4 decimals, drops repeated points, then simplifies lightly.
function cleanRing(ring, tolerance) {
  const out = [];
  for (const [x, y] of ring) {
    const p = [round(x), round(y)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return simplifyRing(out, tolerance);
}

function cleanGeometry(geometry, tolerance) {
  if (!geometry) return null;
  if (geometry.type === "Polygon")
    return { type: "Polygon", coordinates: geometry.coordinates.map((r) => cleanRing(r, tolerance)) };
  if (geometry.type === "MultiPolygon")
    return {
      type: "MultiPolygon",
      coordinates: geometry.coordinates.map((poly) => poly.map((r) => cleanRing(r, tolerance))),
    };
  return geometry;
}

async function writeBoundaries() {
  const shp = shapefilePath();
  const dbf = shp.replace(/\.shp$/, ".dbf");
  if (!existsSync(shp) || !existsSync(dbf)) {
    throw new Error(`governorate shapefile not found: ${shp} (and .dbf beside it); ` +
      "pass the shared folder as an argument or set SHARED_DIR");
  }
  const tolerance = Number(process.env.SIMPLIFY_TOLERANCE ?? 0.0005);
  const source = await shapefile.read(shp, dbf, { encoding: "utf-8" });
  const features = source.features.map((f) => ({
    type: "Feature",
    properties: {
      name_en: f.properties.NAME_EN ?? f.properties.ADM1_EN ?? "",
      name_ar: f.properties.NAME_AR ?? f.properties.ADM1_AR ?? "",
      pcode: f.properties.PCODE ?? f.properties.ADM1_PCODE ?? "",
    },
    geometry: cleanGeometry(f.geometry, tolerance),
  }));
  const out = { type: "FeatureCollection", source: "OCHA COD-AB Syria admin1", features };
  await writeFile(path.join(dist, "boundaries.geojson"), JSON.stringify(out));
  return features.length;
}

async function main() {
  await rm(dist, { recursive: true, force: true });
  await mkdir(dist, { recursive: true });
  await build({
    entryPoints: { app: path.join(src, "main.js") },
    bundle: true,
    minify: true,
    format: "iife",
    target: ["es2020"],
    outdir: dist,
    loader: { ".png": "file", ".svg": "file" },
    assetNames: "assets/[name]-[hash]",
    legalComments: "linked",
    logLevel: "warning",
  });
  await copyFile(path.join(src, "index.html"), path.join(dist, "index.html"));
  const governorates = await writeBoundaries();
  const files = [];
  async function walk(dir) {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else files.push([path.relative(web, full), (await stat(full)).size]);
    }
  }
  await walk(dist);
  for (const [name, size] of files) console.log(`${name.padEnd(44)} ${(size / 1024).toFixed(1).padStart(8)} kB`);
  console.log(`built web/dist (${governorates} governorates in boundaries.geojson)`);
}

main().catch((error) => {
  console.error(`build failed: ${error.message}`);
  process.exit(1);
});
