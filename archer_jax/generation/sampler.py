"""One jitted, batched sampler with a fixed-size KV cache: prefill, then a `lax.while_loop`
decode that stops when every row has emitted a stop token or `max_new_tokens` are out.

The policy gradient consumes the returned ids and log-probs, never re-tokenised text.
Log-probs are log-softmax of the *unmodified* model distribution (temperature 1, no top-k /
top-p) at the sampled id: that is log pi(a_t | s, a_<t), the quantity the losses use.
"""
from __future__ import annotations

import dataclasses
import functools
import logging
from typing import NamedTuple, Sequence

import jax
import jax.numpy as jnp
import numpy as np

from archer_jax.generation.stopping import stop_table
from archer_jax.models import CausalLM, ModelConfig, init_cache
from archer_jax.models.layers import decode_mask, positions_from_mask

log = logging.getLogger(__name__)


class SampleOutput(NamedTuple):
  tokens: jax.Array      # int32 [B, N]; 0 after a row stops
  logprobs: jax.Array    # f32 [B, N]; log pi(token) under the model, 0 after a row stops
  lengths: jax.Array     # int32 [B]; tokens emitted, stop token included


def _filter_logits(logits, temperature, top_k: int, top_p: float):
  """Sampling distribution: logits / T, then keep the top-k and the top-p nucleus."""
  logits = logits / temperature
  neg = jnp.finfo(jnp.float32).min
  if top_k:
    kth = jax.lax.top_k(logits, top_k)[0][:, -1:]
    logits = jnp.where(logits < kth, neg, logits)
  if top_p < 1.0:
    srt = jnp.sort(logits, axis=-1)[:, ::-1]
    cum = jnp.cumsum(jax.nn.softmax(srt, axis=-1), axis=-1)
    # smallest logit still inside the nucleus (the first token is always kept)
    keep = jnp.sum(cum - jax.nn.softmax(srt, axis=-1) < top_p, axis=-1, keepdims=True)
    cutoff = jnp.take_along_axis(srt, keep - 1, axis=-1)
    logits = jnp.where(logits < cutoff, neg, logits)
  return logits


@functools.partial(jax.jit, static_argnames=("cfg", "max_new_tokens", "top_k", "top_p",
                                             "greedy"))
def sample(params, prompt, prompt_mask, rng, temperature, stop, *, cfg: ModelConfig,
           max_new_tokens: int, top_k: int = 0, top_p: float = 1.0, greedy: bool = False
           ) -> SampleOutput:
  """prompt int32 [B, P] left-padded, prompt_mask bool [B, P], stop bool [V] (EOS and tokens
  containing a stop string) -> SampleOutput. The cache holds P + max_new_tokens slots."""
  model = CausalLM(cfg)
  b, p = prompt.shape
  n = max_new_tokens
  s = p + n
  cache = init_cache(cfg, b, s)
  key_valid = jnp.concatenate([prompt_mask.astype(bool), jnp.zeros((b, n), bool)], axis=1)
  pos = positions_from_mask(prompt_mask)
  out = model.apply({"params": params}, prompt, pos, mask=decode_mask(key_valid, jnp.arange(p)),
                    cache=cache, cache_index=0, return_logits=False)
  logits = model.apply({"params": params}, out["hidden"][:, -1], method=CausalLM.logits)
  next_pos = pos[:, -1] + 1

  def cond(st):
    t, done = st[0], st[5]
    return (t < n) & ~jnp.all(done)

  def body(st):
    t, cache, key_valid, logits, pos, done, toks, lps, rng = st
    rng, k = jax.random.split(rng)
    if greedy:
      tok = jnp.argmax(logits, axis=-1)
    else:
      tok = jax.random.categorical(k, _filter_logits(logits, temperature, top_k, top_p))
    lp = jnp.take_along_axis(jax.nn.log_softmax(logits, -1), tok[:, None], -1)[:, 0]
    tok = jnp.where(done, 0, tok).astype(jnp.int32)
    toks = toks.at[:, t].set(tok)
    lps = lps.at[:, t].set(jnp.where(done, 0.0, lp))
    key_valid = key_valid.at[:, p + t].set(~done)
    new_done = done | stop[tok]
    o = model.apply({"params": params}, tok[:, None], pos[:, None],
                    mask=decode_mask(key_valid, (p + t)[None]), cache=cache, cache_index=p + t,
                    return_logits=False)
    logits = model.apply({"params": params}, o["hidden"][:, 0], method=CausalLM.logits)
    return (t + 1, o["cache"], key_valid, logits, pos + 1, new_done, toks, lps, rng)

  init = (jnp.int32(0), out["cache"], key_valid, logits, next_pos, jnp.zeros((b,), bool),
          jnp.zeros((b, n), jnp.int32), jnp.zeros((b, n), jnp.float32), rng)
  st = jax.lax.while_loop(cond, body, init)
  toks, lps, kv = st[6], st[7], st[2]
  return SampleOutput(toks, lps, jnp.sum(kv[:, p:], axis=1).astype(jnp.int32))


@dataclasses.dataclass
class GenerationResult:
  tokens: np.ndarray      # int32 [B, N]
  logprobs: np.ndarray    # f32 [B, N]
  lengths: np.ndarray     # int32 [B]
  texts: list[str]        # the env-facing text: decoded ids up to (excluding) the stop string


def _bucket(n: int, buckets: Sequence[int]) -> int:
  for b in sorted(buckets):
    if n <= b:
      return b
  return int(max(buckets))


class Sampler:
  """Host wrapper: pads prompts (left) and batches to buckets so same-bucket calls reuse one
  compiled program; long prompts are left-truncated (with one warning)."""

  def __init__(self, cfg: ModelConfig, tokenizer, *, max_new_tokens: int = 32,
               stop_strings: Sequence[str] = ("\n",), prompt_buckets=(64, 128, 256, 512),
               batch_buckets: Sequence[int] | None = None, eos_ids: Sequence[int] | None = None):
    self.cfg, self.tok = cfg, tokenizer
    self.max_new_tokens = max_new_tokens
    self.stop_strings = tuple(stop_strings)
    self.prompt_buckets = tuple(sorted(prompt_buckets))
    self.batch_buckets = tuple(sorted(batch_buckets)) if batch_buckets else None
    if eos_ids is None:
      eos_ids = [i for i in (getattr(tokenizer, "eos_token_id", None), cfg.eos_token_id)
                 if i is not None]
    self.stop = jnp.asarray(stop_table(tokenizer, self.stop_strings, eos_ids, cfg.vocab_size))
    self.pad_id = getattr(tokenizer, "pad_token_id", None) or 0
    self._warned = False

  def encode(self, prompts, chat: bool = False) -> list[list[int]]:
    out = []
    for p in prompts:
      if isinstance(p, str):
        if chat:
          p = self.tok.apply_chat_template([{"role": "user", "content": p}], tokenize=True,
                                           add_generation_prompt=True)
          p = p["input_ids"] if isinstance(p, dict) or hasattr(p, "keys") else p
        else:
          p = self.tok(p, add_special_tokens=False)["input_ids"]
      out.append(list(p))
    return out

  def generate(self, params, prompts, rng, temperature: float = 1.0, top_k: int = 0,
               top_p: float = 1.0, greedy: bool = False, chat: bool = False) -> GenerationResult:
    ids = self.encode(prompts, chat)
    n = len(ids)
    p = _bucket(max(len(x) for x in ids), self.prompt_buckets)
    if max(len(x) for x in ids) > p and not self._warned:
      log.warning("prompt of %d tokens left-truncated to the largest bucket %d",
                  max(len(x) for x in ids), p)
      self._warned = True
    bsz = _bucket(n, self.batch_buckets) if self.batch_buckets else n
    toks, lps, lens = [], [], []
    for start in range(0, n, bsz):          # more rows than the largest bucket: chunks
      chunk = ids[start:start + bsz]
      arr = np.full((bsz, p), self.pad_id, np.int32)
      mask = np.zeros((bsz, p), bool)
      for i, x in enumerate(chunk):
        x = x[-p:]
        arr[i, p - len(x):], mask[i, p - len(x):] = x, True
      mask[len(chunk):, -1] = True           # batch padding rows: one dummy token
      out = sample(params, arr, mask, jax.random.fold_in(rng, start), jnp.float32(temperature),
                   self.stop, cfg=self.cfg, max_new_tokens=self.max_new_tokens, top_k=top_k,
                   top_p=top_p, greedy=greedy)
      out = jax.device_get(out)
      toks.append(out.tokens[: len(chunk)]); lps.append(out.logprobs[: len(chunk)])
      lens.append(out.lengths[: len(chunk)])
    tokens, logprobs, lengths = (np.concatenate(x) for x in (toks, lps, lens))
    texts = [self.text(tokens[i, : lengths[i]]) for i in range(n)]
    return GenerationResult(tokens, logprobs, lengths, texts)

  def text(self, ids) -> str:
    t = self.tok.decode(list(ids), skip_special_tokens=True)
    cut = len(t)
    for s in self.stop_strings:      # whitespace stops are dropped, "?" is kept
      if s in t:
        cut = min(cut, t.index(s) + (0 if s.isspace() else len(s)))
    return t[:cut]
