/**
 * A faster `GatherV2` for the wasm backend along the first axis — the embedding lookups of every forward
 * pass. TF.js's kernel reads the ids back to JavaScript to check each one, then copies element by element;
 * gatherRows.wat checks and copies each row in one go on the backend's own memory. Same values (a copy).
 *
 * Only float32 tables, int32 ids, axis 0 and no batch axes are sent to it; everything else, and everything
 * where the module cannot run, goes to TF.js's kernel.
 */
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { GATHER_ROWS_WASM } from './gatherRowsBinary';
import { heapOffset, kernelExport } from './wasmInstances';

type GatherRowsKernel = (table: number, rows: number, width: number, ids: number, count: number, out: number) => number;

/** The wasm backend's `GatherV2` with the row-copying kernel in front of `stock`, TF.js's own. */
export function rowGather(stock: tf.KernelFunc): tf.KernelFunc {
  return ((args: Parameters<tf.KernelFunc>[0]) => {
    const { x, indices } = args.inputs as { x: tf.TensorInfo; indices: tf.TensorInfo };
    const { axis, batchDims } = (args.attrs ?? {}) as { axis?: number; batchDims?: number };
    const backend = args.backend as BackendWasm;
    const firstAxis = x.shape.length >= 1 && tf.util.parseAxisParam(axis ?? 0, x.shape)[0] === 0;
    const kernel = firstAxis && !batchDims && x.dtype === 'float32' && indices.dtype === 'int32'
      ? kernelExport<GatherRowsKernel>(backend, GATHER_ROWS_WASM, 'gatherRows') : null;
    if (!kernel) return stock(args);

    const rows = x.shape[0];
    const width = tf.util.sizeFromShape(x.shape.slice(1));
    const count = tf.util.sizeFromShape(indices.shape);
    const out = backend.makeOutput([...indices.shape, ...x.shape.slice(1)], 'float32');
    const copied = count === 0 ? 0 : kernel(heapOffset(backend, x), rows, width, heapOffset(backend, indices), count, heapOffset(backend, out));
    if (copied !== count) {
      const bad = backend.typedArrayFromHeap(indices)[copied];
      backend.disposeData(out.dataId);
      throw new Error(`GatherV2: the index value ${bad} is not in [0, ${rows - 1}]`);
    }
    return out;
  }) as tf.KernelFunc;
}
