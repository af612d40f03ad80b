import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAIN_CONFIG } from './config';
import { HealthMonitor } from './health';

const healthy = (iteration: number, norm = 0.2) => ({ iteration, 'loss/pg': 0.1, 'grad/norm': norm, 'grad/norm_max': norm, 'entropy/step_mean': 0.4, 'env/success_rate': 0.3 });

describe('HealthMonitor', () => {
  it('passes ordinary iterations', () => {
    const monitor = new HealthMonitor();
    for (let i = 1; i <= 20; i++) expect(monitor.check(healthy(i, 0.1 + 0.05 * Math.sin(i)), DEFAULT_TRAIN_CONFIG)).toBeNull();
  });

  it('names a non-finite loss, gradient or entropy and the learning rate', () => {
    for (const field of ['loss/pg', 'grad/norm', 'entropy/step_mean']) {
      const problem = new HealthMonitor().check({ ...healthy(3), [field]: NaN }, DEFAULT_TRAIN_CONFIG);
      expect(problem).toMatchObject({ kind: 'non-finite', iteration: 3, back: 1 });
      expect(problem!.message).toContain(`${field} is NaN`);
      expect(problem!.message).toMatch(/learning rate \(now lr 0\.003\)/);
    }
  });

  it('flags a spike over 10× the running median, only after a warm-up', () => {
    const monitor = new HealthMonitor();
    expect(monitor.check(healthy(1, 5), DEFAULT_TRAIN_CONFIG)).toBeNull();
    for (let i = 2; i <= 6; i++) expect(monitor.check(healthy(i, 0.2), DEFAULT_TRAIN_CONFIG)).toBeNull();
    expect(monitor.check(healthy(7, 1.9), DEFAULT_TRAIN_CONFIG)).toBeNull();
    expect(monitor.check(healthy(8, 2.5), DEFAULT_TRAIN_CONFIG)).toMatchObject({ kind: 'spike', iteration: 8, back: 1 });
  });

  it('iterations without reward signal (zero gradient) do not make an ordinary gradient a spike', () => {
    const monitor = new HealthMonitor();
    for (let i = 1; i <= 20; i++) expect(monitor.check(healthy(i, i % 4 === 0 ? 0.05 : 0), DEFAULT_TRAIN_CONFIG)).toBeNull();
    // 0.8 is 16× the median of the iterations with a gradient, but under the clip norm (1): not a spike.
    expect(monitor.check(healthy(21, 0.8), DEFAULT_TRAIN_CONFIG)).toBeNull();
  });

  it('flags a collapse (entropy and gradient vanish, task unsolved), not a solved task', () => {
    const config = { ...DEFAULT_TRAIN_CONFIG, k: 50, kF: 50, zeta: 10, lr: 1, temperature: 5 };
    const collapsed = { ...healthy(3), 'entropy/step_mean': 1.7e-5, 'grad/norm': 4.8e-6, 'grad/norm_max': 4.8e-6, 'env/success_rate': 0 };
    const problem = new HealthMonitor().check(collapsed, config);
    expect(problem).toMatchObject({ kind: 'collapse', iteration: 3, back: 2 });
    expect(problem!.message).toMatch(/k 50, kF 50, zeta 10, lr 1, temperature 5/);
    expect(new HealthMonitor().check({ ...collapsed, 'env/success_rate': 1 }, config)).toBeNull();
  });
});
