/**
 * Runs before every unit-test file: TF.js is put in production mode, which silences its warnings — the
 * "running in Node, install tfjs-node" banner each forked test file used to print. (TF.js's IS_TEST flag
 * would silence them too, but it also turns on a per-kernel data-id count that reports the tensors a
 * custom-gradient op keeps for its backward pass as leaks; tensor leaks are checked by the tests with
 * `tf.memory().numTensors`.)
 */
import * as tf from '@tensorflow/tfjs';

tf.env().set('PROD', true);
