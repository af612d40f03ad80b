#!/usr/bin/env python3
"""Independent golden values for src/core/empg.ts and src/core/advantages.ts.

A direct numpy transcription of the EMPG reference pseudocode (paper.md §2.9) and of verl's GRPO outcome
advantage, run on a few seeded batches. The output is checked in as
src/core/__fixtures__/empg-golden.json and compared against the TypeScript implementation.
Regenerate with `npm run golden` (needs python3 and python3-numpy).
"""
import json
import numpy as np


def grpo(rewards, groups, scale_by_std=True, eps=1e-6):
    rewards = np.asarray(rewards, dtype=np.float64)
    out = np.zeros_like(rewards)
    for gid in sorted(set(groups)):
        idx = [i for i, g in enumerate(groups) if g == gid]
        r = rewards[idx]
        if len(idx) > 1:
            mean, std = r.mean(), r.std(ddof=1)
        else:
            mean, std = 0.0, 1.0
        out[idx] = (r - mean) / (std + eps) if scale_by_std else r - mean
    return out


def empg(steps, k, k_f, zeta, eps=1e-8):
    H = np.array([np.mean(s['tok_entropy']) for s in steps])
    Hn = (H - H.min()) / (H.max() - H.min() + eps)
    w = np.exp(-k * Hn)
    g = w / (w.mean() + eps)
    f = np.exp(-k_f * Hn)
    where = {(s['traj'], s['t']): n for n, s in enumerate(steps)}
    A = np.array([g[n] * s['A_traj'] for n, s in enumerate(steps)])
    bonus = np.zeros(len(steps))
    for n, s in enumerate(steps):
        nxt = where.get((s['traj'], s['t'] + 1))
        if nxt is not None:
            bonus[n] = zeta * f[nxt]
    A = A + bonus
    return dict(stepEntropy=H, normalized=Hn, g=g, bonus=bonus, modulated=A, advantage=A - A.mean())


def make_case(rng, name, n_groups, group_size, k, k_f, zeta, max_steps=6, max_tokens=5, shuffle=True):
    groups, rewards, lengths = [], [], []
    for gi in range(n_groups):
        for _ in range(group_size):
            groups.append(gi)
            rewards.append(float(rng.random() < 0.4))
            lengths.append(int(rng.integers(1, max_steps + 1)))
    adv = grpo(rewards, groups)
    steps = []
    for traj, T in enumerate(lengths):
        for t in range(T):
            m = int(rng.integers(1, max_tokens + 1))
            steps.append({'traj': traj, 't': t, 'tok_entropy': rng.gamma(1.5, 0.6, size=m).round(6).tolist(),
                          'A_traj': float(adv[traj])})
    if shuffle:
        steps = [steps[i] for i in rng.permutation(len(steps))]
    out = empg(steps, k, k_f, zeta)
    return {
        'name': name,
        'options': {'k': k, 'kF': k_f, 'zeta': zeta},
        'rewards': rewards,
        'groups': groups,
        'grpoAdvantage': adv.tolist(),
        'drGrpoAdvantage': grpo(rewards, groups, scale_by_std=False).tolist(),
        'steps': [{'traj': s['traj'], 't': s['t'], 'tokenEntropies': s['tok_entropy'],
                   'outcomeAdvantage': s['A_traj']} for s in steps],
        'expected': {key: value.tolist() for key, value in out.items()},
    }


def main():
    rng = np.random.default_rng(20250911)
    cases = [
        make_case(rng, 'paper defaults, 3 groups of 4, shuffled', 3, 4, 1.0, 1.0, 0.1),
        make_case(rng, 'sharp k=3, kF=0.5, zeta=0.3', 2, 8, 3.0, 0.5, 0.3),
        make_case(rng, 'gradient scaling only (zeta=0)', 4, 2, 1.0, 1.0, 0.0),
        make_case(rng, 'in order, long trajectories', 2, 3, 1.0, 2.0, 0.05, max_steps=15, shuffle=False),
    ]
    print(json.dumps({'generator': 'tools/empg_golden.py', 'cases': cases}, indent=1))


if __name__ == '__main__':
    main()
