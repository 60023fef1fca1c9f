"""Algorithms as plug-ins: a table of `Algorithm` classes chosen by `config.algo.name`.

An algorithm declares the networks it needs (`needs`), what it keeps from each collection
(`row_spec`, `rows`), how it acts (`act`: sampled, greedy, best-of-k, ...) and its update
phase(s) (`pretrain`, `update`), all as functions of an explicit `RLState`; the trainer keeps
only collection, evaluation, checkpointing and reporting. An offline algorithm
(`online = False`) collects nothing: the trainer hands it the run's offline dataset once
(`load_dataset`), and environments step only in evaluation. A fork registers a new one
from its own file:

    from archer_jax.algorithms import Algorithm, register

    @register
    class MyAlgo(Algorithm):
      name = "my_algo"
      def update(self, state, buffer, it):
        ...
        return state, metrics

and runs it with `--config.algo.name=my_algo --config.plugins=path/to/my_algo.py`
(`docs/algorithms.md`).
"""

from __future__ import annotations

import importlib
from typing import ClassVar

_ALGORITHMS: dict[str, type] = {}
_BUILTINS = (
  "archer_jax.algorithms.archer",
  "archer_jax.algorithms.chai",
  "archer_jax.algorithms.filtered_bc",
  "archer_jax.algorithms.offline_archer",
  "archer_jax.algorithms.offline_bc",
  "archer_jax.algorithms.ppo",
)


def register(cls=None, *, replace: bool = False):
  """Class decorator: add an `Algorithm` subclass to the table under `cls.name`."""

  def add(c):
    name = getattr(c, "name", "")
    if not name or not isinstance(name, str):
      raise ValueError(f"register: {c.__name__} needs a class attribute `name`")
    if name in _ALGORITHMS and _ALGORITHMS[name] is not c and not replace:
      raise ValueError(
        f"register: algorithm {name!r} is already registered "
        f"({_ALGORITHMS[name].__module__}); pass replace=True"
      )
    _ALGORITHMS[name] = c
    return c

  return add(cls) if cls is not None else add


def _load_builtins() -> None:
  for module in _BUILTINS:
    importlib.import_module(module)


def algorithm_names() -> tuple[str, ...]:
  _load_builtins()
  return tuple(_ALGORITHMS)


def get_algorithm(name: str) -> type:
  """The registered class, or ConfigError naming the field and the known names."""
  _load_builtins()
  if name not in _ALGORITHMS:
    from archer_jax.training.validate import ConfigError

    raise ConfigError(
      f"config.algo.name: unknown algorithm {name!r}; known: {', '.join(_ALGORITHMS)}"
    )
  return _ALGORITHMS[name]


class Algorithm:
  """Base class of a registered algorithm (ArCHer's defaults where there is one).

  Subclasses set `name` and override what differs. `ctx` (an `algorithms.base.Context`)
  gives the config, the networks, the policy sampler, the batch builder, the device-batch
  helper and the run's random streams."""

  name: ClassVar[str] = ""
  description: ClassVar[str] = ""
  # False: an offline algorithm; the trainer collects no episodes and, before the first
  # iteration, gives it the run's offline dataset (`load_dataset`)
  online: ClassVar[bool] = True
  # True: the buffer is kept per batch shard (a process holds its shards' rows, steps get
  # only local rows: `Context.device_batch`); False: every process keeps every row and
  # builds global batches (`Context.global_batch`), for updates that need all of a
  # collection at once (PPO's minibatch epochs)
  per_shard_data: ClassVar[bool] = True

  # ---- declarations (class level: read before anything is built) -------------------------
  @classmethod
  def needs(cls, config):
    """Which networks to build: a critic (and target), the token-level value head, the
    reference policy."""
    from archer_jax.training.builder import Needs

    return Needs(
      critic=True, value_head=bool(config.algo.baseline), reference=bool(config.algo.kl_coef)
    )

  @classmethod
  def policy_gradient(cls, config) -> bool:
    """Whether the actor trains with `losses.policy_loss` (the token-level policy gradient),
    the loss `algo.unlikelihood_coef` adds to."""
    return True

  @classmethod
  def check(cls, config) -> None:
    """Algorithm-specific config checks; raise ConfigError naming the field."""

  def __init__(self, ctx):
    self.ctx = ctx
    self.config = ctx.config

  # ---- data ---------------------------------------------------------------------------
  def buffer_capacity(self) -> int:
    return int(self.config.train.buffer_capacity)

  def row_spec(self) -> dict:
    """{field: (shape, dtype)} of the rows this algorithm stores per transition."""
    return self.ctx.batches.transition_spec(self.ctx.hidden_size)

  def rows(self, state, roll, it: int) -> dict:
    """A collected `RolloutBatch` -> rows for the buffer (`row_spec`)."""
    return self.ctx.batches.transitions(roll, self.ctx.critic_params(state))

  def load_dataset(self, state, buffer, trajectories):
    """Offline algorithms: the dataset's episodes (`Trajectory` list) into the buffer,
    before the first iteration (default: their transitions as `rows(state, roll, -1)`) ->
    state."""
    from archer_jax.training.rollout import from_trajectories

    c = self.config
    roll = from_trajectories(
      trajectories, self.ctx.tokenizers.actor_encoder, c.actor.stop_strings[0]
    )
    buffer.add(
      self.rows(state, roll, -1), self.ctx.shards.of_episodes(roll.episode, len(trajectories))
    )
    return state

  # ---- acting -------------------------------------------------------------------------
  def act(self, state, key, greedy: bool):
    """The behaviour policy: (prompt ids, observation texts) -> (ids, texts)."""
    return self.ctx.policy.generate_fn(state.actor.params, key, greedy)

  def act_sharded(self, state, key, greedy: bool):
    """The behaviour policy over batch-sharded episodes (`acts_sharded`): (one list of
    prompt ids per local shard, their observation texts) -> (ids, texts) of those rows in
    shard order. Every process makes the same calls (`rollout.collect(..., shards=...)`)."""
    return self.ctx.policy.generate_blocks_fn(state.actor.params, key, greedy)

  @classmethod
  def acts_sharded(cls, shards: int) -> bool:
    """Whether each process plays only its batch shards' episodes (`act_sharded`): with
    several shards, when the buffer is kept per shard, and unless the algorithm has its own
    `act` without a sharded form (then every process plays every episode with `act`)."""
    own_act = cls.act is not Algorithm.act
    own_sharded = cls.act_sharded is not Algorithm.act_sharded
    return cls.per_shard_data and shards > 1 and (own_sharded or not own_act)

  # ---- compile check ------------------------------------------------------------------
  def programs(self, state) -> list[tuple]:
    """The update phase's jitted steps as (name, step, args), args as the step is called:
    the RL-state parts (as `state` holds them) and host batches of zeros at the shapes the
    loop feeds (`context.example_rows`). `python -m archer_jax.aot` compiles them, with
    the sampler, for a machine that is not here; it refuses an algorithm that lists none."""
    return []

  # ---- updates ------------------------------------------------------------------------
  def pretrain(self, state, buffer):
    """After the BC warm start (e.g. critic steps on the demonstrations) -> (state, metrics)."""
    return state, {}

  def update(self, state, buffer, it: int):
    """One iteration's update phase(s) on the buffer -> (state, metrics)."""
    raise NotImplementedError
