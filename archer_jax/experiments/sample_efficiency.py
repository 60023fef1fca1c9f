"""Sample efficiency on tiny 20Q: ArCHer, ArCHer + token baseline, CHAI, filtered BC and
token-level PPO for the same budget of environment episodes, several seeds (spec §5).

  python -m archer_jax.experiments.sample_efficiency              # 5 methods x seeds 0 1 2
  python -m archer_jax.experiments.sample_efficiency --quick      # the smoke-sized grid
  python -m archer_jax.experiments.sample_efficiency --methods archer ppo --seeds 0
  python -m archer_jax.experiments.sample_efficiency --summarize --out DIR   # read only

Every method and seed starts from one BC policy (`bc.seed` = 0: seed 0's warm start, trained
once and shared through `bc.cache_dir`), as the paper starts every method from one fine-tuned
model; the seeds differ in everything after it (critic initialisation, episodes, sampling).
Each run then collects `train.rollout_size` (32) episodes per iteration for `BUDGET`'s 5
iterations, with the settings tuned for early learning (`EARLY`: a constant actor lr 1e-4
for every method, ArCHer without the KL anchor its `tiny` default keeps for long runs). Runs
train two at a time on a CPU-only machine (`--jobs`).
Writes OUT/summary.md (a table per method: BC and final eval return per seed, the best mean,
the episodes and turns after which each threshold return is reached and held, and the
ArCHer / PPO sample ratio) and OUT/sample_efficiency.png (eval return against environment
episodes). The grid is resumable: rerunning the command reads the finished runs and resumes
an interrupted one.
`--config.X=V` overrides every method's config.
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

FILE = "configs/twenty_questions.py"
METHODS = {  # short name -> (directory / variant, label)
  "archer": ("tiny", "ArCHer"),
  "archer_baseline": ("tiny_baseline", "ArCHer + token baseline"),
  "chai": ("tiny_chai", "CHAI"),
  "filtered_bc": ("tiny_filtered_bc", "filtered BC"),
  "ppo": ("tiny_ppo", "token-level PPO"),
}
QUICK = {  # the smoke config under each algorithm
  "archer": {"algo.name": "archer"},
  "archer_baseline": {"algo.name": "archer", "algo.baseline": True},
  "chai": {"algo.name": "chai"},
  "filtered_bc": {"algo.name": "filtered_bc"},
  "ppo": {"algo.name": "ppo"},
}
# the experiment's budget: 5 iterations x 32 episodes per method and seed, evaluated after
# each (the variants' own 15 iterations stay for single runs), from one shared BC policy:
# 39 min on 2 cores (61 min with a BC policy per seed; benchmarks/RESULTS.md)
BUDGET = {"train.iterations": 5, "train.eval_every": 1, "bc.seed": 0}
# the settings tuned for early learning, for every method: a constant actor lr 1e-4 and
# ArCHer without its KL anchor (tiny's defaults trade early speed for holding over 50
# iterations; the collapse they prevent sets in after about 15 iterations, beyond this budget)
# (and the actor and demonstrator the recorded tables were measured with: no seen-token gate,
# a 96-token window, the demonstrator that re-asks, no unlikelihood term)
EARLY = {
  "actor.lr": 1e-4,
  "actor.lr_decay_steps": 0,
  "actor.seen_gate": False,
  "actor.attend_len": 0,
  "actor.obs_len": 96,
  "bc.reask": True,
  "algo.unlikelihood_coef": 0.0,
}
NO_ANCHOR = {"algo.kl_coef": 0.0}
EARLY_BY_METHOD = {"archer": NO_ANCHOR, "archer_baseline": NO_ANCHOR}
THRESHOLDS = (-14.0, -12.0, -10.0)  # greedy eval returns (tiny 20Q's BC policy: about -15)


def methods(names, quick: bool) -> list[Method]:
  out = []
  for n in names:
    if n not in METHODS:
      raise SystemExit(f"--methods: unknown {n!r}; known: {', '.join(METHODS)}")
    variant, label = METHODS[n]
    if quick:
      over = {**QUICK[n], "train.iterations": 2, "train.eval_every": 1, "bc.seed": 0}
      out.append(Method(variant, label, f"{FILE}:smoke", tuple(over.items())))
    else:
      over = {**BUDGET, **EARLY, **EARLY_BY_METHOD.get(n, {})}
      out.append(Method(variant, label, f"{FILE}:{variant}", tuple(over.items())))
  return out


def reach(its, mean, per_it_episodes, threshold):
  """Episodes collected when the mean greedy eval reaches `threshold` and stays there to the
  end of the budget (None: never). Held, not first crossed: a greedy eval swings by about 2
  between evaluations, and a lucky early one would otherwise count."""
  below = np.flatnonzero(np.asarray(mean) < threshold)
  first = 0 if not len(below) else below[-1] + 1
  return None if first >= len(mean) else int(its[first] * per_it_episodes)


def turns_at(runs, iteration):
  """Mean over seeds of the environment turns collected up to `iteration`."""
  return float(
    np.mean(
      [sum(h.get("turns", 0) for h in r.history if 0 < h["iteration"] <= iteration) for r in runs]
    )
  )


def summarize(ms, seeds, out, thresholds, extra) -> str:
  rows, table = [], []
  for m in ms:
    c = m.config(extra)
    runs = [read_run(out, m.name, s) for s in seeds]
    missing = [s for s, r in zip(seeds, runs, strict=True) if r is None]
    if missing:
      raise SystemExit(f"{out}/{m.name}: no finished run for seeds {missing}")
    rows.append((m, c, runs))
  fmt = lambda v: "—" if v is None else f"{v}"
  lines = [
    f"## Sample efficiency on tiny 20Q, {datetime.date.today()}",
    "",
    f"- command: `python -m archer_jax.experiments.sample_efficiency --seeds "
    f"{' '.join(map(str, seeds))}`; machine: {machine_line()}",
    "- greedy eval: fixed episodes cycling through the 10 words; iteration 0 = after the "
    "shared BC warm start",
    "",
    "| method | env episodes | BC greedy (mean) | final greedy per seed | best mean greedy | "
    "final sampled (mean) | "
    + " | ".join(f"episodes to hold {t:g} (turns)" for t in thresholds)
    + " | RL wall s (mean) |",
    "|---|---:|---:|---|---:|---:|" + "---:|" * len(thresholds) + "---:|",
  ]
  reached = {}
  for m, c, runs in rows:
    per_it = c.train.rollout_size
    its, mean, _, _ = mean_curve(runs)
    finals = [r.evals()[-1][1] for r in runs]
    sampled = [r.evals("eval_sampled_return") for r in runs]
    fin_s = np.mean([s[-1][1] for s in sampled]) if all(sampled) else None
    cells = []
    for t in thresholds:
      e = reach(its, mean, per_it, t)
      reached[(m.name, t)] = e
      cells.append("not held" if e is None else f"{e} ({turns_at(runs, e // per_it):.0f})")
    lines.append(
      f"| {m.label} | {c.train.iterations * per_it} | {mean[0]:.2f} | "
      f"{' / '.join(f'{x:.2f}' for x in finals)} | {mean.max():.2f} | "
      f"{fmt(None if fin_s is None else f'{fin_s:.2f}')} | "
      + " | ".join(cells)
      + f" | {np.mean([r.rl_seconds for r in runs]):.0f} |"
    )
    table.append((m, c, runs))
  names = [m.name for m in ms]
  if "tiny" in names and "tiny_ppo" in names:
    budget = max(c.train.iterations * c.train.rollout_size for _, c, _ in rows)
    lines += ["", "PPO / ArCHer episodes to reach and hold each threshold:", ""]
    for t in thresholds:
      a, p = reached[("tiny", t)], reached[("tiny_ppo", t)]
      if a is None or a == 0:
        ratio = "ArCHer did not reach it" if a is None else "ArCHer's BC policy already there"
      elif p is None:
        ratio = f"> {budget / a:.1f} (PPO not there within {budget} episodes)"
      else:
        ratio = f"{p / a:.1f}"
      lines.append(f"- {t:g}: {ratio}")
  lines += ["", "Configs (`configs/twenty_questions.py`; the same tuning for every method):", ""]
  for m, c, _ in rows:
    a = c.algo
    lines.append(
      f"- {m.label} (`{m.spec}`{''.join(f', {k}={v}' for k, v in m.overrides)}): algo "
      f"{a.name}, {c.train.iterations} iterations x {c.train.rollout_size} episodes, batch "
      f"{a.batch_size}, critic steps {a.critic_steps}, actor steps {a.actor_steps}, actor lr "
      f"{c.actor.lr:g}, critic lr {c.critic.lr:g}, BC {c.bc.steps} steps"
    )
  return "\n".join(lines) + "\n"


def plot(ms, seeds, out, extra, path):
  curves = []
  for m in ms:
    per_it = m.config(extra).train.rollout_size
    runs = [read_run(out, m.name, s) for s in seeds]
    curves.append((m.label, runs, lambda its, n=per_it: its * n))
  xlabel = "environment episodes collected (0 = after the BC warm start)"
  return plot_curves(curves, seeds, xlabel, path)


def main(argv=None) -> str:
  ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
  add_grid_arguments(ap, METHODS, "sample_efficiency")
  ap.add_argument("--thresholds", type=float, nargs="+", default=list(THRESHOLDS))
  ap.add_argument(
    "--share-warm-start",
    action=argparse.BooleanOptionalAction,
    default=True,
    help="the methods of a seed share one BC warm start (OUT/bc_cache)",
  )
  args, rest = ap.parse_known_args(argv)
  extra = parse_overrides(rest)
  out, seeds, jobs = grid_settings(args, "sample_efficiency")
  ms = methods(args.methods, args.quick)
  if not args.summarize:
    share = args.share_warm_start
    run_grid(ms, seeds, out, extra, share, progress=not args.noprogress, jobs=jobs)
  text = summarize(ms, seeds, out, args.thresholds, extra)
  os.makedirs(out, exist_ok=True)
  with open(os.path.join(out, "summary.md"), "w") as f:
    f.write(text)
  png = plot(ms, seeds, out, extra, os.path.join(out, "sample_efficiency.png"))
  print(text)
  print(f"table: {os.path.join(out, 'summary.md')}\nplot: {png}")
  return text


if __name__ == "__main__":
  main()
