"""LoRA runs end to end: only the adapters train, a checkpoint holds the adapters (and heads
and optimiser state) but not the frozen base model, whose fingerprint it records; resume is
bit-identical, and resuming onto another base model fails naming actor.model."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import jax
import numpy as np
import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from test_train import _assert_same_run, _run, micro_config  # noqa: E402

from archer_jax.training.validate import ConfigError  # noqa: E402

# kl_coef > 0: the run keeps a reference policy (a second copy of the base, also not saved)
LORA = {"actor.lora_rank": 4, "algo.kl_coef": 0.1, "train.iterations": 2, "train.eval_every": 1}


def _saved_keys(workdir: Path, step: int) -> list[str]:
  """The array paths a checkpoint step holds (its checksums item names every array)."""
  item = workdir / "checkpoints" / str(step) / "checksums" / "metadata"
  return list(json.loads(item.read_text())["arrays"])


@pytest.mark.slow
def test_lora_checkpoints_hold_adapters_only_and_resume_bit_identically(tmp_path):
  from archer_jax.training.trainer import Trainer

  full = _run(micro_config(tmp_path / "a", **LORA))
  lm0 = Trainer(micro_config(tmp_path / "fresh", **LORA), progress=False).state.actor.params
  # the base never moves; the adapters do
  base0, base = jax.tree.leaves(lm0["lm"]), jax.tree.leaves(full.state.actor.params["lm"])
  for x, y in zip(base0, base, strict=True):
    np.testing.assert_array_equal(np.asarray(x), np.asarray(y))
  b0 = np.asarray(lm0["lora"]["q"]["b"])
  assert not np.any(b0) and np.any(np.asarray(full.state.actor.params["lora"]["q"]["b"]))

  keys = _saved_keys(Path(full.workdir), 2)
  assert any(k.startswith("state/actor/params/lora/") for k in keys), keys[:5]
  assert any(k.startswith("state/ref/lora/") for k in keys), keys[:5]
  assert not [k for k in keys if "/params/lm/" in k or k.startswith("state/ref/lm/")]

  part = micro_config(tmp_path / "b", **LORA)
  part.train.iterations = 1
  _run(part)
  _assert_same_run(full, _run(micro_config(tmp_path / "b", **LORA), resume=True))

  # the same checkpoint onto another base model
  other = micro_config(tmp_path / "b", **LORA)
  other.seed = 1  # another initial base model
  with pytest.raises(ConfigError, match=r"config\.actor\.model: .*another base model"):
    Trainer(other, resume=True, progress=False)
