"""Twenty Questions over the 10-word subset (spec §6).

Variants:
  paper                 GPT-2-small-sized actor, RoBERTa-base-sized critic (spec §4).
  smollm2               shipped SmolLM2-135M-Instruct actor + MiniLM-L6 critic, JSON prompt.
  mistral7b_20q_subset  the spec's LoRA run: Mistral-7B actor (r=16, alpha=32 on q/k/v/o),
                        rollout 32, 20 critic / 1 actor steps, lrs 1e-5 / 2e-6, no SFT.
                        Needs --config.actor.model=/path/to/Mistral-7B-Instruct (HF dir).

Cost: every variant is meant for an accelerator. On a 2-core CPU the same networks cost
~1 h (smollm2) and ~6.4 h (paper) per iteration (benchmarks/RESULTS.md "What each config
costs", measured on configs/twenty_questions.py); mistral7b_20q_subset does not run on a CPU
and fits a TPU v5e-8 slice (`python -m archer_jax.aot`, RESULTS.md).
"""

from __future__ import annotations

from configs.common import ROBERTA_BASE, base_config, set_models


def get_config(variant: str = "paper"):
  c = base_config()
  c.env.name = "twenty_questions_subset"
  c.workdir = f"runs/twenty_questions_subset_{variant}"
  if variant in ("paper", "smollm2"):
    set_models(c, variant, "configs/twenty_questions_subset.py")
    if variant == "smollm2":
      c.env.kwargs = {"prompt": "json"}
  elif variant == "mistral7b_20q_subset":
    c.actor.model = "mistral-7b"  # replace with a local HF checkpoint directory
    c.actor.dtype = "bfloat16"
    c.actor.lora_rank, c.actor.lora_alpha = 16, 32.0
    # ModelConfig fields of the loaded model; remat=True (activations recomputed in the
    # backward pass) cuts the actor step's memory for smaller chips: `python -m archer_jax.aot`
    # (benchmarks/RESULTS.md) has it fit v5e-8 and v5p-8 without
    c.actor.overrides = {"remat": False}
    c.actor.lr, c.critic.lr = 2e-6, 1e-5
    c.critic.model, c.critic.scratch = "scratch", ROBERTA_BASE
    c.env.kwargs = {"prompt": "json"}
    c.algo.update(critic_steps=20, actor_steps=1, warmup_iters=20, gamma=0.95)
    c.train.update(rollout_size=32)
    c.mesh = "1,-1,1"  # FSDP over all devices
  else:
    raise ValueError(
      f"configs/twenty_questions_subset.py: unknown variant {variant!r} "
      "(paper | smollm2 | mistral7b_20q_subset)"
    )
  return c
