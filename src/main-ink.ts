// One digit in a photo: its ink is the largest cluster; specks of dirt, paper grain, what is left of a
// shadow's edge elsewhere in the frame and a desk along its side are not part of it. Found on a coarse
// grid of cells, so it costs one pass over the pixels.
import type { InkMap } from './preprocess.js';

/** The grid has about this many cells along the image's longer side. */
const CELLS = 48;
/** A cell holds ink when this share of its pixels is above the threshold (a thin line across it). */
const CELL_SHARE = 0.03;
/** Cells this many apart (Chebyshev) belong to one cluster: the separate strokes of a 4, 5 or 7 join. */
const REACH = 2;
/**
 * A cluster along half a side of the frame or more is the paper's edge (a desk, a shadow falling off the
 * sheet), not ink: another cluster comes first, unless all others are under this share of it (specks
 * beside a digit that itself runs along the edge, joined to a shadow's edge).
 */
const EDGE_SHARE = 1 / 16;

/** The map with only its largest cluster of ink (by pixels above the threshold); the input is not changed. */
export function mainInk(map: InkMap): InkMap {
  const { ink, width: w, height: h, threshold } = map;
  const c = Math.max(2, Math.ceil(Math.max(w, h) / CELLS));
  const gw = Math.ceil(w / c);
  const gh = Math.ceil(h / c);
  const counts = new Uint32Array(gw * gh);
  for (let y = 0; y < h; y++) {
    const row = ((y / c) | 0) * gw;
    for (let x = 0, i = y * w; x < w; x++, i++) if (ink[i]! > threshold) counts[row + ((x / c) | 0)]!++;
  }
  const least = Math.max(2, c * c * CELL_SHARE);
  const cluster = new Int32Array(gw * gh).fill(-1);
  const mass: number[] = [];
  const stack: number[] = [];
  for (let start = 0; start < gw * gh; start++) {
    if (counts[start]! < least || cluster[start]! >= 0) continue;
    const id = mass.length;
    mass.push(0);
    cluster[start] = id;
    stack.push(start);
    let rim = 0;
    while (stack.length) {
      const cell = stack.pop()!;
      mass[id]! += counts[cell]!;
      const cx = cell % gw;
      const cy = (cell / gw) | 0;
      if (!cx || !cy || cx === gw - 1 || cy === gh - 1) rim++;
      for (let y = Math.max(0, cy - REACH); y <= Math.min(gh - 1, cy + REACH); y++) {
        for (let x = Math.max(0, cx - REACH); x <= Math.min(gw - 1, cx + REACH); x++) {
          const n = y * gw + x;
          if (counts[n]! >= least && cluster[n]! < 0) {
            cluster[n] = id;
            stack.push(n);
          }
        }
      }
    }
    // along the frame's edge (EDGE_SHARE): its mass negative, so that any other comes first
    if (2 * rim > Math.min(gw, gh)) mass[id] = -mass[id]!;
  }
  if (mass.length < 2) return map;
  const top = Math.max(...mass);
  const edge = Math.min(...mass);
  const main = mass.indexOf(top > -edge * EDGE_SHARE ? top : edge);
  // the main cluster's cells and one more around them (the faint edges of its strokes)
  let [x0, y0, x1, y1] = [gw, gh, -1, -1];
  cluster.forEach((id, cell) => {
    if (id !== main) return;
    x0 = Math.min(x0, cell % gw);
    x1 = Math.max(x1, cell % gw);
    y0 = Math.min(y0, (cell / gw) | 0);
    y1 = Math.max(y1, (cell / gw) | 0);
  });
  const kept = new Uint8Array(ink);
  for (let y = 0; y < h; y++) {
    const gy = (y / c) | 0;
    for (let x = 0, i = y * w; x < w; x++, i++) {
      const gx = (x / c) | 0;
      const id = cluster[gy * gw + gx]!;
      if ((id >= 0 && id !== main) || gx < x0 - 1 || gx > x1 + 1 || gy < y0 - 1 || gy > y1 + 1) kept[i] = 0;
    }
  }
  return { ...map, ink: kept };
}
