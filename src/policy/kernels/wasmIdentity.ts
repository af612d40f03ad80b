/**
 * `Identity` on the wasm backend without a copy. TF.js clones every tensor it saves for a backward pass
 * (`engine.clone` runs `Identity`), and the wasm backend's `Identity` copies the data — some 9,000 copies in
 * a default iteration. Tensors are never written in place, so a clone can share its input's data and count
 * one more reference to it, as the wasm backend's own `Reshape` and the cpu backend's `Identity` do.
 */
import type * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/** The wasm backend's `Identity`, sharing the input's data; strings go to `stock`, TF.js's own. */
export function sharedIdentity(stock: tf.KernelFunc): tf.KernelFunc {
  return ((args: Parameters<tf.KernelFunc>[0]) => {
    const { x } = args.inputs as { x: tf.TensorInfo };
    if (x.dtype === 'string') return stock(args);
    (args.backend as BackendWasm).incRef(x.dataId);
    return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
  }) as tf.KernelFunc;
}
