"""Start-up validation of a training config: every impossible value fails here, before any
compute, with a message naming the field."""

from __future__ import annotations

import jax


class ConfigError(ValueError):
  pass


def load_config(spec: str):
  """ "path/to/config.py[:variant]" -> ConfigDict (as `--config` does, for scripts/tests)."""
  import importlib.util
  import os
  import sys

  path, _, variant = spec.partition(":")
  if not os.path.exists(path):
    raise ConfigError(f"config file {path!r} does not exist")
  root = os.path.dirname(os.path.dirname(os.path.abspath(path)))
  if root not in sys.path:
    sys.path.insert(0, root)
  mod_spec = importlib.util.spec_from_file_location("_archer_config", path)
  module = importlib.util.module_from_spec(mod_spec)
  mod_spec.loader.exec_module(module)
  return module.get_config(variant) if variant else module.get_config()


def override(config, path: str, value) -> None:
  """config.<path> = value for a dotted path ("algo.batch_size")."""
  parent, _, last = path.rpartition(".")
  try:
    _lookup(config, parent)[last] = value
  except (KeyError, AttributeError, TypeError) as e:
    raise ConfigError(f"config.{path}: cannot set it ({e})") from None


def _lookup(config, path: str):
  """The node at a dotted path ("" is the config itself)."""
  node = config
  for p in filter(None, path.split(".")):
    node = node[p]
  return node


def _require(cond: bool, field: str, msg: str):
  if not cond:
    raise ConfigError(f"config.{field}: {msg}")


def _positive(cfg, path: str, allow_zero: bool = False):
  node = _lookup(cfg, path)
  ok = node >= 0 if allow_zero else node > 0
  _require(ok, path, f"must be {'>= 0' if allow_zero else '> 0'}, got {node!r}")


def validate(config, num_devices: int | None = None) -> None:
  """Raise ConfigError naming the first bad field."""
  from archer_jax.algorithms.registry import get_algorithm
  from archer_jax.envs.registry import env_names, has_player
  from archer_jax.parallel.mesh import make_mesh  # noqa: F401  (shape syntax checked below)

  envs = env_names()
  _require(
    config.env.name in envs,
    "env.name",
    f"unknown env {config.env.name!r}; known: {', '.join(envs)}",
  )
  algorithm = get_algorithm(config.algo.name)  # ConfigError naming the known names
  algorithm.check(config)
  ul = config.algo.get("unlikelihood_coef", 0.0)
  _require(
    isinstance(ul, (int, float)) and not isinstance(ul, bool) and ul >= 0,
    "algo.unlikelihood_coef",
    f"must be a number >= 0, got {ul!r}",
  )
  _require(
    not ul or algorithm.policy_gradient(config),
    "algo.unlikelihood_coef",
    f"{config.algo.name} trains no token-level policy gradient (losses.policy_loss) to add "
    "it to; set it to 0",
  )
  _require(
    config.bc.steps == 0 or has_player(config.env.name) or config.bc.get("json_path"),
    "bc.steps",
    f"the BC warm start needs demonstrations: env {config.env.name!r} has "
    "no scripted player (set bc.steps=0, or give bc.json_path)",
  )
  for path in ("actor.lr", "critic.lr", "bc.lr"):
    _positive(config, path, allow_zero=path == "bc.lr")
  for path in (
    "algo.batch_size",
    "algo.micro_batches",
    "train.rollout_size",
    "train.iterations",
    "train.buffer_capacity",
    "actor.max_new_tokens",
    "actor.obs_len",
    "critic.obs_len",
    "critic.act_len",
    "train.eval_episodes",
  ):
    _positive(config, path)
  for path in (
    "algo.critic_steps",
    "algo.actor_steps",
    "algo.warmup_iters",
    "bc.steps",
    "bc.critic_steps",
    "train.eval_every",
    "train.checkpoint_every",
  ):
    _positive(config, path, allow_zero=True)
  bc_seed = config.bc.get("seed", -1)
  _require(
    isinstance(bc_seed, int) and bc_seed >= -1,
    "bc.seed",
    f"must be an integer >= 0, or -1 for the run's seed; got {bc_seed!r}",
  )
  _require(
    0.0 <= config.algo.gamma <= 1.0, "algo.gamma", f"must be in [0, 1], got {config.algo.gamma}"
  )
  _require(0.0 < config.algo.tau <= 1.0, "algo.tau", f"must be in (0, 1], got {config.algo.tau}")
  _require(0.0 < config.algo.expectile < 1.0, "algo.expectile", "must be in (0, 1)")
  _require(config.algo.v_loss in ("mse", "expectile"), "algo.v_loss", "must be mse|expectile")
  steps = config.actor.get("lr_decay_steps", 0)
  _require(
    isinstance(steps, int) and steps >= 0,
    "actor.lr_decay_steps",
    f"must be an integer >= 0 (0: a constant lr), got {steps!r}",
  )
  end = config.actor.get("lr_end", 0.0)
  _require(0.0 <= end <= 1.0, "actor.lr_end", f"must be in [0, 1], got {end}")
  d = config.actor.get("eval_average", 0.0)
  _require(0.0 <= d < 1.0, "actor.eval_average", f"must be in [0, 1), got {d}")
  _require(config.actor.temperature > 0, "actor.temperature", "must be > 0")
  from archer_jax.training import precision

  for who in ("actor", "critic"):
    try:
      precision.model_fields(config[who], who, jax.default_backend())
    except ValueError as e:
      raise ConfigError(f"config.{e}") from None
  b, m = config.algo.batch_size, config.algo.micro_batches
  _require(b % m == 0, "algo.batch_size", f"{b} is not divisible by algo.micro_batches={m}")
  shape = [int(s) for s in str(config.mesh).split(",")]
  _require(
    len(shape) == 3,
    "mesh",
    f"needs 3 comma-separated sizes (data,fsdp,tensor), got {config.mesh!r}",
  )
  n = num_devices if num_devices is not None else jax.device_count()
  if -1 in shape:
    known = 1
    for s in shape:
      known *= s if s != -1 else 1
    _require(n % known == 0, "mesh", f"{config.mesh!r} does not fit {n} devices")
    shape[shape.index(-1)] = n // known
  total = shape[0] * shape[1] * shape[2]
  _require(total == n, "mesh", f"{config.mesh!r} needs {total} devices, have {n}")
  dp = shape[0] * shape[1]
  _require(
    (b // m) % dp == 0,
    "algo.batch_size",
    f"micro-batch {b // m} (batch_size {b} / micro_batches {m}) is not divisible by "
    f"the mesh's data*fsdp = {dp}",
  )
  bb = config.bc.batch_size
  _require(
    config.bc.steps == 0 or bb % dp == 0,
    "bc.batch_size",
    f"{bb} is not divisible by the mesh's data*fsdp = {dp}",
  )
  _require(config.train.rollout_size % 1 == 0, "train.rollout_size", "must be an integer")
  g = config.train.get("greedy_rollouts", 0)
  _require(
    isinstance(g, int) and 0 <= g < config.train.rollout_size,
    "train.greedy_rollouts",
    f"must be an integer in [0, rollout_size = {config.train.rollout_size}), got {g!r}",
  )
  import os

  jp = config.bc.get("json_path", "")
  _require(not jp or os.path.isfile(jp), "bc.json_path", f"no such file {jp!r}")
  reask = config.bc.get("reask", True)
  _require(isinstance(reask, bool), "bc.reask", f"must be True or False, got {reask!r}")
  _require(
    not (config.bc.get("to_buffer") or config.bc.get("critic_steps")) or config.bc.steps > 0,
    "bc.to_buffer",
    "to_buffer / critic_steps need the BC warm start (bc.steps > 0)",
  )
  for flag in ("joint", "seen_tokens", "freeze_encoder"):
    _require(
      isinstance(config.critic.get(flag, False), bool), f"critic.{flag}", "must be True or False"
    )
  gate = config.actor.get("seen_gate", False)
  _require(isinstance(gate, bool), "actor.seen_gate", f"must be True or False, got {gate!r}")
  bias = config.actor.get("seen_bias", False)
  _require(isinstance(bias, bool), "actor.seen_bias", f"must be True or False, got {bias!r}")
  _require(not bias or gate is True, "actor.seen_bias", "needs actor.seen_gate=True")
  attend = config.actor.get("attend_len", 0)
  _require(
    isinstance(attend, int) and not isinstance(attend, bool) and 0 <= attend,
    "actor.attend_len",
    f"must be an int >= 0, got {attend!r}",
  )
  _require(
    not attend or (gate is True and attend <= config.actor.obs_len),
    "actor.attend_len",
    f"{attend} needs actor.seen_gate=True (only the gate reads the tokens before the last "
    f"attend_len) and at most actor.obs_len={config.actor.obs_len}",
  )
  if "feature_chunk" in config.critic:
    _positive(config, "critic.feature_chunk")
  for who in ("actor", "critic"):
    model = config[who].model
    _require(
      isinstance(model, str) and model, f"{who}.model", "must name a model, a path or 'scratch'"
    )
    if model != "scratch":
      from archer_jax.loading import registry

      try:
        registry.resolve(model)
      except Exception as e:  # noqa: BLE001  - the loader's own message names the problem
        raise ConfigError(f"config.{who}.model: {e}") from e
  _require(
    not gate or config.actor.model == "scratch",
    "actor.seen_gate",
    f"needs a scratch actor (its gate starts from zero with the rest of the weights); the "
    f"actor is {config.actor.model!r}: pass --config.actor.seen_gate=False",
  )
