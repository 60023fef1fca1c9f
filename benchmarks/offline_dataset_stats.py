"""Size and return distribution of an offline run's dataset (`config.offline`): episodes,
transitions, turns per episode, the return histogram and per-skill means (built on first use,
as the trainer would, into `offline.data_dir`).

  python benchmarks/offline_dataset_stats.py \
      [--config configs/offline_twenty_questions.py:tiny_iql_awr] [--data-dir DIR] [--json]

Prints a markdown summary (docs/algorithms.md quotes it) or, with --json, the numbers.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import sys
import time

import numpy as np

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def stats(trajs, dcfg) -> dict:
  """The numbers of one dataset: counts, return quantiles and histogram, per-skill means."""
  ret = np.array([t.episode_return for t in trajs], np.float64)
  turns = np.array([len(t) for t in trajs])
  wins = np.array([bool(t.info["success"]) for t in trajs])
  out = {
    "name": dcfg.name,
    "episodes": len(trajs),
    "transitions": int(turns.sum()),
    "turns_mean": float(turns.mean()),
    "return_mean": float(ret.mean()),
    "return_std": float(ret.std()),
    "return_quantiles": {
      f"{q:g}": float(np.quantile(ret, q)) for q in (0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 1.0)
    },
    "success": float(wins.mean()),
    "histogram": {int(k): v for k, v in sorted(collections.Counter(ret.astype(int)).items())},
  }
  if dcfg.skills:
    by = collections.defaultdict(list)
    for i, r in enumerate(ret):
      by[dcfg.skill_of(i)].append(r)
    out["by_skill"] = {
      f"{s:g}": {"episodes": len(v), "return_mean": float(np.mean(v))}
      for s, v in sorted(by.items())
    }
  return out


def markdown(s: dict) -> str:
  q = s["return_quantiles"]
  lines = [
    f"dataset `{s['name']}`: {s['episodes']} episodes, {s['transitions']} transitions "
    f"({s['turns_mean']:.2f} turns per episode), success {s['success']:.1%}",
    "",
    f"return: mean {s['return_mean']:.2f}, std {s['return_std']:.2f}; min {q['0']:g}, "
    f"10% {q['0.1']:g}, 25% {q['0.25']:g}, median {q['0.5']:g}, 75% {q['0.75']:g}, "
    f"90% {q['0.9']:g}, max {q['1']:g}",
  ]
  if "by_skill" in s:
    lines += ["", "| skill | episodes | mean return |", "|---:|---:|---:|"]
    lines += [
      f"| {k} | {v['episodes']} | {v['return_mean']:.2f} |" for k, v in s["by_skill"].items()
    ]
  lines += ["", "| return | episodes |", "|---:|---:|"]
  lines += [f"| {k} | {v} |" for k, v in s["histogram"].items()]
  return "\n".join(lines)


def main(argv=None) -> dict:
  p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
  p.add_argument("--config", default="configs/offline_twenty_questions.py:tiny_iql_awr")
  p.add_argument("--data-dir", default=None, help="default: the config's offline.data_dir")
  p.add_argument("--json", action="store_true", help="print the numbers as JSON")
  args = p.parse_args(argv)
  sys.path.insert(0, REPO)
  from archer_jax.data import demos
  from archer_jax.training.validate import load_config

  c = load_config(args.config)
  if args.data_dir:
    c.offline.data_dir = args.data_dir
  dcfg = demos.offline_config_from_run(c)
  t0 = time.perf_counter()
  trajs = demos.offline_trajectories(c, c.workdir)
  s = stats(trajs, dcfg)
  s["seconds_build_or_load"] = time.perf_counter() - t0
  print(json.dumps(s, indent=1) if args.json else markdown(s))
  return s


if __name__ == "__main__":
  main()
