"""benchmarks/throughput.py end to end on smoke-sized models (--quick), and the analytic
FLOP counts of benchmarks/flops.py against XLA's on small networks."""

from __future__ import annotations

import sys
from pathlib import Path

import jax
import jax.numpy as jnp
import pytest

pytest.importorskip("torch", reason="the PyTorch rows need torch")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import flops  # noqa: E402
import throughput  # noqa: E402

from archer_jax.models import CausalLM, Encoder, ModelConfig  # noqa: E402


@pytest.mark.slow
def test_quick_run_measures_every_implementation(tmp_path):
  out = tmp_path / "results.md"
  res = throughput.main(["--quick", "--inline", "--out", str(out)])["quick"]
  for impl in throughput.IMPLS:
    r = res[impl]
    assert "failed" not in r, impl
    assert r["env_steps"] == 8 and r["tokens"] > 0  # 4 episodes x 2 turns
    for k in ("critic_rate", "actor_rate", "env_rate", "iteration", "peak_mb"):
      assert r[k] > 0, (impl, k)
  j = res["jax"]
  assert j["critic_jit"] > 0 and j["actor_jit"] > 0
  for step in ("critic", "actor"):  # XLA's count within 50% of the analytic one
    assert 0.5 < j[f"{step}_xla_flops"] / j[f"{step}_flops"] < 1.5, step
  text = out.read_text()
  assert "| quick | jax |" in text and "| quick | faithful |" in text
  assert "| quick | optimised |" in text and "MFU" in text


@pytest.mark.parametrize("family", ["llama", "gpt2", "bert"])
def test_forward_flops_match_xla(family):
  kw = dict(activation="gelu_new", tie_embeddings=True) if family == "gpt2" else {}
  cfg = ModelConfig(family, 512, 64, 3, 4, 256, scan_layers=False, **kw)
  b, t = 4, 32
  tokens = jax.ShapeDtypeStruct((b, t), jnp.int32)
  if family == "bert":
    net, count = Encoder(cfg), flops.encoder_forward(cfg, b, t)
  else:
    net, count = CausalLM(cfg), flops.lm_forward(cfg, b, t)
  params = jax.eval_shape(net.init, jax.random.PRNGKey(0), tokens)
  xla = flops.xla_flops(jax.jit(net.apply).lower(params, tokens))
  assert xla == pytest.approx(count, rel=0.15)


def test_dot_product_attention_option_matches_the_default():
  """layers.Attention with attention_impl="dot_product" (jax.nn.dot_product_attention) gives
  the default einsum path's logits up to rounding, padding and GQA included."""
  import numpy as np

  base = ModelConfig("llama", 64, 32, 2, 4, 64, num_kv_heads=2, tie_embeddings=True)
  opt = base.replace(attention_impl="dot_product")
  tokens = jnp.asarray(np.random.default_rng(0).integers(0, 64, (2, 9)), jnp.int32)
  mask = jnp.asarray([[0, 0, 1, 1, 1, 1, 1, 1, 1], [1] * 9], bool)
  params = jax.jit(CausalLM(base).init)(jax.random.PRNGKey(0), tokens)
  run = lambda cfg: jax.jit(lambda p: CausalLM(cfg).apply(p, tokens, attention_mask=mask))
  ref, got = run(base)(params)["logits"], run(opt)(params)["logits"]
  np.testing.assert_allclose(np.asarray(got)[mask], np.asarray(ref)[mask], atol=1e-5)
