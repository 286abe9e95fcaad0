// Large images and photos' ink maps are shrunk by the preprocessing module (assembly/shrink.ts), large
// images a band of rows at a time: the same pixels as the plain JavaScript reference, in place too.
import { describe, expect, it } from 'vitest';
import { inkMapOf } from '../src/preprocess.js';
import { WORK_SIDE } from '../src/shrink.js';
import type { PreprocessExports } from '../src/wasm/abi.js';
import { compilePreprocessSync, instantiateSync } from '../src/wasm/modules.js';
import { rng } from '../tools/shared/rng.js';
import { referenceShrink } from './helpers/reference-shrink.js';

const k = instantiateSync<PreprocessExports>(compilePreprocessSync());
k.memory.grow(4);
const bytes = (at: number, n: number) => new Uint8Array(k.memory.buffer, at, n);

describe('shrink', () => {
  it('averages each channel over whole and partial blocks as the reference does, into another place or in place', () => {
    const rand = rng(7);
    const src = (k.heapBase() + 15) & ~15;
    const dst = src + 65536;
    for (let t = 0; t < 300; t++) {
      const [w, h, c, f] = [1 + Math.floor(rand() * 60), 1 + Math.floor(rand() * 60), [1, 3, 4][t % 3]!, 1 + Math.floor(rand() * 9)];
      // noise, or two levels only (a mean of exactly .5 must round up, as Math.round does)
      const data = Uint8Array.from({ length: w * h * c }, () => (t % 2 ? Math.floor(rand() * 256) : rand() < 0.5 ? 0 : 255));
      const want = referenceShrink({ data, width: w, height: h, channels: c }, f).data;
      bytes(src, data.length).set(data);
      k.shrink(src, w, h, c, f, dst);
      expect(bytes(dst, want.length), `${w}x${h}x${c} / ${f}`).toEqual(want);
      k.shrink(src, w, h, c, f, src);
      expect(bytes(src, want.length), `${w}x${h}x${c} / ${f} in place`).toEqual(want);
    }
  });

  it('reads a large image as its reference-shrunk copy, whatever its channels and however its rows fall into bands', () => {
    const rand = rng(11);
    for (const [w, h, c] of [[2100, 1502, 4], [3001, 1100, 3], [1030, 2051, 1]] as const) {
      // dark strokes (a box's edges) on a light, uneven background; RGBA with transparency around them
      const data = new Uint8Array(w * h * c);
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++) {
          const stroke = (Math.abs(x - w / 2) < w / 5 && Math.abs(y - h / 2) < h / 5) !== (Math.abs(x - w / 2) < w / 6 && Math.abs(y - h / 2) < h / 6);
          for (let j = 0; j < c; j++) data[(y * w + x) * c + j] = j === 3 ? (stroke ? 255 : Math.floor(rand() * 40)) : stroke ? 30 : 200 + Math.floor(rand() * 40);
        }
      }
      const scale = Math.ceil(Math.max(w, h) / WORK_SIDE);
      const small = referenceShrink({ data, width: w, height: h, channels: c }, scale);
      const map = inkMapOf({ data, width: w, height: h, channels: c });
      const want = inkMapOf({ data: small.data, width: small.width, height: small.height, channels: c });
      expect(map.scale, `${w}x${h}x${c}`).toBe(want.scale * scale);
      expect(map.ink, `${w}x${h}x${c}`).toEqual(want.ink);
    }
  });
});
