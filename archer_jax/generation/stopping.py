"""Stopping rules: per-tokenizer tables of the vocabulary ids that end an utterance, and the
matching cut of decoded text.

A row of the sampler stops *after* emitting a token t with `table[t]` True, so the stop
token stays in the row's ids (and its log-prob in the policy gradient). The table marks
every token whose decoded text contains one of the stop strings, plus the EOS ids.

Limitation: a stop string split across two tokens, neither containing it alone, is not
seen by the table (generation continues; `cut_at_stop` still cuts the text). Single
characters such as "\\n" or "?" can never be split by byte-level BPE or byte-fallback
vocabularies, so for them the table is exact.
"""

from __future__ import annotations

import functools
from typing import Sequence

import numpy as np


@functools.lru_cache(maxsize=8)
def decoded_vocab(tokenizer, vocab_size: int) -> tuple[str, ...]:
  """The text of each id 0 .. min(vocab_size, len(tokenizer)) - 1 decoded alone.

  Special tokens decode to "" (they never match a stop string; EOS is added by id).
  Cached per tokenizer object (tens of thousands of decodes take about a second).
  """
  n = min(int(vocab_size), len(tokenizer))
  special = set(getattr(tokenizer, "all_special_ids", ()) or ())
  texts = tokenizer.batch_decode(
    [[i] for i in range(n)], skip_special_tokens=False, clean_up_tokenization_spaces=False
  )
  return tuple("" if i in special else t for i, t in enumerate(texts))


def stop_string_table(tokenizer, stop_strings: Sequence[str], vocab_size: int) -> np.ndarray:
  """bool [vocab_size]: True where the token's decoded text contains any stop string.

  Ids past the tokenizer's length (embedding rows padded for alignment) are False.
  """
  table = np.zeros(int(vocab_size), bool)
  stops = tuple(s for s in stop_strings if s)
  if not stops:
    return table
  for i, text in enumerate(decoded_vocab(tokenizer, int(vocab_size))):
    if text and any(s in text for s in stops):
      table[i] = True
  return table


def eos_array(eos_ids: Sequence[int | None] | int | None) -> np.ndarray:
  """EOS ids -> int32 [E] (None entries dropped, duplicates removed, at least one entry:
  -1 stands for "no EOS" and never matches a sampled id)."""
  if eos_ids is None:
    eos_ids = ()
  elif isinstance(eos_ids, (int, np.integer)):
    eos_ids = (int(eos_ids),)
  ids = sorted({int(e) for e in eos_ids if e is not None and int(e) >= 0})
  return np.asarray(ids or [-1], np.int32)


def stop_table(
  tokenizer, stop_strings: Sequence[str], eos_ids: Sequence[int | None], vocab_size: int
) -> np.ndarray:
  """bool [vocab_size]: the stop-string table with the EOS ids set too."""
  table = stop_string_table(tokenizer, stop_strings, vocab_size)
  for e in eos_array(eos_ids):
    if 0 <= e < vocab_size:
      table[e] = True
  return table


def cut_at_stop(text: str, stop_strings: Sequence[str]) -> str:
  """The env-facing text: `text` up to its first stop string.

  A whitespace stop ("\\n") is dropped from the text; any other stop ("?") is kept, since
  it is part of the utterance (a question ends with its "?").
  """
  cut = len(text)
  for s in stop_strings:
    if not s:
      continue
    i = text.find(s)
    if i >= 0:
      cut = min(cut, i + (0 if s.isspace() else len(s)))
  return text[:cut]
