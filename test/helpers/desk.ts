// A photographed sheet with the desk showing beside it: a dark, textured band a ninth of the image's
// height (below) or width (right) added to an RGBA photo, the photo itself untouched.
import type { ImageLike } from '../../src/index.js';

export function withDesk(image: ImageLike, side: 'bottom' | 'right'): ImageLike {
  const { width: w0, height: h0 } = image;
  const [w, h] = side === 'right' ? [w0 + Math.round(w0 / 9), h0] : [w0, h0 + Math.round(h0 / 9)];
  const data = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const desk = [30 + ((x * 7 + y * 13) % 11), 25, 20, 255];
      data.set(x < w0 && y < h0 ? image.data.subarray((y * w0 + x) * 4, (y * w0 + x + 1) * 4) : desk, (y * w + x) * 4);
    }
  }
  return { data, width: w, height: h };
}
