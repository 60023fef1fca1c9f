"""The reference ArCHer loop with the cheap PyTorch fixes, so the comparison is not against a
straw man. Same losses and schedule as `faithful`; what changes:

  - token ids are kept from sampling to loss: buffer rows are fixed-shape id arrays built
    once (observations left-padded, actions right-padded, as this project's buffer), never
    decoded and tokenised again;
  - the a_pi of all critic steps of a phase are sampled up front in large chunks (the actor
    is fixed during the phase), rows stop at the stop string and a chunk ends when all have;
  - five encoder passes per critic micro-batch (the unused action pass on s' dropped);
  - SDPA attention; bf16 autocast on CUDA (float32 master weights and optimizer);
    `torch.compile` of the training forwards (not of `generate`) when `compile=True`;
  - rollouts generate only for the rows still playing, with incrementally encoded history.
Backward still runs once per micro-batch (gradient accumulation, as in any PyTorch loop).
"""

from __future__ import annotations

import contextlib

import numpy as np
import torch

from archer_jax.training.rollout import IncrementalEncoder, pad_left, pad_right

from . import models
from .base import TorchRow

FIELDS = (
  "a_obs",
  "a_obs_mask",
  "obs",
  "obs_mask",
  "act",
  "act_mask",
  "next_obs",
  "next_obs_mask",
  "reward",
  "done",
)


class OptimisedArcher(TorchRow):
  """buffer: dict of numpy arrays [N, ...] (FIELDS)."""

  def __init__(self, *args, compile: bool = False, **kw):
    kw.setdefault("attn", "sdpa")
    super().__init__(*args, **kw)
    self.buffer = {k: None for k in FIELDS}
    self.size = 0
    self.encoder = IncrementalEncoder(self.tok, self.s.prefix)
    self.cencoder = IncrementalEncoder(self.ctok)
    self.bf16 = self.device.type == "cuda"
    self.lm_train = torch.compile(self.actor) if compile else self.actor
    self.embed = {
      id(m): (torch.compile(m.embed) if compile else m.embed) for m in (self.critic, self.target)
    }

  def __len__(self):
    return self.size

  def autocast(self):
    if self.bf16:
      return torch.autocast("cuda", dtype=torch.bfloat16)
    return contextlib.nullcontext()

  def tensor(self, x):
    return torch.as_tensor(np.asarray(x), device=self.device)

  # ---- buffer ---------------------------------------------------------------------------
  def critic_ids(self, ids, texts, length, left):
    """Critic-side ids: the actor's ids when the tokenizer is shared, else the text's."""
    seqs = ids if self.ctok is self.tok else self.cencoder.encode_batch(texts)
    return (pad_left if left else pad_right)(seqs, length, self.cpad)

  def add(self, obs_ids, obs_text, act_ids, act_text, next_ids, next_text, reward, done):
    s, rows = self.s, {}
    rows["a_obs"], rows["a_obs_mask"] = pad_left(obs_ids, s.actor_obs_len, self.pad)
    rows["obs"], rows["obs_mask"] = self.critic_ids(obs_ids, obs_text, s.critic_obs_len, True)
    rows["next_obs"], rows["next_obs_mask"] = self.critic_ids(
      next_ids, next_text, s.critic_obs_len, True
    )
    rows["act"], rows["act_mask"] = self.critic_ids(act_ids, act_text, s.critic_act_len, False)
    rows["reward"] = np.asarray(reward, np.float32)
    rows["done"] = np.asarray(done, np.float32)
    for k, v in rows.items():
      self.buffer[k] = v if self.buffer[k] is None else np.concatenate([self.buffer[k], v])
    self.size += len(reward)

  def sample(self, n):
    idx = self.rng.integers(0, self.size, size=n)
    return {k: v[idx] for k, v in self.buffer.items()}

  # ---- a_pi, in large chunks ------------------------------------------------------------
  def sample_pi(self, a_obs, a_obs_mask) -> dict:
    """One a ~ pi(.|s) per row (chunks of sample_chunk): actor ids [N, La] and critic ids."""
    ids, texts = [], []
    for i in range(0, len(a_obs), self.s.sample_chunk):
      new = self.generate(
        self.tensor(a_obs[i : i + self.s.sample_chunk]),
        self.tensor(a_obs_mask[i : i + self.s.sample_chunk]).long(),
        stop_rows=True,
      )
      cut = self.cut(new)
      ids += cut
      if self.ctok is not self.tok:
        texts += [self.text(x) for x in cut]
    out = {}
    out["pi_a"], out["pi_a_mask"] = pad_right(ids, self.s.max_new_tokens, self.pad)
    out["pi"], out["pi_mask"] = self.critic_ids(ids, texts, self.s.critic_act_len, False)
    return out

  # ---- losses on id tensors ---------------------------------------------------------------
  def critic_loss(self, b: dict, num_rows: float):
    """Bellman loss over one micro-batch of id tensors: 2 online + 3 target passes."""
    emb_o, emb_t = self.embed[id(self.critic)], self.embed[id(self.target)]
    with self.autocast():
      online = self.critic.heads(emb_o(b["obs"], b["obs_mask"]), emb_o(b["act"], b["act_mask"]))
      with torch.no_grad():
        t_next = self.target.heads(emb_t(b["next_obs"], b["next_obs_mask"]))
        t_cur = self.target.heads(emb_t(b["obs"], b["obs_mask"]), emb_t(b["pi"], b["pi_mask"]))
    return models.bellman_loss(
      online, t_cur, t_next, b["reward"], b["done"], self.s.gamma, num_rows
    )

  def actor_loss(self, b: dict, num_rows: float):
    with self.autocast():
      logp = models.lm_logprobs(
        self.lm_train, b["a_obs"], b["a_obs_mask"], b["pi_a"], b["pi_a_mask"]
      )
      emb = self.embed[id(self.critic)]
      with torch.no_grad():
        h = self.critic.heads(emb(b["obs"], b["obs_mask"]), emb(b["pi"], b["pi_mask"]))
    adv = torch.minimum(h["q1"], h["q2"]) - torch.minimum(h["v1"], h["v2"])
    return -(adv * logp).sum() / num_rows

  # ---- updates ----------------------------------------------------------------------------
  def _micro(self, rows: dict):
    m, n = self.s.micro_batches, len(rows["reward"])
    size = n // m
    for k in range(m):
      yield {
        key: self.tensor(
          v[k * size : (k + 1) * size].astype(np.int64)
          if v.dtype == bool
          else v[k * size : (k + 1) * size]
        )
        for key, v in rows.items()
      }

  def critic_phase(self, steps: int) -> list[float]:
    """`steps` critic updates; their a_pi all sampled first."""
    b = self.s.batch_size
    rows = self.sample(steps * b)
    rows.update(self.sample_pi(rows["a_obs"], rows["a_obs_mask"]))
    losses = []
    for s in range(steps):
      part = {k: v[s * b : (s + 1) * b] for k, v in rows.items()}
      total = 0.0
      for mb in self._micro(part):
        loss = self.critic_loss(mb, float(b))
        loss.backward()
        total += float(loss.detach())
      self.step(self.critic_opt, self.critic)
      models.polyak_(self.target, self.critic, self.s.tau)
      losses.append(total)
    return losses

  def actor_update(self) -> float:
    b = self.s.batch_size
    rows = self.sample(b)
    rows.update(self.sample_pi(rows["a_obs"], rows["a_obs_mask"]))
    total = 0.0
    for mb in self._micro(rows):
      loss = self.actor_loss(mb, float(b))
      loss.backward()
      total += float(loss.detach())
    self.step(self.actor_opt, self.actor)
    return total

  # ---- rollouts ---------------------------------------------------------------------------
  def collect(self, env, seeds) -> dict:
    """Lock-step episodes; only rows still playing generate; rows stop at the stop string."""
    obs = env.reset(seeds=seeds)
    ids = [self.encoder.extend(None, None, o) for o in obs]
    done = np.zeros(env.batch_size, bool)
    steps = tokens = 0
    out = {
      k: []
      for k in (
        "obs_ids",
        "obs_text",
        "act_ids",
        "act_text",
        "next_ids",
        "next_text",
        "reward",
        "done",
      )
    }
    while not done.all():
      live = np.flatnonzero(~done)
      prompts, mask = pad_left([ids[r] for r in live], self.s.actor_obs_len, self.pad)
      cut = self.cut(self.generate(self.tensor(prompts), self.tensor(mask).long(), stop_rows=True))
      texts = [self.text(x) for x in cut]
      acts = [""] * env.batch_size
      for r, t in zip(live, texts, strict=True):
        acts[r] = t
      new_obs, rew, new_done, _ = env.step(acts)
      for j, r in enumerate(live):
        nxt = self.encoder.extend(obs[r], ids[r], new_obs[r])
        for k, v in zip(
          out,
          (ids[r], obs[r], cut[j], texts[j], nxt, new_obs[r], float(rew[r]), float(new_done[r])),
          strict=True,
        ):
          out[k].append(v)
        tokens += len(cut[j])
        ids[r], obs[r] = nxt, new_obs[r]
      steps += len(live)
      done = new_done
    self.add(**out)
    return {"env_steps": steps, "tokens": tokens}
