"""Detective through Jericho: observations, score rewards, seeding, caps, hostile actions."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import numpy as np
import pytest

from archer_jax.assets import DETECTIVE_STORY
from archer_jax.envs import detective
from archer_jax.envs.detective import DetectiveEnv, clean_command

GAME = Path(DETECTIVE_STORY)  # shipped in the package


@pytest.fixture
def game_file():
  pytest.importorskip("jericho", reason="jericho is not installed (pip install -e '.[envs]')")
  return GAME


@pytest.fixture(autouse=True)
def _no_stray_files(tmp_path, monkeypatch):
  """Run every test in an empty directory, so a save/script command would show up as a file."""
  cwd = tmp_path / "cwd"
  cwd.mkdir()
  monkeypatch.chdir(cwd)
  yield
  assert os.listdir(cwd) == []


def walkthrough(game_file) -> list[str]:
  env = DetectiveEnv(1, game_file, valid_actions=False)
  return env._games[0].get_walkthrough()


def test_reset_observation(game_file):
  env = DetectiveEnv(2, game_file, valid_actions=False)
  obs = env.reset(seeds=[1, 2])
  assert len(obs) == 2
  o = obs[0]
  assert "Detective" in o and "Chief's office" in o
  assert "\n\nLook: << Chief's office >>" in o
  assert "Inventory: You are carrying nothing." in o
  assert "Valid actions" not in o
  assert env.max_score == 360


def test_score_delta_reward_and_probes_cost_no_move(game_file):
  env = DetectiveEnv(1, game_file, valid_actions=False)
  env.reset(seeds=[0])
  obs, rew, done, info = env.step(["take paper"])
  assert rew[0] == 10.0 and not done[0]
  assert info[0]["score"] == 20 and info[0]["moves"] == 2  # look/inventory probes are free
  assert "Taken." in obs[0] and "a piece of white paper" in obs[0]
  obs, rew, done, info = env.step(["west"])
  assert rew[0] == 0.0 and "Closet" in obs[0] and info[0]["moves"] == 3
  obs, rew, done, info = env.step(["take gun"])
  assert rew[0] == 10.0 and info[0]["score"] == 30


def test_walkthrough_wins(game_file):
  steps = walkthrough(game_file)
  env = DetectiveEnv(1, game_file, max_turns=60, valid_actions=False)
  env.reset(seeds=[3])
  for t, a in enumerate(steps):  # noqa: B007 - t is checked after the loop
    obs, rew, done, info = env.step([a])
    if done[0]:
      break
  assert done[0] and info[0]["victory"] and "truncated" not in info[0]
  assert t + 1 == len(steps)
  assert env.trajectories()[0].episode_return == 350.0  # 360 minus the 10 given at the start
  assert "The game is over. Score: 360 of 360" in obs[0]


def test_seeded_runs_are_reproducible(game_file):
  rng = np.random.default_rng(0)
  words = [
    "n",
    "s",
    "e",
    "w",
    "take paper",
    "read paper",
    "take gun",
    "look",
    "i",
    "xyzzy",
    "open door",
    "wait",
  ]
  acts = [[str(rng.choice(words)) for _ in range(2)] for _ in range(20)]

  def run():
    env = DetectiveEnv(2, game_file, seed=7, valid_actions=False)
    out = [env.reset()]
    for a in acts:
      o, r, d, _ = env.step(a)
      out.append((o, r.tolist(), d.tolist()))
    return out, [[(t.action, t.reward) for t in tr.turns] for tr in env.trajectories()]

  assert run() == run()


def test_rows_finish_at_different_times(game_file):
  steps = walkthrough(game_file)
  env = DetectiveEnv(3, game_file, max_turns=len(steps) + 3, valid_actions=False)
  env.reset(seeds=[1, 2, 3])
  finished = {}
  for t in range(env.max_turns):
    acts = [steps[t] if t < len(steps) else "wait", "wait", "look"]
    obs, rew, done, info = env.step(acts)
    for r in range(3):
      if done[r] and r not in finished:
        finished[r] = (t + 1, info[r])
  assert finished[0][0] == len(steps) and finished[0][1]["victory"]
  assert finished[1][0] == finished[2][0] == env.max_turns
  assert finished[1][1]["truncated"] and finished[2][1]["truncated"]
  assert [len(tr) for tr in env.trajectories()] == [len(steps), env.max_turns, env.max_turns]
  before = env.observations
  obs, rew, done, _ = env.step(["n"] * 3)  # finished rows stay put and earn nothing
  assert obs == before and not rew.any() and done.all()
  env.close()


BAD = [
  "",
  "   ",
  None,
  b"\xff\xfe hello",
  "\x00\x01",
  "p\\U",
  "take \\U paper",
  "\u00e9\u4e2d\u6587 \U0001f600",
  "x" * 5000,
  "save",
  "restore",
  "restart",
  "quit",
  "Q",
  "script",
  "transcript on",
  "purloin gun",
  "tree",
  "guard, save",
  "#$%^&*()",
]


def test_bad_actions_never_crash_and_cost_a_turn(game_file):
  env = DetectiveEnv(1, game_file, max_turns=len(BAD) + 5, valid_actions=False)
  first = env.reset(seeds=[0])[0]
  for a in BAD:
    obs, rew, done, info = env.step([a])
    assert rew[0] == 0.0 and not done[0], a
    assert info[0]["score"] == 10 and "Chief's office" in obs[0], a
  assert len(env.trajectories()[0]) == len(BAD)
  # only the first command of a line is played: one move, one reward
  obs, rew, _, info = env.step(["take paper. read paper. w"])
  assert rew[0] == 10.0 and info[0]["moves"] == 2 and "CONFIDENTIAL" not in obs[0]
  obs, rew, _, info = env.step(["w then take gun"])
  assert rew[0] == 0.0 and "Closet" in obs[0] and info[0]["score"] == 20
  assert "Look:" in first


def test_clean_command():
  assert clean_command("  Take   paper\nread it") == ("Take paper", None)
  assert clean_command("n. s. e") == ("n", None)
  assert clean_command("n THEN s") == ("n", None)
  assert clean_command("caf\u00e9") == ("caf", None)
  assert clean_command("")[1] == detective.EMPTY_ANSWER
  assert clean_command("SAVE game")[1] == detective.REFUSED_ANSWER
  assert clean_command("transcripts")[1] == detective.REFUSED_ANSWER  # 9-letter prefix
  assert clean_command("ask guard about tree")[1] is None  # nouns are fine
  assert len(clean_command("look " * 100)[0]) <= detective.MAX_COMMAND_CHARS


def test_missing_and_invalid_game_files(tmp_path):
  missing = tmp_path / "nope" / "detective.z5"
  with pytest.raises(FileNotFoundError, match=str(missing)):
    DetectiveEnv(1, missing)
  text = tmp_path / "notes.z5"
  text.write_text("hello, this is not a story file\n" * 4)
  with pytest.raises(ValueError, match="not a Z-machine story file"):
    DetectiveEnv(1, text)
  fake = tmp_path / "fake.z5"
  fake.write_bytes(bytes([5]) + bytes(range(256)) * 8)  # plausible version byte, junk after
  with pytest.raises(ValueError, match="story file"):
    DetectiveEnv(1, fake)


def test_valid_actions_missing_warns_once(game_file, monkeypatch, caplog):
  if detective._valid_actions_available():
    pytest.skip("spaCy and en_core_web_sm are installed: valid actions are available")
  monkeypatch.setattr(detective, "_valid_actions_warned", False)
  with caplog.at_level(logging.WARNING, logger=detective.__name__):
    envs = [DetectiveEnv(1, game_file) for _ in range(2)]
    obs = [e.reset(seeds=[0])[0] for e in envs]
  warnings = [r for r in caplog.records if r.name == detective.__name__]
  assert len(warnings) == 1 and "valid-action" in warnings[0].getMessage()
  assert all("Valid actions" not in o for o in obs)


def test_valid_actions_listed_or_dropped_on_failure(game_file, monkeypatch, caplog):
  """Without spaCy, stand in for Jericho's generator to check both paths of the env."""
  monkeypatch.setattr(detective, "_valid_actions_available", lambda: True)
  monkeypatch.setattr(detective, "_valid_actions_warned", False)
  env = DetectiveEnv(1, game_file)
  monkeypatch.setattr(
    env._games[0], "get_valid_actions", lambda **kw: ["take paper", "west"], raising=False
  )
  obs = env.reset(seeds=[0])
  assert obs[0].endswith("Valid actions: take paper, west")

  def broken(**kw):
    raise OSError("no en_core_web_sm")

  env2 = DetectiveEnv(1, game_file)
  monkeypatch.setattr(env2._games[0], "get_valid_actions", broken, raising=False)
  with caplog.at_level(logging.WARNING, logger=detective.__name__):
    o = env2.reset(seeds=[0])[0]
    o2, rew, *_ = env2.step(["take paper"])
  assert "Valid actions" not in o and "Valid actions" not in o2[0] and rew[0] == 10
  msgs = [r.getMessage() for r in caplog.records if r.name == detective.__name__]
  assert len(msgs) == 1 and "get_valid_actions failed" in msgs[0]
