"""Guess My City (spec §4/§6): rollout 128, 50/3 steps, warm-up 10, actor lr 1e-5.

Variants: paper (GPT-2-small/RoBERTa-base-sized, scratch or --config.*.model=PATH),
tiny (from-scratch small models + BC on the scripted player), smollm2."""
from __future__ import annotations

from configs.common import base_config
from configs.twenty_questions import GPT2_SMALL, ROBERTA_BASE
from configs import twenty_questions


def get_config(variant: str = "paper"):
  if variant == "tiny":
    c = twenty_questions.get_config("tiny")
    c.env.kwargs = {}
    c.actor.obs_len = c.critic.obs_len = 320
    c.actor.max_new_tokens = c.critic.act_len = 24
  else:
    c = base_config()
    if variant == "paper":
      c.actor.model, c.actor.scratch = "scratch", GPT2_SMALL
      c.critic.model, c.critic.scratch = "scratch", ROBERTA_BASE
      c.tokenizer.vocab_size = 4096
    elif variant == "smollm2":
      c.actor.model, c.critic.model = "smollm2-135m-instruct", "minilm-l6"
      c.algo.update(batch_size=32, micro_batches=4)
      c.train.update(rollout_size=16, eval_episodes=16)
    else:
      raise ValueError(f"configs/guess_my_city.py: unknown variant {variant!r} "
                       "(paper | tiny | smollm2)")
    c.actor.lr = 1e-5
    c.actor.obs_len = c.critic.obs_len = 512
    c.algo.warmup_iters = 10
    c.algo.baseline = True            # the paper's token-level baseline helps here
  c.env.name = "guess_my_city"
  c.workdir = f"runs/guess_my_city_{variant}"
  return c
