"""The PyTorch rows of benchmarks/throughput.py compute this project's losses.

Tiny random transformers models (Llama / GPT-2 actor, BERT / RoBERTa critic) are exported
with `save_pretrained` and loaded into this project's models; the faithful row (strings,
tokenised per call) and the optimised row (fixed-shape ids) must give the same critic and
actor losses on the same batch as `algorithms.losses`, and their update loops must run.
"""

from __future__ import annotations

import sys
from pathlib import Path

import jax.numpy as jnp
import numpy as np
import pytest

torch = pytest.importorskip("torch", reason="the PyTorch baseline needs torch")
pytest.importorskip("transformers")

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from pytorch_baseline.base import Settings  # noqa: E402
from pytorch_baseline.faithful import FaithfulArcher  # noqa: E402
from pytorch_baseline.optimised import OptimisedArcher  # noqa: E402

from archer_jax.algorithms import losses, steps  # noqa: E402
from archer_jax.algorithms.networks import DoubleCritic, PolicyWithValue  # noqa: E402
from archer_jax.data.tokenizer import train_bpe  # noqa: E402
from archer_jax.loading import load_model  # noqa: E402
from archer_jax.models import ModelConfig  # noqa: E402
from archer_jax.training.rollout import pad_left, pad_right  # noqa: E402

CORPUS = [
  "Questions:\nIs it an animal? No.\nIs it a fruit? Yes.\n",
  "Is it a banana? Yes.\n",
  "Is it red? No.\nIs it bigger than a chair? Invalid Question.\n",
] * 20
OBS = [
  "Questions:\n",
  "Questions:\nIs it an animal? No.\n",
  "Questions:\nIs it an animal? No.\nIs it a fruit? Yes.\n",
  "Questions:\nIs it red? No.\nIs it bigger than a chair? Invalid Question.\nIs it a",
]
ACT = ["Is it an animal?\n", "Is it a fruit?\n", "Is it a banana?\n", "Is it red?\n"]
NEXT = [o + a[:-1] + " No.\n" for o, a in zip(OBS, ACT, strict=True)]
PI = ["Is it red?\n", "Is it?\n", "Is it a chair or a banana?\n", "No.\n"]
REWARD, DONE = [-1.0, -1.0, 0.0, -1.0], [0.0, 0.0, 1.0, 0.0]


def settings(**kw):
  base = dict(
    gamma=0.9,
    batch_size=4,
    micro_batches=2,
    actor_lr=1e-3,
    critic_lr=1e-3,
    actor_obs_len=40,
    critic_obs_len=40,
    critic_act_len=12,
    max_new_tokens=12,
    sample_chunk=4,
  )
  return Settings(**{**base, **kw})


@pytest.fixture(scope="module")
def tok():
  return train_bpe(CORPUS, 300)


def configs(tok, actor_family, critic_family):
  v = len(tok)
  ids = dict(
    pad_token_id=tok.pad_token_id, eos_token_id=tok.eos_token_id, bos_token_id=tok.bos_token_id
  )
  if actor_family == "llama":
    actor = ModelConfig(
      "llama",
      v,
      32,
      2,
      4,
      64,
      num_kv_heads=2,
      tie_embeddings=True,
      max_position_embeddings=128,
      **ids,
    )
  else:
    actor = ModelConfig(
      "gpt2",
      v,
      32,
      2,
      4,
      64,
      activation="gelu_new",
      tie_embeddings=True,
      max_position_embeddings=128,
      **ids,
    )
  offset = tok.pad_token_id + 1 if critic_family == "roberta" else 0
  critic = ModelConfig(
    "bert",
    v,
    32,
    2,
    4,
    64,
    activation="gelu",
    norm_eps=1e-12,
    pooling="pooler" if critic_family == "roberta" else "mean",
    max_position_embeddings=128,
    position_offset=offset,
    **ids,
  )
  return actor, critic


def to_jax(row, tmp: Path, critic_cfg):
  """The torch row's actor and critic as this project's (cfg, params)."""
  row.actor.save_pretrained(tmp / "actor", safe_serialization=True)
  row.critic.encoder.save_pretrained(tmp / "critic", safe_serialization=True)
  acfg, lm = load_model(tmp / "actor")
  ccfg, enc = load_model(tmp / "critic", pooling=critic_cfg.pooling)
  assert ccfg.position_offset == critic_cfg.position_offset

  def head(seq):
    w = [m for m in seq if isinstance(m, torch.nn.Linear)]
    arr = lambda t: jnp.asarray(t.detach().numpy())
    return {
      name: {"kernel": arr(lin.weight.T), "bias": arr(lin.bias)}
      for name, lin in zip(("dense0", "dense1", "out"), w, strict=True)
    }

  cparams = {"encoder": enc, **{n: head(getattr(row.critic, n)) for n in ("q1", "q2", "v1", "v2")}}
  return acfg, {"lm": lm}, ccfg, cparams


def jax_losses(tok, acfg, aparams, ccfg, cparams, s):
  enc = lambda texts: [tok(t, add_special_tokens=False)["input_ids"] for t in texts]
  b = {}
  b["obs"], b["obs_mask"] = pad_left(enc(OBS), s.critic_obs_len, tok.pad_token_id)
  b["next_obs"], b["next_obs_mask"] = pad_left(enc(NEXT), s.critic_obs_len, tok.pad_token_id)
  b["act"], b["act_mask"] = pad_right(enc(ACT), s.critic_act_len, tok.pad_token_id)
  b["pi_act"], b["pi_act_mask"] = pad_right(enc(PI), s.critic_act_len, tok.pad_token_id)
  b["reward"], b["done"] = np.asarray(REWARD, np.float32), np.asarray(DONE, np.float32)
  b["valid"] = np.ones(4, np.float32)
  cnet = DoubleCritic(ccfg)
  embed = lambda p, t, m: cnet.apply({"params": p}, t, m, method=DoubleCritic.embed)
  heads = lambda p, es, ea=None: cnet.apply({"params": p}, es, ea, method=DoubleCritic.heads)
  critic, _ = losses.critic_loss(
    cparams, cparams, b, embed=embed, heads=heads, gamma=s.gamma, num_rows=4.0
  )
  adv = steps.advantages(
    cparams, b["obs"], b["obs_mask"], b["pi_act"], b["pi_act_mask"], embed=embed, heads=heads
  )
  anet = PolicyWithValue(acfg)
  apply = lambda p, t, pos, m, **kw: anet.apply({"params": p}, t, pos, m, **kw)
  obs, om = pad_left(enc(OBS), s.actor_obs_len, tok.pad_token_id)
  act, am = pad_right(enc(PI), s.max_new_tokens, tok.pad_token_id)
  actor, _ = losses.policy_loss(
    aparams,
    {"obs": obs, "obs_mask": om, "act": act, "act_mask": am, "advantage": adv, "valid": b["valid"]},
    apply=apply,
    num_rows=4.0,
    num_tokens=float(am.sum()),
  )
  return float(critic), float(actor), b, (obs, om, act, am)


@pytest.mark.parametrize("actor_family, critic_family", [("llama", "bert"), ("gpt2", "roberta")])
def test_both_rows_match_this_projects_losses(tmp_path, tok, actor_family, critic_family):
  acfg, ccfg = configs(tok, actor_family, critic_family)
  s = settings()
  faithful = FaithfulArcher(s, acfg, ccfg, (tok, tok), seed=3)
  optimised = OptimisedArcher(s, acfg, ccfg, (tok, tok), seed=3)  # same init, SDPA
  jcfg, aparams, jccfg, cparams = to_jax(faithful, tmp_path, ccfg)
  critic, actor, b, (obs, om, act, am) = jax_losses(tok, jcfg, aparams, jccfg, cparams, s)
  batch = {"obs": OBS, "act": ACT, "next_obs": NEXT, "reward": REWARD, "done": DONE}
  with torch.no_grad():
    f_critic = float(faithful.critic_loss(batch, pi_act=PI))
    f_actor = float(faithful.actor_loss(OBS, pi_act=PI))
  t = lambda x: torch.as_tensor(
    np.asarray(x).astype(np.int64) if np.asarray(x).dtype == bool else np.asarray(x)
  )
  ob = {
    k: t(b[k])
    for k in ("obs", "obs_mask", "act", "act_mask", "next_obs", "next_obs_mask", "reward", "done")
  }
  ob.update(
    pi=t(b["pi_act"]),
    pi_mask=t(b["pi_act_mask"]),
    a_obs=t(obs),
    a_obs_mask=t(om),
    pi_a=t(act),
    pi_a_mask=t(am),
  )
  with torch.no_grad():
    o_critic = float(optimised.critic_loss(ob, 4.0))
    o_actor = float(optimised.actor_loss(ob, 4.0))
  print(f"critic: jax {critic:.6f} faithful {f_critic:.6f} optimised {o_critic:.6f}")
  print(f"actor:  jax {actor:.6f} faithful {f_actor:.6f} optimised {o_actor:.6f}")
  assert abs(critic) > 1e-3 and abs(actor) > 1e-3
  for ours in (f_critic, o_critic):
    assert ours == pytest.approx(critic, rel=2e-4, abs=1e-5)
  for ours in (f_actor, o_actor):
    assert ours == pytest.approx(actor, rel=2e-4, abs=1e-5)


def test_update_loops_and_rollouts_run(tok):
  import ml_collections as mlc

  from archer_jax.envs.registry import make_env

  acfg, ccfg = configs(tok, "llama", "bert")
  s = settings(max_new_tokens=6)
  env = make_env(
    mlc.ConfigDict(dict(name="twenty_questions", max_turns=2, kwargs={"words": "subset"})),
    batch_size=2,
  )
  for cls in (FaithfulArcher, OptimisedArcher):
    row = cls(s, acfg, ccfg, (tok, tok))
    stats = row.collect(env, seeds=[0, 1])
    assert stats["env_steps"] == 4 and len(row) == 4 and stats["tokens"] > 0
    before = [p.detach().clone() for p in row.critic.parameters()]
    if cls is FaithfulArcher:
      assert np.isfinite(row.critic_update()) and np.isfinite(row.actor_update())
    else:
      assert np.all(np.isfinite(row.critic_phase(2))) and np.isfinite(row.actor_update())
    assert any(not torch.equal(a, b) for a, b in zip(before, row.critic.parameters(), strict=True))
