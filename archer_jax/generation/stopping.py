"""Per-tokenizer stop tables: which vocabulary ids end an utterance."""
from __future__ import annotations

import functools
from typing import Sequence

import numpy as np


@functools.lru_cache(maxsize=16)
def _decoded_vocab(tokenizer, vocab_size: int) -> tuple[str, ...]:
  n = min(vocab_size, len(tokenizer))
  return tuple(tokenizer.decode([i]) for i in range(n))


def stop_table(tokenizer, stop_strings: Sequence[str], eos_ids: Sequence[int],
               vocab_size: int) -> np.ndarray:
  """bool [vocab_size]: True for EOS ids and for every token whose text contains a stop
  string (a row stops *after* emitting such a token, which stays in its ids)."""
  table = np.zeros(vocab_size, bool)
  if stop_strings:
    for i, text in enumerate(_decoded_vocab(tokenizer, vocab_size)):
      if any(s in text for s in stop_strings):
        table[i] = True
  for e in eos_ids:
    if e is not None and 0 <= int(e) < vocab_size:
      table[int(e)] = True
  return table
