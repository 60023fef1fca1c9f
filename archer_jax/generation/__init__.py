"""Jitted batched generation with a fixed-size KV cache (`sample`) and its bucketed host
wrapper (`Sampler`)."""

from archer_jax.generation.sampler import (
  DEFAULT_PROMPT_BUCKETS,
  GenerationResult,
  SampleOutput,
  Sampler,
  bucket,
  choose_tokens,
  filter_logits,
  sample,
)
from archer_jax.generation.stopping import cut_at_stop, eos_array, stop_string_table, stop_table

__all__ = [
  "DEFAULT_PROMPT_BUCKETS",
  "GenerationResult",
  "SampleOutput",
  "Sampler",
  "bucket",
  "choose_tokens",
  "filter_logits",
  "sample",
  "cut_at_stop",
  "eos_array",
  "stop_string_table",
  "stop_table",
]
