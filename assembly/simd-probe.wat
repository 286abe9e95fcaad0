;; The SIMD feature probe (src/wasm/modules.ts validates it, never runs it). i32x4.dot_i16x8_s was one of
;; the last instructions added to the SIMD proposal: a runtime that validates it implements all of it.
(module
  (func (result v128)
    (i32x4.dot_i16x8_s
      (i8x16.splat (i32.const 0))
      (i8x16.splat (i32.const 0)))))
