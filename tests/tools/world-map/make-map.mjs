// Turns Natural Earth's 1:110m countries (public domain; the world-atlas package's TopoJSON, ISC licence) into the
// projected shapes the build draws its delegation maps with: one SVG path per country, its bounding box and a point
// to draw arcs from (the centre of its largest polygon, so France's is in France, not between it and Guiana).
// Equal Earth projection, 1000 units wide, coordinates rounded to 0.1: the build only crops and copies these, so a
// map depends on the archive alone. Keyed by ISO 3166-1 alpha-2, the code a country file gives. Each path is written
// compactly (see compact): the outlines were 43 KB of the timeline page's HTML, most of it digits repeated.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { feature } from "topojson-client";
import { geoEqualEarth, geoPath, geoArea } from "d3-geo";
import countries from "i18n-iso-countries";

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const topo = JSON.parse(readFileSync(here("node_modules/world-atlas/countries-110m.json"), "utf8"));
const world = feature(topo, topo.objects.countries);
const drawn = { type: "FeatureCollection", features: world.features.filter((f) => f.id !== "010") }; // no Antarctica
const projection = geoEqualEarth().fitWidth(1000, drawn);
const path = geoPath(projection).digits(1);
const r = (v) => Math.round(v * 10) / 10;

// A path as d3 writes it (absolute M, L and Z, to 0.1) written shorter with the same points: each ring starts with an
// absolute M, then one relative l with the steps from point to point (in tenths, so no rounding error adds up), a
// point that repeats the last left out, numbers without a leading 0 and separated only where SVG needs it.
const tenth = (t) => {
  const s = (Math.abs(t) / 10).toString().replace(/^0\./, ".");
  return t < 0 ? "-" + s : s;
};
const join = (numbers) => numbers.reduce((out, n) =>
  out === "" || n.startsWith("-") || (n.startsWith(".") && /\.\d*$/.test(out.split(/[-,]/).pop())) ? out + n : out + "," + n, "");
function compact(d) {
  return d.split("Z").filter((ring) => ring !== "").map((ring) => {
    const points = ring.replace(/^M/, "").split("L").map((p) => p.split(",").map((v) => Math.round(Number(v) * 10)));
    const steps = [];
    for (let i = 1; i < points.length; i++) {
      const dx = points[i][0] - points[i - 1][0], dy = points[i][1] - points[i - 1][1];
      if (dx !== 0 || dy !== 0) steps.push(tenth(dx), tenth(dy));
    }
    return "M" + join([tenth(points[0][0]), tenth(points[0][1])]) + (steps.length > 0 ? "l" + join(steps) : "") + "z";
  }).join("");
}

const out = [];
for (const f of drawn.features) {
  const iso = f.id === undefined ? undefined : countries.numericToAlpha2(f.id);
  if (!iso) continue; // Natural Earth's few shapes without an ISO code (Kosovo, Somaliland, Northern Cyprus)
  const polygons = f.geometry.type === "MultiPolygon" ? f.geometry.coordinates : [f.geometry.coordinates];
  const largest = polygons.map((c) => ({ type: "Polygon", coordinates: c }))
    .reduce((a, b) => (geoArea(b) > geoArea(a) ? b : a));
  const [x, y] = geoPath(projection).centroid(largest);
  const [[x0, y0], [x1, y1]] = geoPath(projection).bounds(f);
  out.push({ iso, name: f.properties.name, x: r(x), y: r(y), box: [r(x0), r(y0), r(x1), r(y1)], d: compact(path(f)) });
}
out.sort((a, b) => (a.iso < b.iso ? -1 : a.iso > b.iso ? 1 : 0));
const [[, top], [, bottom]] = geoPath(projection).bounds(drawn);
const result = {
  about: "Natural Earth 1:110m countries (public domain), via world-atlas 2.0.2 (ISC); Equal Earth projection; made by tests/tools/world-map/make-map.mjs",
  width: 1000, height: r(bottom - top + 0), countries: out,
};
writeFileSync(here("../../../src/Briefings.Core/Rendering/Charts/Map/countries.json"), JSON.stringify(result) + "\n");
console.log(`${out.length} countries, height ${result.height}`);
