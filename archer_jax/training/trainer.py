"""The training loop: host orchestration around a registered algorithm's pure updates.

Per iteration `it` (all randomness drawn from `rl_state.streams(seed, it, purpose)`, so a
resumed run is bit-identical):
  1. collect `rollout_size` episodes with the algorithm's behaviour policy (`Algorithm.act`;
     `train.greedy_rollouts` of them decoded greedily) and store the algorithm's rows;
  2. the algorithm's update phase(s): `state, metrics = algorithm.update(state, buffer, it)`
     (ArCHer: critic steps, then policy steps after `warmup_iters`), and the actor's eval
     average taken one step (`actor.eval_average`, when on);
  3. evaluation (of the averaged actor when `actor.eval_average` is on) every `eval_every`
     iterations (fixed episodes, cycling through the env's tasks when it has a finite set);
     a checkpoint (the `RLState` and the buffer) every `checkpoint_every`.
Before the first iteration: a BC warm start on demonstrations (`bc.steps`), optionally
seeding the buffer with them and pre-training the critic (`Algorithm.pretrain`). An offline
algorithm (`Algorithm.online = False`) skips step 1: its offline dataset
(`data.demos.offline_trajectories`) enters the buffer once before the first iteration
(`Algorithm.load_dataset`), and environments step only in evaluation.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import logging
import os
import sys
import time

import jax
import numpy as np
from flax import serialization
from tqdm.auto import tqdm

from archer_jax.algorithms import compiled
from archer_jax.algorithms.context import Context
from archer_jax.algorithms.registry import get_algorithm
from archer_jax.envs.registry import has_player, make_env
from archer_jax.parallel.mesh import make_mesh, to_host
from archer_jax.parallel.shards import Shards
from archer_jax.training import builder, paths, reporting, run_config, warm_cache
from archer_jax.training.batches import Batcher
from archer_jax.training.checkpointing import Checkpointer, fingerprint
from archer_jax.training.features import FeatureCache
from archer_jax.training.policy import Policy
from archer_jax.training.progress import Progress
from archer_jax.training.replay_buffer import ReplayBuffer
from archer_jax.training.rl_state import eval_params, polyak, streams, warm_seed
from archer_jax.training.rollout import (
  collect,
  concat_rollouts,
  episode_stats,
  from_trajectories,
  turn_shards,
)
from archer_jax.training.validate import ConfigError, validate

log = logging.getLogger("archer_jax")
COLLECT, BC = 1, 1_000_003  # stream purposes (see rl_state.streams)


def load_plugins(spec: str) -> None:
  """Import the comma-separated modules or .py files of `config.plugins` (they register
  algorithms / environments)."""
  for item in filter(None, (s.strip() for s in str(spec or "").split(","))):
    if item.endswith(".py"):
      if not os.path.isfile(item):
        raise ConfigError(f"config.plugins: no such file {item!r}")
      name = "archer_plugin_" + os.path.splitext(os.path.basename(item))[0]
      if name in sys.modules:
        continue
      spec_ = importlib.util.spec_from_file_location(name, item)
      module = importlib.util.module_from_spec(spec_)
      sys.modules[name] = module
      spec_.loader.exec_module(module)
    else:
      try:
        importlib.import_module(item)
      except ImportError as e:
        raise ConfigError(f"config.plugins: cannot import {item!r} ({e})") from None


def _duration(seconds: float) -> str:
  m, s = divmod(int(round(seconds)), 60)
  h, m = divmod(m, 60)
  return f"{h} h {m:02d} min" if h else f"{m} min {s:02d} s" if m else f"{s} s"


def _without_base(state: dict) -> dict:
  """A state dict without the frozen base LM of a LoRA actor (in the actor and reference)."""
  state = dict(state, actor=dict(state["actor"]))
  state["actor"]["params"] = {k: v for k, v in state["actor"]["params"].items() if k != "lm"}
  if state.get("ref"):
    state["ref"] = {k: v for k, v in state["ref"].items() if k != "lm"}
  return state


def _with_base(state: dict, live: dict) -> dict:
  """`state` (without the base) with the base LM of `live` put back where it was taken."""
  state = dict(state, actor=dict(state["actor"]))
  state["actor"]["params"] = dict(state["actor"]["params"], lm=live["actor"]["params"]["lm"])
  if live.get("ref") and "lm" in live["ref"]:
    state["ref"] = dict(state["ref"], lm=live["ref"]["lm"])
  return state


class Trainer:
  def __init__(
    self,
    config,
    workdir: str | None = None,
    resume: bool = False,
    progress: bool = True,
    step: int | None = None,
    read_only: bool = False,
  ):
    """resume: continue from the newest usable checkpoint of workdir (or from `step`).
    read_only: load `step` (default: the newest usable one) to play with it; nothing in
    workdir is written (no metrics, no checkpoints, the metrics log left as it is)."""
    load_plugins(config.get("plugins", ""))
    validate(config)
    self.config = c = config
    try:  # a local directory or a URL (gs://...): every path below goes through epath
      self.workdir = paths.resolve(workdir or c.workdir)
    except ValueError as e:
      raise ConfigError(f"workdir: {e}") from None
    if read_only and not (self.workdir / "checkpoints").is_dir():  # (checked before any work)
      raise FileNotFoundError(
        f"no checkpoint in {self.workdir / 'checkpoints'}: train the run first "
        "(python -m archer_jax.train)"
      )
    self.workdir.mkdir(parents=True, exist_ok=True)
    self.lead = jax.process_index() == 0
    self.progress = Progress(bars=progress, enabled=self.lead)
    self.mesh = make_mesh(c.mesh)
    self.shards = Shards(self.mesh)
    if jax.process_count() > 1:  # one line per host, so a pod's start-up can be checked
      sys.stderr.write(
        f"process {jax.process_index()} of {jax.process_count()}: "
        f"{jax.local_device_count()} local / {jax.device_count()} global "
        f"devices, mesh {dict(self.mesh.shape)}, batch shards "
        f"{','.join(map(str, self.shards.local))} of {self.shards.count}\n"
      )  # one write: one line
      sys.stderr.flush()
    self.env = self.greedy_env = self.eval_env = self.ckpt = None  # what `close` releases
    self._other_eval_envs: dict = {}  # `eval_rollout(episodes=N)`'s envs, by N
    try:
      self._build(resume, step, read_only)
    except BaseException:  # an env already started (an interpreter, a server) is closed
      self.close()
      raise

  def _build(self, resume: bool, step: int | None, read_only: bool) -> None:
    """Envs, tokenizers, networks, state, buffer and checkpoints (restored when asked)."""
    c = self.config
    algo_cls = get_algorithm(c.algo.name)
    # each process plays only its batch shards' episodes (else every process plays them all)
    self.sharded_play = algo_cls.acts_sharded(self.shards.count)
    n_greedy = self._n_greedy()
    if algo_cls.online:
      self.env = self._make_env(c.train.rollout_size - n_greedy, c.seed, "train.rollout_size")
      if n_greedy:
        self.greedy_env = self._make_env(n_greedy, c.seed + 2, "train.greedy_rollouts")
    self.eval_env = self._make_env(c.train.eval_episodes, c.seed + 1, "train.eval_episodes")
    self._demos = self._dataset = None
    self.needs = algo_cls.needs(c)
    self.tokenizers = builder.build_tokenizers(c, self.workdir, self._corpus)
    self.nets, self.state = builder.build(c, self.mesh, self.tokenizers, self.needs)
    features = None
    if self.nets.frozen:
      embed, embed_act = compiled.encoder_fns(self.nets)
      features = FeatureCache(
        embed,
        embed_act,
        self.nets.critic_net.joint,
        c.critic.get("feature_chunk", 256),
        self.nets.critic_cfg.hidden_size,
      )
    if self.nets.frozen and jax.process_count() > 1 and algo_cls.per_shard_data:
      raise ConfigError(
        "critic.freeze_encoder: the frozen encoder's feature cache is kept per process, and "
        "with several processes each holds other rows; set critic.freeze_encoder=False"
      )
    self.ctx = Context(
      c,
      self.mesh,
      self.nets,
      self.tokenizers,
      Policy(c, self.mesh, self.nets.actor_cfg, self.tokenizers.actor, self.shards),
      Batcher(c, self.tokenizers, features),
      self.progress,
      per_shard=algo_cls.per_shard_data,
    )
    self.algorithm = algo_cls(self.ctx)
    per_shard = self.algorithm.per_shard_data and self.shards.count > 1
    self.buffer = ReplayBuffer(
      self.algorithm.buffer_capacity(),
      self.algorithm.row_spec(),
      *((self.shards.local, self.shards.count) if per_shard else ()),
    )
    self.ckpt = Checkpointer(self.workdir / "checkpoints")
    self.read_only = read_only
    self.metrics = reporting.MetricsLog(self.workdir, enabled=self.lead and not read_only)
    self.history: list[dict] = []
    self.timings: dict[str, list[float]] = {}
    if read_only or (resume and self.ckpt.latest_step() is not None):
      self._restore(step)
    elif self.ckpt.latest_step() is not None and not resume:
      raise FileExistsError(
        f"{self.workdir} already holds checkpoints; pass --resume to "
        "continue or choose another --workdir"
      )
    if self.lead and not read_only:
      self._store_config(resume)

  def _store_config(self, resume: bool) -> None:
    """Keep the config in workdir/config.json (`run_config`); a resume first says which
    fields differ from the stored run's."""
    if resume:
      try:
        old = run_config.stored(self.workdir)
      except ValueError as e:
        old = None
        log.warning("%s; it is replaced by this run's config", e)
      diff = run_config.differences(old, self.config) if old is not None else []
      if diff:
        log.warning(
          "resuming %s with a config that differs from the one it stored, in %d field(s):\n  %s",
          self.workdir,
          len(diff),
          "\n  ".join(diff),
        )
    run_config.save(self.config, self.workdir)

  def close(self) -> None:
    """Release what the run holds: its envs (interpreters, browsers, servers) and the
    checkpoint manager (waiting for a save in flight). Idempotent; `with Trainer(...) as
    trainer:` calls it on the way out, an error included."""
    envs = [self.env, self.greedy_env, self.eval_env, *self._other_eval_envs.values()]
    self.env = self.greedy_env = self.eval_env = None
    self._other_eval_envs = {}
    ckpt, self.ckpt = self.ckpt, None
    with contextlib.ExitStack() as closing:  # all closed, even after one raises; envs first
      for x in (ckpt, *reversed(envs)):  # (callbacks run last in, first out)
        if x is not None:
          closing.callback(x.close)

  def __enter__(self):
    return self

  def __exit__(self, *exc) -> None:
    self.close()

  @property
  def iteration(self) -> int:
    return self.state.it

  # ---- data -----------------------------------------------------------------------------
  def demonstrations(self):
    """The run's demonstration episodes (`data.demos.run_demonstrations`), read once."""
    if self._demos is None:
      from archer_jax.data.demos import run_demonstrations

      self._demos = run_demonstrations(self.config, self.workdir)
    return self._demos

  def dataset(self):
    """An offline run's dataset (`data.demos.offline_trajectories`), read once."""
    if self._dataset is None:
      from archer_jax.data.demos import offline_trajectories

      self._dataset = offline_trajectories(self.config, self.workdir)
    return self._dataset

  def _corpus(self) -> list[str]:
    """Text for a from-scratch tokenizer: an offline run's dataset, the demonstrations, or
    the env's own text when it has no scripted player and no dataset is given."""
    c = self.config
    if not get_algorithm(c.algo.name).online:
      return builder.trajectory_texts(self.dataset())
    if has_player(c.env.name) or c.bc.get("json_path") or c.bc.get("data_dir"):
      return builder.trajectory_texts(self.demonstrations())
    n = max(int(c.tokenizer.corpus_episodes), 1)
    env = make_env(c.env, batch_size=min(64, n), seed=warm_seed(c) + 7)
    try:
      return builder.env_texts(env, n, warm_seed(c) + 11)
    finally:
      env.close()

  # ---- checkpoint -----------------------------------------------------------------------
  def _arrays(self):
    """What a checkpoint holds: the RL state and the replay buffer. A LoRA run leaves its
    frozen base model out (the actor's and the reference's "lm"; `meta` records its
    fingerprint instead): a checkpoint is the adapters, heads and optimiser state only."""
    state = serialization.to_state_dict(self.state)
    if self.nets.lora:
      state = _without_base(state)
    return {"state": state, "buffer": self._buffer_arrays()}

  def _buffer_arrays(self):
    """The buffer's rings as saved: [shards, capacity / D, ...] fields, [shards] sizes and
    positions. With several processes, global arrays sharded like a batch (each process
    saves only its own shards' rings); with one, this process's numpy arrays."""
    local = self.buffer.state_dict()
    if self.shards.single or self.buffer.count == 1:
      return local
    return self.shards.put(local)

  def _saved_buffer_like(self, step: int):
    """A restore target of the buffer as `step` saved it (numpy, all its shards), when it was
    saved with another shard count than this run's; else None."""
    saved = self.ckpt.saved_meta(step).get("buffer_shards", 1)
    if saved == self.buffer.count:
      return None
    per = self.algorithm.buffer_capacity() // saved
    spec = self.buffer.spec
    return {
      "data": {k: np.zeros((saved, per, *shape), dt) for k, (shape, dt) in spec.items()},
      "size": np.zeros(saved, np.int32),
      "pos": np.zeros(saved, np.int32),
    }

  def _restore_like(self, step: int) -> dict:
    """The restore target for `step`: this run's arrays, the buffer shaped as that step saved
    it (each step tried on resume gets its own: an older one may have another shard count)."""
    like = self._arrays()
    other = self._saved_buffer_like(step)
    if other is not None:
      like["buffer"] = other
    return like

  def _meta(self) -> dict:
    meta = {"history": self.history, "buffer_shards": self.buffer.count}
    if self.nets.lora:
      meta["base_fingerprint"] = self._base_fingerprint()
    return meta

  def _base_fingerprint(self) -> str:
    if not hasattr(self, "_base_fp"):  # the base is frozen: one pass over it per run
      self._base_fp = fingerprint(self.state.actor.params["lm"])
    return self._base_fp

  def save(self):
    with self.progress.phase("checkpoint"):
      self.ckpt.save(self.iteration, self._arrays(), self._meta())

  def _restore(self, step: int | None = None):
    kept = self.ckpt.all_steps()
    if step is not None and step not in kept:
      raise FileNotFoundError(
        f"no checkpoint of step {step} in {self.ckpt.directory} (kept steps: "
        f"{', '.join(map(str, kept)) or 'none'})"
      )
    arrays, meta = self.ckpt.restore(step, self._restore_like)
    state = arrays["state"]
    if self.nets.lora:
      saved, now = meta.get("base_fingerprint"), self._base_fingerprint()
      if saved != now:
        raise ConfigError(
          f"config.actor.model: the checkpoint in {self.ckpt.directory} holds LoRA adapters "
          f"trained on another base model (fingerprint {saved}; this run's base: {now})"
        )
      state = _with_base(state, serialization.to_state_dict(self.state))
    self.state = serialization.from_state_dict(self.state, state)
    saved_shards = meta.get("buffer_shards", 1)  # of the step restored
    if saved_shards != self.buffer.count:  # saved over another number of shards: dealt anew
      log.warning(
        "%s: the replay buffer was saved over %d batch shards, this run has %d: its rows "
        "are dealt to the new shards in turn",
        self.ckpt.directory,
        saved_shards,
        self.buffer.count,
      )
      self.buffer.load_all_shards(jax.device_get(arrays["buffer"]))
    else:
      self.buffer.load_state_dict(self.shards.fetch(arrays["buffer"]))
    self.history = list(meta["history"])
    if not self.read_only:
      self.metrics.truncate_after(self.iteration)
    log.info("resumed from iteration %d", self.iteration)

  # ---- phases ---------------------------------------------------------------------------
  def _timed(self, name, fn, *args, **kw):
    t0 = time.perf_counter()
    out = fn(*args, **kw)
    self.timings.setdefault(name, []).append(time.perf_counter() - t0)
    return out

  def bc_policy(self):
    """The BC warm start's actor state and final loss: `bc.steps` BC updates on the first
    `bc.episodes` demonstrations (batches from the warm start's stream), or the entry of
    `bc.cache_dir` when one matches (stored there after training)."""
    c, ctx = self.config, self.ctx
    _, rng = streams(warm_seed(c), 0, BC)
    data = ctx.batches.bc_rows(self.demonstrations()[: c.bc.episodes])
    n = len(data["valid"])
    actor = self.state.actor
    cached, cache_key = None, None
    if warm_cache.enabled(c):
      policy = warm_cache.policy_params(actor.params)
      cache_key = warm_cache.key(c, data, policy)
      cached = warm_cache.load(c.bc.cache_dir, cache_key, policy)
    if cached is not None:
      self.progress.line(f"bc: the warm start's weights from {c.bc.cache_dir} (bc.cache_dir)")
      return actor.replace(params=warm_cache.with_policy(actor.params, cached[0])), cached[1]
    step = compiled.bc_update(self.nets, c)
    mine = self.shards.local_rows(c.bc.batch_size)  # every process draws the global batch
    losses = []
    with self.progress.phase("bc", c.bc.steps) as p:
      for s in range(c.bc.steps):
        idx = rng.integers(0, n, size=c.bc.batch_size)[mine]  # this process's rows
        actor, m = step(actor, ctx.device_batch({k: v[idx] for k, v in data.items()}))
        losses.append(m["bc_loss"])
        p.update()
        if s % 20 == 0 and self.progress.bars:
          p.postfix(loss=f"{float(losses[-1]):.3f}")
      bc_loss = float(np.mean(to_host(losses[-20:])))  # waits: the phase's time is compute
    if cache_key is not None:
      warm_cache.store(c.bc.cache_dir, cache_key, warm_cache.policy_params(actor.params), bc_loss)
    return actor, bc_loss

  def warm_start(self):
    """BC on the demonstrations, then (per the config) the demonstrations into the buffer,
    the algorithm's pre-training, and an evaluation of the BC policy (iteration 0)."""
    c = self.config
    if bool(self.state.bc_done) or c.bc.steps == 0:
      return
    self.progress.where = "warm start"
    actor, bc_loss = self.bc_policy()
    demos = self.demonstrations()[: c.bc.episodes]
    self.state = builder.restart_actor(
      self.state.replace(actor=actor), self.nets, self.needs.reference, bool(self.state.avg)
    )
    rec = {"iteration": 0, "phase": "bc", "bc_loss": bc_loss}
    if c.bc.to_buffer:  # offline-to-online: the demonstrations seed the replay buffer
      roll = from_trajectories(demos, self.tokenizers.actor_encoder, c.actor.stop_strings[0])
      self.buffer.add(self.algorithm.rows(self.state, roll, -1), self._shard_of(roll))
    if c.bc.critic_steps:
      self.state, m = self.algorithm.pretrain(self.state, self.buffer)
      rec.update(m)
    rec.update(self.evaluate())
    self._record(rec)
    if c.train.checkpoint_every:  # a crash in iteration 1 does not repeat the warm start
      self._timed("checkpoint", self.save)

  def load_dataset(self):
    """Offline algorithms: the dataset into the buffer before the first iteration (a run
    resumed after it has it in the restored buffer)."""
    if self.iteration > 0:
      return
    t0 = time.perf_counter()
    self.progress.where = "dataset"
    trajs = self.dataset()
    self.state = self.algorithm.load_dataset(self.state, self.buffer, trajs)
    self.progress.line(
      f"{len(trajs)} episodes, {sum(len(t) for t in trajs)} turns, mean return "
      f"{np.mean([t.episode_return for t in trajs]):.2f}: {self.buffer_rows()} buffer rows "
      f"in {time.perf_counter() - t0:.1f} s"
    )

  def _make_env(self, n: int, seed: int, what: str):
    """The env block of n episodes, or of this process's share of them (`sharded_play`)."""
    if self.sharded_play:
      if n < self.shards.count:
        raise ConfigError(
          f"{what}: {n} episodes for {self.shards.count} batch shards (mesh data*fsdp); each "
          "shard plays its own episodes, so give it at least one"
        )
      n = len(self.shards.local_rows(n))
    return make_env(self.config.env, batch_size=n, seed=seed)

  def collect(self, it: int):
    """`rollout_size` episodes under the algorithm's behaviour policy into the buffer: the
    last `train.greedy_rollouts` of them decoded greedily (greedy episodes show an
    off-policy critic the states greedy evaluation visits). Returns (sampled episodes,
    greedy episodes or None): with `sharded_play`, this process's share of them."""
    key, rng = streams(self.config.seed, it, COLLECT)
    seeds = rng.integers(0, 2**31 - 1, size=self.config.train.rollout_size)
    n = self.config.train.rollout_size - self._n_greedy()
    roll = self._play("collect", self.env, self.state, key, False, seeds[:n])
    greedy = None
    if self.greedy_env is not None:
      greedy = self._play("collect greedy", self.greedy_env, self.state, key, True, seeds[n:])
    parts = [roll] if greedy is None else [roll, greedy]
    shard = np.concatenate([self._shard_of(p) for p in parts])
    # (with a frozen critic encoder this encodes the new rows: a phase of its own)
    with self.progress.phase("critic features") if self.nets.frozen else contextlib.nullcontext():
      rows = self.algorithm.rows(self.state, concat_rollouts(parts), it)
    self.buffer.add(rows, shard)
    return roll, greedy

  def _n_greedy(self) -> int:
    return int(self.config.train.get("greedy_rollouts", 0))

  def _shard_of(self, roll):
    return turn_shards(roll, self.shards)

  def episode_stats(self, roll) -> tuple[np.ndarray, np.ndarray, int]:
    """`rollout.episode_stats` over this run's shards."""
    return episode_stats(roll, self.shards)

  def buffer_rows(self) -> int:
    """The buffer's rows over all shards (a reduction when other processes hold some)."""
    if self.shards.single or self.buffer.count == 1:
      return len(self.buffer)
    got = self.shards.gather([np.asarray([len(p)], np.float64) for p in self.buffer.parts])
    return int(sum(float(g.sum()) for g in got))

  def _play(self, name, env, state, key, greedy: bool, seeds, indices=None):
    """The episodes of these seeds (and task indices) under the algorithm's behaviour policy
    with `key` (`rollout.collect`), as a phase counting turns. With `sharded_play`, this
    process plays its shards' share of them (`Shards.local_rows`) and returns that share."""
    kw = {}
    if self.sharded_play:
      mine = self.shards.local_rows(len(seeds))
      kw = dict(shards=self.shards, shard=self.shards.of_episodes(mine, len(seeds)))
      seeds = np.asarray(seeds)[mine]
      indices = None if indices is None else np.asarray(indices)[mine]
      gen = self.algorithm.act_sharded(state, key, greedy)
    else:
      gen = self.algorithm.act(state, key, greedy)
    enc = self.tokenizers.actor_encoder
    with self.progress.phase(name, env.max_turns, "turns") as p:
      return collect(env, gen, enc, seeds=seeds, indices=indices, on_turn=p.update, **kw)

  def eval_rollout(self, greedy: bool, episodes: int | None = None):
    """The evaluation episodes (`train.eval_episodes`, or `episodes`) played greedily or at
    the rollout temperature: the same seeds and keys at every evaluation and for every run
    seed, the env's tasks in turn (every word / city weighs the same), with the averaged
    actor when `actor.eval_average` is on. Returns the rollout (`rollout.RolloutBatch`)."""
    c = self.config
    n = c.train.eval_episodes if episodes is None else int(episodes)
    env = self.eval_env
    if n != c.train.eval_episodes:  # built once per count (an env may start interpreters)
      if n not in self._other_eval_envs:
        self._other_eval_envs[n] = self._make_env(n, c.seed + 1, "episodes")
      env = self._other_eval_envs[n]
    seeds = np.arange(n) + 10_000_019
    idx = None if not env.num_tasks else np.arange(n) % env.num_tasks
    state = self.state.replace(actor=self.state.actor.replace(params=eval_params(self.state)))
    name, key = ("eval", 0) if greedy else ("eval sampled", 1)
    return self._play(name, env, state, jax.random.PRNGKey(key), greedy, seeds, idx)

  def evaluate(self) -> dict:
    ret, succ, _ = self.episode_stats(self.eval_rollout(greedy=True))
    out = {"eval_return": float(ret.mean()), "eval_success": float(succ.mean())}
    if self.config.train.get("eval_sampled"):  # the same episodes at the rollout temperature
      ret, succ, _ = self.episode_stats(self.eval_rollout(greedy=False))
      out.update(eval_sampled_return=float(ret.mean()), eval_sampled_success=float(succ.mean()))
    return out

  def _record(self, rec: dict):
    self.history.append(rec)
    self.metrics.write(rec)

  # ---- main loop ------------------------------------------------------------------------
  def run(self) -> dict:
    if self.read_only:
      raise RuntimeError(f"{self.workdir}: a read-only Trainer plays, it does not train")
    c = self.config
    t_start = time.perf_counter()
    self._timed("bc", self.warm_start)
    if not self.algorithm.online:
      self._timed("dataset", self.load_dataset)
    n = c.train.iterations
    bar = tqdm(
      range(self.iteration, n),
      desc=c.algo.name,
      initial=self.iteration,
      total=n,
      disable=not self.progress.bars,
      position=0,
    )
    done_here = 0
    for it in bar:
      t0 = time.perf_counter()
      self.progress.where = f"it {it + 1}/{n}"
      rec = {"iteration": it + 1, "phase": c.algo.name}
      if self.algorithm.online:
        roll, greedy = self._timed("collect", self.collect, it)
        ret, succ, turns = self.episode_stats(roll)
        rec.update(
          train_return=float(ret.mean()),
          train_success=float(succ.mean()),
          buffer_size=self.buffer_rows(),
          turns=turns,
        )
        if greedy is not None:
          g_ret, _, g_turns = self.episode_stats(greedy)
          rec.update(train_greedy_return=float(g_ret.mean()), turns=turns + g_turns)
      else:  # offline: no episodes of its own, the buffer is the dataset
        rec["buffer_size"] = self.buffer_rows()
      self.state, m = self._timed("update", self.algorithm.update, self.state, self.buffer, it)
      rec.update(m)
      if self.state.avg:  # the eval average takes this iteration's weights in
        part = {k: self.state.actor.params[k] for k in self.state.avg}
        avg = polyak(self.state.avg, part, float(c.actor.eval_average))
        self.state = self.state.replace(avg=avg)
      self.state = self.state.replace(iteration=np.asarray(it + 1, np.int32))
      last = it + 1 == c.train.iterations
      if (c.train.eval_every and (it + 1) % c.train.eval_every == 0) or last:
        rec.update(self._timed("eval", self.evaluate))
      rec["seconds"] = time.perf_counter() - t0
      self._record(rec)
      shown = (("ret", "train_return"), ("succ", "train_success"), ("eval", "eval_return"))
      bar.set_postfix(**{k: f"{rec[r]:.2f}" for k, r in shown if r in rec})
      if (c.train.checkpoint_every and self.iteration % c.train.checkpoint_every == 0) or last:
        self._timed("checkpoint", self.save)
      done_here += 1
      if done_here <= 2 and not last:  # estimates: this iteration's time for each one left
        took = time.perf_counter() - t0
        note = " (an upper bound: it compiled the steps)" if done_here == 1 else ""
        self.progress.line(
          f"iteration took {took:.1f} s; about {_duration(took * (n - it - 1))}"
          f" to go for {n - it - 1} more{note}"
        )
    self.progress.where = ""
    return self.finish(time.perf_counter() - t_start)

  def finish(self, seconds: float) -> dict:
    png = None
    if self.lead:
      png = reporting.plot(
        self.history,
        self.workdir / "training.png",
        title=f"{self.config.env.name} {self.config.algo.name} (seed {self.config.seed})",
      )
    evals = [h for h in self.history if "eval_return" in h]
    bc = next((h for h in evals if h.get("phase") == "bc"), None)
    final = evals[-1] if evals else {}
    out = {
      "bc_eval_return": bc and bc["eval_return"],
      "final_eval_return": final.get("eval_return"),
      "final_eval_success": final.get("eval_success"),
      "bc_eval_sampled_return": bc and bc.get("eval_sampled_return"),
      "final_eval_sampled_return": final.get("eval_sampled_return"),
      "iterations": self.iteration,
      "seconds": seconds,
      "plot": png,
      "workdir": os.fspath(self.workdir),
    }
    rows = [
      ("algorithm", self.config.algo.name),
      ("iterations", str(self.iteration)),
      ("wall time (s)", f"{seconds:.1f}"),
    ]
    if bc:
      rows.append(("BC policy eval return", f"{bc['eval_return']:.2f}"))
    if final:
      rows += [
        ("final eval return", f"{final['eval_return']:.2f}"),
        ("final eval success", f"{final['eval_success']:.2f}"),
      ]
      if "eval_sampled_return" in final and bc and "eval_sampled_return" in bc:
        rows += [
          ("BC policy sampled eval return", f"{bc['eval_sampled_return']:.2f}"),
          ("final sampled eval return", f"{final['eval_sampled_return']:.2f}"),
        ]
    for k, v in self.timings.items():
      rows.append((f"mean {k} (s)", f"{np.mean(v):.3f}"))
    if self.lead:  # the summary also ends a --noprogress run
      print(reporting.summary_table(rows))
      print(f"metrics: {self.metrics.path}\nplot: {png}")
    return out
