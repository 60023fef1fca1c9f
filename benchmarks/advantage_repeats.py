"""Does a run's critic tell its policy's repeated questions from its new ones?

Reads the episodes `python -m archer_jax.evaluate --out FILE` wrote for a run's checkpoint,
and scores every turn with the run's own critic at that checkpoint: Q = min(Q1, Q2)(s, a),
V = min(V1, V2)(s) and the advantage A = Q - V the actor is trained on. Turns are split by
whether they repeat an earlier question of the same episode (the env's `action_key`, as
`evaluate` counts repeats). A critic that pushes repeats out gives them a lower A than new
questions, by a margin comparable to A's spread.

  python benchmarks/advantage_repeats.py --workdir runs/x/seed0 --episodes s0.json

The run's config is the one it stored (`config.json`). A run that stored none needs
--config (default `tiny`) and --seen / --joint for its `critic.seen_tokens` / `critic.joint`.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, REPO)


def trajectories(episodes: list[dict]):
  """evaluate's JSON episodes -> Trajectory objects (next observation: the transcript with the
  turn appended, as the env writes it)."""
  from archer_jax.envs.base import Trajectory, Turn

  out = []
  for e in episodes:
    turns = e["turns"]
    out.append(
      Trajectory(
        [
          Turn(
            x["observation"],
            x["action"],
            x["reward"],
            i + 1 == len(turns),
            turns[i + 1]["observation"]
            if i + 1 < len(turns)
            else f"{x['observation']}{x['action']} {x['reply']}\n",
          )
          for i, x in enumerate(turns)
        ]
      )
    )
  return out


def advantages(trainer, env, episodes: list[dict]):
  """(A [N] float32, repeat [N] bool) over the turns of `episodes` (evaluate's JSON) in order:
  A = min(Q1, Q2)(s, a) - min(V1, V2)(s) under the trainer's critic (`steps.advantages`, over
  token ids even when the run cached a frozen encoder's features); repeat: `evaluate.repeats`
  by the env's `action_key`."""
  import dataclasses

  import jax
  import numpy as np

  from archer_jax.algorithms import compiled, steps
  from archer_jax.evaluate import repeats
  from archer_jax.training.rollout import from_trajectories

  repeat = [r for ep in episodes for r in repeats(ep["turns"], env.action_key)]
  rows = trainer.ctx.batches.transitions(
    from_trajectories(trajectories(episodes), trainer.tokenizers.actor_encoder, "\n")
  )
  embed, heads, embed_act = compiled.critic_fns(dataclasses.replace(trainer.nets, frozen=False))
  score = jax.jit(
    lambda p, *x: steps.advantages(p, *x, embed=embed, heads=heads, embed_act=embed_act)
  )
  a = score(trainer.state.critic.params, *(rows[k] for k in ("obs", "obs_mask", "act", "act_mask")))
  return np.asarray(a), np.array(repeat, bool)


def main(argv=None):
  ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
  ap.add_argument("--workdir", required=True, help="the run (its newest checkpoint)")
  ap.add_argument("--episodes", required=True, help="evaluate --out FILE of that checkpoint")
  old = "for a run that stored no config.json"
  ap.add_argument("--config", default="configs/twenty_questions.py:tiny", help=old)
  ap.add_argument("--seen", action="store_true", help=f"critic.seen_tokens=True ({old})")
  ap.add_argument("--joint", action="store_true", help=f"critic.joint=True ({old})")
  args = ap.parse_args(argv)
  from archer_jax.envs.registry import make_env
  from archer_jax.training import paths, run_config
  from archer_jax.training.trainer import Trainer
  from archer_jax.training.validate import load_config

  with open(args.episodes) as f:
    saved = json.load(f)["episodes"]
  c = run_config.stored(paths.resolve(args.workdir))
  if c is None:
    c = load_config(os.path.join(REPO, args.config))
    c.critic.update(seen_tokens=args.seen, joint=args.joint)
  c.workdir = args.workdir
  env = make_env(c.env, batch_size=1, seed=0)
  with Trainer(c, progress=False, resume=True, read_only=True) as t:
    print(f"{args.workdir} (step {t.iteration})")
    head = ("turns", 5), ("repeats", 8), ("A(new)", 7), ("A(rep)", 7), ("gap", 6), ("std A", 6)
    print(f"{'policy':8} " + " ".join(f"{h:>{w}}" for h, w in head))
    for policy, episodes in saved.items():
      a, repeat = advantages(t, env, episodes)
      new, rep = a[~repeat].mean(), a[repeat].mean()
      print(
        f"{policy:8} {len(a):5d} {repeat.mean():8.0%} {new:+7.3f} {rep:+7.3f} "
        f"{new - rep:+6.3f} {a.std():6.3f}"
      )
  env.close()


if __name__ == "__main__":
  main()
