"""Numerical parity with transformers' PyTorch models.

Tiny random checkpoints of every family are written here with transformers (safetensors)
and loaded by `archer_jax.loading`; the shipped SmolLM2-135M-Instruct GGUF and
all-MiniLM-L6-v2 are compared against transformers' own loaders. Batches are right-padded
and compared on real tokens only. All in float32.
"""

from __future__ import annotations

import jax
import jax.numpy as jnp
import numpy as np
import pytest

torch = pytest.importorskip("torch", reason="parity tests need torch (pip install -e .[test])")
transformers = pytest.importorskip("transformers")

from archer_jax.loading import load_model, load_tokenizer  # noqa: E402
from archer_jax.models import build_model  # noqa: E402

# two rows, the second right-padded; ids avoid 1 (RoBERTa's pad id in these configs)
IDS = np.array([[5, 17, 33, 2, 9, 41, 7, 12], [3, 8, 21, 30, 22, 0, 0, 0]], np.int64)
MASK = np.array([[1] * 8, [1] * 5 + [0] * 3], np.int64)
TOL = 1e-4  # max |ours - ref| <= TOL * max(1, max |ref|), over real tokens


def errors(ours, ref, mask=None) -> tuple[float, float, float]:
  """(max abs error, max abs error / max |ref|, max |ref|) over the positions where mask
  is set (mask [B, T] for [B, T, ...] arrays)."""
  ours, ref = np.asarray(ours, np.float64), np.asarray(ref, np.float64)
  if mask is not None:
    m = np.asarray(mask, bool)
    ours, ref = ours[m], ref[m]
  err, scale = float(np.abs(ours - ref).max()), float(np.abs(ref).max())
  return err, err / scale, scale


def assert_close(what, ours, ref, mask=None, tol=TOL):
  err, rel, scale = errors(ours, ref, mask)
  print(f"{what}: max abs {err:.3g}, rel {rel:.3g} (scale {scale:.3g})")
  assert err <= tol * max(1.0, scale), f"{what}: max abs error {err:.3g} (ref scale {scale:.3g})"


def randomize(model, seed: int = 0):
  """O(1) activations: matrices ~ N(0, 1/fan), vectors (norm scales, biases) perturbed, so a
  wrong transpose / split / bias mapping cannot hide behind near-zero weights."""
  gen = torch.Generator().manual_seed(seed)
  with torch.no_grad():
    for _, p in model.named_parameters():
      noise = torch.randn(p.shape, generator=gen)
      if p.ndim >= 2:
        p.copy_(noise / p.shape[-1] ** 0.5)
      else:
        p.add_(0.2 * noise)
  return model.eval()


def forward(cfg):
  return jax.jit(build_model(cfg).apply)


def save(model, path) -> str:
  model.save_pretrained(str(path), safe_serialization=True)
  return str(path)


DECODERS = {
  "llama_gqa_untied": lambda: transformers.LlamaForCausalLM(
    transformers.LlamaConfig(
      vocab_size=64,
      hidden_size=48,
      intermediate_size=96,
      num_hidden_layers=2,
      num_attention_heads=6,
      num_key_value_heads=2,
      rope_theta=5000.0,
      rms_norm_eps=1e-5,
      tie_word_embeddings=False,
      max_position_embeddings=64,
    )
  ),
  "llama3_rope_scaling_tied": lambda: transformers.LlamaForCausalLM(
    transformers.LlamaConfig(
      vocab_size=64,
      hidden_size=32,
      intermediate_size=64,
      num_hidden_layers=2,
      num_attention_heads=4,
      num_key_value_heads=4,
      tie_word_embeddings=True,
      rope_scaling={
        "rope_type": "llama3",
        "factor": 8.0,
        "low_freq_factor": 1.0,
        "high_freq_factor": 4.0,
        "original_max_position_embeddings": 4,
        "rope_theta": 10000.0,
      },
      max_position_embeddings=64,
    )
  ),
  "qwen2_bias_tied": lambda: transformers.Qwen2ForCausalLM(
    transformers.Qwen2Config(
      vocab_size=64,
      hidden_size=32,
      intermediate_size=64,
      num_hidden_layers=2,
      num_attention_heads=4,
      num_key_value_heads=2,
      tie_word_embeddings=True,
      max_position_embeddings=64,
    )
  ),
  "gpt2": lambda: transformers.GPT2LMHeadModel(
    transformers.GPT2Config(vocab_size=64, n_embd=32, n_layer=2, n_head=4, n_positions=64)
  ),
}


# every family scanned; the unscanned (layers_i) layout on one
@pytest.mark.parametrize(
  "name, scan",
  [pytest.param(n, True, id=n) for n in sorted(DECODERS)]
  + [pytest.param("llama_gqa_untied", False, id="llama_unscanned")],
)
def test_decoder_logits_match_transformers(tmp_path, name, scan):
  ref = randomize(DECODERS[name]())
  cfg, params = load_model(save(ref, tmp_path), scan_layers=scan)
  assert cfg.scan_layers is scan
  if name.startswith("llama3"):
    assert dict(cfg.rope_scaling)["rope_type"] == "llama3"
  out = forward(cfg)(
    {"params": params}, jnp.asarray(IDS, jnp.int32), attention_mask=jnp.asarray(MASK, bool)
  )
  with torch.no_grad():
    r = ref(input_ids=torch.tensor(IDS), attention_mask=torch.tensor(MASK)).logits.numpy()
  assert float(np.abs(r).max()) > 1.0  # non-trivial logits
  assert_close(f"{name} ({'scan' if scan else 'unscanned'}) logits", out["logits"], r, MASK)


ENCODERS = {
  "bert": lambda: transformers.BertModel(
    transformers.BertConfig(
      vocab_size=64,
      hidden_size=32,
      intermediate_size=64,
      num_hidden_layers=2,
      num_attention_heads=4,
      max_position_embeddings=64,
    )
  ),
  "roberta": lambda: transformers.RobertaModel(
    transformers.RobertaConfig(
      vocab_size=64,
      hidden_size=32,
      intermediate_size=64,
      num_hidden_layers=2,
      num_attention_heads=4,
      max_position_embeddings=66,
      pad_token_id=1,
      type_vocab_size=1,
    )
  ),
}


@pytest.mark.parametrize("name", sorted(ENCODERS))
def test_encoder_hidden_and_pooled_match_transformers(tmp_path, name):
  ref = randomize(ENCODERS[name]())
  ids = np.where(MASK > 0, IDS, ref.config.pad_token_id)  # RoBERTa positions come from pads
  cfg, params = load_model(save(ref, tmp_path))
  if name == "roberta":
    assert cfg.position_offset == 2 and cfg.max_position_embeddings == 66
  out = forward(cfg)({"params": params}, jnp.asarray(ids, jnp.int32), jnp.asarray(MASK, bool))
  with torch.no_grad():
    r = ref(input_ids=torch.tensor(ids), attention_mask=torch.tensor(MASK))
  assert_close(f"{name} hidden", out["hidden"], r.last_hidden_state.numpy(), MASK)
  assert_close(f"{name} pooled", out["pooled"], r.pooler_output.numpy())


# ---- the shipped models -------------------------------------------------------------------
def test_minilm_matches_bertmodel(minilm_dir):
  tok = load_tokenizer("minilm-l6")
  assert load_tokenizer(str(minilm_dir)) is tok  # one cached tokenizer
  enc = tok(
    ["Is it an animal?", "Questions:\nIs it bigger than a breadbox? No."],
    padding=True,
    return_tensors="np",
  )
  assert enc["attention_mask"].min() == 0  # really padded
  args = (
    jnp.asarray(enc["input_ids"], jnp.int32),
    jnp.asarray(enc["attention_mask"], bool),
    jnp.asarray(enc["token_type_ids"], jnp.int32),
  )
  ref = transformers.BertModel.from_pretrained(str(minilm_dir)).eval()
  with torch.no_grad():
    r = ref(**{k: torch.tensor(v) for k, v in enc.items()})
  hidden = r.last_hidden_state.numpy()

  cfg, params = load_model("minilm-l6")
  assert (cfg.num_layers, cfg.hidden_size, cfg.pooling) == (6, 384, "pooler")
  out = forward(cfg)({"params": params}, *args)
  assert_close("minilm hidden", out["hidden"], hidden, enc["attention_mask"])
  assert_close("minilm pooler_output", out["pooled"], r.pooler_output.numpy())

  # sentence-transformers pooling: the masked mean of the last hidden states
  cfg, params = load_model("minilm-l6", pooling="mean")
  assert "pooler" not in params
  out = forward(cfg)({"params": params}, *args)
  m = enc["attention_mask"][..., None]
  assert_close("minilm mean pooling", out["pooled"], (hidden * m).sum(1) / m.sum(1))

  # num_layers below the checkpoint's depth: its first N layers (transformers' BertModel of
  # that depth loads the same first layers)
  cfg, params = load_model("minilm-l6", pooling="mean", num_layers=2)
  assert cfg.num_layers == 2
  ref2 = transformers.BertModel.from_pretrained(str(minilm_dir), num_hidden_layers=2).eval()
  with torch.no_grad():
    h2 = ref2(**{k: torch.tensor(v) for k, v in enc.items()}).last_hidden_state.numpy()
  assert np.abs(h2 - hidden).max() > 0.1  # really a shallower network
  assert_close(
    "minilm first 2 layers",
    forward(cfg)({"params": params}, *args)["hidden"],
    h2,
    enc["attention_mask"],
  )


@pytest.fixture(scope="module")
def smollm2(smollm2_gguf):
  import gguf

  from archer_jax.loading.gguf_file import FastGGUFReader

  cfg, params = load_model("smollm2-135m-instruct")
  tok = load_tokenizer("smollm2-135m-instruct")
  # transformers parses the file twice; the memmap-free reader (same fields and tensors,
  # see test_loading) only makes that faster
  with pytest.MonkeyPatch.context() as mp:
    mp.setattr(gguf, "GGUFReader", FastGGUFReader)
    ref = transformers.AutoModelForCausalLM.from_pretrained(  # dense f32, no GGUF kernels
      str(smollm2_gguf.parent),
      gguf_file=smollm2_gguf.name,
      dtype=torch.float32,
      quantization_config=transformers.GgufConfig(dequantize=True),
    ).eval()
  return cfg, params, tok, ref


def test_smollm2_gguf_logits_match_transformers(smollm2):
  cfg, params, tok, ref = smollm2
  assert (
    cfg.num_layers,
    cfg.hidden_size,
    cfg.num_heads,
    cfg.kv_heads,
    cfg.vocab_size,
    cfg.tie_embeddings,
    cfg.rope_theta,
  ) == (30, 576, 9, 3, 49152, True, 100000.0)
  enc = tok(
    ["Questions:\nIs it an animal? No.\nIs it a vehicle?", "Name three fruits."],
    padding=True,
    padding_side="right",
    return_tensors="np",
  )
  ids, mask = enc["input_ids"], enc["attention_mask"]
  assert mask.min() == 0
  out = forward(cfg)(
    {"params": params}, jnp.asarray(ids, jnp.int32), attention_mask=jnp.asarray(mask, bool)
  )
  with torch.no_grad():
    r = ref(input_ids=torch.tensor(ids), attention_mask=torch.tensor(mask)).logits.numpy()
  ours = np.asarray(out["logits"])
  assert_close("smollm2 logits", ours, r, mask)
  m = mask.astype(bool)
  np.testing.assert_array_equal(ours.argmax(-1)[m], r.argmax(-1)[m])


def test_smollm2_greedy_decoding_matches_transformers_generate(smollm2):
  """The KV-cache sampler with the real weights, through `Sampler` (chat template, prompt
  bucket): 32 greedy ids (no stopping on either side) equal transformers' `generate`."""
  from archer_jax.generation import Sampler

  cfg, params, tok, ref = smollm2
  n = 32
  s = Sampler(cfg, tok, max_new_tokens=n, stop_strings=(), prompt_buckets=(64,), eos_ids=[])
  ids = s.encode(["Name three fruits, one per line."], chat=True)[0]
  res = s.generate(params, [ids], jax.random.PRNGKey(0), greedy=True)
  assert res.lengths[0] == n
  eos, ref.generation_config.eos_token_id = ref.generation_config.eos_token_id, None
  try:
    with torch.no_grad():
      x = torch.tensor([ids])
      r = ref.generate(
        x, attention_mask=torch.ones_like(x), max_new_tokens=n, do_sample=False, pad_token_id=0
      )[0, len(ids) :].numpy()
  finally:
    ref.generation_config.eos_token_id = eos
  print("smollm2 greedy:", repr(tok.decode(res.ids(0))))
  assert len(r) == n
  np.testing.assert_array_equal(res.tokens[0], r)
