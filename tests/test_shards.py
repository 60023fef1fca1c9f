"""Host data by batch shard (`parallel.shards`): the shard-major layout, local rows in and
out of global arrays, the agreed reductions, per-shard streams and step slices, and sampling
from per-shard prompt blocks (`Sampler.generate_sharded`) and batch-sharded play
(`rollout.collect(..., shards=...)`), on a 4-device mesh with data x
fsdp = 4 shards. The device count is fixed when jax starts, so the checks run in a
subprocess that prints one JSON line."""

from __future__ import annotations

import json
import os

import numpy as np
import pytest
from _helpers import run_on_cpu_devices

CHILD = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
import flax.linen as nn, jax, numpy as np
from test_generation import make_tokenizer, prompts, tiny_model, N
from archer_jax.generation import Sampler
from archer_jax.parallel.mesh import RULES, make_mesh
from archer_jax.parallel.shards import Shards
from archer_jax.training.rl_state import shard_rngs

out = {}
mesh = make_mesh((2, 2, 1))
sh = Shards(mesh)
out["count"], out["local"] = sh.count, list(sh.local)
out["blocks"] = [[sh.block(10, s).start, sh.block(10, s).stop] for s in range(4)]
out["of_episodes"] = sh.of_episodes(np.arange(10), 10).tolist()
x = np.arange(8 * 3).reshape(8, 3)
g = sh.put(x)
out["put_shards"] = sorted((int(s.index[0].start), np.asarray(s.data).tolist())
                           for s in g.addressable_shards)
out["fetch"] = sh.fetch(g).tolist()
out["max"] = sh.max([3, 9, 1, 4])
out["max2"] = sh.max(np.array([[3, 1], [9, 0], [1, 7], [4, 2]]))
parts = [np.array([1.0]), np.array([]), np.array([2.0, 3.0]), np.array([4.0])]
out["gather"] = [b.tolist() for b in sh.gather(parts)]
rngs = shard_rngs(5, 2, 7, sh)
out["rng"] = [int(r.integers(0, 1 << 30)) for r in rngs]
out["rng_ref"] = [int(np.random.default_rng([5, 2, 7, s]).integers(0, 1 << 30)) for s in range(4)]

cfg, params, _ = tiny_model("llama")
s = Sampler(cfg, make_tokenizer(), max_new_tokens=N, prompt_buckets=(8, 16), batch_buckets=(4, 8))
blocks = [prompts((3, 9, 6), seed=1), prompts((5,), seed=2), [], prompts((12, 2), seed=3)]
with jax.sharding.set_mesh(mesh), nn.logical_axis_rules(RULES):
  r = s.generate_sharded(params, blocks, jax.random.PRNGKey(0), sh, greedy=True)
  flat = [p for b in blocks for p in b]
  ref = s.generate(params, flat, jax.random.PRNGKey(0), greedy=True)
  again = s.generate_sharded(params, blocks, jax.random.PRNGKey(1), sh)
  again2 = s.generate_sharded(params, blocks, jax.random.PRNGKey(1), sh)
out["greedy"] = r.tokens.tolist()
out["greedy_ref"] = ref.tokens.tolist()
out["lengths"], out["lengths_ref"] = r.lengths.tolist(), ref.lengths.tolist()
out["texts"], out["texts_ref"] = r.texts, ref.texts
out["lp_err"] = float(np.abs(r.logprobs - ref.logprobs).max())
out["sampled_same"] = again.tokens.tolist() == again2.tokens.tolist()
out["rows"] = len(again.lengths)

# batch-sharded play: 10 episodes over the 4 shards, each shard's rows given as its own list;
# the same episodes as unsharded play, and every call has one list per shard
from archer_jax.envs.twenty_questions.env import TwentyQuestionsSubsetEnv
from archer_jax.training.rollout import IncrementalEncoder, collect

class Tok:
  def __call__(self, text, add_special_tokens=False):
    return {"input_ids": [ord(c) % 97 for c in text]}

GUESS = ["Is it a dog?", "Is it a piano?", "Is it an animal?", "Is it a truck?"]

def guess(ob):  # a deterministic policy of the observation: one guess per turn so far
  return GUESS[ob.count("\n") % len(GUESS)]

calls = []
def flat_gen(prompts, texts):
  return [list(p[-2:]) for p in prompts], [guess(t) for t in texts]
def block_gen(blocks, texts):
  calls.append([len(b) for b in blocks])
  return ([list(p[-2:]) for b in blocks for p in b], [guess(t) for b in texts for t in b])

seeds = np.arange(10) + 100
enc = IncrementalEncoder(Tok())
ref = collect(TwentyQuestionsSubsetEnv(10, max_turns=6), flat_gen, enc, seeds=seeds)
mine = sh.local_rows(10)
got = collect(TwentyQuestionsSubsetEnv(10, max_turns=6), block_gen, enc, seeds=seeds[mine],
              shards=sh, shard=sh.of_episodes(mine, 10))
out["play_same"] = all(getattr(ref, f) == getattr(got, f) for f in
                       ("obs_text", "act_text", "next_obs_text", "act_ids"))
out["play_arrays"] = all(np.array_equal(getattr(ref, f), getattr(got, f)) for f in
                         ("reward", "done", "episode", "episode_returns"))
out["play_shard"] = got.episode_shard.tolist()
out["play_calls"] = calls
out["play_lengths"] = np.bincount(ref.episode, minlength=10).tolist()
from archer_jax.training.rollout import episode_stats, turn_shards
r, w, n = episode_stats(got, sh)
out["stats_same"] = (r.tolist() == ref.episode_returns.tolist()
                     and w.tolist() == ref.episode_success.tolist() and n == ref.num_turns)
out["turn_shards"] = turn_shards(got, sh).tolist() == turn_shards(ref, sh).tolist()

# fewer episodes than shards: one error naming the field, before anything is built
import os, tempfile
sys.path.insert(0, os.getcwd())
from configs.twenty_questions import get_config
from archer_jax.training.trainer import Trainer
from archer_jax.training.validate import ConfigError
c = get_config("smoke")
c.mesh, c.workdir = "4,1,1", tempfile.mkdtemp()
c.train.update(rollout_size=3, greedy_rollouts=0)
try:
  Trainer(c, progress=False)
  out["few"] = None
except ConfigError as e:
  out["few"] = str(e)
print(json.dumps(out))
"""


def _child():
  tests = os.path.dirname(os.path.abspath(__file__))
  return json.loads(run_on_cpu_devices(CHILD, 4, tests).strip().splitlines()[-1])


def test_shard_layout_local_rows_reductions_and_sharded_sampling():
  got = _child()
  assert got["count"] == 4 and got["local"] == [0, 1, 2, 3]
  # 10 episodes over 4 shards: blocks of 3, 3, 2, 2, and each episode's shard agrees
  assert got["blocks"] == [[0, 3], [3, 6], [6, 8], [8, 10]]
  assert got["of_episodes"] == [0, 0, 0, 1, 1, 1, 2, 2, 3, 3]
  # local rows [8, 3] -> the device of shard s holds rows [2s, 2s + 2)
  x = np.arange(24).reshape(8, 3)
  assert [start for start, _ in got["put_shards"]] == [0, 2, 4, 6]
  for start, data in got["put_shards"]:
    assert data == x[start : start + 2].tolist()
  assert got["fetch"] == x.tolist()
  assert got["max"] == 9 and got["max2"] == [9, 7]
  assert got["gather"] == [[1.0], [], [2.0, 3.0], [4.0]]
  assert got["rng"] == got["rng_ref"]
  # greedy decoding from uneven per-shard blocks (one empty) equals decoding the prompts
  # together: the shard-major padding changes nothing a row sees
  assert got["greedy"] == got["greedy_ref"]
  assert got["lengths"] == got["lengths_ref"] and got["texts"] == got["texts_ref"]
  assert got["lp_err"] < 1e-5
  assert got["sampled_same"] and got["rows"] == 6
  # sharded play: the unsharded episodes, each shard's rows passed as its own list while any
  # shard's episode runs (an ended shard gives an empty list), episodes tagged by shard
  assert got["play_same"] and got["play_arrays"]
  assert got["play_shard"] == [0, 0, 0, 1, 1, 1, 2, 2, 3, 3]
  # every episode's return, success and turn count over the shards, and each turn's shard
  assert got["stats_same"] and got["turn_shards"]
  lengths = np.array(got["play_lengths"])
  assert len(set(lengths)) > 1  # episodes end at different turns
  assert len(got["play_calls"]) == lengths.max()
  for t, counts in enumerate(got["play_calls"]):
    for s, (a, b) in enumerate([(0, 3), (3, 6), (6, 8), (8, 10)]):
      assert counts[s] == int((lengths[a:b] > t).sum())
  assert "train.rollout_size: 3 episodes for 4 batch shards" in got["few"]


ALGOS_CHILD = r"""
import json, sys, tempfile
sys.path.insert(0, ".")
from configs.twenty_questions import get_config
from archer_jax.training.trainer import Trainer

out = {}
for name in sys.argv[1:]:
  c = get_config("smoke")
  c.mesh, c.workdir = "2,1,1", tempfile.mkdtemp()
  c.algo.name = name
  c.train.update(iterations=1, eval_every=1)
  t = Trainer(c, progress=False)
  t.run()
  last = t.history[-1]
  out[name] = dict(
    last={k: v for k, v in last.items() if isinstance(v, (int, float))},
    sharded_play=t.sharded_play,
    parts=[len(p) for p in t.buffer.parts],
    rows=t.buffer_rows(),
  )
print(json.dumps(out))
"""


@pytest.mark.slow
def test_algorithms_train_over_two_batch_shards():
  """Each algorithm with its own shard logic trains on a mesh of 2 batch shards (2 devices,
  data = 2): filtered BC selects episodes over both shards' rings, the offline dataset is
  dealt to the shards, CHAI acts on every episode (its own `act`) into per-shard rings, and
  PPO keeps every row in one ring (`per_shard_data = False`)."""
  names = ["filtered_bc", "offline_filtered_bc", "chai", "ppo"]
  got = json.loads(run_on_cpu_devices(ALGOS_CHILD, 2, *names).strip().splitlines()[-1])
  for name in names:
    g, last = got[name], got[name]["last"]
    assert np.isfinite(last["eval_return"]), name
    assert g["rows"] == sum(g["parts"]) == last["buffer_size"], name
  # online: every turn of the collection is in the buffer, split over the two shards
  for name in ("filtered_bc", "chai"):
    g = got[name]
    assert g["rows"] == got[name]["last"]["turns"] and len(g["parts"]) == 2
    assert min(g["parts"]) > 0, g["parts"]
  assert got["filtered_bc"]["sharded_play"] and not got["chai"]["sharded_play"]
  assert 0 < got["filtered_bc"]["last"]["kept_turns"] <= got["filtered_bc"]["rows"]
  # offline: the dataset dealt to both shards; the quantile picked over all of it
  off = got["offline_filtered_bc"]
  assert len(off["parts"]) == 2 and min(off["parts"]) > 0
  assert 0 < off["last"]["kept_turns"] < off["rows"]
  assert np.isfinite(got["chai"]["last"]["critic_loss"])
  ppo = got["ppo"]
  assert not ppo["sharded_play"] and len(ppo["parts"]) == 1
  assert ppo["rows"] == ppo["last"]["turns"] and np.isfinite(ppo["last"]["actor_loss"])


FALLBACK_CHILD = r"""
import json, logging, sys, tempfile
from pathlib import Path
sys.path.insert(0, ".")
sys.path.insert(0, sys.argv[1])
from configs.twenty_questions import get_config
from archer_jax.training.trainer import Trainer
from test_checkpointing import flip_bytes

work = tempfile.mkdtemp()
def run(mesh, iterations, resume):
  c = get_config("smoke")
  c.mesh, c.workdir = mesh, work
  c.train.update(iterations=iterations, checkpoint_every=1, eval_every=100)
  t = Trainer(c, progress=False, resume=resume)
  t.run()
  return t

class Grab(logging.Handler):
  def __init__(self):
    super().__init__(logging.WARNING)
    self.lines = []
  def emit(self, record):
    self.lines.append(record.getMessage())
grab = Grab()
logging.getLogger().addHandler(grab)
out = {}
two = run("2,1,1", 2, False)            # steps 1, 2 saved over 2 batch shards
out["rows2"] = two.buffer_rows()
one = run("1,1,2", 3, True)             # resumed over 1 shard; step 3 saved over 1
out["rows3"] = one.buffer_rows()
flip_bytes(Path(work) / "checkpoints" / "3")
grab.lines.clear()
again = run("1,1,2", 3, True)           # step 3 unusable: step 2, saved over 2 shards
out["restored"] = again.ckpt.restored_step
out["rows_again"] = again.buffer_rows()
out["warnings"] = grab.lines
print(json.dumps(out))
"""


@pytest.mark.slow
def test_resume_falls_back_to_a_step_saved_over_another_shard_count():
  """A damaged newest step saved over 1 batch shard, the step before it over 2: the resume
  restores that older step with a buffer target of its own shard count, deals its rows and
  trains on."""
  tests = os.path.dirname(os.path.abspath(__file__))
  got = json.loads(run_on_cpu_devices(FALLBACK_CHILD, 2, tests).strip().splitlines()[-1])
  assert got["restored"] == 2
  assert got["rows3"] > got["rows2"] > 0 and got["rows_again"] == got["rows3"]
  text = "\n".join(got["warnings"])
  assert "step 3 is unusable" in text
  assert "saved over 2 batch shards, this run has 1" in text
