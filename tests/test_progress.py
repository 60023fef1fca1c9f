"""The console's phase lines: one plain line per phase, timing the phase's compute."""

from __future__ import annotations

import contextlib
import io
from types import SimpleNamespace

import jax.numpy as jnp

from archer_jax.algorithms import context
from archer_jax.training.progress import Progress


class _Spy(Progress):
  """A Progress that records when each phase opens and closes."""

  def __init__(self, events):
    super().__init__(bars=False, stream=io.StringIO())
    self.events = events

  @contextlib.contextmanager
  def phase(self, name, total=None, unit="steps"):
    self.events.append(("open", name))
    with super().phase(name, total, unit) as p:
      yield p
    self.events.append(("closed", name))


def _ctx(events, monkeypatch):
  real = context.to_host
  monkeypatch.setattr(context, "to_host", lambda x: events.append(("wait",)) or real(x))
  return SimpleNamespace(
    progress=_Spy(events),
    step_rows=lambda rows, n, s: rows,
    device_batch=lambda b: b,
    batches=SimpleNamespace(critic_batch=lambda r: r),
    streams=lambda it, what: (None, None),
    shard_rngs=lambda it, what: None,
    config=SimpleNamespace(algo=SimpleNamespace(batch_size=4)),
  )


def test_plain_phase_line_names_count_and_time():
  out = io.StringIO()
  prog = Progress(bars=False, stream=out)
  prog.where = "it 2/3"
  with prog.phase("critic", 3) as p:
    for _ in range(3):
      p.update()
  assert out.getvalue().startswith("[it 2/3] critic: 3/3 steps in ")
  assert out.getvalue().endswith(" s\n")


def test_critic_and_actor_phases_wait_for_their_steps(monkeypatch):
  """Steps dispatch asynchronously; the phase closes only after its metrics reached the
  host, so its line times the steps' compute, not their dispatch."""
  events = []
  ctx = _ctx(events, monkeypatch)
  state = SimpleNamespace(critic=0, target=0, actor=0, replace=lambda **kw: kw)

  def critic_step(c, t, batch):
    return c + 1, t, {"loss": jnp.float32(c)}

  new, metrics = context.critic_steps(ctx, critic_step, state, {}, 3)
  assert events == [("open", "critic"), ("wait",), ("closed", "critic")]
  assert new == {"critic": 3, "target": 0} and metrics == {"loss": 1.0}

  events.clear()
  buffer = SimpleNamespace(sample=lambda rngs, n: {})
  new, metrics = context.actor_steps(
    ctx, state, buffer, 0, 2, 0, lambda a, key, rows: (a + 1, {"pg": jnp.float32(a)})
  )
  assert events == [("open", "actor"), ("wait",), ("closed", "actor")]
  assert new == {"actor": 2} and metrics == {"pg": 0.5}
