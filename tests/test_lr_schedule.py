"""The actor's linear learning-rate decay: the schedule, the optimizer that uses it, and the
tiny config's decay length following the run's length on the command line."""

import subprocess
import sys

import jax.numpy as jnp
import numpy as np
import optax

from archer_jax.training.state import linear_decay, make_optimizer
from configs.twenty_questions import get_config


def test_linear_decay_matches_its_formula():
  lr, steps, end = 1e-4, 40, 0.25
  sched = linear_decay(lr, steps, end)
  for n in (0, 1, 10, 39, 40, 41, 400):
    want = lr * (1.0 - (1.0 - end) * min(n / steps, 1.0))
    np.testing.assert_allclose(float(sched(n)), want, rtol=1e-6)
  assert linear_decay(lr, 0, end) == lr  # 0 steps: the constant lr, a plain float


def test_adam_steps_shrink_with_the_schedule():
  """Adam's first update has size ~lr(0) per coordinate; with a constant gradient every later
  update has size ~lr(n) (Adam's normalised step is ~1), so the decay shows in the params."""
  steps, lr = 4, 1e-2
  tx = make_optimizer(linear_decay(lr, steps, 0.0), grad_clip=0.0)
  params = {"w": jnp.zeros(3)}
  opt = tx.init(params)
  grads = {"w": jnp.ones(3)}
  moves = []
  for _ in range(steps + 2):
    updates, opt = tx.update(grads, opt, params)
    new = optax.apply_updates(params, updates)
    moves.append(float(jnp.abs(new["w"] - params["w"])[0]))
    params = new
  want = [lr * (1 - n / steps) for n in range(steps)] + [0.0, 0.0]
  np.testing.assert_allclose(moves, want, rtol=1e-4, atol=1e-9)


def test_tiny_decays_over_the_runs_actor_updates():
  c = get_config("tiny")
  assert c.actor.lr_decay_steps == c.train.iterations * c.algo.actor_steps == 75
  c.train.iterations = 50
  assert c.actor.lr_decay_steps == 250
  assert get_config("smoke").actor.lr_decay_steps == 0  # tests keep a constant lr


def test_command_line_overrides_move_the_decay():
  """`--config.train.iterations` / `--config.algo.actor_steps` on the command line move the
  decay's end with them (the field is a reference, not a copy of the default)."""
  code = (
    "import sys; from archer_jax import train; "
    "train.parse_flags(sys.argv); c = train._CONFIG.value; "
    "print(c.actor.lr_decay_steps, c.train.iterations, c.algo.actor_steps)"
  )
  args = [
    "--config=configs/twenty_questions.py:tiny",
    "--config.train.iterations=50",
    "--config.algo.actor_steps=3",
  ]
  r = subprocess.run(
    [sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120
  )
  assert r.returncode == 0, r.stderr
  assert r.stdout.split() == ["150", "50", "3"]
