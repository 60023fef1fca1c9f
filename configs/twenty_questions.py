"""Twenty Questions (spec §4/§6).

Variants (`--config configs/twenty_questions.py:VARIANT`):
  paper   GPT-2-small-sized actor, RoBERTa-base-sized critic (spec hyper-parameters); point
          --config.actor.model / --config.critic.model at local checkpoints for real weights.
  tiny    the embedded default: small from-scratch actor and critic, built-in oracle,
          BC warm start from the scripted demonstrator, then ArCHer; minutes on a CPU.
  smollm2 the shipped SmolLM2-135M-Instruct actor and the shipped MiniLM-L6 critic.
"""
from __future__ import annotations

from configs.common import base_config, set_models


def get_config(variant: str = "tiny"):
  c = base_config()
  c.env.name = "twenty_questions"
  c.workdir = f"runs/twenty_questions_{variant}"
  if variant == "tiny":
    c.env.kwargs = {"words": "subset"}
    c.tokenizer.vocab_size = 384
    c.actor.model = "scratch"
    c.actor.scratch = dict(family="llama", hidden_size=128, num_layers=2, num_heads=4,
                           num_kv_heads=2, intermediate_size=384, tie_embeddings=True,
                           max_position_embeddings=512)
    c.critic.model = "scratch"
    c.critic.scratch = dict(family="bert", hidden_size=128, num_layers=2, num_heads=4,
                            intermediate_size=256, activation="gelu", pooling="mean",
                            max_position_embeddings=512, norm_eps=1e-12)
    c.actor.obs_len, c.actor.max_new_tokens = 96, 16     # recent history; questions < 16
    c.critic.obs_len, c.critic.act_len = 96, 16
    c.actor.lr, c.critic.lr = 1e-4, 3e-4
    c.actor.batch_buckets = [8, 32, 64, 128]
    c.actor.sample_chunk = 128
    c.algo.update(critic_steps=10, actor_steps=3, warmup_iters=3, batch_size=64,
                  micro_batches=1, normalize_advantage=True)
    c.bc.update(episodes=256, steps=200, batch_size=32, lr=2e-3, skill=0.2)
    c.train.update(iterations=25, rollout_size=32, eval_every=5, eval_episodes=32,
                   checkpoint_every=5, buffer_capacity=20_000)
  else:
    set_models(c, variant, "configs/twenty_questions.py")
  if variant == "smollm2":
    c.actor.prompt_prefix = ("You are playing Twenty Questions. Ask one yes/no question per "
                             "line to find the hidden object.\n")
    c.actor.obs_len, c.critic.obs_len = 256, 256
    c.actor.lr = 1e-6
    c.train.eval_every = 5
  return c
