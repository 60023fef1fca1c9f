"""What XLA's CPU flags do to a run's compile time: each flag set compiles the config's update
steps and sampler in a fresh process (`python -m archer_jax.aot --topology cpu:1`, no compile
cache), and the table gives each program's seconds (trace, lower and compile) and the whole
process's CPU seconds, the best of --repeats.

  python benchmarks/compile_flags.py [--config configs/twenty_questions.py:smoke] [--repeats 3]

The test suite compiles hundreds of such small programs and runs each for milliseconds, so it
takes the cheapest compile (tests/conftest.py); a training run keeps XLA's defaults. Ratios
between rows of one run are what to compare: other work on the machine stretches every row.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

FLAG_SETS = {
  "XLA defaults": "",
  "no CPU optimisation passes": "--xla_backend_optimization_level=0",
  "+ older fusion emitters (the suite's)": (
    "--xla_backend_optimization_level=0 --xla_cpu_use_fusion_emitters=false"
  ),
}
_COMPILED = re.compile(r"compiled (\w+) in ([0-9.]+) s")


def parse(output: str) -> dict[str, float]:
  """{program: seconds} from `archer_jax.aot`'s "compiled NAME in S s" lines."""
  return {name: float(s) for name, s in _COMPILED.findall(output)}


def one(config: str, steps: str, flags: str) -> tuple[dict[str, float], float]:
  """({program: seconds}, the process's CPU seconds) of one aot run under `flags`."""
  before = resource.getrusage(resource.RUSAGE_CHILDREN)
  env = dict(os.environ, XLA_FLAGS=flags, JAX_PLATFORMS="cpu")
  env.pop("JAX_COMPILATION_CACHE_DIR", None)
  r = subprocess.run(
    [sys.executable, "-m", "archer_jax.aot", "--config", config, "--topology", "cpu:1"]
    + ["--steps", steps],
    cwd=REPO,
    env=env,
    capture_output=True,
    text=True,
  )
  after = resource.getrusage(resource.RUSAGE_CHILDREN)
  if r.returncode != 0:
    raise SystemExit(f"aot failed under XLA_FLAGS={flags!r}:\n{r.stderr[-3000:]}")
  cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
  return parse(r.stdout + r.stderr), cpu


def table(rows: dict[str, tuple[dict[str, float], float]]) -> str:
  """Markdown: a row per flag set, a column per program, the process CPU, and the total
  against the first row."""
  names = list(next(iter(rows.values()))[0])
  head = ["flags", *[f"{n} s" for n in names], "process CPU s", "programs vs first row"]
  lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
  base = sum(next(iter(rows.values()))[0].values())
  for label, (secs, cpu) in rows.items():
    total = sum(secs.values())
    cells = [label, *[f"{secs[n]:.1f}" for n in names], f"{cpu:.1f}", f"{total / base:.2f}"]
    lines.append("| " + " | ".join(cells) + " |")
  return "\n".join(lines)


def main(argv=None) -> str:
  ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
  ap.add_argument("--config", default="configs/twenty_questions.py:smoke")
  ap.add_argument("--steps", default="critic,actor,sampler")
  ap.add_argument("--repeats", type=int, default=3)
  args = ap.parse_args(argv)
  rows = {}
  for label, flags in FLAG_SETS.items():
    runs = [one(args.config, args.steps, flags) for _ in range(args.repeats)]
    secs = {n: min(r[0][n] for r in runs) for n in runs[0][0]}
    rows[label] = (secs, min(r[1] for r in runs))
    print(f"{label}: {secs} ({rows[label][1]:.1f} CPU s)", file=sys.stderr, flush=True)
  text = table(rows)
  print(text)
  return text


if __name__ == "__main__":
  main()
