import { POLARITY_AUTO, POLARITY_DARK_ON_LIGHT, POLARITY_LIGHT_ON_DARK } from "../abi";
import { flatten } from "../background";
import { fit } from "../fit";
import { inkLevels, inkMap } from "../preprocess";
import { shrink } from "../shrink";
import { f } from "./helpers";

const mem = memory.data(8192, 16);
const src = mem;
const ink = mem + 1024;
const levels = mem + 2048;
const tmp = mem + 2304;
const dst = mem + 6144;

/** A w x h 1-channel image: `bg` everywhere, `fg` in the box [x0, x1] x [y0, y1]. */
function image(w: i32, h: i32, bg: u8, fg: u8, x0: i32, y0: i32, x1: i32, y1: i32): void {
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) store<u8>(src + <usize>(y * w + x), x >= x0 && x <= x1 && y >= y0 && y <= y1 ? fg : bg);
  }
}

describe("inkMap", () => {
  it("reads luminance as ink with the polarity asked, and guesses it from the border", () => {
    image(5, 5, 240, 10, 2, 1, 2, 3);
    inkMap(src, 5, 5, 1, POLARITY_DARK_ON_LIGHT, ink);
    expect(load<u8>(ink)).toBe(15);
    expect(load<u8>(ink + 7)).toBe(245);
    inkMap(src, 5, 5, 1, POLARITY_LIGHT_ON_DARK, ink);
    expect(load<u8>(ink)).toBe(240);
    // a light border: dark ink on light paper
    inkMap(src, 5, 5, 1, POLARITY_AUTO, ink);
    expect(load<u8>(ink + 7)).toBe(245);
  });

  it("reads an image with any transparent pixel by its alpha channel alone", () => {
    // 3 RGBA pixels: opaque white, transparent black, half-transparent black
    const px: u8[] = [255, 255, 255, 255, 0, 0, 0, 0, 0, 0, 0, 128];
    for (let i = 0; i < px.length; i++) store<u8>(src + <usize>i, px[i]);
    inkMap(src, 3, 1, 4, POLARITY_AUTO, ink);
    expect(load<u8>(ink)).toBe(255);
    expect(load<u8>(ink + 1)).toBe(0);
    expect(load<u8>(ink + 2)).toBe(128);
  });
});

describe("inkLevels", () => {
  it("takes the border's mean as background and the peak above it as contrast", () => {
    image(20, 20, 10, 200, 5, 5, 9, 9);
    inkMap(src, 20, 20, 1, POLARITY_LIGHT_ON_DARK, ink);
    inkLevels(ink, 20, 20, levels);
    expect(f(levels, 0)).toBe(10);
    expect(f(levels, 1)).toBe(190);
  });
});

describe("flatten", () => {
  it("takes a gradient out and keeps a stroke narrower than the window", () => {
    // a 20 x 20 ramp (x * 4) with a 2-pixel vertical stroke 100 above it at x = 9..10
    for (let y = 0; y < 20; y++) {
      for (let x = 0; x < 20; x++) store<u8>(ink + <usize>(y * 20 + x), <u8>(x * 4 + (x == 9 || x == 10 ? 100 : 0)));
    }
    flatten(ink, 20, 20, 3, tmp);
    // away from the stroke, nothing (within r of the image's edge, a clipped window follows a ramp less well); on it, the stroke's height (less the 3x3 mean's share)
    expect(load<u8>(ink + 20 * 10 + 3)).toBe(0);
    expect(load<u8>(ink + 20 * 10 + 15)).toBe(0);
    // on it: two thirds of 100 after the mean, less the few levels the ramp rises beside the stroke
    for (let x = 9; x <= 10; x++) {
      expect(load<u8>(ink + <usize>(20 * 10 + x))).toBeGreaterThanOrEqual(60);
      expect(load<u8>(ink + <usize>(20 * 10 + x))).toBeLessThanOrEqual(67);
    }
  });
});

describe("fit", () => {
  it("takes the slant away: a leaning bar comes out upright", () => {
    // a one-pixel line leaning right by one pixel per two rows (x = 10 - y / 2), rows 0-15
    memory.fill(ink, 0, 400);
    for (let y = 0; y < 16; y++) store<u8>(ink + <usize>(y * 20 + 10 - y / 2), 255);
    expect(fit(ink, 20, 20, 0, 255, 51, tmp, dst, 8, 8)).toBe(1);
    // each output row's ink is centred on the same column (leaning, it would drift by 4 columns)
    for (let v = 1; v < 7; v++) {
      let sum: f32 = 0;
      let at: f32 = 0;
      for (let u = 0; u < 8; u++) {
        sum += f(dst, v * 8 + u);
        at += f(dst, v * 8 + u) * <f32>u;
      }
      expect(Mathf.abs(at / sum - 3.5)).toBeLessThan(<f32>0.3);
    }
  });

  it("scales the ink's box to fill the output, aspect kept and centred, ink 1.0", () => {
    // a 2 x 4 box (wide 2, tall 4) of full ink in a 10 x 10 map: into 4 x 4, scaled by 1, centred
    image(10, 10, 0, 255, 3, 2, 4, 5);
    inkMap(src, 10, 10, 1, POLARITY_LIGHT_ON_DARK, ink);
    expect(fit(ink, 10, 10, 0, 255, 51, tmp, dst, 4, 4)).toBe(1);
    for (let v = 0; v < 4; v++) {
      for (let u = 0; u < 4; u++) expect(f(dst, v * 4 + u)).toBe(u == 1 || u == 2 ? <f32>1 : <f32>0);
    }
  });

  it("returns 0 when nothing rises above the background", () => {
    image(6, 6, 50, 50, 0, 0, 0, 0);
    inkMap(src, 6, 6, 1, POLARITY_LIGHT_ON_DARK, ink);
    expect(fit(ink, 6, 6, 50, 0, 50, tmp, dst, 4, 4)).toBe(0);
  });
});

describe("shrink", () => {
  it("averages each f x f block, the last ones partial, each mean rounded half up", () => {
    // 5 x 3, one channel, f = 2: blocks of 4, 4, 2 (top) and 2, 2, 1 (bottom)
    const px: u8[] = [0, 1, 2, 3, 4, 10, 11, 12, 13, 14, 100, 101, 102, 103, 104];
    for (let i = 0; i < px.length; i++) store<u8>(src + <usize>i, px[i]);
    shrink(src, 5, 3, 1, 2, dst);
    // (0+1+10+11)/4 = 5.5 -> 6, (2+3+12+13)/4 = 7.5 -> 8, (4+14)/2 = 9, (100+101)/2 = 100.5 -> 101, 102.5 -> 103, 104
    const want: u8[] = [6, 8, 9, 101, 103, 104];
    for (let i = 0; i < want.length; i++) expect(load<u8>(dst + <usize>i)).toBe(want[i]);
    // in place: each byte written after the bytes it is made of were read
    shrink(src, 5, 3, 1, 2, src);
    for (let i = 0; i < want.length; i++) expect(load<u8>(src + <usize>i)).toBe(want[i]);
  });

  it("keeps the channels apart", () => {
    // 3 x 1 RGBA, f = 3: one pixel, each channel its own mean
    const px: u8[] = [10, 0, 255, 255, 20, 0, 255, 0, 30, 3, 254, 255];
    for (let i = 0; i < px.length; i++) store<u8>(src + <usize>i, px[i]);
    shrink(src, 3, 1, 4, 3, dst);
    expect(load<u8>(dst)).toBe(20);
    expect(load<u8>(dst + 1)).toBe(1);
    expect(load<u8>(dst + 2)).toBe(255);
    expect(load<u8>(dst + 3)).toBe(170);
  });
});
