"""What an algorithm gets to work with: the config, the networks, the policy sampler, the
batch builder, the mesh and the run's random streams (everything static of a run; the
learnt state is the `RLState` passed to each call)."""

from __future__ import annotations

import dataclasses
from typing import Any

import jax
import numpy as np

from archer_jax.parallel.mesh import data_sharding, to_host
from archer_jax.training.progress import QUIET, Progress
from archer_jax.training.rl_state import shard_rngs, streams


@dataclasses.dataclass
class Context:
  config: Any
  mesh: Any
  nets: Any  # training.builder.Networks
  tokenizers: Any  # training.builder.Tokenizers
  policy: Any  # training.policy.Policy
  batches: Any  # training.batches.Batcher
  progress: Progress = QUIET  # phases and their step counts, for people watching
  # the algorithm's `per_shard_data`: steps get this process's rows (else every process
  # holds every row, and `device_batch` takes the global batch)
  per_shard: bool = True

  @property
  def hidden_size(self) -> int | None:
    return self.nets.critic_cfg.hidden_size if self.nets.critic_cfg is not None else None

  @staticmethod
  def critic_params(state):
    return state.critic.params if state.critic is not None else None

  @property
  def shards(self):
    """The batch axis's shards (`parallel.shards.Shards`): host data is kept per shard."""
    return self.policy.shards

  def streams(self, it: int, what: int):
    """(JAX key, numpy Generator) of (run seed, iteration, purpose); see `rl_state.streams`."""
    return streams(self.config.seed, it, what)

  def shard_rngs(self, it: int, what: int) -> list[np.random.Generator]:
    """One numpy Generator per local shard: stream (seed, it, purpose, shard), or with one
    shard the run's own stream (seed, it, purpose)."""
    return shard_rngs(self.config.seed, it, what, self.shards)

  def device_batch(self, tree):
    """This process's rows (its shards' equal blocks, shard order) -> global arrays sharded
    over the mesh's data axes (batch-major, shard-major). Each process gives only its own
    rows (`Shards.put`): no global batch is built, nothing is compared across hosts. For an
    algorithm without `per_shard_data`, the global batch (`global_batch`)."""
    return self.shards.put(tree) if self.per_shard else self.global_batch(tree)

  def global_batch(self, tree):
    """Host arrays every process holds in full (replicated host data, e.g. every episode's
    turn during acting) -> global arrays sharded over the data axes; each process copies only
    the rows its own devices hold (`jax.make_array_from_callback`)."""

    def put(v):
      v = np.asarray(v)
      sh = data_sharding(self.mesh, v.ndim)
      return jax.make_array_from_callback(v.shape, sh, lambda index: v[index])

    return jax.tree.map(put, tree)

  def step_rows(self, rows: dict, steps: int, s: int) -> dict:
    """Step s's rows of a draw for `steps` steps: every local shard's block of the draw
    holds `steps` consecutive per-step blocks; step s takes block s of each shard."""
    nloc = len(self.shards.local)

    def one(v):
      v = v.reshape(nloc, steps, -1, *v.shape[1:])[:, s]
      return v.reshape(-1, *v.shape[2:])

    return {k: one(v) for k, v in rows.items()}

  def sample_pi(self, state, key, rows, k: int = 1, report: bool = False) -> dict:
    """a_pi ~ pi(.|s) for every row (k per row when k > 1: fields [N, k, ...]) as batch
    fields (`Batcher.pi_fields`), sampled in large chunks with the state's actor
    (report: as an "a_pi" phase counting chunks)."""
    if k > 1:
      rows = {n: np.repeat(rows[n], k, axis=0) for n in ("a_obs", "a_obs_mask", "obs", "obs_mask")}
    chunks = -(-len(rows["a_obs"]) // self.config.actor.sample_chunk)
    with (self.progress if report else QUIET).phase("a_pi", chunks, "chunks") as p:
      ids, texts, logp = self.policy.sample_rows(
        state.actor.params, key, rows["a_obs"], rows["a_obs_mask"], on_chunk=p.update
      )
    out = self.batches.pi_fields(ids, texts, logp, rows, self.critic_params(state))
    if k > 1:
      out = {n: v.reshape(-1, k, *v.shape[1:]) for n, v in out.items()}
    return out


def critic_steps(ctx: Context, step, state, rows: dict, steps: int):
  """`steps` critic updates `step(critic, target, batch) -> (critic, target, metrics)`, update
  s on block s of every shard's rows (`Context.step_rows`), as a "critic" phase.
  Returns (state with the new critic and target, mean metrics)."""
  critic, target, ms = state.critic, state.target, []
  with ctx.progress.phase("critic", steps) as p:
    for s in range(steps):
      part = ctx.step_rows(rows, steps, s)
      critic, target, m = step(critic, target, ctx.device_batch(ctx.batches.critic_batch(part)))
      ms.append(m)
      p.update()
    metrics = mean_metrics(ms)  # waits for the steps: the phase's time is their compute
  return state.replace(critic=critic, target=target), metrics


def bc_steps(ctx: Context, step, actor, buffer, rows, it: int, steps: int, purpose: int):
  """`steps` BC updates `step(actor, batch) -> (actor, metrics)` on buffer rows drawn from
  the row indices `rows` (one index array per local shard's ring; algo.batch_size / D rows
  per shard per step; update s draws from streams (it, purpose + s, shard)), as a "bc"
  phase. Returns (actor, mean metrics)."""
  ms = []
  per = ctx.shards.per_shard(ctx.config.algo.batch_size, "algo.batch_size")
  with ctx.progress.phase("bc", steps) as p:
    for s in range(steps):
      picked, valid = [], []
      for part, idx, rng in zip(buffer.parts, rows, ctx.shard_rngs(it, purpose + s), strict=True):
        take = idx[rng.integers(0, len(idx), size=per)] if len(idx) else np.zeros(per, int)
        picked.append({k: v[take] for k, v in part.data.items()})
        valid.append(np.full(per, float(len(idx) > 0), np.float32))  # none kept: padding
      batch = ctx.batches.bc_batch({k: np.concatenate([x[k] for x in picked]) for k in picked[0]})
      batch["valid"] = np.concatenate(valid)
      actor, m = step(actor, ctx.device_batch(batch))
      ms.append(m)
      p.update()
    metrics = mean_metrics(ms)  # waits for the steps: the phase's time is their compute
  return actor, metrics


def actor_steps(ctx: Context, state, buffer, it: int, steps: int, purpose: int, update):
  """`steps` policy updates as an "actor" phase: update s draws a JAX key from stream
  (it, purpose + s) and algo.batch_size buffer rows from its shards' streams and calls
  `update(actor, key, rows) -> (actor, metrics)` (a_pi sampling included). Returns (state
  with the new actor, mean metrics)."""
  actor, ms = state.actor, []
  with ctx.progress.phase("actor", steps) as p:
    for s in range(steps):
      key, _ = ctx.streams(it, purpose + s)
      rows = buffer.sample(ctx.shard_rngs(it, purpose + s), ctx.config.algo.batch_size)
      actor, m = update(actor, key, rows)
      ms.append(m)
      p.update()
    metrics = mean_metrics(ms)  # waits for the steps: the phase's time is their compute
  return state.replace(actor=actor), metrics


def pi_batch(ctx: Context, state, key, rows: dict) -> dict:
  """Fresh a_pi ~ `state.actor` for `rows` (added to them) and the host batch of a policy
  step on them (`policy_batch`)."""
  rows.update(ctx.sample_pi(state, key, rows))
  return policy_batch(ctx, rows)


def policy_batch(ctx: Context, rows: dict) -> dict:
  """Rows with a_pi fields -> a policy step's host batch: {"critic": obs, obs_mask, pi_act,
  pi_act_mask; "actor": `actor_batch`}."""
  crit = ctx.batches.critic_batch(rows)
  return {
    "critic": {k: crit[k] for k in ("obs", "obs_mask", "pi_act", "pi_act_mask")},
    "actor": ctx.batches.actor_batch(rows),
  }


def example_rows(ctx: Context, spec: dict, n: int, pi: int = 0) -> dict:
  """n rows of zeros of a row spec {field: (shape, dtype)} (a compile check's data); pi = k
  >= 1 adds a_pi fields as `Context.sample_pi` does (k > 1: [n, k, ...])."""
  rows = {f: np.zeros((n, *shape), dtype) for f, (shape, dtype) in spec.items()}
  if pi:
    la, ca = ctx.config.actor.max_new_tokens, ctx.config.critic.act_len
    lead = (n,) if pi == 1 else (n, pi)
    rows.update(
      pi_a_act=np.zeros((*lead, la), np.int32),
      pi_a_act_mask=np.zeros((*lead, la), bool),
      pi_logp=np.zeros((*lead, la), np.float32),
      pi_act=np.zeros((*lead, ca), np.int32),
      pi_act_mask=np.zeros((*lead, ca), bool),
    )
    if ctx.batches.frozen:
      rows["pi_feat"] = np.zeros((*lead, ctx.hidden_size), np.float32)
  return rows


def mean_metrics(ms: list[dict]) -> dict:
  """Per-step device metrics -> their means as floats (one transfer per phase)."""
  if not ms:
    return {}
  host = to_host(ms)
  return {k: float(np.mean([m[k] for m in host])) for k in host[0]}
