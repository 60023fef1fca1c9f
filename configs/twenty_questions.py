"""Twenty Questions (spec §4/§6).

Variants (`--config configs/twenty_questions.py:VARIANT`):
  paper   GPT-2-small-sized actor, RoBERTa-base-sized critic (spec hyper-parameters); point
          --config.actor.model / --config.critic.model at local checkpoints for real weights.
  tiny    the embedded default: small from-scratch actor (with actor.seen_gate over the
          whole episode, its layers on the last 96 tokens: actor.attend_len) and critic,
          built-in oracle, BC warm start from the scripted demonstrator (bc.reask=False),
          then ArCHer with a KL anchor and the unlikelihood of repeats
          (algo.unlikelihood_coef); minutes on a CPU.
  tiny_minilm  tiny with the shipped MiniLM-L6 as a frozen joint critic encoder (heads trained
          on cached features: critic.freeze_encoder, critic.joint).
  tiny_baseline     tiny with ArCHer's token-level value baseline (algo.baseline).
  tiny_chai         CHAI on tiny: the BC policy frozen, best of 5 candidates by the critic.
  tiny_filtered_bc  online filtered BC on tiny (top 10% of the last 4 iterations).
  tiny_ppo          token-level PPO on tiny: the same warm start and rollouts, no critic.
  smollm2 the shipped SmolLM2-135M-Instruct actor and the shipped MiniLM-L6 critic.
  smoke   the tiny config shrunk to a seconds-long run (tests, launch-script checks).

Cost on a 2-core CPU (measured, benchmarks/RESULTS.md "What each config costs"): smoke ~1
min; tiny ~10-12 min (BC ~360-400 s, 15 iterations of 12-20 s); tiny_minilm ~21 min on an AMD EPYC
(BC ~400 s, MiniLM features); the tiny algorithm variants 3-18 min of RL after the same BC.
smollm2 ~1 h per iteration and paper ~6.4 h per iteration: meant for an accelerator (no
GPU/TPU time measured yet).
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
    c.actor.scratch = dict(
      family="llama",
      hidden_size=128,
      num_layers=2,
      num_heads=4,
      num_kv_heads=2,
      intermediate_size=384,
      tie_embeddings=True,
      max_position_embeddings=512,
    )
    c.critic.model = "scratch"
    c.critic.scratch = dict(
      family="bert",
      hidden_size=64,
      num_layers=2,
      num_heads=4,
      intermediate_size=128,
      activation="gelu",
      pooling="mean",
      max_position_embeddings=512,
      norm_eps=1e-12,
    )
    # questions < 16 tokens; the actor's layers read the recent 96 observation tokens, its
    # seen gate (below) all 192, which hold a whole 20-question episode
    c.actor.obs_len, c.actor.attend_len, c.actor.max_new_tokens = 192, 96, 16
    c.critic.obs_len, c.critic.act_len = 64, 16
    # a KL anchor to the BC policy (algo.kl_coef) and an actor lr that decays linearly to 0
    # over the run's actor updates (train.iterations x algo.actor_steps, following overrides of
    # either): without them the policy collapses after about 15 iterations, and with a
    # constant lr its greedy play keeps wandering (benchmarks/RESULTS.md)
    c.actor.lr, c.critic.lr = 1e-4, 1e-3
    c.actor.batch_buckets = [8, 32, 64, 128]
    c.actor.sample_chunk = 128
    c.algo.update(
      critic_steps=30,
      actor_steps=5,
      warmup_iters=0,
      batch_size=64,
      micro_batches=1,
      normalize_advantage=True,
      kl_coef=1.0,
      # the unlikelihood of the observation's ids in the actor's loss: probability on asking
      # a question again is pushed down on the states the policy visits, which holds its
      # greedy play over 50 iterations on every seed tried (benchmarks/RESULTS.md)
      unlikelihood_coef=1.0,
    )
    # BC on a weak demonstrator that never re-asks; its episodes also seed the buffer and
    # warm-start the critic (2000 steps: a BC policy that reads the history; after 500 its
    # greedy play ignores it)
    c.bc.update(
      episodes=256,
      steps=2000,
      batch_size=32,
      lr=2e-3,
      skill=0.2,
      reask=False,
      to_buffer=True,
      critic_steps=200,
    )
    # the actor's gate on the ids the observation holds: a scratch 2-layer actor learns to
    # skip questions already answered "No." with it, and repeats them without it (and, with
    # the gate reading only its 96-token window, repeats those that have left the window)
    c.actor.seen_gate = True
    c.train.update(
      iterations=15,
      rollout_size=32,
      eval_every=5,
      eval_episodes=30,
      checkpoint_every=5,
      buffer_capacity=20_000,
      eval_sampled=True,
    )
    c.actor.lr_decay_steps = c.train.get_ref("iterations") * c.algo.get_ref("actor_steps")
  elif variant == "tiny_minilm":  # tiny with the shipped MiniLM-L6 as a frozen critic encoder
    c = get_config("tiny")
    c.workdir = "runs/twenty_questions_tiny_minilm"
    # num_layers: all 6 (a smaller --config.critic.overrides.num_layers keeps the first ones)
    c.critic.model, c.critic.overrides = "minilm-l6", {"pooling": "mean", "num_layers": 6}
    c.critic.update(freeze_encoder=True, joint=True)  # heads on cached joint features
    # encoder calls of the actor's batch (64 a_pi samples) unpadded: 2.4x faster actor phase
    c.critic.feature_chunk = c.algo.get_ref("batch_size")
  elif variant == "tiny_baseline":  # tiny with the token-level value baseline
    c = get_config("tiny")
    c.workdir = "runs/twenty_questions_tiny_baseline"
    c.algo.baseline = True
  elif variant == "tiny_chai":  # CHAI: the BC policy frozen, best of 5 by the critic
    c = get_config("tiny")
    c.workdir = "runs/twenty_questions_tiny_chai"
    c.algo.update(name="chai", num_candidates=5, unlikelihood_coef=0.0)  # no actor loss
  elif variant == "tiny_filtered_bc":  # BC on the top 10% of the last 4 iterations' episodes
    c = get_config("tiny")
    c.workdir = "runs/twenty_questions_tiny_filtered_bc"
    c.algo.update(name="filtered_bc", actor_steps=20, filter_window=4, filter_quantile=0.9)
    c.algo.unlikelihood_coef = 0.0  # BC updates: no policy gradient to add it to
    c.actor.update(lr=5e-5, lr_decay_steps=0)  # BC's updates: a constant lr
    c.bc.update(to_buffer=False, critic_steps=0)
  elif variant == "tiny_ppo":  # token-level PPO on this iteration's rollouts, no critic
    c = get_config("tiny")
    c.workdir = "runs/twenty_questions_tiny_ppo"
    c.actor.update(lr=5e-5, lr_decay_steps=0)  # its updates are epochs x minibatches
    c.algo.update(
      name="ppo",
      ppo_epochs=4,
      clip_eps=0.2,
      gae_lambda=0.95,
      value_coef=0.1,
      kl_coef=0.05,
      kl_target=0.02,
      advantage_norm="batch",
      unlikelihood_coef=0.0,  # PPO's own loss (ppo_losses)
    )
    c.bc.update(to_buffer=False, critic_steps=0)
  elif variant == "smoke":  # seconds-long end-to-end run (tests, launch checks)
    c = get_config("tiny")
    c.workdir = "runs/twenty_questions_smoke"
    c.tokenizer.update(vocab_size=300, corpus_episodes=32)
    c.actor.scratch = dict(c.actor.scratch, hidden_size=32, intermediate_size=64)
    c.critic.scratch = dict(c.critic.scratch, hidden_size=32, intermediate_size=64)
    c.actor.max_new_tokens = c.critic.act_len = 12
    c.actor.batch_buckets = [8, 16]
    c.actor.sample_chunk = 16
    c.env.max_turns = 5
    c.algo.update(critic_steps=2, actor_steps=1, warmup_iters=1, batch_size=8)
    c.algo.kl_coef, c.actor.lr = 0.0, 1e-4  # no reference copy (tests that need one set it)
    c.algo.unlikelihood_coef = 0.0  # (tests that need it set it; any algorithm may run)
    c.actor.lr_decay_steps = 0  # a constant lr (tests that need the decay set it)
    c.bc.update(episodes=16, steps=4, batch_size=8, critic_steps=0, to_buffer=False)
    c.offline.episodes = 40  # offline algorithms' dataset
    c.train.update(
      iterations=3,
      rollout_size=4,
      eval_every=2,
      eval_episodes=4,
      checkpoint_every=1,
      buffer_capacity=500,
      eval_sampled=False,
    )
  else:
    set_models(c, variant, "configs/twenty_questions.py")
  if variant == "smollm2":
    c.actor.prompt_prefix = (
      "You are playing Twenty Questions. Ask one yes/no question per "
      "line to find the hidden object.\n"
    )
    c.actor.obs_len, c.critic.obs_len = 256, 256
    c.actor.lr = 1e-6
    c.train.eval_every = 5
  return c
