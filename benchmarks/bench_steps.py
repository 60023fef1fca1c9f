"""Seconds per critic step, per actor step (a_pi sampling included) and per full iteration.

  python benchmarks/bench_steps.py --config configs/twenty_questions.py:tiny
  python benchmarks/bench_steps.py --config configs/twenty_questions.py:paper \
      --batch 256 --micro 8 --steps 2

Compile time is measured separately (the first call of each jitted step). The replay buffer
is filled by one real rollout, so shapes are the training shapes. Prints a markdown row.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, REPO)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from _util import cpu_name  # noqa: E402


def main():
  ap = argparse.ArgumentParser()
  ap.add_argument("--config", default="configs/twenty_questions.py:tiny")
  ap.add_argument("--batch", type=int, default=256, help="samples per step")
  ap.add_argument("--micro", type=int, default=None, help="micro-batches per step")
  ap.add_argument("--steps", type=int, default=3, help="timed steps of each kind")
  ap.add_argument("--rollout", type=int, default=None)
  args = ap.parse_args()
  os.chdir(REPO)

  import jax
  from archer_jax.training.validate import load_config
  c = load_config(args.config)
  c.algo.batch_size = args.batch
  if args.micro:
    c.algo.micro_batches = args.micro
  c.algo.critic_steps, c.algo.actor_steps, c.algo.warmup_iters = args.steps, args.steps, 0
  c.bc.steps = 0
  c.train.eval_episodes = 8
  if args.rollout:
    c.train.rollout_size = args.rollout
  from archer_jax.training.trainer import Trainer
  with tempfile.TemporaryDirectory() as tmp:
    t0 = time.perf_counter()
    tr = Trainer(c, workdir=tmp, progress=False)
    setup = time.perf_counter() - t0
    while len(tr.buffer) < args.batch:           # real transitions, training shapes
      tr.collect(0)
    # first calls compile: time them separately
    t0 = time.perf_counter(); tr.critic_phase(0); jax.block_until_ready(tr.agent.critic)
    first_critic = time.perf_counter() - t0
    t0 = time.perf_counter(); tr.actor_phase(0); jax.block_until_ready(tr.agent.actor)
    first_actor = time.perf_counter() - t0
    t0 = time.perf_counter(); tr.critic_phase(1); jax.block_until_ready(tr.agent.critic)
    critic = (time.perf_counter() - t0) / args.steps
    t0 = time.perf_counter(); tr.actor_phase(1); jax.block_until_ready(tr.agent.actor)
    actor = (time.perf_counter() - t0) / args.steps
    t0 = time.perf_counter(); tr.collect(2); collect = time.perf_counter() - t0
  c0 = c.algo.critic_steps
  iter_est = collect + 50 * critic + 3 * actor
  ver = f"jax {jax.__version__}, {jax.devices()[0].platform}, {os.cpu_count()} cpus ({cpu_name()})"
  print(f"| {args.config} | {args.batch} | {c.algo.micro_batches} | {critic:.3f} | {actor:.3f} | "
        f"{collect:.2f} | {iter_est:.1f} | {first_critic - critic * c0:.1f} / "
        f"{first_actor - actor * c0:.1f} | {setup:.1f} |")
  print(f"# {ver}; collect = one rollout of {c.train.rollout_size} episodes; "
        "iteration = collect + 50 critic + 3 actor steps (spec schedule)")


if __name__ == "__main__":
  main()
