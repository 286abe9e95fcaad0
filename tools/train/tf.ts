// TF.js for the training scripts: @tensorflow/tfjs-node when it is installed (an optional peer: it
// downloads libtensorflow at install time), else @tensorflow/tfjs with the wasm backend, else cpu.
export type Tf = typeof import('@tensorflow/tfjs');

export async function loadTf(backend: 'auto' | 'wasm' | 'cpu' = 'auto'): Promise<{ tf: Tf; backend: string }> {
  if (backend === 'auto') {
    const nodeBinding = '@tensorflow/tfjs-node';
    try {
      const tf = (await import(nodeBinding)) as Tf;
      return { tf, backend: tf.getBackend() };
    } catch {
      // not installed: fall back to the wasm backend
    }
  }
  const tf = await import('@tensorflow/tfjs');
  if (backend !== 'cpu') {
    await import('@tensorflow/tfjs-backend-wasm');
    if (await tf.setBackend('wasm')) return { tf, backend: 'wasm' };
  }
  await tf.setBackend('cpu');
  return { tf, backend: 'cpu' };
}
