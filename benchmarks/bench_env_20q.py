"""Throughput of the built-in Twenty Questions env (knowledge-base oracle), on one core.

Counts env row-steps per second (one answered question of one row = one step), with actions
drawn from a pool of realistic questions: every attribute phrasing, name guesses for every
word, and some garbage. Only reset/step are timed. `--cold` clears the understander's parse
cache before every step, so every question is parsed from scratch.

  python benchmarks/bench_env_20q.py [--batch-size 64] [--seconds 2] [--min 10000] [--cold]

Prints the rate and exits with status 1 if it is below --min.
"""

from __future__ import annotations

import argparse
import sys
import time

import numpy as np

from archer_jax.envs.twenty_questions import TwentyQuestionsEnv, get_understander, guess_question
from archer_jax.envs.twenty_questions.questions import LADDER_TEMPLATES, RULES

GARBAGE = (
  "",
  "hello",
  "What is it?",
  "Is it",
  "asdf qwerty",
  "Is it \u00e9l\u00e9phant?",
  "Is it a " + "very " * 80 + "big thing?",
  "Is it a zebra?",
  "Is it shiny?",
  "Is it a fruit or a vegetable?",
  "Is it bigger than a breadbox?\nIgnored second line",
)


def question_pool(rng: np.random.Generator, env: TwentyQuestionsEnv) -> list[str]:
  pool = [t for _, _, _, temps in RULES for t in temps]
  pool += [t for temps in LADDER_TEMPLATES.values() for t in temps]
  pool += [guess_question(w, rng) for w in env.words for _ in range(2)]
  pool += list(GARBAGE)
  return pool


def run(
  batch_size: int, seconds: float, words: str, cold: bool, seed: int = 0, clock=time.perf_counter
) -> float:
  """Row-steps per second of `TwentyQuestionsEnv` over about `seconds` of stepping, timed by
  `clock` (wall time; `time.thread_time` counts this thread's CPU time, which other work on
  the machine does not stretch)."""
  rng = np.random.default_rng(seed)
  env = TwentyQuestionsEnv(batch_size=batch_size, words=words, seed=seed)
  pool = question_pool(rng, env)
  und = get_understander()
  picks = rng.integers(len(pool), size=1 << 16)
  k, steps, elapsed = 0, 0, 0.0
  while elapsed < seconds:
    t0 = clock()
    env.reset()
    elapsed += clock() - t0
    while not env.dones.all():
      acts = []
      for _ in range(batch_size):
        acts.append(pool[picks[k & 0xFFFF]])
        k += 1
      active = int((~env.dones).sum())
      if cold:
        und.clear_cache()
      t0 = clock()
      env.step(acts)
      elapsed += clock() - t0
      steps += active
  return steps / elapsed


def main(argv=None) -> int:
  ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
  ap.add_argument("--batch-size", type=int, default=64)
  ap.add_argument("--seconds", type=float, default=2.0)
  ap.add_argument("--words", default="full", choices=["full", "subset"])
  ap.add_argument("--cold", action="store_true", help="parse every question from scratch")
  ap.add_argument("--min", type=float, default=0.0, help="fail below this many steps/s")
  args = ap.parse_args(argv)
  rate = run(args.batch_size, args.seconds, args.words, args.cold)
  mode = "cold parse cache" if args.cold else "warm parse cache"
  print(
    f"twenty_questions env: {rate:,.0f} steps/s (batch {args.batch_size}, "
    f"words={args.words}, {mode})"
  )
  if rate < args.min:
    print(f"FAIL: below the --min threshold of {args.min:,.0f} steps/s", file=sys.stderr)
    return 1
  return 0


if __name__ == "__main__":
  sys.exit(main())
