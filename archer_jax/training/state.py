"""Sharded, purely functional train states (params, optimizer state, step), born sharded.

`create_state` traces the module's init with `jax.eval_shape`, maps the parameters' logical
axis names to mesh shardings (`parallel.mesh.RULES`), and runs the init under `jax.jit` with
those `out_shardings`, so no host ever holds a full unsharded copy.
"""

from __future__ import annotations

from typing import Any, Callable

import flax.linen as nn
import jax
import jax.numpy as jnp
import optax
from flax import struct

from archer_jax.parallel.mesh import tree_shardings


@struct.dataclass
class TrainState:
  """An immutable (step, params, opt_state) pytree; the optimizer itself is passed to the
  step functions, so one state can move between optimizers (BC warm start -> RL)."""

  step: jax.Array
  params: Any
  opt_state: Any

  @classmethod
  def create(cls, params, tx) -> "TrainState":
    return cls(step=jnp.zeros((), jnp.int32), params=params, opt_state=tx.init(params))

  def apply_gradients(self, grads, tx) -> "TrainState":
    updates, opt_state = tx.update(grads, self.opt_state, self.params)
    return self.replace(
      step=self.step + 1, params=optax.apply_updates(self.params, updates), opt_state=opt_state
    )


def linear_decay(lr: float, decay_steps: int = 0, end: float = 0.0):
  """The learning rate after n updates: lr * (1 - (1 - end) * min(n / decay_steps, 1)), a
  linear decay from lr to end * lr over decay_steps updates, then constant; decay_steps 0:
  the constant lr (a float, so a constant-lr optimizer keeps its usual state)."""
  if not decay_steps:
    return lr
  return optax.linear_schedule(lr, end * lr, int(decay_steps))


def make_optimizer(
  lr,
  grad_clip: float = 1.0,
  weight_decay: float = 0.0,
  b1: float = 0.9,
  b2: float = 0.999,
  eps: float = 1e-8,
  trainable: Callable[[Any], Any] | None = None,
):
  """Adam(W) after global-norm clipping of *this network's* gradients only. lr: a float or
  an optax schedule of the update count (`linear_decay`).

  `trainable(params) -> bool pytree` freezes the False leaves (e.g. LoRA: base weights)."""
  chain = []
  if grad_clip and grad_clip > 0:
    chain.append(optax.clip_by_global_norm(grad_clip))
  chain.append(
    optax.adamw(lr, b1=b1, b2=b2, eps=eps, weight_decay=weight_decay)
    if weight_decay
    else optax.adam(lr, b1=b1, b2=b2, eps=eps)
  )
  tx = optax.chain(*chain)
  if trainable is not None:
    tx = optax.multi_transform({True: tx, False: optax.set_to_zero()}, lambda p: trainable(p))
  return tx


def create_state(
  module: nn.Module,
  init_args: tuple,
  tx,
  mesh,
  rng,
  params: Any | None = None,
  extra: dict | None = None,
):
  """-> (TrainState, shardings of the TrainState).

  params: optional pretrained parameters (a full tree matching the module's); they are
  placed into the target shardings and the optimizer state is created sharded beside them.
  extra: additional top-level parameter subtrees outside the module (e.g. LoRA adapters);
  small, so replicated.
  """

  def boxed(rng):
    variables = module.init(rng, *init_args)
    return TrainState.create(dict(variables["params"], **(extra or {})), tx)

  abstract = jax.eval_shape(boxed, rng)
  shardings = tree_shardings(abstract, mesh)
  if params is None:
    state = jax.jit(lambda r: nn.meta.unbox(boxed(r)), out_shardings=shardings)(rng)
  else:
    params = jax.device_put(dict(params, **(extra or {})), shardings.params)
    make = lambda p: TrainState.create(p, tx)
    state = jax.jit(make, in_shardings=(shardings.params,), out_shardings=shardings)(params)
  return state, shardings


def init_params(module: nn.Module, init_args: tuple, rng, mesh, keep) -> dict:
  """The top-level parameter subtrees `keep` of `module.init(rng, *init_args)`, initialised
  under `jax.jit` straight into their shardings. The rest of the model is traced but never
  computed (dead code), so heads added to a pretrained network cost only their own size and
  equal what a full init would give them."""

  def init(r):
    p = module.init(r, *init_args)["params"]
    return {k: p[k] for k in keep}

  shardings = tree_shardings(jax.eval_shape(init, rng), mesh)
  return jax.jit(lambda r: nn.meta.unbox(init(r)), out_shardings=shardings)(rng)


def copy_params(params, shardings=None):
  """A fresh on-device copy (e.g. the target critic), so donation of one never frees the other."""
  return jax.jit(lambda p: jax.tree.map(lambda x: x + 0, p), out_shardings=shardings)(params)
