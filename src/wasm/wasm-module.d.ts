// A .wasm file imported as a module (workerd, wrangler): the runtime hands over the compiled module.
declare module '*.wasm' {
  const module: WebAssembly.Module;
  export default module;
}
