"""Twenty Questions (spec §6): the 157-object word list and its 10-word subset, a knowledge
base with a fast question understander (the built-in oracle), pluggable LM / seq2seq oracles,
the batched env, JSON prompt helpers for instruction models, and a scripted demonstrator.
The env, oracle interfaces, scripted-player skeleton and parse cache are `question_game`'s.

    knowledge      word list, aliases and the attribute knowledge base
    questions      question rules (trigger words -> attribute) and their phrasings
    understander   free-form question -> mask over the objects (the built-in oracle's parser)
    oracles        built-in, LM and FLAN-T5 answerers
    prompts        the JSON-answer instruction prompt and tolerant decoders
    env            the batched game
    player         the scripted asker
"""

from __future__ import annotations

from archer_jax.envs.twenty_questions.env import (
  TwentyQuestionsEnv,
  TwentyQuestionsSubsetEnv,
  is_garbage,
  names_word,
  question_of,
)
from archer_jax.envs.twenty_questions.knowledge import (
  OBJECT_DICT,
  SUBSET_WORDS,
  WORDS,
  KnowledgeBase,
  WordEntry,
  get_kb,
  resolve_words,
)
from archer_jax.envs.twenty_questions.oracles import (
  LM_ORACLE_TEMPLATE,
  BuiltinOracle,
  LMOracle,
  Oracle,
  Seq2SeqOracle,
)
from archer_jax.envs.twenty_questions.player import (
  ScriptedPlayer,
  guess_question,
  parse_history,
  play,
)
from archer_jax.envs.twenty_questions.prompts import (
  INITIAL_OBSERVATION,
  decode_json_question,
  json_question_prompt,
  map_answer,
)
from archer_jax.envs.twenty_questions.understander import (
  ANSWERS,
  INVALID,
  NO,
  YES,
  Parsed,
  Understander,
  get_understander,
)

__all__ = [
  "TwentyQuestionsEnv",
  "TwentyQuestionsSubsetEnv",
  "is_garbage",
  "names_word",
  "question_of",
  "OBJECT_DICT",
  "SUBSET_WORDS",
  "WORDS",
  "KnowledgeBase",
  "WordEntry",
  "get_kb",
  "resolve_words",
  "LM_ORACLE_TEMPLATE",
  "BuiltinOracle",
  "LMOracle",
  "Oracle",
  "Seq2SeqOracle",
  "ScriptedPlayer",
  "guess_question",
  "parse_history",
  "play",
  "INITIAL_OBSERVATION",
  "decode_json_question",
  "json_question_prompt",
  "map_answer",
  "ANSWERS",
  "INVALID",
  "NO",
  "YES",
  "Parsed",
  "Understander",
  "get_understander",
]
