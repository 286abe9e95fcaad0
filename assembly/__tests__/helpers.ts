// Scratch memory and float helpers shared by the kernel specs.
export const buf = memory.data(4096, 16);
export const x = buf;
export const w = buf + 512;
export const b = buf + 1536;
export const y = buf + 1792;
export const q = buf + 2048;
export const s = buf + 2304;
export const p = buf + 2560;
export const idx = buf + 3072;

export function f(ptr: usize, i: i32): f32 {
  return load<f32>(ptr + (<usize>i << 2));
}
export function setF(ptr: usize, values: f32[]): void {
  for (let i = 0; i < values.length; i++) store<f32>(ptr + (<usize>i << 2), values[i]);
}
export function clear(): void {
  memory.fill(buf, 0, 4096);
}
