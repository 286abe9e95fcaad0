import { POLARITY_AUTO, POLARITY_DARK_ON_LIGHT, POLARITY_LIGHT_ON_DARK } from "../abi";
import { fit, inkLevels, inkMap } from "../preprocess";
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

describe("fit", () => {
  it("scales the ink's box to fill the output, aspect kept and centred, ink 1.0", () => {
    // a 2 x 4 box (wide 2, tall 4) of full ink in a 10 x 10 map: into 4 x 4, scaled by 1, centred
    image(10, 10, 0, 255, 3, 2, 4, 5);
    inkMap(src, 10, 10, 1, POLARITY_LIGHT_ON_DARK, ink);
    expect(fit(ink, 10, 10, 0, 255, tmp, dst, 4, 4)).toBe(1);
    for (let v = 0; v < 4; v++) {
      for (let u = 0; u < 4; u++) expect(f(dst, v * 4 + u)).toBe(u == 1 || u == 2 ? <f32>1 : <f32>0);
    }
  });

  it("returns 0 when nothing rises above the background", () => {
    image(6, 6, 50, 50, 0, 0, 0, 0);
    inkMap(src, 6, 6, 1, POLARITY_LIGHT_ON_DARK, ink);
    expect(fit(ink, 6, 6, 50, 0, tmp, dst, 4, 4)).toBe(0);
  });
});
