"""The resolved config a run was trained with, kept in its directory as `config.json`.

`Trainer` writes it when a run starts or resumes (references resolved, overrides applied), so
tools that read a run back (`python -m archer_jax.evaluate --workdir DIR`) need neither the
config file nor the command line's overrides; a resume with a different config says which
fields changed.
"""

from __future__ import annotations

import json
from typing import Any

import ml_collections as mlc
from etils import epath

FILE = "config.json"


def save(config, workdir: epath.Path) -> None:
  """Write `config` (resolved) to workdir/config.json, replacing an earlier one."""
  text = config.to_json_best_effort(sort_keys=True, indent=1)
  (workdir / FILE).write_text(text + "\n")


def stored(workdir: epath.Path) -> mlc.ConfigDict | None:
  """The config a run in `workdir` stored, or None when it stored none (an older run).
  A file that is not a JSON object raises ValueError naming it."""
  path = workdir / FILE
  if not path.exists():
    return None
  try:
    doc = json.loads(path.read_text())
  except json.JSONDecodeError as e:
    raise ValueError(f"{path} is not the JSON a run writes ({e})") from None
  if not isinstance(doc, dict):
    raise ValueError(f"{path} holds a JSON {type(doc).__name__}, not a config object")
  return mlc.ConfigDict(doc)


def _flat(tree: Any, prefix: str = "") -> dict[str, Any]:
  """A parsed JSON object -> {dotted field: value} (an empty object is one field)."""
  if isinstance(tree, dict):
    out: dict[str, Any] = {}
    for k, v in tree.items():
      out.update(_flat(v, f"{prefix}{k}."))
    return out or {prefix[:-1]: {}}
  return {prefix[:-1]: tree}


def differences(old, new) -> list[str]:
  """'field: old -> new' for every dotted field whose value differs between two configs
  (a field only one of them has counts, shown as <absent>); compared as JSON values, so a
  tuple equals the list it is stored as."""
  a = _flat(json.loads(old.to_json_best_effort()))
  b = _flat(json.loads(new.to_json_best_effort()))
  absent = "<absent>"
  return [
    f"{k}: {a.get(k, absent)!r} -> {b.get(k, absent)!r}"
    for k in sorted(set(a) | set(b))
    if a.get(k, absent) != b.get(k, absent)
  ]
