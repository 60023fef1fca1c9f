"""The multi-host code path for real: `launch/local_multiprocess.sh` starts two processes on
localhost (jax.distributed over gloo, 2 CPU devices each, one 4-device global mesh with
fsdp = 2 and tensor = 2) and trains the `smoke` config end to end, the same code path a TPU
pod slice takes: each process plays its batch shard's episodes and keeps its shard's replay
buffer. One process with 4 devices on the same mesh computes the same run, bit for bit, and
the 2-process checkpoint resumes in one process on one device."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from _helpers import cpu_device_flags

REPO = Path(__file__).resolve().parents[1]


def free_port() -> int:
  with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    return s.getsockname()[1]


def _checksums(work: Path, step: int) -> dict:
  """Every saved array's checksum at `step` (the checkpoint's own record of its arrays)."""
  return json.loads((work / "checkpoints" / str(step) / "checksums" / "metadata").read_text())


@pytest.mark.slow
def test_two_processes_compute_what_one_process_computes(tmp_path):
  args = ["--config", "configs/twenty_questions.py:smoke", "--config.mesh=1,2,2"]
  args += ["--config.train.iterations=2"]
  env = dict(os.environ, PY=sys.executable, PORT=str(free_port()), JAX_PLATFORMS="cpu")
  two = tmp_path / "two"
  r = subprocess.run(
    ["bash", "launch/local_multiprocess.sh", *args, "--workdir", str(two), "--progress=false"],
    cwd=REPO,
    env=dict(env, DEVICES_PER_PROCESS="2"),
    capture_output=True,
    text=True,
    timeout=600,
  )
  assert r.returncode == 0, r.stderr[-4000:]
  assert "Traceback" not in r.stderr
  starts = re.findall(r"process (\d) of 2: 2 local / 4 global devices.*shards (\d) of 2", r.stderr)
  assert sorted(starts) == [("0", "0"), ("1", "1")], r.stderr[-2000:]
  hist = [json.loads(line) for line in open(two / "metrics.jsonl")]
  assert [h["iteration"] for h in hist] == [0, 1, 2]  # written once (process 0)
  assert all("critic_loss" in h for h in hist[1:]) and "actor_loss" in hist[2]
  ckpts = sorted(int(p.name) for p in (two / "checkpoints").iterdir() if p.name.isdigit())
  assert ckpts[-1] == 2

  def one_process(devices: int, *cli):
    return subprocess.run(
      [sys.executable, "-m", "archer_jax.train", *cli, "--noprogress"],
      cwd=REPO,
      env=dict(env, XLA_FLAGS=cpu_device_flags(devices)),
      capture_output=True,
      text=True,
      timeout=600,
    )

  one = tmp_path / "one"
  r1 = one_process(4, *args, "--workdir", str(one))
  assert r1.returncode == 0, r1.stderr[-4000:]
  # every parameter, optimiser moment, target and buffer array, bit for bit
  a, b = _checksums(two, 2), _checksums(one, 2)
  assert a["arrays"].keys() == b["arrays"].keys()
  differ = [k for k in a["arrays"] if a["arrays"][k] != b["arrays"][k]]
  assert not differ, differ[:10]
  strip = lambda h: {k: v for k, v in h.items() if k != "seconds"}
  assert [strip(h) for h in hist] == [
    strip(json.loads(line)) for line in open(one / "metrics.jsonl")
  ]

  # the 2-process checkpoint resumes in one process on one device (one batch shard: the two
  # shards' buffer rings are dealt into one) and continues
  r2 = one_process(
    1,
    *args[:2],
    "--config.mesh=1,1,1",
    "--config.train.iterations=3",
    "--resume",
    "--workdir",
    str(two),
  )
  assert r2.returncode == 0, r2.stderr[-4000:]
  assert "saved over 2 batch shards, this run has 1" in r2.stderr, r2.stderr[-2000:]
  more = [json.loads(line) for line in open(two / "metrics.jsonl")]
  assert [h["iteration"] for h in more] == [0, 1, 2, 3]
  assert [strip(h) for h in more[:3]] == [strip(h) for h in hist]
  # every row of both shards came over: 40 rows after two iterations, then 20 more turns
  assert more[3]["buffer_size"] == hist[2]["buffer_size"] + more[3]["turns"]
  assert "critic_loss" in more[3] and "actor_loss" in more[3]
