"""WebShop over HTTP: rollout 512, gamma 0.9 (paper; reference code 0.95), warm-up 20,
actor lr 1e-5, 10-step cap. `--config.env.kwargs.server_url=http://HOST:3000` (see
docs/webshop.md for running the server)."""
from __future__ import annotations

from configs.common import base_config
from configs.twenty_questions import GPT2_SMALL, ROBERTA_BASE


def get_config(variant: str = "paper"):
  c = base_config()
  c.env.name = "webshop"
  c.env.max_turns = 10
  c.env.kwargs = {"server_url": "http://127.0.0.1:3000"}
  c.workdir = f"runs/webshop_{variant}"
  c.algo.gamma, c.actor.lr = 0.9, 1e-5
  c.train.rollout_size = 512
  c.actor.obs_len = c.critic.obs_len = 512
  if variant == "paper":
    c.actor.model, c.actor.scratch = "scratch", GPT2_SMALL
    c.critic.model, c.critic.scratch = "scratch", ROBERTA_BASE
    c.tokenizer.vocab_size = 4096
  elif variant == "smollm2":
    c.actor.model, c.critic.model = "smollm2-135m-instruct", "minilm-l6"
    c.algo.update(batch_size=32, micro_batches=4)
    c.train.update(rollout_size=16, eval_episodes=16)
  else:
    raise ValueError(f"configs/webshop.py: unknown variant {variant!r} (paper | smollm2)")
  return c
