"""End-to-end training: config validation, a short tiny run, bit-identical resume."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jax
import ml_collections
import numpy as np
import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from archer_jax.training.validate import ConfigError, override, validate  # noqa: E402
from configs import twenty_questions  # noqa: E402


def micro_config(tmp_path, **over):
  """The `smoke` config (seconds-long runs) with 96-token windows, in `tmp_path`."""
  c = twenty_questions.get_config("smoke")
  c.workdir = str(tmp_path / "run")
  c.actor.obs_len = c.critic.obs_len = 96
  for k, v in over.items():
    override(c, k, v)
  return c


@pytest.mark.parametrize(
  "field,value,needle",
  [
    ("actor.lr", -1e-3, "config.actor.lr"),
    ("critic.lr", 0.0, "config.critic.lr"),
    ("env.name", "chess", "config.env.name"),
    ("algo.micro_batches", 3, "config.algo.batch_size"),
    ("mesh", "3,1,1", "config.mesh"),
    ("algo.gamma", 1.5, "config.algo.gamma"),
    ("actor.model", "no-such-model", "config.actor.model"),
    ("algo.v_loss", "huber", "config.algo.v_loss"),
    ("train.greedy_rollouts", 4, "config.train.greedy_rollouts"),
    ("bc.seed", -2, "config.bc.seed"),
    ("actor.eval_average", 1.0, "config.actor.eval_average"),
    ("actor.lr_decay_steps", -5, "config.actor.lr_decay_steps"),
    ("actor.lr_end", 1.5, "config.actor.lr_end"),
    ("algo.unlikelihood_coef", -0.1, "config.algo.unlikelihood_coef"),
  ],
)
def test_bad_config_fails_naming_field(tmp_path, field, value, needle):
  c = micro_config(tmp_path, **{field: value})
  with pytest.raises(ConfigError, match=needle.replace(".", r"\.")):
    validate(c)


def test_bool_options_must_be_bools(tmp_path):
  c = micro_config(tmp_path)
  with pytest.raises(ConfigError, match=r"config\.bc\.reask"):
    override(c, "bc.reask", 1)  # from the command line
  c.bc = ml_collections.ConfigDict({**c.bc.to_dict(), "reask": "no"})  # from a config file
  with pytest.raises(ConfigError, match=r"config\.bc\.reask: must be True or False"):
    validate(c)
  c = micro_config(tmp_path)
  for flag in ("joint", "seen_tokens", "freeze_encoder"):
    c.critic = ml_collections.ConfigDict({**c.critic.to_dict(), flag: 1})
    with pytest.raises(ConfigError, match=rf"config\.critic\.{flag}: must be True or False"):
      validate(c)
    c.critic = ml_collections.ConfigDict({**c.critic.to_dict(), flag: False})
  validate(c)
  c.actor = ml_collections.ConfigDict({**c.actor.to_dict(), "seen_gate": "yes"})
  with pytest.raises(ConfigError, match=r"config\.actor\.seen_gate: must be True or False"):
    validate(c)


def test_override_of_unknown_field_names_it(tmp_path):
  c = micro_config(tmp_path)
  with pytest.raises(ConfigError, match=r"config\.algo\.no_such"):
    override(c, "algo.no_such.x", 1)
  override(c, "algo.gamma", 0.5)
  assert c.algo.gamma == 0.5


def test_batch_not_divisible_by_mesh(tmp_path):
  c = micro_config(tmp_path)
  c.algo.batch_size = 6
  c.algo.micro_batches = 1
  with pytest.raises(ConfigError, match="data\\*fsdp"):
    validate(c, num_devices=4)


def test_bc_batch_not_divisible_by_mesh(tmp_path):
  c = micro_config(tmp_path)
  c.algo.batch_size, c.algo.micro_batches = 8, 1
  c.bc.batch_size = 6  # each of the 4 batch shards takes an equal block of a BC batch
  with pytest.raises(ConfigError, match=r"config\.bc\.batch_size.*data\*fsdp = 4"):
    validate(c, num_devices=4)


def test_cli_rejects_bad_value_before_compute(tmp_path):
  r = subprocess.run(
    [
      sys.executable,
      "-m",
      "archer_jax.train",
      "--config",
      "configs/twenty_questions.py:tiny",
      "--config.actor.lr=-1",
      "--workdir",
      str(tmp_path / "w"),
    ],
    cwd=REPO,
    capture_output=True,
    text=True,
    timeout=120,
  )
  assert r.returncode != 0
  assert "config.actor.lr" in r.stderr + r.stdout
  assert not (tmp_path / "w" / "checkpoints").exists()


def _leaves(tree):
  return [np.asarray(x) for x in jax.tree.leaves(jax.device_get(tree))]


def _run(cfg, resume=False):
  from archer_jax.training.trainer import Trainer

  t = Trainer(cfg, resume=resume, progress=False)
  t.run()
  return t


def _phase_lines(text: str) -> dict:
  """ "[it 2/3] critic: 2/2 steps in 0.1 s" lines -> {("it 2/3", "critic"): count}."""
  import collections
  import re

  found = collections.Counter()
  for m in re.finditer(r"^\[([^\]]+)\] ([a-z_ ]+): ", text, flags=re.M):
    found[(m.group(1), m.group(2))] += 1
  return found


def test_tiny_run_logs_and_resume_is_bit_identical(tmp_path, capsys):
  from archer_jax.training.trainer import Trainer

  # the lr decays over the run's 2 actor updates; the actor's loss has tiny's unlikelihood term
  decay = {"actor.lr_decay_steps": 2, "algo.unlikelihood_coef": 1.0}
  full = _run(micro_config(tmp_path / "a", **decay))
  # progress off: one line per phase per iteration, and the time-to-go estimates
  out = capsys.readouterr().out
  lines = _phase_lines(out)
  assert lines[("warm start", "bc")] == 1 and lines[("warm start", "eval")] == 1
  for i in (1, 2, 3):
    it = f"it {i}/3"
    expect = {
      "collect": 1,
      "a_pi": 1,
      "critic": 1,
      "checkpoint": 1,
      "actor": int(i > 1),
      "eval": int(i > 1),
    }  # warm-up 1, eval_every 2 + last
    assert {k: lines[(it, k)] for k in expect} == expect, (it, out)
  assert "[it 1/3] critic: 2/2 steps in " in out and "[it 1/3] collect: " in out
  assert out.count("[it 1/3] iteration took ") == 1 and "to go for 2 more" in out
  assert out.count("[it 2/3] iteration took ") == 1 and "to go for 1 more" in out
  hist = [json.loads(line) for line in open(full.metrics.path)]
  assert [h["iteration"] for h in hist] == [0, 1, 2, 3]
  assert hist[0]["phase"] == "bc" and "eval_return" in hist[0]
  assert all(np.isfinite(h["critic_loss"]) for h in hist[1:])
  assert "actor_loss" in hist[2] and "actor_loss" not in hist[1]  # warm-up of 1 iteration
  assert hist[2]["unlikelihood"] > 0 and np.isfinite(hist[3]["unlikelihood"])
  assert os.path.getsize(os.path.join(full.workdir, "training.png")) > 1000

  # interrupted after 2 iterations, then resumed to 3
  part_cfg = micro_config(tmp_path / "b", **decay)
  part_cfg.train.iterations = 2
  _run(part_cfg)
  resumed_cfg = micro_config(tmp_path / "b", **decay)
  resumed = _run(resumed_cfg, resume=True)
  _assert_same_run(full, resumed)

  with pytest.raises(FileExistsError):
    Trainer(micro_config(tmp_path / "a"), progress=False)

  # a crash right after the warm start: its checkpoint (step 0) spares the BC on resume
  warm = Trainer(micro_config(tmp_path / "c", **decay), progress=False)
  warm.warm_start()
  assert warm.ckpt.latest_step() == 0
  _assert_same_run(full, _run(micro_config(tmp_path / "c", **decay), resume=True))


def test_eval_average_is_a_polyak_average_and_resumes_bit_identically(tmp_path):
  """actor.eval_average = d: the average starts at the BC weights, takes each iteration's
  weights as avg <- d avg + (1 - d) params (float64 numpy reference), evaluation runs it
  (not the live weights), training is unchanged, and it resumes bit for bit."""
  from archer_jax.training.trainer import Trainer

  d = 0.75
  cfg = micro_config(tmp_path / "a", **{"actor.eval_average": d, "train.iterations": 2})
  t = Trainer(cfg, progress=False)
  assert t.state.avg and set(t.state.avg) == set(t.state.actor.params)
  t.warm_start()
  seen = [_leaves(t.state.actor.params)]  # the BC weights, the average's start
  assert all((a == b).all() for a, b in zip(_leaves(t.state.avg), seen[0], strict=True))
  update = t.algorithm.update

  def recording(state, buffer, it):
    state, m = update(state, buffer, it)
    seen.append(_leaves(state.actor.params))
    return state, m

  t.algorithm.update = recording
  acted = []
  act = t.algorithm.act

  def recording_act(state, key, greedy):
    acted.append((greedy, _leaves(state.actor.params)))
    return act(state, key, greedy)

  t.algorithm.act = recording_act
  t.run()
  ref = [x.astype(np.float64) for x in seen[0]]
  for p in seen[1:]:
    ref = [d * r + (1 - d) * x.astype(np.float64) for r, x in zip(ref, p, strict=True)]
  avg = _leaves(t.state.avg)
  assert max(float(np.abs(a - r).max()) for a, r in zip(avg, ref, strict=True)) < 1e-6
  assert any(not np.array_equal(a, p) for a, p in zip(avg, seen[-1], strict=True))
  # the last evaluation (greedy) acted with the average, collection with the live weights
  greedy = [p for g, p in acted if g]
  assert all(np.array_equal(a, b) for a, b in zip(greedy[-1], avg, strict=True))
  sampled = [p for g, p in acted if not g]  # iteration 2's collection: iteration 1's weights
  assert all(np.array_equal(a, b) for a, b in zip(sampled[-1], seen[-2], strict=True))
  # training itself is the run without an average
  plain = _run(micro_config(tmp_path / "b", **{"train.iterations": 2}))
  assert all(
    np.array_equal(a, b) for a, b in zip(_leaves(plain.state.actor.params), seen[-1], strict=True)
  )
  # interrupted after 1 iteration and resumed: the same average
  part = micro_config(tmp_path / "c", **{"actor.eval_average": d, "train.iterations": 1})
  _run(part)
  again = micro_config(tmp_path / "c", **{"actor.eval_average": d, "train.iterations": 2})
  resumed = _run(again, resume=True)
  assert all(np.array_equal(a, b) for a, b in zip(_leaves(resumed.state.avg), avg, strict=True))


def test_warm_start_cache_is_shared_and_bit_identical(tmp_path, monkeypatch, caplog):
  """bc.cache_dir: the first run stores its BC weights, a second run with the same warm start
  loads them instead of training (BC steps made to fail) with an identical run, and so does a
  run with a token-level value head (BC leaves the head at its init); another seed misses
  unless it sets bc.seed to the first one's; a damaged entry is recomputed with a warning."""
  from archer_jax.algorithms import compiled
  from archer_jax.training import warm_cache

  cache = str(tmp_path / "cache")
  over = {"train.iterations": 1, "train.eval_every": 1}
  plain = _run(micro_config(tmp_path / "a", **over))
  headed = {**over, "algo.baseline": True}
  plain_headed = _run(micro_config(tmp_path / "ah", **headed))
  stored = _run(micro_config(tmp_path / "b", **over, **{"bc.cache_dir": cache}))
  _assert_same_run(plain, stored)
  (entry,) = os.listdir(cache)

  def no_bc(*a, **k):
    raise AssertionError("the warm start was trained, not loaded")

  monkeypatch.setattr(compiled, "bc_update", no_bc)
  loaded = _run(micro_config(tmp_path / "c", **over, **{"bc.cache_dir": cache}))
  _assert_same_run(plain, loaded)
  loaded_headed = _run(micro_config(tmp_path / "ch", **headed, **{"bc.cache_dir": cache}))
  assert "value" in loaded_headed.state.actor.params
  _assert_same_run(plain_headed, loaded_headed)
  assert os.listdir(cache) == [entry]
  with pytest.raises(AssertionError, match="trained, not loaded"):  # another seed: a miss
    _run(micro_config(tmp_path / "d", **over, **{"bc.cache_dir": cache, "seed": 1}))
  # seed 1 from seed 0's warm start (bc.seed): a hit, with its own critic and episodes
  shared = {**over, "bc.cache_dir": cache, "seed": 1, "bc.seed": 0}
  other = _run(micro_config(tmp_path / "e", **shared))
  assert os.listdir(cache) == [entry]
  assert any(
    not np.array_equal(x, y)
    for x, y in zip(
      _leaves(plain.state.critic.params), _leaves(other.state.critic.params), strict=True
    )
  )

  path = os.path.join(cache, entry)
  blob = bytearray(open(path, "rb").read())
  blob[-5] ^= 0xFF
  open(path, "wb").write(bytes(blob))
  like = loaded.state.actor.params
  assert warm_cache.load(cache, entry[3:-8], like) is None
  assert "ignoring unreadable warm start" in caplog.text


def test_warm_start_key_ignores_the_rl_learning_rate(tmp_path):
  """The RL actor lr (and its schedule) and the sampling temperature do not change the BC
  weights when bc.lr is set (a sweep over them shares one warm start); the lr does when BC
  falls back to it (bc.lr = 0), as does any BC setting."""
  from archer_jax.training import warm_cache

  data, params = {"x": np.arange(6)}, {"lm": {"w": np.ones((2, 3), np.float32)}}
  key = lambda **o: warm_cache.key(micro_config(tmp_path, **o), data, params)
  assert key() == key(**{"actor.lr": 3e-5})
  assert key() == key(**{"actor.temperature": 0.7, "actor.lr_decay_steps": 10})
  assert key(**{"bc.lr": 0.0}) != key(**{"bc.lr": 0.0, "actor.lr": 3e-5})
  assert key() != key(**{"bc.lr": 1e-3}) and key() != key(**{"actor.obs_len": 64})


def _assert_same_run(full, resumed):
  """Every array of the resumed run (states, target, buffer) and every logged metric equal the
  uninterrupted run's."""
  assert resumed.iteration == full.iteration
  for name in ("actor", "critic", "target", "ref", "iteration", "bc_done"):
    a, b = getattr(full.state, name), getattr(resumed.state, name)
    assert jax.tree.structure(a) == jax.tree.structure(b), name
    for x, y in zip(_leaves(a), _leaves(b), strict=True):
      np.testing.assert_array_equal(x, y)
  for k in full.buffer.data:
    np.testing.assert_array_equal(full.buffer.data[k], resumed.buffer.data[k])
  h_full = [json.loads(line) for line in open(full.metrics.path)]
  h_res = [json.loads(line) for line in open(resumed.metrics.path)]
  strip = lambda h: {k: v for k, v in h.items() if k != "seconds"}
  assert [strip(h) for h in h_full] == [strip(h) for h in h_res]


def test_resume_with_frozen_encoder_is_bit_identical(tmp_path):
  """critic.freeze_encoder: the feature cache starts empty after a resume; the features it
  recomputes (and those saved in the buffer rows) give the same run."""
  over = {"critic.freeze_encoder": True, "critic.joint": True, "critic.feature_chunk": 8}
  full = _run(micro_config(tmp_path / "a", **over))
  assert "act_feat" in full.buffer.data
  _run(micro_config(tmp_path / "b", **over, **{"train.iterations": 2}))
  resumed = _run(micro_config(tmp_path / "b", **over), resume=True)
  assert len(resumed.ctx.batches.features) < len(full.ctx.batches.features)
  _assert_same_run(full, resumed)


@pytest.mark.parametrize(
  "spec",
  [
    "configs/twenty_questions.py:tiny",
    "configs/twenty_questions.py:paper",
    "configs/twenty_questions.py:tiny_minilm",
    "configs/twenty_questions.py:tiny_baseline",
    "configs/twenty_questions.py:tiny_chai",
    "configs/twenty_questions.py:tiny_filtered_bc",
    "configs/twenty_questions.py:smollm2",
    "configs/twenty_questions_subset.py:paper",
    "configs/twenty_questions_subset.py:smollm2",
    "configs/twenty_questions_subset.py:mistral7b_20q_subset",
    "configs/guess_my_city.py:paper",
    "configs/guess_my_city.py:tiny",
    "configs/detective.py:paper",
    "configs/webshop.py:smollm2",
  ],
)
def test_every_config_variant_builds(spec):
  from archer_jax.training.validate import load_config

  c = load_config(str(REPO / spec))
  assert c.env.name in spec.split("/")[1].split(".")[0] or c.env.name == "twenty_questions"
  assert c.actor.model and c.critic.model


def test_unknown_variant_is_rejected():
  from archer_jax.training.validate import load_config

  with pytest.raises(ValueError, match="unknown variant"):
    load_config(str(REPO / "configs/webshop.py:huge"))


def test_from_trajectories_matches_the_recorded_turns():
  from archer_jax.data.tokenizer import train_bpe
  from archer_jax.envs.play import play
  from archer_jax.envs.registry import make_env, make_player
  from archer_jax.training.rollout import IncrementalEncoder, from_trajectories

  c = twenty_questions.get_config("tiny")
  env = make_env(c.env, batch_size=4, seed=0)
  trajs = play(env, lambda rng: make_player(c.env, rng, skill=0.5), seed=3)
  tok = train_bpe([t.turns[-1].next_observation for t in trajs] * 4, 300)
  enc = IncrementalEncoder(tok)
  roll = from_trajectories(trajs, enc, "\n")
  turns = [u for t in trajs for u in t.turns]
  assert roll.num_turns == len(turns) == len(roll.obs_ids)
  for i, u in enumerate(turns):
    assert tok.decode(roll.obs_ids[i]) == u.observation
    assert tok.decode(roll.next_obs_ids[i]) == u.next_observation
    assert tok.decode(roll.act_ids[i]) == u.action + "\n"
    assert roll.reward[i] == u.reward and roll.done[i] == u.done
  np.testing.assert_array_equal(roll.episode_returns, [t.episode_return for t in trajs])
  assert roll.done.sum() == len(trajs)


def test_demonstrations_seed_the_buffer_and_warm_start_the_critic(tmp_path):
  """bc.to_buffer puts every demonstration turn in the replay buffer; bc.critic_steps runs
  critic updates before iteration 1 (their losses are logged with the BC record); the
  same demonstrations come from a public-format JSON file via bc.json_path."""
  from archer_jax.training.trainer import Trainer

  cfg = micro_config(
    tmp_path / "a", **{"bc.to_buffer": True, "bc.critic_steps": 2, "train.iterations": 1}
  )
  t = Trainer(cfg, progress=False)
  t.warm_start()
  demos = t.demonstrations()[: cfg.bc.episodes]
  assert len(t.buffer) == sum(len(d) for d in demos) > 0
  assert t.history[0]["phase"] == "bc" and np.isfinite(t.history[0]["critic_loss"])
  assert np.isclose(
    t.buffer.data["reward"][: len(t.buffer)].sum(), sum(d.episode_return for d in demos)
  )
  # the same episodes written in the LMRL-Gym 20Q format and read back through the config
  path = tmp_path / "demos.json"
  path.write_text(
    json.dumps(
      [
        {
          "lines": [u.next_observation.rstrip("\n").split("\n")[-1] for u in d.turns],
          "correct": bool(d.info.get("won")),
          "word": [d.info["word"]],
        }
        for d in demos
      ]
    )
  )
  cfg2 = micro_config(
    tmp_path / "b", **{"bc.json_path": str(path), "bc.to_buffer": True, "train.iterations": 1}
  )
  t2 = Trainer(cfg2, progress=False)
  loaded = t2.demonstrations()
  assert [u.action for d in loaded for u in d.turns] == [u.action for d in demos for u in d.turns]
  assert [d.episode_return for d in loaded] == [d.episode_return for d in demos]
  cfg3 = micro_config(tmp_path / "c", **{"bc.json_path": str(tmp_path / "missing.json")})
  with pytest.raises(ConfigError, match=r"config\.bc\.json_path"):
    validate(cfg3)


def test_evaluation_visits_every_task_equally(tmp_path, monkeypatch):
  """Greedy / sampled evaluation plays fixed episodes (the same for every training seed)
  that cycle through the env's finite task set, so every word weighs the same."""
  from archer_jax.training import trainer as trainer_mod

  seen = []
  real = trainer_mod.collect

  def spy(env, gen, enc, seeds=None, indices=None, **kw):
    roll = real(env, gen, enc, seeds=seeds, indices=indices, **kw)
    seen.append((list(seeds), list(indices), list(env.secret_words)))
    return roll

  monkeypatch.setattr(trainer_mod, "collect", spy)
  runs = []
  for seed in (0, 1):
    cfg = micro_config(tmp_path / f"s{seed}", **{"train.eval_episodes": 20, "seed": seed})
    t = trainer_mod.Trainer(cfg, progress=False)
    t.evaluate()
    runs.append(seen.pop())
  (seeds0, idx0, words0), (seeds1, idx1, words1) = runs
  n = t.eval_env.num_tasks
  assert n == 10 and idx0 == [i % n for i in range(20)]
  assert sorted(set(words0)) == sorted(w.name for w in t.eval_env.words)
  assert words0.count(words0[0]) == 2
  assert (seeds0, idx0, words0) == (seeds1, idx1, words1)


def test_greedy_rollouts_mix_into_the_buffer(tmp_path):
  """train.greedy_rollouts: the last n of the rollout_size episodes are decoded greedily
  (same seeds as a plain greedy collect), and all episodes' transitions enter the buffer."""
  from archer_jax.training import trainer as trainer_mod

  cfg = micro_config(tmp_path, **{"train.greedy_rollouts": 1})
  t = trainer_mod.Trainer(cfg, progress=False)
  roll, greedy = t.collect(0)
  assert len(roll.episode_returns) == 3 and len(greedy.episode_returns) == 1
  assert len(t.buffer) == roll.num_turns + greedy.num_turns == len(roll.reward) + len(greedy.reward)
  np.testing.assert_array_equal(
    t.buffer.data["reward"][: len(t.buffer)], np.concatenate([roll.reward, greedy.reward])
  )
  _, rng = t.ctx.streams(0, 1)
  seeds = rng.integers(0, 2**31 - 1, size=cfg.train.rollout_size)
  gen = t.ctx.policy.generate_fn(t.state.actor.params, jax.random.PRNGKey(123), greedy=True)
  again = trainer_mod.collect(t.greedy_env, gen, t.tokenizers.actor_encoder, seeds=seeds[3:])
  assert again.act_text == greedy.act_text and again.obs_text == greedy.obs_text


def test_frozen_critic_encoder_trains_heads_on_cached_features(tmp_path):
  """critic.freeze_encoder: buffer rows and a_pi samples carry emb(s), emb(s'), emb_a(s, a)
  computed once by the encoder; critic steps move only the heads, and advantages from the
  cached features equal those of the live encoder on the ids."""
  from archer_jax.algorithms import compiled, steps
  from archer_jax.algorithms.networks import DoubleCritic
  from archer_jax.training import trainer as trainer_mod

  cfg = micro_config(tmp_path, **{"critic.freeze_encoder": True, "critic.feature_chunk": 8})
  t = trainer_mod.Trainer(cfg, progress=False)
  t.collect(0)
  n = len(t.buffer)
  rows = {k: v[:n] for k, v in t.buffer.data.items()}
  p0 = jax.tree.map(np.array, t.state.critic.params)
  net, params = t.nets.critic_net, {"params": p0}
  live_s = net.apply(params, rows["next_obs"], rows["next_obs_mask"], method=DoubleCritic.embed)
  live_a = net.apply(
    params,
    rows["obs"],
    rows["obs_mask"],
    rows["act"],
    rows["act_mask"],
    method=DoubleCritic.embed_action,
  )
  np.testing.assert_allclose(rows["next_obs_feat"], live_s, rtol=1e-5, atol=1e-5)
  np.testing.assert_allclose(rows["act_feat"], live_a, rtol=1e-5, atol=1e-5)

  t.state, _ = t.algorithm.critic_phase(t.state, t.buffer, 0, 2, cfg.algo.critic_steps)
  p1 = jax.tree.map(np.array, t.state.critic.params)
  for x, y in zip(jax.tree.leaves(p0["encoder"]), jax.tree.leaves(p1["encoder"]), strict=True):
    np.testing.assert_array_equal(x, y)
  assert any(
    not np.array_equal(x, y)
    for x, y in zip(jax.tree.leaves(p0["q1"]), jax.tree.leaves(p1["q1"]), strict=True)
  )

  batch = t.buffer.sample(np.random.default_rng(0), 8)
  batch.update(t.ctx.sample_pi(t.state, jax.random.PRNGKey(3), batch))
  embed, heads, embed_act = compiled.critic_fns(t.nets)
  cb = t.ctx.batches.critic_batch(batch)
  cached = np.asarray(
    steps.advantages(
      t.state.critic.params,
      cb["obs"],
      cb["obs_mask"],
      cb["pi_act"],
      cb["pi_act_mask"],
      embed=embed,
      heads=heads,
      embed_act=embed_act,
    )
  )
  params = {"params": p1}
  es = net.apply(params, batch["obs"], batch["obs_mask"], method=DoubleCritic.embed)
  ea = net.apply(
    params,
    batch["obs"],
    batch["obs_mask"],
    batch["pi_act"],
    batch["pi_act_mask"],
    method=DoubleCritic.embed_action,
  )
  h = net.apply(params, es, ea, method=DoubleCritic.heads)
  live = np.minimum(h["q1"], h["q2"]) - np.minimum(h["v1"], h["v2"])
  np.testing.assert_allclose(cached, live, rtol=1e-4, atol=1e-5)


def test_trainer_closes_its_envs_and_checkpoints(tmp_path, monkeypatch):
  """`with Trainer(...)` closes every env it built and its checkpoint manager on the way out;
  a Trainer whose construction fails closes the envs it had already started."""
  from archer_jax.envs.base import BatchedEnv
  from archer_jax.training.checkpointing import Checkpointer
  from archer_jax.training.trainer import Trainer

  made, closed = [], []
  real_make, real_close = Trainer._make_env, Checkpointer.close
  monkeypatch.setattr(Trainer, "_make_env", lambda *a: made.append(real_make(*a)) or made[-1])
  monkeypatch.setattr(BatchedEnv, "close", lambda self: closed.append(self))
  monkeypatch.setattr(Checkpointer, "close", lambda self: closed.append(self) or real_close(self))
  cfg = micro_config(tmp_path, **{"train.greedy_rollouts": 1})
  with Trainer(cfg, progress=False) as t:
    built = [t.env, t.greedy_env, t.eval_env, t.ckpt]
    assert made == built[:3] and t.ckpt is not None
    closed.clear()  # (the demonstrations' own env closes itself)
    t.save()
  assert closed == built and t.env is t.eval_env is t.ckpt is None
  t.close()  # a second close does nothing
  assert len(closed) == 4
  made.clear()
  closed.clear()
  with pytest.raises(FileExistsError, match="--resume"):
    Trainer(cfg, progress=False)  # the checkpoint above is there: no silent overwrite
  assert len(made) == 3 and all(any(e is x for x in closed) for e in made)
  assert isinstance(closed[-1], Checkpointer)

  def broken(self):  # an env whose close fails: the others and the checkpoints still close
    closed.append(self)
    if self is built[0]:
      raise RuntimeError("interpreter gone")

  monkeypatch.setattr(BatchedEnv, "close", broken)
  t = Trainer(micro_config(tmp_path / "b"), progress=False)
  built = [t.env, t.eval_env, t.ckpt]
  closed.clear()
  with pytest.raises(RuntimeError, match="interpreter gone"):
    t.close()
  assert closed == built


def test_seen_tokens_critic_trains_and_needs_two_token_types(tmp_path):
  """critic.seen_tokens=True: a smoke iteration trains the critic (finite losses); a critic
  encoder with one token type (RoBERTa's) is refused, naming the option."""
  from archer_jax.training.trainer import Trainer

  c = micro_config(tmp_path, **{"critic.seen_tokens": True, "train.iterations": 1})
  with Trainer(c, progress=False) as t:
    assert t.nets.critic_net.seen
    t.run()
    last = t.history[-1]
  assert np.isfinite(last["critic_loss"]) and np.isfinite(last["q1_mean"])
  c = micro_config(tmp_path / "one_type", **{"critic.seen_tokens": True})
  c.critic.scratch = dict(c.critic.scratch, type_vocab_size=1)
  with pytest.raises(ConfigError, match=r"config\.critic\.seen_tokens: .* 1 token type"):
    Trainer(c, progress=False)


def test_seen_gate_actor_learns_its_gate_and_needs_a_scratch_actor(tmp_path):
  """actor.seen_gate=True with attend_len (the layers read the last 48 of 96 observation
  tokens), seen_bias and the unlikelihood term: a smoke run (BC warm start, two iterations)
  trains the gate and the per-id bias, zero at init and non-zero after, reports the actor's
  unlikelihood and evaluates; validate refuses the gate for a pretrained actor, the bias
  without the gate, attend_len without the gate, above obs_len or below 0, and the
  unlikelihood term for an algorithm without a policy-gradient loss."""
  from archer_jax.training.trainer import Trainer

  over = {"actor.seen_gate": True, "actor.attend_len": 48, "train.iterations": 2}
  c = micro_config(tmp_path, **over, **{"actor.seen_bias": True, "algo.unlikelihood_coef": 1.0})
  with Trainer(c, progress=False) as t:
    assert t.nets.actor_cfg.seen_gate and t.nets.actor_cfg.attend_len == 48
    assert t.nets.actor_cfg.seen_bias
    lm = t.state.actor.params["lm"]
    gate, bias = jax.device_get((lm["gate"], lm["seen_bias"]))
    assert not np.any(gate["kernel"]) and not np.any(gate["bias"]) and not np.any(bias)
    t.run()
    last = t.history[-1]
    lm = t.state.actor.params["lm"]
    gate, bias = jax.device_get((lm["gate"], lm["seen_bias"]))
  assert np.abs(gate["kernel"]).max() > 0 and np.isfinite(last["eval_return"])
  assert bias.shape == (c.tokenizer.vocab_size,) and np.abs(bias).max() > 0
  assert np.isfinite(last["unlikelihood"]) and last["unlikelihood"] > 0
  for algo in ("ppo", "filtered_bc", "chai"):
    with pytest.raises(ConfigError, match=r"config\.algo\.unlikelihood_coef: " + algo):
      validate(micro_config(tmp_path / algo, **{"algo.name": algo, "algo.unlikelihood_coef": 1.0}))
  with pytest.raises(ConfigError, match=r"config\.actor\.seen_bias: needs actor\.seen_gate"):
    nogate = {"actor.seen_gate": False, "actor.seen_bias": True}
    validate(micro_config(tmp_path / "nogate", **nogate))
  c = micro_config(tmp_path / "pretrained", **{"actor.seen_gate": True})
  c.actor.model = "smollm2-135m-instruct"
  with pytest.raises(ConfigError, match=r"config\.actor\.seen_gate: needs a scratch actor"):
    validate(c)
  for bad, needle in (
    ({"actor.seen_gate": False, "actor.attend_len": 48}, "needs actor.seen_gate=True"),
    ({"actor.seen_gate": True, "actor.attend_len": 97}, "at most actor.obs_len=96"),
    ({"actor.seen_gate": True, "actor.attend_len": -1}, "must be an int >= 0"),
  ):
    with pytest.raises(ConfigError, match=r"config\.actor\.attend_len: .*" + needle):
      validate(micro_config(tmp_path / "bad", **bad))
