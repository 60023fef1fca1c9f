"""What the command-line programs share (`train`, `evaluate`, `aot`): absl flag parsing with
every mistake turned into one `error: ...` line and exit status 2, and a quiet console."""

from __future__ import annotations

import re
import sys
from typing import NoReturn

from absl import flags
from absl import logging as absl_logging

USAGE_ERROR = 2  # the exit status of a bad command line (as argparse uses)

_OVERRIDE = re.compile(r"^--?(?:no)?config\.([\w.]+)")


def fail(message: str, status: int = USAGE_ERROR) -> NoReturn:
  """Print `error: message` on one line to stderr and exit with `status` (default 2)."""
  print("error: " + " ".join(str(message).split()), file=sys.stderr)
  sys.exit(status)


def unknown_field(e: Exception, argv: list[str]) -> str | None:
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


def flag_error(e: flags.Error) -> str:
  """absl's message, with a config file's own exception instead of its whole traceback."""
  text = str(e)
  if "Error whilst parsing config file" in text:
    last = [ln.strip() for ln in text.splitlines() if ln.strip()][-1]
    return f"--config: {last}"
  return text


def missing_file(e: OSError) -> str:
  """ml_collections' "Failed loading config file ... [Errno 2] ..." -> its last line."""
  return f"--config: {str(e.__cause__ or e).strip().splitlines()[-1].strip()}"


def parse_flags(argv: list[str]) -> list[str]:
  """absl's flag parsing, with every command-line mistake turned into `fail(...)`."""
  try:
    return flags.FLAGS(argv)
  except flags.Error as e:  # unknown flag, bad value, misplaced override
    fail(flag_error(e))
  except OSError as e:  # a missing config file, touched by an override
    fail(missing_file(e))
  except (KeyError, AttributeError) as e:  # an override naming no field of the config
    msg = unknown_field(e, argv)
    if msg is None:
      raise
    fail(msg)


def loaded_config(holder, example: str = "configs/twenty_questions.py:tiny"):
  """The config of a `--config` flag holder, or `fail(...)` when it is absent or its file is
  missing (ml_collections defers that to the config's first use)."""
  if holder.value is None:
    fail(f"--config is required, e.g. --config {example}")
  try:
    holder.value.keys()
  except OSError as e:
    fail(missing_file(e))
  return holder.value


def quiet_logging() -> None:
  """absl turns INFO on once flags are parsed; keep it at WARNING unless --verbosity was given."""
  if not flags.FLAGS["verbosity"].present:
    absl_logging.set_verbosity(absl_logging.WARNING)
