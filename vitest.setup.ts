/**
 * Runs before every unit-test file: TF.js is told it is under test, which silences its warnings — the
 * "running in Node, install tfjs-node" banner each forked test file used to print — and nothing else.
 */
import * as tf from '@tensorflow/tfjs';

tf.env().set('IS_TEST', true);
