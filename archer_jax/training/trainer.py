"""The ArCHer training loop: host orchestration around pure jitted steps.

Per iteration `it` (all randomness derived from (seed, it), so a resumed run is bit-identical):
  1. collect `rollout_size` episodes with the current actor (lock-step, batched sampler;
     optionally `greedy_rollouts` of them decoded greedily);
  2. add their transitions to the replay buffer;
  3. sample `critic_steps * batch` transitions and, in large batches up front, one
     a_pi ~ pi(.|s) each (the actor is fixed during the critic phase); run the critic steps;
  4. after `warmup_iters`, `actor_steps` policy-gradient steps, each on fresh a_pi;
  5. greedy evaluation every `eval_every` iterations (fixed episodes, cycling through the
     env's tasks when it has a finite set); checkpoint every `checkpoint_every`.
"""
from __future__ import annotations

import logging
import os
import time

import jax
import numpy as np
from flax import serialization
from tqdm.auto import tqdm

from archer_jax.parallel.mesh import data_sharding, make_mesh, to_host
from archer_jax.training import reporting
from archer_jax.training.agent import Agent
from archer_jax.training.checkpointing import Checkpointer
from archer_jax.training.replay_buffer import ReplayBuffer
from archer_jax.training.rollout import collect, concat_rollouts, from_trajectories
from archer_jax.training.validate import validate

log = logging.getLogger("archer_jax")


class Trainer:

  def __init__(self, config, workdir: str | None = None, resume: bool = False,
               progress: bool = True):
    validate(config)
    self.config = c = config
    self.workdir = os.path.abspath(workdir or c.workdir)
    os.makedirs(self.workdir, exist_ok=True)
    self.progress = progress
    self.mesh = make_mesh(c.mesh)
    log.info("process %d of %d: %d local / %d global devices, mesh %s", jax.process_index(),
             jax.process_count(), jax.local_device_count(), jax.device_count(),
             dict(self.mesh.shape))
    self.agent = Agent(c, self.mesh, self.workdir)
    self.buffer = ReplayBuffer(c.train.buffer_capacity, self.agent.transition_spec())
    self.ckpt = Checkpointer(os.path.join(self.workdir, "checkpoints"))
    self.lead = jax.process_index() == 0
    self.metrics = reporting.MetricsLog(self.workdir, enabled=self.lead)
    self.history: list[dict] = []
    self.iteration = 0
    self.bc_done = False
    self.timings: dict[str, list[float]] = {}
    if resume and self.ckpt.latest_step() is not None:
      self._restore()
    elif self.ckpt.latest_step() is not None and not resume:
      raise FileExistsError(f"{self.workdir} already holds checkpoints; pass --resume to "
                            "continue or choose another --workdir")

  # ---- randomness ---------------------------------------------------------------------
  def _keys(self, it: int, what: int):
    k = jax.random.fold_in(jax.random.fold_in(jax.random.PRNGKey(self.config.seed), it), what)
    return k, np.random.default_rng([self.config.seed, it, what])

  # ---- checkpoint ---------------------------------------------------------------------
  def _arrays(self):
    a = self.agent
    return {"actor": serialization.to_state_dict(a.actor), "critic":
            serialization.to_state_dict(a.critic), "target": a.target, "ref": a.ref,
            "buffer": self.buffer.state_dict()}

  def save(self):
    meta = {"iteration": self.iteration, "history": self.history, "bc_done": self.bc_done}
    self.ckpt.save(self.iteration, self._arrays(), meta)

  def _restore(self):
    arrays, meta = self.ckpt.restore(None, self._arrays())
    a = self.agent
    a.actor = serialization.from_state_dict(a.actor, arrays["actor"])
    a.critic = serialization.from_state_dict(a.critic, arrays["critic"])
    a.target, a.ref = arrays["target"], arrays["ref"]
    self.buffer.load_state_dict(jax.device_get(arrays["buffer"]))
    self.iteration, self.history = int(meta["iteration"]), list(meta["history"])
    self.bc_done = bool(meta["bc_done"])
    self.metrics.truncate_after(self.iteration)
    log.info("resumed from iteration %d", self.iteration)

  # ---- phases -------------------------------------------------------------------------
  def _timed(self, name, fn, *args, **kw):
    t0 = time.perf_counter()
    out = fn(*args, **kw)
    self.timings.setdefault(name, []).append(time.perf_counter() - t0)
    return out

  def warm_start(self):
    """BC on scripted demonstrations, then an evaluation of the BC policy (iteration 0)."""
    c, a = self.config, self.agent
    if self.bc_done or c.bc.steps == 0:
      return
    key, rng = self._keys(0, 1_000_003)   # BC: its own stream
    data = a.demonstration_batch(rng)
    n = len(data["valid"])
    bar = tqdm(range(c.bc.steps), desc="BC warm start", disable=not self.progress,
               leave=False)
    losses = []
    for s in bar:
      idx = rng.integers(0, n, size=c.bc.batch_size)
      batch = self._device_batch({k: v[idx] for k, v in data.items()})
      a.actor, m = a.bc_step(a.actor, batch)
      losses.append(m["bc_loss"])
      if s % 20 == 0:
        bar.set_postfix(loss=f"{float(losses[-1]):.3f}")
    a.finish_bc()
    rec = {"iteration": 0, "phase": "bc", "bc_loss": float(np.mean(to_host(losses[-20:])))}
    if c.bc.to_buffer:      # offline-to-online: the demonstrations seed the replay buffer
      demos = a.demonstrations()[: c.bc.episodes]
      self.buffer.add(a.transitions(from_trajectories(demos, a.actor_encoder,
                                                      c.actor.stop_strings[0])))
    if c.bc.critic_steps:   # critic warm start on the buffer, a_pi from the BC policy
      rec.update(self.critic_phase(-1, steps=c.bc.critic_steps))
    self.bc_done = True
    rec.update(self.evaluate())
    self._record(rec)

  def _device_batch(self, batch):
    return {k: jax.device_put(v, data_sharding(self.mesh, np.ndim(v))) for k, v in batch.items()}

  def collect(self, it: int):
    """`rollout_size` episodes into the buffer: sampled at the rollout temperature, and the
    last `train.greedy_rollouts` of them decoded greedily (the critic is off-policy, so
    behaviour data may mix; greedy episodes show it the states greedy evaluation visits).
    Returns (sampled episodes, greedy episodes or None)."""
    key, rng = self._keys(it, 1)
    a = self.agent
    seeds = rng.integers(0, 2**31 - 1, size=self.config.train.rollout_size)
    n = a.env.batch_size
    roll = collect(a.env, a.generate_fn(key, greedy=False), a.actor_encoder, seeds=seeds[:n])
    greedy = None
    if a.greedy_env is not None:
      greedy = collect(a.greedy_env, a.generate_fn(key, greedy=True), a.actor_encoder,
                       seeds=seeds[n:])
    parts = [roll] if greedy is None else [roll, greedy]
    self.buffer.add(a.transitions(concat_rollouts(parts)))
    return roll, greedy

  def evaluate(self) -> dict:
    c = self.config
    env = self.agent.eval_env
    seeds = np.arange(c.train.eval_episodes) + 10_000_019   # the same episodes for every seed
    # tasks in turn (every word / city weighs the same), so runs compare on equal footing
    idx = None if not env.num_tasks else np.arange(len(seeds)) % env.num_tasks
    gen = self.agent.generate_fn(jax.random.PRNGKey(0), greedy=True)
    roll = collect(env, gen, self.agent.actor_encoder, seeds=seeds, indices=idx)
    out = {"eval_return": float(roll.episode_returns.mean()),
           "eval_success": float(roll.episode_success.mean())}
    if c.train.get("eval_sampled"):   # the same episodes at the rollout temperature
      gen = self.agent.generate_fn(jax.random.PRNGKey(1), greedy=False)
      roll = collect(env, gen, self.agent.actor_encoder, seeds=seeds, indices=idx)
      out.update(eval_sampled_return=float(roll.episode_returns.mean()),
                 eval_sampled_success=float(roll.episode_success.mean()))
    return out

  def critic_phase(self, it: int, steps: int | None = None):
    """`steps` (default algo.critic_steps) critic updates; it = -1: the warm start."""
    c, a = self.config, self.agent
    steps = c.algo.critic_steps if steps is None else steps
    if steps == 0 or len(self.buffer) == 0:
      return {}
    key, rng = self._keys(it, 2) if it >= 0 else self._keys(0, 1_000_033)
    b = c.algo.batch_size
    batch = self.buffer.sample(rng, steps * b)
    batch.update(a.sample_pi(key, batch))          # all a_pi of this phase, up front
    ms = []
    for s in range(steps):
      mb = self._device_batch(a.critic_batch({k: v[s * b:(s + 1) * b] for k, v in batch.items()}))
      a.critic, a.target, m = a.critic_step(a.critic, a.target, mb)
      ms.append(m)
    return _mean_metrics(ms)

  def actor_phase(self, it: int):
    c, a = self.config, self.agent
    if it < c.algo.warmup_iters or c.algo.actor_steps == 0:
      return {}
    ms = []
    for s in range(c.algo.actor_steps):
      key, rng = self._keys(it, 3 + s)
      batch = self.buffer.sample(rng, c.algo.batch_size)
      batch.update(a.sample_pi(key, batch))
      batch["advantage"] = to_host(a.advantages(self._device_batch(a.critic_batch(batch))))
      a.actor, m = a.actor_step(a.actor, self._device_batch(a.actor_batch(batch)), a.ref)
      ms.append(m)
    return _mean_metrics(ms)

  def _record(self, rec: dict):
    self.history.append(rec)
    self.metrics.write(rec)

  # ---- main loop ----------------------------------------------------------------------
  def run(self) -> dict:
    c = self.config
    t_start = time.perf_counter()
    self._timed("bc", self.warm_start)
    bar = tqdm(range(self.iteration, c.train.iterations), desc="ArCHer", initial=self.iteration,
               total=c.train.iterations, disable=not (self.progress and self.lead))
    for it in bar:
      t0 = time.perf_counter()
      roll, greedy = self._timed("collect", self.collect, it)
      rec = {"iteration": it + 1, "phase": "archer",
             "train_return": float(roll.episode_returns.mean()),
             "train_success": float(roll.episode_success.mean()),
             "buffer_size": len(self.buffer), "turns": roll.num_turns}
      if greedy is not None:
        rec.update(train_greedy_return=float(greedy.episode_returns.mean()),
                   turns=roll.num_turns + greedy.num_turns)
      rec.update(self._timed("critic", self.critic_phase, it))
      rec.update(self._timed("actor", self.actor_phase, it))
      last = it + 1 == c.train.iterations
      if (c.train.eval_every and (it + 1) % c.train.eval_every == 0) or last:
        rec.update(self._timed("eval", self.evaluate))
      rec["seconds"] = time.perf_counter() - t0
      self.iteration = it + 1
      self._record(rec)
      bar.set_postfix(ret=f"{rec['train_return']:.2f}",
                      succ=f"{rec['train_success']:.2f}",
                      **({"eval": f"{rec['eval_return']:.2f}"} if "eval_return" in rec else {}))
      if (c.train.checkpoint_every and self.iteration % c.train.checkpoint_every == 0) or last:
        self._timed("checkpoint", self.save)
    return self.finish(time.perf_counter() - t_start)

  def finish(self, seconds: float) -> dict:
    png = None
    if self.lead:
      png = reporting.plot(self.history, os.path.join(self.workdir, "training.png"),
                           title=f"{self.config.env.name} (seed {self.config.seed})")
    evals = [h for h in self.history if "eval_return" in h]
    bc = next((h for h in evals if h.get("phase") == "bc"), None)
    final = evals[-1] if evals else {}
    out = {"bc_eval_return": bc and bc["eval_return"], "final_eval_return":
           final.get("eval_return"), "final_eval_success": final.get("eval_success"),
           "bc_eval_sampled_return": bc and bc.get("eval_sampled_return"),
           "final_eval_sampled_return": final.get("eval_sampled_return"),
           "iterations": self.iteration, "seconds": seconds, "plot": png,
           "workdir": self.workdir}
    rows = [("iterations", str(self.iteration)), ("wall time (s)", f"{seconds:.1f}")]
    if bc:
      rows.append(("BC policy eval return", f"{bc['eval_return']:.2f}"))
    if final:
      rows += [("final eval return", f"{final['eval_return']:.2f}"),
               ("final eval success", f"{final['eval_success']:.2f}")]
      if "eval_sampled_return" in final and bc and "eval_sampled_return" in bc:
        rows += [("BC policy sampled eval return", f"{bc['eval_sampled_return']:.2f}"),
                 ("final sampled eval return", f"{final['eval_sampled_return']:.2f}")]
    for k, v in self.timings.items():
      rows.append((f"mean {k} (s)", f"{np.mean(v):.3f}"))
    if self.lead:          # the summary also ends a --noprogress run
      print(reporting.summary_table(rows))
      print(f"metrics: {self.metrics.path}\nplot: {png}")
    return out


def _mean_metrics(ms):
  if not ms:
    return {}
  host = to_host(ms)   # one transfer per phase, not per step
  return {k: float(np.mean([m[k] for m in host])) for k in host[0]}
