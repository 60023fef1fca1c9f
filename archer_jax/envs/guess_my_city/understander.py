"""Free-form Guess My City questions -> what they ask, against the knowledge base.

`Understander.parse(question)` returns a `Parsed` (or None when it cannot tell what is asked):

- kind "refuse": the answer would reveal the city's name ("What is the name of your city?").
- kind "name": a guess naming cities ("Is it Bogotá?"); `mask` marks the cities named.
- kind "yn": a yes/no question; `mask[i]` is the truthful answer for city i (before
  `negated`). `detail` names a City field used to illustrate a yes to a generic question
  ("Is your city known for its landmarks?" -> "Yes, ... for example X and Y.").
- kind "alt": "Is your city on the coast or inland?"; `options` holds each alternative's text
  and mask, and the answer names the true one.
- kind "open": "What is the climate like?"; `topic` selects the answer writer in `answers`.

Pipeline: extract the question from chatter, fold accents, lower-case, tokenise; refuse
name-revealing requests; then route it: questions that start with a question word are open
questions (their topic is the first `answers.TOPICS` pattern that matches), questions that
start with an auxiliary are yes/no questions (`yesno`: places and named things found with the
lexicon and related to the city by `relations`, then `patterns`, then the keyword `tags`).
Parses are cached per question string.
"""

from __future__ import annotations

import functools
import re

import numpy as np

from archer_jax.envs.guess_my_city.answers import TOPICS
from archer_jax.envs.guess_my_city.knowledge import KnowledgeBase, get_kb
from archer_jax.envs.guess_my_city.parsed import Parsed
from archer_jax.envs.guess_my_city.phrasing import (
  _ASKING,
  _LEAD,
  _NAME_REQ,
  _SUBJECT,
  _UNKNOWN_NAME,
  AUX,
  MAX_QUESTION_CHARS,
  MAX_QUESTION_WORDS,
  WH,
  extract_question,
)
from archer_jax.envs.guess_my_city.text import fold, norm
from archer_jax.envs.guess_my_city.yesno import YesNoParser
from archer_jax.envs.question_game import CachedParser

__all__ = ["Parsed", "Understander", "extract_question", "get_understander"]


class Understander(CachedParser):
  """Parses questions against a `KnowledgeBase`; see the module docstring."""

  not_understood = (ValueError, IndexError, KeyError)  # a malformed question

  def __init__(self, kb: KnowledgeBase | None = None, cache_size: int = 200_000):
    super().__init__(cache_size)
    self.kb = kb or get_kb()
    self._yesno = YesNoParser(self.kb).parse

  def _parse(self, question: str) -> Parsed | None:
    raw = extract_question(question)
    if not raw or len(raw) > MAX_QUESTION_CHARS:
      return None
    text = fold(raw)
    if not text.strip() or sum(ch.isalpha() for ch in text) < 2:
      return None
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)
    text = re.sub(
      r"(?<=[A-Za-z]),\s*(?:the|a|which is the)\s+(?:capital|largest city|second[- ]largest "
      r"city|biggest city|city)\s+of\s+[^,?]*",
      "",
      text,
    )
    # "a river, lake, or ocean" -> "a river or lake or ocean"
    text = re.sub(r"\b(\w+(?: \w+)?), (\w+(?: \w+)?),? or ", r"\1 or \2 or ", text)
    q = norm(text)
    q = _LEAD.sub("", q).strip()
    q = _ASKING.sub("", q).strip()
    tokens = q.split()
    if not tokens or len(tokens) > MAX_QUESTION_WORDS:
      return None
    if _NAME_REQ.search(q):
      return Parsed("refuse", "name")
    if re.search(
      r"\b(?:smaller|larger|bigger|taller|older|newer|longer|shorter|higher|lower) or "
      r"(?:smaller|larger|bigger|taller|older|newer|longer|shorter|higher|lower)\b",
      q,
    ):
      return None  # comparisons with things outside the knowledge base
    # "can you tell me if X" -> yes/no X; "can you tell me about X" -> open
    m0 = re.match(
      r"^(?:can|could|would|will) you (?:please )?(?:describe|explain|share|name|list|give|"
      r"provide|mention|recommend|suggest)\b",
      q,
    )
    if m0 is not None:
      return self._open(q[m0.end() :] + " " + q.split()[3 if q.split()[2] == "please" else 2], raw)
    m = re.match(
      r"^(?:can|could|would|will) you (?:please )?(?:tell|let) (?:me|us) (?:know )?"
      r"(?P<w>if|whether|about|what|which|how|where|who|when|why|more about|some|any|"
      r"the|a|an)\b ?",
      q,
    )
    if m is None:
      m = re.match(
        r"^(?:do you know|i d like to know|i would like to know|please tell me|tell me|"
        r"i want to know|let me know)(?: please)? (?P<w>if|whether|about|what|which|how|"
        r"where|who|when|why|more about|some|any|the|a|an)\b ?",
        q,
      )
    if m is not None:
      w = m.group("w")
      rest = q[m.end() :]
      if w in ("if", "whether"):
        q = rest
        if not q.split() or q.split()[0] not in AUX:
          q = "is " + q
        q = re.sub(r"^is (your city|it|the city) (is|has|does) ", r"\2 \1 ", q)
        tokens = q.split()
      else:
        return self._open(
          "about " + rest
          if w in ("about", "more about", "some", "any", "the", "a", "an")
          else w + " " + rest,
          raw,
        )
    first = tokens[0]
    if first in WH or first == "about":
      return self._open(q, raw)
    if first not in AUX and not (
      len(tokens) > 1 and tokens[1] in AUX and first in ("your", "it", "the", "this")
    ):
      # statements and odd openings: try as yes/no, else as an open question
      p = self._yesno(q, "is")
      return p if p is not None else self._open(q, raw)
    verb = first
    if len(tokens) > 1 and tokens[1] in AUX:
      verb = tokens[1]
    p = self._yesno(q, verb)
    if p is None and _UNKNOWN_NAME.match(raw.strip()):
      return Parsed("name", "name", np.zeros(self.kb.n, bool))  # a place outside the list
    return p

  # ---- open questions --------------------------------------------------------------------
  def _open(self, q: str, raw: str) -> Parsed | None:
    body = _SUBJECT.sub(" CITY ", q)
    spans = self.kb.lexicon.scan(q.split())
    for _, _, es in spans:
      for e in es:
        if e.kind == "city" and re.search(r"\b(?:is|was) (?:it|your city|the city)\b", q):
          return Parsed("name", "name", e.mask.copy())
    for topic, rx, _ in TOPICS:
      m = rx.search(body)
      if m:
        arg = next((v for k, v in m.groupdict().items() if k.startswith("arg") and v), "")
        return Parsed("open", topic, topic=topic, arg=arg)
    return None


@functools.cache
def get_understander() -> Understander:
  """The shared understander over the full knowledge base (built once per process)."""
  return Understander()
