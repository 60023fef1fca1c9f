"""Tokenizers for local checkpoints via `transformers.AutoTokenizer`, offline.

Building a tokenizer from a GGUF file means converting its vocabulary and merges (seconds
for a 49k vocabulary), so results are cached in memory per process and, for GGUF files, on
disk as a saved tokenizer directory keyed by the file's path, size, mtime and the
transformers version. The disk cache lives in `$ARCHER_JAX_CACHE/tokenizers` (default
`~/.cache/archer_jax/tokenizers`); set ARCHER_JAX_CACHE=none to disable it.
"""

from __future__ import annotations

import functools
import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from archer_jax.loading.registry import resolve


def cache_root() -> Path | None:
  """The on-disk cache root, or None when disabled."""
  root = os.environ.get("ARCHER_JAX_CACHE", "")
  if root.lower() in ("none", "off", "0"):
    return None
  return Path(root).expanduser() if root else Path.home() / ".cache" / "archer_jax"


def _gguf_cache_dir(gguf: Path) -> Path | None:
  import transformers

  root = cache_root()
  if root is None:
    return None
  st = gguf.stat()
  ident = f"{gguf.resolve()}|{st.st_size}|{st.st_mtime_ns}|{transformers.__version__}"
  digest = hashlib.sha1(ident.encode()).hexdigest()[:16]
  return root / "tokenizers" / f"{gguf.stem}-{digest}"


def _from_gguf(gguf: Path):
  from transformers import AutoTokenizer

  cached = _gguf_cache_dir(gguf)
  if cached is not None and (cached / "tokenizer_config.json").exists():
    try:
      return AutoTokenizer.from_pretrained(str(cached), local_files_only=True)
    except Exception:  # noqa: BLE001 - a damaged cache entry: rebuild it below
      shutil.rmtree(cached, ignore_errors=True)
  tok = AutoTokenizer.from_pretrained(str(gguf.parent), gguf_file=gguf.name, local_files_only=True)
  if cached is not None:
    try:  # write to a temporary sibling, then rename: concurrent loaders never see halves
      cached.parent.mkdir(parents=True, exist_ok=True)
      tmp = tempfile.mkdtemp(dir=cached.parent, prefix=".tmp-")
      tok.save_pretrained(tmp)
      try:
        os.replace(tmp, cached)
      except OSError:  # another process got there first
        shutil.rmtree(tmp, ignore_errors=True)
    except OSError:
      pass  # read-only home etc.: the cache is only an optimisation
  return tok


@functools.lru_cache(maxsize=16)
def _load(path: str):
  from transformers import AutoTokenizer

  p = Path(path)
  if p.suffix == ".gguf":
    return _from_gguf(p)
  if not p.is_dir():
    raise FileNotFoundError(f"{path!r}: a tokenizer needs an HF directory or a .gguf file")
  return AutoTokenizer.from_pretrained(path, local_files_only=True)


def load_tokenizer(name_or_path: str | os.PathLike):
  """The transformers tokenizer of a known model name, an HF directory or a .gguf file.

  Cached: repeated calls return the same object (do not mutate it).
  """
  return _load(str(resolve(name_or_path).resolve()))
