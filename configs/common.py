"""Defaults shared by every training config (spec §4 hyper-parameters)."""

from __future__ import annotations

import ml_collections as mlc


def base_config() -> mlc.ConfigDict:
  c = mlc.ConfigDict()
  c.seed = 0
  c.workdir = "runs/default"
  c.mesh = "-1,1,1"  # data,fsdp,tensor; one -1 takes the rest
  # comma-separated modules or .py files imported first: they register algorithms / envs
  c.plugins = ""
  c.env = mlc.ConfigDict(dict(name="twenty_questions", max_turns=20, kwargs={}))
  # from-scratch BPE (actor.model=scratch), trained on scripted-player episodes
  c.tokenizer = mlc.ConfigDict(dict(vocab_size=512, corpus_episodes=256))
  c.actor = mlc.ConfigDict(
    dict(
      model="scratch",
      scratch={},
      # numerics (archer_jax/training/precision.py): compute dtype ("auto": bfloat16 on
      # GPU/TPU, float32 on CPU), weights ("auto": float32 master weights; a LoRA base in the
      # compute dtype), attention kernel (einsum | dot_product | cudnn)
      dtype="auto",
      param_dtype="auto",
      attention="einsum",
      lr=1e-6,
      # the RL optimizer's lr decays linearly to lr_end * lr over lr_decay_steps actor
      # updates (0: constant); the BC warm start keeps bc.lr
      lr_decay_steps=0,
      lr_end=0.0,
      grad_clip=1.0,
      obs_len=256,
      max_new_tokens=32,
      temperature=1.0,
      stop_strings=["\n"],
      prompt_prefix="",
      sample_chunk=256,
      batch_buckets=[8, 32, 128, 256],
      lora_rank=0,
      lora_alpha=32.0,
      # evaluation runs a Polyak average of the actor's trainable weights, updated once per
      # iteration: avg <- d * avg + (1 - d) * params; 0 = evaluate the live weights
      eval_average=0.0,
      # seen_gate (scratch actors): a learned gate on the hidden state adds g(h) to the logit
      # of every token the observation holds, so the policy can learn to avoid (or copy)
      # what the state already says, e.g. a question already answered (`CausalLM.logits`)
      seen_gate=False,
      # with seen_gate: a learned bias per token id joins the gate, (g(h) + b_v) on the seen
      # ids, so the gate can tell names (never asked twice) from template words
      seen_bias=False,
      # with seen_gate: the layers read the last attend_len of the obs_len observation
      # tokens, the gate all obs_len (a long memory of what was asked for a short-window
      # model); 0 = all obs_len
      attend_len=0,
    )
  )
  c.critic = mlc.ConfigDict(
    dict(
      model="scratch",
      scratch={},
      dtype="auto",  # as the actor's (float32 master weights, no LoRA here)
      param_dtype="auto",
      attention="einsum",
      lr=2e-5,
      grad_clip=1.0,
      obs_len=256,
      act_len=32,
      share_tokenizer=False,
      # joint: Q encodes concat(s, a) instead of a alone (the reference); see DoubleCritic.
      # seen_tokens: each action token's type id says whether the state holds that token
      # freeze_encoder: train the heads only, on encoder features cached once per buffer
      # row / a_pi sample (feature_chunk rows per encoder call)
      joint=False,
      seen_tokens=False,
      freeze_encoder=False,
      feature_chunk=256,
    )
  )
  c.algo = mlc.ConfigDict(
    dict(
      name="archer",
      gamma=0.95,
      tau=0.1,
      critic_steps=50,
      actor_steps=3,
      warmup_iters=20,
      batch_size=256,
      micro_batches=8,
      v_loss="mse",
      expectile=0.9,
      baseline=False,
      value_coef=1.0,
      normalize_advantage=False,
      entropy_coef=0.0,
      kl_coef=0.0,
      clip_eps=0.0,
      # actor: + coef x the unlikelihood of the ids the observation holds at each action
      # token (except the one taken), `losses.policy_loss`; 0 = off
      unlikelihood_coef=0.0,
      # ppo: GAE lambda over tokens, discount between the tokens of one utterance, epochs
      # over each iteration's turns, adaptive-KL target (0: kl_coef fixed), value-clip
      # range (0: off), advantage normalisation (batch | minibatch | none)
      gae_lambda=0.95,
      token_gamma=1.0,
      ppo_epochs=4,
      kl_target=0.0,
      value_clip=0.0,
      advantage_norm="batch",
      num_candidates=5,  # chai: utterances proposed per turn
      filter_window=4,
      filter_quantile=0.9,
      # offline_archer: the V target (iql: expectile `expectile` onto min(Qbar1, Qbar2) at
      # the data action; sarsa: its mean, MSE) and the actor (awr: BC on the data actions
      # weighted by min(exp(awr_beta * A), awr_max_weight); reinforce: ArCHer's policy
      # gradient on a_pi), plus bc_coef x BC on the data actions
      critic_target="iql",
      actor_loss="awr",
      awr_beta=1.0,
      awr_max_weight=20.0,
      bc_coef=0.0,
    )
  )  # filtered_bc: iterations kept, return cut
  # BC warm start on scripted demonstrations; to_buffer: the demonstrations also seed the
  # replay buffer; critic_steps: critic updates on that buffer before the first iteration.
  c.bc = mlc.ConfigDict(
    dict(
      episodes=0,
      steps=0,
      batch_size=64,
      micro_batches=1,
      lr=1e-4,
      skill=0.5,
      # False: the demonstrator's weak turns never repeat a question already asked
      reask=True,
      to_buffer=False,
      critic_steps=0,
      # demonstrations from a tfds dataset dir (built on first use)
      # or a public JSON file (Guess My City / LMRL-Gym 20Q format)
      data_dir="",
      json_path="",
      # BC weights shared by runs with the same warm start (see training/warm_cache.py)
      cache_dir="",
      # the warm start's seed (actor init, demonstrations, BC batches); -1: the run's seed
      seed=-1,
    )
  )
  # the dataset offline algorithms (offline_*) train on: a tfds dataset built on first use into
  # data_dir ("" = <workdir>/datasets) from `episodes` episodes of the env's scripted players,
  # episode i at skills[i % len(skills)], seed `seed` (not the run's: seeds share it); or the
  # first `episodes` (0 = all) of a public JSON file (json_path, Guess My City / LMRL-Gym 20Q)
  c.offline = mlc.ConfigDict(
    dict(data_dir="", episodes=1000, skills=[0.0, 0.2, 0.5, 0.8, 1.0], seed=0, json_path="")
  )
  c.train = mlc.ConfigDict(
    dict(
      iterations=1000,
      rollout_size=128,
      eval_every=25,
      eval_episodes=64,
      checkpoint_every=5,
      buffer_capacity=100_000,
      eval_sampled=False,  # also evaluate the sampled (temperature) policy on the same seeds
      greedy_rollouts=0,
    )
  )  # of the rollout_size episodes, this many decoded greedily
  return c


GPT2_SMALL = dict(
  family="gpt2",
  hidden_size=768,
  num_layers=12,
  num_heads=12,
  intermediate_size=3072,
  activation="gelu_new",
  norm_eps=1e-5,
  tie_embeddings=True,
  max_position_embeddings=1024,
)
ROBERTA_BASE = dict(
  family="bert",
  hidden_size=768,
  num_layers=12,
  num_heads=12,
  intermediate_size=3072,
  activation="gelu",
  norm_eps=1e-5,
  max_position_embeddings=514,
  position_offset=2,
)


def set_models(c: mlc.ConfigDict, variant: str, config_file: str) -> None:
  """The shared model variants: "paper" (GPT-2-small-sized actor, RoBERTa-base-sized
  critic, from scratch unless --config.*.model points at local checkpoints) and "smollm2"
  (the shipped SmolLM2-135M-Instruct actor and MiniLM-L6 critic, CPU-sized batches)."""
  if variant == "paper":
    c.actor.model, c.actor.scratch = "scratch", GPT2_SMALL
    c.critic.model, c.critic.scratch = "scratch", ROBERTA_BASE
    c.tokenizer.vocab_size = 4096
  elif variant == "smollm2":
    c.actor.model, c.critic.model = "smollm2-135m-instruct", "minilm-l6"
    c.critic.overrides = {"pooling": "mean"}  # how MiniLM was trained (sentence embeddings)
    c.algo.update(batch_size=32, micro_batches=4)
    c.train.update(rollout_size=16, eval_episodes=16)
  else:
    raise ValueError(f"{config_file}: unknown variant {variant!r}")
