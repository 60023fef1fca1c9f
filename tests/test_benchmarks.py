"""The benchmark scripts' own logic (not their timings): learning_seeds' summary of runs made
in separate processes, hold_plot's per-seed comparison, bench_steps' synthetic buffer rows,
compile_flags' parsing of the aot output and its table, repeat_window's shares."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

import bench_steps  # noqa: E402
import compile_flags  # noqa: E402
import critic_batching  # noqa: E402
import hold_plot  # noqa: E402
import learning_seeds  # noqa: E402
import repeat_window  # noqa: E402


def _fake_run(d: Path, bc: float, evals: list[float], wall: float):
  d.mkdir(parents=True)
  recs = [
    {
      "iteration": 0,
      "phase": "bc",
      "eval_return": bc,
      "eval_success": 0.1,
      "eval_sampled_return": bc - 1,
    }
  ]
  for i, e in enumerate(evals, 1):
    recs.append({"iteration": i, "phase": "archer", "train_return": e - 2})
    recs.append(
      {
        "iteration": i,
        "phase": "archer",
        "train_return": e,
        "eval_return": e,
        "eval_success": 0.5,
        "eval_sampled_return": e + 1,
      }
    )
  (d / "metrics.jsonl").write_text("".join(json.dumps(r) + "\n" for r in recs))
  (d / "wall.json").write_text(json.dumps({"wall_s": wall}))


def test_learning_seeds_summarizes_runs_made_elsewhere(tmp_path):
  _fake_run(tmp_path / "seed0", -16.0, [-15.0, -12.0], 400.0)
  _fake_run(tmp_path / "seed3", -14.0, [-13.0, -11.0], 500.0)
  res = learning_seeds.main(["--summarize", "--seeds", "0", "3", "--out", str(tmp_path)])
  assert [(r["seed"], r["bc"], r["final"], r["wall"]) for r in res] == [
    (0, -16.0, -12.0, 400.0),
    (3, -14.0, -11.0, 500.0),
  ]
  text = (tmp_path / "summary.md").read_text()
  assert "| 0 | -16.00 | -12.00 | +4.00 |" in text and "| 3 | -14.00 | -11.00 | +3.00 |" in text
  # mean gain 3.5 > max(spread of BC 2.0, of final 1.0)
  assert "mean gain +3.50" in text and "mean gain > spread: **True** (greedy)" in text
  assert (tmp_path / "curves.png").stat().st_size > 1000


def test_learning_seeds_hold_from_compares_each_seed_with_its_final_eval(tmp_path):
  _fake_run(tmp_path / "seed0", -16.0, [-15.0, -12.0, -11.0], 400.0)
  _fake_run(tmp_path / "seed1", -14.0, [-13.0, -10.0, -10.5], 500.0)
  args = ["--summarize", "--seeds", "0", "1", "--out", str(tmp_path), "--hold-from", "2"]
  learning_seeds.main(args)
  text = (tmp_path / "summary.md").read_text()
  assert "| 0 | -12.00 | -11.00 | +1.00 |" in text and "| 1 | -10.00 | -10.50 | -0.50 |" in text
  assert "no worse than at iteration 2 on every seed: **False** (1 of 2)" in text
  assert "over the mean of seeds -11.00 -> -10.75" in text
  learning_seeds.main(args[:-1] + ["1"])  # iteration 1: -15, -13 -> both final evals hold
  assert "on every seed: **True** (2 of 2)" in (tmp_path / "summary.md").read_text()


def test_hold_plot_compares_candidates_side_by_side(tmp_path, capsys):
  _fake_run(tmp_path / "a" / "seed0", -16.0, [-15.0, -12.0, -11.0], 1.0)
  _fake_run(tmp_path / "a" / "seed2", -14.0, [-13.0, -10.0, -10.5], 1.0)
  _fake_run(tmp_path / "b" / "seed0", -16.0, [-15.0, -12.0, -12.0], 1.0)
  out = tmp_path / "hold.png"
  got = hold_plot.main(
    ["--from", "2", "--out", str(out), f"A={tmp_path / 'a'}", f"B={tmp_path / 'b'}"]
  )
  assert got["A"] == {"per_seed": {0: (-12.0, -11.0), 2: (-10.0, -10.5)}, "holds": False}
  assert got["B"] == {"per_seed": {0: (-12.0, -12.0)}, "holds": True}  # equal counts as held
  assert "A: final - at 2: seed 0: +1.0, seed 2: -0.5; every seed holds: False" in (
    capsys.readouterr().out
  )
  assert out.stat().st_size > 1000


def test_hold_plot_window_compares_mean_levels(tmp_path):
  # evaluations at iterations 0..7 (`_fake_run`: BC at 0, then one per iteration)
  evals = [-15.0, -10.0, -14.0, -12.0, -11.0, -9.0, -13.0]
  _fake_run(tmp_path / "a" / "seed0", -16.0, evals, 1.0)
  runs = hold_plot.curves(str(tmp_path / "a"))
  # around 2: iterations 1, 2, 3 -> -13.0; the last three: 5, 6, 7 -> -11.0
  assert hold_plot.hold(runs, 2, window=3) == {"per_seed": {0: (-13.0, -11.0)}, "holds": True}
  # one point each: -10.0 at 2, -13.0 at the end
  assert hold_plot.hold(runs, 2) == {"per_seed": {0: (-10.0, -13.0)}, "holds": False}
  with pytest.raises(SystemExit, match="does not fit"):
    hold_plot.hold(runs, 5, window=3)  # 4..6 overlaps the last three


def test_synthetic_rows_fill_every_field_at_full_length():
  spec = {
    "obs": ((6,), np.int32),
    "obs_mask": ((6,), np.bool_),
    "reward": ((), np.float32),
    "done": ((), np.bool_),
  }
  rows = bench_steps.synthetic_rows(spec, 5, 50, np.random.default_rng(0))
  assert rows["obs"].shape == (5, 6) and rows["obs"].min() >= 3 and rows["obs"].max() < 50
  assert rows["obs_mask"].all() and rows["done"].dtype == bool
  np.testing.assert_array_equal(rows["reward"], -np.ones(5, np.float32))


def test_compile_flags_reads_aot_lines_and_tables_against_the_first_row():
  out = "actor 1 B params\n  compiled critic in 12.5 s\n  compiled actor in 4.0 s\nFLOP table"
  assert compile_flags.parse(out) == {"critic": 12.5, "actor": 4.0}
  text = compile_flags.table(
    {"a": ({"critic": 12.0, "actor": 4.0}, 30.0), "b": ({"critic": 6.0, "actor": 2.0}, 20.0)}
  )
  lines = text.splitlines()
  assert lines[0] == "| flags | critic s | actor s | process CPU s | programs vs first row |"
  assert lines[2] == "| a | 12.0 | 4.0 | 30.0 | 1.00 |"
  assert lines[3] == "| b | 6.0 | 2.0 | 20.0 | 0.50 |"


def test_critic_batching_times_both_losses_and_they_agree():
  """The before / after script: the five-call loss and the shipped one (s' and s in one
  encoder call) give the same critic update, and each is timed."""
  r = critic_batching.measure("quick", 1)
  assert r["five calls"] > 0 and r[critic_batching.BATCHED] > 0
  assert r["max |diff|"] < 1e-5


def test_repeat_window_finds_the_earlier_copy_inside_or_outside_the_window():
  """A reworded repeat ("a pair of pants" after "pants") counts as a repeat; its earlier copy
  is inside a window that reaches it and outside one that does not (characters as tokens)."""
  from archer_jax.envs.twenty_questions.env import TwentyQuestionsEnv

  key = TwentyQuestionsEnv(batch_size=1, max_turns=20, seed=0, words="subset").action_key
  h = "Questions:\n"
  turns = [
    (h, "Is it pants?"),
    (h + "Is it pants? No.\n", "Is it a dog?"),
    (h + "Is it pants? No.\nIs it a dog? No.\n", "Is the object a pair of pants?"),
  ]
  eps = [{"turns": [{"observation": o, "action": a} for o, a in turns]}]
  got = repeat_window.shares(eps, key, list, "".join, [100, 20])
  assert got == {"turns": 3, "repeats": pytest.approx(1 / 3), 100: 1.0, 20: 0.0}
  assert repeat_window.questions(h + "Is it pants? No.\n") == ["Is it pants?"]
  assert repeat_window._lengths("96,64") == [96, 64]


def test_repeat_window_cli_takes_files_after_the_windows(tmp_path, capsys):
  f = tmp_path / "s0.json"
  f.write_text(json.dumps({"workdir": str(tmp_path / "run"), "episodes": {}}))
  with pytest.raises(SystemExit, match="tokenizer.*is missing"):  # read as a file
    repeat_window.main(["--windows", "96,64", str(f)])
  with pytest.raises(SystemExit):  # a usage error naming the option
    repeat_window.main(["--windows", "96 x", str(f)])
  assert "--windows" in capsys.readouterr().err
