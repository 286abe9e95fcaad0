import { inUnitRange } from "../validate";
import { clear, setF, x } from "./helpers";

describe("inUnitRange", () => {
  it("accepts [0, 1] and refuses everything else", () => {
    clear();
    setF(x, [0, 1, 0.5, -0.0, 0.25, 0.75, 1, 0]);
    expect(inUnitRange(x, 8)).toBe(true);
    store<f32>(x + 4, <f32>1.0000001);
    expect(inUnitRange(x, 8)).toBe(false);
    store<f32>(x + 4, <f32>-1e-30);
    expect(inUnitRange(x, 8)).toBe(false);
    store<f32>(x + 4, <f32>NaN);
    expect(inUnitRange(x, 8)).toBe(false);
  });
});
