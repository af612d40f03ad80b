import { describe, expect, it } from 'vitest';
import { matmulKind } from './benchIteration';

/** The tiny model's widths: d, the MLP's width, the vocabulary. */
const widths = [32, 128, 181];

describe('matmulKind', () => {
  it('tells attention, weight gradients and row-wise matmuls apart by their shapes', () => {
    expect(matmulKind([[128, 2, 7, 16], [128, 2, 16, 94]], [128, 2, 7, 94], widths)).toMatch(/^batched/);
    // dW = xᵀ · dy, summed over 12,032 positions, or over 58.
    expect(matmulKind([[32, 12032], [12032, 32]], [32, 32], widths)).toMatch(/^weight gradients/);
    expect(matmulKind([[128, 58], [58, 32]], [128, 32], widths)).toMatch(/^weight gradients/);
    // y = x · W over many positions or a few; the MLP's down projection; the head's input gradient.
    expect(matmulKind([[12032, 32], [32, 32]], [12032, 32], widths)).toMatch(/^row-wise/);
    expect(matmulKind([[58, 128], [128, 32]], [58, 32], widths)).toMatch(/^row-wise/);
    expect(matmulKind([[58, 181], [181, 32]], [58, 32], widths)).toMatch(/^row-wise/);
  });
});
