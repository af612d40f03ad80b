/**
 * How large the saved run (src/persist/savedRun.ts) is for a few settings: the record a lane's worker
 * would write after N iterations, measured as JSON text, part by part (cpu backend, small batches so it
 * runs in a minute; the batch parts scale with the number of decisions, the history with iterations).
 *
 *   npx tsx scripts/saved-run-size.ts
 */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { LaneSet } from '../src/worker/lanes';
import type { SavedLane } from '../src/persist/savedRun';

tf.enableProdMode();
await tf.setBackend('cpu');
const cases = [
  { name: 'alfworld tiny, B 2 × G 2, ≤ 6 steps, base', config: { env: 'alfworld', preset: 'tiny', tasksPerIteration: 2, groupSize: 2, maxSteps: 6, gradNormSample: 2 }, iters: 2 },
  { name: 'webshop tiny, B 2 × G 2, ≤ 6 steps, base', config: { env: 'webshop', preset: 'tiny', tasksPerIteration: 2, groupSize: 2, maxSteps: 6, gradNormSample: 2 }, iters: 1 },
  { name: 'alfworld tiny, small model, B 1 × G 2, ≤ 3 steps, scratch', config: { env: 'alfworld', preset: 'tiny', modelSize: 'small', tasksPerIteration: 1, groupSize: 2, maxSteps: 3, gradNormSample: 1 }, iters: 1, scratch: true },
] as const;
for (const c of cases) {
  let saved: SavedLane[] = [];
  const lanes = new LaneSet({
    post: () => undefined, backend: () => 'cpu',
    loadBaseCheckpoint: async (env) => JSON.parse(readFileSync(`public/checkpoints/${env}-base.json`, 'utf8')),
    saving: () => true, persistRun: (l) => { saved = l; },
  });
  await lanes.lane(0).configure(c.config as never, 'scratch' in c ? 'scratch' : 'base');
  for (let i = 0; i < c.iters; i++) await lanes.step();
  const lane = saved[0];
  const size = (x: unknown) => (JSON.stringify(x).length / 1e3).toFixed(1) + ' kB';
  console.log(`${c.name}: record ${size(saved)} — weights ${size(lane.state.weights)}, Adam moments ${size(lane.state.optimizer.moments)}, `
    + `history ${size(lane.history)} (${lane.history.length} it), last batch steps ${size(lane.latest?.steps)} (${lane.latest?.steps.length} decisions), full trajectories ${size(lane.latest?.full)}`);
}
