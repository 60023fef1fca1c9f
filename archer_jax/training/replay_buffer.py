"""Fixed-shape replay buffer of pre-tokenised transitions (host memory, numpy), one ring per
batch shard (`parallel.shards`).

A run's buffer is D rings of capacity / D rows, one per shard of the batch axis; a process
keeps only the rings of its own shards (`shards`), and a row goes to the ring of the shard
that played its episode. `sample` draws the same number of rows from every local ring, each
with its own numpy Generator (stream (seed, iteration, purpose, shard)), and returns them
concatenated in shard order: the process's local rows of a global batch. With one shard this
is one ring and one stream.
`state_dict()` / `load_state_dict()` round-trip it through the checkpoint as [D, capacity / D,
...] arrays (`parts_like` / `from_parts` convert to and from this process's rings).
"""

from __future__ import annotations

from typing import Mapping, Sequence

import numpy as np


class Ring:
  """One shard's ring buffer: every field [capacity, ...]; the oldest rows are overwritten."""

  def __init__(self, capacity: int, spec: Mapping[str, tuple[tuple[int, ...], np.dtype]]):
    self.capacity = int(capacity)
    self.spec = spec
    self.data = {k: np.zeros((self.capacity, *s), d) for k, (s, d) in spec.items()}
    self.size = 0
    self.pos = 0

  def __len__(self) -> int:
    return self.size

  def add(self, batch: Mapping[str, np.ndarray]) -> None:
    n = len(next(iter(batch.values())))
    idx = (self.pos + np.arange(n)) % self.capacity
    for k in self.spec:
      self.data[k][idx] = batch[k]
    self.pos = int((self.pos + n) % self.capacity)
    self.size = int(min(self.size + n, self.capacity))

  def sample(self, rng: np.random.Generator, n: int) -> dict[str, np.ndarray]:
    idx = rng.integers(0, self.size, size=n)
    return {k: v[idx] for k, v in self.data.items()}

  def ordered(self) -> dict[str, np.ndarray]:
    """The filled rows, oldest first."""
    start = self.pos if self.size == self.capacity else 0
    idx = (start + np.arange(self.size)) % self.capacity
    return {k: v[idx] for k, v in self.data.items()}


class ReplayBuffer:
  def __init__(
    self,
    capacity: int,
    spec: Mapping[str, tuple[tuple[int, ...], np.dtype]],
    shards: Sequence[int] = (0,),
    count: int = 1,
  ):
    if capacity <= 0:
      raise ValueError(f"replay buffer capacity must be positive, got {capacity}")
    if capacity < count:
      raise ValueError(f"replay buffer capacity {capacity} is below the {count} batch shards")
    self.spec = {k: (tuple(s), np.dtype(d)) for k, (s, d) in spec.items()}
    self.count, self.shards = int(count), tuple(shards)
    self.per_shard = int(capacity) // self.count
    self.capacity = self.per_shard * len(self.shards)  # rows this process holds
    self.parts = [Ring(self.per_shard, self.spec) for _ in self.shards]

  def __len__(self) -> int:
    """The rows held by this process (all shards' when one process holds them all)."""
    return sum(len(p) for p in self.parts)

  @property
  def data(self) -> dict[str, np.ndarray]:
    """The one ring's arrays [capacity, ...] (a buffer of one shard)."""
    if len(self.parts) != 1:
      raise ValueError("a buffer of several shards has no single data array: use .parts")
    return self.parts[0].data

  def add(self, batch: Mapping[str, np.ndarray], shard: np.ndarray | None = None) -> None:
    """Append n transitions (every field [n, ...]) to their shards' rings (`shard`: int
    [n], the shard of each row; ignored by a buffer of one shard). Rows of shards this process does
    not hold are dropped. The oldest rows of a ring are overwritten when it is full."""
    missing = set(self.spec) - set(batch)
    if missing:
      raise KeyError(f"replay buffer add: missing fields {sorted(missing)}")
    n = len(next(iter(batch.values())))
    for k, (shape, _) in self.spec.items():
      v = np.asarray(batch[k])
      if v.shape != (n, *shape):
        raise ValueError(f"replay buffer field {k!r}: expected {(n, *shape)}, got {v.shape}")
    if self.count == 1:  # one ring holds every row
      shard = np.zeros(n, np.int64)
    elif shard is None:
      raise ValueError(f"add: rows need their shard (the buffer has {self.count} shards)")
    shard = np.asarray(shard)
    for s, part in zip(self.shards, self.parts, strict=True):
      rows = np.flatnonzero(shard == s)
      if len(rows):
        part.add({k: np.asarray(batch[k])[rows] for k in self.spec})

  def sample(self, rngs: Sequence[np.random.Generator], n: int) -> dict[str, np.ndarray]:
    """This process's rows of a global sample of n: n / D uniform rows from each local ring,
    ring j drawing from rngs[j] (a buffer of one shard also takes a single Generator);
    concatenated in shard order."""
    if isinstance(rngs, np.random.Generator):  # one Generator: a buffer of one shard
      rngs = [rngs] * len(self.parts) if len(self.parts) == 1 else None
      if rngs is None:
        raise ValueError("a buffer of several shards samples with one Generator per shard")
    if n % self.count:
      raise ValueError(f"a sample of {n} rows does not split over {self.count} shards")
    for s, part in zip(self.shards, self.parts, strict=True):
      if len(part) == 0:
        raise ValueError(f"cannot sample from an empty replay buffer (shard {s} holds no rows)")
    parts = [p.sample(r, n // self.count) for p, r in zip(self.parts, rngs, strict=True)]
    return {k: np.concatenate([p[k] for p in parts]) for k in self.spec}

  # ---- checkpoint ---------------------------------------------------------------------------
  def state_dict(self) -> dict:
    """This process's rings stacked: fields [local shards, capacity / D, ...], sizes and
    positions [local shards] (fixed shapes, so a restore target is known up front)."""
    return {
      "data": {k: np.stack([p.data[k] for p in self.parts]) for k in self.spec},
      "size": np.asarray([p.size for p in self.parts], np.int32),
      "pos": np.asarray([p.pos for p in self.parts], np.int32),
    }

  def load_state_dict(self, state: Mapping) -> None:
    """The inverse of `state_dict` (the same shards)."""
    for j, p in enumerate(self.parts):
      for k in self.spec:
        p.data[k][...] = np.asarray(state["data"][k][j])
      p.size, p.pos = int(state["size"][j]), int(state["pos"][j])

  def load_all_shards(self, state: Mapping) -> None:
    """Restore from a checkpoint of another shard count (every saved shard's rings, any D'):
    each saved ring's rows, oldest first, are dealt to this run's D shards in turn (row r of
    the saved buffer to shard r % D), keeping the newest rows when a ring overflows."""
    saved = len(state["size"])
    rows = []
    for j in range(saved):
      ring = Ring(len(next(iter(state["data"].values()))[j]), self.spec)
      for k in self.spec:
        ring.data[k][...] = np.asarray(state["data"][k][j])
      ring.size, ring.pos = int(state["size"][j]), int(state["pos"][j])
      rows.append(ring.ordered())
    allrows = {k: np.concatenate([r[k] for r in rows]) for k in self.spec}
    n = len(next(iter(allrows.values())))
    self.parts = [Ring(self.per_shard, self.spec) for _ in self.shards]
    self.add(allrows, np.arange(n) % self.count)
