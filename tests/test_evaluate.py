"""`python -m archer_jax.evaluate`: a run's checkpoint played again reproduces the returns the
run recorded, writes nothing into the run, and its command line fails in one line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from archer_jax import evaluate  # noqa: E402
from archer_jax.envs.twenty_questions.env import (  # noqa: E402
  TwentyQuestionsEnv,
  TwentyQuestionsSubsetEnv,
)
from archer_jax.training.trainer import Trainer  # noqa: E402
from configs import twenty_questions  # noqa: E402

SMOKE = "configs/twenty_questions.py:smoke"


def smoke(workdir) -> object:
  c = twenty_questions.get_config("smoke")
  c.workdir = str(workdir)
  c.train.update(iterations=2, eval_every=1, eval_sampled=True)
  return c


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory):
  """A finished smoke run (2 iterations; checkpoints 1 and 2 kept, evaluations at both)."""
  workdir = tmp_path_factory.mktemp("evaluate") / "run"
  Trainer(smoke(workdir), progress=False).run()
  return workdir


def _files(root: Path) -> dict[str, bytes]:
  return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_a_checkpoint_replays_the_recorded_evaluations_and_writes_nothing(run_dir):
  before = _files(run_dir)
  hist = {h["iteration"]: h for h in map(json.loads, (run_dir / "metrics.jsonl").open())}
  t = Trainer(smoke(run_dir), step=1, read_only=True, progress=False)  # an older kept step
  assert t.iteration == 1  # (the newest: `test_command_line`)
  for greedy, key in ((True, "eval_return"), (False, "eval_sampled_return")):
    ret, _, _ = t.episode_stats(t.eval_rollout(greedy))
    assert float(ret.mean()) == pytest.approx(hist[1][key], abs=1e-9)
  more = t.eval_rollout(True, episodes=6)  # another episode count: its own env, built once
  assert len(more.episode_returns) == 6
  env = t._other_eval_envs[6]
  again = t.eval_rollout(True, episodes=6)
  assert t._other_eval_envs[6] is env
  np.testing.assert_array_equal(again.episode_returns, more.episode_returns)
  with pytest.raises(RuntimeError, match="read-only"):
    t.run()
  assert _files(run_dir) == before  # no metrics, checkpoint or plot touched


def test_a_missing_step_names_the_kept_ones(run_dir):
  with pytest.raises(FileNotFoundError, match=r"no checkpoint of step 7 in .*kept steps: 1, 2"):
    Trainer(smoke(run_dir), step=7, read_only=True, progress=False)


def test_importing_it_beside_the_train_cli_defines_no_flags():
  from archer_jax import train  # noqa: F401  (defines --config on import)

  assert evaluate.FLAGS == {}


def test_reply_repeats_and_summary():
  assert evaluate.reply("Q:\n", "Is it a dog?", "Q:\nIs it a dog? No.\n") == "No."
  assert evaluate.reply("Q:\n", "guess", "Q:\nThe city is cold.\n") == "The city is cold."
  assert evaluate.reply("room A", "go north", "room B\nYou see a key.") == "You see a key."
  eps = [
    {"return": -3.0, "success": False, "turns": [{"action": a} for a in ("a b", "A  b", "c")]},
    {"return": -1.0, "success": True, "turns": [{"action": "a b"}]},
  ]
  assert evaluate.repeated_share(eps) == pytest.approx(1 / 4)  # "A  b" repeats "a b"
  row = evaluate.summary("greedy", eps)
  assert row["return"] == -2.0 and row["success"] == 0.5 and row["turns"] == 2.0
  assert "| greedy | 2 | -2.00 | 0.50 | 2.0 | 25.0% |" in evaluate.table([row])


def test_twenty_questions_repeats_are_the_same_question_reworded():
  env = TwentyQuestionsSubsetEnv()
  asked = ["Is it pants?", "Is the object a pair of pants?", "Is it an animal?", "Is it a dog?"]
  eps = [{"return": -4.0, "success": False, "turns": [{"action": a} for a in asked]}]
  assert evaluate.repeated_share(eps) == 0.0  # as text, all four differ
  # the reworded pants, and the dog after the animal (the one animal of the 10 words)
  assert evaluate.repeated_share(eps, env.action_key) == pytest.approx(2 / 4)
  key = env.action_key
  assert key("Is it a dog?") == key("Is it an animal?")  # on these 10 words: the same answers
  assert key("Is it a dog?") != key("Is it a banana?")
  full = TwentyQuestionsEnv(words="full").action_key
  assert full("Is it a dog?") != full("Is it an animal?")  # over all 157 objects they differ
  assert full("Is it pants?") == full("Is the object a pair of pants?")
  assert key("what now") == key("What  NOW") == "what now"  # unparsed: the text key


def _evaluate(*args, timeout=300, config=True):
  cfg = ["--config", SMOKE] if config else []
  return subprocess.run(
    [sys.executable, "-m", "archer_jax.evaluate", *cfg, "--noprogress", *args],
    cwd=REPO,
    capture_output=True,
    text=True,
    timeout=timeout,
  )


def test_command_line(run_dir, tmp_path):
  out = tmp_path / "episodes.json"
  args = ["--config.train.iterations=2", "--config.train.eval_every=1"]  # the run's overrides
  args += ["--config.train.eval_sampled=True", "--workdir", str(run_dir)]
  proc = _evaluate(*args, "--show", "1", "--out", str(out))
  assert proc.returncode == 0, proc.stderr[-3000:]
  hist = [json.loads(line) for line in (run_dir / "metrics.jsonl").open()]
  doc = json.loads(out.read_text())
  assert doc["step"] == 2 and [r["policy"] for r in doc["summary"]] == ["greedy", "sampled"]
  assert doc["summary"][0]["return"] == pytest.approx(hist[-1]["eval_return"])
  assert doc["summary"][1]["return"] == pytest.approx(hist[-1]["eval_sampled_return"])
  first = doc["episodes"]["greedy"][0]
  assert "| greedy | 4 |" in proc.stdout and "greedy episode 1: return" in proc.stdout
  assert f"  1. {' '.join(first['turns'][0]['action'].split())}"[:40] in proc.stdout
  assert "differs from the config the run stored" not in proc.stderr
  # the run's stored config alone plays the same episodes; a --config that differs says how
  stored = tmp_path / "stored.json"
  proc = _evaluate("--workdir", str(run_dir), "--out", str(stored), "--show", "0", config=False)
  assert proc.returncode == 0, proc.stderr[-3000:]
  assert json.loads(stored.read_text())["summary"] == doc["summary"]
  proc = _evaluate("--workdir", str(run_dir), "--policy", "greedy", "--show", "0")
  assert proc.returncode == 0, proc.stderr[-3000:]
  assert "differs from the config the run stored in 3 field(s)" in proc.stderr
  assert "train.iterations: 2 -> 3" in proc.stderr
  # one-line errors, exit status 2
  (tmp_path / "old").mkdir()
  (tmp_path / "bad").mkdir()
  (tmp_path / "bad" / "config.json").write_text("[1, 2]")
  for bad, message, config in (
    (["--workdir", str(tmp_path / "none")], f"error: no checkpoint in {tmp_path / 'none'}", 1),
    ([], "error: --workdir DIR (a run's directory) or --config", 0),
    (["--workdir", str(tmp_path / "old")], f"error: {tmp_path / 'old'}/config.json is missing", 0),
    (["--workdir", str(tmp_path / "bad")], "error: " + str(tmp_path / "bad"), 0),
    ([*args, "--episodes", "0"], "error: --episodes must be >= 1, got 0", 1),
  ):
    proc = _evaluate(*bad, config=bool(config))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr[-2000:]
    assert proc.stderr.strip().splitlines()[-1].startswith(message), proc.stderr[-500:]
  assert not (tmp_path / "none").exists()  # a missing run is not created


def test_twenty_questions_turns_that_ask_nothing_new():
  """A question every word still possible answers alike, or a guess of a ruled-out word,
  asks nothing new; the winning guess and a splitting question do; unreadable text is not
  judged. The summary and the table carry the share when the env judges."""
  env = TwentyQuestionsSubsetEnv()
  h = "Questions:\n"
  animal = h + "Is it an animal? Yes.\n"  # the dog is the one animal of the 10 words
  assert env.informative(h, "Is it an animal?") is True
  assert env.informative(animal, "Is it a dog?") is True  # the win
  assert env.informative(animal, "Does it have four legs?") is False
  assert env.informative(h + "Is it a dog? No.\n", "Could it be a dog?") is False
  assert env.informative(h + "Is it an animal? No.\n", "Is it a dog?") is False
  assert env.informative(h, "qwerty zxcv") is None
  assert TwentyQuestionsSubsetEnv(prompt="json").informative(h, "Is it a dog?") is None
  turns = [(h, "Is it an animal?"), (h + "Is it an animal? No.\n", "Is it a dog?")]
  turns.append((turns[1][0] + "Is it a dog? No.\n", "qwerty zxcv"))
  eps = [{"return": -3.0, "success": False, "turns": []}]
  eps[0]["turns"] = [{"observation": o, "action": a} for o, a in turns]
  row = evaluate.summary("greedy", eps, env.action_key, env.informative)
  assert row["nothing_new"] == pytest.approx(1 / 2)  # of the two judged turns
  assert "| greedy | 1 | -3.00 | 0.00 | 3.0 | 33.3% | 50.0% |" in evaluate.table([row])
  assert "asks nothing new" not in evaluate.table([evaluate.summary("greedy", eps)])


def test_advantage_repeats_scores_turns_with_the_runs_critic(run_dir, tmp_path, capsys):
  """benchmarks/advantage_repeats.py: evaluate's JSON episodes scored by the run's critic; A
  per turn equals min(Q1, Q2) - min(V1, V2) of the critic's whole forward pass on the same
  rows, repeats follow the env's action_key, and the table's gap is A(new) - A(repeat)."""
  import importlib.util

  spec = importlib.util.spec_from_file_location(
    "advantage_repeats", REPO / "benchmarks" / "advantage_repeats.py"
  )
  mod = importlib.util.module_from_spec(spec)
  spec.loader.exec_module(mod)
  h = "Questions:\n"
  turn = lambda o, a, r: {"observation": o, "action": a, "reply": r, "reward": -1.0}
  episode = {
    "turns": [
      turn(h, "Is it a dog?", "No."),
      turn(h + "Is it a dog? No.\n", "Is it a cat?", "No."),
      turn(h + "Is it a dog? No.\nIs it a cat? No.\n", "Could it be a dog?", "No."),
    ]
  }
  path = tmp_path / "episodes.json"
  path.write_text(json.dumps({"episodes": {"greedy": [episode], "sampled": [episode] * 2}}))
  c = smoke(run_dir)
  env = TwentyQuestionsEnv()
  with Trainer(c, read_only=True, progress=False) as t:
    a, repeat = mod.advantages(t, env, [episode])
    assert repeat.tolist() == [False, False, True]
    from archer_jax.training.rollout import from_trajectories

    rows = t.ctx.batches.transitions(
      from_trajectories(mod.trajectories([episode]), t.tokenizers.actor_encoder, "\n")
    )
    net, p = t.nets.critic_net, t.state.critic.params
    h = net.apply({"params": p}, *(rows[k] for k in ("obs", "obs_mask", "act", "act_mask")))
    ref = np.minimum(h["q1"], h["q2"]) - np.minimum(h["v1"], h["v2"])  # the whole forward
    np.testing.assert_allclose(a, np.asarray(ref), rtol=1e-5, atol=1e-6)
  mod.main(["--workdir", str(run_dir), "--episodes", str(path)])  # its stored config
  out = capsys.readouterr().out.splitlines()
  row = {line.split()[0]: line.split() for line in out[2:]}
  assert row["greedy"][1:3] == ["3", "33%"] and row["sampled"][1] == "6"
  new, rep, gap = (float(x) for x in row["greedy"][3:6])
  assert gap == pytest.approx(new - rep, abs=2e-3)
  assert new == pytest.approx(a[:2].mean(), abs=1e-3) and rep == pytest.approx(a[2], abs=1e-3)


def test_a_run_stores_its_config_and_a_resume_names_what_changed(run_dir, tmp_path, caplog):
  """config.json holds the resolved config (`run_config.stored` reads back no difference);
  resuming with another config lists the changed fields, then stores the new config."""
  import shutil

  from archer_jax.training import paths, run_config

  c = smoke(run_dir)
  assert run_config.differences(run_config.stored(paths.resolve(run_dir)), c) == []
  copy = tmp_path / "run"
  shutil.copytree(run_dir, copy)
  c = smoke(copy)
  c.train.eval_episodes = 6
  with caplog.at_level("WARNING", logger="archer_jax"):
    Trainer(c, resume=True, progress=False).close()
  text = caplog.text
  assert "differs from the one it stored, in 2 field(s)" in text, text
  assert "train.eval_episodes: 4 -> 6" in text and "workdir: " in text
  assert run_config.stored(paths.resolve(copy)).train.eval_episodes == 6


def test_run_config_differences_and_a_malformed_file(tmp_path):
  import ml_collections as mlc

  from archer_jax.training import paths, run_config

  a = mlc.ConfigDict({"x": 1, "s": {"t": (1, 2), "u": "v"}})
  b = mlc.ConfigDict({"x": 1, "s": {"t": [1, 2], "u": "w"}, "y": 0.5})
  assert run_config.differences(a, b) == ["s.u: 'v' -> 'w'", "y: '<absent>' -> 0.5"]
  run_config.save(b, paths.resolve(tmp_path))
  assert run_config.differences(b, run_config.stored(paths.resolve(tmp_path))) == []
  (tmp_path / "config.json").write_text("{not json")
  with pytest.raises(ValueError, match="config.json is not the JSON a run writes"):
    run_config.stored(paths.resolve(tmp_path))
