"""Train: `python -m archer_jax.train --config configs/twenty_questions.py:tiny
[--config.actor.lr=1e-5 ...] [--workdir DIR] [--resume]`."""
from __future__ import annotations

import logging
import sys

from absl import app, flags
from ml_collections import config_flags

_CONFIG = config_flags.DEFINE_config_file("config", None, "training config file[:variant]",
                                          lock_config=True)
_WORKDIR = flags.DEFINE_string("workdir", None, "output directory (default: config.workdir)")
_RESUME = flags.DEFINE_bool("resume", False, "continue from the latest checkpoint in workdir")
_PROGRESS = flags.DEFINE_bool("progress", True, "show progress bars")


def main(argv):
  del argv
  logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
  from archer_jax.training.trainer import Trainer
  from archer_jax.training.validate import ConfigError
  if _CONFIG.value is None:
    sys.exit("--config is required, e.g. --config configs/twenty_questions.py:tiny")
  try:
    trainer = Trainer(_CONFIG.value, workdir=_WORKDIR.value, resume=_RESUME.value,
                      progress=_PROGRESS.value)
  except (ConfigError, FileExistsError, FileNotFoundError) as e:
    sys.exit(f"error: {e}")
  trainer.run()


if __name__ == "__main__":
  app.run(main)
