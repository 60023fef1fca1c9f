"""What both PyTorch rows share: the networks, optimizers and config of one run, sampling
with transformers' `generate`, and a replay buffer of transitions."""

from __future__ import annotations

import copy
import dataclasses

import numpy as np
import torch
import transformers

from archer_jax.generation.stopping import cut_at_stop, stop_table

from . import models


@dataclasses.dataclass
class Settings:
  """The run's hyper-parameters that the PyTorch rows read (from a training config)."""

  gamma: float = 0.95
  tau: float = 0.1
  batch_size: int = 256
  micro_batches: int = 8
  actor_lr: float = 1e-6
  critic_lr: float = 2e-5
  grad_clip: float = 1.0
  actor_obs_len: int = 256
  critic_obs_len: int = 256
  critic_act_len: int = 32
  max_new_tokens: int = 32
  temperature: float = 1.0
  stop: str = "\n"
  prefix: str = ""
  sample_chunk: int = 256

  @classmethod
  def from_config(cls, c) -> "Settings":
    a = c.algo
    return cls(
      gamma=a.gamma,
      tau=a.tau,
      batch_size=a.batch_size,
      micro_batches=a.micro_batches,
      actor_lr=c.actor.lr,
      critic_lr=c.critic.lr,
      grad_clip=c.actor.grad_clip,
      actor_obs_len=c.actor.obs_len,
      critic_obs_len=c.critic.obs_len,
      critic_act_len=c.critic.act_len,
      max_new_tokens=c.actor.max_new_tokens,
      temperature=c.actor.temperature,
      stop=c.actor.stop_strings[0],
      prefix=c.actor.prompt_prefix,
      sample_chunk=c.actor.sample_chunk,
    )


class TorchRow:
  """Actor LM, critic, target critic (a full copy, encoder included) and their Adam
  optimizers on `device`. actor_cfg / critic_cfg: the project's `ModelConfig`s;
  tokenizers: (actor's, critic's) transformers tokenizers (may be the same object);
  weights: None (random initialisation) or (actor, critic encoder) pretrained checkpoints
  (a transformers directory, or a .gguf file for the actor), read in float32."""

  def __init__(
    self,
    settings: Settings,
    actor_cfg,
    critic_cfg,
    tokenizers,
    device="cpu",
    attn: str = "eager",
    seed: int = 0,
    weights=None,
  ):
    torch.manual_seed(seed)
    self.s, self.device = settings, torch.device(device)
    self.actor_cfg, self.critic_cfg = actor_cfg, critic_cfg
    self.tok, self.ctok = tokenizers
    if weights is None:
      self.actor = models.build_lm(actor_cfg, attn)
      self.critic = models.TorchCritic(critic_cfg, attn)
    else:
      self.actor = models.load_lm(weights[0], attn)
      self.critic = models.TorchCritic(critic_cfg, attn, encoder=weights[1])
    self.actor.to(self.device)
    self.critic.to(self.device)
    self.target = copy.deepcopy(self.critic).requires_grad_(False)
    self.actor_opt = models.adam(self.actor, settings.actor_lr)
    self.critic_opt = models.adam(self.critic, settings.critic_lr)
    self.pad = self.tok.pad_token_id or 0
    self.cpad = self.ctok.pad_token_id or 0
    self.stop_table = torch.as_tensor(
      stop_table(self.tok, (settings.stop,), (self.tok.eos_token_id,), actor_cfg.vocab_size),
      device=self.device,
    )
    self.rng = np.random.default_rng(seed)

  # ---- sampling ------------------------------------------------------------------------
  def generate(self, ids: torch.Tensor, mask: torch.Tensor, stop_rows: bool) -> torch.Tensor:
    """transformers' `generate` from left-padded prompts [B, P]: new ids [B, <= N].

    stop_rows: rows stop after a stop-string token and the call ends when all have (the
    optimised row); else every row runs all N tokens (EOS only), as the reference did."""
    kw = {}
    if stop_rows:
      kw["stopping_criteria"] = [StopOnTable(self.stop_table)]
    with torch.no_grad():
      out = self.actor.generate(
        input_ids=ids,
        attention_mask=mask,
        do_sample=True,
        temperature=self.s.temperature,
        top_k=0,
        top_p=1.0,
        max_new_tokens=self.s.max_new_tokens,
        pad_token_id=self.pad,
        eos_token_id=self.tok.eos_token_id,
        **kw,
      )
    return out[:, ids.shape[1] :]

  def cut(self, new: torch.Tensor) -> list[list[int]]:
    """Each row's ids up to and including its first stop token (or EOS)."""
    new = new.cpu()
    hit = self.stop_table[new.clamp(max=len(self.stop_table) - 1).to(self.device)].cpu()
    out = []
    for r in range(new.shape[0]):
      stops = torch.nonzero(hit[r])
      n = int(stops[0]) + 1 if len(stops) else new.shape[1]
      out.append(new[r, :n].tolist())
    return out

  def text(self, ids) -> str:
    """Env-facing text of emitted ids (decoded, cut at the stop string)."""
    return cut_at_stop(self.tok.decode(ids, skip_special_tokens=True), (self.s.stop,))

  # ---- optimisation ----------------------------------------------------------------------
  def step(self, opt, module) -> float:
    """Clip the accumulated gradients to grad_clip (global norm), Adam step, zero grads."""
    norm = torch.nn.utils.clip_grad_norm_(module.parameters(), self.s.grad_clip)
    opt.step()
    opt.zero_grad(set_to_none=True)
    return float(norm)

  def __len__(self) -> int:
    return len(self.buffer)

  def sample_rows(self, n: int) -> np.ndarray:
    return self.rng.integers(0, len(self.buffer), size=n)


class StopOnTable(transformers.StoppingCriteria):
  """A per-row stopping criterion: a row is done once it has emitted a stop-table id."""

  def __init__(self, table: torch.Tensor):
    self.table = table
    self.done = None

  def __call__(self, input_ids: torch.Tensor, scores, **kw) -> torch.Tensor:
    hit = self.table[input_ids[:, -1].clamp(max=len(self.table) - 1)]
    self.done = hit if self.done is None or self.done.shape != hit.shape else self.done | hit
    return self.done
