"""Detective (Jericho): score-delta reward, gamma 0.98 (paper; the reference code used 0.95),
warm-up 10, actor lr 1e-5, episode cap 50 (reference; env default 60). No demonstrator:
bc.steps = 0. `--config.env.kwargs.game_file=PATH` points at detective.z5."""
from __future__ import annotations

from configs.common import base_config
from configs.twenty_questions import GPT2_SMALL, ROBERTA_BASE


def get_config(variant: str = "paper"):
  c = base_config()
  c.env.name = "detective"
  c.env.max_turns = 50
  c.env.kwargs = {"game_file": "../shared/data/detective.z5"}
  c.workdir = f"runs/detective_{variant}"
  c.algo.gamma, c.algo.warmup_iters, c.actor.lr = 0.98, 10, 1e-5
  c.actor.obs_len = c.critic.obs_len = 512
  if variant == "paper":
    c.actor.model, c.actor.scratch = "scratch", GPT2_SMALL
    c.critic.model, c.critic.scratch = "scratch", ROBERTA_BASE
    c.tokenizer.vocab_size = 4096
  elif variant == "smollm2":
    c.actor.model, c.critic.model = "smollm2-135m-instruct", "minilm-l6"
    c.algo.update(batch_size=32, micro_batches=4)
    c.train.update(rollout_size=8, eval_episodes=8)
  else:
    raise ValueError(f"configs/detective.py: unknown variant {variant!r} (paper | smollm2)")
  return c
