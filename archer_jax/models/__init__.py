"""Flax model families behind one config: causal LMs (Llama family, GPT-2) and encoders."""

from archer_jax.models.config import ModelConfig
from archer_jax.models.decoder import CausalLM, init_cache
from archer_jax.models.encoder import Encoder


def build_model(cfg: ModelConfig):
  """The Flax module for `cfg.family`."""
  return CausalLM(cfg) if cfg.is_decoder else Encoder(cfg)


__all__ = ["ModelConfig", "CausalLM", "Encoder", "init_cache", "build_model"]
