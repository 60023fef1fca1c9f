"""One implementation of one `throughput.py` row, measured in its own process.

Each `measure_*` returns a dict of per-unit times (seconds): `collect` (one rollout of the
config's rollout_size episodes) with its env steps and kept utterance tokens, `critic` and
`actor` (one update, its a_pi sampling included), their compile / warm-up times apart, and
the peak memory. Every phase runs once untimed first (compiling or warming it), then timed.
"""

from __future__ import annotations

import dataclasses
import os
import resource
import time

import numpy as np

CRITIC, ACTOR = 2, 3  # the archer algorithm's stream purposes


def peak_memory_mb(platform: str) -> float:
  """Device peak on accelerators (JAX or torch), else the process's peak RSS."""
  if platform == "torch-cuda":
    import torch

    return torch.cuda.max_memory_allocated() / 2**20
  if platform not in ("cpu", "torch-cpu"):
    import jax

    stats = jax.devices()[0].memory_stats() or {}
    if "peak_bytes_in_use" in stats:
      return stats["peak_bytes_in_use"] / 2**20
  return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _timed(fn, sync=lambda: None):
  t0 = time.perf_counter()
  out = fn()
  sync()
  return time.perf_counter() - t0, out


# ---- JAX: the trainer's own code -----------------------------------------------------------
def measure_jax(c, workdir: str, steps: int, mfu_reps: int = 3) -> dict:
  import jax
  from bench_steps import CompileClock

  from archer_jax.training.trainer import Trainer

  clock = CompileClock()
  tr = Trainer(c, workdir=workdir, progress=False)
  algo = tr.algorithm
  res = {"device": jax.devices()[0].device_kind, "platform": jax.devices()[0].platform}

  box = {}

  def collect(it):
    box["roll"], _ = tr.collect(it)

  w0, c0 = clock.time(collect, 0)  # compiles the sampler's buckets
  wall, comp = clock.time(collect, 1)
  roll = box["roll"]
  res.update(
    collect=wall - comp,
    collect_compile=c0 + comp,
    collect_warm=w0,
    env_steps=roll.num_turns,
    tokens=int(sum(len(a) for a in roll.act_ids)),
  )
  it = 2
  while len(tr.buffer) < c.algo.batch_size:
    collect(it)
    it += 1

  def critic_phase(n, it):
    tr.state, _ = algo.critic_phase(tr.state, tr.buffer, it, CRITIC, n)
    return tr.state  # so the clock waits for the device work

  w1, c1 = clock.time(critic_phase, 1, 0)
  wall, comp = clock.time(critic_phase, steps, 1)
  res.update(critic=(wall - comp) / steps, critic_compile=c1 + comp)

  def actor_phase(n, it):
    c.algo.actor_steps = n
    tr.state, _ = algo.actor_phase(tr.state, tr.buffer, it)
    return tr.state

  w2, c2 = clock.time(actor_phase, 1, 0)
  wall, comp = clock.time(actor_phase, steps, 1)
  res.update(actor=(wall - comp) / steps, actor_compile=c2 + comp)
  res["peak_mb"] = peak_memory_mb(res["platform"])
  res.update(prefill_share(tr))
  res.update(jitted_steps(tr, mfu_reps))
  res["actor_cfg"] = dataclasses.asdict(tr.nets.actor_cfg)
  res["critic_cfg"] = dataclasses.asdict(tr.nets.critic_cfg)
  res["peak"] = peak_flops(res["device"], tr.nets.actor_cfg.dtype)
  from flops import device_peak

  res["bandwidth"] = device_peak(res["device"])[2]
  res["decode_rows"] = int(tr.ctx.policy.sampler.pad([[1]] * c.train.rollout_size)[0].shape[0])
  return res


def peak_flops(kind: str, dtype: str) -> tuple[str, float]:
  """(name, FLOP/s) the MFU is taken against: the datasheet peak of a known accelerator at
  the compute dtype, else a jitted f32 matmul measured here ("CPU as measured")."""
  from flops import device_peak, measured_matmul_peak

  name, peak, _ = device_peak(kind, dtype)
  if peak is None:
    return f"{kind} as measured (f32 matmul)", measured_matmul_peak()
  return f"{name} {dtype}", peak


def prefill_share(tr, reps: int = 2) -> dict:
  """Seconds of one rollout turn's sampler call at the rollout's shapes (rollout_size rows,
  full observation window, all max_new_tokens) and of its prefill alone (1 new token): how
  much of a turn re-reads the whole history."""
  import flax.linen as nn
  import jax

  from archer_jax.generation import sample
  from archer_jax.parallel.mesh import RULES

  c, pol = tr.config, tr.ctx.policy.sampler
  rng = np.random.default_rng(0)
  prompts = [
    list(rng.integers(3, tr.nets.actor_cfg.vocab_size, c.actor.obs_len))
    for _ in range(c.train.rollout_size)
  ]
  tokens, mask = pol.pad(prompts)
  lm = tr.state.actor.params["lm"]
  out = {}
  for name, n in (("turn_prefill", 1), ("turn_sample", c.actor.max_new_tokens)):
    # (`call` only runs inside this iteration, so the late-bound `n` is safe)
    call = lambda: sample(
      lm,
      tokens,
      mask,
      jax.random.PRNGKey(0),
      np.float32(1.0),
      None,
      cfg=tr.nets.actor_cfg,
      max_new_tokens=n,  # noqa: B023
    )
    with jax.sharding.set_mesh(tr.mesh), nn.logical_axis_rules(RULES):
      jax.block_until_ready(call())
      times = []
      for _ in range(reps):
        t0 = time.perf_counter()
        jax.block_until_ready(call())
        times.append(time.perf_counter() - t0)
    out[name] = min(times)
  return out


def jitted_steps(tr, reps: int) -> dict:
  """Seconds of the jitted critic and actor steps alone (a_pi ready on the device), and
  XLA's FLOP counts of them, for MFU."""
  import jax

  c, algo, ctx = tr.config, tr.algorithm, tr.ctx
  key, rng = ctx.streams(99, CRITIC)
  rows = tr.buffer.sample(rng, c.algo.batch_size)
  rows.update(ctx.sample_pi(tr.state, key, rows))
  cb = ctx.device_batch(ctx.batches.critic_batch(rows))
  crit = ctx.batches.critic_batch(rows)
  ab = ctx.device_batch(
    {
      "critic": {k: crit[k] for k in ("obs", "obs_mask", "pi_act", "pi_act_mask")},
      "actor": ctx.batches.actor_batch(rows),
    }
  )
  st = tr.state
  out = xla_step_flops(tr, cb, ab)
  critic, target = st.critic, st.target
  times = []
  for _ in range(reps + 1):
    t0 = time.perf_counter()
    critic, target, m = algo.critic_step(critic, target, cb)
    jax.block_until_ready((critic, target, m))
    times.append(time.perf_counter() - t0)
  out["critic_jit"] = min(times[1:])
  actor, times = st.actor, []
  for _ in range(reps + 1):
    t0 = time.perf_counter()
    actor, m = algo.actor_step(actor, critic.params, ab, st.ref)
    jax.block_until_ready((actor, m))
    times.append(time.perf_counter() - t0)
  out["actor_jit"] = min(times[1:])
  tr.state = st.replace(critic=critic, target=target, actor=actor)
  return out


def xla_step_flops(tr, cb, ab) -> dict:
  """XLA's FLOP counts of the critic and actor steps, lowered (not compiled) on abstract
  states with every layer unrolled: XLA's cost model counts a loop body once, so the
  scanned layer stack would be counted as one layer (micro-batch scans are multiplied by
  their count in `flops.xla_flops`)."""
  import functools

  import flax.linen as nn
  import jax
  from flops import xla_flops

  from archer_jax.algorithms import compiled, steps
  from archer_jax.algorithms.networks import DoubleCritic, PolicyWithValue
  from archer_jax.parallel.mesh import RULES
  from archer_jax.training.state import TrainState

  nets, c, a = tr.nets, tr.config, tr.config.algo
  anet = PolicyWithValue(
    nets.actor_cfg.replace(scan_layers=False), value_head=nets.actor_net.value_head
  )
  cnet = DoubleCritic(nets.critic_cfg.replace(scan_layers=False), joint=nets.critic_net.joint)
  un = dataclasses.replace(nets, actor_net=anet, critic_net=cnet)
  key = jax.random.PRNGKey(0)
  abstract = lambda net, args, tx: jax.eval_shape(
    lambda: nn.meta.unbox(TrainState.create(net.init(key, *args)["params"], tx))
  )
  cdummy = tuple(cb[k][:1] for k in ("obs", "obs_mask", "act", "act_mask"))
  cst = abstract(cnet, cdummy, nets.critic_tx)
  ast = abstract(anet, nets.actor_dummy, nets.actor_tx)
  embed, heads, embed_act = compiled.critic_fns(un)
  crit = functools.partial(
    steps.critic_step,
    tx=nets.critic_tx,
    embed=embed,
    heads=heads,
    embed_act=embed_act,
    gamma=a.gamma,
    tau=a.tau,
    num_micro=a.micro_batches,
    v_loss=a.v_loss,
    expectile=a.expectile,
  )
  act = functools.partial(
    steps.actor_step_with_critic,
    tx=nets.actor_tx,
    apply=compiled.actor_apply(un, c),
    embed=embed,
    heads=heads,
    embed_act=embed_act,
    **compiled.policy_kw(c),
  )
  with jax.sharding.set_mesh(tr.mesh), nn.logical_axis_rules(RULES):
    lc = jax.jit(crit).lower(cst, cst.params, cb)
    la = jax.jit(act).lower(ast, cst.params, ab, {})
  return {
    "critic_xla_flops": xla_flops(lc, a.micro_batches),
    "actor_xla_flops": xla_flops(la, a.micro_batches),
  }


# ---- PyTorch ---------------------------------------------------------------------------------
def measure_torch(
  c,
  impl: str,
  actor_cfg,
  critic_cfg,
  tokenizers,
  steps: int,
  weights=None,
  compile_torch: bool | None = None,
) -> dict:
  """impl: "faithful" | "optimised"; weights: (actor dir, critic dir) of pretrained
  transformers checkpoints, or None for random initialisation."""
  import torch
  from pytorch_baseline.base import Settings
  from pytorch_baseline.faithful import FaithfulArcher
  from pytorch_baseline.optimised import OptimisedArcher

  from archer_jax.envs.registry import make_env

  cuda = torch.cuda.is_available()
  device = "cuda" if cuda else "cpu"
  sync = torch.cuda.synchronize if cuda else (lambda: None)
  s = Settings.from_config(c)
  if impl == "faithful":
    row = FaithfulArcher(s, actor_cfg, critic_cfg, tokenizers, device=device, weights=weights)
  else:
    comp = cuda if compile_torch is None else compile_torch
    row = OptimisedArcher(
      s, actor_cfg, critic_cfg, tokenizers, device=device, weights=weights, compile=comp
    )
  res = {
    "device": torch.cuda.get_device_name() if cuda else "cpu",
    "platform": "torch-cuda" if cuda else "torch-cpu",
  }
  n = c.train.rollout_size
  env = make_env(c.env, batch_size=n, seed=c.seed)
  seeds = lambda it, k=n: list(np.random.default_rng([c.seed, it]).integers(0, 2**31 - 1, k))
  warm = min(n, 8)  # warm-up on a few rows: no shapes to compile for
  w0, _ = _timed(
    lambda: row.collect(make_env(c.env, batch_size=warm, seed=c.seed), seeds(0, warm)), sync
  )
  wall, stats = _timed(lambda: row.collect(env, seeds(1)), sync)
  res.update(collect=wall, collect_compile=w0, env_steps=stats["env_steps"], tokens=stats["tokens"])
  if impl == "faithful":
    critic = lambda k: [row.critic_update() for _ in range(k)]
  else:
    critic = row.critic_phase
  actor = lambda k: [row.actor_update() for _ in range(k)]
  w1, _ = _timed(lambda: critic(1), sync)
  wall, _ = _timed(lambda: critic(steps), sync)
  res.update(critic=wall / steps, critic_compile=w1)
  w2, _ = _timed(lambda: actor(1), sync)
  wall, _ = _timed(lambda: actor(steps), sync)
  res.update(actor=wall / steps, actor_compile=w2)
  res["peak_mb"] = peak_memory_mb(res["platform"])
  res["threads"] = torch.get_num_threads()
  os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
  return res
