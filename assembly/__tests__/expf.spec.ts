import { expf } from "../expf";

describe("expf", () => {
  it("uses an exp accurate to a few ulp on [-87, 0]", () => {
    let worst: f64 = 0;
    for (let i = 0; i <= 87000; i++) {
      const v = <f32>(-i) / 1000;
      const exact = Math.exp(<f64>v);
      const err = Math.abs(<f64>expf(v) - exact) / exact;
      if (err > worst) worst = err;
    }
    expect(worst).toBeLessThan(3e-7);
    expect(expf(0)).toBe(1);
    expect(expf(-88)).toBe(0);
  });
});
