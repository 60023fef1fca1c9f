"""A cache of BC warm-start results, shared by runs that would compute the same one.

Runs that differ only after the warm start (the algorithms of a comparison, a sweep over RL
hyper-parameters) train the same BC policy: same seed, demonstrations, initial weights and
BC settings. With `bc.cache_dir` set, the first such run stores its BC weights there under
a key that hashes all of those (the demonstration rows and the initial weights by value,
plus the jax version and backend); later runs load them instead of training. Results are
bit-identical either way: the warm start draws from its own random stream
(`rl_state.streams`), so nothing after it depends on whether it ran or was loaded.

Only the policy's weights are keyed and stored: a token-level value head (ArCHer's baseline,
PPO) gets no BC gradient, so Adam leaves it at its initial value, and runs with and without
one share an entry (`policy_params` / `with_policy`).

An entry is `KEY.msgpack`: the SHA-256 of the payload, then the payload (flax msgpack of
{"params", "bc_loss"}). A damaged or unreadable entry is recomputed with a warning.
Single-process runs only (a multi-host run trains its warm start as usual).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import uuid
from typing import Any

import jax
import numpy as np
from etils import epath
from flax import serialization

from archer_jax.training import paths
from archer_jax.training.rl_state import warm_seed

log = logging.getLogger(__name__)
_BC_FIELDS = (
  "episodes",
  "steps",
  "batch_size",
  "micro_batches",
  "lr",
  "skill",
  "data_dir",
  "json_path",
)


def policy_params(params: dict) -> dict:
  """The actor's leaves BC trains: everything but the token-level value head."""
  return {k: v for k, v in params.items() if k != "value"}


def with_policy(params: dict, policy: dict) -> dict:
  """`params` with its policy leaves replaced by `policy` (the value head kept)."""
  return {**params, **policy}


def enabled(config) -> bool:
  """Whether this run reads and writes the cache (`bc.cache_dir` set, one process)."""
  return bool(config.bc.get("cache_dir", "")) and jax.process_count() == 1


def _section(config, name: str):
  node = config.get(name)
  return node.to_dict() if hasattr(node, "to_dict") else node


def _update_array(h, name: str, x) -> None:
  x = np.asarray(x)
  h.update(f"{name}|{x.dtype.str}|{x.shape}|".encode())
  h.update(np.ascontiguousarray(x).tobytes())


def key(config, data: dict[str, np.ndarray], params: Any) -> str:
  """Hex key of everything the BC weights depend on: the warm start's seed, the BC settings,
  the actor, tokenizer, env and mesh sections, the jax version and backend, the BC rows and
  the initial actor weights (by value)."""
  parts = {
    "seed": warm_seed(config),
    "bc": {f: config.bc.get(f) for f in _BC_FIELDS},
    **{name: _section(config, name) for name in ("actor", "tokenizer", "env", "mesh")},
    # the RL learning rate reaches BC only as the fallback for bc.lr = 0 (its schedule never)
    "actor_lr": None if config.bc.get("lr") else config.actor.lr,
    "jax": jax.__version__,
    "backend": jax.default_backend(),
  }
  # the RL optimizer, the eval average and the sampling temperature never reach BC's weights
  rl_only = ("lr", "lr_decay_steps", "lr_end", "eval_average", "temperature")
  # ... and the gate's parameters are in the hashed initial weights (keys of earlier caches
  # stay valid)
  in_params = ("seen_gate", "seen_bias")
  parts["actor"] = {k: v for k, v in parts["actor"].items() if k not in rl_only + in_params}
  if not parts["actor"].get("attend_len"):  # unset: the keys of earlier caches stay valid
    parts["actor"].pop("attend_len", None)
  h = hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode())
  for k in sorted(data):
    _update_array(h, k, data[k])
  leaves = jax.tree_util.tree_flatten_with_path(jax.device_get(params))[0]
  for path, leaf in leaves:
    _update_array(h, jax.tree_util.keystr(path), leaf)
  return h.hexdigest()[:32]


def _path(cache_dir: str | os.PathLike, k: str) -> epath.Path:
  return paths.resolve(cache_dir) / f"bc_{k}.msgpack"


def load(cache_dir: str | os.PathLike, k: str, like: Any) -> tuple[Any, float] | None:
  """(params placed like `like`'s leaves, BC loss) for key `k`, or None on a miss or a
  damaged entry (warned)."""
  path = _path(cache_dir, k)
  if not path.exists():
    return None
  try:
    blob = path.read_bytes()
    digest, payload = blob[:32], blob[32:]
    if hashlib.sha256(payload).digest() != digest:
      raise ValueError("checksum mismatch")
    host = jax.device_get(like)
    restored = serialization.from_bytes({"params": host, "bc_loss": 0.0}, payload)
    params = jax.tree.map(
      lambda ref, x: jax.device_put(np.asarray(x, ref.dtype), ref.sharding),
      like,
      restored["params"],
    )
    return params, float(restored["bc_loss"])
  except Exception as e:  # noqa: BLE001  (any damage: recompute)
    log.warning("bc.cache_dir: ignoring unreadable warm start %s (%s); training it", path, e)
    return None


def store(cache_dir: str | os.PathLike, k: str, params: Any, bc_loss: float) -> str:
  """Write the entry atomically (a temporary file renamed into place); returns its path."""
  path = _path(cache_dir, k)
  path.parent.mkdir(parents=True, exist_ok=True)
  payload = serialization.to_bytes({"params": jax.device_get(params), "bc_loss": bc_loss})
  tmp = path.parent / f"{uuid.uuid4().hex}.tmp"
  tmp.write_bytes(hashlib.sha256(payload).digest() + payload)
  tmp.replace(path)
  return os.fspath(path)
