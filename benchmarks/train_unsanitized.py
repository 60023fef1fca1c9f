"""The trainer with the env's action cleaning (`envs.base.sanitize_action`) replaced by the
identity: actions reach the env as sampled, control characters included, as before that
cleaning existed. For comparing runs across that change (benchmarks/RESULTS.md, issue 11).

  python benchmarks/train_unsanitized.py --config configs/twenty_questions.py:tiny \
      --workdir runs/unsanitized_seed0 --noprogress
"""

from __future__ import annotations

import os
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, REPO)

from absl import app  # noqa: E402

import archer_jax.envs.base as env_base  # noqa: E402
from archer_jax import train  # noqa: E402

env_base.sanitize_action = lambda action: action if isinstance(action, str) else str(action)

if __name__ == "__main__":
  app.run(train.main, flags_parser=train.parse_flags)
