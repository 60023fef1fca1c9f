"""Offline trajectory datasets: the tfds builder (scripted and JSON sources), the public JSON
loaders, and their error messages."""

from __future__ import annotations

import dataclasses
import glob
import gzip
import json
import logging
import os
from pathlib import Path

import pytest

from archer_jax.assets import GUESS_MY_CITY_CONVERSATIONS
from archer_jax.data import demos
from archer_jax.data.public_json import (
  INITIAL_OBSERVATION,
  DatasetFormatError,
  load_guess_my_city_json,
  load_public_json,
  load_twenty_questions_json,
  split_city_line,
  split_twenty_questions_line,
)
from archer_jax.envs.registry import make_env, make_player
from archer_jax.envs.twenty_questions import play

REPO = Path(__file__).resolve().parents[1]


def _as_tuples(trajs):
  return [[dataclasses.astuple(u) for u in t.turns] for t in trajs]


def _check_consistent(trajs):
  """Rewards / dones / observations chain like an env's records."""
  for t in trajs:
    assert len(t) >= 1
    for k, u in enumerate(t.turns):
      last = k == len(t) - 1
      assert u.done == (last and u.done)  # done only on the last turn
      if not last:
        assert u.reward == -1.0
        assert t.turns[k + 1].observation == u.next_observation
    assert t.episode_return == pytest.approx(sum(u.reward for u in t.turns))
    if "episode_return" in t.info:  # stored by the builder
      assert t.info["episode_return"] == t.episode_return
    assert t.turns[-1].reward == (0.0 if t.info["success"] else -1.0)


# ---- scripted builder -------------------------------------------------------------------
@pytest.fixture(scope="module")
def subset_cfg():
  # 16 episodes in lock-step batches of 6: three play() batches, the last one cut to 4
  return demos.demo_config("twenty_questions_subset", episodes=16, skill=0.4, seed=3, batch_size=6)


@pytest.fixture(scope="module")
def built(tmp_path_factory, subset_cfg):
  data_dir = tmp_path_factory.mktemp("tfds")
  path = demos.build_dataset(subset_cfg, data_dir)
  return data_dir, path


def test_config_names_and_validation(subset_cfg):
  assert subset_cfg.name == "twenty_questions_subset-skill0.4-n16-seed3-b6"
  again = demos.demo_config("twenty_questions_subset", episodes=16, skill=0.4, seed=3, batch_size=6)
  assert again.name == subset_cfg.name
  assert demos.demo_config("twenty_questions").name in {
    c.name for c in demos.ArcherDemos.BUILDER_CONFIGS
  }
  nr = demos.demo_config("twenty_questions_subset", 16, 0.4, 3, 6, reask=False)
  assert nr.name == "twenty_questions_subset-skill0.4-noreask-n16-seed3-b6"
  assert nr.params()["reask"] is False and "reask" not in subset_cfg.params()
  with pytest.raises(ValueError, match="reask must be True or False"):
    demos.demo_config("twenty_questions", reask="no")
  kw = demos.demo_config("twenty_questions", env_kwargs={"prompt": "json"})
  assert kw.name != demos.demo_config("twenty_questions").name
  with pytest.raises(ValueError, match="no scripted demonstrator for env 'detective'"):
    demos.demo_config("detective")
  with pytest.raises(ValueError, match="skill must be in"):
    demos.demo_config("twenty_questions", skill=1.5)
  with pytest.raises(ValueError, match="episodes must be positive"):
    demos.demo_config("twenty_questions", episodes=0)


def test_build_layout_is_array_record(built, subset_cfg):
  data_dir, path = built
  assert path == demos.dataset_dir(data_dir, subset_cfg)
  shards = glob.glob(os.path.join(path, "archer_demos-train.array_record-*"))
  assert len(shards) == 1 and os.path.getsize(shards[0]) > 0
  info = json.load(open(os.path.join(path, "dataset_info.json")))
  assert info["configName"] == subset_cfg.name
  assert json.loads(subset_cfg.description)["seed"] == 3


def test_records_equal_play(built, subset_cfg):
  data_dir, _ = built
  got = demos.load_trajectories(data_dir, subset_cfg)
  # the same episodes straight from the registry's env + scripted player
  ecfg = demos.env_config(subset_cfg)
  env = make_env(ecfg, batch_size=6, seed=0)
  make = lambda rng: make_player(ecfg, rng, skill=0.4)
  want = []
  for k in range(3):
    want += play(env, make, seed=3 * 1000 + k)
  want = want[:16]
  assert len(got) == 16
  assert _as_tuples(got) == _as_tuples(want)
  for g, w, i in zip(got, want, range(16), strict=True):
    assert g.info["word"] == w.info["word"]
    assert g.info["seed"] == w.info["seed"]
    assert g.info["success"] == w.info["won"]
    assert g.info["truncated"] == bool(w.info.get("truncated", False))
    assert g.info["episode"] == i
    assert g.info["episode_return"] == w.episode_return
  _check_consistent(got)
  assert all(t.turns[-1].done for t in got)
  assert all(t.turns[0].observation == INITIAL_OBSERVATION for t in got)
  # the first N only, and loading by name or by the version directory
  assert _as_tuples(demos.load_trajectories(data_dir, subset_cfg.name, episodes=5)) == _as_tuples(
    got[:5]
  )
  assert _as_tuples(
    demos.load_trajectories(demos.dataset_dir(data_dir, subset_cfg), subset_cfg)
  ) == _as_tuples(got)


def test_build_is_deterministic(built, subset_cfg, tmp_path, caplog, capsys):
  data_dir, path = built
  with caplog.at_level(logging.INFO):
    path2 = demos.build_dataset(subset_cfg, tmp_path)
  # tfds's own lines (a "custom data configuration", "download: Unknown size") stay quiet
  said = caplog.text + "".join(capsys.readouterr())
  assert "custom data configuration" not in said and "Unknown size" not in said
  a = demos.load_trajectories(data_dir, subset_cfg)
  b = demos.load_trajectories(tmp_path, subset_cfg)
  assert _as_tuples(a) == _as_tuples(b) and [t.info for t in a] == [t.info for t in b]
  shard = lambda p: open(glob.glob(os.path.join(p, "*.array_record-*"))[0], "rb").read()
  assert shard(path) == shard(path2)
  # a different seed gives different episodes
  other = demos.demo_config("twenty_questions_subset", episodes=16, skill=0.4, seed=4, batch_size=6)
  c = list(demos.source_trajectories(other))
  assert _as_tuples(c) != _as_tuples(a)


def test_run_config_dataset_matches_trainer_demonstrations():
  """`demo_config_from_run` names the episodes the trainer plays for its BC warm start."""
  import sys

  sys.path.insert(0, str(REPO))
  from configs import twenty_questions

  c = twenty_questions.get_config("tiny")
  c.bc.episodes, c.tokenizer.corpus_episodes, c.seed = 10, 7, 5
  c.bc.reask = True  # the demonstrator that re-asks (tiny's is the other, checked below)
  cfg = demos.demo_config_from_run(c)
  assert (cfg.env, cfg.episodes, cfg.seed, cfg.skill) == ("twenty_questions", 10, 16, 0.2)
  assert json.loads(cfg.env_kwargs) == {"words": "subset"}
  trainer_demos = demos.run_demonstrations(c, str(REPO / "runs" / "unused"))
  assert _as_tuples(demos.source_trajectories(cfg)) == _as_tuples(trainer_demos)
  c.bc.reask = False  # a demonstrator that never re-asks plays other episodes, named apart
  cfg = demos.demo_config_from_run(c)
  assert not cfg.reask and "-noreask-" in cfg.name
  no_reask = demos.run_demonstrations(c, str(REPO / "runs" / "unused"))
  assert _as_tuples(demos.source_trajectories(cfg)) == _as_tuples(no_reask)
  assert _as_tuples(no_reask) != _as_tuples(trainer_demos)


def test_load_missing_dataset_names_it(tmp_path, built, subset_cfg):
  data_dir, _ = built
  with pytest.raises(FileNotFoundError, match="no built dataset 'nope'") as e:
    demos.load_trajectories(data_dir, "nope")
  assert subset_cfg.name in str(e.value)  # lists what is there


def test_cli_builds_and_reuses(tmp_path, capsys):
  args = [
    "--env",
    "twenty_questions",
    "--episodes",
    "5",
    "--skill",
    "1.0",
    "--seed",
    "2",
    "--data-dir",
    str(tmp_path),
  ]
  assert demos.main(args) == 0
  out = capsys.readouterr().out
  assert "5 episodes" in out
  cfg = demos.demo_config("twenty_questions", episodes=5, skill=1.0, seed=2)
  trajs = demos.load_trajectories(tmp_path, cfg)
  assert len(trajs) == 5 and all(t.info["success"] for t in trajs)  # skill 1 wins
  assert demos.main(args) == 0  # reuses
  assert demos.main(args + ["--no-reask", "--skill", "0"]) == 0
  with pytest.raises(SystemExit):  # nothing to apply it to
    demos.main(["--from-json", "f.json", "--no-reask", "--data-dir", str(tmp_path)])
  assert "--no-reask set the scripted players" in capsys.readouterr().err
  with pytest.raises(SystemExit):
    demos.main(["--from-json", "f.json", "--skill", "0.2", "--data-dir", str(tmp_path)])
  assert "--skill set the scripted players" in capsys.readouterr().err
  cfg = demos.demo_config("twenty_questions", episodes=5, skill=0.0, seed=2, reask=False)
  assert len(demos.load_trajectories(tmp_path, cfg)) == 5
  assert demos.main(["--env", "detective", "--data-dir", str(tmp_path)]) == 2


def test_guess_my_city_scripted(tmp_path):
  try:
    from archer_jax.envs.guess_my_city import GuessMyCityEnv, ScriptedCityPlayer  # noqa: F401
  except ImportError as e:
    pytest.skip(
      f"archer_jax.envs.guess_my_city has no GuessMyCityEnv / ScriptedCityPlayer yet ({e})"
    )
  cfg = demos.demo_config("guess_my_city", episodes=6, skill=0.7, seed=1, batch_size=4)
  demos.build_dataset(cfg, tmp_path)
  got = demos.load_trajectories(tmp_path, cfg)
  direct = list(demos.source_trajectories(cfg))
  assert _as_tuples(got) == _as_tuples(direct)
  assert len(got) == 6
  for t in got:
    assert t.turns[-1].done and not any(u.done for u in t.turns[:-1])
    assert t.episode_return == sum(u.reward for u in t.turns)
    assert t.info["word"]


# ---- public JSON ----------------------------------------------------------------------------
def test_city_line_split_rule():
  assert split_city_line("Is your city in Asia? Yes, it is. Why do you ask?") == (
    "Is your city in Asia?",
    "Yes, it is. Why do you ask?",
  )
  assert split_city_line(
    "Based on the information provided, my next question would be:\n\n"
    "What is the climate like? Mild."
  ) == ("What is the climate like?", "Mild.")
  assert split_city_line("Question 3: Is it coastal? No.") == ("Is it coastal?", "No.")
  assert split_city_line('Based on that, I would ask: "Is it in Peru? No, it is not.') == (
    "Is it in Peru?",
    "No, it is not.",
  )
  assert split_city_line("5. Is it a capital? Yes.") == ("Is it a capital?", "Yes.")
  with pytest.raises(ValueError, match="no '\\?'"):
    split_city_line("Tell me about your city. It is nice.")
  assert split_twenty_questions_line("Is it a cat? Yes.") == ("Is it a cat?", "Yes.")
  assert split_twenty_questions_line("Is it big? Or small? No.") == ("Is it big? Or small?", "No.")


def test_guess_my_city_json_real_file(tmp_path):
  # the packaged copy is gzip; the JSON loaders read plain files
  city_json = tmp_path / "guess_my_city_conversations.json"
  with gzip.open(GUESS_MY_CITY_CONVERSATIONS, "rb") as src:
    city_json.write_bytes(src.read())
  trajs = load_guess_my_city_json(city_json)
  raw = json.load(open(city_json))
  assert len(trajs) == 950
  for t, item in zip(trajs, raw, strict=True):
    assert len(t) == len(item["conversation"])
    assert t.info["success"] == item["done"] and t.info["word"] == item["word"]
    assert all(u.reward == -1.0 for u in t.turns[:-1])
    assert t.turns[-1].reward == (0.0 if item["done"] else -1.0)
    assert t.turns[-1].done  # every file episode is complete
    assert t.turns[0].observation == INITIAL_OBSERVATION
    assert all(u.action.endswith("?") and "\n" not in u.action for u in t.turns)
  assert sum(t.info["success"] for t in trajs) == 590
  assert trajs[0].turns[1].action == "What is the climate like in your hometown?"
  assert trajs[0].turns[1].observation == (INITIAL_OBSERVATION + raw[0]["conversation"][0] + "\n")
  _check_consistent(trajs)
  # the same file through the dataset builder
  cfg = demos.demo_config("guess_my_city", episodes=40, json_path=city_json)
  assert cfg.name == "guess_my_city-json-guess_my_city_conversations-n40"
  demos.build_dataset(cfg, tmp_path)
  got = demos.load_trajectories(tmp_path, cfg)
  assert _as_tuples(got) == _as_tuples(trajs[:40])
  assert [t.info["seed"] for t in got] == [-1] * 40
  assert [t.info["episode"] for t in got] == list(range(40))


def _twenty_questions_sample():
  return [
    {
      "lines": ["Is it an animal? Yes.", "Is it a mammal? Yes.", "Is it a lion? Yes."],
      "correct": True,
      "word": ["Lion"],
    },
    {
      "lines": [f"Is it thing number {i}? No." for i in range(20)],
      "correct": False,
      "word": ["Television", "TV"],
    },
    {"lines": ["Is it made of metal? No.", "Is it alive? No."], "correct": False, "word": "Rock"},
  ]


def test_twenty_questions_public_json(tmp_path):
  path = tmp_path / "convos_sample.json"
  path.write_text(json.dumps(_twenty_questions_sample()))
  trajs = load_public_json(path)  # format detected from the keys
  assert _as_tuples(trajs) == _as_tuples(load_twenty_questions_json(path))
  win, lose, partial = trajs
  assert [u.action for u in win.turns] == ["Is it an animal?", "Is it a mammal?", "Is it a lion?"]
  assert [u.reward for u in win.turns] == [-1.0, -1.0, 0.0]
  assert [u.done for u in win.turns] == [False, False, True]
  assert win.turns[2].observation == ("Questions:\nIs it an animal? Yes.\nIs it a mammal? Yes.\n")
  assert win.turns[2].next_observation == win.turns[2].observation + "Is it a lion? Yes.\n"
  assert win.info["word"] == "Lion" and win.info["success"]
  assert lose.episode_return == -20.0 and lose.turns[-1].done and lose.info["truncated"]
  assert lose.info["word"] == "Television;TV"
  assert partial.info["partial"] and not partial.turns[-1].done  # stopped early, not won
  assert partial.info["word"] == "Rock"
  # through the builder
  cfg = demos.demo_config("twenty_questions", json_path=path)
  assert cfg.name == "twenty_questions-json-convos_sample" and cfg.episodes == 0  # all
  demos.build_dataset(cfg, tmp_path / "tfds")
  got = demos.load_trajectories(tmp_path / "tfds", cfg)
  assert _as_tuples(got) == _as_tuples(trajs)
  assert [t.info["success"] for t in got] == [True, False, False]
  assert [t.info["word"] for t in got] == ["Lion", "Television;TV", "Rock"]
  # and from the command line (env taken from the file's format)
  assert demos.main(["--from-json", str(path), "--data-dir", str(tmp_path / "cli")]) == 0
  assert _as_tuples(demos.load_trajectories(tmp_path / "cli", cfg.name)) == _as_tuples(trajs)


@pytest.mark.parametrize(
  "content, match",
  [
    ('[{"lines": ["Is it a cat? Yes."], "correct": true', "not valid JSON"),
    ('{"lines": []}', "expected a JSON list of conversations, got dict"),
    ('[{"lines": ["Is it a cat? Yes."], "word": ["Cat"]}]', "item 0: missing key 'correct'"),
    (
      '[{"lines": "Is it a cat? Yes.", "correct": true, "word": ["Cat"]}]',
      "item 0: key 'lines' has the wrong type",
    ),
    (
      '[{"lines": ["It is a cat."], "correct": true, "word": ["Cat"]}]',
      "item 0, line 0: no '\\? '",
    ),
    ('[{"lines": [], "correct": true, "word": ["Cat"]}]', "item 0: 'lines' is empty"),
    ("[[1, 2]]", "item 0 has list"),
  ],
)
def test_malformed_json_errors_name_the_file(tmp_path, content, match):
  path = tmp_path / "bad.json"
  path.write_text(content)
  with pytest.raises(DatasetFormatError, match=match) as e:
    load_public_json(path, fmt="auto" if content.startswith("[[") else "twenty_questions")
  assert str(path) in str(e.value)


def test_city_json_schema_errors_and_skip(tmp_path):
  path = tmp_path / "cities.json"
  items = [
    {"conversation": ["Is it in Asia? No."], "done": False, "word": "lima,peru"},
    {"conversation": ["Is it in Asia? No."], "done": "yes", "word": "lima,peru"},
  ]
  path.write_text(json.dumps(items))
  with pytest.raises(DatasetFormatError, match=r"cities.json: item 1: key 'done'"):
    load_guess_my_city_json(path)
  kept = load_guess_my_city_json(path, errors="skip")
  assert len(kept) == 1 and kept[0].info["partial"]


def test_missing_files_raise_clearly(tmp_path):
  missing = tmp_path / "nope.json"
  with pytest.raises(FileNotFoundError, match="nope.json: no such file"):
    load_guess_my_city_json(missing)
  with pytest.raises(FileNotFoundError, match="nope.json: no such file"):
    load_public_json(missing)
  cfg = demos.demo_config("twenty_questions", json_path=missing)
  with pytest.raises(FileNotFoundError, match="nope.json: no such file"):
    demos.build_dataset(cfg, tmp_path / "tfds")
