"""The experiments (`archer_jax.experiments`): the summary arithmetic on hand-made runs, and
each experiment's --quick mode end to end."""

from __future__ import annotations

import json
import os

import numpy as np
import pytest

from archer_jax.experiments import grid, sample_efficiency


def _fake_run(out, method, seed, evals, turns=50, seconds=2.0):
  """A finished run whose greedy eval at iteration i is evals[i] (eval every iteration)."""
  d = grid.run_dir(str(out), method, seed)
  os.makedirs(d)
  with open(os.path.join(d, "metrics.jsonl"), "w") as f:
    for i, e in enumerate(evals):
      rec = {"iteration": i, "phase": "bc" if i == 0 else "x", "eval_return": e}
      if i:
        rec.update(turns=turns, seconds=seconds, eval_sampled_return=e - 1)
      else:
        rec["eval_sampled_return"] = e - 1
      f.write(json.dumps(rec) + "\n")
  with open(os.path.join(d, "wall.json"), "w") as f:
    json.dump({"wall_s": 1.0}, f)


def test_mean_curve_and_reach():
  runs = [
    grid.Run("m", 0, [{"iteration": i, "eval_return": v} for i, v in enumerate([-16, -13, -9])], 1),
    grid.Run(
      "m", 1, [{"iteration": i, "eval_return": v} for i, v in enumerate([-14, -13, -11])], 1
    ),
  ]
  its, mean, lo, hi = grid.mean_curve(runs)
  np.testing.assert_array_equal(its, [0, 1, 2])
  np.testing.assert_allclose(mean, [-15, -13, -10])
  np.testing.assert_allclose(lo, [-16, -13, -11])
  np.testing.assert_allclose(hi, [-14, -13, -9])
  assert sample_efficiency.reach(its, mean, 32, -14.0) == 32  # first eval at or above
  assert sample_efficiency.reach(its, mean, 32, -10.0) == 64  # ties count as reached
  assert sample_efficiency.reach(its, mean, 32, -9.0) is None
  assert sample_efficiency.reach(its, mean, 32, -20.0) == 0  # the BC policy already there
  # a lucky early eval does not count: the threshold must hold to the end
  dip = np.array([-15.0, -11.0, -14.0, -11.0, -10.5])
  assert sample_efficiency.reach(np.arange(5), dip, 32, -12.0) == 96
  assert sample_efficiency.reach(np.arange(5), dip, 32, -10.8) == 128
  assert sample_efficiency.reach(np.arange(5), dip, 32, -10.0) is None


def test_sample_efficiency_summary_counts_episodes_and_the_ppo_ratio(tmp_path):
  """ArCHer reaches -12 after 1 iteration (32 episodes), PPO after 4 (128): ratio 4.0; PPO
  never reaches -10 within the budget: a lower bound."""
  ms = sample_efficiency.methods(["archer", "ppo"], quick=False)
  its = 16  # one eval per iteration over the budget below
  archer = [-15, -12, -10] + [-10] * (its - 2)
  ppo = [-15, -14, -13, -12.5, -12] + [-11] * (its - 4)
  for s in (0, 1):
    _fake_run(tmp_path, "tiny", s, archer)
    _fake_run(tmp_path, "tiny_ppo", s, ppo)
  extra = {"train.iterations": its - 1, "train.rollout_size": 32}
  text = sample_efficiency.summarize(ms, [0, 1], str(tmp_path), (-12.0, -10.0), extra)
  rows = {line.split("|")[1].strip(): line for line in text.splitlines() if line.startswith("| ")}
  assert "| 32 (50) | 64 (100) |" in rows["ArCHer"]  # episodes (turns) to -12 and to -10
  assert "| 128 (200) | not held |" in rows["token-level PPO"]
  assert "- -12: 4.0" in text
  assert f"- -10: > {(its - 1) * 32 / 64:.1f} (PPO not there within {(its - 1) * 32}" in text


def test_sample_efficiency_quick_mode(tmp_path):
  """--quick: every method on the smoke config (2 iterations, seed 0), sharing one warm start
  where their actors match; the table, the plot, and a rerun that only reads the runs."""
  out = str(tmp_path / "se")
  text = sample_efficiency.main(["--quick", "--out", out, "--noprogress"])
  for _, label in sample_efficiency.METHODS.values():
    assert f"| {label} | 8 |" in text  # 2 iterations x 4 episodes
  assert os.path.getsize(os.path.join(out, "sample_efficiency.png")) > 1000
  assert os.listdir(os.path.join(out, "bc_cache"))
  again = sample_efficiency.main(["--quick", "--out", out, "--noprogress"])  # reads them back
  assert again == text


def test_parallel_grid_equals_one_process_and_orders_the_warm_start(tmp_path):
  """jobs=2: two worker processes train ArCHer and PPO for seeds 0 and 1 from one BC policy
  (bc.seed = 0): a job of its own trains it first, every run loads it (PPO's value head
  shares it), and every metric equals a run trained in this process, which trains the BC
  policy itself. A failing run stops the grid naming its log."""
  ms = sample_efficiency.methods(["archer", "ppo"], quick=True)
  par, one = str(tmp_path / "par"), str(tmp_path / "one")
  logs = []
  grid.run_grid(ms, [0, 1], par, jobs=2, log=logs.append)
  assert "4 of 4 runs to train, 2 at a time" in logs[0]
  assert logs[1].startswith("[1/5] BC warm start, seed 0: started")
  warm_done = next(i for i, line in enumerate(logs) if line.startswith("BC warm start, seed 0:"))
  assert "finished in" in logs[warm_done]
  assert all("started" not in line for line in logs[2:warm_done])  # the runs waited for it
  assert sum("finished in" in line for line in logs) == 5
  cache = os.path.join(par, "bc_cache")
  assert len([f for f in os.listdir(cache) if f.endswith(".msgpack")]) == 1
  assert "bc: 4/4 steps" in open(os.path.join(grid.warm_dir(par, 0), "console.log")).read()
  for m in ("tiny", "tiny_ppo"):
    for seed in (0, 1):
      console = open(os.path.join(grid.run_dir(par, m, seed), "console.log")).read()
      assert "the warm start's weights from" in console
  grid.run_grid(ms[1:], [1], one, jobs=1, log=logs.append, progress=False)
  drop = lambda h: [{k: v for k, v in r.items() if k != "seconds"} for r in h]
  assert drop(grid.read_run(one, "tiny_ppo", 1).history) == drop(
    grid.read_run(par, "tiny_ppo", 1).history
  )
  with pytest.raises(SystemExit, match=r"warm start, seed 0 failed .*seed0/console\.log"):
    grid.run_grid(ms[:1], [2], par, {"algo.gamma": 1.5}, jobs=2, log=logs.append)
  with pytest.raises(SystemExit, match=r"ArCHer, seed 2 failed .*tiny/seed2/console\.log"):
    grid.run_grid(ms[:1], [2], par, {"algo.gamma": 1.5}, share_warm_start=False, jobs=2)


def test_offline_quick_mode(tmp_path):
  """--quick: the six offline methods on the offline smoke config (one shared dataset), no
  environment step outside evaluation; the table, the plot, and the published numbers."""
  from archer_jax.experiments import offline

  out = str(tmp_path / "off")
  text = offline.main(["--quick", "--out", out, "--noprogress"])
  for _, label, published in offline.METHODS.values():
    row = next(line for line in text.splitlines() if line.startswith(f"| {label} |"))
    assert f"| {published:.1f} |" in row
  assert os.path.getsize(os.path.join(out, "offline.png")) > 1000
  assert len(os.listdir(os.path.join(out, "dataset"))) >= 1
  for variant, _, _ in offline.METHODS.values():
    hist = grid.read_run(out, variant, 0).history
    assert all("train_return" not in h for h in hist)
