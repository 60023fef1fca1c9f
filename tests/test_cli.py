"""The trainer's command line: one-line errors with exit status 2, and a quiet console."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from test_checkpointing import flip_bytes

REPO = Path(__file__).resolve().parents[1]
SMOKE = "configs/twenty_questions.py:smoke"
INFO_LINE = re.compile(r"^(I\d{4} |INFO\b)", re.M)  # absl's "I1202 12:00:00..." or logging's


def _train(*args, timeout=300):
  return subprocess.run(
    [sys.executable, "-m", "archer_jax.train", *args],
    cwd=REPO,
    capture_output=True,
    text=True,
    timeout=timeout,
  )


def _one_line_error(proc) -> str:
  assert proc.returncode == 2, proc.stderr[-2000:]
  assert "Traceback" not in proc.stderr and proc.stdout == ""
  lines = proc.stderr.strip().splitlines()
  assert len(lines) == 1 and lines[0].startswith("error: "), proc.stderr
  return lines[0]


def test_misspelled_field_one_line_with_suggestion(tmp_path):
  proc = _train(
    "--config", SMOKE, "--config.algo.critic_stepz=3", "--workdir", str(tmp_path), "--noprogress"
  )
  assert _one_line_error(proc) == (
    "error: config.algo.critic_stepz: no such field; did you mean config.algo.critic_steps?"
  )


@pytest.mark.parametrize(
  "args, names",
  [
    (["--config.algoo.critic_steps=3"], "config.algoo: no such field; did you mean config.algo?"),
    (["--config.env.kwargs.game_file=x.z5"], "config.env.kwargs.game_file: no such field"),
    (["--config.algo.critic_steps=many"], "--config.algo.critic_steps=many"),
    (["--config.algo.gamma=2"], "config.algo.gamma: must be in [0, 1], got 2.0"),
    (["--config=configs/no_such_config.py"], "configs/no_such_config.py"),
    (["--config=configs/twenty_questions.py:no_such_variant"], "no_such_variant"),
    (["--config.actor.model=/no/such/model"], "config.actor.model: '/no/such/model'"),
    (["--no_such_flag=1"], "no_such_flag"),
  ],
)
def test_command_line_errors_are_one_line(tmp_path, args, names):
  proc = _train("--config", SMOKE, *args, "--workdir", str(tmp_path), "--noprogress")
  assert names in _one_line_error(proc)


_LOG_PROBE = """
from absl import app, logging
from archer_jax import train
def main(argv):
  train.quiet_logging()
  logging.info("an INFO line")
  logging.warning("a WARNING line")
app.run(main, flags_parser=train.parse_flags)
"""


@pytest.mark.parametrize("verbosity", [None, "0"])
def test_info_logging_off_unless_verbosity_asks(verbosity):
  args = [] if verbosity is None else [f"--verbosity={verbosity}"]
  proc = subprocess.run(
    [sys.executable, "-c", _LOG_PROBE, *args], cwd=REPO, capture_output=True, text=True, timeout=120
  )
  assert proc.returncode == 0, proc.stderr
  assert "a WARNING line" in proc.stderr
  assert ("an INFO line" in proc.stderr) == (verbosity is not None)


@pytest.mark.slow
def test_smoke_run_prints_no_info_lines(tmp_path):
  proc = _train("--config", SMOKE, "--workdir", str(tmp_path / "run"), "--noprogress", timeout=600)
  assert proc.returncode == 0, proc.stderr[-3000:]
  out = proc.stdout + proc.stderr
  assert "final eval return" in proc.stdout  # the summary table
  assert not INFO_LINE.search(out), INFO_LINE.findall(out)[:5]
  # the same workdir again: without --resume, and with every kept step damaged
  again = ["--config", SMOKE, "--workdir", str(tmp_path / "run"), "--noprogress"]
  assert "pass --resume" in _one_line_error(_train(*again))
  steps = [p for p in (tmp_path / "run" / "checkpoints").iterdir() if p.name.isdigit()]
  for step in steps:
    flip_bytes(step)
  proc = _train(*again, "--resume")  # (each step's warning, then the error line)
  assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr[-3000:]
  line = proc.stderr.strip().splitlines()[-1]
  assert line.startswith("error: --resume: no usable checkpoint in ") and all(
    f"step {p.name}" in line for p in steps
  ), line
