"""Guess My City (spec §4/§6): rollout 128, 50/3 steps, warm-up 10, actor lr 1e-5.

Variants: paper (GPT-2-small/RoBERTa-base-sized, scratch or --config.*.model=PATH),
tiny (from-scratch small models + BC on the scripted player), smollm2.

Cost on a 2-core CPU (benchmarks/RESULTS.md "What each config costs"): tiny ~129 s per
iteration (~32 min for its 15, plus the BC warm start). smollm2 and paper run the 20Q
networks on 512-token windows (20Q: ~1 h and ~6.4 h per iteration): meant for an
accelerator."""

from __future__ import annotations

from configs import twenty_questions
from configs.common import base_config, set_models


def get_config(variant: str = "paper"):
  if variant == "tiny":
    c = twenty_questions.get_config("tiny")
    c.env.kwargs = {}
    c.actor.obs_len = c.critic.obs_len = 320
    c.actor.attend_len = 0  # the layers read all 320 (20Q's tiny: the last 96 of 192)
    c.algo.unlikelihood_coef = 0.0  # a question may name what an answer said
    c.actor.max_new_tokens = c.critic.act_len = 24
  else:
    c = base_config()
    set_models(c, variant, "configs/guess_my_city.py")
    c.actor.lr = 1e-5
    c.actor.obs_len = c.critic.obs_len = 512
    c.algo.warmup_iters = 10
    c.algo.baseline = True  # the paper's token-level baseline helps here
  c.env.name = "guess_my_city"
  c.workdir = f"runs/guess_my_city_{variant}"
  return c
