"""The jitted KV-cache sampler: batching invariance, log-probs, stopping, no recompiles."""
from __future__ import annotations

import flax.linen as nn
import jax
import jax.numpy as jnp
import numpy as np
import pytest

from archer_jax.data.tokenizer import train_bpe
from archer_jax.generation import Sampler, sample, stop_table
from archer_jax.models import CausalLM, ModelConfig
from archer_jax.models.layers import positions_from_mask

CORPUS = ["Questions:\nIs it an animal? No.\nIs it a fruit? Yes.\n",
          "Is it bigger than a breadbox? No.\nIs it red? Yes.\nIs it an apple? Yes.\n"] * 20


@pytest.fixture(scope="module")
def tok():
  return train_bpe(CORPUS, 300)


def make(family, tok, **kw):
  extra = dict(num_kv_heads=2, tie_embeddings=True) if family == "llama" else dict(
      activation="gelu_new")
  cfg = ModelConfig(family=family, vocab_size=len(tok), hidden_size=32, num_layers=2,
                    num_heads=4, intermediate_size=64, eos_token_id=tok.eos_token_id, **extra,
                    **kw)
  params = nn.meta.unbox(CausalLM(cfg).init(jax.random.PRNGKey(0),
                                            jnp.zeros((1, 4), jnp.int32))["params"])
  # sharpen the random model so greedy choices are well separated from ties
  params = jax.tree.map(lambda x: x * 3.0, params)
  return cfg, params


def no_stop(cfg):
  return jnp.zeros(cfg.vocab_size, bool)


def left_pad(seqs, p):
  arr = np.zeros((len(seqs), p), np.int32)
  m = np.zeros((len(seqs), p), bool)
  for i, s in enumerate(seqs):
    arr[i, p - len(s):], m[i, p - len(s):] = s, True
  return arr, m


@pytest.mark.parametrize("family", ["llama", "gpt2"])
def test_mixed_lengths_match_one_by_one_and_logprobs_match_forward(tok, family):
  cfg, params = make(family, tok)
  rng = np.random.default_rng(0)
  seqs = [list(rng.integers(3, cfg.vocab_size, size=n)) for n in (3, 9, 6, 12)]
  arr, m = left_pad(seqs, 16)
  out = sample(params, arr, m, jax.random.PRNGKey(1), 1.0, no_stop(cfg), cfg=cfg,
               max_new_tokens=8, greedy=True)
  for i, s in enumerate(seqs):
    a1, m1 = left_pad([s], len(s))
    o1 = sample(params, a1, m1, jax.random.PRNGKey(1), 1.0, no_stop(cfg), cfg=cfg,
                max_new_tokens=8, greedy=True)
    np.testing.assert_array_equal(np.asarray(out.tokens[i]), np.asarray(o1.tokens[0]))
    # log-probs == a separate full forward pass over prompt + sampled ids
    full = jnp.asarray([s + list(np.asarray(out.tokens[i]))], jnp.int32)
    logits = CausalLM(cfg).apply({"params": params}, full)["logits"][0]
    lp = jax.nn.log_softmax(logits, -1)
    ref = [float(lp[len(s) - 1 + t, int(out.tokens[i, t])]) for t in range(8)]
    np.testing.assert_allclose(np.asarray(out.logprobs[i]), ref, atol=2e-5)
  assert np.all(np.asarray(out.lengths) == 8)


def test_sampled_logprobs_match_forward_with_temperature(tok):
  cfg, params = make("llama", tok)
  arr, m = left_pad([[5, 6, 7], [8, 9, 10, 11, 12]], 8)
  out = sample(params, arr, m, jax.random.PRNGKey(3), 0.7, no_stop(cfg), cfg=cfg,
               max_new_tokens=6, top_p=0.9)
  for i in range(2):
    pr = [int(x) for x in arr[i][m[i]]]
    full = jnp.asarray([pr + list(np.asarray(out.tokens[i]))], jnp.int32)
    lp = jax.nn.log_softmax(CausalLM(cfg).apply({"params": params}, full)["logits"][0], -1)
    ref = [float(lp[len(pr) - 1 + t, int(out.tokens[i, t])]) for t in range(6)]
    np.testing.assert_allclose(np.asarray(out.logprobs[i]), ref, atol=2e-5)


def test_top_k_one_is_greedy_and_seeded_sampling_reproducible(tok):
  cfg, params = make("llama", tok)
  arr, m = left_pad([[5, 6, 7], [8, 9]], 4)
  g = sample(params, arr, m, jax.random.PRNGKey(0), 1.0, no_stop(cfg), cfg=cfg,
             max_new_tokens=6, greedy=True)
  k1 = sample(params, arr, m, jax.random.PRNGKey(5), 1.0, no_stop(cfg), cfg=cfg,
              max_new_tokens=6, top_k=1)
  np.testing.assert_array_equal(np.asarray(g.tokens), np.asarray(k1.tokens))
  a = sample(params, arr, m, jax.random.PRNGKey(9), 1.0, no_stop(cfg), cfg=cfg,
             max_new_tokens=6)
  b = sample(params, arr, m, jax.random.PRNGKey(9), 1.0, no_stop(cfg), cfg=cfg,
             max_new_tokens=6)
  np.testing.assert_array_equal(np.asarray(a.tokens), np.asarray(b.tokens))


def test_stop_tokens_end_rows_independently(tok):
  cfg, params = make("llama", tok)
  arr, m = left_pad([[5, 6, 7], [8, 9], [10, 11, 12, 13]], 4)
  free = sample(params, arr, m, jax.random.PRNGKey(0), 1.0, no_stop(cfg), cfg=cfg,
                max_new_tokens=8, greedy=True)
  first = np.asarray(free.tokens[:, 2])       # make row-specific 3rd tokens "stop" tokens
  stop = np.zeros(cfg.vocab_size, bool)
  stop[first[0]] = True
  out = sample(params, arr, m, jax.random.PRNGKey(0), 1.0, jnp.asarray(stop), cfg=cfg,
               max_new_tokens=8, greedy=True)
  toks, lens = np.asarray(out.tokens), np.asarray(out.lengths)
  for i in range(3):
    ft = np.asarray(free.tokens[i])
    hits = np.flatnonzero(stop[ft])
    expect = hits[0] + 1 if len(hits) else 8
    assert lens[i] == expect
    np.testing.assert_array_equal(toks[i, :expect], ft[:expect])   # stop token included
    assert np.all(toks[i, expect:] == 0)
    assert np.all(np.asarray(out.logprobs[i, expect:]) == 0)


def test_stop_table_and_texts(tok):
  table = stop_table(tok, ("\n",), [tok.eos_token_id], len(tok))
  nl = tok("\n", add_special_tokens=False)["input_ids"]
  assert table[nl[-1]] and table[tok.eos_token_id]
  assert not table[tok("Is", add_special_tokens=False)["input_ids"][0]]
  cfg, params = make("llama", tok)
  s = Sampler(cfg, tok, max_new_tokens=6, stop_strings=("\n",), prompt_buckets=(16,))
  ids = tok("Is it a fruit? Yes.\nIs it", add_special_tokens=False)["input_ids"]
  assert s.text(ids) == "Is it a fruit? Yes."
  q = Sampler(cfg, tok, max_new_tokens=6, stop_strings=("?",), prompt_buckets=(16,))
  assert q.text(ids) == "Is it a fruit?"


def test_same_bucket_calls_do_not_recompile(tok):
  cfg, params = make("llama", tok)
  s = Sampler(cfg, tok, max_new_tokens=5, prompt_buckets=(8, 16), batch_buckets=(4, 8))
  s.generate(params, [[5, 6], [7, 8, 9]], jax.random.PRNGKey(0))
  before = sample._cache_size()
  s.generate(params, [[5, 6, 7, 8], [9], [10, 11]], jax.random.PRNGKey(1))   # same buckets
  s.generate(params, [[1, 2, 3, 4, 5, 6, 7]], jax.random.PRNGKey(2), temperature=0.5)
  assert sample._cache_size() == before
  s.generate(params, [[1] * 12], jax.random.PRNGKey(2))                         # new bucket
  assert sample._cache_size() == before + 1
