"""One jitted, batched sampler with a fixed-size KV cache, and its host-side wrapper.

`sample` prefills the (left-padded) prompt into a cache of `cache_len` slots, then decodes
one token per step for every row inside a `lax.while_loop` that exits as soon as every row
has stopped (or `max_new_tokens` are out). No Python loop runs over tokens or layers, and
nothing in it names a device: params sharded with NamedShardings over a mesh are used as
they are.

Schedule, for a prompt block of P slots and N new tokens y_0 .. y_{N-1}: the prefill writes
prompt slots [0, P - 1); decode step t feeds x_t (x_0 = the last prompt token, always real
under left padding; x_t = y_{t-1} after) at slot P - 1 + t, reads the logits z_t there and
emits y_t. So the loop holds the only single-token forward and the only sampling code, and
no forward is spent on the last emitted token. Cache (S = cache_len >= P + N - 1 slots):

  slots [0, P)            the prompt, left-padded; pad slots are never attended to
  slots [P, P + N - 1)    y_t at slot P + t, position len(prompt) + t

Query slot q attends to slot s iff s <= q and s is a real prompt token or a generated
slot (`layers.decode_mask`); positions count real tokens only (`positions_from_mask`), so a
row computes exactly what it would alone and unpadded.

Log-probs. `logprobs[b, t] = log softmax(z_t)[y_t]` where z_t are the model's logits
(temperature 1, no top-k / top-p) given the prompt and y_<t, and y_t the emitted id: the
log-likelihood log pi(y_t | s, y_<t) of the policy itself, which is what the policy
gradient, importance ratios and KL terms need, independent of how exploration was done.
`sample_logprobs` are the log-probs under the distribution actually sampled from (after
temperature, top-k, top-p; 0 for greedy), for off-policy corrections.

The policy losses consume the returned ids and log-probs, never re-tokenised text.
"""

from __future__ import annotations

import dataclasses
import logging
from typing import Any, NamedTuple, Sequence

import flax.linen as nn
import jax
import jax.numpy as jnp
import numpy as np
from jax.sharding import PartitionSpec

from archer_jax.generation.stopping import cut_at_stop, eos_array, stop_string_table
from archer_jax.models import CausalLM, ModelConfig, init_cache
from archer_jax.models.decoder import cache_layout, dropped_columns
from archer_jax.models.layers import decode_mask, positions_from_mask
from archer_jax.parallel.mesh import to_host

log = logging.getLogger(__name__)

DEFAULT_PROMPT_BUCKETS = (64, 128, 256, 512, 1024, 2048)


class SampleOutput(NamedTuple):
  """Device arrays from `sample` (B rows, N = max_new_tokens)."""

  tokens: jax.Array  # int32 [B, N]; the emitted ids, 0 after a row stops
  logprobs: jax.Array  # f32 [B, N]; log pi(y_t | prefix), unmodified model; 0 after stop
  lengths: jax.Array  # int32 [B]; ids emitted, the stop / EOS token included
  done: jax.Array  # bool [B]; the row ended on a stop / EOS token (or was empty)
  sample_logprobs: jax.Array  # f32 [B, N]; log q(y_t | prefix) under the sampling law
  steps: jax.Array  # int32 []; decode steps run (< N when every row stopped early)


# ---- sampling distribution ---------------------------------------------------------------
def filter_logits(logits: jax.Array, top_k: jax.Array, top_p: jax.Array) -> jax.Array:
  """Top-k then top-p (nucleus) filtering of [B, V] logits; dropped entries become -inf.

  With the logits sorted descending, z_(1) >= z_(2) >= ..., keep rank r (1-based) iff
  r <= k (k = top_k, 0 = all) and the mass of the higher ranks, sum_{j<r} p_j with p the
  softmax over the top k, is < top_p (rank 1 is always kept). Entries tied with the last
  kept value are kept too. top_k and top_p are traced scalars: changing them never
  recompiles. One sort of [B, V] per call.
  """
  v = logits.shape[-1]
  srt = -jnp.sort(-logits, axis=-1)  # descending [B, V]
  rank = jnp.arange(v)
  k = jnp.where(top_k > 0, jnp.minimum(top_k, v), v)
  srt = jnp.where(rank < k, srt, -jnp.inf)
  probs = jax.nn.softmax(srt, axis=-1)
  above = jnp.cumsum(probs, axis=-1) - probs  # mass of higher ranks
  keep = (rank < k) & ((above < top_p) | (top_p >= 1.0) | (rank == 0))  # a prefix
  n_keep = jnp.sum(keep, axis=-1, keepdims=True)
  cutoff = jnp.take_along_axis(srt, n_keep - 1, axis=-1)  # [B, 1]
  return jnp.where(logits >= cutoff, logits, -jnp.inf)


def choose_tokens(logits, key, temperature, top_k, top_p, greedy):
  """[B, V] f32 logits -> (ids int32 [B], log q(ids) f32 [B]) under the sampling law.

  greedy (or temperature <= 0): argmax, log q = 0. Otherwise y ~ softmax(filter(z / T)).
  A `lax.cond` skips the sort when top_k = 0 and top_p >= 1, and all sampling work when
  greedy.
  """
  b = logits.shape[0]

  def argmax(_):
    return jnp.argmax(logits, axis=-1).astype(jnp.int32), jnp.zeros((b,), jnp.float32)

  def draw(_):
    z = logits / jnp.maximum(temperature, 1e-6)
    z = jax.lax.cond(
      (top_k > 0) | (top_p < 1.0), lambda x: filter_logits(x, top_k, top_p), lambda x: x, z
    )
    y = jax.random.categorical(key, z, axis=-1).astype(jnp.int32)
    lq = jnp.take_along_axis(jax.nn.log_softmax(z, axis=-1), y[:, None], axis=-1)[:, 0]
    return y, lq

  return jax.lax.cond(greedy | (temperature <= 0.0), argmax, draw, None)


# ---- sharding of the carried cache -------------------------------------------------------
def _constrain(x: jax.Array, names: Sequence[str | None]) -> jax.Array:
  """Shard `x` by logical `names` when a mesh is set (`jax.sharding.set_mesh`); a no-op
  otherwise. Dims that do not divide by their mesh axes stay replicated."""
  mesh = jax.sharding.get_abstract_mesh()
  if mesh.empty:
    return x
  from archer_jax.parallel.mesh import RULES, logical_to_spec

  rules = nn.get_logical_axis_rules() or RULES
  spec = logical_to_spec(names, x.shape, mesh, rules)
  return jax.lax.with_sharding_constraint(x, PartitionSpec(*spec))


# ---- the jitted sampler ------------------------------------------------------------------
def _sample(
  params,
  prompt_tokens,
  prompt_mask,
  rng,
  temperature=1.0,
  stop_table=None,
  *,
  cfg: ModelConfig,
  max_new_tokens: int,
  cache_len: int | None = None,
  top_k=0,
  top_p=1.0,
  greedy=False,
  eos_ids=None,
) -> SampleOutput:
  """Batched sampling with a KV cache; use the jitted `sample`:

  sample(params, prompt_tokens, prompt_mask, rng, temperature=1.0, stop_table=None, *,
         cfg, max_new_tokens, cache_len=None, top_k=0, top_p=1.0, greedy=False,
         eos_ids=None) -> SampleOutput

  params: the CausalLM params (any sharding); prompt_tokens int32 [B, P], LEFT-padded;
  prompt_mask bool [B, P] (True on real tokens; a row with none emits nothing); rng: a
  PRNG key (step t uses fold_in(rng, t)); temperature, top_k (0 = off), top_p (1 = off),
  greedy: traced scalars (changing them does not recompile); stop_table bool [V]: ids a
  row stops after; eos_ids int [E]: more such ids (negative entries ignored).
  Static: cfg (hashable ModelConfig), max_new_tokens N, cache_len S (default and minimum
  P + N - 1). With cfg.seen_gate and 0 < cfg.attend_len < P, the layers (prefill, cache)
  read only the last attend_len prompt columns, P taken as attend_len, while the gate
  counts the whole prompt as seen (as `CausalLM` does given `seen`). Returns SampleOutput
  with tokens / logprobs / sample_logprobs [B, N], lengths [B], done [B], steps []; see
  the module docstring for the log-prob convention.
  """
  if not cfg.is_decoder:
    raise ValueError(f"sampling needs a decoder config, got family {cfg.family!r}")
  model = CausalLM(cfg)
  prompt_tokens = prompt_tokens.astype(jnp.int32)
  prompt_mask = prompt_mask.astype(bool)
  seen = (prompt_tokens, prompt_mask) if cfg.seen_gate else None  # cfg.seen_gate's prompt
  cut = dropped_columns(cfg, seen)
  if cut:  # cfg.attend_len: the layers read the last W prompt tokens, the gate all of them
    prompt_tokens, prompt_mask = prompt_tokens[:, cut:], prompt_mask[:, cut:]
  b, p = prompt_tokens.shape
  n = int(max_new_tokens)
  s = int(cache_len) if cache_len is not None else p + n - 1
  if n < 1 or p < 1:
    raise ValueError(f"need max_new_tokens >= 1 and a prompt block >= 1, got {n}, {p}")
  if s < p + n - 1:
    raise ValueError(f"cache_len {s} < prompt block {p} + max_new_tokens {n} - 1")
  v = cfg.vocab_size
  temperature = jnp.asarray(temperature, jnp.float32)
  top_k = jnp.asarray(top_k, jnp.int32)
  top_p = jnp.asarray(top_p, jnp.float32)
  greedy = jnp.asarray(greedy, bool)

  stop = jnp.zeros((v,), bool) if stop_table is None else jnp.asarray(stop_table, bool)
  if stop.shape != (v,):
    raise ValueError(f"stop_table must have shape ({v},), got {stop.shape}")
  if eos_ids is not None:
    eos = jnp.asarray(eos_ids, jnp.int32).reshape(-1)
    stop = stop.at[jnp.where((eos >= 0) & (eos < v), eos, v)].set(True, mode="drop")

  apply = lambda *a, **kw: model.apply({"params": params}, *a, **kw)
  constrain = lambda c: jax.tree.map(lambda x: _constrain(x, cache_layout(cfg)), c)
  cache = constrain(init_cache(cfg, b, s))
  # Every generated slot counts as valid: causality (slot <= query slot) hides the future
  # ones, and rows that have stopped are discarded anyway.
  key_valid = jnp.concatenate([prompt_mask, jnp.ones((b, s - p), bool)], axis=1)
  n_prompt = jnp.sum(prompt_mask, axis=-1).astype(jnp.int32)  # real prompt tokens
  if p > 1:  # prefill slots [0, P - 1); the last prompt token is decode step 0's input
    pos = positions_from_mask(prompt_mask[:, :-1])
    cache = apply(
      prompt_tokens[:, :-1],
      pos,
      mask=decode_mask(key_valid, jnp.arange(p - 1)),
      cache=cache,
      cache_index=0,
      return_logits=False,
    )["cache"]

  def cond(st):
    t, done = st[0], st[3]
    return (t < n) & ~jnp.all(done)

  def body(st):
    t, cache, x, done, toks, lps, lqs, lengths = st
    slot = p - 1 + t
    o = apply(
      x[:, None],
      jnp.maximum(n_prompt - 1 + t, 0)[:, None],
      mask=decode_mask(key_valid, slot[None]),
      cache=cache,
      cache_index=slot,
      return_logits=False,
    )
    logits = apply(o["hidden"][:, 0], seen, method=CausalLM.logits)  # z_t [B, V] f32
    y, lq = choose_tokens(logits, jax.random.fold_in(rng, t), temperature, top_k, top_p, greedy)
    lp = jnp.take_along_axis(jax.nn.log_softmax(logits, axis=-1), y[:, None], axis=-1)[:, 0]
    y = jnp.where(done, 0, y)
    toks = jax.lax.dynamic_update_index_in_dim(toks, y, t, axis=1)
    lps = jax.lax.dynamic_update_index_in_dim(lps, jnp.where(done, 0.0, lp), t, axis=1)
    lqs = jax.lax.dynamic_update_index_in_dim(lqs, jnp.where(done, 0.0, lq), t, axis=1)
    lengths = lengths + (~done).astype(jnp.int32)
    done = done | stop[y]
    return t + 1, constrain(o["cache"]), y, done, toks, lps, lqs, lengths

  zeros_f = jnp.zeros((b, n), jnp.float32)
  st = (
    jnp.int32(0),
    cache,
    prompt_tokens[:, -1],
    ~jnp.any(prompt_mask, axis=-1),
    jnp.zeros((b, n), jnp.int32),
    zeros_f,
    zeros_f,
    jnp.zeros((b,), jnp.int32),
  )
  steps, _, _, done, toks, lps, lqs, lengths = jax.lax.while_loop(cond, body, st)
  return SampleOutput(toks, lps, lengths, done, lqs, steps)


sample = jax.jit(_sample, static_argnames=("cfg", "max_new_tokens", "cache_len"))


# ---- host wrapper ------------------------------------------------------------------------
@dataclasses.dataclass
class GenerationResult:
  """Host (numpy) results of `Sampler.generate` for the B prompts given (no padding rows)."""

  tokens: np.ndarray  # int32 [B, N]; 0 after each row's length
  logprobs: np.ndarray  # f32 [B, N]; log pi(y_t | prefix) under the unmodified model
  lengths: np.ndarray  # int32 [B]; stop / EOS token included
  texts: list[str]  # decoded ids up to the length, cut at the first stop string
  done: np.ndarray  # bool [B]; ended on a stop / EOS token (not by running out)
  sample_logprobs: np.ndarray  # f32 [B, N]; under the sampling distribution

  def ids(self, i: int) -> list[int]:
    """Row i's emitted ids (stop token included)."""
    return [int(x) for x in self.tokens[i, : self.lengths[i]]]


def bucket(n: int, buckets: Sequence[int] | None) -> int:
  """Smallest bucket >= n; the largest bucket if none fits; with no buckets, the next power
  of two >= n."""
  if not buckets:
    return 1 << max(int(n) - 1, 0).bit_length()
  for b in sorted(buckets):
    if n <= b:
      return int(b)
  return int(max(buckets))


class Sampler:
  """Bucketed host wrapper around `sample`.

  Prompts (ids or text) are left-padded to the smallest prompt bucket that fits and the
  batch is padded with empty rows to a batch bucket, so repeated calls whose shapes fall in
  the same buckets reuse one compiled program (temperature, top-k, top-p and greedy never
  recompile). A prompt longer than the largest bucket is left-truncated (the most recent
  tokens are kept), with one warning per Sampler. More prompts than the largest batch
  bucket run in chunks.

  cfg, tokenizer: the model config and its transformers tokenizer (None: ids only, no
  texts); max_new_tokens: N; stop_strings: a row stops after a token whose text contains
  one (see `stopping`); prompt_buckets: prompt block sizes; batch_buckets: batch sizes
  (None: powers of two); eos_ids: default the tokenizer's and the config's EOS ids;
  chat: default for `generate(chat=...)`.
  """

  def __init__(
    self,
    cfg: ModelConfig,
    tokenizer=None,
    *,
    max_new_tokens: int = 32,
    stop_strings: Sequence[str] = ("\n",),
    prompt_buckets: Sequence[int] = DEFAULT_PROMPT_BUCKETS,
    batch_buckets: Sequence[int] | None = None,
    eos_ids: Sequence[int] | None = None,
    chat: bool = False,
    prompt_limit: str = "",
  ):
    """prompt_limit: the setting that chose the largest prompt bucket (e.g. "actor.obs_len"),
    named in the warning when a prompt is longer."""
    if not prompt_buckets:
      raise ValueError("prompt_buckets must not be empty")
    self.cfg, self.tokenizer = cfg, tokenizer
    self.max_new_tokens = int(max_new_tokens)
    self.stop_strings = tuple(stop_strings or ())
    self.prompt_buckets = tuple(sorted(int(x) for x in prompt_buckets))
    self.batch_buckets = tuple(sorted(int(x) for x in batch_buckets)) if batch_buckets else None
    self.chat = chat
    if eos_ids is None:
      eos_ids = (getattr(tokenizer, "eos_token_id", None), cfg.eos_token_id)
    self.eos_ids = eos_array(eos_ids)
    if tokenizer is not None and self.stop_strings:
      self.stop_table = stop_string_table(tokenizer, self.stop_strings, cfg.vocab_size)
    else:
      self.stop_table = np.zeros(cfg.vocab_size, bool)
    self.max_prompt = self.prompt_buckets[-1]
    if cfg.family == "gpt2":  # learned position table: the prompt the layers read + N must fit
      room = cfg.max_position_embeddings - self.max_new_tokens
      if not (cfg.seen_gate and 0 < cfg.attend_len <= room):  # (attend_len: they read W)
        self.max_prompt = min(self.max_prompt, room)
    if self.max_new_tokens < 1 or self.max_prompt < 1:
      raise ValueError(
        f"max_new_tokens={self.max_new_tokens} leaves no room for a prompt "
        f"(buckets {self.prompt_buckets}, max_position_embeddings "
        f"{cfg.max_position_embeddings})"
      )
    self.prompt_limit = prompt_limit
    self._warned = False

  # -- prompts ------------------------------------------------------------------------------
  def encode(self, prompts: Sequence[Any], chat: bool | None = None) -> list[list[int]]:
    """Prompts -> id lists. Each prompt: a list of ids (used as is), a string, or (chat) a
    list of {"role", "content"} messages. chat: wrap strings as one user message and apply
    the tokenizer's chat template with the generation prompt."""
    chat = self.chat if chat is None else chat
    out = []
    for pr in prompts:
      is_messages = isinstance(pr, (list, tuple)) and pr and isinstance(pr[0], dict)
      if isinstance(pr, str) or is_messages:
        if self.tokenizer is None:
          raise ValueError("text prompts need a tokenizer")
        if chat or is_messages:
          msgs = [{"role": "user", "content": pr}] if isinstance(pr, str) else list(pr)
          ids = self.tokenizer.apply_chat_template(msgs, add_generation_prompt=True, tokenize=True)
          ids = ids["input_ids"] if hasattr(ids, "keys") else ids
        else:
          ids = self.tokenizer(pr, add_special_tokens=False)["input_ids"]
      else:
        ids = pr
      out.append([int(x) for x in np.asarray(ids).reshape(-1)])
    return out

  def prompt_bucket(self, longest: int) -> int:
    """The prompt block P for a longest prompt of `longest` ids (warns once on truncation)."""
    if longest > self.max_prompt and not self._warned:
      fits = self.max_prompt == self.prompt_buckets[-1]
      why = "the largest prompt bucket" + ("" if fits else " that fits the position table")
      if self.prompt_limit and fits:
        why = f"{self.prompt_limit}; raise it to keep more of the history"
      log.warning(
        "prompt of %d tokens left-truncated to its last %d (%s); shown once",
        longest,
        self.max_prompt,
        why,
      )
      self._warned = True
    return bucket(min(max(longest, 1), self.max_prompt), self.prompt_buckets)

  def pad(
    self, ids: Sequence[Sequence[int]], rows: int | None = None, p: int | None = None
  ) -> tuple[np.ndarray, np.ndarray]:
    """Id lists -> (tokens int32 [Bb, P], mask bool [Bb, P]): left-padded to the prompt
    bucket P (or `p`), batch padded with empty rows to the batch bucket Bb (or `rows`)."""
    if p is None:
      p = self.prompt_bucket(max((len(x) for x in ids), default=1))
    bb = bucket(len(ids), self.batch_buckets) if rows is None else rows
    pad_id = getattr(self.tokenizer, "pad_token_id", None) or 0
    tokens = np.full((bb, p), pad_id, np.int32)
    mask = np.zeros((bb, p), bool)
    for i, x in enumerate(ids):
      x = list(x)[-self.max_prompt :] if x else []
      if x:
        tokens[i, p - len(x) :], mask[i, p - len(x) :] = x, True
    return tokens, mask

  # -- generation ---------------------------------------------------------------------------
  def generate(
    self,
    params,
    prompts: Sequence[Any],
    rng,
    temperature: float = 1.0,
    top_k: int = 0,
    top_p: float = 1.0,
    greedy: bool = False,
    chat: bool | None = None,
  ) -> GenerationResult:
    """Sample up to max_new_tokens for each prompt; see `GenerationResult`."""
    ids = self.encode(prompts, chat)
    if not ids:
      raise ValueError("generate needs at least one prompt")
    step = self.batch_buckets[-1] if self.batch_buckets else len(ids)
    outs = []
    for start in range(0, len(ids), step):
      chunk = ids[start : start + step]
      tokens, mask = self.pad(chunk)
      key = rng if start == 0 else jax.random.fold_in(rng, start)
      out = self._sample(params, tokens, mask, key, temperature, greedy, top_k, top_p)
      out = to_host(out)
      outs.append(SampleOutput(*(np.asarray(a)[: len(chunk)] if np.ndim(a) else a for a in out)))
    cat = lambda f: np.concatenate([getattr(o, f) for o in outs])
    res = GenerationResult(
      cat("tokens"), cat("logprobs"), cat("lengths"), [], cat("done"), cat("sample_logprobs")
    )
    res.texts = [self.text(res.tokens[i, : res.lengths[i]]) for i in range(len(ids))]
    return res

  def generate_sharded(
    self,
    params,
    blocks: Sequence[Sequence[Sequence[int]]],
    rng,
    shards,
    temperature: float = 1.0,
    greedy: bool = False,
  ) -> GenerationResult:
    """Sampling for batch-sharded prompts: `blocks` holds one list of prompt ids per local
    shard of `shards` (`parallel.shards.Shards`, shard order; lengths may differ). Returns the
    results of the blocks' prompts concatenated in that order.

    The global batch is shard-major: every shard's block is padded to one per-shard size m
    (the largest block over all shards, rounded so that D * m is a batch bucket) and every
    prompt to one prompt bucket (of the longest prompt over all shards); both are agreed
    with one tiny reduction (`Shards.max`), so every process runs the same program. A
    process gives only its own blocks and reads back only its own rows. Blocks longer than
    the largest batch bucket / D run in chunks (chunk c's key: fold_in(rng, c * that size *
    D)). With one shard this is `generate` on the one block."""
    d, nloc = shards.count, len(blocks)
    counts = [len(b) for b in blocks]
    longest = [max((len(x) for x in b), default=1) for b in blocks]
    most, longest = shards.max(np.stack([counts, longest], axis=1)) if nloc else (0, 1)
    if most == 0:
      return GenerationResult(
        *(np.zeros((0, self.max_new_tokens)),) * 2,
        np.zeros(0, np.int32),
        [],
        np.zeros(0, bool),
        np.zeros((0, self.max_new_tokens)),
      )
    p = self.prompt_bucket(longest)
    cap = self.batch_buckets[-1] // d if self.batch_buckets else most
    cap = max(cap, 1)
    outs = [[] for _ in blocks]
    for start in range(0, most, cap):
      parts = [list(b[start : start + cap]) for b in blocks]
      m = min(cap, most - start)
      per = -(-bucket(m * d, self.batch_buckets) // d) if self.batch_buckets else m
      padded = [self.pad(x, rows=per, p=p) for x in parts]
      tokens = np.concatenate([t for t, _ in padded])
      mask = np.concatenate([k for _, k in padded])
      key = rng if start == 0 else jax.random.fold_in(rng, start * d)
      out = self._sample(params, *shards.put((tokens, mask)), key, temperature, greedy)
      host = shards.fetch(
        {f: getattr(out, f) for f in ("tokens", "logprobs", "lengths", "done", "sample_logprobs")}
      )
      for j, x in enumerate(parts):
        rows = slice(j * per, j * per + len(x))
        outs[j].append({f: v[rows] for f, v in host.items()})
    flat = [o for per_shard in outs for o in per_shard]
    cat = lambda f: np.concatenate([o[f] for o in flat])
    res = GenerationResult(
      cat("tokens"), cat("logprobs"), cat("lengths"), [], cat("done"), cat("sample_logprobs")
    )
    res.texts = [self.text(res.tokens[i, : res.lengths[i]]) for i in range(len(res.lengths))]
    return res

  def _sample(self, params, tokens, mask, key, temperature, greedy, top_k=0, top_p=1.0):
    """The jitted `sample` on one padded block, with this sampler's settings."""
    return sample(
      params,
      tokens,
      mask,
      key,
      np.float32(temperature),
      self.stop_table,
      cfg=self.cfg,
      max_new_tokens=self.max_new_tokens,
      top_k=np.int32(top_k),
      top_p=np.float32(top_p),
      greedy=np.bool_(greedy),
      eos_ids=self.eos_ids,
    )

  def text(self, ids: Sequence[int]) -> str:
    """Env-facing text of emitted ids: decoded without special tokens, cut at the first
    stop string (whitespace stops dropped, others kept; `stopping.cut_at_stop`)."""
    if self.tokenizer is None:
      return ""
    t = self.tokenizer.decode([int(x) for x in ids], skip_special_tokens=True)
    return cut_at_stop(t, self.stop_strings)
