"""Does it learn? The README main job (20Q subset, `tiny` config) over several seeds.

  python benchmarks/learning_seeds.py                       # seeds 0 1 2
  python benchmarks/learning_seeds.py --seeds 0 --config.train.iterations=10

Runs the trainer once per seed (in one process, so compiled programs are shared), then
prints and writes, under --out (default benchmarks/out/learning):
  curves.png     greedy eval return per seed and the median, train (sampled) return,
                 BC-policy level as dashed lines
  summary.md     per seed: BC-policy greedy eval return, final greedy eval return, the gain,
                 wall time; across seeds: mean gain, the spread (max - min) of the BC and of
                 the final returns, and whether mean gain > both spreads. With
                 --hold-from N: per seed, the greedy eval at iteration N against the final
                 one, and whether the final one is no worse on every seed (a run that holds
                 what it had learnt by N; its curve marks N).
Extra `--config.X=V` arguments override the config for every seed. Seeds can run in
separate processes (or machines) with the same --out; `--summarize` then only reads
`OUT/seed*/metrics.jsonl` (+ `wall.json`) and writes the table and plot.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, REPO)


def apply_overrides(c, overrides):
  import ast

  from archer_jax.training.validate import override

  for item in overrides:
    if not item.startswith("--config.") or "=" not in item:
      raise SystemExit(f"unrecognised argument {item!r} (expected --config.path=value)")
    path, value = item[len("--config.") :].split("=", 1)
    try:
      value = ast.literal_eval(value)  # as on the trainer's command line: 32, 1e-4, True
    except (ValueError, SyntaxError):
      pass
    override(c, path, value)


def plot(results, path, hold_from=None):
  import matplotlib

  matplotlib.use("Agg")
  import matplotlib.pyplot as plt
  import numpy as np

  fig, axes = plt.subplots(1, 2, figsize=(12, 4))
  colors = plt.rcParams["axes.prop_cycle"].by_key()["color"]
  evals = []
  for i, r in enumerate(results):
    h = r["history"]
    ev = [(x["iteration"], x["eval_return"]) for x in h if "eval_return" in x]
    tr = [(x["iteration"], x["train_return"]) for x in h if "train_return" in x]
    col = colors[i % len(colors)]
    axes[0].plot(*zip(*ev, strict=True), marker="o", color=col, label=f"seed {r['seed']}")
    axes[0].axhline(r["bc"], color=col, ls="--", lw=0.8)
    axes[1].plot(*zip(*tr, strict=True), color=col, label=f"seed {r['seed']}")
    evals.append([y for _, y in ev])
    sv = [(x["iteration"], x["eval_sampled_return"]) for x in h if "eval_sampled_return" in x]
    if sv:
      axes[1].plot(*zip(*sv, strict=True), marker="s", ls=":", color=col)
  n = min(len(e) for e in evals)
  xs = [x for x, _ in [(x["iteration"], 0) for x in results[0]["history"] if "eval_return" in x]][
    :n
  ]
  axes[0].plot(xs, np.median([e[:n] for e in evals], 0), color="k", lw=2, label="median")
  if hold_from is not None:
    axes[0].axvline(hold_from, color="grey", ls=":", lw=1)
  axes[0].set_title("greedy eval return (dashed: BC policy)")
  axes[1].set_title("sampled return: training rollouts (line), eval episodes (squares)")
  for ax in axes:
    ax.set_xlabel("iteration (0 = after BC)")
    ax.legend(fontsize=8)
  fig.tight_layout()
  fig.savefig(path, dpi=90)
  plt.close(fig)


def hold_lines(results, n: int) -> list[str]:
  """The table of greedy eval at iteration n against the final one, per seed, and whether
  the final one is no worse on every seed (`hold_plot.hold`)."""
  from hold_plot import hold, means

  runs = {
    r["seed"]: [(h["iteration"], h["eval_return"]) for h in r["history"] if "eval_return" in h]
    for r in results
  }
  res = hold(runs, n)
  per = res["per_seed"]
  lines = [
    "",
    f"| seed | greedy eval at {n} | final greedy eval | final - at {n} |",
    "|---:|---:|---:|---:|",
  ]
  for seed, (at, last) in per.items():
    lines.append(f"| {seed} | {at:.2f} | {last:.2f} | {last - at:+.2f} |")
  held = sum(last >= at for at, last in per.values())
  mean_at, mean_fin = means(per)
  lines += [
    "",
    f"- final greedy eval no worse than at iteration {n} on every seed: **{res['holds']}** "
    f"({held} of {len(per)}); over the mean of seeds {mean_at:.2f} -> {mean_fin:.2f}",
  ]
  return lines


def read_run(workdir, seed):
  """One finished run's numbers from its metrics.jsonl (BC record, last eval) and wall.json."""
  hist = [json.loads(line) for line in open(os.path.join(workdir, "metrics.jsonl"))]
  evals = [h for h in hist if "eval_return" in h]
  if not evals or evals[0].get("phase") != "bc":
    raise SystemExit(f"{workdir}: no BC-policy evaluation in metrics.jsonl")
  bc, final = evals[0], evals[-1]
  wall_path = os.path.join(workdir, "wall.json")
  wall = json.load(open(wall_path))["wall_s"] if os.path.exists(wall_path) else float("nan")
  return dict(
    seed=seed,
    bc=bc["eval_return"],
    final=final["eval_return"],
    success=final["eval_success"],
    wall=wall,
    history=hist,
    bc_s=bc.get("eval_sampled_return"),
    final_s=final.get("eval_sampled_return"),
  )


def main(argv=None):
  ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
  ap.add_argument("--config", default="configs/twenty_questions.py:tiny")
  ap.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
  ap.add_argument("--out", default=os.path.join(REPO, "benchmarks", "out", "learning"))
  ap.add_argument(
    "--summarize", action="store_true", help="no training: summarise the runs already under --out"
  )
  ap.add_argument(
    "--hold-from",
    type=int,
    default=None,
    metavar="N",
    help="also compare each seed's final greedy eval with its eval at iteration N",
  )
  args, overrides = ap.parse_known_args(argv)
  import jax
  import numpy as np

  os.makedirs(args.out, exist_ok=True)
  results = []
  for seed in args.seeds:
    if args.summarize:
      results.append(read_run(os.path.join(args.out, f"seed{seed}"), seed))
      continue
    from archer_jax.training.trainer import Trainer
    from archer_jax.training.validate import load_config

    c = load_config(args.config)
    apply_overrides(c, overrides)
    c.seed = seed
    c.workdir = os.path.join(args.out, f"seed{seed}")
    if os.path.exists(os.path.join(c.workdir, "checkpoints")):
      import shutil

      shutil.rmtree(c.workdir)
    t0 = time.perf_counter()
    with Trainer(c, progress=True) as trainer:
      out = trainer.run()
    with open(os.path.join(c.workdir, "wall.json"), "w") as f:
      json.dump({"wall_s": time.perf_counter() - t0}, f)
    results.append(read_run(c.workdir, seed))
    print(
      f"seed {seed}: BC {out['bc_eval_return']:.2f} -> final "
      f"{out['final_eval_return']:.2f} in {results[-1]['wall']:.0f}s",
      flush=True,
    )

  bc = np.array([r["bc"] for r in results])
  fin = np.array([r["final"] for r in results])
  gain = fin - bc
  spread = max(np.ptp(bc), np.ptp(fin))
  lines = [
    f"## Learning, {args.config}, {datetime.datetime.now().strftime('%Y-%m-%d %H:%M')}",
    "",
    f"- command: `python benchmarks/learning_seeds.py --seeds {' '.join(map(str, args.seeds))}"
    + "".join(f" {o}" for o in overrides)
    + "`",
    f"- machine: {os.cpu_count()} CPUs, jax {jax.__version__} ({jax.default_backend()}), "
    f"python {platform.python_version()}",
    "",
    "| seed | BC greedy eval | final greedy eval | gain | final success | "
    "BC sampled eval | final sampled eval | sampled gain | wall s |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ]
  fmt = lambda v: "-" if v is None else f"{v:.2f}"
  for r in results:
    sg = None if r["bc_s"] is None or r["final_s"] is None else r["final_s"] - r["bc_s"]
    lines.append(
      f"| {r['seed']} | {r['bc']:.2f} | {r['final']:.2f} | "
      f"{r['final'] - r['bc']:+.2f} | {r['success']:.2f} | {fmt(r['bc_s'])} | "
      f"{fmt(r['final_s'])} | {'-' if sg is None else f'{sg:+.2f}'} | "
      f"{r['wall']:.0f} |"
    )
  lines += [
    "",
    f"- mean BC {bc.mean():.2f}, mean final {fin.mean():.2f}, mean gain {gain.mean():+.2f}; "
    f"spread (max - min) of BC {np.ptp(bc):.2f}, of final {np.ptp(fin):.2f}; "
    f"mean gain > spread: **{bool(gain.mean() > spread)}** (greedy)",
  ]
  if all(r["bc_s"] is not None and r["final_s"] is not None for r in results):
    bs = np.array([r["bc_s"] for r in results])
    fs = np.array([r["final_s"] for r in results])
    lines.append(
      f"- sampled (T = rollout temperature): mean BC {bs.mean():.2f}, mean final "
      f"{fs.mean():.2f}, mean gain {(fs - bs).mean():+.2f}; spread of BC "
      f"{np.ptp(bs):.2f}, of final {np.ptp(fs):.2f}; mean gain > spread: "
      f"**{bool((fs - bs).mean() > max(np.ptp(bs), np.ptp(fs)))}**"
    )
  if args.hold_from is not None:
    lines += hold_lines(results, args.hold_from)
  lines.append("")
  text = "\n".join(lines)
  print(text)
  with open(os.path.join(args.out, "summary.md"), "w") as f:
    f.write(text)
  plot(results, os.path.join(args.out, "curves.png"), args.hold_from)
  print(f"plot: {os.path.join(args.out, 'curves.png')}")
  return results


if __name__ == "__main__":
  main()
