"""ArCHer, ArCHer + token baseline, CHAI and filtered BC on tiny 20Q, the same budget of
environment samples, several seeds: one markdown table and one plot.

  python benchmarks/compare_algorithms.py                   # 4 variants x seeds 0 1 2
  python benchmarks/compare_algorithms.py --variants tiny_chai --seeds 1
  python benchmarks/compare_algorithms.py --summarize       # only read the finished runs

Each (variant, seed) trains `configs/twenty_questions.py:VARIANT` through
`benchmarks/learning_seeds.py` into OUT/VARIANT/seedS (runs may go in separate processes
with the same --out, then --summarize). Writes OUT/summary.md and OUT/curves.png.

The variants of one seed start from the same BC warm start: the first run trains it and
stores it in OUT/bc_cache (`bc.cache_dir`), the others load it, with the same results as
training it again (`--no-share-warm-start` trains it in every run). The table's wall time
is therefore the RL iterations' time (the warm start's is the same for every variant).
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, REPO)
sys.path.insert(0, os.path.join(REPO, "benchmarks"))

VARIANTS = ("tiny", "tiny_baseline", "tiny_chai", "tiny_filtered_bc")
LABELS = {
  "tiny": "ArCHer",
  "tiny_baseline": "ArCHer + token baseline",
  "tiny_chai": "CHAI",
  "tiny_filtered_bc": "filtered BC",
}


def config_of(variant: str):
  from archer_jax.training.validate import load_config

  return load_config(os.path.join(REPO, f"configs/twenty_questions.py:{variant}"))


def hyper(c) -> str:
  """The hyper-parameters that differ between the variants, as one line."""
  a = c.algo
  parts = [f"algo {a.name}", f"batch {a.batch_size}"]
  if a.name in ("archer", "chai"):
    parts += [
      f"critic steps/it {a.critic_steps}",
      f"critic lr {c.critic.lr:g}",
      f"gamma {a.gamma}",
      f"tau {a.tau}",
    ]
  if a.name == "archer":
    parts += [
      f"actor steps/it {a.actor_steps}",
      f"actor lr {c.actor.lr:g}",
      f"baseline {a.baseline}",
      f"normalised advantage {a.normalize_advantage}",
    ]
  if a.name == "chai":
    parts += [f"k {a.num_candidates}", "actor frozen"]
  if a.name == "filtered_bc":
    parts += [
      f"BC steps/it {a.actor_steps}",
      f"lr {c.actor.lr:g}",
      f"window {a.filter_window} it",
      f"quantile {a.filter_quantile}",
    ]
  parts.append(
    f"warm start: BC {c.bc.steps} steps, demos to buffer {c.bc.to_buffer}, "
    f"critic warm-up {c.bc.critic_steps}"
  )
  return "; ".join(parts)


def rl_wall(run) -> float:
  """Seconds of the RL iterations (the metrics' per-iteration `seconds`), warm start aside."""
  return float(sum(h.get("seconds", 0.0) for h in run["history"] if h.get("phase") != "bc"))


def plot(rows, path):
  import matplotlib

  matplotlib.use("Agg")
  import matplotlib.pyplot as plt
  import numpy as np

  fig, axes = plt.subplots(1, 2, figsize=(12, 4), sharey=True)
  colors = plt.rcParams["axes.prop_cycle"].by_key()["color"]
  for i, (variant, runs) in enumerate(rows):
    for ax, key in zip(axes, ("eval_return", "eval_sampled_return"), strict=True):
      curves = []
      for r in runs:
        pts = [(h["iteration"], h[key]) for h in r["history"] if key in h]
        curves.append(pts)
      n = min(len(c) for c in curves)
      xs = [x for x, _ in curves[0][:n]]
      ys = np.array([[y for _, y in c[:n]] for c in curves])
      samples = [x * runs[0]["episodes_per_it"] for x in xs]
      ax.plot(samples, ys.mean(0), marker="o", color=colors[i], label=LABELS.get(variant, variant))
      ax.fill_between(samples, ys.min(0), ys.max(0), color=colors[i], alpha=0.15)
  axes[0].set_title("greedy eval return (mean, min-max over seeds)")
  axes[1].set_title("sampled eval return")
  for ax in axes:
    ax.set_xlabel("environment episodes collected (0 = after BC)")
    ax.legend(fontsize=8)
  fig.tight_layout()
  fig.savefig(path, dpi=90)
  plt.close(fig)


def main(argv=None):
  ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
  ap.add_argument("--variants", nargs="+", default=list(VARIANTS))
  ap.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
  ap.add_argument("--out", default=os.path.join(REPO, "benchmarks", "out", "compare"))
  ap.add_argument("--summarize", action="store_true")
  ap.add_argument(
    "--share-warm-start",
    action=argparse.BooleanOptionalAction,
    default=True,
    help="variants of a seed share one BC warm start (OUT/bc_cache)",
  )
  args = ap.parse_args(argv)
  import learning_seeds
  import numpy as np

  if not args.summarize:
    for v in args.variants:
      learning_seeds.main(
        [
          "--config",
          f"configs/twenty_questions.py:{v}",
          "--seeds",
          *map(str, args.seeds),
          "--out",
          os.path.join(args.out, v),
          *(
            [f"--config.bc.cache_dir={os.path.join(args.out, 'bc_cache')}"]
            if args.share_warm_start
            else []
          ),
        ]
      )
  rows, lines = [], []
  for v in args.variants:
    c = config_of(v)
    runs = [learning_seeds.read_run(os.path.join(args.out, v, f"seed{s}"), s) for s in args.seeds]
    for r in runs:
      r["episodes_per_it"] = c.train.rollout_size
    rows.append((v, runs))
  import jax

  lines += [
    f"## Algorithms on tiny 20Q, {datetime.datetime.now().strftime('%Y-%m-%d')}",
    "",
    f"- command: `python benchmarks/compare_algorithms.py --seeds "
    f"{' '.join(map(str, args.seeds))}` (runs may be split over processes, then "
    f"`--summarize`)",
    f"- machine: {os.cpu_count()} CPUs, jax {jax.__version__} "
    f"({jax.default_backend()}), python {platform.python_version()}",
    "",
    "| algorithm | env episodes | BC greedy | final greedy (per seed) | mean greedy "
    "gain | BC sampled | final sampled (per seed) | mean sampled gain | final success "
    "| RL wall s (mean) |",
    "|---|---:|---:|---|---:|---:|---|---:|---:|---:|",
  ]
  for v, runs in rows:
    c = config_of(v)
    bc = np.array([r["bc"] for r in runs])
    fin = np.array([r["final"] for r in runs])
    bcs = np.array([r["bc_s"] if r["bc_s"] is not None else np.nan for r in runs])
    fs = np.array([r["final_s"] if r["final_s"] is not None else np.nan for r in runs])
    lines.append(
      f"| {LABELS.get(v, v)} | {c.train.iterations * c.train.rollout_size} | {bc.mean():.2f} "
      f"| {' / '.join(f'{x:.2f}' for x in fin)} | {(fin - bc).mean():+.2f} | "
      f"{np.nanmean(bcs):.2f} | {' / '.join(f'{x:.2f}' for x in fs)} | "
      f"{np.nanmean(fs - bcs):+.2f} | {np.mean([r['success'] for r in runs]):.2f} | "
      f"{np.mean([rl_wall(r) for r in runs]):.0f} |"
    )
  lines += ["", "Hyper-parameters (everything else as `tiny`):", ""]
  lines += [f"- {LABELS.get(v, v)} (`{v}`): {hyper(config_of(v))}" for v, _ in rows]
  text = "\n".join(lines) + "\n"
  print(text)
  os.makedirs(args.out, exist_ok=True)
  with open(os.path.join(args.out, "summary.md"), "w") as f:
    f.write(text)
  plot(rows, os.path.join(args.out, "curves.png"))
  print(f"plot: {os.path.join(args.out, 'curves.png')}")


if __name__ == "__main__":
  main()
