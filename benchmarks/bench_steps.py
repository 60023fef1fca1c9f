"""Seconds per critic step, per actor step (a_pi sampling included) and per full iteration.

  python benchmarks/bench_steps.py --config configs/twenty_questions.py:tiny
  python benchmarks/bench_steps.py --config configs/twenty_questions.py:paper \
      --steps 1 --rollout 8 --synthetic

Every phase runs once through the training code (`ArCHer.critic_phase`,
`actor_phase`, `collect`). Compile time (tracing, lowering and XLA compilation, from JAX's
own monitoring events) is measured inside each call and reported separately; step time =
wall time of the call minus its compile time, divided by the number of steps.

The replay buffer holds real transitions from rollouts (training shapes), or with
--synthetic random full-length rows (every observation fills the window and a random
actor never emits the stop string, so every a_pi runs the full `max_new_tokens`: the
worst case; step cost does not depend on token values). A full iteration is computed as
collect(config rollout_size) + critic_steps x critic + actor_steps x actor with the
config's schedule; collect is measured at --rollout episodes and scaled linearly when
that is smaller than the config's rollout_size (said in the output). Prints markdown rows.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, REPO)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from _util import cpu_name  # noqa: E402

_COMPILE_EVENTS = (
  "/jax/core/compile/jaxpr_trace_duration",
  "/jax/core/compile/jaxpr_to_mlir_module_duration",
  "/jax/core/compile/backend_compile_duration",
)


class CompileClock:
  """Sums JAX's compile-duration events, so a call's compile time can be subtracted."""

  def __init__(self):
    import jax

    self.total = 0.0
    jax.monitoring.register_event_duration_secs_listener(self._on)

  def _on(self, event, secs, **_):
    if event in _COMPILE_EVENTS:
      self.total += secs

  def time(self, fn, *args, **kw):
    """(wall seconds, compile seconds) of fn(*args) with its device work finished."""
    import jax

    c0, t0 = self.total, time.perf_counter()
    out = fn(*args, **kw)
    jax.effects_barrier()
    jax.block_until_ready(out)
    return time.perf_counter() - t0, self.total - c0


def synthetic_rows(spec, n, vocab, rng):
  """n random full-length transitions of the buffer's shapes (masks all on)."""
  import numpy as np

  out = {}
  for k, (shape, dtype) in spec.items():
    if dtype == np.bool_:
      out[k] = np.ones((n, *shape), bool) if k.endswith("mask") else rng.random(n) < 0.1
    elif k == "reward":
      out[k] = -np.ones(n, np.float32)
    else:
      out[k] = rng.integers(3, vocab, size=(n, *shape)).astype(dtype)
  return out


def main():
  ap = argparse.ArgumentParser()
  ap.add_argument("--config", default="configs/twenty_questions.py:tiny")
  ap.add_argument("--batch", type=int, default=256, help="samples per step")
  ap.add_argument("--micro", type=int, default=None, help="micro-batches per step")
  ap.add_argument("--steps", type=int, default=3, help="timed steps of each kind")
  ap.add_argument("--rollout", type=int, default=None, help="episodes in the timed collect")
  ap.add_argument("--synthetic", action="store_true", help="fill the buffer with random rows")
  args = ap.parse_args()
  os.chdir(REPO)

  import jax
  import numpy as np

  from archer_jax.training.trainer import Trainer
  from archer_jax.training.validate import load_config

  clock = CompileClock()
  c = load_config(args.config)
  n_critic, n_actor, rollout_size = c.algo.critic_steps, c.algo.actor_steps, c.train.rollout_size
  c.algo.batch_size = args.batch
  if args.micro:
    c.algo.micro_batches = args.micro
  c.algo.critic_steps, c.algo.actor_steps, c.algo.warmup_iters = args.steps, args.steps, 0
  c.bc.update(steps=0, to_buffer=False, critic_steps=0)  # steps only, no warm start
  c.train.eval_episodes = 8
  c.train.rollout_size = args.rollout or rollout_size
  with tempfile.TemporaryDirectory() as tmp:
    t0 = time.perf_counter()
    tr = Trainer(c, workdir=tmp, progress=False)
    setup = time.perf_counter() - t0
    print(f"setup {setup:.1f}s", flush=True)
    if args.synthetic:
      tr.buffer.add(
        synthetic_rows(
          tr.buffer.spec,
          args.batch * args.steps,
          len(tr.tokenizers.actor),
          np.random.default_rng(0),
        )
      )
    while len(tr.buffer) < args.batch:  # real transitions, training shapes
      tr.collect(0)
    algo = tr.algorithm

    def critic_phase(it):
      tr.state, _ = algo.critic_phase(tr.state, tr.buffer, it, 2, args.steps)

    def actor_phase(it):
      tr.state, _ = algo.actor_phase(tr.state, tr.buffer, it)

    wall_c, comp_c = clock.time(critic_phase, 0)
    critic = (wall_c - comp_c) / args.steps
    print(f"critic phase {wall_c:.1f}s (compile {comp_c:.1f}s)", flush=True)
    wall_a, comp_a = clock.time(actor_phase, 0)
    actor = (wall_a - comp_a) / args.steps
    print(f"actor phase {wall_a:.1f}s (compile {comp_a:.1f}s)", flush=True)
    wall_r, comp_r = clock.time(tr.collect, 1)
    collect = (wall_r - comp_r) * rollout_size / c.train.rollout_size
    print(f"collect {wall_r:.1f}s (compile {comp_r:.1f}s)", flush=True)
  iteration = collect + n_critic * critic + n_actor * actor
  ver = f"jax {jax.__version__}, {jax.devices()[0].platform}, {os.cpu_count()} cpus ({cpu_name()})"
  print(
    "| config | samples/step | micro | critic step s | actor step s | collect s | "
    "iteration s | compile s (critic / actor / collect) | setup s |"
  )
  print(
    f"| {args.config} | {args.batch} | {c.algo.micro_batches} | {critic:.3f} | "
    f"{actor:.3f} | {collect:.2f} | {iteration:.1f} | {comp_c:.1f} / {comp_a:.1f} / "
    f"{comp_r:.1f} | {setup:.1f} |"
  )
  scaled = (
    f", measured on {c.train.rollout_size} and scaled x{rollout_size / c.train.rollout_size:g}"
    if c.train.rollout_size != rollout_size
    else ""
  )
  print(
    f"# {ver}; collect = one rollout of {rollout_size} episodes{scaled}; iteration = "
    f"collect + {n_critic} critic + {n_actor} actor steps (the config's schedule); "
    f"buffer: {'synthetic full-length rows' if args.synthetic else 'real rollouts'}"
  )


if __name__ == "__main__":
  main()
