"""The actor as a sampler: prompts -> (ids, texts, log-probs) under given actor parameters.

Wraps the jitted KV-cache `generation.Sampler`; parameters are passed in (the RL state
holds them), so one `Policy` serves the live actor, a frozen one or a reference alike."""

from __future__ import annotations

import flax.linen as nn
import jax
import numpy as np

from archer_jax.algorithms import lora
from archer_jax.parallel.mesh import RULES


class Policy:
  def __init__(self, config, mesh, actor_cfg, tokenizer):
    from archer_jax.generation import Sampler

    c = config.actor
    self.config, self.mesh = config, mesh
    self.lora = bool(c.lora_rank)
    self.sampler = Sampler(
      actor_cfg,
      tokenizer,
      max_new_tokens=c.max_new_tokens,
      stop_strings=tuple(c.stop_strings),
      prompt_buckets=(c.obs_len,),
      batch_buckets=tuple(c.batch_buckets),
    )
    self._merge = jax.jit(self.merged_lm)
    self._merged = None  # ((base, adapters) merged from, merged LM): see `lm_for`

  def merged_lm(self, params):
    """The LM weights the policy runs with: base (+ (alpha/r) A B when LoRA is on)."""
    if "lora" not in params:
      return params["lm"]
    c = self.config.actor
    return lora.merge(params["lm"], params["lora"], c.lora_alpha, c.lora_rank)

  def lm_for(self, params):
    """The LM weights to sample with: params["lm"], or under LoRA the merged weights, merged
    once per version of the adapters, not per call: the merge is kept while the same base and
    adapter arrays come back (a rollout's turns, a_pi's chunks) and redone when the actor
    steps replace them. The kept copy references its source, so identity cannot be reused."""
    if "lora" not in params:
      return params["lm"]
    src = (params["lm"], params["lora"])
    if self._merged is None or any(a is not b for a, b in zip(self._merged[0], src, strict=True)):
      self._merged = None  # free the old copy before building the new one
      self._merged = (src, self._merge(params))
    return self._merged[1]

  def sample(self, params, prompts, key, greedy: bool):
    """prompts: list of id lists -> (ids incl. the stop token, texts, log-probs [N, L])."""
    with jax.sharding.set_mesh(self.mesh), nn.logical_axis_rules(RULES):
      lm = self.lm_for(params)
      r = self.sampler.generate(
        lm, prompts, key, temperature=self.config.actor.temperature, greedy=greedy
      )
    ids = [list(np.asarray(r.tokens[i, : r.lengths[i]])) for i in range(len(prompts))]
    return ids, list(r.texts), np.asarray(r.logprobs)[: len(prompts)]

  def generate_fn(self, params, key, greedy: bool):
    """(prompt ids, observation texts) -> (ids, texts) for `rollout.collect`; each call
    draws from a fresh fold of `key`."""
    counter = iter(range(1 << 30))

    def gen(prompts, texts=None):
      del texts
      ids, out, _ = self.sample(params, prompts, jax.random.fold_in(key, next(counter)), greedy)
      return ids, out

    return gen

  def sample_rows(self, params, key, a_obs, a_obs_mask, on_chunk=None):
    """One a ~ pi(.|s) per row of left-padded actor observations, in chunks of
    `actor.sample_chunk` (no gradient): -> (ids, texts, log-probs [N, La]).
    on_chunk(): called after each chunk (progress)."""
    obs = [r[m].tolist() for r, m in zip(a_obs, a_obs_mask, strict=True)]
    chunk = self.config.actor.sample_chunk
    ids, texts, logps = [], [], []
    for i in range(0, len(obs), chunk):
      d, t, lp = self.sample(params, obs[i : i + chunk], jax.random.fold_in(key, i), greedy=False)
      ids += d
      texts += t
      logps.append(lp)
      if on_chunk is not None:
        on_chunk()
    la = self.config.actor.max_new_tokens
    lp = np.concatenate(logps)[:, :la]
    return ids, texts, np.pad(lp, ((0, 0), (0, la - lp.shape[1])))
