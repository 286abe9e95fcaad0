// A dense tinydigit model as an ONNX file (opset 13: Gemm, Relu, Softmax), for the comparison benchmark.
// ONNX files are protocol buffers; this writes the few messages needed by hand (field numbers from
// onnx.proto), so no protobuf tool is needed.
import type { Model } from '../../src/model/model.js';

type Field = [number, 'varint', number] | [number, 'bytes', Uint8Array | string];

function varint(n: number): number[] {
  const out: number[] = [];
  let v = BigInt(n);
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v) b |= 0x80;
    out.push(b);
  } while (v);
  return out;
}

function message(fields: Field[]): Uint8Array {
  const parts: number[] = [];
  for (const [num, kind, value] of fields) {
    if (kind === 'varint') parts.push(...varint(num << 3), ...varint(value));
    else {
      const bytes = typeof value === 'string' ? new TextEncoder().encode(value) : value;
      parts.push(...varint((num << 3) | 2), ...varint(bytes.length));
      for (const b of bytes) parts.push(b);
    }
  }
  return Uint8Array.from(parts);
}

const FLOAT = 1;

function tensor(name: string, dims: number[], values: Float32Array): Uint8Array {
  return message([...dims.map((d): Field => [1, 'varint', d]), [2, 'varint', FLOAT], [8, 'bytes', name], [9, 'bytes', new Uint8Array(values.buffer, values.byteOffset, values.byteLength)]]);
}

function node(op: string, inputs: string[], output: string, attributes: Uint8Array[] = []): Uint8Array {
  return message([...inputs.map((i): Field => [1, 'bytes', i]), [2, 'bytes', output], [3, 'bytes', output], [4, 'bytes', op], ...attributes.map((a): Field => [5, 'bytes', a])]);
}

/** A [batch, size] float tensor's type, the batch dimension symbolic. */
function valueInfo(name: string, size: number): Uint8Array {
  const shape = message([
    [1, 'bytes', message([[2, 'bytes', 'batch']])],
    [1, 'bytes', message([[1, 'varint', size]])],
  ]);
  const tensorType = message([[1, 'varint', FLOAT], [2, 'bytes', shape]]);
  return message([[1, 'bytes', name], [2, 'bytes', message([[1, 'bytes', tensorType]])]]);
}

/** The model as ONNX bytes: input "x" [batch, inputs], output "probabilities" [batch, classes]. f32 layers only. */
export function modelToOnnx(model: Model): Uint8Array {
  const nodes: Uint8Array[] = [];
  const initializers: Uint8Array[] = [];
  let x = 'x';
  model.layers.forEach((l, k) => {
    if (l.weightType !== 'f32') throw new Error('modelToOnnx: f32 layers only');
    initializers.push(tensor(`w${k}`, [l.outputs, l.inputs], l.weights), tensor(`b${k}`, [l.outputs], l.biases));
    const transB = message([[1, 'bytes', 'transB'], [3, 'varint', 1], [20, 'varint', 2]]);
    nodes.push(node('Gemm', [x, `w${k}`, `b${k}`], `gemm${k}`, [transB]));
    x = `gemm${k}`;
    if (l.activation === 'relu') nodes.push(node('Relu', [x], (x = `relu${k}`)));
    if (l.activation === 'softmax') nodes.push(node('Softmax', [x], (x = 'probabilities')));
  });
  if (x !== 'probabilities') throw new Error('modelToOnnx: the last layer must be softmax');
  const last = model.layers[model.layers.length - 1]!;
  const graph = message([
    ...nodes.map((n): Field => [1, 'bytes', n]),
    [2, 'bytes', 'tinydigit'],
    ...initializers.map((t): Field => [5, 'bytes', t]),
    [11, 'bytes', valueInfo('x', model.layers[0]!.inputs)],
    [12, 'bytes', valueInfo('probabilities', last.outputs)],
  ]);
  return message([[1, 'varint', 8], [2, 'bytes', 'tinydigit'], [7, 'bytes', graph], [8, 'bytes', message([[1, 'bytes', ''], [2, 'varint', 13]])]]);
}
