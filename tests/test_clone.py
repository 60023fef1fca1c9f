"""A clone is complete: the repository alone, copied where it has no sibling folders, builds
every environment from its config's defaults and loads the packaged Guess My City data."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CONFIGS = sorted(
  p.stem for p in (REPO / "configs").glob("*.py") if p.stem not in ("__init__", "common")
)
_IGNORED = shutil.ignore_patterns(
  ".git", ".venv", "runs", "build", "__pycache__", "*.pyc", "*.egg-info", ".pytest_cache"
)

# Run inside the copy: every env from `configs/<name>.py` with its default variant.
_PROBE = r"""
import importlib.util, json, os, sys
import archer_jax
root = os.getcwd()
assert archer_jax.__file__.startswith(root + os.sep), archer_jax.__file__
from archer_jax.envs.guess_my_city import load_conversations
from archer_jax.envs.registry import make_env
from archer_jax.training.validate import load_config
out = {"conversations": len(load_conversations())}
for name in sys.argv[1:]:
  c = load_config(f"configs/{name}.py")
  if c.env.name == "detective" and importlib.util.find_spec("jericho") is None:
    out[name] = "no jericho"
    continue
  if c.env.name == "webshop":  # the real shop is a separate server: use the built-in one
    sys.path.insert(0, os.path.join(root, "tests"))
    from webshop_server import start_server
    c.env.kwargs.server_url = start_server()[1]
  env = make_env(c.env, batch_size=2, seed=0)
  out[name] = [type(env).__name__, len(env.reset()[0])]
print(json.dumps(out))
"""


def _repository_files() -> list[str]:
  """The files a clone has (tracked or untracked, not ignored); a filtered walk without git."""
  try:
    listed = (
      subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard", "-z"],
        cwd=REPO,
        capture_output=True,
        check=True,
      )
      .stdout.decode()
      .split("\0")
    )
    return [rel for rel in listed if rel and (REPO / rel).is_file()]
  except (OSError, subprocess.CalledProcessError):
    out = []
    for top, dirs, files in os.walk(REPO):
      dirs[:] = sorted(set(dirs) - _IGNORED(top, dirs))
      out += [
        os.path.relpath(os.path.join(top, f), REPO)
        for f in sorted(set(files) - _IGNORED(top, files))
      ]
    return out


def test_a_lone_copy_builds_every_env_and_loads_the_conversations(tmp_path):
  clone = tmp_path / "archer_jax_clone"  # no sibling folders
  for rel in _repository_files():
    (clone / rel).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(REPO / rel, clone / rel)
  assert sorted(p.name for p in tmp_path.iterdir()) == [clone.name]
  env = {
    "PATH": "/usr/bin:/bin",
    "PYTHONPATH": str(clone),
    "HF_HUB_OFFLINE": "1",
    "JAX_PLATFORMS": "cpu",
    "HOME": str(tmp_path),
  }
  proc = subprocess.run(
    [sys.executable, "-c", _PROBE, *CONFIGS],
    cwd=clone,
    env=env,
    capture_output=True,
    text=True,
    timeout=600,
  )
  assert proc.returncode == 0, proc.stderr[-3000:]
  out = json.loads(proc.stdout.strip().splitlines()[-1])
  assert out.pop("conversations") == 950
  assert sorted(out) == CONFIGS
  for name, built in out.items():
    if built != "no jericho":
      assert built[0].endswith("Env") and built[1] > 0, (name, built)


def test_no_file_refers_to_a_path_outside_the_repository():
  outside = re.compile(r"\.\./" + "shared|" + "shared/" + "data")
  suffixes = {".py", ".md", ".cfg", ".toml", ".ini", ".txt", ".in", ".sh", ".yaml", ".yml"}
  bad = []
  for rel in _repository_files():
    path = REPO / rel
    if path.suffix in suffixes or path.name == "Makefile":
      for i, line in enumerate(path.read_text(errors="replace").splitlines(), 1):
        if outside.search(line):
          bad.append(f"{rel}:{i}: {line.strip()}")
  assert not bad, "\n".join(bad)
