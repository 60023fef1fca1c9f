"""Device mesh, logical-axis rules and shardings.

Parameters and activations carry logical axis names; `RULES` maps each to mesh axes of a
(`data`, `fsdp`, `tensor`) mesh. A logical axis whose size does not divide by its mesh
axes falls back to replication for that array (e.g. 3 KV heads on a 2-way tensor axis).
"""

from __future__ import annotations

from typing import Any, Sequence

import flax.linen as nn
import jax
import numpy as np
from jax.sharding import AxisType, Mesh, NamedSharding
from jax.sharding import PartitionSpec as P

MESH_AXES = ("data", "fsdp", "tensor")

# logical axis -> mesh axes (None = replicated). One table for the whole project.
RULES: tuple[tuple[str, Any], ...] = (
  ("batch", ("data", "fsdp")),
  ("length", None),
  ("vocab", "tensor"),
  ("embed", "fsdp"),
  ("embed_out", None),
  ("heads", "tensor"),
  ("kv_heads", "tensor"),
  ("kv", None),
  ("mlp", "tensor"),
  ("layers", None),
  ("positions", None),
  ("head_hidden", "tensor"),
  ("lora", None),
)


def make_mesh(shape: Sequence[int] | str = (-1, 1, 1), devices=None) -> Mesh:
  """Mesh over (`data`, `fsdp`, `tensor`); shape like (2, 2, 2) or "2,2,2", one -1 allowed."""
  if isinstance(shape, str):
    shape = [int(s) for s in shape.split(",")]
  shape = list(shape)
  if len(shape) != 3:
    raise ValueError(f"mesh shape must have 3 entries (data, fsdp, tensor), got {shape}")
  devices = list(devices if devices is not None else jax.devices())
  n = len(devices)
  if shape.count(-1) > 1:
    raise ValueError(f"mesh shape {shape}: at most one -1")
  if -1 in shape:
    known = int(np.prod([s for s in shape if s != -1]))
    if n % known:
      raise ValueError(f"mesh shape {shape} does not fit {n} devices")
    shape[shape.index(-1)] = n // known
  if int(np.prod(shape)) != n:
    raise ValueError(f"mesh shape {shape} needs {int(np.prod(shape))} devices, have {n}")
  return jax.make_mesh(tuple(shape), MESH_AXES, axis_types=(AxisType.Auto,) * 3, devices=devices)


def _mesh_size(mesh: Mesh, axes) -> int:
  if axes is None:
    return 1
  axes = (axes,) if isinstance(axes, str) else axes
  return int(np.prod([mesh.shape[a] for a in axes]))


def logical_to_spec(
  names: Sequence[str | None], shape: Sequence[int], mesh: Mesh, rules=RULES
) -> P:
  """Logical names of one array -> PartitionSpec, replicating non-divisible dims and never
  using a mesh axis twice."""
  table = dict(rules)
  used: set[str] = set()
  out = []
  for name, dim in zip(names, shape, strict=True):
    if name is not None and name not in table:
      raise KeyError(f"logical axis {name!r} has no sharding rule in parallel.mesh.RULES")
    axes = table.get(name) if name is not None else None
    if axes is not None:
      tup = (axes,) if isinstance(axes, str) else tuple(axes)
      tup = tuple(a for a in tup if a not in used and mesh.shape.get(a, 1) > 1)
      if not tup or dim % _mesh_size(mesh, tup):
        axes = None
      else:
        used.update(tup)
        axes = tup[0] if len(tup) == 1 else tup
    out.append(axes)
  return P(*out)


def tree_shardings(abstract_boxed: Any, mesh: Mesh, rules=RULES) -> Any:
  """Shardings for a (possibly `nn.Partitioned`-boxed) abstract tree; unboxed leaves that
  carry no names are replicated."""

  def one(leaf):
    if isinstance(leaf, nn.LogicallyPartitioned) or isinstance(leaf, nn.Partitioned):
      if not hasattr(leaf.value, "shape"):  # e.g. optax's MaskedNode of a frozen leaf
        return leaf.value
      shape = leaf.value.shape
      return NamedSharding(mesh, logical_to_spec(leaf.names, shape, mesh, rules))
    return NamedSharding(mesh, P())

  return jax.tree.map(
    one, abstract_boxed, is_leaf=lambda x: isinstance(x, (nn.Partitioned, nn.LogicallyPartitioned))
  )


def data_sharding(mesh: Mesh, ndim: int) -> NamedSharding:
  """Batch-major arrays: leading dim over (data, fsdp), the rest replicated."""
  return NamedSharding(mesh, P(("data", "fsdp"), *([None] * (ndim - 1))))


def replicated(mesh: Mesh) -> NamedSharding:
  return NamedSharding(mesh, P())


def activation_rules(rules=RULES):
  """The rules in the form `nn.logical_axis_rules` expects (for with_logical_constraint)."""
  return tuple((k, v) for k, v in rules)


def to_host(tree):
  """Device arrays -> numpy, on every process. One process: `jax.device_get`. Several (a
  pod slice, multi-node GPUs): arrays sharded over other hosts' devices are all-gathered
  first, so every process's host loop sees the same global values."""
  if jax.process_count() == 1:
    return jax.device_get(tree)
  from jax.experimental import multihost_utils

  def one(x):
    if isinstance(x, jax.Array) and not x.is_fully_addressable:
      return np.asarray(multihost_utils.process_allgather(x, tiled=True))
    return np.asarray(jax.device_get(x))

  return jax.tree.map(one, tree)
