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
_COORD = flags.DEFINE_string("coordinator_address", None,
                             "multi-host: HOST:PORT of process 0 (TPU pods: auto-detected)")
_NPROC = flags.DEFINE_integer("num_processes", None, "multi-host: number of processes")
_PID = flags.DEFINE_integer("process_id", None, "multi-host: this process's index")
_DIST = flags.DEFINE_bool("distributed", False, "call jax.distributed.initialize() "
                          "(implied by --coordinator_address)")
_CPU_COLL = flags.DEFINE_string("cpu_collectives", None, "CPU multi-process collectives "
                                "(gloo) for testing multi-host code paths on one machine")


def main(argv):
  del argv
  logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
  import jax
  if _CPU_COLL.value:
    jax.config.update("jax_cpu_collectives_implementation", _CPU_COLL.value)
  if _DIST.value or _COORD.value:
    # Every process runs the same host loop on the same seeds; the jitted steps see global
    # arrays sharded over all processes' devices.
    jax.distributed.initialize(coordinator_address=_COORD.value,
                               num_processes=_NPROC.value, process_id=_PID.value)
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
