"""Token-level PPO: float64 numpy references for GAE over multi-turn episodes and for the
clipped objective with its value, entropy and KL terms; exact micro-batch accumulation of
the step; the adaptive KL coefficient; the turn bookkeeping of the rows; config checks; and
the smoke config trained end to end with an adaptive KL coefficient and resumed
bit-identically (the coefficient included)."""

from __future__ import annotations

import functools
import json
import shutil
import sys
from pathlib import Path

import jax
import jax.numpy as jnp
import numpy as np
import optax
import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from _helpers import fast_jit  # noqa: E402
from test_train import _assert_same_run, _leaves, _run, micro_config  # noqa: E402

from archer_jax.algorithms import ppo_losses  # noqa: E402
from archer_jax.algorithms.ppo import PPO, ppo_step  # noqa: E402
from archer_jax.training.validate import ConfigError, validate  # noqa: E402


# ---- GAE ----------------------------------------------------------------------------------
def _np_gae(values, mask, reward, done, last, bootstrap, gamma, lam, token_gamma):
  """Reference: one explicit backward loop per episode over its real tokens (float64)."""
  values = values.astype(np.float64)
  adv = np.zeros(values.shape)
  rows = [i for i in range(len(mask)) if mask[i].any()]
  episodes, cur = [], []
  for i in rows:
    cur.append(i)
    if last[i]:
      episodes.append(cur)
      cur = []
  assert not cur
  for ep in episodes:
    tokens = [(i, t) for i in ep for t in range(mask.shape[1]) if mask[i, t]]
    end = ep[-1]
    v_next = 0.0 if done[end] else float(bootstrap[end])
    a_next = 0.0
    for i, t in reversed(tokens):
      is_end = t == max(np.flatnonzero(mask[i]))
      r = float(reward[i]) if is_end else 0.0
      g = gamma if is_end else token_gamma
      a = r + g * v_next - values[i, t] + g * lam * a_next
      adv[i, t], v_next, a_next = a, values[i, t], a
  return adv, np.where(mask, adv + values, 0.0), episodes


def _episodes(rng, la):
  """Random turns in episode order: 1-4 episodes of 1-4 turns, 1..la tokens each, terminal
  or truncated ends, garbage in every padding slot, two padding rows at the end."""
  lengths, reward, done, last, boot = [], [], [], [], []
  for _ in range(rng.integers(1, 5)):
    turns = int(rng.integers(1, 5))
    for k in range(turns):
      lengths.append(int(rng.integers(1, la + 1)))
      reward.append(float(rng.normal()))
      end = k == turns - 1
      last.append(end)
      done.append(end and rng.random() < 0.5)
      boot.append(float(rng.normal()) * 3)
  n = len(lengths) + 2
  mask = np.zeros((n, la), bool)
  for i, k in enumerate(lengths):
    mask[i, :k] = True
  pad = lambda x, fill: np.array(list(x) + [fill, fill])
  return dict(
    values=rng.normal(size=(n, la)).astype(np.float32),
    mask=mask,
    reward=pad(reward, 5.0).astype(np.float32),
    done=pad(done, True),
    last=pad(last, True),
    bootstrap=pad(boot, 7.0).astype(np.float32),
  )


@pytest.mark.parametrize(
  "gamma,lam,token_gamma", [(0.95, 0.95, 1.0), (0.9, 1.0, 1.0), (0.8, 0.7, 0.97), (1.0, 0.0, 1.0)]
)
def test_gae_matches_numpy_reference(gamma, lam, token_gamma):
  """GAE over the tokens of several multi-turn episodes (terminal and truncated ends, padded
  tokens and rows) against per-episode float64 loops; with lambda = 1 the returns are the
  discounted Monte Carlo returns (plus the discounted bootstrap of a truncated end)."""
  fn = fast_jit(functools.partial(ppo_losses.gae, gamma=gamma, lam=lam, token_gamma=token_gamma))
  ends = set()
  for seed in range(6):
    rng = np.random.default_rng(seed)
    d = _episodes(rng, la=5)
    adv, ret = jax.device_get(fn(**{k: jnp.asarray(v) for k, v in d.items()}))
    ref_adv, ref_ret, episodes = _np_gae(**d, gamma=gamma, lam=lam, token_gamma=token_gamma)
    np.testing.assert_allclose(adv, ref_adv, rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(ret, ref_ret, rtol=1e-5, atol=1e-5)
    assert not adv[~d["mask"]].any() and not ret[~d["mask"]].any()
    ends.update(bool(d["done"][ep[-1]]) for ep in episodes)
    if lam == 1.0:  # R_t = sum_k (prod_{j<k} g_j) r_k + (prod_j g_j) * bootstrap
      m = d["mask"]
      for ep in episodes:
        tokens = [(i, t) for i in ep for t in range(m.shape[1]) if m[i, t]]
        end = ep[-1]
        g_after = 0.0 if d["done"][end] else float(d["bootstrap"][end])
        for i, t in reversed(tokens):
          is_end = t == max(np.flatnonzero(m[i]))
          g = gamma if is_end else token_gamma
          g_after = (float(d["reward"][i]) if is_end else 0.0) + g * g_after
          np.testing.assert_allclose(ret[i, t], g_after, rtol=1e-5, atol=1e-5)
  assert ends == {True, False}  # terminal and truncated ends both exercised


def test_gae_crosses_turns_and_stops_at_episode_ends():
  """A hand-checked case (lambda = 1, values 0): two turns of one terminal episode, then a
  truncated one-turn episode bootstrapping from V(s') = 10."""
  mask = np.array([[1, 1, 0], [1, 0, 0], [1, 1, 1], [0, 0, 0]], bool)
  out = ppo_losses.gae(
    jnp.zeros((4, 3)),
    jnp.asarray(mask),
    jnp.asarray([-1.0, 0.0, -1.0, 9.0]),
    jnp.asarray([False, True, False, False]),
    jnp.asarray([False, True, True, True]),
    jnp.asarray([0.0, 0.0, 10.0, 0.0]),
    gamma=0.5,
    lam=1.0,
  )
  adv = np.asarray(out[0])
  np.testing.assert_allclose(adv[0], [-1.0, -1.0, 0.0])  # turn 1's reward, then 0.5 * 0
  np.testing.assert_allclose(adv[1], [0.0, 0.0, 0.0])  # terminal: nothing after
  np.testing.assert_allclose(adv[2], [4.0, 4.0, 4.0])  # -1 + 0.5 * 10
  assert not adv[3].any()


def test_normalize_over_masked_entries():
  x = np.array([[1.0, 2.0, 100.0], [3.0, -50.0, 4.0]], np.float32)
  m = np.array([[1, 1, 0], [1, 0, 1]], bool)
  got = np.asarray(ppo_losses.normalize(jnp.asarray(x), jnp.asarray(m)))
  v = x[m].astype(np.float64)
  np.testing.assert_allclose(got[m], (v - v.mean()) / (v.std() + 1e-8), rtol=1e-5)
  assert not got[~m].any()


# ---- the objective ------------------------------------------------------------------------
def _np_log_softmax(x):
  x = x.astype(np.float64)
  z = x - x.max(-1, keepdims=True)
  return z - np.log(np.exp(z).sum(-1, keepdims=True))


def _np_objective(logits, values, ref_logits, b, clip_eps, value_coef, value_clip, ent, kl_c):
  lp_all = _np_log_softmax(logits)
  logp = np.take_along_axis(lp_all, b["act"][..., None], -1)[..., 0]
  m = b["act_mask"] * b["valid"][:, None].astype(np.float64)
  n = max(m.sum(), 1.0)
  adv, ret, old_v = (b[k].astype(np.float64) for k in ("advantage", "returns", "old_values"))
  ratio = np.exp(logp - b["old_logp"])
  if clip_eps > 0:
    obj = np.minimum(ratio * adv, np.clip(ratio, 1 - clip_eps, 1 + clip_eps) * adv)
  else:
    obj = ratio * adv
  pg = -(m * obj).sum() / n
  v = values.astype(np.float64)
  v_err = (v - ret) ** 2
  if value_clip > 0:
    v_err = np.maximum(v_err, (old_v + np.clip(v - old_v, -value_clip, value_clip) - ret) ** 2)
  vl = 0.5 * (m * v_err).sum() / n
  p = np.exp(lp_all)
  entropy = -(m * (p * lp_all).sum(-1)).sum() / n
  kl = (m * (p * (lp_all - _np_log_softmax(ref_logits))).sum(-1)).sum() / n
  total = pg + value_coef * vl - ent * entropy + kl_c * kl
  return total, {"pg_loss": pg, "value_loss": vl, "entropy": entropy, "kl": kl}


def _objective_batch(rng, b=5, la=6, vocab=11):
  logits = rng.normal(size=(b, la, vocab)).astype(np.float32) * 2
  act = rng.integers(0, vocab, (b, la)).astype(np.int32)
  mask = np.zeros((b, la), bool)
  for i, k in enumerate([6, 3, 1, 5, 4]):
    mask[i, :k] = True
  logp = np.take_along_axis(_np_log_softmax(logits), act[..., None], -1)[..., 0]
  batch = dict(
    act=act,
    act_mask=mask,
    valid=np.array([1, 1, 1, 0, 1], np.float32),
    old_logp=(logp + rng.uniform(-0.5, 0.5, logp.shape)).astype(np.float32),
    old_values=rng.normal(size=(b, la)).astype(np.float32),
    advantage=rng.normal(size=(b, la)).astype(np.float32),
    returns=rng.normal(size=(b, la)).astype(np.float32) * 2,
  )
  values = (batch["old_values"] + rng.normal(size=(b, la)) * 0.8).astype(np.float32)
  ref_logits = (logits + rng.normal(size=logits.shape)).astype(np.float32)
  return logits, values, ref_logits, batch


@pytest.mark.parametrize("clip_eps,value_clip", [(0.2, 0.0), (0.2, 0.5), (0.0, 0.3)])
def test_ppo_objective_matches_numpy_reference(clip_eps, value_clip):
  """L = L_pi + c_V L_V - c_H H + beta KL and each term, jitted float32 against float64."""
  rng = np.random.default_rng(int(clip_eps * 10 + value_clip * 100))
  logits, values, ref_logits, batch = _objective_batch(rng)
  kw = dict(clip_eps=clip_eps, value_coef=0.7, value_clip=value_clip, entropy_coef=0.03)
  m = batch["act_mask"] * batch["valid"][:, None]
  fn = fast_jit(
    lambda lg, v, rl, b, beta: ppo_losses.ppo_objective(
      lg, v, b, rl, num_tokens=jnp.maximum(jnp.sum(m), 1.0), kl_coef=beta, **kw
    )
  )
  loss, metrics = fn(logits, values, ref_logits, batch, jnp.float32(0.4))
  ref_loss, ref_m = _np_objective(
    logits, values, ref_logits, batch, clip_eps, 0.7, value_clip, 0.03, 0.4
  )
  np.testing.assert_allclose(float(loss), ref_loss, rtol=1e-5, atol=1e-6)
  for k, v in ref_m.items():
    np.testing.assert_allclose(float(metrics[k]), v, rtol=1e-5, atol=1e-6, err_msg=k)
  ratio = np.exp(
    np.take_along_axis(_np_log_softmax(logits), batch["act"][..., None], -1)[..., 0]
    - batch["old_logp"]
  )
  clipped = (np.abs(ratio - 1) > clip_eps) * m
  want = clipped.sum() / m.sum() if clip_eps > 0 else 0.0
  np.testing.assert_allclose(float(metrics["clip_frac"]), want, rtol=1e-6)
  if clip_eps > 0:
    assert 0 < want < 1  # both sides of the clip are exercised


def _toy_apply(p, tokens, positions, mask, seen=None):
  """A stand-in policy: logits and values from the embedding of each token and its
  predecessor (so the observation matters)."""
  prev = jnp.concatenate([tokens[:, :1], tokens[:, :-1]], axis=1)
  h = jnp.tanh(p["emb"][tokens] + 0.5 * p["emb"][prev])
  return {"logits": h @ p["out"], "values": h @ p["v"], "hidden": h}


def test_ppo_step_micro_batches_sum_exactly():
  """Minibatch normalisation and the token count come from the whole minibatch: 1 or 4
  micro-batches give the same update (SGD, so the update is the gradient)."""
  from archer_jax.training.state import TrainState

  rng = np.random.default_rng(3)
  vocab, dim, b, lo, la = 13, 6, 8, 4, 5
  params = {
    "emb": rng.normal(size=(vocab, dim)),
    "out": rng.normal(size=(dim, vocab)),
    "v": rng.normal(size=(dim,)),
  }
  params = jax.tree.map(lambda x: jnp.asarray(x, jnp.float32), params)
  act_mask = np.arange(la)[None, :] < rng.integers(1, la + 1, b)[:, None]
  batch = dict(
    obs=rng.integers(0, vocab, (b, lo)).astype(np.int32),
    obs_mask=np.ones((b, lo), bool),
    act=rng.integers(0, vocab, (b, la)).astype(np.int32),
    act_mask=act_mask,
    old_logp=rng.normal(size=(b, la)).astype(np.float32) - 2.5,
    old_values=rng.normal(size=(b, la)).astype(np.float32),
    advantage=rng.normal(size=(b, la)).astype(np.float32) * 3 + 1,
    returns=rng.normal(size=(b, la)).astype(np.float32),
    valid=np.array([1, 1, 1, 1, 1, 0, 1, 1], np.float32),
  )
  tx = optax.sgd(1.0)
  ref = jax.tree.map(lambda x: x + 0.1, params)
  out = []
  for micro in (1, 4):
    step = fast_jit(
      functools.partial(
        ppo_step,
        tx=tx,
        apply=_toy_apply,
        num_micro=micro,
        normalize_minibatch=True,
        use_ref=True,
        clip_eps=0.2,
        value_coef=0.5,
        value_clip=0.2,
        entropy_coef=0.01,
      )
    )
    state = TrainState.create(params, tx)
    new, m = step(state, jax.tree.map(jnp.asarray, batch), ref, jnp.float32(0.3))
    out.append((jax.device_get(new.params), jax.device_get(m)))
  for x, y in zip(jax.tree.leaves(out[0][0]), jax.tree.leaves(out[1][0]), strict=True):
    np.testing.assert_allclose(x, y, rtol=1e-5, atol=1e-6)
  for k in ("actor_loss", "pg_loss", "value_loss", "kl", "entropy"):
    np.testing.assert_allclose(out[0][1][k], out[1][1][k], rtol=1e-5, atol=1e-6)
  assert not np.allclose(out[0][0]["v"], params["v"])  # the value head learns


# ---- adaptive KL --------------------------------------------------------------------------
def test_adaptive_kl_coefficient():
  adapt = ppo_losses.adapt_kl_coef
  assert adapt(0.1, 0.031, 0.02) == np.float32(0.2)  # > 1.5 target: doubled
  assert adapt(0.1, 0.029, 0.02) == np.float32(0.1)  # within: unchanged
  assert adapt(0.1, 0.0134, 0.02) == np.float32(0.1)
  assert adapt(0.1, 0.013, 0.02) == np.float32(0.05)  # < target / 1.5: halved
  assert adapt(0.1, 5.0, 0.0) == np.float32(0.1)  # no target: fixed
  assert adapt(ppo_losses.KL_COEF_MIN, 0.0, 0.02) == np.float32(ppo_losses.KL_COEF_MIN)
  assert adapt(ppo_losses.KL_COEF_MAX, 1.0, 0.02) == np.float32(ppo_losses.KL_COEF_MAX)
  beta = np.float32(0.1)
  for kl in (1.0, 1.0, 0.0, 0.0):  # exact float32 doubling and halving: back to the start
    beta = adapt(beta, kl, 0.02)
    assert beta.dtype == np.float32
  assert beta == np.float32(0.1)


def test_kl_coefficient_lives_in_the_state_and_waits_for_the_first_update():
  from archer_jax.training.rl_state import RLState
  from archer_jax.training.state import TrainState

  algo = PPO.__new__(PPO)
  algo.kl_target = 0.02
  algo.config = micro_config(Path("/nonexistent"), **{"algo.kl_coef": 0.1})
  fresh = RLState(
    actor=TrainState(step=jnp.zeros((), jnp.int32), params={}, opt_state=()),
    algo={"kl_coef": np.asarray(0.1, np.float32)},
  )
  beta, state = algo.kl_coef(fresh, kl=1.0)  # no policy update yet: unchanged
  assert beta == np.float32(0.1) and state.algo["kl_coef"] == np.float32(0.1)
  beta, state = algo.kl_coef(fresh.replace(actor=fresh.actor.replace(step=jnp.ones(()))), 1.0)
  assert beta == np.float32(0.2) and state.algo["kl_coef"].dtype == np.float32
  fixed = fresh.replace(algo={})
  beta, state = algo.kl_coef(fixed, kl=1.0)  # kl_target = 0: the configured coefficient
  assert beta == np.float32(0.1) and state.algo == {}


# ---- rows ---------------------------------------------------------------------------------
def test_rows_number_turns_and_order_by_episode():
  """Lock-step collection interleaves episodes; rows() numbers each episode's turns and
  marks its last one; iteration_rows() keeps this iteration's rows in (episode, turn)
  order."""
  from types import SimpleNamespace

  from archer_jax.training.replay_buffer import ReplayBuffer

  algo = PPO.__new__(PPO)
  algo.config = micro_config(Path("/nonexistent"))
  lo, la = algo.config.actor.obs_len, algo.config.actor.max_new_tokens
  ep = np.array([0, 1, 2, 0, 2, 0], np.int32)
  batches = SimpleNamespace(
    actor_pad=0,
    actor_rows=lambda roll: {
      "a_obs": np.tile(np.arange(len(roll.episode))[:, None], (1, lo)).astype(np.int32),
      "a_obs_mask": np.ones((len(roll.episode), lo), bool),
      "a_act": np.zeros((len(roll.episode), la), np.int32),
      "a_act_mask": np.ones((len(roll.episode), la), bool),
    },
  )
  algo.ctx = SimpleNamespace(batches=batches)
  roll = SimpleNamespace(
    episode=ep,
    reward=np.arange(6, dtype=np.float32),
    done=np.array([0, 1, 0, 0, 1, 1], bool),
    next_obs_ids=[[1, 2]] * 6,
  )
  rows = algo.rows(None, roll, 3)
  np.testing.assert_array_equal(rows["turn"], [0, 0, 0, 1, 1, 2])
  np.testing.assert_array_equal(rows["last"], [0, 1, 0, 0, 1, 1])
  np.testing.assert_array_equal(rows["episode"], 3 * 1_000_000 + ep)
  buf = ReplayBuffer(algo.buffer_capacity(), algo.row_spec())
  buf.add(algo.rows(None, roll, 2))
  buf.add(rows)
  got = algo.iteration_rows(buf, 3)
  np.testing.assert_array_equal(got["a_obs"][:, 0], [0, 3, 5, 1, 2, 4])
  np.testing.assert_array_equal(got["iteration"], [3] * 6)


# ---- config -------------------------------------------------------------------------------
@pytest.mark.parametrize(
  "field,value,needle",
  [
    ("algo.gae_lambda", 1.5, "config.algo.gae_lambda"),
    ("algo.token_gamma", -0.1, "config.algo.token_gamma"),
    ("algo.ppo_epochs", 0, "config.algo.ppo_epochs"),
    ("algo.kl_target", -0.01, "config.algo.kl_target"),
    ("algo.kl_target", 0.01, "config.algo.kl_target"),  # adaptive without a kl_coef
    ("algo.value_clip", -1.0, "config.algo.value_clip"),
    ("algo.clip_eps", 1.0, "config.algo.clip_eps"),
    ("algo.advantage_norm", "rows", "config.algo.advantage_norm"),
    ("train.greedy_rollouts", 1, "config.train.greedy_rollouts"),
    ("actor.temperature", 0.7, "config.actor.temperature"),
  ],
)
def test_bad_ppo_config_fails_naming_field(tmp_path, field, value, needle):
  c = micro_config(tmp_path, **{"algo.name": "ppo", field: value})
  with pytest.raises(ConfigError, match=needle.replace(".", r"\.")):
    validate(c)


def test_tiny_ppo_matches_tiny_budget_and_warm_start():
  from configs import twenty_questions

  tiny, ppo = twenty_questions.get_config("tiny"), twenty_questions.get_config("tiny_ppo")
  validate(ppo)
  assert ppo.algo.name == "ppo" and ppo.algo.clip_eps > 0
  assert (ppo.train.iterations, ppo.train.rollout_size) == (
    tiny.train.iterations,
    tiny.train.rollout_size,
  )
  for f in ("episodes", "steps", "batch_size", "lr", "skill"):
    assert ppo.bc[f] == tiny.bc[f], f
  assert not ppo.bc.to_buffer and ppo.bc.critic_steps == 0


# ---- end to end ---------------------------------------------------------------------------
def test_ppo_trains_smoke_with_adaptive_kl_and_resumes_bit_identically(tmp_path):
  """The smoke config under ppo (clipped ratio and values, minibatch normalisation, an
  adaptive KL coefficient): each iteration trains on exactly its own turns, the
  coefficient follows the controller and lives in the RLState; the run resumed from its
  iteration-2 checkpoint (after the coefficient first changed) repeats it bit for bit,
  coefficient included."""
  over = {
    "algo.name": "ppo",
    "train.iterations": 3,
    "train.eval_every": 3,
    "algo.kl_coef": 0.1,
    "algo.kl_target": 0.01,
    "algo.clip_eps": 0.2,
    "algo.value_clip": 0.5,
    "algo.advantage_norm": "minibatch",
    "bc.steps": 0,  # (ppo after the warm start: test_algorithms.py)
  }
  full = _run(micro_config(tmp_path / "a", **over))
  assert full.state.critic is None and set(full.state.ref) == set(full.state.actor.params)
  assert "value" in full.state.actor.params
  hist = [json.loads(line) for line in open(full.metrics.path)]
  hist = [{}] + hist  # hist[i]: iteration i
  assert [h.get("phase") for h in hist] == [None, "ppo", "ppo", "ppo"]
  for h in hist[1:]:
    assert h["ppo_turns"] == h["turns"]  # on-policy: this iteration's turns only
    for k in ("actor_loss", "pg_loss", "value_loss", "kl", "kl_ref", "entropy", "approx_kl"):
      assert np.isfinite(h[k]), k
  assert hist[1]["kl_coef"] == pytest.approx(0.1)  # no policy update before: unchanged
  for prev, h in zip(hist[1:-1], hist[2:], strict=True):
    want = ppo_losses.adapt_kl_coef(np.float32(prev["kl_coef"]), h["kl_ref"], 0.01)
    assert np.float32(h["kl_coef"]) == want
  assert hist[2]["kl_coef"] != hist[1]["kl_coef"]  # so the resume below needs the state
  assert np.asarray(full.state.algo["kl_coef"]) == np.float32(hist[3]["kl_coef"])

  # resume from the uninterrupted run's iteration-2 checkpoint
  shutil.copytree(tmp_path / "a" / "run", tmp_path / "b" / "run")
  shutil.rmtree(tmp_path / "b" / "run" / "checkpoints" / "3")
  resumed = _run(micro_config(tmp_path / "b", **over), resume=True)
  _assert_same_run(full, resumed)
  for x, y in zip(_leaves(full.state.algo), _leaves(resumed.state.algo), strict=True):
    np.testing.assert_array_equal(x, y)
