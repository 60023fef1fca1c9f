"""GGUF files (llama.cpp) for the Llama family: metadata -> ModelConfig, tensors dequantised
with the `gguf` package, q/k rows un-permuted back to the HF rotate-half RoPE layout, then the
same generic loader as HF checkpoints (`hf.load_params`)."""

from __future__ import annotations

import contextlib
import functools
import os

import gguf
import numpy as np
from jax.sharding import Mesh

from archer_jax.loading import keymaps
from archer_jax.loading.hf import CheckpointError, load_params, make_config
from archer_jax.models import ModelConfig

# GGUF general.architecture -> whether llama.cpp permuted the q/k rows on conversion
ARCHITECTURES = {"llama": True, "mistral": True, "qwen2": False}


def reverse_permute(w: np.ndarray, n_head: int) -> np.ndarray:
  """Undo llama.cpp's q/k row permutation: rows [n_head, Dh/2, 2] -> [n_head, 2, Dh/2].

  w: [n_head * Dh, ...] (weights [out, in] or biases [out]); the inverse of
  `convert_hf_to_gguf.LlamaModel.permute` (transformers' `_reverse_permute_weights`).
  """
  dim = w.shape[0] // n_head // 2
  return w.reshape(n_head, dim, 2, *w.shape[1:]).swapaxes(2, 1).reshape(w.shape)


class FastGGUFReader(gguf.GGUFReader):
  """`gguf.GGUFReader` over a plain-ndarray view of its memmap: the same fields and tensors,
  but the metadata parse (~10^5 tokenizer strings, each sliced from the file) skips
  np.memmap's per-slice Python overhead, several times faster."""

  @property
  def data(self):
    return self._data

  @data.setter
  def data(self, value):
    self._data = value.view(np.ndarray) if isinstance(value, np.memmap) else value


def _field(reader, key: str, default=None):
  f = reader.fields.get(key)
  if f is None:
    return default
  v = f.contents()
  if f.types == [gguf.GGUFValueType.FLOAT32]:  # 1e-5 reads back as 9.99999974e-06
    v = float(str(np.float32(v)))
  return v


def open_gguf(path: str):
  """A gguf.GGUFReader over `path`, with clear errors for a missing or corrupt file."""
  path = os.fspath(path)
  if not os.path.exists(path):
    raise FileNotFoundError(f"GGUF file {path!r} does not exist")
  if not os.path.isfile(path):
    raise FileNotFoundError(f"{path!r} is not a file (expected a .gguf file)")
  with open(path, "rb") as f:
    magic = f.read(4)
  if magic != b"GGUF":
    raise CheckpointError(f"{path}: not a GGUF file (magic {magic!r}, expected b'GGUF')")
  try:
    return FastGGUFReader(path)
  except Exception as e:  # noqa: BLE001 - truncated / corrupt files fail in many ways
    raise CheckpointError(f"{path}: corrupt GGUF file ({type(e).__name__}: {e})") from e


def config_from_gguf(reader, *, source: str, **overrides) -> ModelConfig:
  """GGUF metadata (`{arch}.*` keys, tokenizer ids) -> ModelConfig."""
  arch = _field(reader, "general.architecture")
  if arch not in ARCHITECTURES:
    raise ValueError(
      f"{source}: unknown GGUF architecture {arch!r} (supported: {', '.join(ARCHITECTURES)})"
    )
  g = lambda k, d=None: _field(reader, f"{arch}.{k}", d)
  names = {t.name for t in reader.tensors}
  if "rope_freqs.weight" in names:
    raise ValueError(
      f"{source}: per-frequency RoPE factors (rope_freqs.weight, Llama 3.1 "
      "style GGUF) are not supported"
    )
  tokens = reader.fields.get("tokenizer.ggml.tokens")
  vocab = g("vocab_size") or (len(tokens.data) if tokens is not None else 0)
  if not vocab:
    raise ValueError(f"{source}: no {arch}.vocab_size and no tokenizer.ggml.tokens")
  scaling = None
  if g("rope.scaling.type") == "linear":
    scaling = (("factor", float(g("rope.scaling.factor"))), ("rope_type", "linear"))
  elif g("rope.scaling.type") not in (None, "none"):
    raise ValueError(f"{source}: unsupported rope scaling {g('rope.scaling.type')!r}")
  try:
    kw = dict(
      family="llama",
      vocab_size=int(vocab),
      hidden_size=int(g("embedding_length")),
      num_layers=int(g("block_count")),
      num_heads=int(g("attention.head_count")),
      num_kv_heads=int(g("attention.head_count_kv") or g("attention.head_count")),
      head_dim=int(g("attention.key_length")) if g("attention.key_length") else None,
      intermediate_size=int(g("feed_forward_length")),
      max_position_embeddings=int(g("context_length", 2048)),
      norm_eps=float(g("attention.layer_norm_rms_epsilon", 1e-5)),
      rope_theta=float(g("rope.freq_base", 10000.0)),
      rope_scaling=scaling,
      attention_bias="blk.0.attn_q.bias" in names,
      tie_embeddings="output.weight" not in names,
      activation="silu",
      bos_token_id=_field(reader, "tokenizer.ggml.bos_token_id"),
      eos_token_id=_field(reader, "tokenizer.ggml.eos_token_id"),
      pad_token_id=_field(reader, "tokenizer.ggml.padding_token_id"),
    )
  except TypeError as e:  # int(None): a required metadata key is absent
    raise ValueError(f"{source}: incomplete {arch}.* metadata ({e})") from e
  return make_config(kw, source=source, **overrides)


def load_gguf(
  path: str,
  *,
  dtype: str = "float32",
  scan_layers: bool = True,
  mesh: Mesh | None = None,
  **overrides,
) -> tuple[ModelConfig, dict]:
  """-> (ModelConfig, params) from a Llama-family GGUF file (any quantisation `gguf` can
  dequantise). Same arguments and params layout as `hf.load_hf`."""
  path = os.fspath(path)
  reader = open_gguf(path)
  cfg = config_from_gguf(
    reader,
    source=path,
    **{"dtype": dtype, "param_dtype": dtype, "scan_layers": scan_layers, **overrides},
  )
  permuted = ARCHITECTURES[_field(reader, "general.architecture")]
  tensors, shapes = {}, {}
  for t in reader.tensors:
    key = keymaps.gguf_to_hf_key(t.name) or t.name  # unknown names surface as unexpected
    tensors[key] = t
    shapes[key] = tuple(int(x) for x in reversed(t.shape))

  def get(key: str) -> np.ndarray:
    t = tensors[key]
    try:
      w = gguf.quants.dequantize(t.data, t.tensor_type)
      w = np.asarray(w, np.float32).reshape(shapes[key])
    except Exception as e:  # noqa: BLE001
      raise CheckpointError(
        f"{path}: cannot dequantise tensor {t.name} ({t.tensor_type.name}): {e}"
      ) from e
    if permuted and ".self_attn.q_proj." in key:
      w = reverse_permute(w, cfg.num_heads)
    elif permuted and ".self_attn.k_proj." in key:
      w = reverse_permute(w, cfg.kv_heads)
    return w

  return cfg, load_params(
    cfg, shapes, get, source=path, mesh=mesh, first_layers="num_layers" in overrides
  )


@contextlib.contextmanager
def fast_gguf_metadata():
  """Speed up transformers' own GGUF loading (used by parity tests and benchmarks): it parses
  the metadata (49k tokenizer strings) twice with gguf's memmap-backed reader and rebuilds the
  tensor-name map per tensor; swap in `FastGGUFReader` and a memoised name map (identical
  results)."""
  saved = gguf.GGUFReader, gguf.get_tensor_name_map
  gguf.GGUFReader = FastGGUFReader
  gguf.get_tensor_name_map = functools.lru_cache(maxsize=None)(saved[1])
  try:
    yield
  finally:
    gguf.GGUFReader, gguf.get_tensor_name_map = saved
