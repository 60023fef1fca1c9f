"""The jitted update steps of a run, built from its `Networks`: each one a pure function of
(train state(s), batch) -> (new state(s), metrics) from `steps`, jitted with its output
shardings and its input states donated, and called under the mesh's logical-axis rules."""

from __future__ import annotations

import functools

import flax.linen as nn
import jax

from archer_jax.algorithms import lora, steps
from archer_jax.algorithms.networks import DoubleCritic
from archer_jax.parallel.mesh import RULES


def under_mesh(fn, mesh):
  """Call (and so trace) a jitted `fn` under the mesh and the logical-axis rules, which
  resolve the models' activation sharding constraints."""

  @functools.wraps(fn)
  def wrapped(*args, **kw):
    with jax.sharding.set_mesh(mesh), nn.logical_axis_rules(RULES):
      return fn(*args, **kw)

  return wrapped


def actor_apply(nets, config):
  """apply(params, tokens, positions, mask, seen=None) -> {"logits", "hidden", "values"?} of
  the policy (LoRA adapters merged into the base weights when present; `seen` as
  `CausalLM`'s)."""
  net, c = nets.actor_net, config.actor

  def apply(p, t, pos, m, seen=None):
    lm = lora.merge(p["lm"], p["lora"], c.lora_alpha, c.lora_rank) if "lora" in p else p["lm"]
    rest = {k: v for k, v in p.items() if k != "lora"}
    return net.apply({"params": dict(rest, lm=lm)}, t, pos, m, seen=seen)

  return apply


def encoder_fns(nets):
  """The critic's (embed, embed_act) over token ids: jitted, for feature caches."""
  cnet = nets.critic_net
  embed = lambda p, t, m: cnet.apply({"params": p}, t, m, method=DoubleCritic.embed)
  embed_act = lambda p, o, om, t, m: cnet.apply(
    {"params": p}, o, om, t, m, method=DoubleCritic.embed_action
  )
  return under_mesh(jax.jit(embed), nets.mesh), under_mesh(jax.jit(embed_act), nets.mesh)


def critic_fns(nets):
  """(embed, heads, embed_act) as the critic steps use them: over ids, or the identity over
  cached features when the encoder is frozen."""
  cnet = nets.critic_net
  heads = lambda p, es, ea=None: cnet.apply({"params": p}, es, ea, method=DoubleCritic.heads)
  if nets.frozen:  # the batches carry cached encoder features instead of token ids
    return (lambda p, feats, mask: feats), heads, (lambda p, o, om, feats, mask: feats)
  embed = lambda p, t, m: cnet.apply({"params": p}, t, m, method=DoubleCritic.embed)
  embed_act = lambda p, o, om, t, m: cnet.apply(
    {"params": p}, o, om, t, m, method=DoubleCritic.embed_action
  )
  return embed, heads, embed_act


def critic_update(nets, config, num_candidates: int = 1, loss=None, **loss_kw):
  """(critic TrainState, target params, batch) -> (critic, target, metrics); both donated.
  ArCHer's Bellman loss by default; `loss` (with its own keywords `loss_kw`) trains the same
  critic on another loss (`steps.critic_step`)."""
  a = config.algo
  embed, heads, embed_act = critic_fns(nets)
  if loss is None:
    loss_kw = dict(v_loss=a.v_loss, expectile=a.expectile, num_candidates=num_candidates)
  fn = functools.partial(
    steps.critic_step,
    tx=nets.critic_tx,
    embed=embed,
    heads=heads,
    embed_act=embed_act,
    gamma=a.gamma,
    tau=a.tau,
    num_micro=a.micro_batches,
    **({} if loss is None else {"loss": loss}),
    **loss_kw,
  )
  return under_mesh(
    jax.jit(fn, donate_argnums=(0, 1), out_shardings=(nets.critic_sh, nets.critic_sh.params, None)),
    nets.mesh,
  )


def trainable_mask(nets):
  """The actor's trainable leaves when LoRA freezes its base model (gradients are taken for
  those alone), else None (every leaf)."""
  return lora.trainable_mask if nets.lora else None


def policy_kw(config) -> dict:
  a = config.algo
  return dict(
    num_micro=a.micro_batches,
    normalize_advantage=a.normalize_advantage,
    baseline=a.baseline,
    value_coef=a.value_coef,
    entropy_coef=a.entropy_coef,
    kl_coef=a.kl_coef,
    clip_eps=a.clip_eps,
    unlikelihood_coef=float(a.get("unlikelihood_coef", 0.0)),
  )


def actor_update(nets, config):
  """(actor TrainState, critic params, {"critic": ..., "actor": ...}, ref params) ->
  (actor, metrics): advantages from the critic inside the step; the actor donated."""
  embed, heads, embed_act = critic_fns(nets)
  fn = functools.partial(
    steps.actor_step_with_critic,
    tx=nets.actor_tx,
    apply=actor_apply(nets, config),
    embed=embed,
    heads=heads,
    embed_act=embed_act,
    trainable=trainable_mask(nets),
    **policy_kw(config),
  )
  return under_mesh(
    jax.jit(fn, donate_argnums=(0,), out_shardings=(nets.actor_sh, None)), nets.mesh
  )


def bc_update(nets, config, tx=None, num_micro: int | None = None):
  """(actor TrainState, batch) -> (actor, metrics): one SFT step (default: the BC warm
  start's optimizer and micro-batches)."""
  fn = functools.partial(
    steps.bc_step,
    tx=tx or nets.bc_tx,
    apply=actor_apply(nets, config),
    num_micro=num_micro or config.bc.micro_batches,
    trainable=trainable_mask(nets),
  )
  return under_mesh(
    jax.jit(fn, donate_argnums=(0,), out_shardings=(nets.actor_sh, None)), nets.mesh
  )


def q_min(nets):
  """(critic params, obs, obs_mask, act, act_mask) -> min(Q1, Q2)(s, a) [B] (features in
  place of ids when the encoder is frozen)."""
  embed, heads, embed_act = critic_fns(nets)
  fn = functools.partial(steps.q_values, embed=embed, heads=heads, embed_act=embed_act)
  return under_mesh(jax.jit(fn), nets.mesh)
