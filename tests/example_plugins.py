"""A new environment and a new algorithm, registered from outside the library, and a config
that trains with them:

  python -m archer_jax.train --config tests/example_plugins.py --workdir runs/reinforce

(or, with any other config: --config.plugins=tests/example_plugins.py
 --config.env.name=guess_the_number --config.algo.name=reinforce --config.bc.steps=0)
"""

from __future__ import annotations

import functools

import jax
import numpy as np

from archer_jax.algorithms import compiled, steps
from archer_jax.algorithms.context import mean_metrics
from archer_jax.algorithms.registry import Algorithm, register
from archer_jax.envs.base import BatchedEnv
from archer_jax.envs.registry import register_env


class GuessTheNumber(BatchedEnv):
  """Guess a hidden number in 1..8; each wrong guess costs -1 and is answered higher/lower."""

  def _reset_row(self, row, rng, index):
    if not hasattr(self, "secret"):
      self.secret = [0] * self.batch_size
    self.secret[row] = int(rng.integers(1, 9)) if index is None else index + 1
    return "Guess my number (1-8).\n"

  def _step_row(self, row, action):
    guess = "".join(ch for ch in action if ch.isdigit())
    if guess == str(self.secret[row]):
      return self._obs[row] + f"{action.strip()}? Yes!\n", 0.0, True, {"won": True}
    hint = "Higher." if guess and int(guess) < self.secret[row] else "Lower."
    return self._obs[row] + f"{action.strip()}? {hint}\n", -1.0, False, {}

  @property
  def num_tasks(self):
    return 8


register_env("guess_the_number", GuessTheNumber, description="hidden number in 1..8", replace=True)


@register(replace=True)
class Reinforce(Algorithm):
  """On-policy REINFORCE: each iteration, policy steps on the transitions just collected,
  weighted by their return-to-go minus its batch mean. No critic."""

  name = "reinforce"

  @classmethod
  def needs(cls, config):
    from archer_jax.training.builder import Needs

    return Needs(critic=False, value_head=False, reference=False)

  def __init__(self, ctx):
    super().__init__(ctx)
    step = functools.partial(
      steps.actor_step,
      tx=ctx.nets.actor_tx,
      apply=compiled.actor_apply(ctx.nets, self.config),
      num_micro=self.config.algo.micro_batches,
    )
    self.step = compiled.under_mesh(jax.jit(step, donate_argnums=(0,)), ctx.nets.mesh)

  def row_spec(self):
    spec = {k: v for k, v in self.ctx.batches.transition_spec().items() if k.startswith("a_")}
    return dict(spec, return_to_go=((), np.float32), iteration=((), np.int32))

  def rows(self, state, roll, it):
    rtg = np.zeros(len(roll.reward), np.float32)
    acc = {}
    for i in reversed(range(len(roll.reward))):  # transitions are in turn order per episode
      acc[roll.episode[i]] = roll.reward[i] + acc.get(roll.episode[i], 0.0)
      rtg[i] = acc[roll.episode[i]]
    return dict(
      self.ctx.batches.actor_rows(roll), return_to_go=rtg, iteration=np.full(len(rtg), it, np.int32)
    )

  def update(self, state, buffer, it):
    n = len(buffer)
    fresh = np.flatnonzero(buffer.data["iteration"][:n] == it)
    _, rng = self.ctx.streams(it, 3)
    idx = fresh[rng.integers(0, len(fresh), size=self.config.algo.batch_size)]
    rows = {k: v[idx] for k, v in buffer.data.items()}
    adv = rows["return_to_go"] - rows["return_to_go"].mean()
    batch = dict(self.ctx.batches.bc_batch(rows), advantage=adv.astype(np.float32))
    actor, m = self.step(state.actor, self.ctx.device_batch(batch))
    return state.replace(actor=actor), mean_metrics([m])


def get_config():
  """The 20Q smoke config switched to this file's env and algorithm (seconds-long)."""
  import os
  import sys

  sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
  from configs import twenty_questions

  c = twenty_questions.get_config("smoke")
  c.plugins = os.path.abspath(__file__)
  c.workdir = "runs/reinforce"
  c.env.name = "guess_the_number"
  c.env.kwargs = {}  # the 20Q kwargs (words) do not apply
  c.algo.name = "reinforce"
  c.bc.steps = 0  # no scripted player to imitate
  return c
