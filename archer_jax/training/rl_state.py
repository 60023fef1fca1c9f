"""The one RL state of a run, and the run's random streams.

`RLState` is an immutable pytree holding everything that is learnt: the actor, critic and
target-critic train states, the reference policy and the counters. Algorithms are functions
(state, data) -> (state, metrics); the trainer holds the state; a checkpoint is this object
plus the replay buffer. Networks an algorithm does not need are None.
"""

from __future__ import annotations

import functools
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np
from flax import struct

from archer_jax.training.state import TrainState


@struct.dataclass
class RLState:
  """actor: TrainState of the policy (and its value head, when one is used).
  critic: TrainState of the double critic, or None.
  target: the target critic's parameters (Polyak-averaged copy), or None.
  ref: the reference policy's parameters (the KL anchor), or {} when unused.
  iteration: int32 [] RL iterations done. bc_done: bool [] warm start done.
  algo: an algorithm's own learnt values kept across iterations, {name: array} (e.g. PPO's
  adaptive KL coefficient), initialised from `Needs.algo`; {} when unused.
  avg: the Polyak average of the actor's trainable weights that evaluation runs
  (`actor.eval_average`; see `averaged` and `polyak`), or {} when unused."""

  actor: TrainState
  critic: TrainState | None = None
  target: Any = None
  ref: Any = struct.field(default_factory=dict)
  iteration: Any = struct.field(default_factory=lambda: np.zeros((), np.int32))
  bc_done: Any = struct.field(default_factory=lambda: np.zeros((), np.bool_))
  algo: Any = struct.field(default_factory=dict)
  avg: Any = struct.field(default_factory=dict)

  @property
  def it(self) -> int:
    """The iteration counter as a host int (a scalar already on the host)."""
    return int(self.iteration)


def averaged(params, lora: bool) -> dict:
  """The part of the actor's weights an eval average covers: all of them, or under LoRA all
  but the frozen base LM ("lm")."""
  return {k: v for k, v in params.items() if not (lora and k == "lm")}


def eval_params(state: RLState):
  """The actor weights evaluation runs: the live ones with the average (if any) in place."""
  return dict(state.actor.params, **state.avg) if state.avg else state.actor.params


@functools.partial(jax.jit, donate_argnums=0)
def polyak(avg, params, decay):
  """avg <- decay * avg + (1 - decay) * params, leaf by leaf (any pytree; `params` has avg's
  structure). Computed in float32 and stored in each leaf's dtype; `avg` is donated."""

  def mix(a, p):
    return (decay * a.astype(jnp.float32) + (1.0 - decay) * p.astype(jnp.float32)).astype(a.dtype)

  return jax.tree.map(mix, avg, params)


def streams(seed: int, it: int, what: int):
  """The random streams of (run seed, iteration, purpose): a JAX key and a numpy Generator.

  Every random choice of a run draws from one of these, so a resumed run repeats the
  uninterrupted one bit for bit. Purposes in use: 1 collect, 2 critic phase, 3 + s actor step
  s, 1_000_003 BC warm start, 1_000_033 critic warm start (it = 0)."""
  k = jax.random.fold_in(jax.random.fold_in(jax.random.PRNGKey(seed), it), what)
  return k, np.random.default_rng([seed, it, what])


def shard_rngs(seed: int, it: int, what: int, shards) -> list[np.random.Generator]:
  """One numpy Generator per local shard of `shards` (`parallel.shards.Shards`): stream
  (seed, it, purpose, shard); with a single shard, the run's stream (seed, it, purpose)."""
  if shards.count == 1:
    return [streams(seed, it, what)[1]]
  return [np.random.default_rng([seed, it, what, s]) for s in shards.local]


def warm_seed(config) -> int:
  """The seed of a run's warm start: the actor's initial weights, the demonstrations (and the
  tokenizer trained on them) and the BC batches. `bc.seed` when >= 0, else the run's seed:
  runs over seeds that set one `bc.seed` start RL from the same BC policy."""
  s = int(config.bc.get("seed", -1))
  return int(config.seed) if s < 0 else s
