"""CHAI (spec §5): a frozen actor (the BC policy) proposes k utterances per turn and the one
with the highest min(Qbar1, Qbar2) under the target critic is played. The critic trains as in
ArCHer, except that V regresses onto the best-of-k value (`losses.best_of_k_heads`)."""

from __future__ import annotations

import jax
import numpy as np

from archer_jax.algorithms import compiled
from archer_jax.algorithms.archer import CRITIC, ArCHer
from archer_jax.algorithms.context import example_rows
from archer_jax.algorithms.registry import register


def bucket(n: int, smallest: int = 8) -> int:
  """The padded batch size for n rows: the next power of two >= max(n, smallest)."""
  return max(smallest, 1 << max(0, int(n) - 1).bit_length())


@register
class CHAI(ArCHer):
  name = "chai"
  description = "frozen BC actor, best of k candidates by the target critic's min Q"

  @classmethod
  def needs(cls, config):
    from archer_jax.training.builder import Needs

    return Needs(critic=True, value_head=False, reference=False)

  @classmethod
  def policy_gradient(cls, config) -> bool:
    return False

  @classmethod
  def check(cls, config) -> None:
    from archer_jax.training.validate import ConfigError

    k = config.algo.get("num_candidates", 5)
    if not isinstance(k, int) or k < 1:
      raise ConfigError(f"config.algo.num_candidates: must be an integer >= 1, got {k!r}")

  def __init__(self, ctx):
    self.num_candidates = int(ctx.config.algo.get("num_candidates", 5))
    super().__init__(ctx)
    self.q_min = compiled.q_min(ctx.nets)

  def update(self, state, buffer, it: int):
    """Critic steps only: the actor stays the BC policy."""
    return self.critic_phase(state, buffer, it, CRITIC, self.config.algo.critic_steps)

  def act(self, state, key, greedy: bool):
    """Best of k samples at the rollout temperature (greedy decoding would propose k equal
    candidates, so `greedy` does not change CHAI's policy; evaluation uses it too)."""
    del greedy
    counter = iter(range(1 << 30))

    def gen(prompts, texts):
      ids, out = self.choose(state, jax.random.fold_in(key, next(counter)), prompts, texts)
      return ids, out

    return gen

  def choose(self, state, key, prompts, texts):
    """k candidates per prompt -> the best one's (ids, text) per prompt."""
    ctx, k, n = self.ctx, self.num_candidates, len(prompts)
    many = [p for p in prompts for _ in range(k)]
    ids, out, _ = ctx.policy.sample(state.actor.params, many, key, greedy=False)
    scores = self.scores(state, many, [t for t in texts for _ in range(k)], ids, out)
    best = np.argmax(scores.reshape(n, k), axis=1)  # the first on ties
    pick = best + np.arange(n) * k
    return [ids[i] for i in pick], [out[i] for i in pick]

  def scores(self, state, prompts, texts, ids, out) -> np.ndarray:
    """min(Qbar1, Qbar2)(s, a) [N] under the target critic, in padded buckets."""
    ctx = self.ctx
    obs, om = ctx.batches.critic_obs(prompts, texts)
    act, am = ctx.batches.critic_actions(ids, out)
    if ctx.batches.frozen:
      f, params = ctx.batches.features, state.critic.params
      obs, act = f.state_features(params, obs, om), f.action_features(params, obs, om, act, am)
    n = len(prompts)
    pad = lambda x: np.pad(x, [(0, bucket(n) - n)] + [(0, 0)] * (x.ndim - 1))
    q = self.q_min(state.target, *ctx.global_batch([pad(obs), pad(om), pad(act), pad(am)]))
    return np.asarray(q)[:n]

  def programs(self, state):
    """The critic step (best of `num_candidates` a_pi) and the candidates' scoring at a
    rollout's turn (`rollout_size` x k rows, bucketed); the actor stays frozen."""
    critic = [p for p in super().programs(state) if p[0] == "critic"]
    n = bucket(int(self.config.train.rollout_size) * self.num_candidates)
    cb = self.ctx.batches.critic_batch(example_rows(self.ctx, self.row_spec(), n))
    args = (state.target, cb["obs"], cb["obs_mask"], cb["act"], cb["act_mask"])
    return [*critic, ("q_min", self.q_min, args)]
