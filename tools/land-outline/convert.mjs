#!/usr/bin/env node
// Converts Natural Earth's 1:50m land polygons (public domain; the TopoJSON of the world-atlas npm package)
// into the compact outline the generator draws its places map from:
//
//   cd tools/land-outline && npm install && node convert.mjs > ../../src/KropotkinSite/Maps/land-50m.txt
//
// Run it once; the data carries over, this code does not. The output has one ring per line: the first point in
// hundredths of a degree ("lon lat"), then each further point as the difference from the one before. Rings are
// simplified (Douglas-Peucker, 0.02 degrees, about 2 km) and a ring of fewer than four points is dropped: the
// generator simplifies again to what its map's scale shows.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const topology = JSON.parse(readFileSync(require.resolve('world-atlas/land-50m.json'), 'utf8'));
const TOLERANCE = 2; // hundredths of a degree

// TopoJSON arcs are delta-encoded integers; the transform turns them into degrees.
const [sx, sy] = topology.transform.scale;
const [tx, ty] = topology.transform.translate;
const arcs = topology.arcs.map(arc => {
  let x = 0, y = 0;
  return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty]; });
});

// A ring is a list of arc indexes; a negative index ~i is arc i reversed. Consecutive arcs share an end point.
function ring(indexes) {
  const points = [];
  for (const index of indexes) {
    const arc = index >= 0 ? arcs[index] : arcs[~index].slice().reverse();
    points.push(...(points.length ? arc.slice(1) : arc));
  }
  return points;
}

function simplify(points) {
  if (points.length < 4) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop();
    let far = -1, farthest = 0;
    for (let i = a + 1; i < b; i++) {
      const d = distance(points[i], points[a], points[b]);
      if (d > farthest) { farthest = d; far = i; }
    }
    if (far >= 0 && farthest > TOLERANCE) { keep[far] = 1; stack.push([a, far], [far, b]); }
  }
  // A closed ring's two ends are one point: keep the point farthest from it too, so the ring keeps an area.
  if (points.length > 3) {
    let far = 1, farthest = 0;
    for (let i = 1; i < points.length - 1; i++) {
      const d = Math.hypot(points[i][0] - points[0][0], points[i][1] - points[0][1]);
      if (d > farthest) { farthest = d; far = i; }
    }
    keep[far] = 1;
  }
  return points.filter((_, i) => keep[i]);
}

function distance([x, y], [x1, y1], [x2, y2]) {
  const dx = x2 - x1, dy = y2 - y1;
  const length = dx * dx + dy * dy;
  if (length === 0) return Math.hypot(x - x1, y - y1);
  const t = Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / length));
  return Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy));
}

const lines = [];
for (const geometry of topology.objects.land.geometries) {
  const polygons = geometry.type === 'Polygon' ? [geometry.arcs] : geometry.arcs;
  for (const polygon of polygons)
    for (const indexes of polygon) {
      const hundredths = ring(indexes).map(([lon, lat]) => [Math.round(lon * 100), Math.round(lat * 100)]);
      const points = simplify(hundredths.filter((p, i) => i === 0 || p[0] !== hundredths[i - 1][0] || p[1] !== hundredths[i - 1][1]));
      if (points.length < 4) continue;
      const parts = [`${points[0][0]} ${points[0][1]}`];
      for (let i = 1; i < points.length; i++) parts.push(`${points[i][0] - points[i - 1][0]} ${points[i][1] - points[i - 1][1]}`);
      lines.push(parts.join(' '));
    }
}
process.stdout.write('# Natural Earth 1:50m land (public domain), from world-atlas 2.0.2 by tools/land-outline/convert.mjs\n');
process.stdout.write(lines.join('\n') + '\n');
