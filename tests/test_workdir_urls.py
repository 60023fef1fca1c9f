"""Work directories given as URLs: every file of a run goes through `etils.epath`.

The end-to-end run uses a `file://` URL, not `memory://`: etils.epath, through which orbax
opens every checkpoint directory, has no `memory://` backend (`epath.Path("memory://x")`
raises), and orbax writes arrays with tensorstore, which takes only `gs://` and absolute local
paths. So no in-process filesystem can hold a checkpoint. epath has no `file://` backend
either: `paths.resolve` turns a `file://` URL into its local directory, the URL a test can
train in and read back. The run's other files (metrics, plot, tokenizer, BC cache) are also
written to a `gs://` work directory that epath's testing mock keeps on local disk, with
appends refused as an object store refuses them.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import jax.numpy as jnp
import numpy as np
import pytest
from etils import epath
from etils.epath import testing as epath_testing

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from archer_jax.training import builder, paths, reporting, warm_cache  # noqa: E402
from archer_jax.training.checkpointing import Checkpointer  # noqa: E402
from archer_jax.training.trainer import Trainer  # noqa: E402
from configs import twenty_questions  # noqa: E402


def smoke(workdir: str, iterations: int):
  c = twenty_questions.get_config("smoke")
  c.workdir = workdir
  c.train.iterations = iterations
  return c


def test_smoke_run_in_a_file_url_workdir_resumes_from_it(tmp_path):
  local = tmp_path / "run"
  url = local.as_uri()  # file:///.../run
  first = Trainer(smoke(url, 1), progress=False)
  assert first.workdir == epath.Path(local)  # the URL's local directory, absolute
  first.warm_start()  # then a crash: the warm start's checkpoint (step 0) is in the URL
  with pytest.raises(FileExistsError, match=f"^{local} already holds checkpoints"):
    Trainer(smoke(url, 1), progress=False)

  resumed = Trainer(smoke(url, 1), resume=True, progress=False)
  assert resumed.ckpt.restored_step == 0 and bool(resumed.state.bc_done)
  out = resumed.run()
  assert out["iterations"] == 1 and out["workdir"] == str(local)

  # everything reads back through the URL
  root = paths.resolve(url)
  hist = [json.loads(line) for line in (root / "metrics.jsonl").read_text().splitlines()]
  assert [h["iteration"] for h in hist] == [0, 1]
  assert (root / "training.png").read_bytes()[:4] == b"\x89PNG"
  assert (root / "tokenizer" / "tokenizer.json").exists()
  ckpt = Checkpointer(f"{url}/checkpoints")
  assert ckpt.all_steps() == [0, 1]
  arrays, meta = ckpt.restore(None, resumed._arrays())
  assert [h["iteration"] for h in meta["history"]] == [0, 1]
  assert int(np.asarray(arrays["state"]["iteration"])) == 1


@pytest.fixture
def bucket(tmp_path):
  """gs://bucket/... kept under tmp_path/bucket by epath's testing mock (paths that are
  not gs:// are left alone); like an object store's, a write needs no directory and an append
  is refused."""
  root = tmp_path / "bucket"

  def local(p):
    s = str(p)
    return str(root / s.removeprefix("gs://bucket/")) if s.startswith("gs://") else s

  def one(fn, p, *a, **k):
    return fn(local(p), *a, **k)

  def two(fn, p, dst, *a, **k):
    return fn(local(p), local(dst), *a, **k)

  def open_(fn, p, mode):
    if str(p).startswith("gs://") and "r" not in mode:
      if "a" in mode:
        raise OSError(f"{p}: an object store cannot append")
      Path(local(p)).parent.mkdir(parents=True, exist_ok=True)  # keys need no directories
    return fn(local(p), mode)

  fns = ("exists", "isdir", "listdir", "makedirs", "mkdir", "remove", "rmtree", "stat")
  with epath_testing.mock_epath(
    open=open_, rename=two, replace=two, copy=two, **{f: one for f in fns}
  ):
    yield root


def test_gs_workdir_files_go_through_epath(bucket, tmp_path, monkeypatch):
  monkeypatch.chdir(tmp_path)  # a stray os-level write would land in tmp_path/gs:
  workdir = "gs://bucket/run"
  assert paths.resolve(workdir) == epath.Path(workdir)

  log = reporting.MetricsLog(workdir)
  for it in range(3):
    log.write({"iteration": it, "critic_loss": 1.0 / (it + 1), "eval_return": -it})
  log.truncate_after(1)
  lines = (bucket / "run" / "metrics.jsonl").read_text().splitlines()
  assert [json.loads(line)["iteration"] for line in lines] == [0, 1]
  history = [json.loads(line) for line in lines]
  png = reporting.plot(history, paths.resolve(workdir) / "training.png")
  assert png == f"{workdir}/training.png"
  assert (bucket / "run" / "training.png").read_bytes()[:4] == b"\x89PNG"

  c = smoke(workdir, 1)
  corpus = ["is it an animal?\n", "yes.", "is it a dog?\n", "no."] * 20
  trained = builder.build_tokenizers(c, workdir, lambda: corpus)
  assert (bucket / "run" / "tokenizer" / "tokenizer.json").exists()
  loaded = builder.build_tokenizers(c, workdir, lambda: pytest.fail("trained again"))
  assert loaded.actor.get_vocab() == trained.actor.get_vocab()

  params = {"w": jnp.arange(6, dtype=jnp.float32).reshape(2, 3)}
  stored = warm_cache.store("gs://bucket/cache", "k", params, 0.5)
  assert stored == "gs://bucket/cache/bc_k.msgpack"
  assert [p.name for p in (bucket / "cache").iterdir()] == ["bc_k.msgpack"]
  got, loss = warm_cache.load("gs://bucket/cache", "k", params)
  np.testing.assert_array_equal(got["w"], params["w"])
  assert loss == 0.5
  assert not (tmp_path / "gs:").exists()


def test_unknown_url_scheme_names_the_workdir(tmp_path):
  from archer_jax.training.validate import ConfigError

  with pytest.raises(ConfigError, match=r"workdir: 'memory://run': unsupported URL scheme"):
    Trainer(smoke("memory://run", 1), progress=False)
