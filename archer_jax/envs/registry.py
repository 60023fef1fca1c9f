"""Environments and scripted players chosen by name from a config's `env` block."""
from __future__ import annotations

from typing import Any


def _kw(env_cfg) -> dict[str, Any]:
  kw = dict(env_cfg.get("kwargs", {}))
  return kw


def make_env(env_cfg, batch_size: int, seed: int = 0):
  """`env_cfg.name` in twenty_questions | twenty_questions_subset | guess_my_city |
  detective | webshop -> a BatchedEnv of `batch_size` rows."""
  name, kw = env_cfg.name, _kw(env_cfg)
  if name in ("twenty_questions", "twenty_questions_subset"):
    from archer_jax.envs.twenty_questions import TwentyQuestionsEnv
    if name == "twenty_questions_subset":
      kw.setdefault("words", "subset")
    return TwentyQuestionsEnv(batch_size=batch_size, max_turns=env_cfg.max_turns, seed=seed,
                              **kw)
  if name == "guess_my_city":
    from archer_jax.envs.guess_my_city import GuessMyCityEnv
    return GuessMyCityEnv(batch_size=batch_size, max_turns=env_cfg.max_turns, seed=seed, **kw)
  if name == "detective":
    from archer_jax.envs.detective import DetectiveEnv
    return DetectiveEnv(batch_size=batch_size, max_turns=env_cfg.max_turns, seed=seed, **kw)
  if name == "webshop":
    from archer_jax.envs.webshop import WebShopEnv
    return WebShopEnv(batch_size=batch_size, max_turns=env_cfg.max_turns, seed=seed, **kw)
  raise ValueError(f"config.env.name: unknown environment {name!r}")


def make_player(env_cfg, rng, skill: float | None = None):
  """The scripted demonstrator of an env (20Q, its subset, Guess My City)."""
  name, kw = env_cfg.name, _kw(env_cfg)
  extra = {} if skill is None else {"skill": skill}
  if name in ("twenty_questions", "twenty_questions_subset"):
    from archer_jax.envs.twenty_questions import ScriptedPlayer
    words = kw.get("words", "subset" if name.endswith("subset") else "full")
    return ScriptedPlayer(rng, words=words, **extra)
  if name == "guess_my_city":
    from archer_jax.envs.guess_my_city import ScriptedCityPlayer
    return ScriptedCityPlayer(rng, **extra)
  raise ValueError(f"config.env.name: no scripted demonstrator for {name!r} (set bc.steps=0)")
