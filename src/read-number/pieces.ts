// Cuts the ink of a row of handwritten digits into pieces, left to right; grouping.ts groups the pieces
// into digits.
import type { InkMap } from '../preprocess.js';

/** Components overlapping horizontally by this share of the narrower one are stacked parts of one digit. */
const STACKED_OVERLAP = 0.7;
/** Components at least this wide (share of the line height) may be touching digits: they are cut into slices. */
const CUT_WIDTH = 0.6;
/** Cuts stay this far (share of the line height) from a component's ends. */
const CUT_MARGIN = 0.2;
/**
 * Cuts are this far apart (share of the line height), so that wherever two digits meet a cut is near;
 * grouping puts the slices of one digit back together (docs/reading-numbers.md).
 */
const CUT_STEP = 0.1;
/** How far (share of the line height) a seam may stray from its cut column. */
const SEAM_REACH = 0.1;
/** At most this many pieces in all: on a long scribble, cuts are spread further apart. */
export const MAX_PIECES = 480;
/**
 * At most this many components are read (the largest): a row of about 40 digits, broken into two or
 * three pieces each. It bounds the work on noise: a long noisy strip has thousands of specks.
 */
export const MAX_COMPONENTS = 96;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The ink of a piece, or of a group of consecutive pieces: its bounding box and the components (ids in
 * `componentOf`) it takes pixels from.
 */
export interface InkRegion {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  components: number[];
  area: number;
  /** True when this piece was cut from the component on its left (not separated by a gap). */
  cutBefore?: boolean;
}

/**
 * 8-connected components of the ink pixels: a component id per pixel (0 = background) and their extents.
 * A component along half a side of the frame or more (a desk beside the sheet, a shadow falling off it)
 * is the paper's edge: its pixels keep an id of their own, but it is not among the regions.
 */
function components(map: InkMap): { componentOf: Int32Array; regions: InkRegion[]; ids: number } {
  const { ink, width: w, height: h, threshold: t } = map;
  const componentOf = new Int32Array(w * h);
  const regions: InkRegion[] = [];
  const stack: number[] = [];
  let id = 0;
  for (let start = 0; start < w * h; start++) {
    if (componentOf[start] !== 0 || ink[start]! <= t) continue;
    const s: InkRegion = { x0: w, x1: -1, y0: h, y1: -1, components: [++id], area: 0 };
    let rim = 0;
    componentOf[start] = id;
    stack.push(start);
    while (stack.length) {
      const p = stack.pop()!;
      const x = p % w;
      const y = (p - x) / w;
      s.area++;
      if (!x || !y || x === w - 1 || y === h - 1) rim++;
      s.x0 = Math.min(s.x0, x);
      s.x1 = Math.max(s.x1, x);
      s.y0 = Math.min(s.y0, y);
      s.y1 = Math.max(s.y1, y);
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          const yy = y + dy;
          if (xx < 0 || xx >= w || yy < 0 || yy >= h) continue;
          const q = yy * w + xx;
          if (componentOf[q] === 0 && ink[q]! > t) {
            componentOf[q] = id;
            stack.push(q);
          }
        }
      }
    }
    if (2 * rim <= Math.min(w, h)) regions.push(s);
  }
  return { componentOf, regions, ids: id };
}

function merge(a: InkRegion, b: InkRegion): InkRegion {
  return { x0: Math.min(a.x0, b.x0), x1: Math.max(a.x1, b.x1), y0: Math.min(a.y0, b.y0), y1: Math.max(a.y1, b.y1), components: [...a.components, ...b.components], area: a.area + b.area };
}

/**
 * The pieces of ink of a row, left to right, for {@link bestGrouping} to group: connected components with
 * specks dropped, components stacked over each other merged, and components wide enough to be touching
 * digits cut into slices (grouping puts the slices of one digit back together). A cut piece's pixels are
 * relabelled (`componentOf`), so that every piece is its own component.
 */
export function inkPieces(map: InkMap): { componentOf: Int32Array; pieces: InkRegion[]; lineHeight: number } {
  const { componentOf, regions: found, ids } = components(map);
  if (found.length === 0) return { componentOf, pieces: [], lineHeight: 0 };
  const maxArea = Math.max(...found.map((s) => s.area));
  const maxHeight = Math.max(...found.map((s) => s.y1 - s.y0 + 1));
  const big = (s: InkRegion) => s.area >= 0.02 * maxArea || s.y1 - s.y0 + 1 >= 0.3 * maxHeight;
  // the row's band: from the top to the bottom of the components at least half as tall as the tallest; a
  // speck wholly above or below it is not part of the row (merged with the digit under it as a stacked
  // part, it would make the line height the photo's)
  const tall = found.filter((s) => s.y1 - s.y0 + 1 >= 0.5 * maxHeight);
  const bandTop = Math.min(...tall.map((s) => s.y0));
  const bandBottom = Math.max(...tall.map((s) => s.y1));
  let segs = found
    .filter((s) => big(s) && s.y1 >= bandTop && s.y0 <= bandBottom)
    .sort((a, b) => b.area - a.area)
    .slice(0, MAX_COMPONENTS)
    .sort((a, b) => a.x0 - b.x0);
  for (let merged = true; merged; ) {
    merged = false;
    outer: for (let i = 0; i < segs.length; i++) {
      for (let j = i + 1; j < segs.length; j++) {
        const a = segs[i]!;
        const b = segs[j]!;
        const overlap = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) + 1;
        if (overlap >= STACKED_OVERLAP * Math.min(a.x1 - a.x0 + 1, b.x1 - b.x0 + 1)) {
          segs = [...segs.slice(0, i), merge(a, b), ...segs.slice(i + 1, j), ...segs.slice(j + 1)];
          merged = true;
          break outer;
        }
      }
    }
  }
  const lineHeight = Math.max(...segs.map((s) => s.y1 - s.y0 + 1));
  const margin = Math.max(2, Math.round(CUT_MARGIN * lineHeight));
  const cutSpan = (s: InkRegion) => (s.x1 - s.x0 + 1 >= CUT_WIDTH * lineHeight ? Math.max(0, s.x1 - s.x0 + 2 - 2 * margin) : 0);
  const spans = segs.reduce((sum, s) => sum + cutSpan(s), 0);
  // every component adds at most one piece more than its cuts: 2 * segs.length keeps the total within MAX_PIECES
  const step = Math.max(1, Math.round(CUT_STEP * lineHeight), Math.ceil(spans / (MAX_PIECES - 2 * segs.length)));
  const pieces: InkRegion[] = [];
  let nextId = ids + 1;
  for (const s of segs) {
    const cuts: number[] = [];
    if (cutSpan(s) > 0) for (let x = s.x0 + margin; x <= s.x1 + 1 - margin; x += step) cuts.push(x);
    if (cuts.length === 0) {
      pieces.push(s);
      continue;
    }
    pieces.push(...cutAlongSeams(map, componentOf, s, cuts, nextId, lineHeight));
    nextId += cuts.length + 1;
  }
  return { componentOf, pieces, lineHeight };
}

/**
 * Cuts a component into pieces along seams: from its top row to its bottom one, each seam follows the
 * least ink within SEAM_REACH of its cut column, so that digits whose ink overlaps by a column or two
 * (a 7's bar over the next digit) are parted between their strokes rather than through them. The
 * pieces' pixels get component ids of their own (from `firstId` on), so that each piece is a component.
 */
function cutAlongSeams(map: InkMap, componentOf: Int32Array, s: InkRegion, cuts: number[], firstId: number, lineHeight: number): InkRegion[] {
  const own = new Set(s.components);
  const reach = Math.max(1, Math.round(SEAM_REACH * lineHeight));
  const rows = s.y1 - s.y0 + 1;
  const seams = cuts.map((c) => inkSeam(map, componentOf, own, s, c, reach));
  for (let k = 1; k < seams.length; k++) for (let y = 0; y < rows; y++) seams[k]![y] = Math.max(seams[k]![y]!, seams[k - 1]![y]! + 1);
  const parts: InkRegion[] = cuts.concat(0).map((_, k) => ({ x0: map.width, x1: -1, y0: map.height, y1: -1, components: [firstId + k], area: 0, cutBefore: k > 0 }));
  for (let y = s.y0; y <= s.y1; y++) {
    for (let x = s.x0; x <= s.x1; x++) {
      const p = y * map.width + x;
      if (!own.has(componentOf[p]!)) continue;
      let k = 0;
      while (k < seams.length && x >= seams[k]![y - s.y0]!) k++;
      const part = parts[k]!;
      componentOf[p] = part.components[0]!;
      part.area++;
      part.x0 = Math.min(part.x0, x);
      part.x1 = Math.max(part.x1, x);
      part.y0 = Math.min(part.y0, y);
      part.y1 = Math.max(part.y1, y);
    }
  }
  const kept = parts.filter((part) => part.area > 0);
  kept[0]!.cutBefore = false;
  return kept;
}

/**
 * The seam of least ink through a component near column `c`: for each row, the column where the right
 * piece begins, moving at most one column from row to row and at most `reach` from `c`.
 */
function inkSeam(map: InkMap, componentOf: Int32Array, own: Set<number>, s: InkRegion, c: number, reach: number): Int32Array {
  const rows = s.y1 - s.y0 + 1;
  const span = 2 * reach + 1;
  // cost[(y + 1) * span + i]: the least ink of a seam from the top row to column c - reach + i of row y
  const cost = new Float64Array((rows + 1) * span);
  const cheapest = (y: number, i: number) => {
    let best = i;
    for (const j of [i - 1, i + 1]) if (j >= 0 && j < span && cost[y * span + j]! < cost[y * span + best]!) best = j;
    return best;
  };
  for (let y = 0; y < rows; y++) {
    for (let i = 0; i < span; i++) {
      const x = c - reach + i;
      const p = (s.y0 + y) * map.width + x;
      // the seam column's pixel goes right; a little cost for leaving the cut column keeps seams straight in blank rows
      const here = (x >= s.x0 && x <= s.x1 && own.has(componentOf[p]!) ? map.ink[p]! - map.background : 0) + 0.01 * Math.abs(i - reach);
      cost[(y + 1) * span + i] = cost[y * span + cheapest(y, i)]! + here;
    }
  }
  const seam = new Int32Array(rows);
  let i = 0;
  for (let j = 1; j < span; j++) if (cost[rows * span + j]! < cost[rows * span + i]!) i = j;
  for (let y = rows - 1; y >= 0; y--) {
    seam[y] = c - reach + i;
    i = cheapest(y, i);
  }
  return seam;
}

/** The union of consecutive pieces. */
export function joinPieces(pieces: InkRegion[]): InkRegion {
  return pieces.reduce(merge);
}

/**
 * A map's ink pixels row by row, as runs of one component (`componentOf` as {@link inkPieces} left it):
 * for each row, the runs' first and last columns and component ids, three numbers a run.
 */
export function inkRuns(componentOf: Int32Array, width: number, height: number): number[][] {
  const rows: number[][] = [];
  for (let y = 0, p = 0; y < height; y++) {
    const runs: number[] = [];
    for (let x = 0; x < width; x++, p++) {
      const c = componentOf[p]!;
      if (c && x && componentOf[p - 1] === c) runs[runs.length - 2] = x;
      else if (c) runs.push(x, x, c);
    }
    rows.push(runs);
  }
  return rows;
}

/**
 * The ink of one region, as an ink map of its box: its own components and the faint pixels below the
 * ink threshold (a stroke's anti-aliased edge); other digits' pixels reaching into the box are dropped.
 * `rowRuns`: the map's {@link inkRuns}.
 */
export function regionInk(map: InkMap, rowRuns: number[][], s: InkRegion): InkMap {
  const kept = new Set(s.components);
  const w = s.x1 - s.x0 + 1;
  const h = s.y1 - s.y0 + 1;
  const background = Math.round(map.background);
  const ink = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    // the box's row as it is, then the other components' runs in it blanked
    const row = (s.y0 + y) * map.width + s.x0;
    ink.set(map.ink.subarray(row, row + w), y * w);
    const runs = rowRuns[s.y0 + y]!;
    for (let r = 0; r < runs.length; r += 3) {
      if (kept.has(runs[r + 2]!)) continue;
      const a = Math.max(runs[r]!, s.x0);
      const b = Math.min(runs[r + 1]!, s.x1);
      if (a <= b) ink.fill(background, y * w + a - s.x0, y * w + b - s.x0 + 1);
    }
  }
  return { ink, width: w, height: h, background: map.background, contrast: map.contrast, threshold: map.threshold, evened: map.evened, scale: map.scale, backgroundRadius: map.backgroundRadius };
}
