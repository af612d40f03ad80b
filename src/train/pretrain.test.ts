import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { trainConfigSchema } from './config';
import { pretrain } from './pretrain';

describe('pretrain', () => {
  it('is deterministic and lowers the imitation loss', async () => {
    await tf.setBackend('cpu');
    const config = trainConfigSchema.parse({ env: 'alfworld', preset: 'tiny', seed: 5 });
    const options = { episodes: 6, noise: 0.3, steps: 12, miniBatchSize: 16, lr: 3e-3 };
    const run = async () => {
      const losses: number[] = [];
      const { trainer, demonstrations } = await pretrain(config, options, (p) => losses.push(p.loss));
      const weights = (await trainer.model.getWeights()).map((w) => Array.from(w.values.slice(0, 16)));
      trainer.dispose();
      return { losses, weights, demonstrations };
    };
    const a = await run();
    const b = await run();
    expect(a.weights).toEqual(b.weights);
    expect(a.losses).toEqual(b.losses);
    expect(a.demonstrations).toBeGreaterThan(10);
    const early = (a.losses[0] + a.losses[1]) / 2;
    const late = (a.losses.at(-1)! + a.losses.at(-2)!) / 2;
    expect(late).toBeLessThan(early);
  });
});
