"""transformers' PyTorch models with the shapes of a `ModelConfig`, and the reference critic.

`hf_config` maps one of this project's model configs to the matching transformers config
(GPT-2, Llama, BERT / RoBERTa) with every dropout at 0 (this project trains without dropout,
and equal maths is what the loss-parity tests check). `TorchCritic` is the reference's
double critic: one trained encoder, Q1, Q2 on concat(emb(s), emb(a)) and V1, V2 on emb(s),
each head Linear-ReLU-Linear-ReLU-Linear with hidden = encoder width (spec §2).
"""

from __future__ import annotations

import torch
import transformers
from torch import nn


def hf_config(cfg, attn: str = "eager"):
  """A `ModelConfig` (archer_jax.models) -> the transformers config of the same network.

  attn: transformers' attention implementation ("eager" as the reference ran, "sdpa")."""
  common = dict(
    vocab_size=cfg.vocab_size,
    bos_token_id=cfg.bos_token_id,
    eos_token_id=cfg.eos_token_id,
    pad_token_id=cfg.pad_token_id,
  )
  if cfg.family == "llama":
    out = transformers.LlamaConfig(
      hidden_size=cfg.hidden_size,
      intermediate_size=cfg.intermediate_size,
      num_hidden_layers=cfg.num_layers,
      num_attention_heads=cfg.num_heads,
      num_key_value_heads=cfg.kv_heads,
      head_dim=cfg.dim_per_head,
      max_position_embeddings=cfg.max_position_embeddings,
      rms_norm_eps=cfg.norm_eps,
      rope_theta=cfg.rope_theta,
      tie_word_embeddings=cfg.tie_embeddings,
      attention_bias=cfg.attention_bias,
      attention_dropout=0.0,
      **common,
    )
  elif cfg.family == "gpt2":
    if cfg.activation != "gelu_new" or not cfg.tie_embeddings:
      raise ValueError("transformers' GPT-2 has tied embeddings and gelu_new only")
    out = transformers.GPT2Config(
      n_embd=cfg.hidden_size,
      n_layer=cfg.num_layers,
      n_head=cfg.num_heads,
      n_inner=cfg.intermediate_size,
      n_positions=cfg.max_position_embeddings,
      layer_norm_epsilon=cfg.norm_eps,
      activation_function="gelu_new",
      resid_pdrop=0.0,
      embd_pdrop=0.0,
      attn_pdrop=0.0,
      **common,
    )
  elif cfg.family == "bert":
    cls = transformers.RobertaConfig if cfg.position_offset else transformers.BertConfig
    out = cls(
      hidden_size=cfg.hidden_size,
      num_hidden_layers=cfg.num_layers,
      num_attention_heads=cfg.num_heads,
      intermediate_size=cfg.intermediate_size,
      hidden_act=cfg.activation,
      max_position_embeddings=cfg.max_position_embeddings,
      layer_norm_eps=cfg.norm_eps,
      type_vocab_size=cfg.type_vocab_size,
      hidden_dropout_prob=0.0,
      attention_probs_dropout_prob=0.0,
      **common,
    )
  else:
    raise ValueError(f"no transformers model for family {cfg.family!r}")
  out._attn_implementation = attn
  return out


def build_lm(cfg, attn: str = "eager") -> nn.Module:
  """The causal LM (GPT2LMHeadModel / LlamaForCausalLM), randomly initialised."""
  hf = hf_config(cfg, attn)
  cls = transformers.GPT2LMHeadModel if cfg.family == "gpt2" else transformers.LlamaForCausalLM
  return cls(hf)


def build_encoder(cfg, attn: str = "eager") -> nn.Module:
  """The text encoder (BertModel / RobertaModel with its pooler), randomly initialised."""
  hf = hf_config(cfg, attn)
  cls = (
    transformers.RobertaModel
    if isinstance(hf, transformers.RobertaConfig)
    else transformers.BertModel
  )
  return cls(hf)


def load_lm(path, attn: str = "eager") -> nn.Module:
  """A pretrained causal LM from a transformers directory or a .gguf file (float32)."""
  from pathlib import Path

  path = Path(path)
  kw = dict(torch_dtype=torch.float32, attn_implementation=attn, local_files_only=True)
  if path.suffix == ".gguf":
    return transformers.AutoModelForCausalLM.from_pretrained(
      str(path.parent), gguf_file=path.name, **kw
    )
  return transformers.AutoModelForCausalLM.from_pretrained(str(path), **kw)


def encoder_positions(mask: torch.Tensor, offset: int) -> torch.Tensor:
  """Positions over real tokens, + `offset` (RoBERTa: padding_idx + 1), as the project's
  encoder counts them; pads get max(offset - 1, 0)."""
  m = mask.long()
  pos = (torch.cumsum(m, -1) - 1).clamp(min=0) * m + offset
  return torch.where(m > 0, pos, torch.full_like(pos, max(offset - 1, 0)))


def lm_positions(mask: torch.Tensor) -> torch.Tensor:
  """Positions counted over real tokens (left-padded prompts, right-padded actions)."""
  return (torch.cumsum(mask.long(), -1) - 1).clamp(min=0)


def mlp_head(d_in: int, hidden: int) -> nn.Sequential:
  return nn.Sequential(
    nn.Linear(d_in, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(), nn.Linear(hidden, 1)
  )


class TorchCritic(nn.Module):
  """The reference double critic over token ids: `embed(ids, mask) -> [B, D]` (pooled as
  the model config says: "pooler" = BERT's pooler_output, "mean", "cls"), `heads(es, ea)`
  -> {"q1", "q2", "v1", "v2": [B]} (Q heads only when ea is given)."""

  def __init__(self, cfg, attn: str = "eager", encoder=None):
    super().__init__()
    self.cfg = cfg
    if encoder is None:
      self.encoder = build_encoder(cfg, attn)
    else:  # a pretrained transformers encoder directory
      self.encoder = transformers.AutoModel.from_pretrained(
        str(encoder), torch_dtype=torch.float32, attn_implementation=attn, local_files_only=True
      )
    d = cfg.hidden_size
    self.q1, self.q2 = mlp_head(2 * d, d), mlp_head(2 * d, d)
    self.v1, self.v2 = mlp_head(d, d), mlp_head(d, d)

  def embed(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    mask = mask.long()
    out = self.encoder(
      input_ids=ids,
      attention_mask=mask,
      position_ids=encoder_positions(mask, self.cfg.position_offset),
      token_type_ids=torch.zeros_like(ids),
    )
    h = out.last_hidden_state
    if self.cfg.pooling == "mean":
      w = mask.to(h.dtype)[..., None]
      return ((h * w).sum(1) / w.sum(1).clamp(min=1.0)).float()
    first = torch.argmax(mask.long(), -1)  # the first real token
    h0 = h[torch.arange(h.shape[0], device=h.device), first]
    if self.cfg.pooling == "cls":
      return h0.float()
    return torch.tanh(self.encoder.pooler.dense(h0)).float()

  def heads(self, es: torch.Tensor, ea: torch.Tensor | None = None) -> dict:
    out = {"v1": self.v1(es)[:, 0].float(), "v2": self.v2(es)[:, 0].float()}
    if ea is not None:
      sa = torch.cat([es, ea], -1)
      out.update(q1=self.q1(sa)[:, 0].float(), q2=self.q2(sa)[:, 0].float())
    return out

  def forward(self, obs, obs_mask, act, act_mask) -> dict:
    """The reference's critic call: both encoder passes, all four heads."""
    return self.heads(self.embed(obs, obs_mask), self.embed(act, act_mask))


def polyak_(target: nn.Module, online: nn.Module, tau: float) -> None:
  """target <- (1 - tau) target + tau online, in place."""
  with torch.no_grad():
    for t, o in zip(target.parameters(), online.parameters(), strict=True):
      t.mul_(1.0 - tau).add_(o, alpha=tau)


def lm_logprobs(lm, obs, obs_mask, act, act_mask) -> torch.Tensor:
  """sum_t log pi(a_t | s, a_<t) over real action tokens: [B] (f32 log-softmax).

  obs [B, Lo] left-padded, act [B, La] right-padded; positions count real tokens only."""
  ids = torch.cat([obs, act], 1)
  mask = torch.cat([obs_mask, act_mask], 1)
  logits = lm(input_ids=ids, attention_mask=mask, position_ids=lm_positions(mask)).logits
  lo = obs.shape[1]
  logp = torch.log_softmax(logits[:, lo - 1 : -1].float(), -1)
  tok = torch.gather(logp, 2, act[..., None].long())[..., 0]
  return (tok * act_mask.float()).sum(1)


def bellman_loss(
  online: dict, t_cur: dict, t_next: dict, reward, done, gamma: float, num_rows: float
) -> torch.Tensor:
  """sum_i [sum_b (Q_i - r - g(1 - d) Vbar_i(s'))^2 + (V_i - Qbar_i(s, a_pi))^2] / num_rows
  (the targets carry no gradient)."""
  total = 0.0
  for i in ("1", "2"):
    y_q = (reward + gamma * (1.0 - done) * t_next["v" + i]).detach()
    y_v = t_cur["q" + i].detach()
    total = (
      total
      + (((online["q" + i] - y_q) ** 2).sum() + ((online["v" + i] - y_v) ** 2).sum()) / num_rows
    )
  return total


def advantage(critic: TorchCritic, obs, obs_mask, act, act_mask) -> torch.Tensor:
  """A = min(Q1, Q2)(s, a) - min(V1, V2)(s) under `critic`, no gradient: [B]."""
  with torch.no_grad():
    h = critic(obs, obs_mask, act, act_mask)
  return torch.minimum(h["q1"], h["q2"]) - torch.minimum(h["v1"], h["v2"])


def adam(module: nn.Module, lr: float) -> torch.optim.Optimizer:
  """Adam as optax's defaults (b1 0.9, b2 0.999, eps 1e-8), no weight decay."""
  return torch.optim.Adam([p for p in module.parameters() if p.requires_grad], lr=lr, eps=1e-8)
