"""Train: `python -m archer_jax.train --config configs/twenty_questions.py:tiny
[--config.actor.lr=1e-5 ...] [--workdir DIR] [--resume] [--verbosity=0]`.

The console shows progress bars, warnings and the closing summary table; library INFO logging
(JAX, orbax) is off unless `--verbosity` (absl's flag: 0 = INFO, 1 = DEBUG) asks for it.
A bad command line (an unknown or misspelled config field, a bad value, a missing file) prints
one `error: ...` line and exits with status 2.
"""

from __future__ import annotations

from absl import app, flags
from ml_collections import config_flags

from archer_jax.cli import fail, loaded_config, parse_flags, quiet_logging

__all__ = ["fail", "main", "parse_flags", "quiet_logging"]

_CONFIG = config_flags.DEFINE_config_file(
  "config", None, "training config file[:variant]", lock_config=True
)
_WORKDIR = flags.DEFINE_string(
  "workdir", None, "output directory, local or a URL: gs://bucket/dir (default: config.workdir)"
)
_RESUME = flags.DEFINE_bool("resume", False, "continue from the latest checkpoint in workdir")
_PROGRESS = flags.DEFINE_bool("progress", True, "show progress bars")
_COORD = flags.DEFINE_string(
  "coordinator_address", None, "multi-host: HOST:PORT of process 0 (TPU pods: auto-detected)"
)
_NPROC = flags.DEFINE_integer("num_processes", None, "multi-host: number of processes")
_PID = flags.DEFINE_integer("process_id", None, "multi-host: this process's index")
_DIST = flags.DEFINE_bool(
  "distributed", False, "call jax.distributed.initialize() (implied by --coordinator_address)"
)
_CPU_COLL = flags.DEFINE_string(
  "cpu_collectives",
  None,
  "CPU multi-process collectives (gloo) for testing multi-host code paths on one machine",
)


def main(argv):
  del argv
  quiet_logging()
  config = loaded_config(_CONFIG)
  import jax

  if _CPU_COLL.value:
    jax.config.update("jax_cpu_collectives_implementation", _CPU_COLL.value)
  if _DIST.value or _COORD.value:
    # Every process runs the same host loop on the same seeds; the jitted steps see global
    # arrays sharded over all processes' devices.
    jax.distributed.initialize(
      coordinator_address=_COORD.value, num_processes=_NPROC.value, process_id=_PID.value
    )
  from archer_jax.training.checkpointing import CorruptCheckpointError
  from archer_jax.training.trainer import Trainer
  from archer_jax.training.validate import ConfigError

  try:
    trainer = Trainer(
      config, workdir=_WORKDIR.value, resume=_RESUME.value, progress=_PROGRESS.value
    )
  except (ConfigError, FileExistsError, FileNotFoundError) as e:
    fail(str(e))
  except CorruptCheckpointError as e:
    fail(f"--resume: {e} (continue from a copy of a good step, or start again in a new --workdir)")
  with trainer:  # closes its envs and checkpoint manager, an error included
    trainer.run()


if __name__ == "__main__":
  app.run(main, flags_parser=parse_flags)
