"""Checkpoints: checksums that do not depend on sharding, verified restores that fall back
past a corrupt or partial latest step, and restores onto other meshes and process counts
(8 devices -> 2 -> 1, and 2 processes -> 1) comparing every array.

Device counts are fixed when jax starts, so the cross-mesh parts run in subprocesses
(`XLA_FLAGS=--xla_force_host_platform_device_count=N`) of the script below.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import subprocess
import sys
from pathlib import Path

import jax
import jax.numpy as jnp
import ml_dtypes
import numpy as np
import pytest

from archer_jax.training.checkpointing import (
  Checkpointer,
  CorruptCheckpointError,
  _np_checksum,
  checksums,
  fingerprint,
)

REPO = Path(__file__).resolve().parents[1]


def small_tree(scale: float = 1.0) -> dict:
  rng = np.random.default_rng(0)
  return {
    "params": {
      "w": jnp.asarray(rng.normal(size=(16, 24)) * scale, jnp.float32),
      "b": jnp.asarray(rng.normal(size=(24,)) * scale, jnp.bfloat16),
    },
    "count": jnp.asarray(3, jnp.int32),
    "key": jax.random.key(7),
    "buffer": {
      "obs": (np.arange(40).reshape(8, 5) * scale).astype(np.int64),
      "done": np.array([True, False, True]),
    },
  }


def assert_tree_equal(a, b):
  la, lb = jax.tree.leaves(a), jax.tree.leaves(b)
  assert len(la) == len(lb)
  for x, y in zip(la, lb, strict=True):
    if isinstance(x, jax.Array) and jnp.issubdtype(x.dtype, jax.dtypes.prng_key):
      x, y = jax.random.key_data(x), jax.random.key_data(y)
    np.testing.assert_array_equal(np.asarray(x), np.asarray(y))
    assert np.asarray(x).dtype == np.asarray(y).dtype


def flip_bytes(step_dir: Path) -> Path:
  """Flip bytes in the middle of the step's largest array data file (what bit rot or a torn
  copy does); returns the file."""
  files = [p for p in (step_dir / "arrays").rglob("*") if p.is_file() and p.parent.name == "d"]
  target = max(files, key=lambda p: p.stat().st_size)
  data = bytearray(target.read_bytes())
  for off in range(len(data) // 2, len(data) // 2 + 4):
    data[off] ^= 0xFF
  target.write_bytes(bytes(data))
  return target


# ---- checksums -----------------------------------------------------------------------------
@pytest.mark.parametrize(
  "dtype",
  [np.float32, ml_dtypes.bfloat16, np.float16, np.int32, np.int8, np.uint8, np.bool_, np.uint32],
)
def test_host_and_device_checksums_agree(dtype):
  rng = np.random.default_rng(1)
  for shape in [(), (5,), (3, 7), (2, 3, 4)]:
    x = (rng.normal(size=shape) * 50).astype(dtype)
    dev = checksums({"x": jnp.asarray(x)})["x"]
    host = checksums({"x": x})["x"]
    assert dev.split(":")[1] == host.split(":")[1], (dtype, shape)


def test_checksum_sees_one_flipped_bit_and_a_swap():
  x = np.random.default_rng(2).normal(size=(64, 32)).astype(np.float32)
  base = _np_checksum(x)
  flipped = x.copy()
  flipped.view(np.uint32)[17, 3] ^= 1 << 9
  swapped = x.copy()
  swapped[[0, 1]] = swapped[[1, 0]]
  assert not np.array_equal(base, _np_checksum(flipped))
  assert not np.array_equal(base, _np_checksum(swapped))
  assert fingerprint({"x": x}) != fingerprint({"x": flipped})
  assert fingerprint({"x": x}) == fingerprint({"x": jnp.asarray(x)})


def test_checksum_is_independent_of_sharding():
  x = np.arange(8 * 6, dtype=np.float32).reshape(8, 6)
  mesh = jax.make_mesh((1,), ("a",), devices=jax.devices()[:1])
  sharded = jax.device_put(x, jax.sharding.NamedSharding(mesh, jax.sharding.PartitionSpec("a")))
  assert checksums({"x": sharded}) == checksums({"x": x})


# ---- save / restore / fallback ------------------------------------------------------------
def test_roundtrip_relative_directory(tmp_path, monkeypatch):
  monkeypatch.chdir(tmp_path)
  ckpt = Checkpointer("run/checkpoints")
  assert ckpt.directory.is_absolute() and ckpt.latest_step() is None
  with pytest.raises(FileNotFoundError, match="run/checkpoints"):
    ckpt.restore(None, small_tree())
  ckpt.save(3, small_tree(), {"iteration": 3, "history": [{"a": 1.5}]})
  arrays, meta = ckpt.restore(None, small_tree(0.0))
  assert meta == {"iteration": 3, "history": [{"a": 1.5}]} and ckpt.restored_step == 3
  assert_tree_equal(arrays, small_tree())
  ckpt.close()


def test_corrupt_latest_step_falls_back_with_a_warning(tmp_path, caplog):
  ckpt = Checkpointer(tmp_path / "ck")
  ckpt.save(1, small_tree(1.0), {"iteration": 1})
  ckpt.save(2, small_tree(2.0), {"iteration": 2})
  flip_bytes(tmp_path / "ck" / "2")
  with caplog.at_level(logging.WARNING):
    arrays, meta = ckpt.restore(None, small_tree())
  assert meta["iteration"] == 1 and ckpt.restored_step == 1
  assert_tree_equal(arrays, small_tree(1.0))
  text = caplog.text
  assert "step 2 is unusable" in text and "restored step 1" in text and "params/w" in text
  with pytest.raises(CorruptCheckpointError, match="params/w"):  # asked for, not skipped
    ckpt.restore(2, small_tree())
  # the run continues from step 1; its next save replaces the abandoned step 2
  ckpt.save(2, small_tree(3.0), {"iteration": 2})
  arrays, _ = ckpt.restore(None, small_tree())
  assert ckpt.restored_step == 2
  assert_tree_equal(arrays, small_tree(3.0))
  ckpt.close()


def test_partial_latest_step_falls_back(tmp_path, caplog):
  ckpt = Checkpointer(tmp_path / "ck")
  ckpt.save(1, small_tree(1.0), {"iteration": 1})
  ckpt.save(2, small_tree(2.0), {"iteration": 2})
  for f in (tmp_path / "ck" / "2" / "arrays").rglob("*"):  # data files lost in a copy
    if f.is_file() and f.parent.name == "d":
      f.unlink()
  with caplog.at_level(logging.WARNING):
    _, meta = ckpt.restore(None, small_tree())
  assert meta["iteration"] == 1 and "step 2 is unusable" in caplog.text
  ckpt.close()


def test_edited_meta_is_detected(tmp_path):
  ckpt = Checkpointer(tmp_path / "ck", max_to_keep=1)
  ckpt.save(1, small_tree(), {"iteration": 1, "history": [1.0]})
  meta_file = tmp_path / "ck" / "1" / "meta" / "metadata"
  meta_file.write_text(meta_file.read_text().replace("1.0", "2.0"))
  with pytest.raises(CorruptCheckpointError, match="meta"):
    ckpt.restore(None, small_tree())
  ckpt.close()


def test_no_usable_step_names_the_directory(tmp_path):
  ckpt = Checkpointer(tmp_path / "ck")
  ckpt.save(1, small_tree(1.0), {"iteration": 1})
  ckpt.save(2, small_tree(2.0), {"iteration": 2})
  for step in ("1", "2"):
    flip_bytes(tmp_path / "ck" / step)
  with pytest.raises(CorruptCheckpointError) as e:
    ckpt.restore(None, small_tree())
  msg = str(e.value)
  assert str(tmp_path / "ck") in msg and "step 2" in msg and "step 1" in msg
  ckpt.close()


# ---- other meshes and process counts ------------------------------------------------------
SCRIPT = r'''
import json, os, sys
import jax, jax.numpy as jnp, ml_dtypes, numpy as np
from jax.sharding import NamedSharding, PartitionSpec as P
mode, args = sys.argv[1], sys.argv[2:]
if mode == "mp":
  port, pid = args[:2]
  args = args[2:]
  jax.config.update("jax_cpu_collectives_implementation", "gloo")
  jax.distributed.initialize(f"127.0.0.1:{port}", num_processes=2, process_id=int(pid))
from archer_jax.parallel.mesh import make_mesh
from archer_jax.training.checkpointing import Checkpointer

# (name, shape, dtype, spec on the save mesh); specs are per mesh, values fixed by the seed
LEAVES = [("a", (8, 12), np.float32), ("b", (4, 6, 8), ml_dtypes.bfloat16),
          ("c", (16,), np.int32), ("r", (8,), np.float32), ("s", (), np.int32)]
SPECS = {8: dict(a=P(("data", "fsdp"), "tensor"), b=P(None, "fsdp", "tensor"), c=P("data"),
                 r=P(), s=P()),
         4: dict(a=P("fsdp"), b=P(None, None, "fsdp"), c=P(None), r=P("fsdp"), s=P()),
         2: dict(a=P(None, "fsdp"), b=P("fsdp"), c=P("fsdp"), r=P(), s=P()),
         1: dict(a=P(), b=P(), c=P(), r=P(), s=P())}
MESHES = {8: (2, 2, 2), 4: (1, 4, 1), 2: (1, 2, 1), 1: (1, 1, 1)}


def values():
  rng = np.random.default_rng(0)
  out = {n: (rng.normal(size=shape) * 10).astype(dt) for n, shape, dt in LEAVES}
  out["host"] = rng.integers(0, 1000, size=(7, 3))
  return out


def tree(n_dev):
  mesh = make_mesh(MESHES[n_dev])
  vals = values()
  t = {n: jax.make_array_from_callback(v.shape, NamedSharding(mesh, SPECS[n_dev][n]),
                                       lambda idx, v=v: v[idx])
       for n, v in vals.items() if n != "host"}
  t["host"] = vals["host"]
  t["key"] = jax.jit(lambda: jax.random.key(5), out_shardings=NamedSharding(mesh, P()))()
  return t


def check(restored, n_dev):
  """Every array equals the saved values, shard by shard, in the new mesh's shardings."""
  want, like = values(), tree(n_dev)
  for name, x in restored.items():
    if name == "key":
      x = jax.random.key_data(x)
      v = np.asarray(jax.random.key_data(jax.random.key(5)))
    else:
      v = want[name]
    if name == "host":
      assert isinstance(x, np.ndarray) and np.array_equal(x, v), name
      continue
    assert x.sharding.is_equivalent_to(like[name].sharding, x.ndim), (name, x.sharding)
    assert x.dtype == v.dtype, (name, x.dtype)
    for shard in x.addressable_shards:
      assert np.array_equal(np.asarray(shard.data), v[shard.index]), name
  return len(restored)


n_dev = jax.device_count()
checked = 0
for src in args[1:]:            # restore every given directory onto this mesh
  ck = Checkpointer(src)
  arrays, meta = ck.restore(None, tree(n_dev))
  assert meta == {"saved_on": meta["saved_on"]} and ck.restored_step == 1
  checked += check(arrays, n_dev)
  ck.close()
ck = Checkpointer(args[0])      # then save from this mesh
ck.save(1, tree(n_dev), {"saved_on": n_dev})
ck.close()
print(json.dumps({"devices": n_dev, "processes": jax.process_count(), "checked": checked}))
'''


def run_script(tmp_path, mode, devices, *args, timeout=240):
  script = tmp_path / "cross_mesh.py"
  script.write_text(SCRIPT)
  env = dict(
    os.environ, JAX_PLATFORMS="cpu", XLA_FLAGS=f"--xla_force_host_platform_device_count={devices}"
  )
  return subprocess.Popen(
    [sys.executable, str(script), mode, *map(str, args)],
    cwd=REPO,
    env=env,
    stdout=subprocess.PIPE,
    stderr=subprocess.PIPE,
    text=True,
  )


def finish(proc, timeout=240) -> dict:
  out, err = proc.communicate(timeout=timeout)
  assert proc.returncode == 0, err[-4000:]
  return json.loads(out.strip().splitlines()[-1])


def free_port() -> int:
  with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    return s.getsockname()[1]


def test_restore_onto_other_meshes_8_to_2_to_1(tmp_path):
  d8, d2, d1 = (tmp_path / f"saved_on_{n}" for n in (8, 2, 1))
  assert finish(run_script(tmp_path, "sp", 8, d8))["checked"] == 0
  assert finish(run_script(tmp_path, "sp", 2, d2, d8))["checked"] == 7
  assert finish(run_script(tmp_path, "sp", 1, d1, d8, d2))["checked"] == 14


def test_restore_from_two_processes_onto_one(tmp_path):
  """2 processes x 2 devices restore an 8-device save, save their own, 1 process restores."""
  d8, dmp, d1 = tmp_path / "saved_on_8", tmp_path / "saved_on_2x2", tmp_path / "saved_on_1"
  finish(run_script(tmp_path, "sp", 8, d8))
  port = free_port()
  procs = [run_script(tmp_path, "mp", 2, port, pid, dmp, d8) for pid in (0, 1)]
  results = [finish(p) for p in procs]
  assert [(r["processes"], r["devices"], r["checked"]) for r in results] == [(2, 4, 7)] * 2
  assert finish(run_script(tmp_path, "sp", 1, d1, dmp))["checked"] == 7


MANY_SHARDED = r"""
import jax, jax.numpy as jnp, numpy as np
from jax.sharding import NamedSharding, PartitionSpec as P
from archer_jax.training.checkpointing import _np_checksum, checksums

mesh = jax.make_mesh((2,), ("x",))
host = {f"w{i}": np.full((2 * (i % 5 + 1), 8), i, np.float32) for i in range(300)}
tree = {k: jax.device_put(v, NamedSharding(mesh, P("x"))) for k, v in host.items()}
for _ in range(3):
  got = checksums(tree)
want = {k: "".join(f"{int(s):08x}" for s in _np_checksum(v)) for k, v in host.items()}
assert all(got[k].endswith(":" + want[k]) for k in host), "checksums differ from the host's"
print("ok")
"""


def test_checksums_of_many_sharded_leaves_do_not_deadlock():
  """300 leaves split over 2 CPU devices: each leaf's reduction crosses the devices. Dispatched
  all at once, such programs took every thread of the CPU client and deadlocked (XLA aborts
  after 40 s); checksums() keeps one in flight at a time and agrees with the host twin."""
  from _helpers import run_on_cpu_devices

  assert run_on_cpu_devices(MANY_SHARDED, 2, timeout=120).strip().endswith("ok")
