"""`python -m archer_jax.aot`: the smoke config's critic step, actor step and sampler compiled
for 8 fake CPU devices (and a TPU slice through libtpu when it is installed), the memory
table, the exit status when a step does not fit, and the topology names."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from archer_jax import aot

REPO = Path(__file__).resolve().parents[1]
SMOKE = "configs/twenty_questions.py:smoke"


def _aot(*args, timeout=300):
  return subprocess.run(
    [sys.executable, "-m", "archer_jax.aot", "--config", SMOKE, *args],
    cwd=REPO,
    capture_output=True,
    text=True,
    timeout=timeout,
  )


def _row(stdout: str, step: str) -> list[str]:
  (line,) = [ln for ln in stdout.splitlines() if ln.startswith(f"| {step} |")]
  return [c.strip() for c in line.strip("|").split("|")]


def test_cpu_devices_print_every_step_and_fit():
  proc = _aot("--topology", "cpu:8")
  assert proc.returncode == 0, proc.stderr[-3000:]
  assert "topology cpu:8: 8 x cpu" in proc.stdout and "data=8" in proc.stdout
  assert proc.stdout.count("float32 weights, float32 compute") == 2, proc.stdout[:600]
  for step in ("critic", "actor", "sampler"):
    row = _row(proc.stdout, step)
    args, temp, total, needed = (float(row[i]) for i in (1, 2, 5, 7))
    assert args > 0 and temp >= 0 and needed >= total > 0, row
    assert float(row[10]) > 0  # XLA's FLOP estimate


def test_a_step_over_the_memory_limit_exits_1_naming_it():
  proc = _aot("--topology", "cpu:8", "--steps=critic", "--hbm_gib=0.0001")
  assert proc.returncode == aot.DOES_NOT_FIT, proc.stderr[-3000:]
  assert _row(proc.stdout, "critic")[9] == "NO"
  (err,) = [ln for ln in proc.stderr.splitlines() if ln.startswith("error:")]
  assert "the critic step needs" in err and "0.00 GiB HBM of a device" in err, err


@pytest.mark.parametrize(
  "algo,steps",
  [
    ("archer", ["critic", "actor"]),
    ("chai", ["critic", "q_min"]),
    ("ppo", ["ppo", "stats"]),
    ("filtered_bc", ["bc"]),
    ("offline_archer", ["critic", "actor"]),
    ("offline_archer:reinforce", ["critic", "actor"]),
    ("offline_bc", ["bc"]),
  ],
)
def test_every_algorithm_lists_steps_that_lower(algo, steps):
  """Each built-in algorithm's `programs` (what aot compiles) lower on this process's device
  with the batch layouts its update loop feeds; compiling them is the test above's job."""
  import flax.linen as nn
  import jax

  from archer_jax.parallel.mesh import RULES, make_mesh
  from archer_jax.training.validate import load_config, override

  c = load_config(f"{REPO}/{SMOKE}")
  algo, _, loss = algo.partition(":")
  override(c, "algo.name", algo)
  if loss:  # IQL + REINFORCE + BC: a_pi fields, the reference, the data's BC term
    for k, v in (("algo.actor_loss", loss), ("algo.bc_coef", 0.5), ("algo.kl_coef", 0.1)):
      override(c, k, v)
  c, toks = aot.compile_config(c)
  mesh = make_mesh(c.mesh, devices=jax.devices()[:1])
  nets, state = aot.abstract_run(c, toks, mesh)
  progs = aot.programs(c, nets, state, mesh, None)
  assert [p.name for p in progs] == [*steps, "sampler"]
  for p in progs[:-1]:
    fn = p.fn if hasattr(p.fn, "lower") else p.fn.__wrapped__
    with jax.sharding.set_mesh(mesh), nn.logical_axis_rules(RULES):
      lowered = fn.lower(*p.args, **p.kwargs)
    assert "func" in lowered.as_text()[:2000] and p.state_args > 0, p.name
  with pytest.raises(aot.UsageError, match=f"unknown \\['nope'\\]; {algo} has"):
    aot.programs(c, nets, state, mesh, ["nope"])


def test_bad_topology_is_one_error_line():
  proc = _aot("--topology", "v9-8")
  assert proc.returncode == 2 and proc.stdout == ""
  assert proc.stderr.strip().splitlines() == [
    "error: --topology 'v9-8': expected a TPU slice (v4-32, v5p-8, v5e-8, v6e-8, ...) or cpu:N"
  ]


def test_importing_it_beside_the_train_cli_defines_no_flags():
  from archer_jax import train  # noqa: F401  (its --config flag; aot defines its own only when run)

  assert aot.FLAGS == {}


def test_topology_names():
  t = aot.parse_topology("v4-32")  # TensorCores in the name: 16 megacore chips
  assert (t.num_devices, t.topology_name, t.chip_config) == (16, "v4:2x2x4", "megacore")
  assert t.hbm_bytes == 32 * aot.GIB
  t = aot.parse_topology("v5p-8")
  assert (t.num_devices, t.topology_name, t.hbm_bytes) == (4, "v5:2x2x1", 95 * aot.GIB)
  t = aot.parse_topology("v5e-8")
  assert (t.num_devices, t.topology_name, t.host_bounds) == (8, "v5e:2x4", (2, 4, 1))
  assert aot.parse_topology("v6e-256").wrap == (True, True, False)
  assert aot.parse_topology("cpu:4").hbm_bytes is None
  with pytest.raises(aot.UsageError, match="unknown slice size"):
    aot.parse_topology("v5p-6")


def test_known_architecture_without_weights():
  from archer_jax.loading.architectures import model_config

  cfg = model_config("mistral-7b", dtype="bfloat16", remat=True)
  assert (cfg.num_layers, cfg.hidden_size, cfg.kv_heads, cfg.vocab_size) == (32, 4096, 8, 32000)
  assert cfg.param_dtype == "bfloat16" and cfg.remat
  assert abs(cfg.num_params() - 7.24e9) < 0.01e9
  with pytest.raises(FileNotFoundError, match="known without weights: mistral-7b"):
    model_config("no-such-model")


def test_tpu_slice_compiles_through_libtpu():
  assert aot.libtpu_path() is not None, "libtpu is not installed: `make aot` (make test runs it)"
  proc = _aot("--topology", "v5e-4", "--steps=sampler")
  assert proc.returncode == 0, proc.stderr[-3000:]
  assert "4 x TPU v5 lite (16.00 GiB each)" in proc.stdout and "libtpu 0.0.42" in proc.stdout
  # "auto" numerics resolved for the TPU target, not for the CPU that compiles
  assert proc.stdout.count("float32 weights, bfloat16 compute") == 2, proc.stdout[:600]
  row = _row(proc.stdout, "sampler")
  assert row[9] == "yes" and float(row[10]) > 0, row  # fits; XLA's FLOP estimate
