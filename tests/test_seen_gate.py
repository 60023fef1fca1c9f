"""`actor.seen_gate`: a learned gate that adds g(h_t) to the logits of the ids the prompt holds.

Checks the seen-vocabulary mask against a numpy loop, the gated logits against the ungated
model plus a numpy gate, the KV-cache sampler against one uncached forward with the same
prompt as `seen` (so rollout log-probs and the actor loss's agree), and the config path:
validation, the refusal of a pretrained actor, and that the gate trains in a smoke run.
`attend_len` (the layers read the last W prompt tokens, the gate all of them) is checked
against the model run on the cut prompt with the whole prompt as `seen`, and in the sampler.
`seen_bias` (a learned bias per id joins the gate) is checked the same way as the gate.
"""

from __future__ import annotations

import dataclasses

import jax
import jax.numpy as jnp
import numpy as np
import pytest
from test_generation import N, P, V, left_pad, log_softmax, prompts, run, tiny_model

from archer_jax.algorithms import losses
from archer_jax.generation.sampler import Sampler
from archer_jax.models import CausalLM
from archer_jax.models.decoder import seen_vocab
from archer_jax.models.layers import positions_from_mask

W = 5  # attend_len in the tests: the prompts of 6, 9 and 12 ids lose their first ones


def gated_model(attend_len: int = 0, seen_bias: bool = False):
  """The llama test model with the gate on, its gate (and per-id bias) drawn non-zero:
  (cfg, params)."""
  cfg, params, _ = tiny_model("llama")
  cfg = dataclasses.replace(cfg, seen_gate=True, attend_len=attend_len, seen_bias=seen_bias)
  rng = np.random.default_rng(7)
  gate = {
    "kernel": jnp.asarray(rng.normal(size=(cfg.hidden_size, 1)).astype(np.float32)),
    "bias": jnp.asarray([-1.5], jnp.float32),
  }
  params = dict(params, gate=gate)
  if seen_bias:
    params["seen_bias"] = jnp.asarray(rng.normal(0.0, 2.0, size=(V,)).astype(np.float32))
  return cfg, params


def test_seen_vocab_matches_numpy():
  rng = np.random.default_rng(0)
  ids = rng.integers(0, V, size=(3, 10))
  mask = rng.random((3, 10)) < 0.6
  got = np.asarray(seen_vocab(jnp.asarray(ids), jnp.asarray(mask), V))
  want = np.zeros((3, V), np.float32)
  for b in range(3):
    for t in range(10):
      if mask[b, t]:
        want[b, ids[b, t]] = 1.0
  np.testing.assert_array_equal(got, want)


@pytest.mark.parametrize("seen_bias", [False, True])
def test_gated_logits_are_base_plus_gate_times_seen(seen_bias):
  """z = z_base + (h . w + c [+ b_v]) * seen, per position, against the ungated model's logits
  and a numpy gate; no `seen` leaves the logits ungated; a zero gate changes nothing."""
  cfg, params = gated_model(seen_bias=seen_bias)
  base_cfg, base_params, _ = tiny_model("llama")
  tokens = jnp.asarray(np.random.default_rng(1).integers(3, V, size=(2, 12)))
  prompt, pmask = tokens[:, :7], jnp.ones((2, 7), bool).at[0, :3].set(False)
  out = CausalLM(cfg).apply({"params": params}, tokens, seen=(prompt, pmask))
  base = np.asarray(CausalLM(base_cfg).apply({"params": base_params}, tokens)["logits"])
  h = np.asarray(out["hidden"], np.float64)
  g = h @ np.asarray(params["gate"]["kernel"], np.float64) + float(params["gate"]["bias"][0])
  seen = np.zeros((2, V))
  for b in range(2):
    seen[b, np.asarray(prompt)[b][np.asarray(pmask)[b]]] = 1.0
  if seen_bias:  # [B, T, 1] + [V]: one bias per id, the same at every position
    g = g + np.asarray(params["seen_bias"], np.float64)
  want = base + g * seen[:, None, :]
  np.testing.assert_allclose(np.asarray(out["logits"]), want, atol=1e-5)
  assert np.abs(want - base).max() > 0.5  # the gate moved the seen ids' logits
  none = CausalLM(cfg).apply({"params": params}, tokens)["logits"]
  np.testing.assert_allclose(np.asarray(none), base, atol=1e-6)
  if seen_bias:  # a per-id bias without the gate is refused
    with pytest.raises(ValueError, match="seen_bias needs seen_gate"):
      dataclasses.replace(cfg, seen_gate=False)
  zero = jax.tree.map(jnp.zeros_like, {k: params[k] for k in ("gate", "seen_bias") if k in params})
  zero = dict(params, **zero)
  off = CausalLM(cfg).apply({"params": zero}, tokens, seen=(prompt, pmask))["logits"]
  np.testing.assert_allclose(np.asarray(off), base, atol=1e-6)


def test_attend_len_runs_the_layers_on_the_last_tokens_and_gates_on_all():
  """attend_len = W: the outputs at columns P - W onward equal the full-window gated model's
  on those columns alone (positions recounted from the cut, the whole prompt as `seen`); the
  dropped columns are zeros; and a prompt longer than W changes the result."""
  cfg, params = gated_model(W)
  full_cfg, _ = gated_model()
  seqs = prompts()
  obs, om = left_pad(seqs)
  act = np.random.default_rng(2).integers(3, V, size=(len(seqs), 4))
  tokens = jnp.asarray(np.concatenate([obs, act], 1))
  mask = jnp.asarray(np.concatenate([om, np.ones_like(act, bool)], 1))
  seen = (jnp.asarray(obs), jnp.asarray(om))
  pos = positions_from_mask(mask)
  got = CausalLM(cfg).apply({"params": params}, tokens, pos, mask, seen=seen)["logits"]
  cut = P - W
  cols = tokens[:, cut:], positions_from_mask(mask[:, cut:]), mask[:, cut:]
  on_cut = lambda s: CausalLM(full_cfg).apply({"params": params}, *cols, seen=s)["logits"]
  want = on_cut(seen)
  np.testing.assert_allclose(np.asarray(got[:, cut:]), np.asarray(want), atol=1e-5)
  assert not np.any(np.asarray(got[:, :cut]))
  whole = CausalLM(full_cfg).apply({"params": params}, tokens, pos, mask, seen=seen)["logits"]
  real = np.asarray(mask[:, cut:])[..., None]  # padding columns' outputs are never read
  diff = (np.abs(np.asarray(whole[:, cut:]) - np.asarray(got[:, cut:])) * real).max(axis=(1, 2))
  long_rows = np.array([len(x) > W for x in seqs])
  assert np.all(diff[long_rows] > 1e-3) and np.all(diff[~long_rows] < 1e-5)
  # the gate still reads the dropped tokens: gating on the cut prompt alone differs
  narrow = on_cut((seen[0][:, cut:], seen[1][:, cut:]))
  assert np.abs(np.asarray(narrow) - np.asarray(want)).max() > 0.1


def test_gpt2_prompt_cap_counts_what_the_layers_read():
  """A GPT-2 actor's prompts are capped so prompt + N fits its position table, unless the
  layers read only the last attend_len tokens and those + N fit: then the gate may count a
  prompt longer than the table."""
  cfg, _, _ = tiny_model("gpt2")
  room = cfg.max_position_embeddings - N
  for gate, attend_len, longest in ((False, 0, room), (True, 0, room), (True, W, 4 * room)):
    c = dataclasses.replace(cfg, seen_gate=gate, attend_len=attend_len)
    assert Sampler(c, max_new_tokens=N, prompt_buckets=(4 * room,)).max_prompt == longest
  big = dataclasses.replace(cfg, seen_gate=True, attend_len=room + 1)
  assert Sampler(big, max_new_tokens=N, prompt_buckets=(4 * room,)).max_prompt == room


@pytest.mark.parametrize(
  "greedy,attend_len,seen_bias",
  [(True, 0, False), (False, 0, False), (True, W, False), (False, W, False), (False, W, True)],
)
def test_sampler_matches_the_actor_losses_forward(greedy, attend_len, seen_bias):
  """The sampler's ids (greedy) and log-probs equal `losses.action_logits` over the left-padded
  prompt and the emitted ids: the forward the actor's losses use, with the prompt as `seen`
  (and, with attend_len, the layers on its last W tokens in both; with seen_bias, the per-id
  bias in both)."""
  cfg, params = gated_model(attend_len, seen_bias)
  seqs = prompts()
  out = run(params, cfg, seqs, greedy=greedy, seed=5)
  obs, om = left_pad(seqs)
  act = jnp.asarray(out.tokens)
  apply = lambda p, t, pos, m, **kw: CausalLM(cfg).apply({"params": p}, t, pos, m, **kw)
  z = losses.action_logits(apply, params, jnp.asarray(obs), jnp.asarray(om), act, act > -1)
  z = np.asarray(z["logits"])
  assert z.shape == (len(seqs), N, V) and obs.shape[1] == P
  for i in range(len(seqs)):
    if greedy:
      np.testing.assert_array_equal(out.tokens[i], z[i].argmax(-1), err_msg=f"row {i}")
    lp = log_softmax(z[i])[np.arange(N), out.tokens[i]]
    np.testing.assert_allclose(out.logprobs[i], lp, atol=2e-5, err_msg=f"row {i}")
  # the gate (bias -1.5) pushes greedy decoding off the prompt's ids
  base_cfg, base_params, _ = tiny_model("llama")
  if greedy:
    plain = run(base_params, base_cfg, seqs, greedy=True)
    assert not np.array_equal(plain.tokens, out.tokens)
