"""The utterance-level critic (shared encoder + Q1, Q2, V1, V2 heads) and the token-level
value head, as Flax modules over any `ModelConfig` encoder / causal LM."""

from __future__ import annotations

import flax.linen as nn
import jax.numpy as jnp

from archer_jax.models import CausalLM, Encoder, ModelConfig
from archer_jax.models.layers import param_init


class MLPHead(nn.Module):
  """Linear-ReLU-Linear-ReLU-Linear -> scalar; hidden = encoder width (spec §2)."""

  hidden: int

  @nn.compact
  def __call__(self, x):
    for i in range(2):
      x = nn.relu(
        nn.Dense(
          self.hidden,
          name=f"dense{i}",
          kernel_init=param_init((None, "head_hidden")),
          bias_init=param_init(("head_hidden",), nn.initializers.zeros),
        )(x)
      )
    x = nn.Dense(
      1,
      name="out",
      kernel_init=param_init(("head_hidden", None)),
      bias_init=param_init((None,), nn.initializers.zeros),
    )(x)
    return x[..., 0].astype(jnp.float32)


def seen_tokens(obs, obs_mask, act, act_mask):
  """[B, Ta] int32: 1 where act[b, j] is a real token whose id occurs among obs[b]'s real
  tokens (obs [B, To], masks 1 on real tokens), else 0."""
  hit = (act[:, :, None] == obs[:, None, :]) & obs_mask[:, None, :].astype(bool)
  return (hit.any(-1) & act_mask.astype(bool)).astype(jnp.int32)


class DoubleCritic(nn.Module):
  """Q1, Q2 on concat(emb(s), emb_a(s, a)); V1, V2 on emb(s); one trained encoder.

  `embed(tokens [B, T], mask [B, T]) -> [B, D]`; `embed_action(obs, obs_mask, act, act_mask)
  -> [B, D]`; `heads(es, ea) -> {"q1","q2","v1","v2": [B]}` (ea may be None: V heads only).
  Splitting them lets a step reuse an embedding.

  joint=False (the reference): emb_a(s, a) = emb(a), the action encoded alone, so Q sees s and
  a only through two pooled vectors. joint=True: the encoder runs over concat(s, a) and
  emb_a(s, a) is the mean of its hidden states at the action's tokens: the action read in
  the context of the history, so attention can relate the utterance to earlier turns (e.g.
  notice a question that was already answered) without the history drowning the action in
  the pooled vector. Same parameters either way.

  seen=True: each action token's type id (the encoder's segment embedding, 2 rows) is 1 when
  the same token id occurs among the state's real tokens, else 0 (`seen_tokens`). A repeated
  question then reads differently from a new one token by token, which a small encoder trained
  from scratch does not learn to notice by attention alone.
  """

  cfg: ModelConfig
  joint: bool = False
  seen: bool = False

  def setup(self):
    self.encoder = Encoder(self.cfg)
    d = self.cfg.hidden_size
    self.q1, self.q2, self.v1, self.v2 = (MLPHead(d, name=n) for n in ("q1", "q2", "v1", "v2"))

  def embed(self, tokens, mask):
    return self.encoder(tokens, mask)["pooled"]

  def embed_action(self, obs, obs_mask, act, act_mask):
    types = seen_tokens(obs, obs_mask, act, act_mask) if self.seen else None
    if not self.joint:
      return self.encoder(act, act_mask, types)["pooled"]
    if types is not None:
      types = jnp.concatenate([jnp.zeros_like(obs), types], axis=1)
    h = self.encoder(
      jnp.concatenate([obs, act], axis=1), jnp.concatenate([obs_mask, act_mask], axis=1), types
    )["hidden"]
    w = act_mask.astype(jnp.float32)[..., None]
    h_act = h[:, obs.shape[1] :].astype(jnp.float32)
    return (h_act * w).sum(1) / jnp.maximum(w.sum(1), 1.0)

  def heads(self, es, ea=None):
    out = {"v1": self.v1(es), "v2": self.v2(es)}
    if ea is not None:
      sa = jnp.concatenate([es, ea], axis=-1)
      out.update(q1=self.q1(sa), q2=self.q2(sa))
    return out

  def __call__(self, obs, obs_mask, act, act_mask):
    return self.heads(self.embed(obs, obs_mask), self.embed_action(obs, obs_mask, act, act_mask))


class PolicyWithValue(nn.Module):
  """The actor LM, optionally with a token-level value head V_tok(s, a_<t) on its hidden
  states (the paper's token-level baseline). Returns {"logits", "hidden", "values"?}."""

  cfg: ModelConfig
  value_head: bool = False

  def setup(self):
    self.lm = CausalLM(self.cfg)
    if self.value_head:
      self.value = MLPHead(self.cfg.hidden_size)

  def __call__(self, tokens, positions=None, attention_mask=None, seen=None):
    out = self.lm(tokens, positions=positions, attention_mask=attention_mask, seen=seen)
    if self.value_head:
      out["values"] = self.value(out["hidden"])
    return out
