"""The actor as a sampler: prompts -> (ids, texts, log-probs) under given actor parameters.

Wraps the jitted KV-cache `generation.Sampler`; parameters are passed in (the RL state
holds them), so one `Policy` serves the live actor, a frozen one or a reference alike."""

from __future__ import annotations

import flax.linen as nn
import jax
import numpy as np

from archer_jax.algorithms import lora
from archer_jax.parallel.mesh import RULES
from archer_jax.parallel.shards import Shards


class Policy:
  def __init__(self, config, mesh, actor_cfg, tokenizer, shards: Shards | None = None):
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
      prompt_limit="actor.obs_len",
    )
    self.shards = shards if shards is not None else Shards(mesh)
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

  def _sampled(self, params, greedy: bool, generate):
    """`generate(lm, temperature=, greedy=)` (a `Sampler` call returning a `GenerationResult`)
    under the mesh, with this policy's LM weights -> (ids incl. the stop token, texts,
    log-probs [N, L])."""
    with jax.sharding.set_mesh(self.mesh), nn.logical_axis_rules(RULES):
      lm = self.lm_for(params)
      r = generate(lm, temperature=self.config.actor.temperature, greedy=greedy)
    ids = [list(np.asarray(r.tokens[i, : r.lengths[i]])) for i in range(len(r.lengths))]
    return ids, list(r.texts), np.asarray(r.logprobs)

  def sample(self, params, prompts, key, greedy: bool):
    """prompts: list of id lists -> (ids incl. the stop token, texts, log-probs [N, L])."""
    return self._sampled(
      params, greedy, lambda lm, **kw: self.sampler.generate(lm, prompts, key, **kw)
    )

  def sample_blocks(self, params, blocks, key, greedy: bool):
    """Batch-sharded sampling (`Sampler.generate_sharded`): one list of prompt ids per local
    shard -> (ids incl. the stop token, texts, log-probs [N, L]) over the blocks' prompts in
    shard order."""
    return self._sampled(
      params,
      greedy,
      lambda lm, **kw: self.sampler.generate_sharded(lm, blocks, key, self.shards, **kw),
    )

  def _counted(self, sample, params, key, greedy: bool):
    """(prompts, observation texts) -> (ids, texts) by `sample`; call c samples with
    fold_in(key, c), so every process draws the same keys in the same order."""
    counter = iter(range(1 << 30))

    def gen(prompts, texts=None):
      del texts
      ids, out, _ = sample(params, prompts, jax.random.fold_in(key, next(counter)), greedy)
      return ids, out

    return gen

  def generate_fn(self, params, key, greedy: bool):
    """(prompt ids, observation texts) -> (ids, texts) for `rollout.collect`; each call
    draws from a fresh fold of `key`."""
    return self._counted(self.sample, params, key, greedy)

  def generate_blocks_fn(self, params, key, greedy: bool):
    """`generate_fn` for batch-sharded play (`rollout.collect(..., shards=...)`): (one list
    of prompt ids per local shard, their texts) -> (ids, texts) in shard order."""
    return self._counted(self.sample_blocks, params, key, greedy)

  def sample_rows(self, params, key, a_obs, a_obs_mask, on_chunk=None):
    """One a ~ pi(.|s) per row of this process's left-padded actor observations (its shards'
    equal blocks, shard order; no gradient), in chunks of `actor.sample_chunk` global rows
    (chunk c: sample_chunk / D rows of every shard, key fold_in(key, c * sample_chunk)):
    -> (ids, texts, log-probs [N, La]). on_chunk(): called after each chunk (progress)."""
    nloc, d = len(self.shards.local), self.shards.count
    n = len(a_obs) // nloc
    obs = [r[m].tolist() for r, m in zip(a_obs, a_obs_mask, strict=True)]
    blocks = [obs[j * n : (j + 1) * n] for j in range(nloc)]
    chunk = max(self.config.actor.sample_chunk // d, 1)
    got = [([], [], []) for _ in blocks]
    for i in range(0, n, chunk):
      parts = [b[i : i + chunk] for b in blocks]
      d_ids, t, lp = self.sample_blocks(params, parts, jax.random.fold_in(key, i * d), False)
      at = 0
      for j, part in enumerate(parts):
        got[j][0].extend(d_ids[at : at + len(part)])
        got[j][1].extend(t[at : at + len(part)])
        got[j][2].append(lp[at : at + len(part)])
        at += len(part)
      if on_chunk is not None:
        on_chunk()
    ids = [x for g in got for x in g[0]]
    texts = [x for g in got for x in g[1]]
    la = self.config.actor.max_new_tokens
    lp = np.concatenate([x for g in got for x in g[2]])[:, :la]
    return ids, texts, np.pad(lp, ((0, 0), (0, la - lp.shape[1])))
