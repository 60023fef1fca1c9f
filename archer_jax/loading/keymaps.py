"""Declarative checkpoint-key tables, one per model family.

Each `Rule` maps one checkpoint key (a template; `{i}` is the layer index and becomes the
regex group `(?P<i>\\d+)`) to one or more of our parameter paths ("/"-joined, relative to
the layer for layer rules) through a `Transform`. Keys are matched after an optional
wrapper prefix (`model.`, `transformer.`, `bert.`, `roberta.`), so task-head checkpoints
(`LlamaForCausalLM`, `GPT2LMHeadModel`, `BertForMaskedLM`, ...) and bare backbones
(`LlamaModel`, `GPT2Model`, `BertModel`) share one table. The single generic loader is
`archer_jax.loading.hf.load_params`.

Layouts. PyTorch `Linear.weight` is [out, in]; GPT-2's `Conv1D.weight` is [in, out]. Ours:
q/k/v kernels [D, H, Dh] / [D, KVH, Dh], q/k/v biases [H, Dh], o kernel [H, Dh, D], dense
kernels [in, out], embeddings [V, D].
"""

from __future__ import annotations

import math
import re
from typing import Callable, NamedTuple, Sequence

import numpy as np

Shape = tuple[int, ...]


class Transform(NamedTuple):
  """Checkpoint array -> our arrays, given our (per-layer) target shapes.

  fwd(w, targets) -> tuple of arrays, one per target path.
  source_shape(targets) -> the checkpoint shape this transform expects (checked before any
  tensor is read, so a mismatch is reported in the checkpoint's own layout).
  layout(targets, j) -> (groups, offsets) for target j: source axis a holds the target axes
  `groups[a]` flattened row-major, starting at element `offsets[a]` (fused tensors). It lets
  a loader read only a block of the checkpoint tensor (`window`); None: whole reads only.
  """

  name: str
  fwd: Callable[[np.ndarray, Sequence[Shape]], tuple[np.ndarray, ...]]
  source_shape: Callable[[Sequence[Shape]], Shape]
  layout: (
    Callable[[Sequence[Shape], int], tuple[tuple[tuple[int, ...], ...], tuple[int, ...]]] | None
  ) = None


def _n(shape) -> int:
  return int(math.prod(shape))


def _split_last(w: np.ndarray, sizes: Sequence[int]) -> list[np.ndarray]:
  return np.split(w, np.cumsum(sizes)[:-1], axis=-1)


def window(
  transform: Transform, targets: Sequence[Shape], j: int, index: Sequence[slice]
) -> tuple[tuple[slice, ...], Callable[[np.ndarray], np.ndarray]]:
  """Where target j's block `index` (unit-step slices with int bounds) lies in the checkpoint
  tensor: (source slices, source block -> our block). A source axis that flattens several
  target axes is read in whole rows of the leading one (all Dh of each head), so a block
  that slices a trailing axis reads a little more than it keeps."""
  groups, offsets = transform.layout(targets, j)
  shape = targets[j]
  src, block, order = [], [], []
  for group, offset in zip(groups, offsets, strict=True):
    inner = _n([shape[a] for a in group[1:]])
    lead = index[group[0]]
    src.append(slice(offset + lead.start * inner, offset + lead.stop * inner))
    block += [lead.stop - lead.start] + [shape[a] for a in group[1:]]
    order += list(group)
  leads = {g[0] for g in groups}
  rest = tuple(slice(None) if a in leads else index[a] for a in range(len(shape)))

  def post(w: np.ndarray) -> np.ndarray:
    return w.reshape(block).transpose(np.argsort(order))[rest]

  return tuple(src), post


def _layout(*groups: tuple[int, ...]):
  return lambda t, j: (groups, (0,) * len(groups))


def _identity_layout(t, j):
  return tuple((a,) for a in range(len(t[j]))), (0,) * len(t[j])


def _fused_layout(*groups: tuple[int, ...], axis: int):
  """Targets concatenated along source `axis`: target j starts after the earlier ones."""

  def layout(t, j):
    offset = sum(_n([s[a] for a in groups[axis]]) for s in t[:j])
    return groups, tuple(offset if a == axis else 0 for a in range(len(groups)))

  return layout


NONE = Transform("none", lambda w, t: (w,), lambda t: tuple(t[0]), _identity_layout)
# Linear [out, in] -> [in, out]
TRANSPOSE = Transform(
  "transpose", lambda w, t: (w.T,), lambda t: tuple(t[0])[::-1], _layout((1,), (0,))
)
# Linear [H*Dh, D] -> [D, H, Dh]
LINEAR_TO_HEADS = Transform(
  "linear_to_heads",
  lambda w, t: (w.T.reshape(t[0]),),
  lambda t: (_n(t[0][1:]), t[0][0]),
  _layout((1, 2), (0,)),
)
# Linear [D, H*Dh] -> [H, Dh, D]
LINEAR_FROM_HEADS = Transform(
  "linear_from_heads",
  lambda w, t: (w.T.reshape(t[0]),),
  lambda t: (t[0][-1], _n(t[0][:-1])),
  _layout((2,), (0, 1)),
)
# bias [H*Dh] -> [H, Dh]
BIAS_TO_HEADS = Transform(
  "bias_to_heads", lambda w, t: (w.reshape(t[0]),), lambda t: (_n(t[0]),), _layout((0, 1))
)
# Conv1D [H*Dh, D] -> [H, Dh, D]
CONV_FROM_HEADS = Transform(
  "conv_from_heads",
  lambda w, t: (w.reshape(t[0]),),
  lambda t: (_n(t[0][:-1]), t[0][-1]),
  _layout((0, 1), (2,)),
)
# fused Conv1D [D, (H + 2 KVH) * Dh] -> q [D, H, Dh], k, v [D, KVH, Dh]
CONV_SPLIT_HEADS = Transform(
  "conv_split_heads",
  lambda w, t: tuple(
    p.reshape(s) for p, s in zip(_split_last(w, [_n(s[1:]) for s in t]), t, strict=True)
  ),
  lambda t: (t[0][0], sum(_n(s[1:]) for s in t)),
  _fused_layout((0,), (1, 2), axis=1),
)
# fused bias [(H + 2 KVH) * Dh] -> q [H, Dh], k, v [KVH, Dh]
BIAS_SPLIT_HEADS = Transform(
  "bias_split_heads",
  lambda w, t: tuple(
    p.reshape(s) for p, s in zip(_split_last(w, [_n(s) for s in t]), t, strict=True)
  ),
  lambda t: (sum(_n(s) for s in t),),
  _fused_layout((0, 1), axis=0),
)


class Rule(NamedTuple):
  """One checkpoint key -> our parameter path(s).

  key: template, `{i}` = layer index (a layer rule); paths: ours, relative to the layer for
  layer rules; optional: the key is dropped when our model has no such parameter (tied LM
  head saved anyway, a pooler the chosen pooling does not use).
  """

  key: str
  paths: tuple[str, ...]
  transform: Transform
  optional: bool = False

  @property
  def per_layer(self) -> bool:
    return "{i}" in self.key


class KeyMap(NamedTuple):
  """A family's table. prefixes: wrapper prefixes a key may carry; ignore: regexes of keys
  that hold nothing our model uses (buffers, task heads); aliases: old suffix spellings."""

  family: str
  prefixes: tuple[str, ...]
  rules: tuple[Rule, ...]
  ignore: tuple[str, ...] = ()
  aliases: tuple[tuple[str, str], ...] = ()


def _r(key: str, paths, transform: Transform, optional: bool = False) -> Rule:
  return Rule(key, (paths,) if isinstance(paths, str) else tuple(paths), transform, optional)


LLAMA = KeyMap(
  family="llama",
  prefixes=("model.",),
  rules=(
    _r("embed_tokens.weight", "embed/embedding", NONE),
    _r("norm.weight", "final_norm/scale", NONE),
    _r("lm_head.weight", "lm_head/kernel", TRANSPOSE, optional=True),
    _r("layers.{i}.input_layernorm.weight", "norm1/scale", NONE),
    _r("layers.{i}.post_attention_layernorm.weight", "norm2/scale", NONE),
    _r("layers.{i}.self_attn.q_proj.weight", "attn/q/kernel", LINEAR_TO_HEADS),
    _r("layers.{i}.self_attn.k_proj.weight", "attn/k/kernel", LINEAR_TO_HEADS),
    _r("layers.{i}.self_attn.v_proj.weight", "attn/v/kernel", LINEAR_TO_HEADS),
    _r("layers.{i}.self_attn.q_proj.bias", "attn/q/bias", BIAS_TO_HEADS),  # Qwen2
    _r("layers.{i}.self_attn.k_proj.bias", "attn/k/bias", BIAS_TO_HEADS),
    _r("layers.{i}.self_attn.v_proj.bias", "attn/v/bias", BIAS_TO_HEADS),
    _r("layers.{i}.self_attn.o_proj.weight", "attn/o/kernel", LINEAR_FROM_HEADS),
    _r("layers.{i}.mlp.gate_proj.weight", "mlp/gate/kernel", TRANSPOSE),
    _r("layers.{i}.mlp.up_proj.weight", "mlp/up/kernel", TRANSPOSE),
    _r("layers.{i}.mlp.down_proj.weight", "mlp/down/kernel", TRANSPOSE),
  ),
  ignore=(r"layers\.\d+\.self_attn\.rotary_emb\.inv_freq",),
)

GPT2 = KeyMap(
  family="gpt2",
  prefixes=("transformer.",),
  rules=(
    _r("wte.weight", "embed/embedding", NONE),
    _r("wpe.weight", "pos_embed/embedding", NONE),
    _r("ln_f.weight", "final_norm/scale", NONE),
    _r("ln_f.bias", "final_norm/bias", NONE),
    _r("lm_head.weight", "lm_head/kernel", TRANSPOSE, optional=True),
    _r("h.{i}.ln_1.weight", "norm1/scale", NONE),
    _r("h.{i}.ln_1.bias", "norm1/bias", NONE),
    _r("h.{i}.ln_2.weight", "norm2/scale", NONE),
    _r("h.{i}.ln_2.bias", "norm2/bias", NONE),
    _r(
      "h.{i}.attn.c_attn.weight",
      ("attn/q/kernel", "attn/k/kernel", "attn/v/kernel"),
      CONV_SPLIT_HEADS,
    ),
    _r("h.{i}.attn.c_attn.bias", ("attn/q/bias", "attn/k/bias", "attn/v/bias"), BIAS_SPLIT_HEADS),
    _r("h.{i}.attn.c_proj.weight", "attn/o/kernel", CONV_FROM_HEADS),
    _r("h.{i}.attn.c_proj.bias", "attn/o/bias", NONE),
    _r("h.{i}.mlp.c_fc.weight", "mlp/fc/kernel", NONE),  # Conv1D is [in, out]
    _r("h.{i}.mlp.c_fc.bias", "mlp/fc/bias", NONE),
    _r("h.{i}.mlp.c_proj.weight", "mlp/proj/kernel", NONE),
    _r("h.{i}.mlp.c_proj.bias", "mlp/proj/bias", NONE),
  ),
  # causal-mask buffers of older GPT-2 checkpoints
  ignore=(r"h\.\d+\.attn\.(masked_)?bias",),
)

_L = "encoder.layer.{i}."
BERT = KeyMap(
  family="bert",
  prefixes=("bert.", "roberta."),
  rules=(
    _r("embeddings.word_embeddings.weight", "embed/embedding", NONE),
    _r("embeddings.position_embeddings.weight", "pos_embed/embedding", NONE),
    _r("embeddings.token_type_embeddings.weight", "type_embed/embedding", NONE),
    _r("embeddings.LayerNorm.weight", "embed_norm/scale", NONE),
    _r("embeddings.LayerNorm.bias", "embed_norm/bias", NONE),
    _r("pooler.dense.weight", "pooler/kernel", TRANSPOSE, optional=True),
    _r("pooler.dense.bias", "pooler/bias", NONE, optional=True),
    _r(_L + "attention.self.query.weight", "attn/q/kernel", LINEAR_TO_HEADS),
    _r(_L + "attention.self.query.bias", "attn/q/bias", BIAS_TO_HEADS),
    _r(_L + "attention.self.key.weight", "attn/k/kernel", LINEAR_TO_HEADS),
    _r(_L + "attention.self.key.bias", "attn/k/bias", BIAS_TO_HEADS),
    _r(_L + "attention.self.value.weight", "attn/v/kernel", LINEAR_TO_HEADS),
    _r(_L + "attention.self.value.bias", "attn/v/bias", BIAS_TO_HEADS),
    _r(_L + "attention.output.dense.weight", "attn/o/kernel", LINEAR_FROM_HEADS),
    _r(_L + "attention.output.dense.bias", "attn/o/bias", NONE),
    _r(_L + "attention.output.LayerNorm.weight", "norm1/scale", NONE),
    _r(_L + "attention.output.LayerNorm.bias", "norm1/bias", NONE),
    _r(_L + "intermediate.dense.weight", "mlp/fc/kernel", TRANSPOSE),
    _r(_L + "intermediate.dense.bias", "mlp/fc/bias", NONE),
    _r(_L + "output.dense.weight", "mlp/proj/kernel", TRANSPOSE),
    _r(_L + "output.dense.bias", "mlp/proj/bias", NONE),
    _r(_L + "output.LayerNorm.weight", "norm2/scale", NONE),
    _r(_L + "output.LayerNorm.bias", "norm2/bias", NONE),
  ),
  # buffers and the task heads of BertFor* / RobertaFor* checkpoints (backbone only)
  ignore=(r"embeddings\.position_ids", r"(cls|lm_head|classifier|qa_outputs)\..*"),
  aliases=((".gamma", ".weight"), (".beta", ".bias")),
)

KEYMAPS: dict[str, KeyMap] = {"llama": LLAMA, "gpt2": GPT2, "bert": BERT}

# llama.cpp tensor names -> HF Llama keys (unprefixed), for the Llama-family GGUF files
GGUF_LLAMA: dict[str, str] = {
  "token_embd.weight": "embed_tokens.weight",
  "output_norm.weight": "norm.weight",
  "output.weight": "lm_head.weight",
  "blk.{i}.attn_norm.weight": "layers.{i}.input_layernorm.weight",
  "blk.{i}.ffn_norm.weight": "layers.{i}.post_attention_layernorm.weight",
  "blk.{i}.attn_q.weight": "layers.{i}.self_attn.q_proj.weight",
  "blk.{i}.attn_k.weight": "layers.{i}.self_attn.k_proj.weight",
  "blk.{i}.attn_v.weight": "layers.{i}.self_attn.v_proj.weight",
  "blk.{i}.attn_q.bias": "layers.{i}.self_attn.q_proj.bias",
  "blk.{i}.attn_k.bias": "layers.{i}.self_attn.k_proj.bias",
  "blk.{i}.attn_v.bias": "layers.{i}.self_attn.v_proj.bias",
  "blk.{i}.attn_output.weight": "layers.{i}.self_attn.o_proj.weight",
  "blk.{i}.ffn_gate.weight": "layers.{i}.mlp.gate_proj.weight",
  "blk.{i}.ffn_up.weight": "layers.{i}.mlp.up_proj.weight",
  "blk.{i}.ffn_down.weight": "layers.{i}.mlp.down_proj.weight",
}


# ---- matching ----------------------------------------------------------------------------
def _prefix_re(prefixes: Sequence[str]) -> str:
  return "(?:" + "|".join(re.escape(p) for p in prefixes) + ")?" if prefixes else ""


def template_regex(template: str, prefixes: Sequence[str] = ()) -> re.Pattern:
  """Key template "a.{i}.b" -> regex ^(?:prefix)?a\\.(?P<i>\\d+)\\.b$."""
  body = re.escape(template).replace(re.escape("{i}"), r"(?P<i>\d+)")
  return re.compile(f"^{_prefix_re(prefixes)}{body}$")


class Match(NamedTuple):
  rule: int  # index into KeyMap.rules
  layer: int | None  # layer index for layer rules


def match_keys(keymap: KeyMap, keys) -> tuple[dict[Match, str], list[str], list[str]]:
  """Checkpoint keys -> ({(rule, layer): key}, ignored keys, unmatched keys).

  Raises ValueError when two keys land on the same slot (e.g. `x` and `model.x`).
  """
  regexes = [template_regex(r.key, keymap.prefixes) for r in keymap.rules]
  ignores = [re.compile(f"^{_prefix_re(keymap.prefixes)}(?:{p})$") for p in keymap.ignore]
  found: dict[Match, str] = {}
  ignored, unmatched = [], []
  for key in sorted(keys):
    canon = key
    for old, new in keymap.aliases:
      if canon.endswith(old):
        canon = canon[: -len(old)] + new
    for r, rx in enumerate(regexes):
      m = rx.match(canon)
      if m:
        slot = Match(r, int(m.group("i")) if "i" in rx.groupindex else None)
        if slot in found:
          raise ValueError(
            f"checkpoint keys {found[slot]!r} and {key!r} both hold "
            f"{keymap.rules[r].key.format(i=slot.layer)}"
          )
        found[slot] = key
        break
    else:
      (ignored if any(rx.match(canon) for rx in ignores) else unmatched).append(key)
  return found, ignored, unmatched


def gguf_to_hf_key(name: str, table: dict[str, str] = GGUF_LLAMA) -> str | None:
  """A llama.cpp tensor name -> the unprefixed HF key, or None when it has no counterpart."""
  for template, hf in table.items():
    m = template_regex(template).match(name)
    if m:
      return hf.format(i=m.group("i")) if "{i}" in template else hf
  return None
