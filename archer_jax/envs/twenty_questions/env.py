"""Twenty Questions as a question game (`question_game.QuestionGameEnv`, spec §6).

Each row hides one word. The agent's action (text up to the first newline) is a yes/no
question; the oracle answers "Yes.", "No." or "Invalid Question.". The observation is
"Questions:\\n" plus one "<question> <answer>" line per turn. Reward is -1 per turn and 0 on the
winning turn: the answer is Yes and the question ends with the word or one of its aliases
("Is it a soccer ball?"). Episodes are capped at `max_turns` (20), so returns lie in [-20, 0].
"""

from __future__ import annotations

import functools

import numpy as np

from archer_jax.envs.question_game import QuestionGameEnv
from archer_jax.envs.twenty_questions.knowledge import WordEntry, norm_name, resolve_words
from archer_jax.envs.twenty_questions.oracles import BuiltinOracle, Oracle
from archer_jax.envs.twenty_questions.player import parse_history
from archer_jax.envs.twenty_questions.prompts import (
  decode_json_question,
  json_question_prompt,
  map_answer,
)
from archer_jax.envs.twenty_questions.understander import (
  ANSWERS,
  INVALID,
  MAX_QUESTION_CHARS,
  YES,
  get_understander,
)


def question_of(action: str, json_actions: bool = False) -> str:
  """The question an action asks: its first line, stripped (JSON replies decoded first)."""
  if json_actions:
    action = decode_json_question(action)
  return action.split("\n", 1)[0].strip()


def question_of_json(action: str) -> str:
  """`question_of` for the JSON-prompt game."""
  return question_of(decode_json_question(action))


def names_word(question: str, word: WordEntry) -> bool:
  """True if the question's last word(s) are `word` or one of its aliases (case-insensitive,
  trailing punctuation ignored): "Is it a Soccer Ball?!" names "Soccer ball"."""
  toks = norm_name(question).split()
  if not toks:
    return False
  for alias in word.alias_tokens:
    k = len(alias)
    if k and toks[-k:] == list(alias):
      return True
  return False


def is_garbage(question: str) -> bool:
  """Questions no oracle is asked about: empty, over-long or non-ASCII."""
  return not question or len(question) > MAX_QUESTION_CHARS or not question.isascii()


class TwentyQuestionsEnv(QuestionGameEnv):
  """Batched Twenty Questions.

  words: "full" (157 objects), "subset" (the 10-word subset) or a list of names.
  oracle: anything with `answer_batch(secret_words, questions)`; default `BuiltinOracle()`.
  prompt: "plain" (observation = the history) or "json" (observation = the JSON-answer
    instruction prompt around the history, and actions are decoded with
    `decode_json_question` before their first line is taken).
  reset(indices=...) picks words by position in `self.words`; otherwise each row draws one
  with its seed. infos carry the secret `word`, `won`, the `question` and the `answer`.
  """

  secret_key = "word"
  garbage_answer = INVALID
  yes_answer = YES

  def __init__(
    self,
    batch_size: int = 1,
    max_turns: int = 20,
    seed: int = 0,
    words="full",
    oracle: Oracle | None = None,
    prompt: str = "plain",
  ):
    if prompt not in ("plain", "json"):
      raise ValueError(f"TwentyQuestionsEnv: prompt must be 'plain' or 'json', got {prompt!r}")
    super().__init__(
      batch_size,
      max_turns,
      seed,
      resolve_words(words),
      oracle if oracle is not None else BuiltinOracle(),
    )
    self.words: tuple[WordEntry, ...] = self.secrets
    self.prompt = prompt
    self._json = prompt == "json"
    self._question_of = question_of_json if self._json else question_of  # chosen once

  secret_words = QuestionGameEnv.secret_ids  # the canonical names

  _is_garbage = staticmethod(is_garbage)
  _names_secret = staticmethod(names_word)

  def _secret_id(self, word: WordEntry) -> str:
    return word.name

  def _clean_answer(self, answer: str) -> str:
    return answer if answer in ANSWERS else map_answer(answer)

  def action_key(self, action: str):
    """The same move = the same information: a question with the same answer for every word
    this env can hide ("Is it pants?" and "Is the object a pair of pants?"; on the 10-word
    subset also "Is it an animal?" and "Is it a dog?"). Text the built-in understander cannot
    parse falls back to the default text key."""
    p = get_understander().parse(self._question_of(action))
    if p is None:
      return super().action_key(action)
    return ("answers", (p.mask[self._kb_rows] != p.negated).tobytes())

  def informative(self, observation: str, action: str) -> bool | None:
    """Does the question split the words the answers so far leave possible (the knowledge
    base's answers), or name the last one? False for a question every possible word answers
    alike, or a guess of a word already ruled out. None when the built-in understander cannot
    read the question, no word fits the answers (another oracle), or the prompt is JSON."""
    if self._json:
      return None
    u, rows = get_understander(), self._kb_rows
    p = u.parse(self._question_of(action))
    if p is None:
      return None
    answers = p.mask[rows] != p.negated
    alive, _ = u.narrow(parse_history(observation), rows)
    seen = answers[alive]
    if not len(seen):
      return None
    return bool(seen.any() and (not seen.all() or p.kind == "name"))

  @functools.cached_property
  def _kb_rows(self) -> np.ndarray | slice:
    """The built-in knowledge base's rows of this env's words (all rows when one is not in
    it)."""
    kb = get_understander().kb
    idx = [kb.alias_index.get(norm_name(w.name)) for w in self.words]
    return slice(None) if None in idx else np.asarray(idx)

  def _render(self, history: str) -> str:
    if self._json:
      return json_question_prompt(history, [w.name for w in self.words])
    return history


class TwentyQuestionsSubsetEnv(TwentyQuestionsEnv):
  """The 10-word subset game (football, dog, banana, truck, pants, computer, piano, chair,
  pen, scissors); pass prompt="json" for the instruction-model setting."""

  def __init__(
    self,
    batch_size: int = 1,
    max_turns: int = 20,
    seed: int = 0,
    oracle: Oracle | None = None,
    prompt: str = "plain",
    words="subset",
  ):
    super().__init__(batch_size, max_turns, seed, words=words, oracle=oracle, prompt=prompt)
