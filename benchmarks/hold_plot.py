"""Does a longer run hold what it had learnt? Greedy eval curves of several candidates side by
side, one panel each, with each seed's eval at iteration N against its last one.

  python benchmarks/hold_plot.py --from 15 --out hold.png \
      "1e-4 -> 0=runs/lrdecay" "greedy rollouts 8=runs/gr8"

Each LABEL=DIR names a candidate whose runs are DIR/seed*/metrics.jsonl (as
`benchmarks/learning_seeds.py` lays them out). Prints one line per candidate (final - at N
per seed, whether every seed holds, the mean of seeds at N and at the end) and writes the plot.
`--window K` compares means of K evaluations instead of single ones: the K centred on N
against the last K (a level against a level, where one evaluation can swing by points).
"""

from __future__ import annotations

import argparse
import glob
import json
import os


def curves(run_dir: str) -> dict[int, list[tuple[int, float]]]:
  """seed -> [(iteration, greedy eval return)] of every DIR/seedS/metrics.jsonl."""
  out = {}
  for path in sorted(glob.glob(os.path.join(run_dir, "seed*", "metrics.jsonl"))):
    seed = int(os.path.basename(os.path.dirname(path))[len("seed") :])
    hist = [json.loads(line) for line in open(path)]
    out[seed] = [(h["iteration"], h["eval_return"]) for h in hist if "eval_return" in h]
  if not out:
    raise SystemExit(f"{run_dir}: no seed*/metrics.jsonl")
  return out


def hold(runs: dict[int, list[tuple[int, float]]], n: int, window: int = 1) -> dict:
  """Per seed: (eval at iteration n, last eval); whether every last one is >= its eval at n.
  window K > 1: the mean of the K evaluations centred on iteration n (K // 2 after it, the
  rest before) against the mean of the last K, which reads a level rather than one point."""
  per = {}
  for seed, ev in runs.items():
    its = [i for i, _ in ev]
    if n not in its:
      raise SystemExit(f"seed {seed}: no greedy evaluation at iteration {n}")
    j = its.index(n)
    lo, hi = j - (window - 1) // 2, j + window // 2 + 1
    if lo < 0 or hi > len(ev) - window:
      raise SystemExit(f"seed {seed}: a window of {window} evaluations around {n} does not fit")
    mean = lambda part: sum(v for _, v in part) / len(part)
    per[seed] = (mean(ev[lo:hi]), mean(ev[-window:]))
  return dict(per_seed=per, holds=all(last >= at for at, last in per.values()))


def means(per_seed: dict) -> tuple[float, float]:
  """The mean over seeds of the eval at iteration n and of the last eval (`hold`'s per_seed)."""
  ats, lasts = zip(*per_seed.values(), strict=True)
  return sum(ats) / len(ats), sum(lasts) / len(lasts)


def main(argv=None):
  ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
  ap.add_argument("candidates", nargs="+", metavar="LABEL=DIR")
  ap.add_argument("--from", dest="n", type=int, default=15, help="the iteration to hold from")
  ap.add_argument("--out", default="hold.png")
  ap.add_argument(
    "--window",
    type=int,
    default=1,
    help="compare the mean of K evaluations around --from with the mean of the last K",
  )
  args = ap.parse_args(argv)
  import matplotlib

  matplotlib.use("Agg")
  import matplotlib.pyplot as plt

  pairs = [c.split("=", 1) for c in args.candidates]
  if any(len(p) != 2 for p in pairs):
    raise SystemExit("each candidate is LABEL=DIR")
  cols = min(len(pairs), 4)  # panels wrap after four
  rows = -(-len(pairs) // cols)
  fig, axes = plt.subplots(rows, cols, figsize=(4 * cols, 3.6 * rows), sharey=True, squeeze=False)
  for ax in axes.flat[len(pairs) :]:
    ax.set_visible(False)
  results = {}
  what = f"final - at {args.n}"
  if args.window > 1:
    what = f"mean of the last {args.window} - mean of {args.window} around {args.n}"
  for ax, (label, run_dir) in zip(axes.flat[: len(pairs)], pairs, strict=True):
    runs = curves(run_dir)
    res = results[label] = hold(runs, args.n, args.window)
    for seed, ev in runs.items():
      ax.plot(*zip(*ev, strict=True), marker="o", ms=3, label=f"seed {seed}")
    ax.axvline(args.n, color="grey", ls=":", lw=1)
    ax.set_title(f"{label}\nholds on every seed: {res['holds']}", fontsize=9)
    ax.set_xlabel("iteration (0 = after BC)")
    ax.legend(fontsize=7)
    per = res["per_seed"]
    diffs = ", ".join(f"seed {s}: {last - at:+.1f}" for s, (at, last) in per.items())
    mean_at, mean_last = means(per)
    print(
      f"{label}: {what}: {diffs}; every seed holds: {res['holds']}; "
      f"mean of seeds {mean_at:.2f} -> {mean_last:.2f}"
    )
  for row in axes:
    row[0].set_ylabel("greedy eval return")
  fig.tight_layout()
  fig.savefig(args.out, dpi=90)
  plt.close(fig)
  print(f"plot: {args.out}")
  return results


if __name__ == "__main__":
  main()
