"""Twenty Questions: word list, knowledge base, understander, env, oracles, player, prompts."""

from __future__ import annotations

import itertools
import os
import sys
import time

import numpy as np
import pytest

from archer_jax.envs.twenty_questions import (
  INVALID,
  NO,
  OBJECT_DICT,
  SUBSET_WORDS,
  WORDS,
  YES,
  BuiltinOracle,
  LMOracle,
  ScriptedPlayer,
  Seq2SeqOracle,
  TwentyQuestionsEnv,
  TwentyQuestionsSubsetEnv,
  decode_json_question,
  get_kb,
  get_understander,
  guess_question,
  json_question_prompt,
  map_answer,
  names_word,
  parse_history,
  play,
)
from archer_jax.envs.twenty_questions.questions import LADDER_TEMPLATES, RULES

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "benchmarks"))


class CountingOracle:
  """Built-in answers, recording every batched call."""

  def __init__(self):
    self.inner = BuiltinOracle()
    self.calls: list[tuple[list[str], list[str]]] = []

  def answer_batch(self, secret_words, questions):
    self.calls.append((list(secret_words), list(questions)))
    return self.inner.answer_batch(secret_words, questions)


def _env_for(words, **kw):
  """An env whose row i hides words[i]."""
  env = TwentyQuestionsEnv(batch_size=len(words), **kw)
  names = [w.name for w in env.words]
  env.reset(indices=[names.index(w) for w in words])
  return env


# ---- word list and knowledge base -----------------------------------------------------------
def test_word_list_is_the_157_object_list():
  assert len(OBJECT_DICT) == 17
  assert len(WORDS) == 157
  assert sum(len(v) for v in OBJECT_DICT.values()) == 157
  assert len({w.name for w in WORDS}) == 157
  by = {w.name: w for w in WORDS}
  assert by["Airplane"].aliases == ("Airplane", "Plane")
  assert by["Television"].aliases == ("Television", "TV")
  assert by["Soccer ball"].category == "Sports" and by["Pliers"].category == "Tools"
  flat = [w.name for w in WORDS]
  assert tuple(flat[i] for i in range(1, 100, 10)) == SUBSET_WORDS


def _catalog_masks():
  kb = get_kb()
  keys = sorted({k for k, _, _, t in RULES if t} | set(LADDER_TEMPLATES))
  return keys, np.stack([kb.attrs[k] for k in keys])


def test_every_pair_of_objects_is_separated_by_an_askable_attribute():
  kb = get_kb()
  keys, m = _catalog_masks()
  assert len(keys) > 150
  same = [
    (kb.words[i].name, kb.words[j].name)
    for i, j in itertools.combinations(range(kb.n), 2)
    if not (m[:, i] != m[:, j]).any()
  ]
  assert same == []


def test_every_template_parses_back_to_its_attribute():
  kb, u = get_kb(), get_understander()
  for key, _, _, temps in RULES:
    for t in temps:
      p = u.parse(t)
      assert p is not None, t
      assert np.array_equal(p.mask != p.negated, kb.attrs[key]), (key, t, p.key)
  for key, temps in LADDER_TEMPLATES.items():
    for t in temps:
      p = u.parse(t)
      got = p.mask != p.negated
      assert np.array_equal(got, kb.attrs[key]) or np.array_equal(~got, kb.attrs[key]), (key, t)


@pytest.mark.parametrize(
  "word,question,expected",
  [
    ("Dog", "Is it an animal?", YES),
    ("Car", "Is it an animal?", NO),
    ("Banana", "Can you eat it?", YES),
    ("Hammer", "Can you eat it?", NO),
    ("Car", "Is it bigger than a breadbox?", YES),
    ("Ring", "Is it bigger than a breadbox?", NO),
    ("Knife", "Is it made of metal?", YES),
    ("Pillow", "Is it made of metal?", NO),
    ("Truck", "Does it have wheels?", YES),
    ("Boat", "Does it have wheels?", NO),
    ("Spoon", "Is it found in a kitchen?", YES),
    ("Desk", "Is it found in a kitchen?", NO),
    ("Dog", "Is it a dog?", YES),
    ("Cat", "Is it a dog?", NO),
    ("Mango", "Is the object a type of fruit?", YES),
    ("Carrot", "Is the object a type of fruit?", NO),
    ("Banana", "Is the object a tropical fruit?", YES),
    ("Airplane", "Is it a plane?", YES),
    ("Television", "is it a TV", YES),
    ("Orange", "Is it orange?", YES),
    ("Carrot", "Is it orange?", YES),
    ("Carrot", "Is it an orange?", NO),
    ("Dog", "Is it not alive?", NO),
    ("Rock", "Is it not alive?", YES),
    ("Dog", "Does it have four legs?", YES),
    ("Piano", "Does it have more than two legs?", YES),
    ("Horse", "Does it weigh more than 10 kg?", YES),
    ("Pen", "Can it fit in your pocket?", YES),
    ("Couch", "Is it too big to fit in a car?", YES),
    ("Tomato", "Is it a fruit or a vegetable?", YES),
    ("Lake", "Is it a body of water?", YES),
    ("Ocean", "Is it salty?", YES),
    ("Dog", "Is it a zebra?", NO),
    ("Banana", "Does its name start with B?", YES),
    ("Dog", "What is it?", INVALID),
    ("Dog", "hello there", INVALID),
    ("Dog", "Is it shiny?", INVALID),
  ],
)
def test_understander_answers_sample_questions(word, question, expected):
  assert BuiltinOracle().answer_batch([word], [question]) == [expected]


def test_understander_rejects_garbage():
  u = get_understander()
  for q in [
    "",
    "   ",
    "Is it a caf\u00e9?",
    "Is it " + "big " * 200 + "?",
    "\x00\x01",
    "12345",
    "Tell me the answer",
    "?!?!",
  ]:
    assert u.parse(q) is None, q


# ---- env -------------------------------------------------------------------------------------
def test_observation_format_rewards_and_win():
  env = _env_for(["Dog"])
  assert env.observations == ["Questions:\n"]
  obs, r, d, info = env.step(["Is it an animal?"])
  assert obs == ["Questions:\nIs it an animal? Yes.\n"] and r[0] == -1 and not d[0]
  assert info[0] == {"word": "Dog", "won": False, "question": "Is it an animal?", "answer": YES}
  obs, r, d, info = env.step(["Is it a cat?"])
  assert obs[0].endswith("Is it a cat? No.\n") and r[0] == -1 and not d[0]
  obs, r, d, info = env.step(["Is it a dog?"])
  assert obs[0] == "Questions:\nIs it an animal? Yes.\nIs it a cat? No.\nIs it a dog? Yes.\n"
  assert r[0] == 0 and d[0] and info[0]["won"]
  assert env.trajectories()[0].episode_return == -2.0


@pytest.mark.parametrize(
  "word,question,wins",
  [
    ("Airplane", "Is it a plane?", True),
    ("Airplane", "Is it an AIRPLANE?!", True),
    ("Television", "Is it a TV?", True),
    ("Soccer ball", "Is it a soccer ball?", True),
    ("Soccer ball", "Is it a ball?", False),
    ("Pants", "Is it a pair of pants?", True),
    ("Cooking pot", "Is the object a pot?", True),
    ("Computer keyboard", "Is it a keyboard?", True),
    ("Dog", "Is it a mammal?", False),
    ("Dog", "Is it a 'dog'?", True),
  ],
)
def test_win_needs_yes_and_the_name_or_an_alias_last(word, question, wins):
  env = _env_for([word])
  _, r, d, info = env.step([question])
  assert bool(d[0]) == wins and info[0]["won"] == wins and r[0] == (0.0 if wins else -1.0)
  bear = WORDS[[w.name for w in WORDS].index("Bear")]
  assert names_word("Is it a teddy bear?", bear)  # last word; only a Yes would win
  assert BuiltinOracle().answer_batch(["Bear"], ["Is it a teddy bear?"]) == [NO]


def test_yes_without_the_name_is_not_a_win_and_naming_needs_yes():
  kb = get_kb()
  assert not names_word("Is it an animal?", kb.words[kb.index["Dog"]])
  assert names_word("Is it a dog?", kb.words[kb.index["Dog"]])
  env = _env_for(["Cat"])
  _, r, d, _ = env.step(["Is it a dog?"])  # names another word, answer No
  assert r[0] == -1 and not d[0]


def test_turn_cap_truncates_at_max_turns():
  env = _env_for(["Dog"], max_turns=20)
  for t in range(20):
    _, r, d, info = env.step(["Is it made of metal?"])
    assert r[0] == -1
    assert bool(d[0]) == (t == 19)
  assert info[0]["truncated"] and not info[0]["won"]
  assert env.trajectories()[0].episode_return == -20.0
  _, r, d, _ = env.step(["Is it a dog?"])  # finished rows stay finished
  assert r[0] == 0 and d[0] and len(env.trajectories()[0]) == 20
  short = _env_for(["Dog"], max_turns=3)
  for _ in range(3):
    _, _, d, _ = short.step(["Is it red?"])
  assert d[0]


def test_seeding_is_reproducible():
  a, b = TwentyQuestionsEnv(batch_size=16, seed=5), TwentyQuestionsEnv(batch_size=16, seed=5)
  a.reset(), b.reset()
  assert a.secret_words == b.secret_words
  a.reset(seeds=list(range(16))), b.reset(seeds=list(range(16)))
  assert a.secret_words == b.secret_words
  first = a.secret_words
  a.reset()
  c = TwentyQuestionsEnv(batch_size=16, seed=6)
  c.reset()
  assert len(set(first)) > 8 and (a.secret_words != first or c.secret_words != first)
  sub = TwentyQuestionsSubsetEnv(batch_size=64, seed=1)
  sub.reset()
  assert set(sub.secret_words) <= set(SUBSET_WORDS) and len(set(sub.secret_words)) > 5
  with pytest.raises(IndexError):
    sub.reset(indices=[10] * 64)


def test_batch_with_mixed_finishing_times_only_asks_active_rows():
  oracle = CountingOracle()
  env = _env_for(["Dog", "Cat", "Banana", "Car"], oracle=oracle, max_turns=4)
  script = [
    ["Is it a dog?", "Is it a dog?", "Is it a fruit?", "Is it red?"],
    ["x", "Is it a cat?", "Is it yellow?", "Is it red?"],
    ["x", "x", "Is it a banana?", "Is it blue?"],
    ["x", "x", "x", "Is it a truck?"],
  ]
  for step, acts in enumerate(script):
    before = list(env.observations)
    done_before = env.dones
    _, r, d, info = env.step(acts)
    assert oracle.calls[-1][1] == [a for a, dn in zip(acts, done_before, strict=True) if not dn]
    assert int(d.sum()) == step + 1
    for i in np.flatnonzero(done_before):
      assert r[i] == 0 and env.observations[i] == before[i] and info[i] == {}
  assert len(oracle.calls) == 4 and env.dones.all() and info[3]["truncated"]
  assert oracle.calls[1][0] == ["Cat", "Banana", "Car"]
  assert [t.episode_return for t in env.trajectories()] == [0.0, -1.0, -2.0, -4.0]
  assert env.step(["Is it a dog?"] * 4)[1].sum() == 0 and len(oracle.calls) == 4


def test_bad_actions_never_crash_and_are_invalid():
  oracle = CountingOracle()
  bad = [
    None,
    b"\xff\xfe",
    12345,
    "",
    "\n\nIs it a dog?",
    "Est-ce un \u00e9l\u00e9phant ?",
    "x" * 5000,
    "\U0001f436?",
    "Is it a dog?" + "\x00" * 3,
  ]
  env = TwentyQuestionsEnv(batch_size=len(bad), oracle=oracle)
  env.reset(indices=[1] * len(bad))
  obs, r, d, info = env.step(bad)
  assert (r == -1).all() and not d.any()
  assert [i["answer"] for i in info[:-1]] == [INVALID] * (len(bad) - 1)
  asked = oracle.calls[0][1] if oracle.calls else []
  assert all(q.isascii() and q and len(q) <= 300 for q in asked)
  assert obs[3] == "Questions:\nInvalid Question.\n"


def test_only_the_first_line_of_an_action_is_the_question():
  env = _env_for(["Dog"])
  obs, r, d, info = env.step(["  Is it a dog?  \nIs it a cat?\nmore"])
  assert info[0]["question"] == "Is it a dog?" and d[0] and r[0] == 0
  assert obs[0] == "Questions:\nIs it a dog? Yes.\n"


def test_json_prompt_env_decodes_replies():
  env = TwentyQuestionsSubsetEnv(batch_size=1, prompt="json")
  obs = env.reset(indices=[1])  # dog
  assert "[INST]" in obs[0] and "Questions:\n" in obs[0]
  assert "football, dog, banana, truck, pants, computer, piano, chair, pen, scissors" in obs[0]
  obs, r, d, info = env.step(['```json\n{\n"Question": "Is it an animal?",\n}\n```'])
  assert info[0]["answer"] == YES and "Is it an animal? Yes." in obs[0]
  assert parse_history(obs[0]) == [("Is it an animal?", YES)]
  _, r, d, _ = env.step(['Sure! {"Question": "Is it a dog?"}'])
  assert d[0] and r[0] == 0


def test_registry_builds_env_and_player():
  ml = pytest.importorskip("ml_collections")
  from archer_jax.envs.registry import make_env, make_player

  cfg = ml.ConfigDict(dict(name="twenty_questions_subset", max_turns=20, kwargs={}))
  env = make_env(cfg, batch_size=4, seed=0)
  assert isinstance(env, TwentyQuestionsEnv) and len(env.words) == 10
  player = make_player(cfg, np.random.default_rng(0), skill=1.0)
  assert len(player.words) == 10
  assert player.act(env.reset()[0]).endswith("?")


# ---- oracles and prompts ---------------------------------------------------------------------
def test_lm_oracle_builds_prompts_and_maps_completions():
  seen = []

  def fake_generate(prompts):
    seen.extend(prompts)
    return [" Yes, it is.", "no", "Invalid question", "Well... I think YES.", "", "maybe?"]

  oracle = LMOracle(fake_generate)
  words = ["Dog", "Cat", "Car", "Pen", "Cup", "Hat"]
  got = oracle.answer_batch(words, ["Is it an animal?"] * 6)
  assert got == [YES, NO, INVALID, YES, INVALID, INVALID]
  assert len(seen) == 6 and '"Dog"' in seen[0] and "Is it an animal?" in seen[0]
  env = _env_for(["Dog", "Horse"], oracle=LMOracle(lambda p: ["Yes."] * len(p)))
  _, r, d, _ = env.step(["Is it a dog?", "Is it a dog?"])
  assert list(d) == [True, False]
  with pytest.raises(RuntimeError):
    LMOracle(lambda p: ["Yes."]).answer_batch(["Dog", "Cat"], ["a?", "b?"])


def test_map_answer():
  assert map_answer("Yes.") == YES and map_answer("no") == NO
  assert map_answer("  \n Nope, sorry") == NO and map_answer("Invalid Question.") == INVALID
  assert map_answer(None) == INVALID and map_answer("blue") == INVALID


@pytest.mark.parametrize(
  "text,expected",
  [
    ('{"Question": "Is it an animal?"}', "Is it an animal?"),
    ('```json\n{\n"Question": "Is it a fruit?",\n}\n```', "Is it a fruit?"),
    ("Here you go:\n{'Question': 'Is it red?'}\nThanks", "Is it red?"),
    ('{"Question": "Is it a dog?"', "Is it a dog?"),
    ('{"Question": "Is it a \\"big\\" thing?"}', 'Is it a "big" thing?'),
    ('{"question": "Does it fly?', "Does it fly?"),
    ("Question: Is it bigger than a breadbox?", "Is it bigger than a breadbox?"),
    (
      "I think I should ask whether it is alive. Is it alive? Let me know.",
      "I think I should ask whether it is alive. Is it alive?",
    ),
    ("", ""),
    ("{}", ""),
  ],
)
def test_decode_json_question(text, expected):
  assert decode_json_question(text) == expected


def test_json_prompt_lists_words_and_history():
  p = json_question_prompt("Questions:\nIs it alive? No.\n")
  assert p.startswith("[INST]") and p.endswith("[/INST]\n")
  assert "Is it alive? No.\n" in p and '"Question"' in p and "scissors." in p
  assert parse_history(p) == [("Is it alive?", NO)]


def test_seq2seq_oracle_missing_dir_names_the_path(tmp_path):
  missing = str(tmp_path / "no_such_oracle")
  with pytest.raises(FileNotFoundError, match="no_such_oracle"):
    Seq2SeqOracle(missing)


def test_seq2seq_oracle_with_a_tiny_random_t5(tmp_path):
  pytest.importorskip("torch")
  tr = pytest.importorskip("transformers")
  from tokenizers import Tokenizer, models, pre_tokenizers

  words = (
    "answer the question about object truthfully yes no or is it an animal a dog "
    "plane airplane invalid"
  ).split()
  vocab = {t: i for i, t in enumerate(["<pad>", "</s>", "<unk>"] + words)}
  tok = Tokenizer(models.WordLevel(vocab=vocab, unk_token="<unk>"))
  tok.pre_tokenizer = pre_tokenizers.Whitespace()
  fast = tr.PreTrainedTokenizerFast(
    tokenizer_object=tok, pad_token="<pad>", eos_token="</s>", unk_token="<unk>"
  )
  fast.save_pretrained(tmp_path)
  cfg = tr.T5Config(
    vocab_size=len(vocab),
    d_model=16,
    d_kv=8,
    d_ff=32,
    num_layers=1,
    num_decoder_layers=1,
    num_heads=2,
    pad_token_id=0,
    eos_token_id=1,
    decoder_start_token_id=0,
  )
  tr.T5ForConditionalGeneration(cfg).save_pretrained(tmp_path)
  oracle = Seq2SeqOracle(str(tmp_path), max_new_tokens=3)
  assert oracle.format_prompt("Airplane", "Is it a plane?") == (
    "Answer the question about the object truthfully.\nobject: (Airplane, Plane)\n"
    "question: Is it a plane?\nanswer (yes or no): "
  )
  got = oracle.answer_batch(["Dog", "Airplane", "Cat"], ["Is it an animal?", "Is it a plane?", "?"])
  assert len(got) == 3 and set(got) <= {YES, NO, INVALID}
  assert oracle.last_prompts[0].endswith("question: Is it an animal?\nanswer (yes or no): ")
  assert len(oracle.last_completions) == 3
  archer = Seq2SeqOracle(str(tmp_path), prompt_format="archer")
  assert (
    archer.format_prompt("Airplane", "Is it a plane?") == "The object is airplane.Is it a plane?"
  )
  env = TwentyQuestionsEnv(batch_size=2, oracle=oracle)
  env.reset(indices=[0, 1])
  _, r, _, info = env.step(["Is it an animal?", "Is it a dog?"])
  assert all(i["answer"] in (YES, NO, INVALID) for i in info) and r.shape == (2,)


# ---- scripted player --------------------------------------------------------------------------
def test_guess_questions_name_the_word_and_win():
  rng = np.random.default_rng(0)
  env = TwentyQuestionsEnv(batch_size=len(WORDS))
  env.reset(indices=list(range(len(WORDS))))
  _, r, d, _ = env.step([guess_question(w, rng, alias_prob=0.5) for w in WORDS])
  assert d.all() and (r == 0).all()


def test_player_skill_one_wins_the_full_game():
  env = TwentyQuestionsEnv(batch_size=200)
  trajs = play(env, lambda rng: ScriptedPlayer(rng, words="full", skill=1.0), seed=3)
  wins = np.mean([t.turns[-1].reward == 0.0 and len(t) <= 20 for t in trajs])
  print(
    f"skill=1.0 full 20Q: win rate {wins:.3f}, mean return "
    f"{np.mean([t.episode_return for t in trajs]):.2f}"
  )
  assert wins >= 0.95


def test_player_default_skill_returns_mid_range_and_varies():
  env = TwentyQuestionsEnv(batch_size=200)
  trajs = play(env, lambda rng: ScriptedPlayer(rng, words="full"), seed=4)
  rets = np.array([t.episode_return for t in trajs])
  print(
    f"default skill full 20Q: mean return {rets.mean():.2f}, win rate "
    f"{np.mean([t.turns[-1].reward == 0.0 for t in trajs]):.3f}"
  )
  assert -19 < rets.mean() < -5 and rets.std() > 1.5
  questions = {t.action for tr in trajs for t in tr.turns}
  assert len(questions) > 300  # varied phrasings, not one script


def test_player_is_deterministic_given_rng_and_uses_the_observation():
  def actions(seed):
    env = TwentyQuestionsEnv(batch_size=8, words="subset")
    trajs = play(env, lambda rng: ScriptedPlayer(rng, words="subset", skill=0.6), seed=seed)
    return [[t.action for t in tr.turns] for tr in trajs]

  assert actions(7) == actions(7) and actions(7) != actions(8)
  p = ScriptedPlayer(0, words="subset", skill=1.0)
  obs = "Questions:\nIs it an animal? Yes.\n"
  assert p.act(obs) == "Is it a dog?" or p.act(obs).endswith("dog?")
  alive, _ = p.candidates(parse_history("Questions:\nIs it a fruit? No.\nIs it a vehicle? Yes.\n"))
  assert [w.name for w, a in zip(p.words, alive, strict=True) if a] == ["Truck"]


def test_benchmark_reaches_10k_steps_per_second():
  import bench_env_20q

  # this thread's CPU time: the suite's other worker and anything else running do not count
  rate = bench_env_20q.run(
    batch_size=64, seconds=0.5, words="full", cold=False, clock=time.thread_time
  )
  print(f"built-in 20Q env: {rate:,.0f} steps per CPU second")
  assert rate >= 10_000
  assert bench_env_20q.main(["--seconds", "0.2", "--min", "1e12"]) == 1


def test_player_without_reask_never_asks_an_attribute_twice():
  def asked_twice(reask):
    env = TwentyQuestionsEnv(batch_size=32, words="subset")
    mk = lambda rng: ScriptedPlayer(rng, words="subset", skill=0.0, reask=reask)
    p = mk(0)
    n = 0
    for tr in play(env, mk, seed=5):
      keys = [p.u.parse(t.action) for t in tr.turns]
      keys = [k.key for k in keys if k is not None and k.kind != "name"]
      n += len(keys) - len(set(keys))
    return n

  p = ScriptedPlayer(0, words="subset")  # every phrasing is recorded as its row when asked
  assert all(p._row(p.u.parse(t)) == i for i, ts in enumerate(p.templates) for t in ts)
  assert asked_twice(True) > 10  # the default weak turns re-ask
  assert asked_twice(False) == 0
  import ml_collections as ml

  from archer_jax.envs.registry import make_player

  cfg = ml.ConfigDict(dict(name="twenty_questions_subset", max_turns=20, kwargs={}))
  assert make_player(cfg, 0).reask and not make_player(cfg, 0, reask=False).reask


def test_default_demonstrations_are_the_recorded_ones():
  """The default demonstrator plays exactly the episodes every recorded result was made with
  (the BC episodes of the main job's seed 0, first 128), whatever options were added since."""
  import hashlib

  from archer_jax.data import demos

  cfg = demos.demo_config("twenty_questions_subset", episodes=128, skill=0.2, seed=11)
  text = "\n".join("|".join(t.action for t in tr.turns) for tr in demos.source_trajectories(cfg))
  assert hashlib.sha256(text.encode()).hexdigest()[:16] == "e5ea009967d2165a"
