"""Whole-run checkpoints with orbax: every array of the RL state plus a JSON side-car.

The array tree holds the actor/critic train states, the target critic, the reference
policy, the replay buffer and the iteration's RNG key; the JSON holds the iteration and the
metrics history. Restores place each array straight into the sharding of the abstract tree
it is given (`jax.ShapeDtypeStruct(..., sharding=...)`), so no host gathers the model.
"""
from __future__ import annotations

import os
from typing import Any

import jax
import numpy as np
import orbax.checkpoint as ocp


def abstract_like(tree: Any) -> Any:
  """ShapeDtypeStructs (with the live arrays' shardings) describing `tree` for a restore."""
  def one(x):
    if isinstance(x, jax.Array):
      return jax.ShapeDtypeStruct(x.shape, x.dtype, sharding=x.sharding)
    return np.asarray(x)
  return jax.tree.map(one, tree)


class Checkpointer:
  """Thin wrapper over `ocp.CheckpointManager` (async off: a save is durable on return)."""

  def __init__(self, directory: str, max_to_keep: int = 2):
    self.directory = os.path.abspath(directory)
    self.manager = ocp.CheckpointManager(
        self.directory,
        options=ocp.CheckpointManagerOptions(max_to_keep=max_to_keep, create=True,
                                             enable_async_checkpointing=False))

  def latest_step(self) -> int | None:
    return self.manager.latest_step()

  def save(self, step: int, arrays: Any, meta: dict) -> None:
    self.manager.save(step, args=ocp.args.Composite(arrays=ocp.args.StandardSave(arrays),
                                                    meta=ocp.args.JsonSave(meta)), force=True)
    self.manager.wait_until_finished()

  def restore(self, step: int | None, like: Any) -> tuple[Any, dict]:
    """Restore into the shapes/dtypes/shardings of `like` (live arrays or abstract)."""
    step = self.latest_step() if step is None else step
    if step is None:
      raise FileNotFoundError(f"no checkpoint to resume from in {self.directory}")
    out = self.manager.restore(step, args=ocp.args.Composite(
        arrays=ocp.args.StandardRestore(abstract_like(like)), meta=ocp.args.JsonRestore()))
    return out["arrays"], out["meta"]

  def close(self) -> None:
    self.manager.close()
