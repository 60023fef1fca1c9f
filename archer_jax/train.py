"""Train: `python -m archer_jax.train --config configs/twenty_questions.py:tiny
[--config.actor.lr=1e-5 ...] [--workdir DIR] [--resume] [--verbosity=0]`.

The console shows progress bars, warnings and the closing summary table; library INFO logging
(JAX, orbax) is off unless `--verbosity` (absl's flag: 0 = INFO, 1 = DEBUG) asks for it.
A bad command line (an unknown or misspelled config field, a bad value, a missing file) prints
one `error: ...` line and exits with status 2.
"""

from __future__ import annotations

import re
import sys
from typing import NoReturn

from absl import app, flags
from absl import logging as absl_logging
from ml_collections import config_flags

USAGE_ERROR = 2  # the exit status of a bad command line (as argparse uses)

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

_OVERRIDE = re.compile(r"^--?(?:no)?config\.([\w.]+)")


def fail(message: str) -> NoReturn:
  """Print `error: message` on one line to stderr and exit with status 2."""
  print("error: " + " ".join(str(message).split()), file=sys.stderr)
  sys.exit(USAGE_ERROR)


def _unknown_field(e: Exception, argv: list[str]) -> str | None:
  """ml_collections' KeyError / AttributeError for an override naming no field ->
  "config.a.b: no such field; did you mean config.a.c?", or None when no override fits."""
  text = e.args[0] if e.args else ""
  text = text.args[0] if isinstance(text, Exception) and text.args else str(text)
  key = re.match(r"""^\W*(\w+)""", text)
  if key is None:
    return None
  hint = re.search(r'Did you mean "([^"]+)"', text)
  for arg in argv:
    m = _OVERRIDE.match(arg)
    parts = m.group(1).split(".") if m else []
    if key.group(1) in parts:
      k = parts.index(key.group(1))
      msg = f"config.{'.'.join(parts[: k + 1])}: no such field"
      if hint:
        msg += f"; did you mean config.{'.'.join(parts[:k] + [hint.group(1)])}?"
      return msg
  return None


def _flag_error(e: flags.Error) -> str:
  """absl's message, with a config file's own exception instead of its whole traceback."""
  text = str(e)
  if "Error whilst parsing config file" in text:
    last = [ln.strip() for ln in text.splitlines() if ln.strip()][-1]
    return f"--config: {last}"
  return text


def _missing_file(e: OSError) -> str:
  """ml_collections' "Failed loading config file ... [Errno 2] ..." -> its last line."""
  return f"--config: {str(e.__cause__ or e).splitlines()[-1].strip()}"


def parse_flags(argv: list[str]) -> list[str]:
  """absl's flag parsing, with every command-line mistake turned into `fail(...)`."""
  try:
    return flags.FLAGS(argv)
  except flags.Error as e:  # unknown flag, bad value, misplaced override
    fail(_flag_error(e))
  except OSError as e:  # a missing config file, touched by an override
    fail(_missing_file(e))
  except (KeyError, AttributeError) as e:  # an override naming no field of the config
    msg = _unknown_field(e, argv)
    if msg is None:
      raise
    fail(msg)


def quiet_logging() -> None:
  """absl turns INFO on once flags are parsed; keep it at WARNING unless --verbosity was given."""
  if not flags.FLAGS["verbosity"].present:
    absl_logging.set_verbosity(absl_logging.WARNING)


def main(argv):
  del argv
  quiet_logging()
  if _CONFIG.value is None:
    fail("--config is required, e.g. --config configs/twenty_questions.py:tiny")
  try:
    _CONFIG.value.keys()
  except OSError as e:  # ml_collections defers a missing config file to its first use
    fail(_missing_file(e))
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
      _CONFIG.value, workdir=_WORKDIR.value, resume=_RESUME.value, progress=_PROGRESS.value
    )
  except (ConfigError, FileExistsError, FileNotFoundError) as e:
    fail(str(e))
  except CorruptCheckpointError as e:
    fail(f"--resume: {e} (continue from a copy of a good step, or start again in a new --workdir)")
  trainer.run()


if __name__ == "__main__":
  app.run(main, flags_parser=parse_flags)
