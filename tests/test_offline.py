"""Offline algorithms (spec §5): float64 numpy references for the IQL / SARSA critic on
dataset actions, the AWR weights and loss, REINFORCE + BC and filtered BC's selection; the
skill-mixture dataset; offline training end to end (environments step only in evaluation)
and its bit-identical resume."""

from __future__ import annotations

import dataclasses
import functools
import json
import sys
from pathlib import Path

import jax
import jax.numpy as jnp
import numpy as np
import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from _helpers import (  # noqa: E402
  critic_batch,
  fast_jit,
  log_softmax64,
  np_embed,
  np_heads,
  np_tree,
  pad_rows,
  toy_critic_params,
  toy_embed,
  toy_heads,
)
from test_train import _assert_same_run, _run  # noqa: E402

from archer_jax.algorithms import losses, offline_losses, steps  # noqa: E402
from archer_jax.data import demos  # noqa: E402
from archer_jax.training.validate import ConfigError, load_config, override, validate  # noqa: E402

CONFIG = str(REPO / "configs" / "offline_twenty_questions.py")
VARIANTS = (
  "tiny_iql_awr",
  "tiny_sarsa_awr",
  "tiny_iql_reinforce",
  "tiny_iql_reinforce_bc",
  "tiny_filtered_bc",
  "tiny_bc",
  "smoke",
)


def smoke_config(workdir, **over):
  """The offline `smoke` config in `workdir`, with test_train.micro_config's 96-token windows
  (the same programs as the suite's other smoke runs: compiled once per session)."""
  c = load_config(f"{CONFIG}:smoke")
  c.workdir = str(workdir)
  c.actor.obs_len = c.critic.obs_len = 96
  for k, v in over.items():
    override(c, k, v)
  return c


# ---- the critic on dataset actions --------------------------------------------------------
def _np_expectile(u, tau):
  """IQL's L_2^tau(u) = |tau - 1[u < 0]| u^2 of u = target - V."""
  return np.where(u < 0, 1.0 - tau, tau) * u * u


def _np_expectile_of(y, tau):
  """The tau-expectile of samples y: the root of sum_j |tau - 1[y_j < v]| (y_j - v) = 0."""
  lo, hi = float(y.min()), float(y.max())
  for _ in range(200):  # bisection: the sum decreases in v
    v = (lo + hi) / 2
    g = np.sum(np.where(y < v, 1 - tau, tau) * (y - v))
    lo, hi = (v, hi) if g > 0 else (lo, v)
  return (lo + hi) / 2


def test_iql_value_tends_to_an_upper_expectile_and_sarsa_to_the_mean():
  """The V regression's minimiser over a scalar v: the tau-expectile of the targets (above
  their mean for tau = 0.9: an in-sample maximum), and their mean for SARSA."""
  y = np.array([-9.0, -6.0, -4.0, -4.0, -3.0, -1.0])
  vs = np.linspace(-10, 0, 20001)
  for target, tau, want in (
    ("iql", 0.9, _np_expectile_of(y, 0.9)),
    ("iql", 0.5, y.mean()),
    ("sarsa", 0.9, y.mean()),
  ):
    loss = offline_losses.value_regression(
      jnp.asarray(vs)[:, None], jnp.asarray(y)[None], target, tau
    ).mean(1)
    assert vs[int(np.argmin(np.asarray(loss)))] == pytest.approx(want, abs=2e-3)
  assert _np_expectile_of(y, 0.9) > y.mean() + 1.5


@pytest.mark.parametrize("critic_target", ["iql", "sarsa"])
def test_offline_critic_loss_matches_numpy_reference(critic_target):
  """IQL: V_i(s) regresses onto min(Qbar1, Qbar2)(s, a_data) with the expectile tau
  (asymmetric weights tau / 1 - tau); SARSA: the same target with the MSE (twice the
  expectile-0.5 loss); Q_i(s, a_data) onto r + gamma (1 - done) Vbar_i(s'). Loss values
  against float64 numpy, gradients against the same loss with the numpy targets as
  constants; padding rows (valid 0) carry garbage and count for nothing."""
  rng = np.random.default_rng(7)
  valid = [1, 1, 0, 1, 1, 1, 0, 1]
  batch = critic_batch(rng, valid=valid)
  p, tp = toy_critic_params(4), toy_critic_params(5)
  gamma, tau, n = 0.9, 0.8, float(sum(valid))
  kw = dict(embed=toy_embed, heads=toy_heads, gamma=gamma, num_rows=n, expectile=tau)
  jb = jax.tree.map(jnp.asarray, batch)
  loss_fn = functools.partial(offline_losses.offline_critic_loss, critic_target=critic_target, **kw)
  loss, m = fast_jit(loss_fn)(p, tp, jb)

  pn, tn = np_tree(p), np_tree(tp)
  emb = lambda q, k: np_embed(q, batch[k], batch[k + "_mask"])
  target = np_heads(tn, emb(tn, "obs"), emb(tn, "act"))
  online = np_heads(pn, emb(pn, "obs"), emb(pn, "act"))
  nxt = np_heads(tn, emb(tn, "next_obs"))
  y_v = np.minimum(target["q1"], target["q2"])
  w = np.asarray(valid, np.float64)
  r, d = batch["reward"].astype(np.float64), batch["done"].astype(np.float64)
  want, y_q = 0.0, {}
  for i in ("1", "2"):
    y_q[i] = r + gamma * (1 - d) * nxt["v" + i]
    q_l = np.sum(w * (online["q" + i] - y_q[i]) ** 2) / n
    u = y_v - online["v" + i]  # V below its target: weight tau; above: 1 - tau
    v_term = _np_expectile(u, tau) if critic_target == "iql" else u**2
    v_l = np.sum(w * v_term) / n
    assert np.any(u[w > 0] < 0) and np.any(u[w > 0] > 0)  # both sides of the asymmetry
    np.testing.assert_allclose(float(m[f"q{i}_loss"]), q_l, rtol=1e-5)
    np.testing.assert_allclose(float(m[f"v{i}_loss"]), v_l, rtol=1e-5)
    if critic_target == "sarsa":
      np.testing.assert_allclose(v_l, 2 * np.sum(w * _np_expectile(u, 0.5)) / n, rtol=1e-12)
    want += q_l + v_l
  np.testing.assert_allclose(float(loss), want, rtol=1e-5)
  np.testing.assert_allclose(float(m["critic_loss"]), want, rtol=1e-5)

  def const_targets(q):  # the same loss, its targets as constants
    es = toy_embed(q, jb["obs"], jb["obs_mask"])
    h = toy_heads(q, es, toy_embed(q, jb["act"], jb["act_mask"]))
    tot = 0.0
    for i in ("1", "2"):
      u = jnp.asarray(y_v, jnp.float32) - h["v" + i]
      v_term = losses.expectile_loss(u, tau) if critic_target == "iql" else u**2
      dq = h["q" + i] - jnp.asarray(y_q[i], jnp.float32)
      tot = tot + jnp.sum(jb["valid"] * (dq**2 + v_term)) / n
    return tot

  got = fast_jit(jax.grad(lambda q: loss_fn(q, tp, jb)[0]))(p)
  want_g = fast_jit(jax.grad(const_targets))(p)
  for x, y in zip(jax.tree.leaves(got), jax.tree.leaves(want_g), strict=True):
    np.testing.assert_allclose(np.asarray(x), np.asarray(y), rtol=1e-4, atol=1e-6)


def test_offline_critic_step_updates_the_target_by_polyak():
  from archer_jax.training.state import TrainState, make_optimizer

  rng = np.random.default_rng(3)
  batch = jax.tree.map(jnp.asarray, critic_batch(rng, valid=[1, 1, 1, 1]))
  tx = make_optimizer(1e-2, 1.0)
  p, tp = toy_critic_params(1), toy_critic_params(2)
  state = TrainState.create(p, tx)
  step = functools.partial(
    steps.critic_step,
    loss=offline_losses.offline_critic_loss,
    tx=tx,
    embed=toy_embed,
    heads=toy_heads,
    gamma=0.9,
    tau=0.25,
    num_micro=2,
  )
  new, target, m = fast_jit(step)(state, tp, batch)
  for t, t0, q in zip(*(jax.tree.leaves(x) for x in (target, tp, new.params)), strict=True):
    np.testing.assert_allclose(np.asarray(t), 0.75 * np.asarray(t0) + 0.25 * np.asarray(q))
  assert np.isfinite(float(m["critic_grad_norm"])) and float(m["critic_grad_norm"]) > 0


# ---- the actor ------------------------------------------------------------------------------
V = 11  # toy vocabulary: a bigram "LM" whose logits at a position are a row of a table


def toy_apply(p, tokens, positions, mask, seen=None):
  return {"logits": p["w"][tokens]}


def _np_logp(w, batch):
  """log pi(a_t | obs, a_<t) of each action token under the bigram table (float64): the
  token before a_t is the last observation token (t = 0) or a_{t-1}."""
  b, la = batch["act"].shape
  out = np.zeros((b, la))
  for i in range(b):
    prev = int(batch["obs"][i, -1])  # left-padded: the last slot is real
    for t in range(la):
      out[i, t] = log_softmax64(w[prev])[batch["act"][i, t]]
      prev = int(batch["act"][i, t])
  return out


def _actor_batch(rng, b=6, lo=5, la=4, valid=None):
  out = {}
  out["obs"], out["obs_mask"] = pad_rows(rng, rng.integers(1, lo + 1, b), lo, V, left=True)
  out["act"], out["act_mask"] = pad_rows(rng, rng.integers(1, la + 1, b), la, V, left=False)
  out["valid"] = np.asarray(valid if valid is not None else [1] * b, np.float32)
  return out


def test_awr_weights_are_clipped_exponentials():
  adv = np.array([-50.0, -1.0, 0.0, 0.5, 2.0, 3.0, 1e4], np.float32)
  for beta, cap in ((1.0, 20.0), (3.0, 5.0), (0.0, 2.0)):
    got = np.asarray(offline_losses.awr_weights(jnp.asarray(adv), beta, cap))
    with np.errstate(over="ignore"):
      want = np.minimum(np.exp(beta * adv.astype(np.float64)), cap)
    np.testing.assert_allclose(got, want, rtol=1e-6, atol=1e-30)  # exp(-150): 0 in float32
    assert np.all(np.isfinite(got)) and got.max() <= cap * (1 + 1e-6)
  got = np.asarray(offline_losses.awr_weights(jnp.asarray(adv), 1.0, 20.0))
  assert got[-1] == pytest.approx(20.0) and got[-2] == pytest.approx(20.0)  # e^3 > 20: clipped
  assert got[2] == 1.0


def test_awr_loss_matches_numpy_reference():
  """L = -(1/N_tok) sum_bt m_bt w_b log pi(a_bt | ...) over the dataset actions; w = 1 gives
  BC exactly; invalid rows count for nothing."""
  rng = np.random.default_rng(0)
  batch = _actor_batch(rng, valid=[1, 1, 0, 1, 1, 1])
  w = rng.random((V, V)) * 4
  weight = np.array([0.2, 3.0, 1e3, 1.0, 20.0, 0.5], np.float32)
  m = batch["act_mask"] * batch["valid"][:, None]
  n_tok = m.sum()
  logp = _np_logp(w, batch)
  p = {"w": jnp.asarray(w, jnp.float32)}
  jb = jax.tree.map(jnp.asarray, dict(batch, weight=weight))
  loss, metrics = offline_losses.awr_loss(p, jb, apply=toy_apply, num_tokens=float(n_tok))
  want = -np.sum(m * weight[:, None] * logp) / n_tok
  np.testing.assert_allclose(float(loss), want, rtol=1e-5)
  np.testing.assert_allclose(float(metrics["data_nll"]), -np.sum(m * logp) / n_tok, rtol=1e-5)
  ones = dict(jb, weight=jnp.ones(6))
  bc, _ = losses.bc_loss(p, jb, apply=toy_apply, num_tokens=float(n_tok))
  awr1, _ = offline_losses.awr_loss(p, ones, apply=toy_apply, num_tokens=float(n_tok))
  np.testing.assert_allclose(float(awr1), float(bc), rtol=1e-6)


def test_awr_step_weights_by_the_critic_advantage():
  """awr_step: A = min Q(s, a_data) - min V(s) under the online critic, w = min(exp(beta A),
  cap); its gradient is the weighted BC gradient."""
  from archer_jax.training.state import TrainState, make_optimizer

  rng = np.random.default_rng(1)
  actor = _actor_batch(rng, b=4)
  crit = critic_batch(rng, valid=[1, 1, 1, 1])
  cp = toy_critic_params(9)
  beta, cap = 2.0, 3.0
  pn = np_tree(cp)
  h = np_heads(
    pn, np_embed(pn, crit["obs"], crit["obs_mask"]), np_embed(pn, crit["act"], crit["act_mask"])
  )
  adv = np.minimum(h["q1"], h["q2"]) - np.minimum(h["v1"], h["v2"])
  w_np = np.minimum(np.exp(beta * adv), cap)
  tx = make_optimizer(1e-2, 1e9)
  p = {"w": jnp.asarray(rng.random((V, V)), jnp.float32)}
  batch = {
    "critic": {k: jnp.asarray(crit[k]) for k in ("obs", "obs_mask", "act", "act_mask")},
    "actor": jax.tree.map(jnp.asarray, actor),
  }
  step = functools.partial(
    offline_losses.awr_step,
    tx=tx,
    apply=toy_apply,
    embed=toy_embed,
    heads=toy_heads,
    beta=beta,
    max_weight=cap,
  )
  _, m = fast_jit(step)(TrainState.create(p, tx), cp, batch)
  np.testing.assert_allclose(float(m["advantage_mean"]), adv.mean(), rtol=1e-5)
  np.testing.assert_allclose(float(m["awr_weight_mean"]), w_np.mean(), rtol=1e-5)
  assert float(m["awr_clipped"]) == pytest.approx(np.mean(beta * adv >= np.log(cap)))
  n_tok = float(actor["act_mask"].sum())
  want = jax.grad(
    lambda q: offline_losses.awr_loss(
      q,
      dict(batch["actor"], weight=jnp.asarray(w_np, jnp.float32)),
      apply=toy_apply,
      num_tokens=n_tok,
    )[0]
  )(p)
  np.testing.assert_allclose(
    float(m["actor_grad_norm"]), float(jnp.linalg.norm(want["w"])), rtol=1e-5
  )


@pytest.mark.parametrize("bc_coef", [0.0, 0.5])
def test_reinforce_bc_loss_matches_numpy_reference(bc_coef):
  """L = -(1/B) sum_bt m_bt A_b log pi(a_pi_bt | ...)
  + bc_coef * (-(1/N_data) sum_bt m_bt log pi(a_data_bt | ...))."""
  rng = np.random.default_rng(2)
  pi = _actor_batch(rng, valid=[1, 0, 1, 1, 1, 1])
  pi["advantage"] = rng.normal(size=6).astype(np.float32)
  data = _actor_batch(rng)
  w = rng.random((V, V)) * 3
  m_pi = pi["act_mask"] * pi["valid"][:, None]
  m_d = data["act_mask"] * data["valid"][:, None]
  nb, n_tok, n_data = pi["valid"].sum(), m_pi.sum(), m_d.sum()
  loss, metrics = offline_losses.reinforce_bc_loss(
    {"w": jnp.asarray(w, jnp.float32)},
    jax.tree.map(jnp.asarray, {"pi": pi, "data": data}),
    apply=toy_apply,
    num_rows=float(nb),
    num_tokens=float(n_tok),
    num_data_tokens=float(n_data),
    bc_coef=bc_coef,
  )
  pg = -np.sum(m_pi * pi["advantage"][:, None] * _np_logp(w, pi)) / nb
  bc = -np.sum(m_d * _np_logp(w, data)) / n_data
  np.testing.assert_allclose(float(metrics["pg_loss"]), pg, rtol=1e-5)
  np.testing.assert_allclose(float(metrics["bc_loss"]), bc, rtol=1e-5)
  np.testing.assert_allclose(float(loss), pg + bc_coef * bc, rtol=1e-5)


# ---- filtered BC ------------------------------------------------------------------------------
def _np_top(returns, quantile):
  xs = sorted(float(r) for r in returns)
  pos = quantile * (len(xs) - 1)
  lo = int(np.floor(pos))
  hi = min(lo + 1, len(xs) - 1)
  thr = xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)
  return np.array([r >= thr for r in returns])


@pytest.mark.parametrize("quantile", [0.0, 0.5, 0.75, 0.9, 1.0])
def test_top_episodes_matches_reference_and_keeps_ties(quantile):
  rng = np.random.default_rng(int(quantile * 100))
  returns = rng.integers(-8, 1, size=37).astype(np.float32)  # many ties
  got = offline_losses.top_episodes(returns, quantile)
  np.testing.assert_array_equal(got, _np_top(returns, quantile))
  thr = np.quantile(returns.astype(np.float64), quantile)
  assert got[returns == thr].all()  # ties at the threshold kept
  ties = np.array([0, -1, -1, 0, -1, -1, -1, -1, -1, -1], np.float32)
  np.testing.assert_array_equal(offline_losses.top_episodes(ties, 0.9), ties == 0)


# ---- the dataset ------------------------------------------------------------------------------
SKILLS = (0.0, 0.2, 0.5, 0.8, 1.0)


def test_skill_mixture_dataset_is_deterministic_mixed_and_sized(tmp_path):
  """Episode i is the scripted player's at skills[i % 5] (the same episode as a batch of
  per-row players gives); two builds are identical; returns spread with the skill; the
  single-skill configs keep their names and descriptions."""
  from archer_jax.envs.play import play
  from archer_jax.envs.registry import make_env, make_player

  kw = {"words": "subset"}
  cfg = demos.demo_config(
    "twenty_questions", episodes=100, skills=SKILLS, seed=2, batch_size=32, env_kwargs=kw
  )
  assert cfg.name.startswith("twenty_questions-skills0+0.2+0.5+0.8+1-n100-seed2-b32")
  assert json.loads(cfg.description)["skills"] == "0,0.2,0.5,0.8,1"
  assert "skills" not in json.loads(demos.demo_config("twenty_questions").description)
  assert (
    cfg.name
    == demos.demo_config(
      "twenty_questions", episodes=100, skills="0,.2,.5,.8,1", seed=2, batch_size=32, env_kwargs=kw
    ).name
  )
  with pytest.raises(ValueError, match="skills must be numbers in"):
    demos.demo_config("twenty_questions", skills=[0.5, 1.5])
  got = demos.load_or_build(tmp_path / "a", cfg)
  again = demos.load_or_build(tmp_path / "b", cfg)
  tuples = lambda ts: [[dataclasses.astuple(u) for u in t.turns] for t in ts]
  assert len(got) == 100 and tuples(got) == tuples(again)
  # batch 1 (episodes 32..63) by hand: row i's player at skill SKILLS[(32 + i) % 5]
  ecfg = demos.env_config(cfg)
  env = make_env(ecfg, batch_size=32, seed=0)
  rows = iter(range(32, 64))
  want = play(env, lambda rng: make_player(ecfg, rng, skill=SKILLS[next(rows) % 5]), seed=2001)
  assert tuples(got[32:64]) == tuples(want)
  returns = np.array([t.episode_return for t in got])
  by_skill = [returns[k::5].mean() for k in range(5)]
  assert by_skill[0] < by_skill[2] < by_skill[4]  # worse players, lower returns
  assert returns.min() <= -12 and returns.max() >= -3 and returns.std() > 2


def test_offline_dataset_from_a_run_config_and_from_public_json(tmp_path):
  from test_datasets import _twenty_questions_sample

  c = load_config(f"{CONFIG}:tiny_iql_awr")
  cfg = demos.offline_config_from_run(c)
  assert cfg.name == (
    "twenty_questions-skills0+0.2+0.5+0.8+1-n1000-seed0-kw" + cfg.name.rsplit("-kw", 1)[1]
  )
  assert json.loads(cfg.env_kwargs) == {"words": "subset"}
  c.seed = 3  # runs over seeds share the dataset
  assert demos.offline_config_from_run(c).name == cfg.name
  path = tmp_path / "convos.json"
  path.write_text(json.dumps(_twenty_questions_sample()))
  c = smoke_config(tmp_path / "run", **{"offline.json_path": str(path), "offline.episodes": 0})
  c.env.max_turns = 20
  trajs = demos.offline_trajectories(c, c.workdir)
  assert [len(t) for t in trajs] == [3, 20, 2]
  assert (tmp_path / "run" / "datasets" / demos.DATASET_NAME).is_dir()


# ---- configs ------------------------------------------------------------------------------
@pytest.mark.parametrize("variant", VARIANTS)
def test_offline_variants_validate(variant):
  c = load_config(f"{CONFIG}:{variant}")
  validate(c)
  assert c.bc.steps == 0 and c.algo.name.startswith("offline_")


@pytest.mark.parametrize(
  "field,value,needle",
  [
    ("algo.critic_target", "td3", "config.algo.critic_target"),
    ("algo.actor_loss", "ppo", "config.algo.actor_loss"),
    ("algo.awr_max_weight", 0.0, "config.algo.awr_max_weight"),
    ("algo.bc_coef", -1.0, "config.algo.bc_coef"),
    ("offline.skills", [0.5, 2.0], "config.offline.skills"),
    ("offline.episodes", 0, "config.offline.episodes"),
    ("offline.json_path", "/no/such.json", "config.offline.json_path"),
    ("bc.to_buffer", True, "config.bc.to_buffer"),
  ],
)
def test_offline_config_errors_name_the_field(tmp_path, field, value, needle):
  c = smoke_config(tmp_path, **{field: value})
  if field == "bc.to_buffer":
    c.bc.steps = 4
  with pytest.raises(ConfigError, match=needle.replace(".", r"\.")):
    validate(c)


# ---- end to end ---------------------------------------------------------------------------------
ITERS = {"train.iterations": 2, "train.eval_every": 1}


@pytest.fixture(scope="module")
def offline_run(tmp_path_factory):
  """The offline smoke config, 2 iterations, with every env episode recorded."""
  from archer_jax.training import trainer as trainer_mod

  played = []
  real = trainer_mod.collect

  def spy(env, *a, **kw):
    played.append(env)
    return real(env, *a, **kw)

  def no_collect(self, it):
    raise AssertionError("an offline run collected episodes")

  mp = pytest.MonkeyPatch()
  mp.setattr(trainer_mod, "collect", spy)
  mp.setattr(trainer_mod.Trainer, "collect", no_collect)
  try:
    t = _run(smoke_config(tmp_path_factory.mktemp("offline") / "a", **ITERS))
  finally:
    mp.undo()
  return t, played, tmp_path_factory


def test_offline_run_steps_environments_only_to_evaluate(offline_run):
  t, played, _ = offline_run
  assert t.env is None and t.greedy_env is None
  assert played and all(env is t.eval_env for env in played)
  trajs = t.dataset()
  assert len(trajs) == t.config.offline.episodes
  assert len(t.buffer) == sum(len(x) for x in trajs)  # the whole buffer is the dataset
  hist = [json.loads(line) for line in open(t.metrics.path)]
  assert [h["phase"] for h in hist] == ["offline_archer"] * 2
  for h in hist:
    assert not {"train_return", "train_success", "turns"} & set(h)
    assert h["buffer_size"] == len(t.buffer) and np.isfinite(h["critic_loss"])
  assert np.isfinite(hist[-1]["actor_loss"]) and all(np.isfinite(h["eval_return"]) for h in hist)
  assert "actor_loss" not in hist[0]  # warmup_iters = 1


def test_offline_run_resumes_bit_identically(offline_run):
  full, _, factory = offline_run
  root = factory.mktemp("offline_resume")
  _run(smoke_config(root, **{**ITERS, "train.iterations": 1}))
  resumed = _run(smoke_config(root, **ITERS), resume=True)
  assert resumed._dataset is None  # the restored buffer already holds it
  _assert_same_run(full, resumed)


def test_offline_reinforce_bc_trains_end_to_end(tmp_path):
  """IQL + REINFORCE + BC: a_pi sampled from dataset states, the BC term on their actions."""
  c = smoke_config(
    tmp_path,
    **{
      "algo.actor_loss": "reinforce",
      "algo.bc_coef": 1.0,
      "algo.warmup_iters": 0,
      "train.iterations": 1,
      "train.eval_every": 0,
      "train.checkpoint_every": 0,
    },
  )
  t = _run(c)
  (h,) = [json.loads(line) for line in open(t.metrics.path)]
  assert np.isfinite(h["bc_loss"]) and np.isfinite(h["pg_loss"]) and np.isfinite(h["critic_loss"])
  assert h["actor_loss"] == pytest.approx(h["pg_loss"] + h["bc_loss"], rel=1e-5)
