"""Model and state construction: tokenizers, networks, optimizers and the initial `RLState`,
born sharded on the mesh (parameters never gathered on one host)."""

from __future__ import annotations

import dataclasses
import os
from typing import Any, Callable

import jax
import jax.numpy as jnp
import numpy as np

from archer_jax.algorithms import lora
from archer_jax.algorithms.networks import DoubleCritic, PolicyWithValue
from archer_jax.models import ModelConfig
from archer_jax.training import paths, precision
from archer_jax.training.rl_state import RLState, averaged, warm_seed
from archer_jax.training.rollout import IncrementalEncoder
from archer_jax.training.state import (
  copy_params,
  create_state,
  init_params,
  linear_decay,
  make_optimizer,
)
from archer_jax.training.validate import ConfigError


@dataclasses.dataclass
class Tokenizers:
  actor: Any
  critic: Any
  actor_encoder: IncrementalEncoder
  critic_encoder: IncrementalEncoder

  @property
  def shared(self) -> bool:
    return self.critic is self.actor


@dataclasses.dataclass
class Networks:
  """The static half of a run's models: modules, configs, optimizers and shardings.
  critic_* are None when the algorithm uses no critic."""

  actor_net: PolicyWithValue
  actor_cfg: ModelConfig
  actor_tx: Any
  bc_tx: Any
  actor_sh: Any
  actor_dummy: tuple
  lora: bool
  mesh: Any
  critic_net: DoubleCritic | None = None
  critic_cfg: ModelConfig | None = None
  critic_tx: Any = None
  critic_sh: Any = None
  frozen: bool = False


@dataclasses.dataclass(frozen=True)
class Needs:
  """What an algorithm needs built (see `Algorithm.needs`); algo: the initial values of
  `RLState.algo` ({name: array}), the algorithm's own learnt state."""

  critic: bool = True
  value_head: bool = False
  reference: bool = False
  algo: dict = dataclasses.field(default_factory=dict)


def build_tokenizers(
  config, workdir: str | os.PathLike, corpus: Callable[[], list[str]]
) -> Tokenizers:
  """The actor's tokenizer (a from-scratch byte-level BPE trained on `corpus()` and saved
  under workdir/tokenizer, or a named model's) and the critic's (shared when the critic is
  from scratch or `critic.share_tokenizer`)."""
  from archer_jax.data import tokenizer as bpe

  c = config
  tok_dir = paths.resolve(workdir) / "tokenizer"
  if c.actor.model == "scratch":
    if (tok_dir / "tokenizer.json").exists():
      with paths.local_dir(tok_dir) as d:
        actor = bpe.load(d)
    else:
      actor = bpe.train_bpe(corpus(), c.tokenizer.vocab_size)
      if jax.process_index() == 0:
        with paths.local_dir(tok_dir, write=True) as d:
          bpe.save(actor, d)
  else:
    from archer_jax.loading import load_tokenizer

    actor = load_tokenizer(c.actor.model)
  if c.critic.model == "scratch" or c.critic.share_tokenizer:
    critic = actor
  else:
    from archer_jax.loading import load_tokenizer

    critic = load_tokenizer(c.critic.model)
  return Tokenizers(
    actor, critic, IncrementalEncoder(actor, c.actor.prompt_prefix), IncrementalEncoder(critic)
  )


def trajectory_texts(trajectories) -> list[str]:
  """Tokenizer corpus from recorded episodes: every observation, action (+ stop) and reply."""
  texts = []
  for t in trajectories:
    for turn in t.turns:
      texts += [turn.observation, turn.action + "\n", turn.next_observation]
  return texts


def env_texts(env, episodes: int, seed: int) -> list[str]:
  """Tokenizer corpus from an env without a scripted player: its first observations and its
  replies to one utterance per episode (each observation's last line said back)."""
  texts = []
  for start in range(0, episodes, env.batch_size):
    obs = env.reset(seeds=[seed * 100_003 + start + i for i in range(env.batch_size)])
    acts = [(o.strip().splitlines() or [""])[-1][:200] for o in obs]
    nxt, _, _, _ = env.step(acts)
    texts += list(obs) + [a + "\n" for a in acts] + list(nxt)
  return texts


def _scratch_cfg(spec, tok, numerics: dict | None = None) -> ModelConfig:
  kw = {**(numerics or {}), **dict(spec)}  # the scratch dict's own fields win
  kw.setdefault("max_position_embeddings", 1024)
  return ModelConfig(
    vocab_size=len(tok),
    pad_token_id=tok.pad_token_id,
    eos_token_id=tok.eos_token_id,
    bos_token_id=tok.bos_token_id,
    **kw,
  )


def _load(config, who: str, tok, mesh):
  """(ModelConfig, pretrained params or None) of `config[who]`, its numerics resolved for
  this backend (`precision.model_fields`; the section's `scratch` / `overrides` win)."""
  spec = config[who]
  numerics = precision.model_fields(spec, who, jax.default_backend())
  if spec.model == "scratch":
    return _scratch_cfg(spec.scratch, tok, numerics), None
  from archer_jax.loading import load_model

  return load_model(spec.model, mesh=mesh, **{**numerics, **dict(spec.get("overrides", {}))})


def frozen_encoder_mask(params):
  """Trainable mask of a critic whose encoder is frozen: everything but `encoder`."""
  # (the lambda runs inside its own iteration, so the late-bound `k` is safe)
  return {k: jax.tree.map(lambda _: k != "encoder", v) for k, v in params.items()}  # noqa: B023


def build(config, mesh, tokenizers: Tokenizers, needs: Needs) -> tuple[Networks, RLState]:
  """Networks and the initial RL state. Keys: actor fold_in(warm key, 1), LoRA fold_in(warm
  key, 3), critic fold_in(seed key, 2) (warm key: of `rl_state.warm_seed`, the run's seed
  unless `bc.seed` is set); heads added to pretrained networks from the warm key (value head)
  and the seed key (critic heads), initialised sharded without materialising the rest."""
  c = config
  dp = mesh.shape["data"] * mesh.shape["fsdp"]
  key = jax.random.PRNGKey(c.seed)
  warm = jax.random.PRNGKey(warm_seed(c))
  actor_cfg, lm_params = _load(c, "actor", tokenizers.actor, mesh)
  # (validate: the gate needs a scratch actor)
  actor_cfg = dataclasses.replace(
    actor_cfg,
    seen_gate=bool(c.actor.get("seen_gate", False)),
    seen_bias=bool(c.actor.get("seen_bias", False)),
    attend_len=int(c.actor.get("attend_len", 0)),
  )
  actor_net = PolicyWithValue(actor_cfg, value_head=needs.value_head)
  dummy = (jnp.zeros((dp, c.actor.obs_len + c.actor.max_new_tokens), jnp.int32),)
  params = None
  if lm_params is not None:  # pretrained LM; a value head (if any) starts random
    params = {"lm": lm_params}
    if needs.value_head:
      params.update(init_params(actor_net, dummy, warm, mesh, keep=("value",)))
  extra, trainable = None, None
  if c.actor.lora_rank:
    from flax import linen as nn

    abstract = nn.meta.unbox(jax.eval_shape(actor_net.init, warm, *dummy)["params"])
    extra = {"lora": lora.init_lora(abstract["lm"], c.actor.lora_rank, jax.random.fold_in(warm, 3))}
    trainable = lora.trainable_mask
  actor_lr = linear_decay(c.actor.lr, c.actor.get("lr_decay_steps", 0), c.actor.get("lr_end", 0.0))
  actor_tx = make_optimizer(actor_lr, c.actor.grad_clip, trainable=trainable)
  bc_tx = make_optimizer(c.bc.lr or c.actor.lr, c.actor.grad_clip, trainable=trainable)
  actor, actor_sh = create_state(
    actor_net, dummy, actor_tx, mesh, jax.random.fold_in(warm, 1), params, extra
  )
  nets = Networks(actor_net, actor_cfg, actor_tx, bc_tx, actor_sh, dummy, bool(extra), mesh)
  critic = target = None
  if needs.critic:
    critic_cfg, enc_params = _load(c, "critic", tokenizers.critic, mesh)
    seen = bool(c.critic.get("seen_tokens", False))
    if seen and critic_cfg.type_vocab_size < 2:
      raise ConfigError(
        f"config.critic.seen_tokens: the flags are token type ids, and the critic "
        f"{c.critic.model!r} has {critic_cfg.type_vocab_size} token type (needs 2)"
      )
    critic_net = DoubleCritic(critic_cfg, joint=bool(c.critic.get("joint", False)), seen=seen)
    co, ca = c.critic.obs_len, c.critic.act_len
    cdummy = (
      jnp.zeros((dp, co), jnp.int32),
      jnp.ones((dp, co), bool),
      jnp.zeros((dp, ca), jnp.int32),
      jnp.ones((dp, ca), bool),
    )
    cparams = None
    if enc_params is not None:  # pretrained encoder; the heads start random
      heads = [k for k in jax.eval_shape(critic_net.init, key, *cdummy)["params"] if k != "encoder"]
      cparams = dict(init_params(critic_net, cdummy, key, mesh, keep=heads), encoder=enc_params)
    frozen = bool(c.critic.get("freeze_encoder", False))
    critic_tx = make_optimizer(
      c.critic.lr, c.critic.grad_clip, trainable=frozen_encoder_mask if frozen else None
    )
    critic, critic_sh = create_state(
      critic_net, cdummy, critic_tx, mesh, jax.random.fold_in(key, 2), cparams
    )
    target = copy_params(critic.params, critic_sh.params)
    nets = dataclasses.replace(
      nets,
      critic_net=critic_net,
      critic_cfg=critic_cfg,
      critic_tx=critic_tx,
      critic_sh=critic_sh,
      frozen=frozen,
    )
  algo = {k: np.asarray(v) for k, v in needs.algo.items()}
  state = RLState(actor=actor, critic=critic, target=target, algo=algo)
  state = with_average(state, nets, bool(c.actor.get("eval_average", 0.0)))
  return nets, with_reference(state, nets, needs.reference)


def with_reference(state: RLState, nets: Networks, reference: bool) -> RLState:
  """pi_ref <- the current actor (the KL anchor), or {} when unused. Under LoRA without the
  frozen base LM, which the steps share with the actor (`losses.reference_params`)."""
  if not reference:
    return state.replace(ref={})
  own = lambda tree: {k: v for k, v in tree.items() if not (nets.lora and k == "lm")}
  return state.replace(ref=copy_params(own(state.actor.params), own(nets.actor_sh.params)))


def with_average(state: RLState, nets: Networks, average: bool) -> RLState:
  """The eval average <- a copy of the actor's trainable weights, or {} when unused."""
  if not average:
    return state.replace(avg={})
  part = averaged(state.actor.params, nets.lora)
  return state.replace(avg=copy_params(part, averaged(nets.actor_sh.params, nets.lora)))


def restart_actor(
  state: RLState, nets: Networks, reference: bool, average: bool = False
) -> RLState:
  """After the warm start: a fresh RL optimizer state on the BC weights, a new KL anchor
  and a new eval average (both start at the BC weights)."""
  params = {k: v for k, v in state.actor.params.items() if k != "lora"}
  extra = {"lora": state.actor.params["lora"]} if nets.lora else None
  actor, _ = create_state(
    nets.actor_net, nets.actor_dummy, nets.actor_tx, nets.mesh, jax.random.PRNGKey(0), params, extra
  )
  state = with_average(state.replace(actor=actor, bc_done=np.ones((), np.bool_)), nets, average)
  return with_reference(state, nets, reference)
