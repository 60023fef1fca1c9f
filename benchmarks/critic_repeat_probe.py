"""Can a critic tell a repeated Twenty Questions guess from a new one?

Episodes of a uniform random guesser on the 10-word subset (so a third of the guesses repeat
one already answered "No"). A critic's Q head is fitted by MSE to the immediate reward
(gamma = 0, the cleanest form of the Bellman target): E[r | new guess] ~ -0.85, E[r | repeat]
= -1 exactly (a repeat never wins). Reported: held-out mean Q of new and repeated guesses and
their gap, every 500 steps.

  --encoder scratch   the tiny config's 2-layer critic, encoder and heads trained together
  --encoder minilm    the shipped MiniLM-L6, frozen; heads on its cached features
                      (what critic.freeze_encoder does)
  --joint             either, with critic.joint (Q's action embedding from concat(s, a))
  --seen              either, with critic.seen_tokens (action tokens found in the state flagged)
  --workdir DIR       start from a run's trained critic and report its gap first (--steps 0:
                      only that), e.g. --steps 0 --workdir runs/x/seed0; the run's stored
                      config.json decides the critic (an older run: give --encoder/--joint/--seen)
  --layers N          minilm: its first N layers only (critic.overrides.num_layers)

  python benchmarks/critic_repeat_probe.py --encoder minilm --episodes 600 --steps 2000
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, REPO)


def main(argv=None):
  ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
  ap.add_argument("--encoder", choices=("scratch", "minilm"), default="minilm")
  ap.add_argument("--episodes", type=int, default=600, help="training episodes")
  ap.add_argument("--test-episodes", type=int, default=200)
  ap.add_argument("--steps", type=int, default=2000)
  ap.add_argument("--lr", type=float, default=1e-3)
  ap.add_argument(
    "--target",
    choices=("reward", "repeat"),
    default="reward",
    help="fit Q to the reward (the RL signal) or to the repeat flag itself "
    "(a capacity check: can the encoder see a repeat at all?)",
  )
  ap.add_argument(
    "--joint",
    action="store_true",
    help="critic.joint: the action read in the context of concat(s, a)",
  )
  ap.add_argument(
    "--seen", action="store_true", help="critic.seen_tokens: flag action tokens the state holds"
  )
  ap.add_argument(
    "--workdir",
    default="",
    help="start from the critic of this run's newest checkpoint (with the config it stored; "
    "a run that stored none: a `tiny` run with the same --joint/--seen) and report its gap "
    "before any step; --steps 0: only that",
  )
  ap.add_argument("--layers", type=int, default=0, help="minilm: its first N layers (0: all 6)")
  args = ap.parse_args(argv)
  import flax.linen as nn
  import jax
  import jax.numpy as jnp
  import numpy as np
  import optax

  from archer_jax.algorithms.networks import DoubleCritic
  from archer_jax.envs.play import play
  from archer_jax.envs.registry import make_env
  from archer_jax.envs.twenty_questions.knowledge import resolve_words
  from archer_jax.envs.twenty_questions.player import guess_question
  from archer_jax.envs.twenty_questions.understander import get_understander
  from archer_jax.training import paths, run_config
  from archer_jax.training.rollout import from_trajectories
  from archer_jax.training.trainer import Trainer
  from archer_jax.training.validate import load_config

  c = run_config.stored(paths.resolve(args.workdir)) if args.workdir else None
  if c is None:
    c = load_config(
      os.path.join(
        REPO,
        "configs/twenty_questions.py:tiny"
        if args.encoder == "scratch"
        else "configs/twenty_questions.py:tiny_minilm",
      )
    )
    c.critic.joint = args.joint
    c.critic.seen_tokens = args.seen
    if args.layers:
      c.critic.overrides = {**c.critic.overrides, "num_layers": args.layers}
  c.workdir = args.workdir or tempfile.mkdtemp()
  c.bc.update(steps=0, to_buffer=False, critic_steps=0)
  # with --workdir: read that run's newest checkpoint, write nothing
  trainer = Trainer(c, progress=False, resume=bool(args.workdir), read_only=bool(args.workdir))
  words = resolve_words("subset")

  class RandomGuesser:
    def __init__(self, rng):
      self.rng = rng

    def reset(self):
      pass

    def act(self, obs):
      return guess_question(words[int(self.rng.integers(len(words)))], self.rng)

  env = make_env(c.env, batch_size=64, seed=3)
  n_all = args.episodes + args.test_episodes
  trajs = []
  while len(trajs) < n_all:
    trajs += play(env, RandomGuesser, seed=len(trajs) // 64)
  trajs = trajs[:n_all]
  roll = from_trajectories(trajs, trainer.tokenizers.actor_encoder, "\n")
  t0 = time.perf_counter()
  rows = trainer.ctx.batches.transitions(roll, trainer.state.critic.params)
  t_feat = time.perf_counter() - t0
  u = get_understander()
  repeat = np.zeros(len(roll.reward), bool)
  for i, (o, a) in enumerate(zip(roll.obs_text, roll.act_text, strict=True)):
    p = u.parse(a.strip())
    asked = [u.parse(line[: -len(" No.")]) for line in o.split("\n") if line.endswith(" No.")]
    repeat[i] = any(q is not None and (q.mask == p.mask).all() for q in asked)
  n_test = sum(len(t.turns) for t in trajs[: args.test_episodes])
  test, train = np.arange(n_test), np.arange(n_test, len(repeat))
  r = np.asarray(rows["reward"])
  if args.target == "repeat":
    r = repeat.astype(np.float32)
  print(
    f"{len(train)} train / {n_test} test transitions, {repeat[train].mean():.2f} repeats; "
    f"held-out E[r | new] = {r[test][~repeat[test]].mean():+.3f}, "
    f"E[r | repeat] = {r[test][repeat[test]].mean():+.3f}",
    flush=True,
  )

  net = trainer.nets.critic_net
  label = f"{c.critic.model} ({'frozen' if trainer.nets.frozen else 'trained'})"
  if trainer.nets.frozen:  # heads only, on the features the buffer rows carry
    feats = lambda idx: (rows["obs_feat"][idx], rows["act_feat"][idx])
    q_of = lambda p, es, ea: net.apply({"params": p}, es, ea, method=DoubleCritic.heads)["q1"]
    print(f"encoder features for {len(repeat)} rows: {t_feat:.0f} s", flush=True)
  else:
    feats = lambda idx: tuple(rows[k][idx] for k in ("obs", "obs_mask", "act", "act_mask"))
    q_of = lambda p, *x: net.apply({"params": p}, *x)["q1"]
  params = jax.tree.map(jnp.asarray, nn.meta.unbox(trainer.state.critic.params))
  tx = optax.chain(optax.clip_by_global_norm(1.0), optax.adam(args.lr))
  opt = tx.init(params)

  @jax.jit
  def step(params, opt, x, y):
    loss, g = jax.value_and_grad(lambda p: jnp.mean((q_of(p, *x) - y) ** 2))(params)
    up, opt = tx.update(g, opt, params)
    return optax.apply_updates(params, up), opt, loss

  q_test = jax.jit(q_of)
  rng = np.random.default_rng(0)
  t0 = time.perf_counter()

  def report(done: int):
    q = np.asarray(q_test(params, *feats(test)))
    new, rep = q[~repeat[test]].mean(), q[repeat[test]].mean()
    qt = np.asarray(q_test(params, *feats(train[:2000])))
    print(
      f"{label} step {done}: Q(new) {new:+.3f}  Q(repeat) {rep:+.3f}  "
      f"gap {new - rep:+.3f}  train MSE {np.mean((qt - r[train[:2000]]) ** 2):.4f}  "
      f"({time.perf_counter() - t0:.0f} s)",
      flush=True,
    )

  if args.workdir:  # the run's trained critic, before any step here
    report(0)
  for s in range(args.steps):
    idx = rng.choice(train, 64)
    params, opt, _ = step(params, opt, feats(idx), r[idx])
    if (s + 1) % 500 == 0:
      report(s + 1)


if __name__ == "__main__":
  main()
