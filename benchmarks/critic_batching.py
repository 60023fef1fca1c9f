"""Before / after: the target critic's encoder passes over s' and s batched into one call.

  python benchmarks/critic_batching.py --rows tiny,paper-small
  python benchmarks/critic_batching.py --rows paper --dtype bfloat16   # on a GPU

The critic loss needs five encoder passes per micro-batch: s and a (online), s', s and a_pi
(target). The target's s' and s passes share weights and shapes ([B, Lc]), so
`losses.critic_loss` runs them as one call over [2, B, Lc] (`target_state_embeddings`: the
online a pass and the target a_pi pass share shapes but not weights). This script traces the
critic step once with `separate_target_embeddings` in that seam (five calls, as before) and
once as it is, compiles both, compares the updates, and times them (interleaved, best of
--reps) on full-length random rows at each row's shapes (throughput.py's rows). Prints
markdown.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
import tempfile
import time

BATCHED = "s' and s batched"
BENCH = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(BENCH))
sys.path.insert(0, BENCH)


def separate_target_embeddings(embed, params, batch):
  """The "before" of `losses.target_state_embeddings`: the target's s' and s passes as two
  encoder calls (with the online s and a passes and the target a_pi pass, five in all)."""
  return (
    embed(params, batch["next_obs"], batch["next_obs_mask"]),
    embed(params, batch["obs"], batch["obs_mask"]),
  )


def measure(row: str, reps: int, dtype: str = "float32") -> dict:
  import flax.linen as nn
  import jax
  import numpy as np
  from bench_steps import synthetic_rows

  from archer_jax.algorithms import compiled, losses, steps
  from archer_jax.parallel.mesh import RULES
  from archer_jax.training.trainer import Trainer

  # isort: split
  # kept last: `throughput` sets the Hugging Face offline variables when it is imported
  import throughput

  c, _ = throughput.row_config(row, dtype)
  with tempfile.TemporaryDirectory() as tmp:
    throughput.prepare(row, c, tmp, None)
    tr = Trainer(c, workdir=tmp, progress=False)
  b, rng = c.algo.batch_size, np.random.default_rng(0)
  rows = synthetic_rows(tr.buffer.spec, b, len(tr.tokenizers.actor), rng)
  rows["pi_act"], rows["pi_act_mask"] = rows["act"].copy(), rows["act_mask"].copy()
  rows["pi_act"] = rng.integers(3, len(tr.tokenizers.actor), rows["act"].shape).astype(np.int32)
  batch = tr.ctx.device_batch(tr.ctx.batches.critic_batch(rows))
  embed, heads, embed_act = compiled.critic_fns(tr.nets)
  a = c.algo
  fn = functools.partial(
    steps.critic_step,
    tx=tr.nets.critic_tx,
    embed=embed,
    heads=heads,
    embed_act=embed_act,
    gamma=a.gamma,
    tau=a.tau,
    num_micro=a.micro_batches,
  )
  progs = {}
  orig = losses.target_state_embeddings
  with jax.sharding.set_mesh(tr.mesh), nn.logical_axis_rules(RULES):
    for name, embeddings in (("five calls", separate_target_embeddings), (BATCHED, orig)):
      losses.target_state_embeddings = embeddings  # read by critic_loss when it is traced
      try:
        progs[name] = jax.jit(fn).lower(tr.state.critic, tr.state.target, batch).compile()
      finally:
        losses.target_state_embeddings = orig
  results = {name: prog(tr.state.critic, tr.state.target, batch) for name, prog in progs.items()}
  jax.block_until_ready(results)
  times = {name: [] for name in progs}
  for _ in range(reps):  # interleaved, so a change in the machine's load hits both alike
    for name, prog in progs.items():
      t0 = time.perf_counter()
      jax.block_until_ready(prog(tr.state.critic, tr.state.target, batch))
      times[name].append(time.perf_counter() - t0)
  out = {name: min(t) for name, t in times.items()}
  leaves = [jax.tree.leaves(r) for r in results.values()]
  diff = max(
    float(np.max(np.abs(np.asarray(x, np.float64) - np.asarray(y, np.float64))))
    for x, y in zip(*leaves, strict=True)
  )
  out["max |diff|"] = diff
  return out


def main(argv=None):
  ap = argparse.ArgumentParser()
  ap.add_argument("--rows", default="tiny,paper-small")
  ap.add_argument("--reps", type=int, default=3)
  ap.add_argument("--dtype", default="float32", help="JAX compute dtype (bfloat16 on GPUs)")
  args = ap.parse_args(argv)
  os.chdir(os.path.dirname(BENCH))
  print(
    "| row | critic step s, five calls | s' and s batched | speed-up | max abs diff of "
    "the updated state and metrics |\n|---|---:|---:|---:|---:|"
  )
  for row in args.rows.split(","):
    r = measure(row, args.reps, args.dtype)
    print(
      f"| {row} | {r['five calls']:.3f} | {r[BATCHED]:.3f}"
      f" | {r['five calls'] / r[BATCHED]:.2f}x | "
      f"{r['max |diff|']:.2g} |",
      flush=True,
    )


if __name__ == "__main__":
  main()
