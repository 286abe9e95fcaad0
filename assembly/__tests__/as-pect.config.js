// as-pect runs the kernel specs twice (npm run test:kernels): with --as-config simd.asconfig.json and scalar.asconfig.json.
export default {
  entries: ['assembly/__tests__/**/*.spec.ts'],
  include: [],
  disclude: [/node_modules/],
  async instantiate(memory, createImports, instantiate, binary) {
    return instantiate(binary, createImports({ env: { memory } }));
  },
  outputBinary: false,
};
