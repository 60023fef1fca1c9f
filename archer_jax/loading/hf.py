"""HF checkpoint directories (config.json + safetensors) and the one generic param loader.

`load_params` turns any name -> tensor source (safetensors here, GGUF in `gguf_file`) into
our parameter tree through the family's `keymaps` table: keys and shapes are checked
against the model's abstract tree before any tensor is read, then each converted array is
cast to the parameter dtype and placed straight into its target sharding (layer tensors
stacked along a leading [L] axis for scanned layers).

A source that reads slices (safetensors' `get_slice`) is read shard by shard: each process
reads only the blocks its own devices hold (`keymaps.window` maps a block of our array to
the block of the checkpoint tensor it comes from), so no host holds a whole tensor of a
sharded model. Tensors keep the checkpoint's dtype until the one cast to the parameter
dtype (bf16 checkpoints load as bf16 with no float32 copy).
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
from typing import Any, Callable, Mapping

import flax.linen as nn
import jax
import jax.numpy as jnp
import numpy as np
from flax import traverse_util
from jax.sharding import Mesh

from archer_jax.loading import keymaps
from archer_jax.models import ModelConfig, build_model
from archer_jax.parallel.mesh import make_mesh, tree_shardings

log = logging.getLogger(__name__)

# HF model_type -> our family
ARCHITECTURES = {
  "llama": "llama",
  "mistral": "llama",
  "qwen2": "llama",
  "gpt2": "gpt2",
  "bert": "bert",
  "roberta": "bert",
}

_ACTIVATIONS = {
  "gelu": "gelu",
  "gelu_new": "gelu_new",
  "gelu_pytorch_tanh": "gelu_new",
  "gelu_fast": "gelu_new",
  "relu": "relu",
  "silu": "silu",
  "swish": "silu",
}


class CheckpointError(ValueError):
  """A checkpoint whose files, keys or shapes do not fit the model it describes."""


def _listing(items, n: int = 5) -> str:
  items = list(items)
  more = f" ... (+{len(items) - n} more)" if len(items) > n else ""
  return ", ".join(repr(x) for x in items[:n]) + more


# ---- config -------------------------------------------------------------------------------
def _rope(hf: Mapping, source: str) -> tuple[float, tuple | None]:
  """(rope_theta, sorted rope_scaling items or None) from v4 (`rope_theta` + `rope_scaling`)
  or v5 (`rope_parameters`) transformers configs."""
  params = dict(hf.get("rope_parameters") or {})
  params.update(hf.get("rope_scaling") or {})
  theta = float(hf.get("rope_theta", params.get("rope_theta", 10000.0)))
  params.pop("rope_theta", None)
  kind = params.get("rope_type", params.get("type", "default"))
  if kind in ("default", None):
    return theta, None
  if kind not in ("linear", "llama3"):
    raise ValueError(
      f"{source}: unsupported rope scaling type {kind!r} (supported: default, linear, llama3)"
    )
  hashable = lambda v: tuple(v) if isinstance(v, list) else v
  return theta, tuple(sorted((k, hashable(v)) for k, v in params.items()))


def _activation(name: str, source: str) -> str:
  if name not in _ACTIVATIONS:
    raise ValueError(f"{source}: unsupported activation {name!r}")
  return _ACTIVATIONS[name]


def _first(v):
  return v[0] if isinstance(v, (list, tuple)) else v


def make_config(kw: dict, *, source: str, **overrides) -> ModelConfig:
  """ModelConfig(**kw) with `overrides` applied; bad fields or values raise ValueError
  naming `source`."""
  fields = {f.name for f in dataclasses.fields(ModelConfig)}
  unknown = sorted(set(overrides) - fields)
  if unknown:
    raise ValueError(
      f"{source}: unknown ModelConfig override(s) {unknown}; valid: {sorted(fields)}"
    )
  kw = {k: v for k, v in kw.items() if v is not None or k in ("num_kv_heads", "head_dim")}
  kw.update(overrides)
  try:
    return ModelConfig(**kw)
  except (TypeError, ValueError) as e:
    raise ValueError(f"{source}: {e}") from e


def config_from_hf(
  hf_config: Mapping[str, Any], *, source: str = "config.json", **overrides
) -> ModelConfig:
  """An HF config.json dict -> ModelConfig; `overrides` replace any field afterwards.

  model_type: llama / mistral / qwen2 (family "llama"), gpt2, bert / roberta (family
  "bert"). Raises ValueError naming `source` for an unknown model_type or a feature the
  model stack does not implement (Llama o_proj / MLP biases, non-absolute BERT positions,
  GPT-2 layer-index attention scaling, rope types other than linear / llama3).
  Mistral / Qwen2 sliding windows are ignored (exact for sequences within the window).
  """
  hf = dict(hf_config)
  mt = hf.get("model_type")
  if mt not in ARCHITECTURES:
    raise ValueError(
      f"{source}: unknown architecture model_type={mt!r} (supported: "
      f"{', '.join(sorted(ARCHITECTURES))})"
    )
  family = ARCHITECTURES[mt]
  kw: dict[str, Any] = dict(family=family)
  if family == "llama":
    if mt != "qwen2" and hf.get("attention_bias"):
      raise ValueError(
        f"{source}: attention_bias=True (biases on q/k/v and o_proj) is not "
        f"supported for model_type {mt!r}"
      )
    if hf.get("mlp_bias"):
      raise ValueError(f"{source}: mlp_bias=True is not supported")
    if _activation(hf.get("hidden_act", "silu"), source) != "silu":
      raise ValueError(
        f"{source}: the Llama family needs hidden_act 'silu', got {hf.get('hidden_act')!r}"
      )
    theta, scaling = _rope(hf, source)
    kw.update(
      vocab_size=hf["vocab_size"],
      hidden_size=hf["hidden_size"],
      num_layers=hf["num_hidden_layers"],
      num_heads=hf["num_attention_heads"],
      num_kv_heads=hf.get("num_key_value_heads"),
      head_dim=hf.get("head_dim"),
      intermediate_size=hf["intermediate_size"],
      max_position_embeddings=hf.get("max_position_embeddings", 2048),
      norm_eps=hf.get("rms_norm_eps", 1e-6),
      rope_theta=theta,
      rope_scaling=scaling,
      attention_bias=mt == "qwen2",
      tie_embeddings=bool(hf.get("tie_word_embeddings", False)),
      activation="silu",
    )
  elif family == "gpt2":
    if hf.get("scale_attn_by_inverse_layer_idx") or not hf.get("scale_attn_weights", True):
      raise ValueError(f"{source}: GPT-2 attention scaling variants are not supported")
    d = hf["n_embd"]
    kw.update(
      vocab_size=hf["vocab_size"],
      hidden_size=d,
      num_layers=hf["n_layer"],
      num_heads=hf["n_head"],
      intermediate_size=hf.get("n_inner") or 4 * d,
      max_position_embeddings=hf.get("n_positions", 1024),
      norm_eps=hf.get("layer_norm_epsilon", 1e-5),
      tie_embeddings=bool(hf.get("tie_word_embeddings", True)),
      activation=_activation(hf.get("activation_function", "gelu_new"), source),
    )
  else:
    if hf.get("position_embedding_type", "absolute") != "absolute":
      raise ValueError(
        f"{source}: position_embedding_type "
        f"{hf['position_embedding_type']!r} is not supported (absolute only)"
      )
    kw.update(
      vocab_size=hf["vocab_size"],
      hidden_size=hf["hidden_size"],
      num_layers=hf["num_hidden_layers"],
      num_heads=hf["num_attention_heads"],
      intermediate_size=hf["intermediate_size"],
      max_position_embeddings=hf.get("max_position_embeddings", 512),
      norm_eps=hf.get("layer_norm_eps", 1e-12),
      type_vocab_size=hf.get("type_vocab_size", 2),
      activation=_activation(hf.get("hidden_act", "gelu"), source),
      # RoBERTa counts positions from padding_idx + 1 (its table includes the offset)
      position_offset=hf.get("pad_token_id", 1) + 1 if mt == "roberta" else 0,
    )
  for k in ("bos_token_id", "eos_token_id", "pad_token_id"):
    kw[k] = _first(hf.get(k))
  return make_config(kw, source=source, **overrides)


# ---- the generic loader --------------------------------------------------------------------
def default_mesh() -> Mesh:
  """A (1, 1, 1) mesh over the first device."""
  return make_mesh((1, 1, 1), devices=jax.devices()[:1])


def abstract_params(cfg: ModelConfig):
  """The model's boxed abstract param tree (shapes, dtypes and logical axis names)."""
  model = build_model(cfg)
  return jax.eval_shape(model.init, jax.random.PRNGKey(0), jnp.zeros((1, 1), jnp.int32))["params"]


def _place(arr: np.ndarray, sharding) -> jax.Array:
  if jax.process_count() == 1:
    return jax.device_put(arr, sharding)
  return jax.make_array_from_callback(arr.shape, sharding, lambda idx: arr[idx])


def _as_dtype(arr: np.ndarray, dtype) -> np.ndarray:
  """Cast, and own the memory (never alias a memory-mapped checkpoint)."""
  out = np.asarray(arr, dtype=dtype)
  return out if out.flags.owndata and out.flags.c_contiguous else np.array(out, order="C")


def _normalise(index: tuple, shape: tuple[int, ...]) -> tuple[slice, ...]:
  """A device's index (slices with None bounds) -> unit-step slices with int bounds."""
  return tuple(slice(*s.indices(n)[:2]) for s, n in zip(index, shape, strict=True))


def _sharded(shape, dtype, sharding, read: Callable[[tuple[slice, ...]], np.ndarray]) -> jax.Array:
  """A global array built from the blocks this process's devices hold, each read once."""
  blocks: dict[tuple, np.ndarray] = {}

  def block(index):
    index = _normalise(index, shape)
    key = tuple((s.start, s.stop) for s in index)
    if key not in blocks:
      blocks[key] = _as_dtype(read(index), dtype)
    return blocks[key]

  return jax.make_array_from_callback(tuple(shape), sharding, block)


def load_params(
  cfg: ModelConfig,
  shapes: Mapping[str, tuple[int, ...]],
  get: Callable[[str], np.ndarray],
  *,
  source: str,
  mesh: Mesh | None = None,
  get_slice: Callable[[str, tuple[slice, ...]], np.ndarray] | None = None,
  first_layers: bool = False,
) -> dict:
  """Checkpoint tensors -> params, unboxed, in the exact tree of
  `nn.meta.unbox(build_model(cfg).init(...))["params"]` (scanned: layers/block/... with a
  leading [L] axis; else layers/layers_i/...), each leaf placed in its mesh sharding.

  shapes: checkpoint key -> shape (PyTorch layout); get: key -> np.ndarray; get_slice:
  (key, slices) -> that block of the tensor, when the source can read blocks (then each
  process reads only what its devices hold). first_layers: a checkpoint deeper than
  `cfg.num_layers` gives its first `cfg.num_layers` layers (else its extra layers are an
  error). Everything is validated before the first read. Raises CheckpointError naming
  `source` on missing, unexpected or mis-shaped keys.
  """
  keymap = keymaps.KEYMAPS[cfg.family]
  mesh = mesh if mesh is not None else default_mesh()
  abstract = abstract_params(cfg)
  targets = traverse_util.flatten_dict(nn.meta.unbox(abstract), sep="/")
  shardings = traverse_util.flatten_dict(tree_shardings(abstract, mesh), sep="/")

  def full_path(rel: str, layer: int | None) -> str:
    if layer is None:
      return rel
    return f"layers/block/{rel}" if cfg.scan_layers else f"layers/layers_{layer}/{rel}"

  def layer_shape(rel: str, layer: int | None) -> tuple[int, ...]:
    shape = tuple(targets[full_path(rel, layer)].shape)
    return shape[1:] if layer is not None and cfg.scan_layers else shape

  try:
    found, ignored, unmatched = keymaps.match_keys(keymap, shapes.keys())
  except ValueError as e:
    raise CheckpointError(f"{source}: {e}") from e
  layers = list(range(cfg.num_layers))
  unexpected = list(unmatched)
  used_rules, covered = [], set()
  for r, rule in enumerate(keymap.rules):
    slots = layers if rule.per_layer else [None]
    if full_path(rule.paths[0], slots[0]) not in targets:
      extra = [k for s, k in found.items() if s.rule == r]
      (ignored if rule.optional else unexpected).extend(extra)
      continue
    used_rules.append(r)
    covered.update(full_path(p, s) for p in rule.paths for s in slots)
  deeper = [k for s, k in found.items() if s.layer is not None and s.layer >= cfg.num_layers]
  (ignored if first_layers else unexpected).extend(deeper)
  if unexpected:
    raise CheckpointError(
      f"{source}: unexpected checkpoint keys for this {cfg.family} config "
      f"({cfg.num_layers} layers): {_listing(sorted(set(unexpected)))}"
    )
  missing = [
    keymap.rules[r].key.format(i=i)
    for r in used_rules
    for i in (layers if keymap.rules[r].per_layer else [None])
    if keymaps.Match(r, i) not in found
  ]
  if missing:
    hint = ""
    if any(m.startswith("pooler.") for m in missing):
      hint = "; this encoder has no pooler: load it with pooling='mean' or 'cls'"
    elif "lm_head.weight" in missing:
      hint = "; the config says the LM head is untied (tie_word_embeddings=False)"
    pre = f" (after the optional prefix {'/'.join(keymap.prefixes)})" if keymap.prefixes else ""
    raise CheckpointError(f"{source}: missing checkpoint keys{pre}: {_listing(missing)}{hint}")
  if ignored:
    log.debug(
      "%s: ignoring %d checkpoint keys our model does not use: %s",
      source,
      len(ignored),
      _listing(sorted(ignored)),
    )
  uncovered = sorted(set(targets) - covered)
  if uncovered:
    raise CheckpointError(f"{source}: no checkpoint key maps to parameters {_listing(uncovered)}")
  bad = []
  for r in used_rules:
    rule = keymap.rules[r]
    for i in layers if rule.per_layer else [None]:
      key = found[keymaps.Match(r, i)]
      want = tuple(rule.transform.source_shape([layer_shape(p, i) for p in rule.paths]))
      got = tuple(int(x) for x in shapes[key])
      if want != got:
        bad.append(f"{key!r}: expected {want}, got {got}")
  if bad:
    raise CheckpointError(
      f"{source}: shape mismatch: "
      + "; ".join(bad[:5])
      + (f" ... (+{len(bad) - 5} more)" if len(bad) > 5 else "")
    )

  flat: dict[str, jax.Array] = {}
  for r in used_rules:
    rule = keymap.rules[r]
    slots = layers if rule.per_layer else [None]
    if get_slice is not None and rule.transform.layout is not None:
      for j, p in enumerate(rule.paths):
        stacked = rule.per_layer and cfg.scan_layers
        for i in [slots[0]] if stacked else slots:
          keys = [found[keymaps.Match(r, s)] for s in (slots if stacked else [i])]
          subs = [layer_shape(q, i) for q in rule.paths]

          def read(index, keys=keys, subs=subs, j=j, stacked=stacked, t=rule.transform):
            outer, index = (index[0], index[1:]) if stacked else (slice(0, 1), index)
            src, post = keymaps.window(t, subs, j, index)
            parts = [post(get_slice(k, src)) for k in keys[outer]]
            return np.stack(parts) if stacked else parts[0]

          path = full_path(p, i)
          flat[path] = _sharded(targets[path].shape, targets[path].dtype, shardings[path], read)
      continue
    stacks: dict[str, list[np.ndarray]] = {p: [] for p in rule.paths}
    for i in slots:
      w = get(found[keymaps.Match(r, i)])
      outs = rule.transform.fwd(w, [layer_shape(p, i) for p in rule.paths])
      for p, a in zip(rule.paths, outs, strict=True):
        path = full_path(p, i)
        if i is not None and cfg.scan_layers:
          stacks[p].append(a)
        else:
          flat[path] = _place(_as_dtype(a, targets[path].dtype), shardings[path])
    if rule.per_layer and cfg.scan_layers:
      for p, parts in stacks.items():
        path = full_path(p, 0)
        arr = _as_dtype(np.stack(parts), targets[path].dtype)
        del parts[:]
        flat[path] = _place(arr, shardings[path])
  return traverse_util.unflatten_dict(flat, sep="/")


# ---- HF directories -------------------------------------------------------------------------
def read_hf_config(path: str) -> dict:
  """config.json of an HF checkpoint directory (clear errors for a missing dir / file)."""
  if not os.path.exists(path):
    raise FileNotFoundError(f"model directory {path!r} does not exist")
  if not os.path.isdir(path):
    raise FileNotFoundError(
      f"{path!r} is not a directory (an HF checkpoint is a directory "
      "with config.json and model.safetensors; GGUF files end in .gguf)"
    )
  cfg_file = os.path.join(path, "config.json")
  if not os.path.exists(cfg_file):
    raise FileNotFoundError(f"{cfg_file} is missing (an HF checkpoint needs config.json)")
  try:
    with open(cfg_file) as f:
      return json.load(f)
  except (json.JSONDecodeError, UnicodeDecodeError) as e:
    raise ValueError(f"{cfg_file} is not valid JSON: {e}") from e


def _safetensors_files(path: str) -> list[str]:
  index = os.path.join(path, "model.safetensors.index.json")
  single = os.path.join(path, "model.safetensors")
  if os.path.exists(index):
    try:
      with open(index) as f:
        weight_map = json.load(f)["weight_map"]
    except (json.JSONDecodeError, KeyError, TypeError) as e:
      raise CheckpointError(f"{index} is not a valid safetensors index: {e!r}") from e
    files = [os.path.join(path, f) for f in sorted(set(weight_map.values()))]
    for fp in files:
      if not os.path.exists(fp):
        raise FileNotFoundError(f"{fp} (listed in {index}) is missing")
    return files
  if os.path.exists(single):
    return [single]
  raise FileNotFoundError(
    f"{path}: no model.safetensors or model.safetensors.index.json "
    "(only safetensors checkpoints are read)"
  )


class _Safetensors:
  """name -> shape / array over one or more safetensors files, errors naming the file."""

  def __init__(self, files: list[str]):
    from safetensors import safe_open

    self.handles, self.owner, self.shapes = {}, {}, {}
    for fp in files:
      try:
        h = safe_open(fp, framework="numpy")
        for k in h.keys():
          if k in self.owner:
            raise CheckpointError(f"{fp}: key {k!r} also in {self.owner[k]}")
          self.owner[k] = fp
          self.shapes[k] = tuple(h.get_slice(k).get_shape())
      except CheckpointError:
        raise
      except Exception as e:  # noqa: BLE001 - safetensors raises several types on bad bytes
        raise CheckpointError(f"{fp}: corrupt safetensors file ({type(e).__name__}: {e})") from e
      self.handles[fp] = h

  def get(self, key: str) -> np.ndarray:
    fp = self.owner[key]
    try:
      return self.handles[fp].get_tensor(key)
    except Exception as e:  # noqa: BLE001
      raise CheckpointError(f"{fp}: cannot read tensor {key!r} ({type(e).__name__}: {e})") from e

  def get_slice(self, key: str, index: tuple[slice, ...]) -> np.ndarray:
    """One block of a tensor; only its bytes are read from the (memory-mapped) file."""
    if not index:
      return self.get(key)
    fp = self.owner[key]
    try:
      return self.handles[fp].get_slice(key)[index]
    except Exception as e:  # noqa: BLE001
      raise CheckpointError(
        f"{fp}: cannot read {key!r}{list(index)} ({type(e).__name__}: {e})"
      ) from e


def load_hf(
  path: str,
  *,
  dtype: str = "float32",
  scan_layers: bool = True,
  mesh: Mesh | None = None,
  **overrides,
) -> tuple[ModelConfig, dict]:
  """-> (ModelConfig, params) from an HF checkpoint directory.

  Reads config.json and model.safetensors (or a sharded model.safetensors.index.json).
  `dtype` sets both the compute and parameter dtype (override `param_dtype=` to keep, e.g.,
  float32 master weights); `overrides` replace any other ModelConfig field (e.g.
  pooling="mean"; num_layers=N below the checkpoint's depth keeps its first N layers).
  Params are unboxed and placed in `mesh`'s shardings (default: the first device).
  """
  path = os.fspath(path)
  hf = read_hf_config(path)
  cfg_file = os.path.join(path, "config.json")
  cfg = config_from_hf(
    hf,
    source=cfg_file,
    **{"dtype": dtype, "param_dtype": dtype, "scan_layers": scan_layers, **overrides},
  )
  st = _Safetensors(_safetensors_files(path))
  return cfg, load_params(
    cfg,
    st.shapes,
    st.get,
    source=path,
    mesh=mesh,
    get_slice=st.get_slice,
    first_layers="num_layers" in overrides,
  )
