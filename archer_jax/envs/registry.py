"""The environment table: one entry per name, read by `make_env`, `make_player`, config
validation and the demonstration datasets alike.

A fork adds an environment from its own file, without editing this package:

    from archer_jax.envs.registry import register_env
    register_env("my_game", make=MyGameEnv, player=lambda rng, skill=None, **kw: MyPlayer(rng))

`make(batch_size=, max_turns=, seed=, **env.kwargs)` returns a `BatchedEnv`;
`player(rng, skill=None, **env.kwargs)` (optional; also given `reask=False` when `bc.reask` is
off) returns a scripted demonstrator with
`reset()` and `act(observation) -> action`. Without a player an env still trains (from-scratch
tokenizers then learn from the env's own text), but BC warm starts need a dataset.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Callable


@dataclasses.dataclass(frozen=True)
class EnvSpec:
  name: str
  make: Callable[..., Any]
  player: Callable[..., Any] | None = None
  description: str = ""


_ENVS: dict[str, EnvSpec] = {}


def register_env(
  name: str,
  make: Callable[..., Any],
  player: Callable[..., Any] | None = None,
  description: str = "",
  replace: bool = False,
) -> EnvSpec:
  """Add `name` to the table (replace=True to redefine an existing entry)."""
  if not name or not isinstance(name, str):
    raise ValueError(f"register_env: bad name {name!r}")
  if name in _ENVS and not replace:
    raise ValueError(f"register_env: {name!r} is already registered (pass replace=True)")
  spec = EnvSpec(name, make, player, description)
  _ENVS[name] = spec
  return spec


def env_names() -> tuple[str, ...]:
  return tuple(_ENVS)


def get_env(name: str) -> EnvSpec:
  if name not in _ENVS:
    raise ValueError(f"unknown environment {name!r}; known: {', '.join(_ENVS)}")
  return _ENVS[name]


def has_player(name: str) -> bool:
  return name in _ENVS and _ENVS[name].player is not None


def make_env(env_cfg, batch_size: int, seed: int = 0):
  """An env block (name, max_turns, kwargs) -> a BatchedEnv of `batch_size` rows."""
  spec = get_env(env_cfg.name)
  return spec.make(
    batch_size=batch_size, max_turns=env_cfg.max_turns, seed=seed, **dict(env_cfg.get("kwargs", {}))
  )


def make_player(env_cfg, rng, skill: float | None = None, reask: bool = True):
  """The env's scripted demonstrator, one per episode row. reask=False: its weak turns never
  repeat a question already asked (passed to the player only then, so players that have no
  such turns need not know the option)."""
  spec = get_env(env_cfg.name)
  if spec.player is None:
    raise ValueError(
      f"config.env.name: no scripted demonstrator for {env_cfg.name!r} (set "
      "bc.steps=0, or give bc.json_path / bc.data_dir)"
    )
  extra = ({} if skill is None else {"skill": skill}) | ({} if reask else {"reask": False})
  return spec.player(rng, **extra, **dict(env_cfg.get("kwargs", {})))


# ---- the built-in environments (imported on first use) -----------------------------------
def _twenty_questions(**kw):
  from archer_jax.envs.twenty_questions import TwentyQuestionsEnv

  return TwentyQuestionsEnv(**kw)


def _twenty_questions_subset(**kw):
  kw.setdefault("words", "subset")
  return _twenty_questions(**kw)


def _twenty_questions_player(default_words):
  def make(rng, skill=None, words=None, reask=True, **_):
    from archer_jax.envs.twenty_questions import ScriptedPlayer

    return ScriptedPlayer(
      rng, words=words or default_words, reask=reask, **({} if skill is None else {"skill": skill})
    )

  return make


def _guess_my_city(**kw):
  from archer_jax.envs.guess_my_city import GuessMyCityEnv

  return GuessMyCityEnv(**kw)


def _guess_my_city_player(rng, skill=None, reask=True, **_):
  from archer_jax.envs.guess_my_city import ScriptedCityPlayer

  return ScriptedCityPlayer(rng, reask=reask, **({} if skill is None else {"skill": skill}))


def _detective(**kw):
  from archer_jax.envs.detective import DetectiveEnv

  return DetectiveEnv(**kw)


def _webshop(**kw):
  from archer_jax.envs.webshop import WebShopEnv

  return WebShopEnv(**kw)


register_env(
  "twenty_questions",
  _twenty_questions,
  _twenty_questions_player("full"),
  "Twenty Questions over 157 objects, built-in oracle",
)
register_env(
  "twenty_questions_subset",
  _twenty_questions_subset,
  _twenty_questions_player("subset"),
  "Twenty Questions over the 10-word subset",
)
register_env(
  "guess_my_city", _guess_my_city, _guess_my_city_player, "Guess My City, built-in oracle"
)
register_env("detective", _detective, None, "Detective (Jericho text adventure)")
register_env("webshop", _webshop, None, "WebShop (HTTP server)")
