"""Offline Twenty Questions (spec §5, the offline table): algorithms trained only from a
dataset of trajectories; the environment steps only in evaluation.

The dataset (`config.offline`): 1,000 episodes of the scripted player at the skill mixture
0 / 0.2 / 0.5 / 0.8 / 1 (episode i at the (i mod 5)-th), the 10-word subset, built on first use
into runs/offline_datasets and shared by every variant and seed (docs/algorithms.md gives its
size and return distribution). The `tiny` model sizes of configs/twenty_questions.py, no BC
warm start (bc.steps = 0): the actor learns from the dataset alone.

Variants (`--config configs/offline_twenty_questions.py:VARIANT`):
  tiny_iql_awr           offline ArCHer: IQL critic (expectile 0.9) + AWR actor
  tiny_sarsa_awr         SARSA critic (V onto the dataset actions' Q with the MSE) + AWR
  tiny_iql_reinforce     IQL critic + ArCHer's REINFORCE on the policy's own samples
  tiny_iql_reinforce_bc  tiny_iql_reinforce + BC on the dataset actions (algo.bc_coef = 10)
  tiny_filtered_bc       BC on the top 10% of the dataset's episodes by return
  tiny_bc                BC on the whole dataset
  smoke                  tiny_iql_awr shrunk to a seconds-long run (tests)

Cost on a 2-core CPU: 7-16 min per variant for its 10 iterations, measured on shared cores
(upper bounds; benchmarks/RESULTS.md "What each config costs").
"""

from __future__ import annotations

from configs import twenty_questions

ARCHER = {
  "tiny_iql_awr": dict(critic_target="iql", actor_loss="awr", bc_coef=0.0),
  "tiny_sarsa_awr": dict(critic_target="sarsa", actor_loss="awr", bc_coef=0.0),
  "tiny_iql_reinforce": dict(critic_target="iql", actor_loss="reinforce", bc_coef=0.0),
  # the policy-gradient term sums over an utterance's tokens, the BC term averages them
  "tiny_iql_reinforce_bc": dict(critic_target="iql", actor_loss="reinforce", bc_coef=10.0),
}


def get_config(variant: str = "tiny_iql_awr"):
  if variant == "smoke":  # the 20Q smoke sizes, offline (seconds-long)
    c = twenty_questions.get_config("smoke")
    c.workdir = "runs/offline_twenty_questions_smoke"
    c.algo.update(name="offline_archer", **ARCHER["tiny_iql_awr"])
    c.bc.update(steps=0, episodes=0)
    c.offline.episodes = 40  # into <workdir>/datasets
    return c
  c = twenty_questions.get_config("tiny")
  c.workdir = f"runs/offline_twenty_questions_{variant}"
  c.bc.update(steps=0, episodes=0, to_buffer=False, critic_steps=0)
  c.offline.update(data_dir="runs/offline_datasets", episodes=1000)
  c.actor.lr = 1e-3  # the actor learns from scratch on the dataset (as the BC warm start's 2e-3)
  c.actor.lr_decay_steps = 0  # constant, as measured (tiny's decays over its online run)
  # as measured: no gate, a 96-token window (tiny's actor gates on 192 tokens)
  c.actor.update(seen_gate=False, attend_len=0, obs_len=96)
  c.algo.update(
    kl_coef=0.0,  # no anchor: the policy starts untrained (tiny's anchors its BC policy)
    unlikelihood_coef=0.0,  # as measured (and offline AWR has no policy-gradient loss)
    critic_steps=40,
    actor_steps=100,
    warmup_iters=0,
    batch_size=32,
    micro_batches=1,
    expectile=0.9,
    awr_beta=1.0,
    awr_max_weight=20.0,
  )
  c.train.update(iterations=10, eval_every=5, eval_episodes=30, checkpoint_every=5)
  if variant in ARCHER:
    c.algo.update(name="offline_archer", **ARCHER[variant])
  elif variant == "tiny_filtered_bc":
    c.algo.update(name="offline_filtered_bc", filter_quantile=0.9)
  elif variant == "tiny_bc":
    c.algo.update(name="offline_bc")
  else:
    raise ValueError(f"configs/offline_twenty_questions.py: unknown variant {variant!r}")
  return c
