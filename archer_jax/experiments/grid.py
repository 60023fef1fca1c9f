"""Grids of training runs for the experiments: (method, seed) -> one Trainer run each.

A method is a config (`configs/FILE.py:VARIANT`) plus overrides. Every run trains in this
process (compiled programs are shared) into OUT/METHOD/seedS with `metrics.jsonl` and
`wall.json`. A grid is resumable: finished runs are read back, an interrupted one resumes from
its checkpoint (bit-identically), the rest start. With `share_warm_start`, the runs with one
warm start (the same seed, or the same `bc.seed` across seeds) share their BC policy through
`bc.cache_dir` = OUT/bc_cache (same results as training it in every run; see
`training/warm_cache.py`).

With `jobs` > 1, runs train in that many worker processes at once (each run's console goes to
OUT/METHOD/seedS/console.log), sharing compiled programs through a persistent cache in
OUT/xla_cache. Each shared BC policy is trained first, by a job of its own, and the runs
that start from it wait for that job. Results are the same as with one process: every run is
seeded alone. On a small CPU machine two workers gain throughput (the sampler leaves cores
idle); on a single accelerator keep one (`default_jobs`).
"""

from __future__ import annotations

import concurrent.futures as cf
import dataclasses
import importlib.util
import json
import multiprocessing
import os
import time
from collections.abc import Sequence

import numpy as np

import archer_jax

REPO = os.path.dirname(os.path.dirname(os.path.abspath(archer_jax.__file__)))


@dataclasses.dataclass(frozen=True)
class Method:
  """name: row label and directory; spec: "configs/FILE.py:VARIANT" (relative to the
  repository); overrides: dotted config paths -> values."""

  name: str
  label: str
  spec: str
  overrides: tuple = ()

  def config(self, extra: dict | None = None):
    from archer_jax.training.validate import load_config, override

    path, _, variant = self.spec.partition(":")
    if not os.path.isabs(path):
      path = os.path.join(REPO, path)
    c = load_config(f"{path}:{variant}" if variant else path)
    for k, v in (*self.overrides, *(extra or {}).items()):
      override(c, k, v)
    return c


@dataclasses.dataclass
class Run:
  method: str
  seed: int
  history: list
  wall_s: float

  def evals(self, key: str = "eval_return") -> list[tuple[int, float]]:
    """[(iteration, value)] of the evaluations (iteration 0: after the warm start)."""
    return [(h["iteration"], h[key]) for h in self.history if key in h]

  @property
  def rl_seconds(self) -> float:
    """Seconds of the RL iterations (the warm start aside)."""
    return float(sum(h.get("seconds", 0.0) for h in self.history if h.get("phase") != "bc"))


def run_dir(out: str, method: str, seed: int) -> str:
  return os.path.join(out, method, f"seed{seed}")


def read_run(out: str, method: str, seed: int, iterations: int | None = None) -> Run | None:
  """A finished run (its last record at `iterations`, when given), else None."""
  d = run_dir(out, method, seed)
  path = os.path.join(d, "metrics.jsonl")
  if not os.path.exists(os.path.join(d, "wall.json")) or not os.path.exists(path):
    return None
  hist = [json.loads(line) for line in open(path) if line.strip()]
  if not hist or (iterations is not None and hist[-1]["iteration"] != iterations):
    return None
  return Run(method, seed, hist, json.load(open(os.path.join(d, "wall.json")))["wall_s"])


def default_jobs() -> int:
  """Worker processes for a grid: 2 on a CPU-only machine with at least 2 cores, else 1 (one
  accelerator is not shared between processes)."""
  plugins = ("jax_cuda12_plugin", "jax_cuda13_plugin", "jax_rocm60_plugin", "libtpu")
  if any(importlib.util.find_spec(p) is not None for p in plugins):
    return 1
  return min(2, os.cpu_count() or 1)


def _cell(m: Method, seed: int, out: str, extra, share_warm_start: bool):
  c = m.config(extra)
  c.seed = seed
  c.workdir = run_dir(out, m.name, seed)
  if share_warm_start:
    c.bc.cache_dir = os.path.join(out, "bc_cache")
  return c


def _train(c, progress: bool) -> float:
  from archer_jax.training.trainer import Trainer

  resume = os.path.isdir(os.path.join(c.workdir, "checkpoints"))
  t0 = time.perf_counter()
  with Trainer(c, resume=resume, progress=progress) as trainer:
    trainer.run()
  wall = time.perf_counter() - t0
  with open(os.path.join(c.workdir, "wall.json"), "w") as f:
    json.dump({"wall_s": wall}, f)
  return wall


def _use_compile_cache(out: str) -> None:
  """Workers share compiled programs through a persistent cache under OUT (the runs of a
  grid compile the same steps; an environment's JAX_COMPILATION_CACHE_DIR wins)."""
  import jax

  if not os.environ.get("JAX_COMPILATION_CACHE_DIR"):
    jax.config.update("jax_compilation_cache_dir", os.path.join(out, "xla_cache"))
    jax.config.update("jax_persistent_cache_min_compile_time_secs", 0.2)


def _logged(workdir: str, fn, *args):
  """fn(*args) in a worker process, its console (Python's and the libraries' file
  descriptors 1 and 2) into WORKDIR/console.log."""
  import sys

  os.makedirs(workdir, exist_ok=True)
  with open(os.path.join(workdir, "console.log"), "a") as f:
    sys.stdout.flush()
    sys.stderr.flush()
    os.dup2(f.fileno(), 1)
    os.dup2(f.fileno(), 2)
    sys.stdout.reconfigure(line_buffering=True)  # the log follows the run, line by line
    try:
      return fn(*args)
    finally:
      sys.stdout.flush()
      sys.stderr.flush()


def _train_logged(m: Method, seed: int, out: str, extra, share_warm_start: bool) -> float:
  """One run in a worker process (console: RUN/console.log)."""
  _use_compile_cache(out)
  c = _cell(m, seed, out, extra, share_warm_start)
  return _logged(c.workdir, _train, c, False)


def warm_dir(out: str, group: int) -> str:
  return os.path.join(out, "bc_cache", f"warm_start_seed{group}")


def _bc_only(c) -> float:
  from archer_jax.training.trainer import Trainer

  t0 = time.perf_counter()
  Trainer(c, progress=False).bc_policy()  # stores the entry in bc.cache_dir
  return time.perf_counter() - t0


def _warm_logged(m: Method, seed: int, out: str, extra, group: int) -> float:
  """The BC policy of warm-start group `group` into OUT/bc_cache, in a worker process
  (console: OUT/bc_cache/warm_start_seedG/console.log); nothing else of the run."""
  _use_compile_cache(out)
  c = _cell(m, seed, out, extra, True)
  c.workdir = warm_dir(out, group)
  return _logged(c.workdir, _bc_only, c)


def run_grid(
  methods: Sequence[Method],
  seeds: Sequence[int],
  out: str,
  extra: dict | None = None,
  share_warm_start: bool = True,
  progress: bool = True,
  log=print,
  jobs: int = 1,
) -> dict[tuple[str, int], Run]:
  """Train every (method, seed) not finished under `out`; returns all runs. Seeds outer, so
  a seed's runs share the warm start while it is fresh in the cache; `jobs` worker
  processes (1: this process, compiled programs shared between runs)."""
  todo, total = [], len(methods) * len(seeds)
  for seed in seeds:
    for m in methods:
      c = _cell(m, seed, out, extra, share_warm_start)
      if read_run(out, m.name, seed, c.train.iterations) is None:
        todo.append((m, seed, os.path.isdir(os.path.join(c.workdir, "checkpoints"))))
      else:
        log(f"{m.label}, seed {seed}: finished earlier, read back")
  log(f"{len(todo)} of {total} runs to train" + (f", {jobs} at a time" if jobs > 1 else ""))
  if jobs <= 1:
    for n, (m, seed, resume) in enumerate(todo, 1):
      log(f"[{n}/{len(todo)}] {m.label}, seed {seed}{' (resumed)' if resume else ''}")
      _train(_cell(m, seed, out, extra, share_warm_start), progress)
  else:
    _run_parallel(todo, out, extra, share_warm_start, log, jobs)
  runs = {}
  for seed in seeds:
    for m in methods:
      runs[(m.name, seed)] = read_run(out, m.name, seed)
  return runs


def _run_parallel(todo, out, extra, share_warm_start, log, jobs):
  """`todo` on `jobs` spawned workers. With a shared warm start, the runs are grouped by
  their warm start's seed (`rl_state.warm_seed`: the run's seed, or `bc.seed`); each group's
  BC policy is trained first by a job of its own, which the group's runs wait for. Stops at
  the first failure, naming the job's console log."""
  from archer_jax.training.rl_state import warm_seed

  group, warm = {}, {}
  for m, seed, resume in todo:
    if share_warm_start:
      c = _cell(m, seed, out, extra, True)
      group[(m.name, seed)] = g = warm_seed(c)
      if not resume and c.bc.steps > 0:  # a resumed run may be past its warm start
        warm.setdefault(g, (m, seed))
  pending = [("warm", m, seed, g) for g, (m, seed) in warm.items()]
  pending += [("run", m, seed, resume) for m, seed, resume in todo]
  running, finished, n_jobs = {}, set(), len(pending)
  ctx = multiprocessing.get_context("spawn")
  t0 = time.perf_counter()
  with cf.ProcessPoolExecutor(max_workers=jobs, mp_context=ctx) as ex:
    while pending or running:
      for item in list(pending):
        if len(running) >= jobs:
          break
        kind, m, seed, arg = item
        g = group.get((m.name, seed))
        if kind == "run" and g in warm and ("warm", g) not in finished:
          continue  # its group's BC policy is not trained yet
        pending.remove(item)
        if kind == "warm":
          fut = ex.submit(_warm_logged, m, seed, out, extra, arg)
          what, where = f"BC warm start, seed {arg}", warm_dir(out, arg)
        else:
          fut = ex.submit(_train_logged, m, seed, out, extra, share_warm_start)
          what = f"{m.label}, seed {seed}" + (" (resumed)" if arg else "")
          where = run_dir(out, m.name, seed)
        running[fut] = (kind, what, where, seed if kind == "run" else arg)
        log(
          f"[{len(finished) + len(running)}/{n_jobs}] {what}: started "
          f"(console: {where}/console.log)"
        )
      done, _ = cf.wait(running, return_when=cf.FIRST_COMPLETED)
      for fut in done:
        kind, what, where, key = running.pop(fut)
        try:
          wall = fut.result()
        except Exception as e:
          for f in running:
            f.cancel()
          raise SystemExit(f"{what} failed ({e!r}); see {where}/console.log") from e
        finished.add((kind, key) if kind == "warm" else (kind, what))
        log(
          f"{what}: finished in {wall:.0f} s ({len(finished)}/{n_jobs} done, "
          f"{time.perf_counter() - t0:.0f} s elapsed)"
        )


def mean_curve(runs: Sequence[Run], key: str = "eval_return"):
  """(iterations, mean, min, max) over seeds at the evaluations every run has."""
  curves = [dict(r.evals(key)) for r in runs]
  its = sorted(set.intersection(*(set(c) for c in curves))) if curves else []
  ys = np.array([[c[i] for i in its] for c in curves], np.float64).reshape(len(curves), -1)
  return np.array(its), ys.mean(0), ys.min(0), ys.max(0)


def plot_curves(curves, seeds, xlabel: str, path: str) -> str:
  """Greedy and sampled eval return, mean with a min-max band over `seeds`, one line per
  method: curves = [(label, runs, x_of)] with x_of(iterations) -> x values. -> `path`."""
  import matplotlib

  matplotlib.use("Agg")
  import matplotlib.pyplot as plt

  fig, axes = plt.subplots(1, 2, figsize=(12, 4), sharey=True)
  for label, runs, x_of in curves:
    for ax, key in zip(axes, ("eval_return", "eval_sampled_return"), strict=True):
      if not all(r.evals(key) for r in runs):
        continue
      its, mean, lo, hi = mean_curve(runs, key)
      x = x_of(its)
      (line,) = ax.plot(x, mean, marker="o", label=label)
      ax.fill_between(x, lo, hi, color=line.get_color(), alpha=0.15)
  axes[0].set_title(f"greedy eval return (mean, min-max over {len(seeds)} seeds)")
  axes[1].set_title("sampled eval return")
  for ax in axes:
    ax.set_xlabel(xlabel)
    if ax.get_legend_handles_labels()[0]:
      ax.legend(fontsize=8)
  fig.tight_layout()
  fig.savefig(path, dpi=90)
  plt.close(fig)
  return path


def machine_line() -> str:
  import platform

  import jax

  return (
    f"{os.cpu_count()} CPUs, jax {jax.__version__} ({jax.default_backend()}), "
    f"python {platform.python_version()}"
  )


def add_grid_arguments(ap, methods: Sequence[str], name: str) -> None:
  """The options every experiment command shares (methods, seeds, output, quick, jobs)."""
  ap.add_argument("--methods", nargs="+", default=list(methods))
  ap.add_argument("--seeds", type=int, nargs="+", default=None, help="default 0 1 2 (quick: 0)")
  ap.add_argument("--out", default=None, help=f"default runs/experiments/{name}[_quick]")
  ap.add_argument("--quick", action="store_true", help="the smoke-sized grid (seconds per run)")
  ap.add_argument("--summarize", action="store_true", help="only read the finished runs")
  ap.add_argument("--noprogress", action="store_true")
  ap.add_argument(
    "--jobs",
    type=int,
    default=None,
    help="runs trained at once in worker processes (default: 2 on a CPU-only machine with 2+ "
    "cores, else 1; 1 trains in this process)",
  )


def grid_settings(args, name: str) -> tuple[str, list[int], int]:
  """(output directory, seeds, worker processes) from `add_grid_arguments`' options."""
  out = args.out or os.path.join(
    REPO, "runs", "experiments", name + ("_quick" if args.quick else "")
  )
  seeds = args.seeds or ([0] if args.quick else [0, 1, 2])
  return out, seeds, args.jobs or (1 if args.quick else default_jobs())


def parse_overrides(items: Sequence[str]) -> dict:
  """["--config.algo.gamma=0.9", ...] -> {"algo.gamma": 0.9} (values as Python literals)."""
  import ast

  out = {}
  for item in items:
    if not item.startswith("--config.") or "=" not in item:
      raise SystemExit(f"unrecognised argument {item!r} (expected --config.path=value)")
    path, value = item[len("--config.") :].split("=", 1)
    try:
      value = ast.literal_eval(value)
    except (ValueError, SyntaxError):
      pass
    out[path] = value
  return out
