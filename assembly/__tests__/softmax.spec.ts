import { STATUS_NOT_FINITE } from "../abi";
import { softmax } from "../softmax";
import { clear, f, p, setF, y } from "./helpers";

describe("softmax", () => {
  it("gives equal probabilities for equal logits", () => {
    clear();
    setF(p, [3, 3, 3, 3, 3, 3, 3, 3, 3, 3]);
    expect(softmax(p, 10, y)).toBe(0);
    for (let k = 0; k < 10; k++) expect(f(y, k)).toBe(<f32>0.1);
  });

  it("is stable for huge logits", () => {
    clear();
    setF(p, [1e30, -1e30, 88, 1e30 - 1]);
    const arg = softmax(p, 3, y);
    expect(arg).toBe(0);
    expect(f(y, 0)).toBe(1);
    expect(f(y, 1)).toBe(0);
    expect(f(y, 2)).toBe(0);
    setF(p, [1000, 1000 + 1, 999]);
    expect(softmax(p, 3, y)).toBe(1);
    const sum = f(y, 0) + f(y, 1) + f(y, 2);
    expect(Math.abs(sum - 1)).toBeLessThan(1e-6);
    expect(Math.abs(f(y, 1) - 0.6652409557748219)).toBeLessThan(1e-6);
  });

  it("refuses NaN and infinite logits", () => {
    clear();
    setF(p, [1, NaN, 2]);
    expect(softmax(p, 3, y)).toBe(STATUS_NOT_FINITE);
    setF(p, [Infinity, 1, 2]);
    expect(softmax(p, 3, y)).toBe(STATUS_NOT_FINITE);
  });
});
