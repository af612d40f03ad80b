import { describe, expect, it } from 'vitest';
import type { FromWorker, ToWorker } from '../worker/protocol';
import { drawReceipts } from './drawReceipts';

const metrics = (iteration: number) => ({ type: 'metrics', lane: 0, generation: 1, iteration, metrics: {}, steps: [], trajectories: [] }) as unknown as FromWorker;
const saved: FromWorker = { type: 'saved', ok: true, iteration: 1 };

/** Receipts whose "page has drawn" moment comes when the test calls `drawn()`. */
function harness() {
  const sent: ToWorker[] = [];
  const waiting: (() => void)[] = [];
  const receipts = drawReceipts((m) => sent.push(m), (done) => waiting.push(done));
  return { receipts, sent, waiting, drawn: () => waiting.splice(0).forEach((done) => done()) };
}

describe('drawReceipts', () => {
  it('acknowledges finished iterations once drawn, with how many arrived so far', () => {
    const { receipts, sent, drawn, waiting } = harness();
    receipts.received(saved);
    expect(waiting).toHaveLength(0);
    receipts.received(metrics(1));
    receipts.received(metrics(2));
    expect(waiting).toHaveLength(1);
    expect(sent).toEqual([]);
    drawn();
    expect(sent).toEqual([{ type: 'drawn', count: 2 }]);
    receipts.received(metrics(3));
    drawn();
    expect(sent.at(-1)).toEqual({ type: 'drawn', count: 3 });
  });

  it('sends nothing after cancel', () => {
    const { receipts, sent, drawn } = harness();
    receipts.received(metrics(1));
    receipts.cancel();
    drawn();
    expect(sent).toEqual([]);
  });
});
