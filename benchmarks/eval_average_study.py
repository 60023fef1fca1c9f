"""Does evaluating a Polyak-averaged actor hold the greedy return over a long run?

  python benchmarks/eval_average_study.py --seed 0 --decays 0.5 0.8 0.9 \
      --config.bc.cache_dir=runs/kl_ema/bc_cache

Trains the `tiny` config (or --config) for --iterations (default 50) with the live actor's
evaluation as usual, and beside it keeps one eval average per decay d (avg <- d avg + (1-d)
params once per iteration, `rl_state.polyak`, started at the BC weights as
`actor.eval_average` does) and evaluates each greedily on the same episodes whenever the
live actor is evaluated. The averages never act or train, so the run's training is the one
`actor.eval_average = 0` gives, and each average's eval equals what a run with
`actor.eval_average = d` reports. Writes OUT/seedS/metrics.jsonl (keys
`eval_return_avg<d>`) and prints each curve. No resume: the extra averages are not saved.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, REPO)


def _study_trainer(c, decays, workdir):
  from archer_jax.training.rl_state import averaged, polyak
  from archer_jax.training.state import copy_params
  from archer_jax.training.trainer import Trainer

  class Study(Trainer):
    """A Trainer that also keeps and evaluates one eval average per decay."""

    avgs: dict = {}

    def warm_start(self):
      super().warm_start()
      self._start_averages()

    def _start_averages(self):
      part = averaged(self.state.actor.params, self.nets.lora)
      self.avgs = {d: copy_params(part) for d in decays}
      update = self.algorithm.update

      def update_and_average(state, buffer, it):
        state, m = update(state, buffer, it)
        part = averaged(state.actor.params, self.nets.lora)
        self.avgs = {d: polyak(a, part, d) for d, a in self.avgs.items()}
        return state, m

      self.algorithm.update = update_and_average

    def evaluate(self):
      out = super().evaluate()
      live = self.state
      for d, avg in self.avgs.items():
        self.state = live.replace(avg=avg)
        c_sampled = self.config.train.eval_sampled
        self.config.train.eval_sampled = False  # greedy only for the averages
        try:
          out[f"eval_return_avg{d}"] = super().evaluate()["eval_return"]
        finally:
          self.config.train.eval_sampled = c_sampled
          self.state = live
      return out

  return Study(c, workdir=workdir, progress=False)


def main(argv=None):
  from benchmarks.learning_seeds import apply_overrides

  ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
  ap.add_argument("--seed", type=int, default=0)
  ap.add_argument("--decays", type=float, nargs="+", default=[0.5, 0.8, 0.9])
  ap.add_argument("--iterations", type=int, default=50)
  ap.add_argument("--config", default="configs/twenty_questions.py:tiny")
  ap.add_argument("--out", default="benchmarks/out/eval_average")
  args, overrides = ap.parse_known_args(argv)

  from archer_jax.training.validate import load_config

  c = load_config(args.config)
  apply_overrides(c, overrides)
  c.seed, c.train.iterations = args.seed, args.iterations
  workdir = os.path.join(args.out, f"seed{args.seed}")
  t = _study_trainer(c, args.decays, workdir)
  t.run()
  rows = [json.loads(x) for x in open(os.path.join(workdir, "metrics.jsonl"))]
  evals = {r["iteration"]: r for r in rows if "eval_return" in r}
  keys = ["eval_return"] + [f"eval_return_avg{d}" for d in args.decays]
  for k in keys:
    curve = ", ".join(f"{evals[i].get(k, evals[i]['eval_return']):.1f}" for i in sorted(evals))
    print(f"seed {args.seed} {k}: {curve}")


if __name__ == "__main__":
  main()
