"""The reference ArCHer update loop in PyTorch, slow on purpose (spec §2-§4, §7).

Kept from the reference, with its costs:
  - the replay buffer holds strings; every string is tokenised again at every use, per
    micro-batch (observations three times per critic micro-batch);
  - `generate` for a_pi inside every critic micro-batch and every actor micro-batch; each
    call runs all `max_new_tokens` steps for every row (EOS is the only stop), then the
    text is decoded, cut at the stop string and tokenised again;
  - the critic's forward always runs both encoder passes and all four heads: six encoder
    passes per critic micro-batch (online (s, a); target (s, a_pi); target (s', a), whose
    action pass is unused);
  - `backward` per micro-batch, float32, eager attention;
  - rollouts call `generate` turn by turn for every row, finished episodes included.

Where it had to differ (each for equal maths with this project, or to be no straw man):
  - observations are left-padded and actions right-padded with positions counted over real
    tokens (the reference right-padded observations, giving padded rows wrong positions:
    spec §3); the encoder gets the same positions;
  - strings are tokenised without special tokens and truncated to the config's windows
    (actor obs_len, critic obs_len / act_len) instead of 512, so all rows see the same
    sequence lengths; padding is to the longest row of the micro-batch, as the reference;
  - each micro-batch loss is divided by the whole batch size (not its own), so the
    accumulated gradient is the full-batch mean's, as this project's (the reference summed
    micro-batch means, which only rescales Adam's input before clipping);
  - sampling uses the full distribution (top_k=0; transformers' default top-k 50 otherwise
    applies) and every dropout is 0, as in this project;
  - no replay-buffer pickling to disk, no 15 s sleep per iteration and no autograd anomaly
    detection (`detect_anomaly=True` turns the last one on): they cost time without
    computing anything, and leaving them out only narrows the gap.
"""

from __future__ import annotations

import numpy as np
import torch

from . import models
from .base import TorchRow


class FaithfulArcher(TorchRow):
  """buffer: list of transitions {"obs", "act", "next_obs": str, "reward", "done": float};
  `act` ends with the stop string, as the reference stored it."""

  detect_anomaly = False

  def __init__(self, *args, **kw):
    super().__init__(*args, **kw)
    self.buffer: list[dict] = []

  # ---- tokenisation, at every use -------------------------------------------------------
  def _tok(self, tok, texts, length, side):
    enc = tok(
      list(texts),
      add_special_tokens=False,
      padding="longest",
      truncation=True,
      max_length=length,
      return_tensors="pt",
      padding_side=side,
    )
    return enc["input_ids"].to(self.device), enc["attention_mask"].to(self.device)

  def actor_obs(self, texts):
    tok = self.tok
    tok.truncation_side = "left"
    return self._tok(tok, [self.s.prefix + t for t in texts], self.s.actor_obs_len, "left")

  def actor_act(self, texts):
    self.tok.truncation_side = "right"
    return self._tok(self.tok, texts, self.s.max_new_tokens, "right")

  def critic_obs(self, texts):
    self.ctok.truncation_side = "left"
    return self._tok(self.ctok, texts, self.s.critic_obs_len, "right")

  def critic_act(self, texts):
    self.ctok.truncation_side = "right"
    return self._tok(self.ctok, texts, self.s.critic_act_len, "right")

  # ---- the agent ------------------------------------------------------------------------
  def get_action(self, obs_texts) -> list[str]:
    """a ~ pi(.|s) as text ending with the stop string (generate, decode, cut)."""
    ids, mask = self.actor_obs(obs_texts)
    new = self.generate(ids, mask, stop_rows=False)
    texts = self.tok.batch_decode(new, skip_special_tokens=True)
    stop = self.s.stop
    return [t.split(stop)[0] + stop for t in texts]

  def critic_forward(self, critic, obs_texts, act_texts) -> dict:
    """The reference critic call on strings: tokenise both, two encoder passes."""
    return critic(*self.critic_obs(obs_texts), *self.critic_act(act_texts))

  def critic_loss(self, batch: dict, pi_act: list[str] | None = None, num_rows=None):
    """Bellman loss of one micro-batch of strings (a_pi sampled here unless given)."""
    n = float(num_rows or len(batch["obs"]))
    online = self.critic_forward(self.critic, batch["obs"], batch["act"])
    with torch.no_grad():
      pi = pi_act if pi_act is not None else self.get_action(batch["obs"])
      t_cur = self.critic_forward(self.target, batch["obs"], pi)
      t_next = self.critic_forward(self.target, batch["next_obs"], batch["act"])
    r = torch.as_tensor(np.asarray(batch["reward"], np.float32), device=self.device)
    d = torch.as_tensor(np.asarray(batch["done"], np.float32), device=self.device)
    return models.bellman_loss(online, t_cur, t_next, r, d, self.s.gamma, n)

  def actor_loss(self, obs_texts, pi_act: list[str] | None = None, num_rows=None):
    """-(1/B) sum_b A_b log pi(a_b | s_b) on one micro-batch (a_pi sampled here unless
    given; the critic's advantage without gradient)."""
    n = float(num_rows or len(obs_texts))
    pi = pi_act if pi_act is not None else self.get_action(obs_texts)
    logp = models.lm_logprobs(self.actor, *self.actor_obs(obs_texts), *self.actor_act(pi))
    adv = models.advantage(self.critic, *self.critic_obs(obs_texts), *self.critic_act(pi))
    return -(adv * logp).sum() / n

  # ---- updates --------------------------------------------------------------------------
  def _micro(self, rows):
    m = self.s.micro_batches
    size = len(rows) // m
    for k in range(m):
      part = [self.buffer[i] for i in rows[k * size : (k + 1) * size]]
      yield {key: [t[key] for t in part] for key in part[0]}

  def critic_update(self) -> float:
    """One critic step: micro-batches with backward each, clip, Adam, Polyak."""
    rows, total = self.sample_rows(self.s.batch_size), 0.0
    with torch.autograd.set_detect_anomaly(self.detect_anomaly):
      for mb in self._micro(rows):
        loss = self.critic_loss(mb, num_rows=self.s.batch_size)
        loss.backward()
        total += float(loss.detach())
    self.step(self.critic_opt, self.critic)
    models.polyak_(self.target, self.critic, self.s.tau)
    return total

  def actor_update(self) -> float:
    rows, total = self.sample_rows(self.s.batch_size), 0.0
    with torch.autograd.set_detect_anomaly(self.detect_anomaly):
      for mb in self._micro(rows):
        loss = self.actor_loss(mb["obs"], num_rows=self.s.batch_size)
        loss.backward()
        total += float(loss.detach())
    self.step(self.actor_opt, self.actor)
    return total

  # ---- rollouts -------------------------------------------------------------------------
  def collect(self, env, seeds) -> dict:
    """Lock-step episodes; every row generates every turn, finished ones too. Returns
    {"env_steps", "tokens" (kept utterance tokens, stop included)}."""
    obs = env.reset(seeds=seeds)
    done = np.zeros(env.batch_size, bool)
    steps = tokens = 0
    while not done.all():
      acts = self.get_action(obs)
      live = np.flatnonzero(~done)
      new_obs, rew, new_done, _ = env.step([a[: -len(self.s.stop)] for a in acts])
      for r in live:
        self.buffer.append(
          {
            "obs": obs[r],
            "act": acts[r],
            "next_obs": new_obs[r],
            "reward": float(rew[r]),
            "done": float(new_done[r]),
          }
        )
        tokens += len(self.tok(acts[r], add_special_tokens=False)["input_ids"])
      steps += len(live)
      obs, done = new_obs, new_done
    return {"env_steps": steps, "tokens": tokens}
