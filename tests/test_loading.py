"""Checkpoint loading: configs, errors for bad inputs, GGUF files, sharded safetensors, the
registry, tokenizers, and placement into an 8-device CPU mesh.

Checkpoints here are written with numpy + safetensors / gguf (no torch); numerical parity
with transformers is tests/test_parity.py.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import flax.linen as nn
import gguf
import jax
import numpy as np
import pytest
from safetensors.numpy import save_file

from archer_jax.loading import (
  NAMES,
  CheckpointError,
  config_from_hf,
  keymaps,
  load_model,
  load_tokenizer,
  resolve,
  tokenizers,
)
from archer_jax.loading.gguf_file import FastGGUFReader, load_gguf
from archer_jax.loading.hf import load_hf
from archer_jax.models import build_model

REPO = Path(__file__).resolve().parents[1]

LLAMA = dict(
  model_type="llama",
  vocab_size=64,
  hidden_size=32,
  intermediate_size=64,
  num_hidden_layers=2,
  num_attention_heads=4,
  num_key_value_heads=2,
  max_position_embeddings=64,
  rms_norm_eps=1e-5,
  rope_theta=10000.0,
  tie_word_embeddings=False,
  bos_token_id=0,
  eos_token_id=0,
)


def llama_state(hf: dict = LLAMA, seed: int = 0, bias: bool = False) -> dict[str, np.ndarray]:
  """A random HF-layout Llama state dict (LlamaForCausalLM key names)."""
  d, f, v = hf["hidden_size"], hf["intermediate_size"], hf["vocab_size"]
  h, kv = hf["num_attention_heads"], hf["num_key_value_heads"]
  dh = d // h
  shapes = {"model.embed_tokens.weight": (v, d), "model.norm.weight": (d,)}
  if not hf.get("tie_word_embeddings"):
    shapes["lm_head.weight"] = (v, d)
  for i in range(hf["num_hidden_layers"]):
    p = f"model.layers.{i}."
    shapes.update(
      {
        p + "input_layernorm.weight": (d,),
        p + "post_attention_layernorm.weight": (d,),
        p + "self_attn.q_proj.weight": (h * dh, d),
        p + "self_attn.k_proj.weight": (kv * dh, d),
        p + "self_attn.v_proj.weight": (kv * dh, d),
        p + "self_attn.o_proj.weight": (d, h * dh),
        p + "mlp.gate_proj.weight": (f, d),
        p + "mlp.up_proj.weight": (f, d),
        p + "mlp.down_proj.weight": (d, f),
      }
    )
    if bias:
      shapes.update(
        {
          p + "self_attn.q_proj.bias": (h * dh,),
          p + "self_attn.k_proj.bias": (kv * dh,),
          p + "self_attn.v_proj.bias": (kv * dh,),
        }
      )
  rng = np.random.default_rng(seed)
  return {k: rng.normal(size=s).astype(np.float32) for k, s in shapes.items()}


def write_hf(path: Path, hf: dict = LLAMA, state: dict | None = None) -> Path:
  path.mkdir(parents=True, exist_ok=True)
  (path / "config.json").write_text(json.dumps(hf))
  save_file(llama_state(hf) if state is None else state, str(path / "model.safetensors"))
  return path


def flat(params) -> dict[str, np.ndarray]:
  return {
    jax.tree_util.keystr(k): np.asarray(v) for k, v in jax.tree_util.tree_leaves_with_path(params)
  }


def assert_same_params(a, b):
  fa, fb = flat(a), flat(b)
  assert fa.keys() == fb.keys()
  for k in fa:
    np.testing.assert_array_equal(fa[k], fb[k], err_msg=k)


def assert_init_tree(cfg, params):
  """params has exactly the tree, shapes and dtypes of nn.meta.unbox(model.init)."""
  ref = nn.meta.unbox(
    jax.eval_shape(build_model(cfg).init, jax.random.PRNGKey(0), np.zeros((1, 2), np.int32))[
      "params"
    ]
  )
  assert jax.tree.structure(ref) == jax.tree.structure(params)
  for a, b in zip(jax.tree.leaves(ref), jax.tree.leaves(params), strict=True):
    assert (a.shape, a.dtype) == (b.shape, b.dtype)


@pytest.fixture(scope="module")
def llama_dir(tmp_path_factory) -> Path:
  return write_hf(tmp_path_factory.mktemp("llama"))


# ---- config_from_hf -------------------------------------------------------------------------
def test_config_from_hf_families():
  c = config_from_hf(LLAMA)
  assert (
    c.family,
    c.num_layers,
    c.kv_heads,
    c.dim_per_head,
    c.tie_embeddings,
    c.attention_bias,
    c.rope_scaling,
    c.norm_eps,
  ) == ("llama", 2, 2, 8, False, False, None, 1e-5)
  q = config_from_hf(dict(LLAMA, model_type="qwen2", tie_word_embeddings=True))
  assert q.attention_bias and q.tie_embeddings
  assert config_from_hf(dict(LLAMA, model_type="mistral", sliding_window=4096)).family == "llama"
  # rope scaling: transformers 4 (rope_theta + rope_scaling) and 5 (rope_parameters) agree
  scaling = {
    "rope_type": "llama3",
    "factor": 8.0,
    "low_freq_factor": 1.0,
    "high_freq_factor": 4.0,
    "original_max_position_embeddings": 8192,
  }
  v4 = config_from_hf(dict(LLAMA, rope_theta=5e5, rope_scaling=scaling))
  v5 = dict(LLAMA, rope_parameters=dict(scaling, rope_theta=5e5))
  del v5["rope_theta"]
  v5 = config_from_hf(v5)
  assert v4.rope_scaling == v5.rope_scaling == tuple(sorted(scaling.items()))
  assert v4.rope_theta == v5.rope_theta == 5e5
  hash(v4)
  assert (
    config_from_hf(
      dict(LLAMA, rope_parameters={"rope_type": "default", "rope_theta": 1e4})
    ).rope_scaling
    is None
  )
  g = config_from_hf(
    dict(
      model_type="gpt2",
      vocab_size=64,
      n_embd=32,
      n_layer=2,
      n_head=4,
      n_positions=64,
      n_inner=None,
      layer_norm_epsilon=1e-5,
      activation_function="gelu_new",
    )
  )
  assert (g.family, g.intermediate_size, g.activation, g.tie_embeddings) == (
    "gpt2",
    128,
    "gelu_new",
    True,
  )
  bert = dict(
    model_type="bert",
    vocab_size=64,
    hidden_size=32,
    intermediate_size=64,
    num_hidden_layers=2,
    num_attention_heads=4,
    max_position_embeddings=64,
    layer_norm_eps=1e-12,
    hidden_act="gelu",
    pad_token_id=0,
  )
  b = config_from_hf(bert)
  assert (b.family, b.activation, b.position_offset, b.norm_eps) == ("bert", "gelu", 0, 1e-12)
  r = config_from_hf(dict(bert, model_type="roberta", pad_token_id=1, max_position_embeddings=66))
  assert (r.position_offset, r.max_position_embeddings) == (2, 66)
  assert config_from_hf(bert, pooling="mean", dtype="bfloat16").pooling == "mean"


def test_config_errors_name_the_source():
  with pytest.raises(ValueError, match=r"my/config.json.*model_type='t5'"):
    config_from_hf({"model_type": "t5"}, source="my/config.json")
  with pytest.raises(ValueError, match="unknown ModelConfig override"):
    config_from_hf(LLAMA, poolin="mean")
  with pytest.raises(ValueError, match="unsupported rope scaling type 'yarn'"):
    config_from_hf(dict(LLAMA, rope_scaling={"rope_type": "yarn", "factor": 2.0}))
  with pytest.raises(ValueError, match="attention_bias"):
    config_from_hf(dict(LLAMA, attention_bias=True))


# ---- HF directories: loads and errors -------------------------------------------------------
def test_load_hf_layouts_and_dtype(llama_dir):
  cfg, p = load_hf(llama_dir)
  state = llama_state()
  q = state["model.layers.1.self_attn.q_proj.weight"]  # [H*Dh, D]
  np.testing.assert_array_equal(
    p["layers"]["block"]["attn"]["q"]["kernel"][1], q.T.reshape(32, 4, 8)
  )
  o = state["model.layers.0.self_attn.o_proj.weight"]  # [D, H*Dh]
  np.testing.assert_array_equal(
    p["layers"]["block"]["attn"]["o"]["kernel"][0], o.T.reshape(4, 8, 32)
  )
  np.testing.assert_array_equal(p["lm_head"]["kernel"], state["lm_head.weight"].T)
  # the exact tree of model.init; the unscanned layout = the scanned one split per layer
  assert_init_tree(cfg, p)
  cfg_u, pu = load_hf(llama_dir, scan_layers=False)
  assert not cfg_u.scan_layers
  assert_init_tree(cfg_u, pu)
  for i in range(2):  # (the lambda runs inside its own iteration: the late-bound `i` is safe)
    assert_same_params(
      pu["layers"][f"layers_{i}"],
      jax.tree.map(lambda x: x[i], p["layers"]["block"]),  # noqa: B023
    )
  cfg_b, pb = load_model(str(llama_dir), dtype="bfloat16")
  assert (cfg_b.dtype, cfg_b.param_dtype) == ("bfloat16", "bfloat16")
  assert {x.dtype for x in jax.tree.leaves(pb)} == {np.dtype(jax.numpy.bfloat16)}
  _, pm = load_model(str(llama_dir), dtype="bfloat16", param_dtype="float32")
  assert {x.dtype for x in jax.tree.leaves(pm)} == {np.dtype(np.float32)}
  # num_layers=1 on the 2-layer checkpoint: its first layer, the rest of the tree as before
  cfg_1, p1 = load_hf(llama_dir, num_layers=1)
  assert cfg_1.num_layers == 1
  assert_init_tree(cfg_1, p1)
  assert_same_params(p1["layers"], jax.tree.map(lambda x: x[:1], p["layers"]))
  assert_same_params(p1["embed"], p["embed"])
  with pytest.raises(CheckpointError, match=r"missing checkpoint keys.*layers\.2\."):
    load_hf(llama_dir, num_layers=3)  # deeper than the checkpoint


def test_sharded_safetensors_index(tmp_path, llama_dir):
  state = llama_state()
  keys = sorted(state)
  halves = {
    "model-00001-of-00002.safetensors": keys[::2],
    "model-00002-of-00002.safetensors": keys[1::2],
  }
  d = tmp_path / "sharded"
  d.mkdir()
  (d / "config.json").write_text(json.dumps(LLAMA))
  for fname, ks in halves.items():
    save_file({k: state[k] for k in ks}, str(d / fname))
  (d / "model.safetensors.index.json").write_text(
    json.dumps({"metadata": {}, "weight_map": {k: f for f, ks in halves.items() for k in ks}})
  )
  assert_same_params(load_hf(d)[1], load_hf(llama_dir)[1])
  os.remove(d / "model-00002-of-00002.safetensors")
  with pytest.raises(FileNotFoundError, match="model-00002-of-00002.safetensors"):
    load_hf(d)


def test_missing_files_and_unknown_architecture(tmp_path):
  with pytest.raises(FileNotFoundError, match="does not exist"):
    load_hf(tmp_path / "nope")
  with pytest.raises(FileNotFoundError, match="config.json"):
    load_hf(tmp_path)
  (tmp_path / "config.json").write_text(json.dumps(LLAMA))
  with pytest.raises(FileNotFoundError, match="model.safetensors"):
    load_hf(tmp_path)
  (tmp_path / "config.json").write_text(json.dumps(dict(LLAMA, model_type="falcon")))
  with pytest.raises(ValueError, match=r"config.json: unknown architecture.*'falcon'"):
    load_hf(tmp_path)
  (tmp_path / "config.json").write_text("{not json")
  with pytest.raises(ValueError, match="not valid JSON"):
    load_hf(tmp_path)


@pytest.mark.parametrize(
  "edit, pattern",
  [
    ("missing", r"missing checkpoint keys.*'layers\.1\.self_attn\.k_proj\.weight'"),
    ("missing_head", r"missing checkpoint keys.*'lm_head\.weight'.*untied"),
    ("unexpected", r"unexpected checkpoint keys.*'model\.layers\.0\.self_attn\.extra\.weight'"),
    ("extra_layer", r"unexpected checkpoint keys.*'model\.layers\.2\.input_layernorm\.weight'"),
    ("bias_without_config", r"unexpected checkpoint keys.*q_proj\.bias"),
    (
      "shape",
      r"shape mismatch.*'model\.layers\.0\.mlp\.up_proj\.weight': expected \(64, 32\), "
      r"got \(60, 32\)",
    ),
  ],
)
def test_bad_checkpoint_keys_and_shapes(tmp_path, edit, pattern):
  state = llama_state(bias=edit == "bias_without_config")
  if edit == "missing":
    del state["model.layers.1.self_attn.k_proj.weight"]
  elif edit == "missing_head":
    del state["lm_head.weight"]
  elif edit == "unexpected":
    state["model.layers.0.self_attn.extra.weight"] = np.zeros(3, np.float32)
  elif edit == "extra_layer":
    state["model.layers.2.input_layernorm.weight"] = np.zeros(32, np.float32)
  elif edit == "shape":
    state["model.layers.0.mlp.up_proj.weight"] = np.zeros((60, 32), np.float32)
  d = write_hf(tmp_path / "ckpt", state=state)
  with pytest.raises(CheckpointError, match=pattern) as e:
    load_hf(d)
  assert str(d) in str(e.value)


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_corrupt_safetensors(tmp_path, llama_dir, damage):
  d = tmp_path / "ckpt"
  d.mkdir()
  (d / "config.json").write_text((llama_dir / "config.json").read_text())
  data = (llama_dir / "model.safetensors").read_bytes()
  data = b"\x13\x00garbage" * 50 if damage == "garbage" else data[: len(data) - 100]
  (d / "model.safetensors").write_bytes(data)
  with pytest.raises(CheckpointError, match=r"model\.safetensors.*corrupt safetensors"):
    load_hf(d)


def test_keymap_prefixes_aliases_and_ignored_keys():
  found, ignored, unmatched = keymaps.match_keys(
    keymaps.BERT,
    [
      "bert.embeddings.LayerNorm.gamma",
      "bert.encoder.layer.3.output.dense.weight",
      "cls.predictions.bias",
      "bert.embeddings.position_ids",
      "something.else",
    ],
  )
  assert {(keymaps.BERT.rules[m.rule].key, m.layer) for m in found} == {
    ("embeddings.LayerNorm.weight", None),
    ("encoder.layer.{i}.output.dense.weight", 3),
  }
  assert sorted(ignored) == ["bert.embeddings.position_ids", "cls.predictions.bias"]
  assert unmatched == ["something.else"]
  found, _, _ = keymaps.match_keys(
    keymaps.GPT2, ["h.0.attn.c_attn.weight", "transformer.h.1.attn.c_attn.weight"]
  )
  assert sorted(m.layer for m in found) == [0, 1]
  with pytest.raises(ValueError, match="both hold"):
    keymaps.match_keys(keymaps.LLAMA, ["model.norm.weight", "norm.weight"])
  assert keymaps.gguf_to_hf_key("blk.7.ffn_down.weight") == "layers.7.mlp.down_proj.weight"
  assert keymaps.gguf_to_hf_key("rope_freqs.weight") is None


BERT = dict(
  model_type="bert",
  vocab_size=64,
  hidden_size=32,
  intermediate_size=64,
  num_hidden_layers=2,
  num_attention_heads=4,
  max_position_embeddings=40,
  type_vocab_size=2,
  layer_norm_eps=1e-12,
  hidden_act="gelu",
  pad_token_id=0,
)


def bert_state(hf: dict = BERT, prefix: str = "", pooler: bool = True) -> dict[str, np.ndarray]:
  """A random BertModel-layout state dict (keys optionally under `prefix`)."""
  d, f = hf["hidden_size"], hf["intermediate_size"]
  shapes = {
    "embeddings.word_embeddings.weight": (hf["vocab_size"], d),
    "embeddings.position_embeddings.weight": (hf["max_position_embeddings"], d),
    "embeddings.token_type_embeddings.weight": (hf["type_vocab_size"], d),
    "embeddings.LayerNorm.weight": (d,),
    "embeddings.LayerNorm.bias": (d,),
  }
  if pooler:
    shapes.update({"pooler.dense.weight": (d, d), "pooler.dense.bias": (d,)})
  for i in range(hf["num_hidden_layers"]):
    p = f"encoder.layer.{i}."
    for name in (
      "attention.self.query",
      "attention.self.key",
      "attention.self.value",
      "attention.output.dense",
    ):
      shapes.update({p + name + ".weight": (d, d), p + name + ".bias": (d,)})
    shapes.update(
      {
        p + "intermediate.dense.weight": (f, d),
        p + "intermediate.dense.bias": (f,),
        p + "output.dense.weight": (d, f),
        p + "output.dense.bias": (d,),
      }
    )
    for ln in ("attention.output.LayerNorm", "output.LayerNorm"):
      shapes.update({p + ln + ".weight": (d,), p + ln + ".bias": (d,)})
  rng = np.random.default_rng(1)
  return {prefix + k: rng.normal(size=s).astype(np.float32) for k, s in shapes.items()}


def test_encoder_pooler_and_task_head_checkpoints(tmp_path):
  # BertModel(add_pooling_layer=False): the default pooling needs a pooler
  d = write_hf(tmp_path / "nopool", BERT, bert_state(pooler=False))
  with pytest.raises(CheckpointError, match=r"'pooler\.dense\.weight'.*pooling='mean'"):
    load_hf(d)
  cfg, p = load_hf(d, pooling="mean")
  assert cfg.pooling == "mean" and "pooler" not in p
  # RobertaForMaskedLM-style: "roberta." prefix, an LM head (ignored), offset positions
  hf = dict(BERT, model_type="roberta", pad_token_id=1, max_position_embeddings=42)
  state = bert_state(hf, prefix="roberta.")
  state.update(
    {
      "lm_head.dense.weight": np.zeros((32, 32), np.float32),
      "lm_head.bias": np.zeros(64, np.float32),
    }
  )
  cfg, p = load_hf(write_hf(tmp_path / "roberta", hf, state))
  assert (cfg.position_offset, cfg.max_position_embeddings) == (2, 42)
  np.testing.assert_array_equal(p["pooler"]["kernel"], state["roberta.pooler.dense.weight"].T)
  np.testing.assert_array_equal(
    p["layers"]["block"]["attn"]["o"]["kernel"][1],
    state["roberta.encoder.layer.1.attention.output.dense.weight"].T.reshape(4, 8, 32),
  )


# ---- GGUF -------------------------------------------------------------------------------------
def llama_cpp_permute(w: np.ndarray, n_head: int) -> np.ndarray:
  """llama.cpp's convert_hf_to_gguf q/k row permutation (what load_gguf must undo)."""
  return (
    w.reshape(n_head, 2, w.shape[0] // n_head // 2, *w.shape[1:]).swapaxes(1, 2).reshape(w.shape)
  )


# a tiny byte-level BPE vocabulary of 64 tokens ("Ġ" = space, "Ċ" = newline)
TOKENS = (
  ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]
  + list("abcdefghijklmnopqrstuvwxyz")
  + list("ĠĊ.?,!")
  + ["Ġa", "Ġi", "is", "Ġis", "it", "Ġit", "an", "Ġan"]
)
TOKENS += [f"<extra_{i}>" for i in range(64 - len(TOKENS))]
MERGES = ["Ġ a", "Ġ i", "i s", "Ġi s", "i t", "Ġi t", "a n", "Ġa n"]


def write_gguf(
  path: Path,
  hf: dict = LLAMA,
  state: dict | None = None,
  arch: str = "llama",
  quantize: tuple[str, ...] = (),
  permute: bool = True,
) -> Path:
  state = llama_state(hf) if state is None else state
  w = gguf.GGUFWriter(str(path), arch)
  w.add_block_count(hf["num_hidden_layers"])
  w.add_context_length(hf["max_position_embeddings"])
  w.add_embedding_length(hf["hidden_size"])
  w.add_feed_forward_length(hf["intermediate_size"])
  w.add_head_count(hf["num_attention_heads"])
  w.add_head_count_kv(hf["num_key_value_heads"])
  w.add_rope_freq_base(hf["rope_theta"])
  w.add_layer_norm_rms_eps(hf["rms_norm_eps"])
  w.add_tokenizer_model("gpt2")
  w.add_tokenizer_pre("default")
  w.add_token_list(TOKENS)
  w.add_token_types([3 if t.startswith("<") else 1 for t in TOKENS])
  w.add_token_merges(MERGES)
  w.add_bos_token_id(1)
  w.add_eos_token_id(2)
  w.add_pad_token_id(2)
  w.add_chat_template("{% for m in messages %}<|im_start|>{{ m['content'] }}<|im_end|>{% endfor %}")
  inverse = {hf_key: name for name, hf_key in keymaps.GGUF_LLAMA.items()}
  for key, arr in state.items():
    bare = key.removeprefix("model.")
    layer = re.search(r"\.(\d+)\.", bare)
    template = re.sub(r"\.\d+\.", ".{i}.", bare, count=1)
    name = inverse[template].replace("{i}", layer.group(1) if layer else "")
    if permute and ".attn_q." in name:
      arr = llama_cpp_permute(arr, hf["num_attention_heads"])
    elif permute and ".attn_k." in name:
      arr = llama_cpp_permute(arr, hf["num_key_value_heads"])
    if any(q in name for q in quantize):
      qtype = gguf.GGMLQuantizationType.Q8_0
      w.add_tensor(name, gguf.quants.quantize(arr, qtype), raw_dtype=qtype)
    else:
      w.add_tensor(name, arr)
  w.write_header_to_file()
  w.write_kv_data_to_file()
  w.write_tensors_to_file()
  w.close()
  return path


def test_gguf_equals_hf_after_unpermuting(tmp_path, llama_dir):
  path = write_gguf(tmp_path / "tiny.gguf")
  cfg, params = load_gguf(path)
  ref_cfg, ref = load_hf(llama_dir)
  ids = dict(pad_token_id=None, bos_token_id=None, eos_token_id=None)
  assert cfg.replace(**ids) == ref_cfg.replace(**ids)  # f32 metadata: eps 1e-5 exactly
  assert (cfg.bos_token_id, cfg.eos_token_id, cfg.pad_token_id) == (1, 2, 2)
  assert_same_params(params, ref)


def test_gguf_qwen2_biases_and_quantized_tensors(tmp_path):
  hf = dict(LLAMA, model_type="qwen2", tie_word_embeddings=True)
  state = llama_state(hf, bias=True)
  path = write_gguf(
    tmp_path / "q.gguf", hf, state, arch="qwen2", quantize=("ffn_up",), permute=False
  )  # llama.cpp leaves Qwen2's q/k rows alone
  cfg, p = load_model(str(path))
  assert cfg.attention_bias and cfg.tie_embeddings and "lm_head" not in p
  np.testing.assert_array_equal(
    p["layers"]["block"]["attn"]["k"]["bias"][1],
    state["model.layers.1.self_attn.k_proj.bias"].reshape(2, 8),
  )
  up = state["model.layers.0.mlp.up_proj.weight"]
  q8 = gguf.GGMLQuantizationType.Q8_0
  want = gguf.quants.dequantize(gguf.quants.quantize(up, q8), q8).reshape(up.shape)
  np.testing.assert_array_equal(p["layers"]["block"]["mlp"]["up"]["kernel"][0], want.T)
  assert np.abs(want - up).max() < 0.05  # it really was quantised


def test_fast_reader_reads_what_gguf_reads(tmp_path):
  path = write_gguf(tmp_path / "t.gguf", quantize=("ffn_down",))
  a, b = gguf.GGUFReader(path), FastGGUFReader(path)
  assert list(a.fields) == list(b.fields)
  for k in a.fields:
    assert a.fields[k].types == b.fields[k].types
    assert a.fields[k].contents() == b.fields[k].contents(), k
  assert [(t.name, t.tensor_type, list(t.shape)) for t in a.tensors] == [
    (t.name, t.tensor_type, list(t.shape)) for t in b.tensors
  ]
  for x, y in zip(a.tensors, b.tensors, strict=True):
    np.testing.assert_array_equal(x.data, y.data)


def test_bad_gguf_files(tmp_path):
  with pytest.raises(FileNotFoundError, match="does not exist"):
    load_gguf(tmp_path / "none.gguf")
  bad = tmp_path / "bad.gguf"
  bad.write_bytes(b"NOPE" + b"\0" * 100)
  with pytest.raises(CheckpointError, match=r"bad\.gguf: not a GGUF file"):
    load_gguf(bad)
  good = write_gguf(tmp_path / "good.gguf").read_bytes()
  cut = tmp_path / "cut.gguf"
  cut.write_bytes(good[: len(good) // 2])
  with pytest.raises(CheckpointError, match=r"cut\.gguf: corrupt GGUF file"):
    load_gguf(cut)
  cut.write_bytes(good[:200])  # inside the metadata
  with pytest.raises(CheckpointError, match=r"cut\.gguf: corrupt GGUF file"):
    load_gguf(cut)
  with pytest.raises(ValueError, match="unknown GGUF architecture 'falcon'"):
    load_gguf(write_gguf(tmp_path / "f.gguf", arch="falcon"))


# ---- registry and tokenizers -------------------------------------------------------------------
def test_registry_resolve(tmp_path, smollm2_gguf, minilm_dir):
  assert set(NAMES) >= {"smollm2-135m-instruct", "minilm-l6"}
  assert resolve("smollm2-135m-instruct") == smollm2_gguf
  assert resolve("minilm-l6") == minilm_dir
  assert resolve(str(tmp_path)) == tmp_path
  with pytest.raises(
    FileNotFoundError,
    match=r"neither a known model name \(minilm-l6, "
    r"smollm2-135m-instruct\)",
  ):
    resolve("no-such-model")
  with pytest.raises(FileNotFoundError, match="no-such-model"):
    load_model("no-such-model")


def test_registry_names_missing_package(monkeypatch):
  from archer_jax.loading import registry

  monkeypatch.setitem(registry.NAMES, "ghost", registry.Entry("no_such_pkg_xyz", "m", "pip x"))
  with pytest.raises(FileNotFoundError, match="needs the package 'no_such_pkg_xyz'.*pip x"):
    resolve("ghost")


def test_gguf_tokenizer_disk_cache(tmp_path, monkeypatch):
  monkeypatch.setenv("ARCHER_JAX_CACHE", str(tmp_path / "cache"))
  path = write_gguf(tmp_path / "tok.gguf")
  tok = load_tokenizer(str(path))
  assert load_tokenizer(path) is tok  # in-memory cache
  saved = list((tmp_path / "cache" / "tokenizers").iterdir())
  assert len(saved) == 1 and (saved[0] / "tokenizer_config.json").exists()
  tokenizers._load.cache_clear()
  again = load_tokenizer(path)  # from the disk cache
  assert again is not tok
  text = "is it an apple? it is."
  assert again(text)["input_ids"] == tok(text)["input_ids"]
  assert tok.convert_ids_to_tokens(tok(" is")["input_ids"]) == ["Ġis"]
  assert (
    (again.bos_token, again.eos_token, again.pad_token)
    == (tok.bos_token, tok.eos_token, tok.pad_token)
    == ("<|im_start|>", "<|im_end|>", "<|im_end|>")
  )
  msgs = [{"role": "user", "content": "is it"}]
  assert (
    again.apply_chat_template(msgs, tokenize=False)
    == tok.apply_chat_template(msgs, tokenize=False)
    == "<|im_start|>is it<|im_end|>"
  )


def test_hf_dir_tokenizer(minilm_dir):
  tok = load_tokenizer("minilm-l6")
  assert tok("Is it an animal?")["input_ids"] == [101, 2003, 2009, 2019, 4111, 1029, 102]


# ---- sharded placement ----------------------------------------------------------------------
MESH_SCRIPT = textwrap.dedent("""
    import sys
    import jax, numpy as np
    from jax.sharding import NamedSharding, PartitionSpec as P
    from archer_jax.loading import load_model
    from archer_jax.parallel.mesh import make_mesh
    assert jax.device_count() == 8, jax.devices()
    path = sys.argv[1]
    mesh = make_mesh((2, 2, 2))
    cfg, sharded = load_model(path, mesh=mesh)
    _, single = load_model(path)
    want = {
        "embed/embedding": P("tensor", "fsdp"),                    # [V, D]
        "lm_head/kernel": P("fsdp", "tensor"),                     # [D, V]
        "final_norm/scale": P("fsdp"),
        "layers/block/attn/q/kernel": P(None, "fsdp", "tensor", None),   # [L, D, H, Dh]
        "layers/block/attn/k/kernel": P(None, "fsdp", "tensor", None),   # KVH = 2
        "layers/block/attn/o/kernel": P(None, "tensor", None, "fsdp"),   # [L, H, Dh, D]
        "layers/block/mlp/gate/kernel": P(None, "fsdp", "tensor"),
        "layers/block/mlp/down/kernel": P(None, "tensor", "fsdp"),
        "layers/block/norm1/scale": P(None, "fsdp"),
    }
    leaves = jax.tree_util.tree_leaves_with_path(sharded)
    singles = dict((jax.tree_util.keystr(k), v)
                   for k, v in jax.tree_util.tree_leaves_with_path(single))
    seen = set()
    for k, x in leaves:
      name = "/".join(p.key for p in k)
      assert isinstance(x.sharding, NamedSharding) and x.sharding.mesh == mesh, name
      if name in want:
        assert x.sharding.spec == want[name], (name, x.sharding.spec)
        seen.add(name)
      assert len(x.addressable_shards) == 8
      y = singles[jax.tree_util.keystr(k)]
      assert len(y.devices()) == 1
      np.testing.assert_array_equal(np.asarray(x), np.asarray(y), err_msg=name)
    assert seen == set(want), set(want) - seen
    q = dict((("/".join(p.key for p in k)), x) for k, x in leaves)["layers/block/attn/q/kernel"]
    assert q.addressable_shards[0].data.shape == (2, 16, 2, 8)
    print("OK", len(leaves))
""")


def test_load_into_8_device_cpu_mesh(llama_dir):
  env = dict(os.environ, XLA_FLAGS="--xla_force_host_platform_device_count=8", JAX_PLATFORMS="cpu")
  res = subprocess.run(
    [sys.executable, "-c", MESH_SCRIPT, str(llama_dir)],
    env=env,
    capture_output=True,
    text=True,
    timeout=240,
    cwd=REPO,
  )
  assert res.returncode == 0, res.stdout + res.stderr
  assert "OK" in res.stdout


# ---- reading blocks: keymaps.window, bf16, one process's share -----------------------------
WINDOW_TARGETS = {
  "none": [(6, 4)],
  "transpose": [(6, 4)],
  "linear_to_heads": [(6, 4, 3)],
  "linear_from_heads": [(4, 3, 6)],
  "bias_to_heads": [(4, 3)],
  "conv_from_heads": [(4, 3, 6)],
  "conv_split_heads": [(6, 4, 3), (6, 2, 3), (6, 2, 3)],
  "bias_split_heads": [(4, 3), (2, 3), (2, 3)],
}


def test_window_reads_the_block_the_full_transform_gives():
  transforms = {r.transform.name: r.transform for km in keymaps.KEYMAPS.values() for r in km.rules}
  assert set(transforms) == set(WINDOW_TARGETS)
  rng = np.random.default_rng(0)
  for name, t in transforms.items():
    targets = WINDOW_TARGETS[name]
    w = rng.normal(size=t.source_shape(targets))
    full = t.fwd(w, targets)
    for j, shape in enumerate(targets):
      for _ in range(20):
        lo = [int(rng.integers(0, n)) for n in shape]
        index = tuple(
          slice(a, int(rng.integers(a + 1, n + 1))) for a, n in zip(lo, shape, strict=True)
        )
        src, post = keymaps.window(t, targets, j, index)
        np.testing.assert_array_equal(post(w[src]), full[j][index], err_msg=f"{name} {index}")
        if all(s.stop - s.start < n for s, n in zip(index, shape, strict=True)):  # a real sub-block
          assert w[src].size < w.size


def test_bf16_checkpoint_loads_as_bf16(tmp_path, monkeypatch):
  import ml_dtypes

  from archer_jax.loading import hf as hf_mod

  state = {k: v.astype(ml_dtypes.bfloat16) for k, v in llama_state().items()}
  d = write_hf(tmp_path / "bf16", LLAMA, state)
  read_dtypes = set()
  get_slice = hf_mod._Safetensors.get_slice

  def spy(self, key, index):
    out = get_slice(self, key, index)
    read_dtypes.add(out.dtype)
    return out

  monkeypatch.setattr(hf_mod._Safetensors, "get_slice", spy)
  _, p = load_hf(d, dtype="bfloat16")
  assert read_dtypes == {np.dtype(ml_dtypes.bfloat16)}  # never widened on read
  assert {x.dtype for x in jax.tree.leaves(p)} == {np.dtype(jax.numpy.bfloat16)}
  q = state["model.layers.1.self_attn.q_proj.weight"]
  np.testing.assert_array_equal(
    np.asarray(p["layers"]["block"]["attn"]["q"]["kernel"][1]), q.T.reshape(32, 4, 8)
  )  # bit-exact
  _, p32 = load_hf(d, dtype="float32")
  f32 = write_hf(tmp_path / "f32", LLAMA, {k: v.astype(np.float32) for k, v in state.items()})
  assert_same_params(p32, load_hf(f32)[1])


PROCESS_SCRIPT = textwrap.dedent("""
    import json, sys
    import jax, numpy as np
    port, pid, path = sys.argv[1:4]
    jax.config.update("jax_cpu_collectives_implementation", "gloo")
    jax.distributed.initialize(f"127.0.0.1:{port}", num_processes=2, process_id=int(pid))
    from archer_jax.loading import hf
    from archer_jax.parallel.mesh import make_mesh
    read, whole = {}, {}
    get_slice = hf._Safetensors.get_slice
    def spy(self, key, index):
      out = get_slice(self, key, index)
      read[key] = read.get(key, 0) + out.size
      whole[key] = int(np.prod(self.shapes[key]))
      return out
    hf._Safetensors.get_slice = spy
    mesh = make_mesh((1, 2, 4))                   # fsdp spans the two processes
    _, params = hf.load_hf(path, dtype="bfloat16", mesh=mesh)
    share = {k: read[k] / whole[k] for k in read}
    local = make_mesh((1, 1, 1), devices=jax.local_devices()[:1])
    _, ref = hf.load_hf(path, dtype="bfloat16", mesh=local)
    for (k, x), y in zip(jax.tree_util.tree_leaves_with_path(params), jax.tree.leaves(ref)):
      assert x.dtype == np.dtype(jax.numpy.bfloat16), k
      assert len(x.addressable_shards) == 4 and not x.is_fully_addressable, k
      for s in x.addressable_shards:
        np.testing.assert_array_equal(np.asarray(s.data), np.asarray(y)[s.index])
    print(json.dumps({"share": share}))
""")


def test_each_process_reads_only_its_devices_blocks(tmp_path):
  import ml_dtypes

  state = {k: v.astype(ml_dtypes.bfloat16) for k, v in llama_state().items()}
  d = write_hf(tmp_path / "bf16", LLAMA, state)
  with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
  env = dict(os.environ, XLA_FLAGS="--xla_force_host_platform_device_count=4", JAX_PLATFORMS="cpu")
  procs = [
    subprocess.Popen(
      [sys.executable, "-c", PROCESS_SCRIPT, str(port), str(pid), str(d)],
      env=env,
      cwd=REPO,
      stdout=subprocess.PIPE,
      stderr=subprocess.PIPE,
      text=True,
    )
    for pid in (0, 1)
  ]
  for p in procs:
    out, err = p.communicate(timeout=240)
    assert p.returncode == 0, err[-4000:]
    share = json.loads(out.strip().splitlines()[-1])["share"]
    assert set(share) == set(state)
    # every Llama tensor has a hidden-size axis, sharded over fsdp = the two processes
    assert all(v == 0.5 for v in share.values()), share
