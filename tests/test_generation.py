"""The jitted KV-cache sampler and its host wrapper.

Tiny random Llama and GPT-2 models check: batching invariance (mixed prompt lengths vs
rows alone and vs an uncached, unpadded forward), log-probs against a separate forward
pass, the sampling filters against numpy, EOS and stop-string stopping, seeding, top-k = 1
== greedy, no recompiles within a bucket, sharded params; the shipped SmolLM2-135M-Instruct
checks greedy ids against transformers' `generate`.

Most tests share one compiled program (same config, shapes [4, 16], N = 8 and argument
types) to keep the file fast.
"""

from __future__ import annotations

import functools
import logging

import flax.linen as nn
import jax
import jax.numpy as jnp
import numpy as np
import pytest
from tokenizers import Tokenizer, models, pre_tokenizers
from transformers import PreTrainedTokenizerFast

from archer_jax.generation import (
  Sampler,
  bucket,
  cut_at_stop,
  eos_array,
  filter_logits,
  sample,
  stop_string_table,
  stop_table,
)
from archer_jax.models import CausalLM, ModelConfig

V, P, N, B = 48, 16, 8, 4
LENGTHS = (3, 9, 6, 12)


# ---- fixtures ----------------------------------------------------------------------------
def tiny_cfg(family: str) -> ModelConfig:
  """Llama: GQA, tied head, scanned layers. GPT-2: unscanned, rematerialised layers (the
  other `layers.Stack` path)."""
  extra = (
    dict(num_kv_heads=2, tie_embeddings=True)
    if family == "llama"
    else dict(activation="gelu_new", scan_layers=False, remat=True)
  )
  return ModelConfig(
    family=family,
    vocab_size=V,
    hidden_size=32,
    num_layers=2,
    num_heads=4,
    intermediate_size=64,
    max_position_embeddings=64,
    eos_token_id=2,
    **extra,
  )


@functools.lru_cache(maxsize=None)
def tiny_model(family: str):
  """(cfg, params, abstract boxed params) of a random model, drawn in numpy from the
  init's shapes (compiling the Flax init costs more than everything it initialises).
  Matrices ~ N(0, 0.06^2), norm scales ~ 1 + N(0, 0.1^2): next-token distributions far from
  uniform, greedy choices far from ties."""
  cfg = tiny_cfg(family)
  boxed = jax.eval_shape(CausalLM(cfg).init, jax.random.PRNGKey(0), jnp.zeros((1, 4), jnp.int32))[
    "params"
  ]
  rng = np.random.default_rng(0 if family == "llama" else 1)

  def draw(path, leaf):
    name = jax.tree_util.keystr(path)
    x = rng.normal(size=leaf.shape).astype(np.float32)
    return jnp.asarray(1.0 + 0.1 * x if "scale" in name else 0.06 * x)

  params = jax.tree_util.tree_map_with_path(draw, nn.meta.unbox(boxed))
  return cfg, params, boxed


@functools.lru_cache(maxsize=None)
def forward_fn(family: str):
  cfg = tiny_cfg(family)
  return jax.jit(lambda p, t: CausalLM(cfg).apply({"params": p}, t)["logits"])


def make_tokenizer(words: dict[int, str] | None = None) -> PreTrainedTokenizerFast:
  """A WordLevel tokenizer over ids 0..V-1: specials <pad> <s> </s>, then "w3".."w47",
  with `words` overriding the text of some ids (e.g. ones containing "\\n" or "?")."""
  vocab = ["<pad>", "<s>", "</s>"] + [f"w{i}" for i in range(3, V)]
  for i, w in (words or {}).items():
    vocab[i] = w
  tok = Tokenizer(models.WordLevel({w: i for i, w in enumerate(vocab)}, unk_token="<pad>"))
  tok.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
  return PreTrainedTokenizerFast(
    tokenizer_object=tok, pad_token="<pad>", bos_token="<s>", eos_token="</s>"
  )


def prompts(lengths=LENGTHS, seed=0) -> list[list[int]]:
  rng = np.random.default_rng(seed)
  return [[int(x) for x in rng.integers(3, V, size=n)] for n in lengths]


def left_pad(seqs, p=P, rows=None):
  rows = rows or len(seqs)
  arr = np.zeros((rows, p), np.int32)
  m = np.zeros((rows, p), bool)
  for i, s in enumerate(seqs):
    if s:
      arr[i, p - len(s) :], m[i, p - len(s) :] = s, True
  return arr, m


def run(
  params,
  cfg,
  seqs,
  *,
  seed=0,
  temperature=1.0,
  top_k=0,
  top_p=1.0,
  greedy=False,
  stop=None,
  eos=None,
  p=P,
  rows=B,
):
  """`sample` with the argument types `Sampler` uses, so calls share compiled programs."""
  arr, m = left_pad(seqs, p, rows)
  stop = np.zeros(cfg.vocab_size, bool) if stop is None else stop
  out = sample(
    params,
    arr,
    m,
    jax.random.PRNGKey(seed),
    np.float32(temperature),
    stop,
    cfg=cfg,
    max_new_tokens=N,
    top_k=np.int32(top_k),
    top_p=np.float32(top_p),
    greedy=np.bool_(greedy),
    eos_ids=eos_array(eos),
  )
  return jax.tree.map(np.asarray, out)


def reference_logits(family, params, seqs, out):
  """Per row: f32 logits [N, V] predicting each emitted token, from ONE uncached forward
  over prompt + emitted ids packed at the front of the row (no padding: under a causal
  model the trailing filler cannot affect them), default positions 0, 1, ..."""
  width = P + N
  full = np.full((len(seqs), width), 3, np.int32)
  for i, s in enumerate(seqs):
    full[i, : len(s) + N] = list(s) + list(out.tokens[i])
  logits = np.asarray(forward_fn(family)(params, jnp.asarray(full)))
  return [logits[i, len(s) - 1 : len(s) - 1 + N] for i, s in enumerate(seqs)]


def log_softmax(x):
  x = np.asarray(x, np.float64)
  z = x - x.max(-1, keepdims=True)
  return z - np.log(np.exp(z).sum(-1, keepdims=True))


# ---- batching invariance and log-probs ---------------------------------------------------
@pytest.mark.parametrize("family", ["llama", "gpt2"])
def test_mixed_lengths_match_uncached_forward(family):
  """Greedy ids of a left-padded batch of mixed lengths: each is the argmax of an uncached,
  unpadded forward over the row alone (by induction, the row's own greedy decode), and the
  returned log-probs are that forward's log-softmax at the emitted ids."""
  cfg, params, _ = tiny_model(family)
  seqs = prompts()
  out = run(params, cfg, seqs, greedy=True)
  ref = reference_logits(family, params, seqs, out)
  for i in range(len(seqs)):
    np.testing.assert_array_equal(out.tokens[i], ref[i].argmax(-1), err_msg=f"row {i}")
    lp = log_softmax(ref[i])[np.arange(N), out.tokens[i]]
    np.testing.assert_allclose(out.logprobs[i], lp, atol=2e-5, err_msg=f"row {i}")
  np.testing.assert_array_equal(out.lengths, N)
  assert not out.done.any() and np.all(out.sample_logprobs == 0)


def test_batch_rows_match_one_by_one():
  """Greedy: each row of the mixed batch equals its prompt generated alone (batch of one)."""
  cfg, params, _ = tiny_model("llama")
  seqs = prompts()
  out = run(params, cfg, seqs, greedy=True)
  for i, s in enumerate(seqs):
    one = run(params, cfg, [s], rows=1, greedy=True)
    np.testing.assert_array_equal(out.tokens[i], one.tokens[0], err_msg=f"row {i}")
    np.testing.assert_allclose(out.logprobs[i], one.logprobs[0], atol=1e-5)


def test_sampled_logprobs_and_sampling_distribution():
  """temperature / top-k / top-p: `logprobs` are the unmodified model's (temperature 1, no
  filter) log-probs from a separate forward; `sample_logprobs` are those of the filtered,
  tempered distribution (numpy re-implementation); every id is inside the kept set."""
  cfg, params, _ = tiny_model("llama")
  seqs = prompts()
  t, k, p = 0.7, 12, 0.8
  out = run(params, cfg, seqs, temperature=t, top_k=k, top_p=p, seed=3)
  ref = reference_logits("llama", params, seqs, out)
  for i in range(len(seqs)):
    z = ref[i]
    y = out.tokens[i]
    np.testing.assert_allclose(out.logprobs[i], log_softmax(z)[np.arange(N), y], atol=2e-5)
    zs = z / t
    for step in range(N):
      order = np.argsort(-zs[step])
      pk = np.exp(log_softmax(zs[step][order[:k]]))
      above = np.cumsum(pk) - pk
      kept = order[:k][(above < p) | (np.arange(k) == 0)]
      assert y[step] in kept, (i, step)
      lq = log_softmax(zs[step][kept])[list(kept).index(y[step])]
      np.testing.assert_allclose(out.sample_logprobs[i, step], lq, atol=2e-5)


def test_filter_logits_matches_numpy():
  rng = np.random.default_rng(1)
  z = rng.normal(size=(5, 40)).astype(np.float32) * 2
  filt = jax.jit(filter_logits)
  for k, p in ((0, 1.0), (5, 1.0), (0, 0.6), (7, 0.5), (1, 0.99), (40, 0.0)):
    got = np.asarray(filt(jnp.asarray(z), jnp.int32(k), jnp.float32(p)))
    for r in range(len(z)):
      order = np.argsort(-z[r])
      kk = k or z.shape[1]
      pk = np.exp(log_softmax(z[r][order[:kk]]))
      above = np.cumsum(pk) - pk
      keep = set(order[:kk][(above < p) | (p >= 1) | (np.arange(kk) == 0)].tolist())
      np.testing.assert_array_equal(
        np.isfinite(got[r]), [j in keep for j in range(40)], err_msg=f"k={k} p={p} row {r}"
      )
      np.testing.assert_array_equal(got[r][list(keep)], z[r][list(keep)])


def test_top_k_one_is_greedy_and_seeded_sampling_reproducible():
  cfg, params, _ = tiny_model("llama")
  seqs = prompts()
  greedy = run(params, cfg, seqs, greedy=True)
  np.testing.assert_array_equal(run(params, cfg, seqs, top_k=1, seed=5).tokens, greedy.tokens)
  np.testing.assert_array_equal(
    run(params, cfg, seqs, temperature=0.0, seed=5).tokens, greedy.tokens
  )
  a = run(params, cfg, seqs, seed=9)
  b = run(params, cfg, seqs, seed=9)
  c = run(params, cfg, seqs, seed=10)
  np.testing.assert_array_equal(a.tokens, b.tokens)
  np.testing.assert_array_equal(a.logprobs, b.logprobs)
  assert not np.array_equal(a.tokens, c.tokens)


# ---- stopping ----------------------------------------------------------------------------
def expected_stop(free_tokens, stop):
  """Lengths / done flags implied by a stop table applied to unstopped output."""
  lens, done = [], []
  for row in free_tokens:
    hits = np.flatnonzero(stop[row])
    lens.append(hits[0] + 1 if len(hits) else N)
    done.append(bool(len(hits)))
  return np.asarray(lens), np.asarray(done)


def check_stopped(out, free, lens):
  for i, n in enumerate(lens):
    np.testing.assert_array_equal(out.tokens[i, :n], free.tokens[i, :n])  # stop id kept
    np.testing.assert_allclose(out.logprobs[i, :n], free.logprobs[i, :n], atol=1e-6)
    assert np.all(out.tokens[i, n:] == 0) and np.all(out.logprobs[i, n:] == 0)
    assert np.all(out.sample_logprobs[i, n:] == 0)


def test_eos_stops_rows_independently_and_empty_rows_emit_nothing():
  cfg, params, _ = tiny_model("llama")
  seqs = prompts()[:3] + [[]]  # the last row: no prompt at all
  free = run(params, cfg, seqs, temperature=1.0, seed=2)
  eos = int(free.tokens[0, 2])  # row 0 stops at its 3rd token
  table = np.zeros(V, bool)
  table[eos] = True
  out = run(params, cfg, seqs, temperature=1.0, seed=2, eos=[eos])
  lens, done = expected_stop(free.tokens, table)
  lens[3], done[3] = 0, True
  assert lens[0] <= 3 and lens[0] < N
  np.testing.assert_array_equal(out.lengths, lens)
  np.testing.assert_array_equal(out.done, done)
  check_stopped(out, free, lens)
  # the same through a stop table instead of eos_ids
  out2 = run(params, cfg, seqs, temperature=1.0, seed=2, stop=table)
  np.testing.assert_array_equal(out2.tokens, out.tokens)
  np.testing.assert_array_equal(out2.lengths, out.lengths)
  assert free.steps == N and out.steps == max(lens)
  # every id stops: one token per row, and the loop exits after one step
  first = run(params, cfg, seqs, temperature=1.0, seed=2, stop=np.ones(V, bool))
  np.testing.assert_array_equal(first.lengths, [1, 1, 1, 0])
  np.testing.assert_array_equal(first.tokens[:, 0], np.where(lens > 0, free.tokens[:, 0], 0))
  assert first.steps == 1 and first.done.all()


def test_stop_strings_through_the_sampler():
  """Ids whose text contains "?" or "\\n" end their row after being emitted; texts are cut
  at the first stop string ("\\n" dropped, "?" kept); ids and log-probs are kept."""
  cfg, params, _ = tiny_model("llama")
  seqs = prompts()
  free = run(params, cfg, seqs, greedy=True)
  pick = lambda row, avoid: next(int(x) for x in free.tokens[row, 1:] if x >= 3 and x != avoid)
  q = pick(0, -1)
  nl = pick(1, q)
  tok = make_tokenizer({q: "what?", nl: "ok.\n"})
  s = Sampler(
    cfg, tok, max_new_tokens=N, stop_strings=("\n", "?"), prompt_buckets=(P,), batch_buckets=(B,)
  )
  assert s.eos_ids.tolist() == [2]
  res = s.generate(params, seqs, jax.random.PRNGKey(0), greedy=True)
  table = s.stop_table.copy()
  table[2] = True
  assert table[q] and table[nl] and table.sum() == 3
  lens, done = expected_stop(free.tokens, table)
  assert lens[0] < N and lens[1] < N
  np.testing.assert_array_equal(res.lengths, lens)
  np.testing.assert_array_equal(res.done, done)
  check_stopped(res, free, lens)
  for i in range(len(seqs)):
    words = [tok.convert_ids_to_tokens(int(x)) for x in res.ids(i)]
    text = " ".join(w for w in words if w not in ("<pad>", "<s>", "</s>"))
    assert res.texts[i] == cut_at_stop(text, ("\n", "?"))
    if words and words[-1] == "ok.\n":
      assert res.texts[i].endswith("ok.") and "\n" not in res.texts[i]
    if words and words[-1] == "what?":
      assert res.texts[i].endswith("what?")


def test_stop_table_and_cut():
  tok = make_tokenizer({5: "a?", 6: "\n", 7: "x\ny", 8: "plain"})
  t = stop_string_table(tok, ("\n",), V + 4)  # padded embedding rows: False
  assert t.shape == (V + 4,) and set(np.flatnonzero(t)) == {6, 7}
  t = stop_table(tok, ("\n", "?"), [2, None], V)
  assert set(np.flatnonzero(t)) == {2, 5, 6, 7}
  assert not stop_string_table(tok, (), V).any()
  assert eos_array(None).tolist() == [-1] and eos_array([3, 3, None, 1]).tolist() == [1, 3]
  assert cut_at_stop("Is it red? Yes.\nNo", ("\n",)) == "Is it red? Yes."
  assert cut_at_stop("Is it red? Yes.\nNo", ("\n", "?")) == "Is it red?"
  assert cut_at_stop("no stop here", ("\n",)) == "no stop here"


def test_encode_chat_truncation_and_buckets(caplog):
  cfg, _, _ = tiny_model("llama")
  tok = make_tokenizer()
  tok.chat_template = (
    "{% for m in messages %}<s> {{ m['content'] }} {% endfor %}"
    "{% if add_generation_prompt %}w3{% endif %}"
  )
  s = Sampler(cfg, tok, max_new_tokens=N, prompt_buckets=(4, 8), batch_buckets=(2, 4))
  assert s.encode(["w5 w6"]) == [[5, 6]]
  assert s.encode(["w5 w6"], chat=True) == [[1, 5, 6, 3]]
  assert s.encode([[{"role": "user", "content": "w7"}]]) == [[1, 7, 3]]
  assert s.encode([[9, 10]]) == [[9, 10]]
  with caplog.at_level(logging.WARNING):
    toks, mask = s.pad([[5, 6, 7], list(range(3, 15)), list(range(3, 20))])
  assert toks.shape == (4, 8) and mask.sum(1).tolist() == [3, 8, 8, 0]
  assert toks[1].tolist() == list(range(7, 15))  # left-truncated: latest kept
  assert sum("left-truncated" in r.message for r in caplog.records) == 1
  assert "largest prompt bucket" in caplog.records[-1].getMessage()
  named = Sampler(cfg, tok, max_new_tokens=N, prompt_buckets=(8,), prompt_limit="actor.obs_len")
  caplog.clear()
  with caplog.at_level(logging.WARNING):
    named.pad([list(range(3, 20))])
    named.pad([list(range(3, 20))])  # once per sampler
  (rec,) = [r for r in caplog.records if "left-truncated" in r.getMessage()]
  assert "left-truncated to its last 8 (actor.obs_len; raise it" in rec.getMessage()
  assert bucket(3, None) == 4 and bucket(1, None) == 1 and bucket(5, (2, 4)) == 4


def test_same_bucket_calls_do_not_recompile():
  cfg, params, _ = tiny_model("llama")
  s = Sampler(cfg, make_tokenizer(), max_new_tokens=N, prompt_buckets=(8, P), batch_buckets=(2, B))
  s.generate(params, prompts((3, 9, 6)), jax.random.PRNGKey(0))  # [4, 16]
  before = sample._cache_size()
  s.generate(params, prompts((12, 10, 16, 2), seed=1), jax.random.PRNGKey(1))
  s.generate(params, prompts((11,)) * 3, jax.random.PRNGKey(2), temperature=0.5, top_k=3, top_p=0.9)
  r = s.generate(params, prompts((9, 9, 9)), jax.random.PRNGKey(2), greedy=True)
  assert sample._cache_size() == before
  assert r.tokens.shape == (3, N) and len(r.texts) == 3
  s.generate(params, prompts((5,)), jax.random.PRNGKey(2))  # [2, 8]: new
  assert sample._cache_size() == before + 1
  many = s.generate(params, prompts((12,) * 8, seed=2), jax.random.PRNGKey(3), greedy=True)
  assert many.tokens.shape == (8, N) and sample._cache_size() == before + 1  # 2 x [4, 16]


SHARDED_CHILD = """
import json, sys
import flax.linen as nn, jax, numpy as np
sys.path.insert(0, {tests!r})
from test_generation import prompts, run, tiny_model
from archer_jax.parallel.mesh import RULES, make_mesh, tree_shardings
cfg, params, boxed = tiny_model("llama")
mesh = make_mesh((2, 1, 2))
sharded = jax.device_put(params, tree_shardings(boxed, mesh))
with jax.sharding.set_mesh(mesh), nn.logical_axis_rules(RULES):
  out = run(sharded, cfg, prompts(), greedy=True)
print(json.dumps(dict(devices=len(jax.devices()), tokens=out.tokens.tolist(),
                      logprobs=out.logprobs.tolist())))
"""


def test_sharded_params_on_a_data_and_tensor_mesh():
  """Params placed with NamedShardings from their logical axes over a (data 2, tensor 2)
  mesh of 4 host devices, called under the mesh and the logical-axis rules (as the
  trainer does): the same ids as unsharded. Runs in a subprocess (the device count is
  fixed when the backend starts)."""
  import json
  import os

  from _helpers import run_on_cpu_devices

  cfg, params, _ = tiny_model("llama")
  ref = run(params, cfg, prompts(), greedy=True)
  tests = os.path.dirname(os.path.abspath(__file__))
  out = run_on_cpu_devices(SHARDED_CHILD.format(tests=tests), 4, timeout=300)
  got = json.loads(out.strip().splitlines()[-1])
  assert got["devices"] == 4
  np.testing.assert_array_equal(got["tokens"], ref.tokens)
  np.testing.assert_allclose(got["logprobs"], ref.logprobs, atol=1e-5)
