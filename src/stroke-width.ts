// How wide a drawing's strokes are, in pixels: the median length of the runs of ink along rows and
// columns. A stroke crossed at any angle gives many short runs (about its width) and few long ones.

/** The median run of pixels above `threshold` along rows and columns; 0 when there is no ink. */
export function strokeWidth(ink: Uint8Array, w: number, h: number, threshold: number): number {
  const runs = new Uint32Array(Math.max(w, h) + 1);
  let count = 0;
  const scan = (start: number, step: number, n: number) => {
    let run = 0;
    for (let i = 0, p = start; i <= n; i++, p += step) {
      if (i < n && ink[p]! > threshold) run++;
      else if (run) {
        runs[run]!++;
        count++;
        run = 0;
      }
    }
  };
  for (let y = 0; y < h; y++) scan(y * w, 1, w);
  for (let x = 0; x < w; x++) scan(x, w, h);
  let acc = 0;
  for (let len = 1; len < runs.length; len++) if ((acc += runs[len]!) * 2 >= count) return len;
  return 0;
}
