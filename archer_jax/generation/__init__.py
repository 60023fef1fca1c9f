"""Jitted batched generation with a fixed-size KV cache."""
from archer_jax.generation.sampler import GenerationResult, SampleOutput, Sampler, sample
from archer_jax.generation.stopping import stop_table

__all__ = ["GenerationResult", "SampleOutput", "Sampler", "sample", "stop_table"]
