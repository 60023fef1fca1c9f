"""Work-directory paths: a local directory or a URL, all through `etils.epath`.

orbax writes checkpoints through `etils.epath`, so every other file of a run (metrics, plot,
tokenizer, datasets) goes through it too: a `gs://` work directory works wherever orbax's
checkpoints do. A `file://` URL names a local directory (epath itself knows `gs://`, `s3://`,
`az://` and `hf://`, not `file://`).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from typing import Iterator
from urllib.parse import urlparse
from urllib.request import url2pathname

from etils import epath


def is_url(path: str | os.PathLike) -> bool:
  """Whether `path` is a URL (`gs://bucket/dir`) rather than a local path."""
  return "://" in os.fspath(path)


def resolve(path: str | os.PathLike) -> epath.Path:
  """`path` as an `epath.Path`: a local path (or `file://` URL) made absolute, another URL as
  given. ValueError for a URL epath cannot open."""
  s = os.fspath(path)
  if s.startswith("file://"):
    url = urlparse(s)
    if url.netloc not in ("", "localhost"):
      raise ValueError(f"{s!r}: a file:// URL names a local path (file:///absolute/path)")
    s = url2pathname(url.path)
  if not is_url(s):
    return epath.Path(s).resolve()  # absolute and normalised, as os.path.abspath
  try:
    return epath.Path(s)
  except KeyError:  # epath's answer to a scheme it has no backend for
    raise ValueError(
      f"{s!r}: unsupported URL scheme (etils.epath opens gs://, s3://, az://, hf://; "
      "orbax checkpoints gs:// and local paths)"
    ) from None


def append_text(path: epath.Path, text: str) -> None:
  """Append `text` to the file at `path` (created if missing). Object stores cannot append,
  so a URL's file is rewritten whole (fine for small logs)."""
  if is_url(path):
    path.write_text((path.read_text() if path.exists() else "") + text)
  else:
    with path.open("a") as f:
      f.write(text)


@contextlib.contextmanager
def local_dir(path: epath.Path, write: bool = False) -> Iterator[str]:
  """A local directory standing for `path`, for libraries that open only local files.

  A local `path` is itself (created when `write`). A URL's is a temporary directory holding a
  copy of its files (none when `write`), copied back to `path` on exit when `write`. Files
  only: sub-directories are not copied.
  """
  if not is_url(path):
    if write:
      path.mkdir(parents=True, exist_ok=True)
    yield os.fspath(path)
    return
  with tempfile.TemporaryDirectory() as tmp:
    local = epath.Path(tmp)
    if not write:
      for f in path.iterdir():
        if not f.is_dir():
          (local / f.name).write_bytes(f.read_bytes())
    yield tmp
    if write:
      path.mkdir(parents=True, exist_ok=True)
      for f in local.iterdir():
        if not f.is_dir():
          (path / f.name).write_bytes(f.read_bytes())
