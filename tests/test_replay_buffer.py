"""The numpy ring-buffer replay: add / overwrite order, uniform sampling over the filled part,
shape checks, state_dict round trip."""

from __future__ import annotations

import numpy as np
import pytest

from archer_jax.training.replay_buffer import ReplayBuffer

SPEC = {
  "obs": ((3,), np.int32),
  "mask": ((3,), np.bool_),
  "reward": ((), np.float32),
  "done": ((), np.bool_),
}


def rows(start, n):
  """n transitions whose every field encodes its global index start..start+n-1."""
  i = np.arange(start, start + n)
  return {
    "obs": np.stack([i, i + 1, i + 2], 1).astype(np.int32),
    "mask": np.stack([i % 2 == 0] * 3, 1),
    "reward": i.astype(np.float32),
    "done": i % 3 == 0,
  }


def ids(buf):
  return buf.data["reward"][: len(buf)].astype(int)


def test_add_fills_in_order_then_overwrites_oldest():
  buf = ReplayBuffer(5, SPEC)
  assert len(buf) == 0
  buf.add(rows(0, 3))
  assert len(buf) == 3 and buf.parts[0].pos == 3
  np.testing.assert_array_equal(ids(buf), [0, 1, 2])
  np.testing.assert_array_equal(buf.data["obs"][:3], rows(0, 3)["obs"])
  buf.add(rows(3, 4))  # wraps: 5, 6 overwrite the slots of 0, 1
  assert len(buf) == 5 and buf.parts[0].pos == 2
  np.testing.assert_array_equal(buf.data["reward"].astype(int), [5, 6, 2, 3, 4])
  for k in SPEC:  # every field moved together
    np.testing.assert_array_equal(buf.data[k][[0, 1]], rows(5, 2)[k])
    assert buf.data[k].dtype == np.dtype(SPEC[k][1])
  buf.add(rows(7, 5))  # exactly one full lap
  assert buf.parts[0].pos == 2
  np.testing.assert_array_equal(np.sort(buf.data["reward"].astype(int)), np.arange(7, 12))


def test_add_more_than_capacity_keeps_the_newest():
  buf = ReplayBuffer(4, SPEC)
  buf.add(rows(0, 1))
  buf.add(rows(1, 10))  # 11 seen in all; the last 4 are 7..10
  assert len(buf) == 4 and buf.parts[0].pos == 11 % 4
  np.testing.assert_array_equal(np.sort(buf.data["reward"].astype(int)), [7, 8, 9, 10])
  for slot in range(4):  # global index i lives in slot i % capacity
    assert int(buf.data["reward"][slot]) % 4 == slot
    np.testing.assert_array_equal(buf.data["obs"][slot], buf.data["reward"][slot] + [0, 1, 2])


def test_add_rejects_bad_shapes_and_missing_fields():
  buf = ReplayBuffer(4, SPEC)
  bad = rows(0, 2)
  bad["obs"] = bad["obs"][:, :2]
  with pytest.raises(ValueError, match="obs"):
    buf.add(bad)
  ragged = rows(0, 2)
  ragged["reward"] = ragged["reward"][:1]
  with pytest.raises(ValueError, match="reward"):
    buf.add(ragged)
  missing = rows(0, 2)
  del missing["done"]
  with pytest.raises(KeyError, match="done"):
    buf.add(missing)
  assert len(buf) == 0 and buf.parts[0].pos == 0  # a rejected batch writes nothing
  np.testing.assert_array_equal(buf.data["reward"], 0)
  with pytest.raises(ValueError):
    ReplayBuffer(0, SPEC)


def test_empty_sample_raises():
  with pytest.raises(ValueError, match="empty"):
    ReplayBuffer(3, SPEC).sample(np.random.default_rng(0), 2)


def chi2(counts):
  expected = counts.sum() / len(counts)
  return float(((counts - expected) ** 2 / expected).sum())


def test_sample_is_uniform_over_the_filled_part():
  buf = ReplayBuffer(50, SPEC)
  buf.add(rows(0, 20))  # 20 of 50 slots filled
  rng = np.random.default_rng(0)
  n = 40_000
  out = buf.sample(rng, n)
  assert set(out) == set(SPEC)
  for k, (shape, dtype) in SPEC.items():
    assert out[k].shape == (n, *shape) and out[k].dtype == np.dtype(dtype)
  got = out["reward"].astype(int)
  assert got.min() >= 0 and got.max() <= 19  # never the empty slots
  # rows stay intact: every field of a sample belongs to the same transition
  np.testing.assert_array_equal(out["obs"][:, 0], got)
  np.testing.assert_array_equal(out["done"], got % 3 == 0)
  counts = np.bincount(got, minlength=20)
  # chi-square with 19 dof: mean 19, sd ~6.2; 60 is far in the tail (p < 1e-5)
  assert chi2(counts) < 60, counts
  # after wrapping, every slot (old and new) is reachable, still uniformly
  buf.add(rows(20, 45))
  got = buf.sample(rng, n)["reward"].astype(int)
  assert set(np.unique(got)) == set(range(15, 65))
  assert chi2(np.bincount(got - 15, minlength=50)) < 110  # 49 dof: mean 49, sd ~9.9


def test_sample_is_reproducible_and_a_copy():
  buf = ReplayBuffer(10, SPEC)
  buf.add(rows(0, 10))
  a = buf.sample(np.random.default_rng(3), 8)
  b = buf.sample(np.random.default_rng(3), 8)
  for k in SPEC:
    np.testing.assert_array_equal(a[k], b[k])
  a["obs"][:] = -1  # mutating a sample leaves the buffer alone
  assert (buf.data["obs"] >= 0).all()


def test_state_dict_round_trip():
  buf = ReplayBuffer(6, SPEC)
  buf.add(rows(0, 8))
  state = buf.state_dict()
  buf.add(rows(100, 1))  # later writes do not leak into the snapshot
  assert int(state["size"][0]) == 6 and int(state["pos"][0]) == 2
  assert 100 not in state["data"]["reward"]
  fresh = ReplayBuffer(6, SPEC)
  fresh.load_state_dict(state)
  assert len(fresh) == 6 and fresh.parts[0].pos == 2
  ref = ReplayBuffer(6, SPEC)
  ref.add(rows(0, 8))
  for k in SPEC:
    np.testing.assert_array_equal(fresh.data[k], ref.data[k])
  # the restored buffer continues exactly like the original
  fresh.add(rows(8, 3))
  ref.add(rows(8, 3))
  assert (fresh.parts[0].pos, len(fresh)) == (ref.parts[0].pos, len(ref))
  for k in SPEC:
    np.testing.assert_array_equal(fresh.data[k], ref.data[k])
  s1, s2 = fresh.sample(np.random.default_rng(1), 5), ref.sample(np.random.default_rng(1), 5)
  for k in SPEC:
    np.testing.assert_array_equal(s1[k], s2[k])


def test_load_state_dict_rejects_a_different_layout():
  small = ReplayBuffer(3, SPEC)
  small.add(rows(0, 2))
  with pytest.raises(ValueError):
    ReplayBuffer(4, SPEC).load_state_dict(small.state_dict())
  state = small.state_dict()
  del state["data"]["done"]
  with pytest.raises(KeyError):
    ReplayBuffer(3, SPEC).load_state_dict(state)


# ---- one ring per batch shard ------------------------------------------------------------
def test_rows_go_to_their_shards_ring_and_other_shards_are_dropped():
  """A process holding shards 1 and 3 of 4 keeps those shards' rows, each in its own ring of
  capacity / 4, and a sample of n takes n / 4 rows from each with that shard's Generator."""
  buf = ReplayBuffer(40, SPEC, shards=(1, 3), count=4)
  assert buf.per_shard == 10 and buf.capacity == 20
  batch = rows(0, 16)
  shard = np.arange(16) % 4
  buf.add(batch, shard)
  assert len(buf) == 8 and [len(p) for p in buf.parts] == [4, 4]
  np.testing.assert_array_equal(buf.parts[0].data["reward"][:4], [1, 5, 9, 13])
  np.testing.assert_array_equal(buf.parts[1].data["reward"][:4], [3, 7, 11, 15])
  out = buf.sample([np.random.default_rng(0), np.random.default_rng(1)], 8)
  got = out["reward"].astype(int)
  assert got.shape == (4,) and set(got[:2]) <= {1, 5, 9, 13} and set(got[2:]) <= {3, 7, 11, 15}
  np.testing.assert_array_equal(got[:2], 1 + 4 * np.random.default_rng(0).integers(0, 4, 2))
  with pytest.raises(ValueError, match="their shard"):
    buf.add(batch)
  with pytest.raises(ValueError, match="split"):
    buf.sample([np.random.default_rng(0)] * 2, 6)
  with pytest.raises(ValueError, match="shard 1 holds no rows"):
    ReplayBuffer(40, SPEC, shards=(1, 3), count=4).sample([np.random.default_rng(0)] * 2, 4)


def test_a_buffer_of_another_shard_count_is_dealt_anew():
  """Saved over 4 shards (one process holding all), restored over 2: every saved row, oldest
  first per saved ring, dealt in turn; overflow keeps the newest."""
  four = ReplayBuffer(16, SPEC, shards=(0, 1, 2, 3), count=4)
  four.add(rows(0, 24), np.arange(24) % 4)  # 6 rows per ring of 4: each ring wrapped
  state = four.state_dict()
  assert state["data"]["reward"].shape == (4, 4) and list(state["size"]) == [4] * 4
  two = ReplayBuffer(16, SPEC, shards=(0, 1), count=2)
  two.load_all_shards(state)
  kept = sorted(int(x) for p in two.parts for x in p.data["reward"][: len(p)])
  assert kept == sorted(range(8, 24))  # the 16 newest rows, each once
  one = ReplayBuffer(16, SPEC)
  one.load_all_shards(state)
  assert sorted(ids(one)) == list(range(8, 24))
  small = ReplayBuffer(8, SPEC, shards=(0, 1), count=2)
  small.load_all_shards(state)  # rings of 4 take the newest of what is dealt to them
  assert all(len(p) == 4 for p in small.parts)
