"""Guess My City: city list, knowledge base, understander, oracles, env, player, registry."""

from __future__ import annotations

import itertools
import os
import sys

import numpy as np
import pytest

from archer_jax.assets import GUESS_MY_CITY_CONVERSATIONS
from archer_jax.envs.guess_my_city import (
  CITIES,
  FALLBACK,
  REFUSE,
  WIN_ANSWER,
  BuiltinOracle,
  GuessMyCityEnv,
  LMOracle,
  ScriptedCityPlayer,
  city_index,
  extract_question,
  get_city,
  get_understander,
  guess_question,
  is_garbage,
  load_conversations,
  named_cities,
  names_city,
  parse_history,
  play,
  question_pool,
  reveals,
  split_turn,
)
from archer_jax.envs.guess_my_city.cities import CLIMATES
from archer_jax.envs.guess_my_city.countries import COUNTRIES
from archer_jax.envs.guess_my_city.knowledge import CONTINENTS
from archer_jax.envs.guess_my_city.player import _answer_matrix

HERE = os.path.dirname(__file__)
DATA = GUESS_MY_CITY_CONVERSATIONS  # shipped in the package (gzip JSON)
sys.path.insert(0, os.path.join(HERE, "..", "benchmarks"))

ORACLE = BuiltinOracle()
ANSWER = ORACLE.answer


def _env_for(keys, **kw):
  """An env whose row i hides keys[i]."""
  env = GuessMyCityEnv(batch_size=len(keys), **kw)
  env.reset(indices=[city_index(k) for k in keys])
  return env


class CountingOracle:
  def __init__(self):
    self.calls: list[tuple[list[str], list[str]]] = []

  def answer_batch(self, keys, questions):
    self.calls.append((list(keys), list(questions)))
    return ORACLE.answer_batch(keys, questions)


# ---- city list and knowledge base --------------------------------------------------------
def test_city_keys_are_the_data_files():
  data = load_conversations(DATA)
  keys = {d["word"] for d in data}
  assert len(keys) == 99 and keys == {c.key for c in CITIES}
  assert len(CITIES) == 99


def test_city_records_are_complete_and_names_unique():
  seen: dict[str, str] = {}
  for c in CITIES:
    assert c.country.name in COUNTRIES and c.continents
    assert all(x in CONTINENTS for x in c.continents), c.key
    assert c.climate in CLIMATES and -90 < c.lat < 90 and -180 < c.lon < 180, c.key
    assert 0.1 < c.population < 40 and -500 < c.elevation < 3000, c.key
    assert c.capital in ("", "national", "regional"), c.key
    assert c.landmarks and c.dishes and c.languages and c.religions and c.history, c.key
    for a in c.alias_norms:
      assert seen.setdefault(a, c.key) == c.key, f"alias {a!r} of {c.key} and {seen[a]}"
  # facts that must hold
  assert get_city("Bogotá").elevation > 2500 and get_city("Sydney").lat < 0
  assert get_city("bombay").name == "Mumbai" and get_city("kinshaha").name == "Kinshasa"
  assert get_city("taipei,china").country.name == "Taiwan"
  assert set(get_city("Istanbul").continents) == {"Europe", "Asia"}
  nat = {c.name for c in CITIES if c.capital == "national"}
  assert {"Tokyo", "Paris", "Cairo", "Bogotá", "Tashkent", "Kinshasa"} <= nat
  assert not {"Istanbul", "Sydney", "New York", "Shanghai", "Karachi", "Rio de Janeiro"} & nat


def test_every_name_and_alias_wins_accent_and_case_insensitively():
  for i, c in enumerate(CITIES):
    for a in c.aliases + c.exact_aliases:
      assert i in named_cities(f"Is it {a}?"), (c.key, a)
      assert names_city(f"Is your city {a.upper() if a not in c.exact_aliases else a}?", c)
  assert names_city("Is it Bogota?", "bogota,colombia")
  assert names_city("is it BOGOTÁ", "bogota,colombia")
  assert names_city("Is your city Mumbai, India?", "bombay,india")
  assert names_city("Are you from Kinshasa?", "kinshaha,congo")
  assert names_city("Is it Xi'an?", "xian,china") and names_city("Is it Xian?", "xian,china")
  assert names_city("Is your city Saint Petersburg?", "st petersburg,russia")
  assert names_city("Is it NYC?", "new york,usa") and not names_city("Is it nyc?", "rome,italy")


def test_look_alike_phrases_do_not_name_a_city():
  assert not named_cities("Is your city in El Salvador?")
  assert named_cities("Is it Santiago de Cali?") == {city_index("cali")}
  assert not named_cities("Is your city known as the Paris of the East?")
  assert not named_cities("Is your city on the Rio de la Plata?")
  assert not named_cities("Is your city near the Santiago Bernabeu stadium?")
  assert not named_cities("Is la comida spicy?")  # "LA" counts only in capitals
  assert named_cities("Is it LA?") == {city_index("los angeles")}


def test_answers_never_name_the_city():
  qs = [
    "What is the name of your city?",
    "What is the climate like?",
    "What language do people speak in your city?",
    "What is the population of your city?",
    "What famous landmarks are in your city?",
    "What is the traditional cuisine of your city?",
    "Which country is your city in?",
    "Which state or province is your city in?",
    "What is the nickname of your city?",
    "What is the name of the river in your city?",
    "What is the capital of your country?",
    "Who are famous people from your city?",
    "What are the main industries?",
    "Tell me about the history of your city.",
    "What sports teams is your city known for?",
    "What is the name of the famous stadium in your city?",
    "What is your city known for?",
    "Can you describe your city?",
    "Is your city known for its landmarks?",
    "Is your city known for its cuisine?",
    "Where is your city located?",
    "What is the name of the famous tower in your city?",
    "What festivals are celebrated in your city?",
    "What is your city's political status?",
  ]
  for c in CITIES:
    for q in qs:
      a = ANSWER(c.key, q)
      assert not reveals(a, c), (c.key, q, a)
      assert a and "\n" not in a
  assert ANSWER("singapore,singapore", "Which country is your city in?") == REFUSE
  assert ANSWER("tokyo,japan", "What is the name of your city?") == REFUSE
  assert ANSWER("tokyo,japan", "What is the capital of your country?") == REFUSE


def test_oracle_is_consistent_with_the_knowledge_base():
  for c in CITIES:
    # (`yes` is only called inside this iteration, so the late-bound `c` is safe)
    yes = lambda q: ANSWER(c.key, q).startswith("Yes")  # noqa: B023
    for cont in CONTINENTS:
      assert yes(f"Is your city in {cont}?") == (cont in c.continents), (c.key, cont)
    assert yes("Is it in Asia?") == ("Asia" in c.continents)
    for name in ("China", "India", "Brazil", "Indonesia", "Japan", "United States", "Egypt"):
      assert yes(f"Is your city located in {name}?") == (c.country.name == name), (c.key, name)
    assert yes("Is your city the capital of its country?") == (c.capital == "national"), c.key
    assert yes("Is your city located on the coast?") == c.coastal, c.key
    assert yes("Is your city in the Southern Hemisphere?") == (c.lat < 0), c.key
    assert yes("Does your city have a population of over 5 million?") == (c.population > 5)
    assert yes("Is your city located on an island?") == bool(c.island), c.key
    alt = ANSWER(c.key, "Is your city located on the coast or inland?")
    assert ("coast" in alt) == c.coastal and ("inland" in alt) == (not c.coastal), alt


def test_understander_examples():
  u = get_understander()
  ask = lambda key, q: ANSWER(key, q)
  assert ask("istanbul,turkey", "Is your city known for the Hagia Sophia?").startswith("Yes")
  assert ask("kiev,ukraine", "Is your city known for the Hagia Sophia?").startswith("No")
  assert ask("bandung,indonesia", "Is your city on the northern coast of Java?").startswith("No")
  assert ask("semarang,indonesia", "Is your city on the northern coast of Java?").startswith("Yes")
  assert ask(
    "harbin" if False else "haerbin,china", "Is your city in the northern part of China?"
  ).startswith("Yes")
  assert ask("guangzhou,china", "Is your city in the northern part of China?").startswith("No")
  assert ask("malang,indonesia", "Is your city near the city of Surabaya?").startswith("Yes")
  assert ask("kiev,ukraine", "Is your city near Kyoto?").startswith("No")
  assert ask("osaka,japan", "Is your city near Kyoto?").startswith("Yes")
  assert ask("lima,peru", "Does your city have a population of more than 5 million?").startswith(
    "Yes"
  )
  assert "Turkish" in ask("izmir,turkey", "What is the predominant language spoken there?")
  assert "Dnieper" in ask(
    "kiev,ukraine", "What is the name of the river that flows through your city?"
  )
  assert ask("bandung,indonesia", "Is your city the capital of its country?").startswith(
    "No"
  ) and "province" in ask("bandung,indonesia", "Is your city the capital of its country?")
  assert u.parse("What is the name of your city?").kind == "refuse"
  assert u.parse("Is it Tokyo?").kind == "name"
  assert u.parse("Is your city Khiva?").kind == "name"  # outside the list: a plain no
  assert ask("rome,italy", "Is your city Khiva?").startswith("No")
  assert u.parse("Florp blarg zint?") is None
  assert ask("rome,italy", "Florp blarg zint?") == FALLBACK


def test_extract_question_and_split_turn():
  line = (
    "Based on the information provided, my next question would be:\n\nIs your city "
    "located in Asia? Yes, my city is located in Asia."
  )
  assert split_turn(line) == ("Is your city located in Asia?", "Yes, my city is located in Asia.")
  assert (
    extract_question('I will ask the next question: "Is your city on the coast? Yes')
    == "Is your city on the coast?"
  )
  assert extract_question("Question 5: Is your city in Europe?") == "Is your city in Europe?"
  assert extract_question("12. Does your city have a river?") == "Does your city have a river?"
  assert extract_question("Is it Paris?\nThanks!") == "Is it Paris?"
  assert extract_question("") == ""


def test_every_pair_of_cities_is_separable():
  keys = tuple(c.key for c in CITIES)
  mat, _ = _answer_matrix(keys)
  for i, j in itertools.combinations(range(len(keys)), 2):
    assert (mat[:, i] != mat[:, j]).any(), (keys[i], keys[j])
  # and by yes/no questions alone, as long as both are not in the same place
  yn = np.array([y for _, _, y in question_pool(keys)])
  same = [
    (keys[i], keys[j])
    for i, j in itertools.combinations(range(len(keys)), 2)
    if not (mat[yn][:, i] != mat[yn][:, j]).any()
  ]
  assert len(same) <= 10, same


# ---- env -----------------------------------------------------------------------------------
def test_rewards_termination_and_cap():
  env = _env_for(["paris,france", "lima,peru"], max_turns=3)
  obs, r, d, info = env.step(["Is your city in Europe?", "Is it Paris?"])
  assert r.tolist() == [-1.0, -1.0] and not d.any()
  assert obs[0] == "Questions:\nIs your city in Europe? Yes, it is.\n"
  assert info[1]["answer"] == "No, that is not my city." and not info[1]["won"]
  obs, r, d, info = env.step(["Is it Paris?", "Is your city on the coast?"])
  assert r.tolist() == [0.0, -1.0] and d.tolist() == [True, False]
  assert info[0]["won"] and info[0]["answer"] == WIN_ANSWER and info[0]["city"] == "paris,france"
  obs2, r, d, info = env.step(["Is it Paris?", "Is it Tokyo?"])
  assert obs2[0] == obs[0] and r.tolist() == [0.0, -1.0] and d.all()
  assert info[1].get("truncated") and not info[1]["won"]
  t = env.trajectories()
  assert t[0].episode_return == -1 and len(t[0]) == 2 and t[0].info["won"]
  assert t[1].episode_return == -3 and len(t[1]) == 3 and not t[1].info["won"]


def test_accent_insensitive_win_through_the_env():
  env = _env_for(["bogota,colombia", "bombay,india", "kinshaha,congo"])
  _, r, d, _ = env.step(["Is it Bogotá?", "Is your city Mumbai?", "Is it KINSHASA?"])
  assert d.all() and r.tolist() == [0.0, 0.0, 0.0]


def test_seeding_is_reproducible():
  a = GuessMyCityEnv(batch_size=8, seed=3)
  b = GuessMyCityEnv(batch_size=8, seed=3)
  a.reset(), b.reset()
  assert a.secret_cities == b.secret_cities
  a.reset(seeds=list(range(8)))
  b.reset(seeds=list(range(8)))
  assert a.secret_cities == b.secret_cities and len(set(a.secret_cities)) > 3
  mk = lambda rng: ScriptedCityPlayer(rng, skill=0.5)
  t1 = play(GuessMyCityEnv(batch_size=6), mk, seed=5)
  t2 = play(GuessMyCityEnv(batch_size=6), mk, seed=5)
  assert [[x.action for x in t.turns] for t in t1] == [[x.action for x in t.turns] for t in t2]


def test_batch_with_mixed_finishing_times_asks_only_active_rows():
  oracle = CountingOracle()
  env = _env_for(["tokyo,japan", "cairo,egypt", "lima,peru"], oracle=oracle)
  env.step(["Is it Tokyo?", "Is your city in Africa?", "Is it Cairo?"])
  assert oracle.calls[-1] == (
    ["cairo,egypt", "lima,peru"],
    ["Is your city in Africa?", "Is it Cairo?"],
  )
  obs, r, d, _ = env.step(["ignored", "Is it Cairo?", "Is your city in Peru?"])
  assert oracle.calls[-1] == (["lima,peru"], ["Is your city in Peru?"])
  assert d.tolist() == [True, True, False] and r.tolist() == [0.0, 0.0, -1.0]
  assert obs[0].count("\n") == 2


def test_bad_input_never_crashes():
  env = GuessMyCityEnv(batch_size=8, oracle=CountingOracle())
  env.reset(seeds=list(range(8)))
  acts = [
    "",
    "   ",
    "x" * 5000,
    "日本の都市ですか？",
    "\x00\x01\x02",
    None,
    12345,
    b"\xff\xfe garbage bytes",
  ]
  obs, r, d, info = env.step(acts)
  assert r.tolist() == [-1.0] * 8 and not d.any()
  for i in (0, 1, 2, 3, 4, 5):
    assert info[i]["answer"] == FALLBACK, (i, info[i])
  assert all(o.startswith("Questions:\n") for o in obs)
  assert is_garbage("") and is_garbage("?!") and not is_garbage("Is it Rome?")
  for q in ("??", "Is your city " + "very " * 200 + "big?", "是北京吗?", "Is it\tRome\t?"):
    ANSWER("rome,italy", q)  # no exception


# ---- oracles -------------------------------------------------------------------------------
def test_lm_oracle_prompts_and_cleans_completions():
  seen = []

  def gen(prompts):
    seen.append(list(prompts))
    return ["Yes, it is in Europe.\nAnd more lines", "My city is Rome, of course.", "", "x" * 900][
      : len(prompts)
    ]

  o = LMOracle(gen)
  out = o.answer_batch(
    ["paris,france", "rome,italy", "lima,peru", "cairo,egypt"],
    ["Is it in Europe?", "What is it?", "Hm?", "Long?"],
  )
  assert len(seen) == 1 and "Paris, France" in seen[0][0] and "Is it in Europe?" in seen[0][0]
  assert out[0] == "Yes, it is in Europe." and out[1] == REFUSE and out[2] == FALLBACK
  assert len(out[3]) <= 300
  env = _env_for(["paris,france", "lima,peru"], oracle=o)
  seen.clear()
  env.step(["Is it in Europe?", "Is it Lima?"])
  assert len(seen) == 1 and len(seen[0]) == 1  # one batched call, active rows only


@pytest.mark.slow
def test_lm_oracle_through_the_jitted_sampler():
  """A tiny random causal LM answering through `generation.Sampler` (one compile)."""
  jax = pytest.importorskip("jax")
  from test_generation import make_tokenizer, tiny_model

  from archer_jax.envs.guess_my_city import sampler_generate_fn
  from archer_jax.generation import Sampler

  cfg, params, _ = tiny_model("llama")
  sampler = Sampler(
    cfg,
    make_tokenizer(),
    max_new_tokens=4,
    stop_strings=("\n",),
    prompt_buckets=(16,),
    batch_buckets=(2,),
  )
  o = LMOracle(sampler_generate_fn(sampler, params), template="{city} {question}")
  env = _env_for(["paris,france", "lima,peru", "tokyo,japan"], oracle=o)
  obs, r, d, info = env.step(["Is it in Europe?", "Is it Lima?", "Is it in Asia?"])
  assert r.tolist() == [-1.0, 0.0, -1.0] and d.tolist() == [False, True, False]
  for i in (0, 2):
    assert isinstance(info[i]["answer"], str) and info[i]["answer"]
    assert "\n" not in info[i]["answer"]
  del jax


# ---- player --------------------------------------------------------------------------------
def test_scripted_player_skill_one_wins_nearly_always():
  env = GuessMyCityEnv(batch_size=len(CITIES))
  trajs = play(
    env, lambda rng: ScriptedCityPlayer(rng, skill=1.0), seed=0, indices=list(range(len(CITIES)))
  )
  won = np.array([t.info.get("won", False) for t in trajs])
  turns = np.array([len(t) for t in trajs])
  assert won.mean() >= 0.9 and (turns <= 20).all()
  weak = play(
    env, lambda rng: ScriptedCityPlayer(rng, skill=0.0), seed=0, indices=list(range(len(CITIES)))
  )
  weak_turns = np.array([len(t) for t in weak])
  assert weak_turns.mean() > turns.mean() + 3


def test_player_history_and_guesses():
  obs = (
    "Questions:\nIs your city in Asia? Yes, it is.\nWhat is the climate like? My city has "
    "a hot desert climate: very hot.\n"
  )
  assert parse_history(obs) == [
    ("Is your city in Asia?", "Yes, it is."),
    ("What is the climate like?", "My city has a hot desert climate: very hot."),
  ]
  rng = np.random.default_rng(0)
  for c in CITIES:
    for _ in range(3):
      assert names_city(guess_question(c, rng), c)
  p = ScriptedCityPlayer(0, skill=1.0)
  alive, _ = p.candidates(
    [
      ("Is your city in Europe?", "Yes, it is."),
      ("Is your city the capital of its country?", "No, it is not."),
    ]
  )
  names = {p.cities[i].name for i in np.flatnonzero(alive)}
  assert names == {"Saint Petersburg", "Istanbul"}  # the exact wording differs: polarity
  alive, _ = p.candidates([("Is your city in Asia?", "Yes, absolutely, it is in Asia!")])
  assert alive.sum() == sum("Asia" in c.continents for c in CITIES)  # polarity fallback


def test_registry_builds_env_and_player():
  from archer_jax.envs.registry import make_env, make_player
  from configs import guess_my_city

  for variant in ("tiny", "paper"):
    c = guess_my_city.get_config(variant)
    env = make_env(c.env, batch_size=2, seed=0)
    assert isinstance(env, GuessMyCityEnv) and env.max_turns == c.env.max_turns == 20
    p = make_player(c.env, np.random.default_rng(0), skill=1.0)
    assert isinstance(p, ScriptedCityPlayer) and p.skill == 1.0
    obs = env.reset(seeds=[0, 1])
    assert obs == ["Questions:\n"] * 2 and isinstance(p.act(obs[0]), str)


# ---- the real questions ---------------------------------------------------------------------
def test_understander_coverage_on_the_public_conversations():
  from bench_city_understander import measure

  r = measure(DATA)
  assert r["questions"] == 17606 and r["conversations"] == 950
  assert r["understood_share"] >= 0.95, r["understood_share"]
  assert r["yn_agreement"] >= 0.85, r["yn_agreement"]


def test_player_without_reask_never_asks_a_concept_twice():
  def asked_twice(reask):
    env = GuessMyCityEnv(batch_size=24)
    mk = lambda rng: ScriptedCityPlayer(rng, skill=0.0, reask=reask)
    p = mk(0)
    n = 0
    for tr in play(env, mk, seed=2):
      concepts = [p.pool[p._qindex[t.action]][1] for t in tr.turns if t.action in p._qindex]
      n += len(concepts) - len(set(concepts))
    return n

  assert asked_twice(True) > 10
  assert asked_twice(False) == 0
