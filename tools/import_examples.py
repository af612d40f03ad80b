"""Writes the importer's small real-shaped example files (src/import/__fixtures__/).

Each file is serialised the way the real tool serialises it (see docs/IMPORT.md for the source lines):
- verl `RayPPOTrainer._dump_generations`: one `json.dumps(entry, ensure_ascii=False)` per row, keys
  input, output, gts, score, step, then each reward_extra_info key of batch length; rows joined by
  "\n" with a final "\n"; file name `<global_step>.jsonl`.
- the verl-agent patch of docs/IMPORT.md: one `json.dumps({...})` per agent step, ASCII-escaped.
The numbers are made up but consistent: entropies ≥ 0, log-probs ≤ 0, GRPO advantages from the scores.
"""
import json
import math
import os

HERE = os.path.join(os.path.dirname(__file__), "..", "src", "import", "__fixtures__")


def grpo(scores, groups, eps=1e-6):
    out = []
    for i, g in enumerate(groups):
        members = [scores[j] for j in range(len(groups)) if groups[j] == g]
        mean = sum(members) / len(members)
        std = math.sqrt(sum((x - mean) ** 2 for x in members) / (len(members) - 1)) if len(members) > 1 else 1.0
        out.append((scores[i] - mean) / (std + eps))
    return out


def verl_dump(step):
    # GSM8K-style rows: the chat-templated prompt decoded with skip_special_tokens=True, n=2 samples.
    prompts = [
        "system\nYou are a helpful assistant.\nuser\nNatalia sold clips to 48 of her friends in April, and then she sold half as many clips in May. How many clips did Natalia sell altogether in April and May? Let's think step by step and output the final answer after \"####\".\nassistant\n",
        "system\nYou are a helpful assistant.\nuser\nWeng earns $12 an hour for babysitting. Yesterday, she just did 50 minutes of babysitting. How much did she earn? Let's think step by step and output the final answer after \"####\".\nassistant\n",
    ]
    rows = [
        (prompts[1], "12 / 60 = 0.2 per minute, 0.2 * 50 = 10.\n#### 10", "10", 1.0),
        (prompts[0], "In May she sold 48 / 2 = 24. Altogether 48 + 24 = 72.\n#### 72", "72", 1.0),
        (prompts[0], "48 + 48 / 2 = 48 + 24 = 72 clips… so the answer is 72", "72", 0.0),
        (prompts[1], "She earned 12 * 50 = 600 dollars.\n#### 600", "10", 0.0),
    ]  # balance_batch has already reordered the rows: a group's samples are not adjacent
    base = {
        "input": [r[0] for r in rows], "output": [r[1] for r in rows], "gts": [r[2] for r in rows],
        "score": [r[3] for r in rows], "step": [step] * len(rows),
    }
    extra = {"acc": [r[3] == 1.0 for r in rows], "pred": ["10", "72", "[INVALID]", "600"], "too_short": [1.0]}
    for k, v in extra.items():
        if len(v) == len(rows):
            base[k] = v
    lines = [json.dumps({k: v[i] for k, v in base.items()}, ensure_ascii=False) for i in range(len(rows))]
    return "\n".join(lines) + "\n"


def step_file():
    # Two groups of two WebShop episodes, written by the verl-agent patch (one line per agent step).
    episodes = [
        ("t-a1", "g-a", 1.0, [("search[red shoes]", ["search", "[", "red", " shoes", "]"], [0.91, 0.02, 1.37, 0.40, 0.01]),
                              ("click[b07x]", ["click", "[", "b07x", "]"], [0.30, 0.01, 0.65, 0.01]),
                              ("click[buy now]", ["click", "[", "buy", " now", "]"], [0.05, 0.01, 0.08, 0.02, 0.01])]),
        ("t-a2", "g-a", 0.0, [("search[shoes]", ["search", "[", "shoes", "]"], [0.88, 0.03, 1.90, 0.02]),
                              ("click[next >]", ["click", "[", "next", " >", "]"], [1.20, 0.02, 1.55, 0.70, 0.03])]),
        ("t-b1", "g-b", 0.0, [("search[lamp]", ["search", "[", "lamp", "]"], [0.95, 0.02, 2.10, 0.02])]),
        ("t-b2", "g-b", 1.0, [("search[desk lamp]", ["search", "[", "desk", " lamp", "]"], [0.90, 0.02, 1.10, 0.35, 0.01]),
                              ("click[b01q]", ["click", "[", "b01q", "]"], [0.25, 0.01, 0.80, 0.01])]),
    ]
    adv = grpo([e[2] for e in episodes], [e[1] for e in episodes])
    out = [json.dumps({"meta": {"schema": "empg-steps/v1", "source": "verl-agent", "model": "Qwen2.5-1.5B-Instruct",
                                "tokenizer": "Qwen2.5-1.5B-Instruct", "adv_estimator": "grpo", "temperature": 1.0,
                                "entropy_unit": "nat"}})]
    for e, (traj, group, reward, steps) in enumerate(episodes):
        for t, (response, tokens, ent) in enumerate(steps):
            lp = [round(-h * 0.45, 4) for h in ent]
            out.append(json.dumps({
                "train_step": 12, "traj_id": traj, "group_id": group, "step_idx": t, "num_steps": len(steps),
                "response": response, "tokens": tokens, "entropy": ent, "logprob": lp,
                "outcome_reward": reward, "step_reward": reward if t == len(steps) - 1 else 0.0,
                "advantage": adv[e], "valid_action": True,
                "kl": [round(0.02 * h, 5) for h in ent], "ratio": [round(1 + 0.01 * h, 5) for h in ent],
                "loss_mask": [1] * len(tokens),
            }))
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    os.makedirs(os.path.join(HERE, "verl-rollout"), exist_ok=True)
    with open(os.path.join(HERE, "verl-rollout", "12.jsonl"), "w") as f:
        f.write(verl_dump(12))
    with open(os.path.join(HERE, "verl-agent-empg-steps.jsonl"), "w") as f:
        f.write(step_file())
