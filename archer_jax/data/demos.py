"""Offline trajectory datasets (spec §5, offline BC / SFT) as a tensorflow-datasets builder.

One parameterised builder, `ArcherDemos` (tfds name "archer_demos"), stores one record per
episode in array_record files; TensorFlow is not needed to build or read them. A `DemoConfig`
says where the episodes come from:

* scripted: the registry's env and scripted demonstrator (`make_env` / `make_player`) for
  `env` in twenty_questions | twenty_questions_subset | guess_my_city, played with `play` in
  lock-step batches of `batch_size`; batch k uses `play(..., seed=seed * 1000 + k)`, the last
  batch is cut to `episodes`. With a skill mixture (`skills`), episode i (dataset position)
  is played at skills[i % len(skills)], so returns spread (offline RL datasets). With
  `reask=False` the players' weak turns never repeat an asked question. Deterministic given
  the config. (The trainer's in-memory demonstrations follow the same rule with seed = the
  warm start's seed + 11 and batch size 64, so `demo_config_from_run` names a dataset holding
  exactly those episodes; an offline run's dataset is `offline_config_from_run`'s.)
* json: a public conversations file (`archer_jax.data.public_json`: the Guess My City
  conversations or LMRL-Gym's Twenty Questions convos), `json_path` set.

Per-episode features: `turns` (a sequence of observation, action, reward, done,
next_observation), `episode_return`, `word` (20Q object / "city,country" key), `success`,
`truncated`, `seed` (the env's reset seed; -1 for JSON episodes) and `episode` (position in the
dataset / in the JSON file). Records keep their generation order.

    cfg = demo_config("twenty_questions_subset", episodes=1000, skill=0.5)
    build_dataset(cfg, data_dir)
    trajs = load_trajectories(data_dir, cfg)        # list[Trajectory]

CLI: python -m archer_jax.data.demos --env twenty_questions_subset --episodes 1000 \\
         --skill 0.5 --data-dir DIR         [--from-json PATH]
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import itertools
import json
import logging
import os
import re
import sys
from typing import Any, Iterator, Sequence

import numpy as np
import tensorflow_datasets as tfds
from etils import epath
from tqdm import tqdm

from archer_jax.envs.base import Trajectory, Turn

DATASET_NAME = "archer_demos"


def scripted_envs() -> tuple[str, ...]:
  """Registered envs that have a scripted demonstrator (the registry's table)."""
  from archer_jax.envs.registry import env_names, has_player

  return tuple(e for e in env_names() if has_player(e))


SPLIT = "train"
_SAFE = re.compile(r"[^\w.+-]+")


@dataclasses.dataclass(eq=False)
class DemoConfig(tfds.core.BuilderConfig):
  """Where the episodes of one dataset come from (see the module doc).

  env: registry name. skill: the scripted player's skill in [0, 1]. skills: a mixture in
  place of `skill` ("0,0.2,1": episode i at skills[i % 3]; "" = none). reask: whether the
  player's weak turns may repeat a question already asked. episodes: how many
  (JSON source: 0 = all). seed: >= 0. batch_size: rows per lock-step `play` batch.
  max_turns: the env's turn cap. env_kwargs: the env block's kwargs as a JSON object string.
  json_path / json_format: read a public JSON file instead of playing ("auto" detects).
  """

  env: str = "twenty_questions"
  skill: float = 0.5
  skills: str = ""
  reask: bool = True
  episodes: int = 1000
  seed: int = 0
  batch_size: int = 64
  max_turns: int = 20
  env_kwargs: str = "{}"
  json_path: str = ""
  json_format: str = "auto"

  @property
  def source(self) -> str:
    return "json" if self.json_path else "scripted"

  def params(self) -> dict[str, Any]:
    keys = (
      ("env", "json_path", "json_format", "episodes", "max_turns")
      if self.json_path
      else (
        "env",
        "skills" if self.skills else "skill",
        "episodes",
        "seed",
        "batch_size",
        "max_turns",
        "env_kwargs",
      )
      + (() if self.reask else ("reask",))
    )
    return {"source": self.source, **{k: getattr(self, k) for k in keys}}

  def skill_of(self, episode: int) -> float:
    """The player's skill for the episode at dataset position `episode`."""
    if not self.skills:
      return self.skill
    mix = [float(s) for s in self.skills.split(",")]
    return mix[episode % len(mix)]


def _config_name(
  env, skill, episodes, seed, batch_size, max_turns, env_kwargs, json_path, skills="", reask=True
):
  if json_path:
    stem = _SAFE.sub("_", os.path.splitext(os.path.basename(json_path))[0]) or "file"
    name = f"{env}-json-{stem}" + (f"-n{episodes}" if episodes else "")
  else:
    who = f"skills{skills.replace(',', '+')}" if skills else f"skill{skill:g}"
    name = f"{env}-{who}" + ("" if reask else "-noreask") + f"-n{episodes}-seed{seed}"
    if batch_size != 64:
      name += f"-b{batch_size}"
  if max_turns != 20:
    name += f"-t{max_turns}"
  if env_kwargs != "{}":
    name += "-kw" + hashlib.sha1(env_kwargs.encode()).hexdigest()[:8]
  return name


def demo_config(
  env: str,
  episodes: int | None = None,
  skill: float = 0.5,
  seed: int = 0,
  batch_size: int = 64,
  max_turns: int = 20,
  env_kwargs: dict | str | None = None,
  json_path: str | os.PathLike = "",
  json_format: str = "auto",
  skills: Sequence[float] | str | None = None,
  reask: bool = True,
) -> DemoConfig:
  """A validated `DemoConfig`, named from its parameters (the same parameters give the same
  name, hence the same directory <data_dir>/archer_demos/<name>/<version>).

  episodes: default 1000 scripted episodes; with `json_path` 0 = the whole file.
  skills: a mixture of player skills in place of `skill` (a sequence or "0,0.5,1"): episode
  i is played at skills[i % len(skills)]. reask=False: the player's weak turns never repeat
  an asked question."""
  from archer_jax.data.public_json import FORMATS

  json_path = os.path.abspath(os.fspath(json_path)) if json_path else ""
  if episodes is None:
    episodes = 0 if json_path else 1000
  if not json_path and env not in scripted_envs():
    raise ValueError(
      f"demo_config: no scripted demonstrator for env {env!r}; expected one of "
      f"{scripted_envs()} (or pass json_path)"
    )
  if not _SAFE.sub("", env) == env or not env:
    raise ValueError(f"demo_config: bad env name {env!r}")
  if json_format not in ("auto",) + FORMATS:
    raise ValueError(
      f"demo_config: json_format must be 'auto' or one of {FORMATS}, got {json_format!r}"
    )
  if not 0.0 <= float(skill) <= 1.0:
    raise ValueError(f"demo_config: skill must be in [0, 1], got {skill}")
  mix = _skill_mixture(skills)
  if int(episodes) < (0 if json_path else 1):
    raise ValueError(f"demo_config: episodes must be positive, got {episodes}")
  if int(seed) < 0:
    raise ValueError(f"demo_config: seed must be >= 0, got {seed}")
  if int(batch_size) < 1 or int(max_turns) < 1:
    raise ValueError(
      f"demo_config: batch_size and max_turns must be positive, got {batch_size}, {max_turns}"
    )
  if env_kwargs is None:
    env_kwargs = {}
  if isinstance(env_kwargs, str):
    try:
      env_kwargs = json.loads(env_kwargs)
    except json.JSONDecodeError as e:
      raise ValueError(f"demo_config: env_kwargs is not a JSON object: {e}") from None
  if not isinstance(env_kwargs, dict):
    raise ValueError(f"demo_config: env_kwargs must be a dict, got {type(env_kwargs).__name__}")
  try:
    kw = json.dumps(dict(env_kwargs), sort_keys=True)
  except TypeError as e:
    raise ValueError(
      f"demo_config: env_kwargs must be JSON-serialisable to name a dataset ({e})"
    ) from None
  if not isinstance(reask, (bool, np.bool_)):
    raise ValueError(f"demo_config: reask must be True or False, got {reask!r}")
  if json_path:
    skill, seed, batch_size, mix, reask = 0.0, 0, 1, "", True
  name = _config_name(
    env,
    float(skill),
    int(episodes),
    int(seed),
    int(batch_size),
    int(max_turns),
    kw,
    json_path,
    mix,
    bool(reask),
  )
  for predefined in ArcherDemos.BUILDER_CONFIGS:  # tfds refuses a custom twin of one
    if predefined.name == name:
      return predefined
  cfg = DemoConfig(
    name=name,
    env=env,
    skill=float(skill),
    skills=mix,
    reask=bool(reask),
    episodes=int(episodes),
    seed=int(seed),
    batch_size=int(batch_size),
    max_turns=int(max_turns),
    env_kwargs=kw,
    json_path=json_path,
    json_format=json_format,
  )
  cfg.description = json.dumps(cfg.params(), sort_keys=True)
  return cfg


def _skill_mixture(skills) -> str:
  """A skill mixture (None, "", "0,0.5" or a sequence of floats) -> its canonical string
  ("0,0.5"; "" for none)."""
  if skills is None or (isinstance(skills, str) and not skills.strip()):
    return ""
  try:
    items = skills.split(",") if isinstance(skills, str) else list(skills)
    mix = [float(s) for s in items]
  except (TypeError, ValueError):
    raise ValueError(f"demo_config: skills must be numbers in [0, 1], got {skills!r}") from None
  if not mix or not all(0.0 <= s <= 1.0 for s in mix):
    raise ValueError(f"demo_config: skills must be numbers in [0, 1], got {skills!r}")
  return ",".join(f"{s:g}" for s in mix)


def demo_config_from_run(config) -> DemoConfig:
  """The dataset holding a run config's BC demonstrations (what `run_demonstrations` plays:
  env block, `bc.skill`, `bc.reask`, max(bc.episodes, tokenizer.corpus_episodes), the warm
  start's seed + 11; `rl_state.warm_seed`)."""
  from archer_jax.training.rl_state import warm_seed

  n = max(int(config.bc.episodes), int(config.tokenizer.get("corpus_episodes", 0)))
  return demo_config(
    config.env.name,
    episodes=n,
    skill=float(config.bc.skill),
    reask=bool(config.bc.get("reask", True)),
    seed=warm_seed(config) + 11,
    batch_size=64,
    max_turns=int(config.env.max_turns),
    env_kwargs=dict(config.env.get("kwargs", {})),
  )


def offline_config_from_run(config) -> DemoConfig:
  """The offline dataset of a run config (`config.offline`, used by offline algorithms): the
  first `offline.episodes` (0 = all) of a public JSON file (`offline.json_path`), or
  `offline.episodes` episodes of the env's scripted players at the `offline.skills` mixture,
  seed `offline.seed` (not the run's seed: runs over seeds share one dataset)."""
  c, o = config, config.offline
  if o.get("json_path"):
    return demo_config(
      c.env.name, episodes=int(o.episodes), json_path=o.json_path, max_turns=c.env.max_turns
    )
  return demo_config(
    c.env.name,
    episodes=int(o.episodes),
    skills=list(o.skills),
    seed=int(o.seed),
    batch_size=64,
    max_turns=int(c.env.max_turns),
    env_kwargs=dict(c.env.get("kwargs", {})),
  )


def offline_trajectories(config, workdir) -> list[Trajectory]:
  """An offline run's dataset (`offline_config_from_run`), built on first use into
  `offline.data_dir` ("" = <workdir>/datasets) and read from there."""
  data_dir = config.offline.get("data_dir") or epath.Path(workdir) / "datasets"
  return load_or_build(data_dir, offline_config_from_run(config))


def run_demonstrations(config, workdir) -> list[Trajectory]:
  """A run's demonstrations (BC warm start, from-scratch tokenizer corpus): a public JSON
  file's (`bc.json_path`), a tfds dataset's (`bc.data_dir`, built there on first use), or
  the env's scripted player's, played in memory (the same episodes the dataset would hold)."""
  c = config
  if c.bc.get("json_path"):
    dcfg = demo_config(c.env.name, episodes=0, json_path=c.bc.json_path, max_turns=c.env.max_turns)
    return load_or_build(c.bc.get("data_dir") or epath.Path(workdir) / "datasets", dcfg)
  dcfg = demo_config_from_run(c)
  if c.bc.get("data_dir"):
    return load_or_build(c.bc.data_dir, dcfg)
  return list(scripted_trajectories(dcfg))


# ---- episodes ---------------------------------------------------------------------------
def env_config(cfg: DemoConfig):
  """The registry's env block (ml_collections ConfigDict: name, max_turns, kwargs)."""
  import ml_collections as mlc

  return mlc.ConfigDict(
    dict(name=cfg.env, max_turns=cfg.max_turns, kwargs=json.loads(cfg.env_kwargs))
  )


def scripted_trajectories(cfg: DemoConfig) -> Iterator[Trajectory]:
  """`cfg.episodes` scripted episodes: batch k is `play(env, player, seed=cfg.seed*1000+k)`;
  the player of row i of batch k plays at `cfg.skill_of(k * batch_size + i)`."""
  from archer_jax.envs.play import play
  from archer_jax.envs.registry import make_env, make_player

  ecfg = env_config(cfg)
  env = make_env(ecfg, batch_size=min(cfg.batch_size, cfg.episodes), seed=cfg.seed)

  def players(batch: int):
    rows = itertools.count(batch * env.batch_size)  # `play` makes row i's player i-th
    return lambda rng: make_player(ecfg, rng, skill=cfg.skill_of(next(rows)), reask=cfg.reask)

  n, batch = 0, 0
  try:
    while n < cfg.episodes:
      for t in play(env, players(batch), seed=cfg.seed * 1000 + batch)[: cfg.episodes - n]:
        n += 1
        yield t
      batch += 1
  finally:
    env.close()


def source_trajectories(cfg: DemoConfig) -> Iterator[Trajectory]:
  """The episodes a config describes, in dataset order (no tfds involved)."""
  if cfg.json_path:
    from archer_jax.data.public_json import load_public_json

    trajs = load_public_json(cfg.json_path, cfg.json_format, cfg.max_turns)
    yield from trajs[: cfg.episodes or None]
  else:
    yield from scripted_trajectories(cfg)


def _word(info: dict) -> str:
  for key in ("word", "city", "target", "secret"):
    if info.get(key) is not None:
      return str(info[key])
  return ""


def _success(t: Trajectory) -> bool:
  for key in ("success", "won", "victory"):
    if key in t.info:
      return bool(t.info[key])
  return bool(t.turns) and t.turns[-1].done and not t.info.get("truncated", False)


def to_example(t: Trajectory, episode: int) -> dict[str, Any]:
  """One `Trajectory` -> one record of the builder's features."""
  seed = t.info.get("seed")
  return {
    "turns": [
      {
        "observation": u.observation,
        "action": u.action,
        "reward": float(u.reward),
        "done": bool(u.done),
        "next_observation": u.next_observation,
      }
      for u in t.turns
    ],
    "episode_return": t.episode_return,
    "word": _word(t.info),
    "success": _success(t),
    "truncated": bool(t.info.get("truncated", False)),
    "seed": -1 if seed is None else int(seed),
    "episode": int(t.info.get("episode", episode)),
  }


def _text(v) -> str:
  return v.decode("utf-8") if isinstance(v, bytes) else str(v)


def from_example(ex: dict[str, Any]) -> Trajectory:
  """One decoded record -> `Trajectory` (info: word, success/won, truncated, seed, episode,
  episode_return)."""
  tu = ex["turns"]
  turns = [
    Turn(
      observation=_text(o),
      action=_text(a),
      reward=float(r),
      done=bool(d),
      next_observation=_text(n),
    )
    for o, a, r, d, n in zip(
      tu["observation"], tu["action"], tu["reward"], tu["done"], tu["next_observation"], strict=True
    )
  ]
  info = {
    "word": _text(ex["word"]),
    "success": bool(ex["success"]),
    "won": bool(ex["success"]),
    "truncated": bool(ex["truncated"]),
    "seed": int(ex["seed"]),
    "episode": int(ex["episode"]),
    "episode_return": float(ex["episode_return"]),
  }
  return Trajectory(turns=turns, info=info)


# ---- the builder --------------------------------------------------------------------------
class ArcherDemos(tfds.core.GeneratorBasedBuilder):
  """Offline multi-turn trajectories: scripted demonstrations or public conversations."""

  VERSION = tfds.core.Version("1.0.0")

  # nothing is downloaded (episodes are played or read locally): no "download: Unknown
  # size" / "downloaded and prepared" lines from tfds
  def _log_download_bytes(self) -> None:
    pass

  def _log_download_done(self) -> None:
    pass

  RELEASE_NOTES = {
    "1.0.0": "Episodes with per-turn observation/action/reward/done/"
    "next_observation, return, word, success, truncated, seed."
  }
  BUILDER_CONFIGS = [
    DemoConfig(
      name=_config_name(e, 0.5, 1000, 0, 64, 20, "{}", ""),
      env=e,
      description=json.dumps(
        {
          "source": "scripted",
          "env": e,
          "skill": 0.5,
          "episodes": 1000,
          "seed": 0,
          "batch_size": 64,
          "max_turns": 20,
          "env_kwargs": "{}",
        },
        sort_keys=True,
      ),
    )
    for e in scripted_envs()
  ]
  DEFAULT_BUILDER_CONFIG_NAME = BUILDER_CONFIGS[1].name

  progress = False  # set True for a per-episode tqdm bar while generating

  @tfds.core.utils.classproperty
  @classmethod
  def code_path(cls):
    # tfds works this out through the `importlib_resources` backport, which it only declares
    # for Python < 3.9; the answer is simply this file.
    return epath.Path(__file__)

  def _info(self) -> tfds.core.DatasetInfo:
    text = tfds.features.Text()
    return tfds.core.DatasetInfo(
      builder=self,
      description=(
        "Multi-turn text-environment episodes for offline BC / RL. "
        "Config: " + (self.builder_config.description or "")
      ),
      features=tfds.features.FeaturesDict(
        {
          "turns": tfds.features.Sequence(
            {
              "observation": text,
              "action": text,
              "reward": np.float64,
              "done": np.bool_,
              "next_observation": text,
            }
          ),
          "episode_return": np.float64,
          "word": text,
          "success": np.bool_,
          "truncated": np.bool_,
          "seed": np.int64,
          "episode": np.int64,
        }
      ),
      disable_shuffling=True,  # records keep generation order
    )

  def _split_generators(self, dl_manager):
    del dl_manager
    return {SPLIT: self._generate_examples()}

  def _generate_examples(self):
    cfg = self.builder_config
    total = cfg.episodes or None
    bar = tqdm(total=total, desc=f"{cfg.env} episodes", unit="ep", disable=not self.progress)
    with bar:
      for i, t in enumerate(source_trajectories(cfg)):
        yield i, to_example(t, i)
        bar.update(1)


def dataset_dir(data_dir, config: DemoConfig | str) -> str:
  """<data_dir>/archer_demos/<config name>/<version> (where a build writes)."""
  name = config.name if isinstance(config, DemoConfig) else str(config)
  return os.fspath(epath.Path(data_dir) / DATASET_NAME / name / str(ArcherDemos.VERSION))


def build_dataset(
  config: DemoConfig, data_dir, progress: bool = False, overwrite: bool = False
) -> str:
  """Generate (or reuse, unless `overwrite`) the dataset of `config`; returns its directory."""
  if not isinstance(config, DemoConfig):
    raise TypeError(
      f"build_dataset: expected a DemoConfig (see demo_config), got {type(config).__name__}"
    )
  if config.json_path and not os.path.isfile(config.json_path):
    raise FileNotFoundError(f"{config.json_path}: no such file (the config's json_path)")
  mode = (
    tfds.download.GenerateMode.FORCE_REDOWNLOAD
    if overwrite
    else tfds.download.GenerateMode.REUSE_DATASET_IF_EXISTS
  )
  from tensorflow_datasets.core.utils import tqdm_utils

  was = getattr(tqdm_utils, "_active", True)
  tfds.display_progress_bar(False)  # our own bar counts episodes
  absl_log = logging.getLogger("absl")  # tfds's "custom data configuration" warning: every
  level = absl_log.level  # config is built from the run's, by design
  absl_log.setLevel(logging.ERROR)
  try:
    builder = ArcherDemos(data_dir=os.fspath(data_dir), config=config, file_format="array_record")
    builder.progress = progress
    builder.download_and_prepare(
      download_dir=os.fspath(epath.Path(data_dir) / "downloads"),
      download_config=tfds.download.DownloadConfig(download_mode=mode),
    )
  finally:
    tfds.display_progress_bar(was)
    absl_log.setLevel(level)
  return os.fspath(builder.data_dir)


def _resolve(data_dir, config) -> str:
  if (epath.Path(data_dir) / "dataset_info.json").exists():
    return os.fspath(data_dir)
  path = dataset_dir(data_dir, config)
  if (epath.Path(path) / "dataset_info.json").exists():
    return path
  root = epath.Path(data_dir) / DATASET_NAME
  have = sorted(p.name for p in root.iterdir()) if root.is_dir() else []
  have = [h for h in have if not h.startswith(".")]
  name = config.name if isinstance(config, DemoConfig) else str(config)
  raise FileNotFoundError(
    f"{path}: no built dataset {name!r} (build it with build_dataset or "
    f"`python -m archer_jax.data.demos ... --data-dir {data_dir}`); "
    f"built configs under {root}: {have or 'none'}"
  )


def load_trajectories(
  data_dir, config: DemoConfig | str, episodes: int | None = None
) -> list[Trajectory]:
  """The episodes of a built dataset, in order, as `Trajectory` records.

  data_dir: the tfds data dir given to `build_dataset` (or the dataset's own version directory).
  config: a `DemoConfig` or its name. episodes: the first N only (None: all)."""
  builder = tfds.builder_from_directory(_resolve(data_dir, config))
  source = builder.as_data_source(split=SPLIT)
  n = len(source) if episodes is None else min(int(episodes), len(source))
  out, step = [], 256
  for lo in range(0, n, step):
    for ex in source.__getitems__(list(range(lo, min(n, lo + step)))):
      out.append(from_example(ex))
  return out


def load_or_build(
  data_dir, config: DemoConfig, progress: bool = False, episodes: int | None = None
) -> list[Trajectory]:
  """`load_trajectories`, building the dataset first when it is not there yet."""
  build_dataset(config, data_dir, progress=progress)
  return load_trajectories(data_dir, config, episodes)


# ---- CLI ----------------------------------------------------------------------------------
def main(argv=None) -> int:
  p = argparse.ArgumentParser(
    prog="python -m archer_jax.data.demos",
    description="Build an offline trajectory dataset (tfds, array_record) from the scripted "
    "demonstrator of an env, or from a public conversations JSON file.",
  )
  p.add_argument(
    "--env",
    default=None,
    help=f"env name: one of {', '.join(scripted_envs())} (with --from-json: the env "
    f"the file belongs to, by default the file's format)",
  )
  p.add_argument(
    "--episodes",
    type=int,
    default=None,
    help="number of episodes (default 1000; with --from-json: all)",
  )
  p.add_argument(
    "--skill", type=float, default=None, help="scripted player skill in [0, 1] (default 0.5)"
  )
  p.add_argument(
    "--skills",
    default="",
    metavar="S1,S2,...",
    help="a mixture of skills in place of --skill: episode i at the (i mod n)-th",
  )
  p.add_argument(
    "--no-reask",
    dest="reask",
    action="store_false",
    help="the player's weak turns never repeat a question already asked",
  )
  p.add_argument("--seed", type=int, default=0)
  p.add_argument("--batch-size", type=int, default=64, help="lock-step batch of play()")
  p.add_argument("--max-turns", type=int, default=20)
  p.add_argument("--env-kwargs", default="{}", help="env kwargs as a JSON object")
  p.add_argument("--data-dir", required=True, help="tfds data directory to write into")
  p.add_argument(
    "--from-json",
    default="",
    metavar="PATH",
    help="build from a public JSON file (Guess My City or LMRL-Gym 20Q format)",
  )
  p.add_argument(
    "--json-format", default="auto", choices=["auto", "guess_my_city", "twenty_questions"]
  )
  p.add_argument("--overwrite", action="store_true", help="regenerate if it already exists")
  args = p.parse_args(argv)
  try:
    env = args.env
    if args.from_json:
      given = [
        flag
        for flag, on in (
          ("--skill", args.skill is not None),
          ("--skills", bool(args.skills)),
          ("--no-reask", not args.reask),
        )
        if on
      ]
      if given:
        p.error(f"{' and '.join(given)} set the scripted players; a --from-json file has none")
      from archer_jax.data.public_json import detect_format

      fmt = args.json_format if args.json_format != "auto" else detect_format(args.from_json)
      cfg = demo_config(
        env or fmt,
        episodes=args.episodes or 0,
        max_turns=args.max_turns,
        json_path=args.from_json,
        json_format=fmt,
      )
    else:
      if env is None:
        p.error(f"--env is required (one of {', '.join(scripted_envs())}) unless --from-json")
      cfg = demo_config(
        env,
        episodes=1000 if args.episodes is None else args.episodes,
        skill=0.5 if args.skill is None else args.skill,
        skills=args.skills,
        reask=args.reask,
        seed=args.seed,
        batch_size=args.batch_size,
        max_turns=args.max_turns,
        env_kwargs=args.env_kwargs,
      )
    path = build_dataset(cfg, args.data_dir, progress=True, overwrite=args.overwrite)
    trajs = load_trajectories(path, cfg)
  except (ValueError, FileNotFoundError) as e:
    print(f"error: {e}", file=sys.stderr)
    return 2
  rets = np.array([t.episode_return for t in trajs])
  wins = np.array([t.info["success"] for t in trajs])
  print(
    f"{path}: {len(trajs)} episodes, {sum(len(t) for t in trajs)} turns, "
    f"mean return {rets.mean():.2f}, success {wins.mean():.1%}"
  )
  print(f"load with: load_trajectories({args.data_dir!r}, {cfg.name!r})")
  return 0


if __name__ == "__main__":
  sys.exit(main())
