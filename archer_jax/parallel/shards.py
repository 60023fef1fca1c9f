"""The batch axis's shards: how host-side data is split between processes.

Every batch-major array is sharded over the mesh's (`data`, `fsdp`) axes: D = data x fsdp
row blocks, block s on the devices whose batch index is s. Host-side data (episodes, replay
buffer rows, random streams) is partitioned the same way, by shard and not by process: a
process keeps and feeds only the shards its devices hold (`local`), so a run computes the same
values whichever processes hold which shards, and no process builds or compares a global batch.
Shard-major layout: the rows of a global batch of n are shard 0's n / D rows, then shard 1's,
and so on; a process's local rows are its shards' blocks concatenated in shard order.
"""

from __future__ import annotations

import jax
import jax.numpy as jnp
import numpy as np

from archer_jax.parallel.mesh import data_sharding


class Shards:
  def __init__(self, mesh):
    self.mesh = mesh
    self.count = int(mesh.shape["data"] * mesh.shape["fsdp"])
    index = data_sharding(mesh, 1).addressable_devices_indices_map((self.count,))
    self.local = tuple(sorted({int(ix[0].start or 0) for ix in index.values()}))
    self.single = jax.process_count() == 1

  def per_shard(self, n: int, what: str = "rows") -> int:
    """n / D, the rows of each shard in a global batch of n (n must divide)."""
    if n % self.count:
      raise ValueError(f"{what}: {n} is not divisible by the {self.count} batch shards")
    return n // self.count

  def block(self, n: int, s: int) -> slice:
    """Shard s's rows of a global batch of n (contiguous blocks; the first n % D shards hold
    one more row when D does not divide n)."""
    q, r = divmod(n, self.count)
    start = s * q + min(s, r)
    return slice(start, start + q + (s < r))

  def of_episodes(self, episode: np.ndarray, n: int) -> np.ndarray:
    """int [rows]: the shard of each row, from its episode's index among n episodes (episode
    e belongs to the shard whose `block(n, s)` holds e)."""
    q, r = divmod(n, self.count)
    e = np.asarray(episode, np.int64)
    big = r * (q + 1)  # the first r shards hold q + 1 episodes
    return np.where(e < big, e // max(q + 1, 1), r + (e - big) // max(q, 1)).astype(np.int64)

  def local_rows(self, n: int) -> np.ndarray:
    """int [n_local]: the global rows of a batch of n that this process's shards hold."""
    return np.concatenate([np.arange(n)[self.block(n, s)] for s in self.local])

  def put(self, tree):
    """Local rows (this process's shards' equal blocks, shard order) -> global arrays of
    D / len(local) times as many rows, sharded over the batch axis. Nothing is sent to or
    compared with other processes (`jax.make_array_from_process_local_data`)."""

    def one(v):
      v = np.asarray(v)
      n = v.shape[0] * self.count // len(self.local)
      return jax.make_array_from_process_local_data(
        data_sharding(self.mesh, v.ndim), v, (n, *v.shape[1:])
      )

    return jax.tree.map(one, tree)

  def fetch(self, tree):
    """Global batch-major arrays -> numpy of this process's rows (its shards' blocks, shard
    order), read from its own devices only."""

    def one(x):
      if self.single or not isinstance(x, jax.Array):
        return np.asarray(x)
      per = x.shape[0] // self.count
      blocks = {}
      for sh in x.addressable_shards:
        start = sh.index[0].start or 0
        blocks.setdefault(start // per, np.asarray(sh.data))
      return np.concatenate([blocks[s] for s in self.local])

    return jax.tree.map(one, tree)

  def max(self, values):
    """The largest of every shard's value: values [local shards] (shard order) -> int, or
    [local shards, k] -> k ints. A single tiny reduction over the mesh, the same answer on
    every process."""
    v = np.asarray(values, np.int32)
    flat = v.ndim == 1
    v = v.reshape(len(self.local), -1)
    out = v.max(axis=0) if self.single else np.asarray(jax.device_get(_max(self.put(v))))
    return int(out[0]) if flat else [int(x) for x in out]

  def gather(self, blocks: list[np.ndarray]) -> list[np.ndarray]:
    """Every shard's 1-D array (this process gives its local shards' arrays, shard order; the
    lengths may differ) -> all D arrays in shard order, on every process: for the few
    decisions that need a global view (e.g. a return quantile over all episodes)."""
    if self.single:
      return list(blocks)
    n = self.max([len(b) for b in blocks])
    pad = np.zeros((len(blocks), n + 1), np.float64)
    for j, b in enumerate(blocks):
      pad[j, 0], pad[j, 1 : 1 + len(b)] = len(b), b
    from jax.experimental import multihost_utils

    full = np.asarray(multihost_utils.process_allgather(self.put(pad), tiled=True))
    return [full[s, 1 : 1 + int(full[s, 0])] for s in range(self.count)]


@jax.jit
def _max(x):
  return jnp.max(x, axis=0)
