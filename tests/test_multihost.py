"""The multi-host code path for real: `launch/local_multiprocess.sh` starts two processes on
localhost (jax.distributed over gloo, 4 CPU devices each, one 8-device global mesh) and
trains the `smoke` config end to end; the same code path a TPU pod slice takes."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def free_port() -> int:
  with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    return s.getsockname()[1]


@pytest.mark.slow
def test_two_process_training_over_gloo(tmp_path):
  work = tmp_path / "mp"
  env = dict(os.environ, PY=sys.executable, PORT=str(free_port()), JAX_PLATFORMS="cpu")
  env.pop("XLA_FLAGS", None)
  r = subprocess.run(
    [
      "bash",
      "launch/local_multiprocess.sh",
      "--config",
      "configs/twenty_questions.py:smoke",
      "--config.train.iterations=2",
      "--workdir",
      str(work),
      "--progress=false",
    ],
    cwd=REPO,
    env=env,
    capture_output=True,
    text=True,
    timeout=600,
  )
  assert r.returncode == 0, r.stderr[-4000:]
  hist = [json.loads(line) for line in open(work / "metrics.jsonl")]
  assert [h["iteration"] for h in hist] == [0, 1, 2]  # written once (process 0)
  assert all("critic_loss" in h for h in hist[1:]) and "actor_loss" in hist[2]
  assert "Traceback" not in r.stderr
  ckpts = sorted(p.name for p in (work / "checkpoints").iterdir() if p.name.isdigit())
  assert ckpts[-1] == "2"
  starts = re.findall(r"process (\d) of 2: 4 local / 8 global devices", r.stderr)
  assert sorted(starts) == ["0", "1"], r.stderr[-2000:]
