"""Fixed-shape replay buffer of pre-tokenised transitions (host memory, numpy).

Each field is an array [capacity, ...]; `add` writes a ring buffer, `sample` draws uniform
indices with a caller-supplied numpy Generator (seeded per iteration for reproducibility).
`state_dict()` / `load_state_dict()` round-trip it through the checkpoint.
"""

from __future__ import annotations

from typing import Mapping

import numpy as np


class ReplayBuffer:
  def __init__(self, capacity: int, spec: Mapping[str, tuple[tuple[int, ...], np.dtype]]):
    if capacity <= 0:
      raise ValueError(f"replay buffer capacity must be positive, got {capacity}")
    self.capacity = int(capacity)
    self.spec = {k: (tuple(s), np.dtype(d)) for k, (s, d) in spec.items()}
    self.data = {k: np.zeros((self.capacity, *s), d) for k, (s, d) in self.spec.items()}
    self.size = 0
    self.pos = 0

  def __len__(self) -> int:
    return self.size

  def add(self, batch: Mapping[str, np.ndarray]) -> None:
    """Append n transitions (every field [n, ...]); the oldest are overwritten when full."""
    missing = set(self.spec) - set(batch)
    if missing:
      raise KeyError(f"replay buffer add: missing fields {sorted(missing)}")
    n = len(next(iter(batch.values())))
    for k, (shape, _) in self.spec.items():
      v = np.asarray(batch[k])
      if v.shape != (n, *shape):
        raise ValueError(f"replay buffer field {k!r}: expected {(n, *shape)}, got {v.shape}")
    idx = (self.pos + np.arange(n)) % self.capacity
    for k in self.spec:
      self.data[k][idx] = batch[k]
    self.pos = int((self.pos + n) % self.capacity)
    self.size = int(min(self.size + n, self.capacity))

  def sample(self, rng: np.random.Generator, n: int) -> dict[str, np.ndarray]:
    if self.size == 0:
      raise ValueError("cannot sample from an empty replay buffer")
    idx = rng.integers(0, self.size, size=n)
    return {k: v[idx] for k, v in self.data.items()}

  def state_dict(self) -> dict:
    """Full-capacity arrays (fixed shapes, so a restore target is known up front)."""
    return {
      "data": {k: v.copy() for k, v in self.data.items()},
      "size": np.int64(self.size),
      "pos": np.int64(self.pos),
    }

  def load_state_dict(self, state: Mapping) -> None:
    for k in self.spec:
      self.data[k][...] = np.asarray(state["data"][k])
    self.size, self.pos = int(state["size"]), int(state["pos"])
