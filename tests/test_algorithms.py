"""Algorithms as plug-ins: the registry, every registered algorithm end to end with a
bit-identical resume, a plug-in algorithm and env from a file under tests/, and numpy
references for CHAI's candidate selection and filtered BC's episode selection."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import types
from pathlib import Path

import jax
import jax.numpy as jnp
import numpy as np
import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from test_train import _assert_same_run, _run, micro_config  # noqa: E402

from archer_jax.algorithms import losses  # noqa: E402
from archer_jax.algorithms.filtered_bc import select_episodes  # noqa: E402
from archer_jax.algorithms.registry import algorithm_names, get_algorithm  # noqa: E402
from archer_jax.training.validate import ConfigError, validate  # noqa: E402

PLUGINS = str(REPO / "tests" / "example_plugins.py")


def test_builtin_algorithms_are_registered():
  assert {"archer", "chai", "filtered_bc"} <= set(algorithm_names())
  assert get_algorithm("chai").name == "chai"


def test_unknown_algorithm_fails_naming_the_field_and_the_known_names(tmp_path):
  c = micro_config(tmp_path, **{"algo.name": "sarsa"})
  with pytest.raises(ConfigError, match=r"config\.algo\.name.*'sarsa'.*archer.*chai"):
    validate(c)


def test_cli_unknown_algorithm_fails_at_startup(tmp_path):
  r = subprocess.run(
    [
      sys.executable,
      "-m",
      "archer_jax.train",
      "--config",
      "configs/twenty_questions.py:smoke",
      "--config.algo.name=sarsa",
      "--workdir",
      str(tmp_path / "w"),
      "--noprogress",
    ],
    cwd=REPO,
    capture_output=True,
    text=True,
    timeout=300,
  )
  assert r.returncode != 0
  out = r.stderr + r.stdout
  assert "config.algo.name" in out and "filtered_bc" in out and "chai" in out
  assert not (tmp_path / "w" / "checkpoints").exists()


# archer: the same run and resume is `test_train.py::test_tiny_run_logs_and_resume_is_bit_identical`
@pytest.mark.parametrize("name", [n for n in algorithm_names() if n != "archer"])
def test_every_algorithm_runs_smoke_and_resumes_bit_identically(tmp_path, name):
  """The smoke config end to end under each registered algorithm (2 iterations), and the same
  run interrupted after 1 and resumed: every array and every logged metric equal."""
  over = {"algo.name": name, "train.iterations": 2, "train.eval_every": 1}
  full = _run(micro_config(tmp_path / "a", **over))
  hist = [json.loads(line) for line in open(full.metrics.path)]
  assert [h["phase"] for h in hist] == ["bc", name, name]
  assert all(np.isfinite(h["eval_return"]) for h in hist if "eval_return" in h)
  if full.needs.critic:
    assert np.isfinite(hist[-1]["critic_loss"])
  else:
    assert full.state.critic is None and "critic_loss" not in hist[-1]
  _run(micro_config(tmp_path / "b", **{**over, "train.iterations": 1}))
  resumed = _run(micro_config(tmp_path / "b", **over), resume=True)
  _assert_same_run(full, resumed)


def test_plugin_algorithm_and_env_from_a_file_train_end_to_end(tmp_path):
  """tests/example_plugins.py registers the env `guess_the_number` (no scripted player: the
  from-scratch tokenizer learns from the env's own text) and the algorithm `reinforce`; the
  smoke config trains with them through the trainer, nothing in archer_jax edited."""
  from archer_jax.training.trainer import Trainer
  from archer_jax.training.validate import load_config

  cfg = load_config(PLUGINS)
  cfg.workdir = str(tmp_path / "run")
  cfg.train.update(iterations=2, eval_every=1)
  t = Trainer(cfg, progress=False)
  assert type(t.algorithm).__name__ == "Reinforce" and t.state.critic is None
  assert "Guess my number" in t.tokenizers.actor.decode(
    t.tokenizers.actor_encoder.extend(None, None, "Guess my number (1-8).\n")
  )
  before = jax.tree.map(np.array, t.state.actor.params)
  t.run()
  hist = [json.loads(line) for line in open(t.metrics.path)]
  assert [h["phase"] for h in hist] == ["reinforce", "reinforce"]
  assert all(-cfg.env.max_turns <= h["eval_return"] <= 0 for h in hist)
  assert np.isfinite(hist[-1]["actor_loss"])
  moved = [
    not np.array_equal(x, y)
    for x, y in zip(
      jax.tree.leaves(before), jax.tree.leaves(jax.device_get(t.state.actor.params)), strict=True
    )
  ]
  assert any(moved)


def test_bc_warm_start_without_a_player_is_a_config_error(tmp_path):
  from archer_jax.training.trainer import load_plugins

  load_plugins(PLUGINS)
  c = micro_config(
    tmp_path, **{"plugins": PLUGINS, "env.name": "guess_the_number", "env.kwargs": {}}
  )
  with pytest.raises(ConfigError, match=r"config\.bc\.steps.*no scripted player"):
    validate(c)


def test_docs_show_the_example_that_the_test_runs():
  doc = (REPO / "docs" / "algorithms.md").read_text()
  blocks = re.findall(r"```python\n(.*?)```", doc, flags=re.S)
  assert (REPO / "tests" / "example_plugins.py").read_text() in blocks


# ---- CHAI: candidate selection ------------------------------------------------------------
def test_best_candidate_takes_the_first_of_ties():
  q = np.array([[0.1, 0.5, 0.5, 0.2], [3.0, 3.0, 3.0, 3.0], [-1.0, -2.0, -0.5, -0.5]], np.float32)
  np.testing.assert_array_equal(np.asarray(losses.best_candidate(jnp.asarray(q))), [1, 0, 2])


def test_best_of_k_heads_matches_numpy_reference():
  """j* = argmax_j min(Q1, Q2)(s, a^j) (first on ties) and the Q heads at j*, against a
  float64 numpy twin of the stand-in critic, with a planted tie."""
  from _helpers import np_embed, np_heads, np_tree, toy_critic_params, toy_embed, toy_heads

  rng = np.random.default_rng(0)
  b, k, lo, la = 5, 4, 6, 3
  p = toy_critic_params(1)
  obs = rng.integers(0, 16, (b, lo)).astype(np.int32)
  om = rng.random((b, lo)) < 0.8
  om[:, -1] = True
  cand = rng.integers(0, 16, (b, k, la)).astype(np.int32)
  cm = np.ones((b, k, la), bool)
  cand[2, 3] = cand[2, 1]  # row 2: candidates 1 and 3 tie exactly
  ea = lambda pp, o, m, a, am: toy_embed(pp, a, am)
  out = losses.best_of_k_heads(
    p,
    jnp.asarray(obs),
    jnp.asarray(om),
    jnp.asarray(cand),
    jnp.asarray(cm),
    embed=toy_embed,
    heads=toy_heads,
    embed_act=ea,
  )
  pn = np_tree(p)
  es = np_embed(pn, obs, om)
  q1, q2 = np.zeros((b, k)), np.zeros((b, k))
  for j in range(k):
    h = np_heads(pn, es, np_embed(pn, cand[:, j], cm[:, j]))
    q1[:, j], q2[:, j] = h["q1"], h["q2"]
  qmin = np.minimum(q1, q2)
  best = np.array([int(np.flatnonzero(r == r.max())[0]) for r in qmin])
  assert qmin[2, 1] == qmin[2, 3] and best[2] != 3
  np.testing.assert_array_equal(np.asarray(out["best"]), best)
  np.testing.assert_allclose(np.asarray(out["q1"]), q1[np.arange(b), best], rtol=1e-5)
  np.testing.assert_allclose(np.asarray(out["q2"]), q2[np.arange(b), best], rtol=1e-5)


def test_chai_critic_target_regresses_v_onto_the_best_of_k():
  """With k candidates, y_V = Qbar_i(s, a^j*) (the best candidate by min Qbar); with k = 1
  the loss is ArCHer's on that single candidate."""
  from _helpers import (
    critic_batch,
    np_embed,
    np_heads,
    np_tree,
    toy_critic_params,
    toy_embed,
    toy_heads,
  )

  rng = np.random.default_rng(1)
  base = critic_batch(rng, valid=[1, 1, 1, 0, 1, 1])
  k = 3
  cand = rng.integers(0, 16, (6, k, base["pi_act"].shape[1])).astype(np.int32)
  batch = dict(base, pi_act=cand, pi_act_mask=np.ones(cand.shape, bool))
  p, tp = toy_critic_params(2), toy_critic_params(3)
  _, m = losses.critic_loss(
    p,
    tp,
    jax.tree.map(jnp.asarray, batch),
    embed=toy_embed,
    heads=toy_heads,
    gamma=0.9,
    num_rows=5.0,
    num_candidates=k,
  )
  pn, tn = np_tree(p), np_tree(tp)
  es_t = np_embed(tn, batch["obs"], batch["obs_mask"])
  qs = [
    np_heads(tn, es_t, np_embed(tn, cand[:, j], np.ones(cand.shape[::2], bool))) for j in range(k)
  ]
  qmin = np.stack([np.minimum(q["q1"], q["q2"]) for q in qs], 1)
  best = qmin.argmax(1)
  es = np_embed(pn, batch["obs"], batch["obs_mask"])
  online = np_heads(pn, es)
  valid = batch["valid"]
  for i in ("1", "2"):
    y_v = np.stack([q["q" + i] for q in qs], 1)[np.arange(6), best]
    ref = np.sum(valid * (online["v" + i] - y_v) ** 2) / 5.0
    np.testing.assert_allclose(float(m[f"v{i}_loss"]), ref, rtol=1e-5)


def test_chai_plays_the_best_candidate_per_row():
  """CHAI.choose: k samples per prompt, the argmax of the scores per row (first on ties)."""
  from archer_jax.algorithms.chai import CHAI, bucket

  class FakePolicy:
    def sample(self, params, prompts, key, greedy):
      ids = [[i] for i in range(len(prompts))]
      return ids, [f"cand{i}" for i in range(len(prompts))], None

  class Ctx:
    policy = FakePolicy()

  chai = CHAI.__new__(CHAI)
  chai.ctx, chai.num_candidates = Ctx(), 3
  scores = np.array([0.1, 0.7, 0.7, 5.0, -1.0, 2.0], np.float32)
  chai.scores = lambda state, prompts, texts, ids, out: scores
  state = types.SimpleNamespace(actor=types.SimpleNamespace(params=None))
  ids, texts = chai.choose(state, None, [[1], [2]], ["a", "b"])
  assert texts == ["cand1", "cand3"] and ids == [[1], [3]]
  assert [bucket(n) for n in (1, 8, 9, 40)] == [8, 8, 16, 64]


# ---- filtered BC: episode selection -------------------------------------------------------
def _np_select(returns, iterations, it, window, quantile):
  """Reference: the quantile by sorting and linear interpolation, loops over episodes."""
  recent = [i for i in range(len(returns)) if iterations[i] > it - window]
  if not recent:
    return np.zeros(len(returns), bool)
  xs = sorted(float(returns[i]) for i in recent)
  pos = quantile * (len(xs) - 1)
  lo = int(np.floor(pos))
  hi = min(lo + 1, len(xs) - 1)
  thr = xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)
  return np.array([i in recent and returns[i] >= thr for i in range(len(returns))])


@pytest.mark.parametrize(
  "window,quantile", [(1, 0.9), (2, 0.9), (3, 0.5), (10, 0.9), (2, 0.0), (2, 1.0)]
)
def test_filtered_bc_selection_matches_reference(window, quantile):
  rng = np.random.default_rng(window)
  iterations = np.repeat(np.arange(5), 7)
  returns = rng.integers(-6, 1, size=len(iterations)).astype(np.float32)  # many ties
  got = select_episodes(returns, iterations, 4, window, quantile)
  np.testing.assert_array_equal(got, _np_select(returns, iterations, 4, window, quantile))
  assert not got[iterations <= 4 - window].any()


def test_filtered_bc_keeps_ties_at_the_threshold():
  returns = np.array([0, -1, -1, 0, -1, -1, -1, -1, -1, -1], np.float32)
  keep = select_episodes(returns, np.zeros(10, int), 0, 1, 0.9)  # threshold exactly 0
  assert np.quantile(returns, 0.9) == 0.0
  np.testing.assert_array_equal(keep, returns == 0)
  keep = select_episodes(returns, np.zeros(10, int), 0, 1, 0.5)  # median -1: all kept
  assert keep.all()


def test_filtered_bc_rows_from_the_buffer(tmp_path):
  """kept_rows picks every turn of the selected episodes of the window, none other."""
  from archer_jax.algorithms.filtered_bc import FilteredBC
  from archer_jax.training.replay_buffer import ReplayBuffer

  algo = FilteredBC.__new__(FilteredBC)
  algo.window, algo.quantile = 2, 0.5
  one_shard = types.SimpleNamespace(local=(0,), gather=list)
  algo.ctx = types.SimpleNamespace(shards=one_shard)
  buf = ReplayBuffer(
    64, {"episode": ((), np.int64), "episode_return": ((), np.float32), "iteration": ((), np.int32)}
  )
  ep = np.array([0, 0, 1, 1, 1, 2, 1_000_000, 1_000_000, 1_000_001, 2_000_000, 2_000_001])
  ret = np.array([-9, -9, -1, -1, -1, -3, -2, -2, -7, -4, -5], np.float32)
  itr = ep // 1_000_000
  buf.add({"episode": ep, "episode_return": ret, "iteration": itr.astype(np.int32)})
  rows, n, turns = algo.kept_rows(buf, 2)
  # window (0, 2]: episodes 1e6 (-2), 1e6+1 (-7), 2e6 (-4), 2e6+1 (-5); median -4.5
  assert n == 2 and turns == 3
  np.testing.assert_array_equal(rows[0], [6, 7, 9])
