"""Detective (Jericho): score-delta reward, gamma 0.98 (paper; the reference code used 0.95),
warm-up 10, actor lr 1e-5, episode cap 50 (reference; env default 60). No demonstrator:
bc.steps = 0. The story file ships with the package (archer_jax/assets/detective.z5);
`--config.env.kwargs.game_file=PATH` plays another copy.

Cost: meant for an accelerator (paper and smollm2 run the 20Q networks on 512-token windows
and 50-turn episodes; 20Q on a 2-core CPU: ~6.4 h and ~1 h per iteration, benchmarks/
RESULTS.md "What each config costs")."""

from __future__ import annotations

from archer_jax.assets import DETECTIVE_STORY
from configs.common import base_config, set_models


def get_config(variant: str = "paper"):
  c = base_config()
  c.env.name = "detective"
  c.env.max_turns = 50
  c.env.kwargs = {"game_file": DETECTIVE_STORY}
  c.workdir = f"runs/detective_{variant}"
  c.algo.gamma, c.algo.warmup_iters, c.actor.lr = 0.98, 10, 1e-5
  c.actor.obs_len = c.critic.obs_len = 512
  set_models(c, variant, "configs/detective.py")
  if variant == "smollm2":
    c.train.update(rollout_size=8, eval_episodes=8)
  return c
