"""A small byte-level BPE tokenizer trained on a task's own text (for from-scratch models).

Byte-level BPE round-trips any string exactly, so the env sees exactly the text the ids
decode to. Training is deterministic for the same corpus and vocabulary size.
"""

from __future__ import annotations

import os
from typing import Iterable

from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
from transformers import PreTrainedTokenizerFast

SPECIALS = ("<pad>", "<s>", "</s>")


def train_bpe(texts: Iterable[str], vocab_size: int = 512) -> PreTrainedTokenizerFast:
  """Byte-level BPE over `texts`; "\\n" stays a token of its own (the utterance stop)."""
  tok = Tokenizer(models.BPE())
  tok.pre_tokenizer = pre_tokenizers.Sequence(
    [
      pre_tokenizers.Split("\n", behavior="isolated"),
      pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=True),
    ]
  )
  tok.decoder = decoders.ByteLevel()
  trainer = trainers.BpeTrainer(
    vocab_size=vocab_size,
    special_tokens=list(SPECIALS),
    initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
    show_progress=False,
  )
  tok.train_from_iterator(list(texts), trainer)
  return PreTrainedTokenizerFast(
    tokenizer_object=tok, pad_token="<pad>", bos_token="<s>", eos_token="</s>"
  )


def save(tokenizer: PreTrainedTokenizerFast, directory: str) -> None:
  os.makedirs(directory, exist_ok=True)
  tokenizer.save_pretrained(directory)


def load(directory: str) -> PreTrainedTokenizerFast:
  return PreTrainedTokenizerFast.from_pretrained(directory)
