"""Offline 20Q: IQL+AWR, SARSA+AWR, IQL+REINFORCE, IQL+REINFORCE+BC, filtered BC and BC on
the same offline dataset, several seeds; the spec's offline table (§5) beside ours.

  python -m archer_jax.experiments.offline                  # 6 methods x seeds 0 1 2
  python -m archer_jax.experiments.offline --quick          # the smoke-sized grid
  python -m archer_jax.experiments.offline --methods iql_awr bc --seeds 0
  python -m archer_jax.experiments.offline --summarize --out DIR

Every method trains from `configs/offline_twenty_questions.py`'s dataset (built once, shared
by every run) and touches the environment only to evaluate. Writes OUT/summary.md (final
greedy and sampled eval return per seed, mean and spread, the published numbers) and
OUT/offline.png (eval return against gradient iterations). Resumable like every grid
(`experiments/grid.py`); `--config.X=V` overrides every method's config.
"""

from __future__ import annotations

import argparse
import datetime
import os

import numpy as np

from archer_jax.experiments.grid import (
  Method,
  add_grid_arguments,
  grid_settings,
  machine_line,
  mean_curve,
  parse_overrides,
  plot_curves,
  read_run,
  run_grid,
)

FILE = "configs/offline_twenty_questions.py"
METHODS = {  # short name -> (directory / variant, label, published 20Q return (5 seeds))
  "iql_awr": ("tiny_iql_awr", "IQL + AWR (offline ArCHer)", -14.1),
  "sarsa_awr": ("tiny_sarsa_awr", "SARSA + AWR", -14.5),
  "iql_reinforce": ("tiny_iql_reinforce", "IQL + REINFORCE", -20.0),
  "iql_reinforce_bc": ("tiny_iql_reinforce_bc", "IQL + REINFORCE + BC", -15.3),
  "filtered_bc": ("tiny_filtered_bc", "filtered BC", -15.4),
  "bc": ("tiny_bc", "BC", -16.8),
}
QUICK = {  # the offline smoke config under each method
  "iql_awr": {"algo.name": "offline_archer", "algo.critic_target": "iql", "algo.actor_loss": "awr"},
  "sarsa_awr": {
    "algo.name": "offline_archer",
    "algo.critic_target": "sarsa",
    "algo.actor_loss": "awr",
  },
  "iql_reinforce": {
    "algo.name": "offline_archer",
    "algo.critic_target": "iql",
    "algo.actor_loss": "reinforce",
  },
  "iql_reinforce_bc": {
    "algo.name": "offline_archer",
    "algo.critic_target": "iql",
    "algo.actor_loss": "reinforce",
    "algo.bc_coef": 1.0,
  },
  "filtered_bc": {"algo.name": "offline_filtered_bc"},
  "bc": {"algo.name": "offline_bc"},
}


# the experiment's budget per method and seed (the variants' own 10 iterations stay for
# single runs): 4 iterations of 40 critic and 100 actor steps, evaluated every 2; the grid
# fits 45 min on 2 cores
BUDGET = {"train.iterations": 4, "train.eval_every": 2}


def methods(names, quick: bool) -> list[Method]:
  out = []
  for n in names:
    if n not in METHODS:
      raise SystemExit(f"--methods: unknown {n!r}; known: {', '.join(METHODS)}")
    variant, label, _ = METHODS[n]
    if quick:
      over = {**QUICK[n], "train.iterations": 2, "train.eval_every": 1}
      out.append(Method(variant, label, f"{FILE}:smoke", tuple(over.items())))
    else:
      out.append(Method(variant, label, f"{FILE}:{variant}", tuple(BUDGET.items())))
  return out


def prepare_datasets(ms, seeds, out, extra) -> None:
  """Build each shared dataset (`offline.data_dir`) here, once, before worker processes
  would race to build it."""
  from archer_jax.data.demos import offline_trajectories

  built = set()
  for m in ms:
    c = m.config(extra)
    if c.offline.get("data_dir") and c.offline.data_dir not in built:
      offline_trajectories(c, os.path.join(out, m.name, f"seed{seeds[0]}"))
      built.add(c.offline.data_dir)


def summarize(names, ms, seeds, out, extra) -> str:
  lines = [
    f"## Offline 20Q, {datetime.date.today()}",
    "",
    f"- command: `python -m archer_jax.experiments.offline --seeds "
    f"{' '.join(map(str, seeds))}`; machine: {machine_line()}",
    "- every method on the same dataset; eval: fixed greedy (and sampled) episodes cycling "
    "through the words",
    "",
    "| method | final greedy per seed | mean greedy | spread | best mean greedy (iteration) "
    "| final sampled (mean) | published (spec §5) | wall s (mean) |",
    "|---|---|---:|---:|---:|---:|---:|---:|",
  ]
  for n, m in zip(names, ms, strict=True):
    runs = [read_run(out, m.name, s) for s in seeds]
    missing = [s for s, r in zip(seeds, runs, strict=True) if r is None]
    if missing:
      raise SystemExit(f"{out}/{m.name}: no finished run for seeds {missing}")
    finals = np.array([r.evals()[-1][1] for r in runs])
    its, mean, _, _ = mean_curve(runs)
    best = int(np.argmax(mean))
    sampled = [r.evals("eval_sampled_return") for r in runs]
    fin_s = f"{np.mean([s[-1][1] for s in sampled]):.2f}" if all(sampled) else "—"
    lines.append(
      f"| {m.label} | {' / '.join(f'{x:.2f}' for x in finals)} | {finals.mean():.2f} | "
      f"{np.ptp(finals):.2f} | {mean[best]:.2f} ({its[best]}) | {fin_s} | "
      f"{METHODS[n][2]:.1f} | {np.mean([r.wall_s for r in runs]):.0f} |"
    )
  lines += ["", "Configs (`configs/offline_twenty_questions.py`, the same tuning for each):", ""]
  for m in ms:
    c = m.config(extra)
    a = c.algo
    lines.append(
      f"- {m.label} (`{m.spec}`{''.join(f', {k}={v}' for k, v in m.overrides)}): algo "
      f"{a.name}, {c.train.iterations} iterations, critic steps {a.critic_steps}, actor steps "
      f"{a.actor_steps}, batch {a.batch_size}, actor lr {c.actor.lr:g}, critic lr "
      f"{c.critic.lr:g}, dataset {c.offline.episodes} episodes"
    )
  return "\n".join(lines) + "\n"


def plot(ms, seeds, out, path):
  curves = [(m.label, [read_run(out, m.name, s) for s in seeds], lambda its: its) for m in ms]
  return plot_curves(curves, seeds, "iteration (no environment samples: evaluation only)", path)


def main(argv=None) -> str:
  ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
  add_grid_arguments(ap, METHODS, "offline")
  args, rest = ap.parse_known_args(argv)
  extra = parse_overrides(rest)
  out, seeds, jobs = grid_settings(args, "offline")
  ms = methods(args.methods, args.quick)
  if args.quick:  # one dataset for the whole grid (the smoke config keeps it per workdir)
    extra = {"offline.data_dir": os.path.join(out, "dataset"), **extra}
  if not args.summarize:
    if jobs > 1:
      prepare_datasets(ms, seeds, out, extra)
    run_grid(ms, seeds, out, extra, share_warm_start=False, progress=not args.noprogress, jobs=jobs)
  text = summarize(args.methods, ms, seeds, out, extra)
  os.makedirs(out, exist_ok=True)
  with open(os.path.join(out, "summary.md"), "w") as f:
    f.write(text)
  png = plot(ms, seeds, out, os.path.join(out, "offline.png"))
  print(text)
  print(f"table: {os.path.join(out, 'summary.md')}\nplot: {png}")
  return text


if __name__ == "__main__":
  main()
