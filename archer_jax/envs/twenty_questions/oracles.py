"""Answerers for Twenty Questions, all behind one batched call.

    oracle.answer_batch(secret_words: list[str], questions: list[str]) -> list[str]

Every answer is exactly "Yes.", "No." or "Invalid Question.". The env calls this once per
step with the questions of all rows still playing.

- `BuiltinOracle`: the knowledge base + question understander (default; no model, ~µs/question).
- `LMOracle(generate_fn)`: any local causal LM; `generate_fn(prompts) -> completions`
  (`LMOracle.from_pretrained` loads a known model name, checkpoint directory or .gguf file).
- `Seq2SeqOracle(model_dir)`: a fine-tuned FLAN-T5 answerer (the paper's oracle) run host-side
  with transformers + torch, for users who own such a checkpoint.
"""

from __future__ import annotations

import os
from typing import Sequence

from archer_jax.envs.question_game import KnowledgeOracle, Oracle, check_lengths
from archer_jax.envs.question_game import LMOracle as _LMOracle
from archer_jax.envs.twenty_questions.knowledge import WORDS, get_kb, norm_name
from archer_jax.envs.twenty_questions.prompts import map_answer
from archer_jax.envs.twenty_questions.understander import ANSWERS, Understander, get_understander


class BuiltinOracle(KnowledgeOracle):
  """Answers from the knowledge base; questions it cannot parse are invalid."""

  def __init__(self, understander: Understander | None = None):
    super().__init__(understander or get_understander())
    self._write = self.understander.answer  # (index, question) -> Yes. | No. | Invalid

  def _lookup(self, word: str) -> int:
    i = self.understander.kb.alias_index.get(norm_name(word))
    if i is None:
      raise KeyError(f"BuiltinOracle: {word!r} is not in the knowledge base")
    return i


LM_ORACLE_TEMPLATE = (
  'You are the answerer in a game of Twenty Questions. The hidden object is "{word}". '
  'The player asks one yes/no question at a time to find it. Answer truthfully with "Yes." '
  'or "No."; if the question cannot be answered with yes or no, answer '
  '"Invalid Question.".\nQuestion: {question}\nAnswer:'
)


class LMOracle(_LMOracle):
  """A causal LM as the answerer; `template` has {word} and {question} fields. Completions
  are mapped with `map_answer` (first yes/no word decides, otherwise invalid)."""

  TEMPLATE = LM_ORACLE_TEMPLATE

  def _fields(self, word: str) -> dict[str, str]:
    return {"word": word}

  def _clean(self, completion, word: str) -> str:
    return map_answer(completion)


def _variants(word: str) -> tuple[str, ...]:
  i = get_kb().alias_index.get(norm_name(word))
  return WORDS[i].aliases if i is not None else (word,)


class Seq2SeqOracle:
  """A fine-tuned encoder-decoder (FLAN-T5) answerer, host-side with transformers + torch.

  model_dir: a `save_pretrained` directory with the model and its tokenizer. `state_dict`
    optionally names a torch file whose ["model_state_dict"] (or the file itself) replaces the
    weights, for checkpoints saved as raw state dicts on top of a base model in `model_dir`.
  prompt_format: "lmrl" - "Answer the question about the object truthfully.\\nobject: (w1, w2)
    \\nquestion: {q}\\nanswer (yes or no): " (LMRL-Gym's FLAN-T5 oracle; the object is shown with
    all its aliases); "archer" - "The object is {word}.{question}" (the ArCHer reference's
    FLAN-T5-small oracle, word lower-cased).
  """

  def __init__(
    self,
    model_dir: str,
    prompt_format: str = "lmrl",
    device: str = "cpu",
    max_new_tokens: int = 4,
    batch_size: int = 64,
    max_input_length: int = 128,
    state_dict: str | None = None,
  ):
    if not os.path.isdir(model_dir):
      raise FileNotFoundError(
        f"Seq2SeqOracle: model directory {model_dir!r} does not exist (expected a "
        "save_pretrained FLAN-T5 oracle checkpoint with its tokenizer)"
      )
    if prompt_format not in ("lmrl", "archer"):
      raise ValueError(
        f"Seq2SeqOracle: prompt_format must be 'lmrl' or 'archer', got {prompt_format!r}"
      )
    import torch
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    self._torch = torch
    self.tokenizer = AutoTokenizer.from_pretrained(model_dir)
    self.model = AutoModelForSeq2SeqLM.from_pretrained(model_dir)
    if state_dict is not None:
      if not os.path.isfile(state_dict):
        raise FileNotFoundError(f"Seq2SeqOracle: state dict {state_dict!r} does not exist")
      sd = torch.load(state_dict, map_location="cpu")
      self.model.load_state_dict(sd.get("model_state_dict", sd))
    self.model.to(device).eval()
    self.device = device
    self.prompt_format = prompt_format
    self.max_new_tokens = max_new_tokens
    self.batch_size = batch_size
    self.max_input_length = max_input_length
    self.last_prompts: list[str] = []
    self.last_completions: list[str] = []

  def format_prompt(self, word: str, question: str) -> str:
    if self.prompt_format == "archer":
      return f"The object is {_variants(word)[0].lower()}.{question}"
    return (
      "Answer the question about the object truthfully.\n"
      f"object: ({', '.join(_variants(word))})\n"
      f"question: {question}\n"
      "answer (yes or no): "
    )

  def answer_batch(self, secret_words: Sequence[str], questions: Sequence[str]) -> list[str]:
    check_lengths(secret_words, questions)
    prompts = [self.format_prompt(w, q) for w, q in zip(secret_words, questions, strict=True)]
    outs: list[str] = []
    torch = self._torch
    for s in range(0, len(prompts), self.batch_size):
      enc = self.tokenizer(
        prompts[s : s + self.batch_size],
        return_tensors="pt",
        padding=True,
        truncation=True,
        max_length=self.max_input_length,
      )
      enc = {k: v.to(self.device) for k, v in enc.items() if k in ("input_ids", "attention_mask")}
      with torch.no_grad():
        gen = self.model.generate(**enc, max_new_tokens=self.max_new_tokens, do_sample=False)
      outs += self.tokenizer.batch_decode(gen, skip_special_tokens=True)
    self.last_prompts, self.last_completions = prompts, outs
    answers = [map_answer(o) for o in outs]
    assert all(a in ANSWERS for a in answers)
    return answers


__all__ = ["Oracle", "BuiltinOracle", "LMOracle", "Seq2SeqOracle", "LM_ORACLE_TEMPLATE"]
