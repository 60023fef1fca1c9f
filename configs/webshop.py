"""WebShop over HTTP: rollout 512, gamma 0.9 (paper; reference code 0.95), warm-up 20,
actor lr 1e-5, 10-step cap. `--config.env.kwargs.server_url=http://HOST:3000` (see
docs/webshop.md for running the server).

Cost: meant for an accelerator (the paper-sized networks, 512 rollouts per iteration; 20Q's
paper config takes ~6.4 h per iteration on a 2-core CPU, benchmarks/RESULTS.md "What each
config costs")."""

from __future__ import annotations

from configs.common import base_config, set_models


def get_config(variant: str = "paper"):
  c = base_config()
  c.env.name = "webshop"
  c.env.max_turns = 10
  c.env.kwargs = {"server_url": "http://127.0.0.1:3000"}
  c.workdir = f"runs/webshop_{variant}"
  c.algo.gamma, c.actor.lr = 0.9, 1e-5
  c.train.rollout_size = 512
  c.actor.obs_len = c.critic.obs_len = 512
  set_models(c, variant, "configs/webshop.py")
  return c
