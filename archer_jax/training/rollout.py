"""Host-side, lock-step batched multi-turn rollouts feeding the replay buffer.

Every turn, the observations of the rows still playing are sent to the jitted sampler in one
call (finished rows cost nothing); the sampled *ids* are kept for the losses and only their
text goes to the environment. Observation ids grow incrementally: when a new observation
extends the previous one (the usual multi-turn history), only the new suffix is tokenised.
"""

from __future__ import annotations

import dataclasses
from typing import Callable, Sequence

import numpy as np

from archer_jax.envs.base import BatchedEnv


def pad_left(seqs: Sequence[Sequence[int]], length: int, pad_id: int = 0):
  """Keep each sequence's last `length` ids, left-pad: -> ids int32 [B, L], mask bool [B, L]."""
  ids = np.full((len(seqs), length), pad_id, np.int32)
  mask = np.zeros((len(seqs), length), bool)
  for i, s in enumerate(seqs):
    s = list(s)[-length:] if length else []
    if s:
      ids[i, length - len(s) :] = s
      mask[i, length - len(s) :] = True
  return ids, mask


def pad_right(seqs: Sequence[Sequence[int]], length: int, pad_id: int = 0):
  """Keep each sequence's first `length` ids, right-pad: -> ids int32 [B, L], mask bool."""
  ids = np.full((len(seqs), length), pad_id, np.int32)
  mask = np.zeros((len(seqs), length), bool)
  for i, s in enumerate(seqs):
    s = list(s)[:length]
    ids[i, : len(s)] = s
    mask[i, : len(s)] = True
  return ids, mask


class IncrementalEncoder:
  """text -> ids with the history trick: if `text` extends `prev_text`, encode the suffix."""

  def __init__(self, tokenizer, prefix: str = ""):
    self.tok = tokenizer
    self.prefix_ids = self._enc(prefix) if prefix else []

  def _enc(self, text: str) -> list[int]:
    return list(self.tok(text, add_special_tokens=False)["input_ids"])

  def encode_batch(self, texts: Sequence[str]) -> list[list[int]]:
    if not texts:
      return []
    enc = self.tok(list(texts), add_special_tokens=False)["input_ids"]
    return [list(e) for e in enc]

  def extend(self, prev_text: str | None, prev_ids: list[int] | None, text: str) -> list[int]:
    if prev_text is not None and text.startswith(prev_text):
      return prev_ids + (self._enc(text[len(prev_text) :]) if len(text) > len(prev_text) else [])
    return self.prefix_ids + self._enc(text)


def episode_success(traj) -> bool:
  """The env's own verdict when it gives one (won / victory / success), else: ended before
  the cap on a non-negative reward (20Q, Guess My City)."""
  info = traj.info
  for key in ("success", "won", "victory"):
    if key in info:
      return bool(info[key])
  if not traj.turns or info.get("truncated"):
    return False
  last = traj.turns[-1]
  return bool(last.done and last.reward >= 0)


@dataclasses.dataclass
class RolloutBatch:
  """Transitions of one collection, flattened over (episode, turn); arrays [N, ...]."""

  obs_ids: list[list[int]]
  act_ids: list[list[int]]
  next_obs_ids: list[list[int]]
  obs_text: list[str]
  act_text: list[str]
  next_obs_text: list[str]
  reward: np.ndarray
  done: np.ndarray
  episode: np.ndarray  # int32 [N]: each transition's episode (index into the next two)
  episode_returns: np.ndarray
  episode_success: np.ndarray
  num_turns: int
  # int [episodes]: each episode's batch shard when the episodes were split over the shards
  # (`collect(..., shards=...)`: this process played only its shards' episodes); None when
  # every process played them all
  episode_shard: np.ndarray | None = None


_FIELDS = (
  "obs_ids",
  "act_ids",
  "next_obs_ids",
  "obs_text",
  "act_text",
  "next_obs_text",
  "reward",
  "done",
  "episode",
)


def collect(
  env: BatchedEnv,
  generate: Callable,
  encoder: IncrementalEncoder,
  seeds: Sequence[int] | None = None,
  indices: Sequence[int] | None = None,
  on_turn: Callable[[], None] | None = None,
  shards=None,
  shard: np.ndarray | None = None,
) -> RolloutBatch:
  """Play one batch of episodes to the end.

  generate(prompt_ids: list[list[int]], observations: list[str]) -> (token_ids, texts) for
  the rows still playing (ids include the stop token; texts are the env actions).
  on_turn(): called after each lock-step turn (progress).

  Batch-sharded play (`shards`, a `parallel.shards.Shards`): `env` holds this process's
  episodes, `shard` int [batch] (non-decreasing) the batch shard of each row. `generate` is
  then called with one list per local shard (prompt ids, observations) and returns the rows'
  (ids, texts) in shard order; every process plays until no shard has an episode running, so
  all make the same calls (a process whose episodes have ended gives empty lists).
  """
  obs = env.reset(seeds=seeds, indices=indices)
  b = env.batch_size
  ids = [encoder.extend(None, None, o) for o in obs]
  out = {k: [] for k in _FIELDS}
  done = np.zeros(b, bool)
  if shards is not None:
    shard = np.asarray(shard)
    if len(shard) != b or np.any(np.diff(shard) < 0):
      raise ValueError("collect: `shard` must give every row's shard, in shard order")

  def running() -> bool:
    if shards is None:
      return not done.all()
    return shards.max([int(np.sum(~done[shard == s])) for s in shards.local]) > 0

  while running():
    rows = np.flatnonzero(~done)
    if shards is None:
      tok, texts = generate([ids[r] for r in rows], [obs[r] for r in rows])
    else:
      by = [rows[shard[rows] == s] for s in shards.local]
      tok, texts = generate([[ids[r] for r in x] for x in by], [[obs[r] for r in x] for x in by])
    actions = [""] * b
    for r, t in zip(rows, texts, strict=True):
      actions[r] = t
    new_obs, rew, new_done, _ = env.step(actions) if len(rows) else (obs, 0, done, None)
    for j, r in enumerate(rows):
      nxt = encoder.extend(obs[r], ids[r], new_obs[r])
      out["obs_ids"].append(ids[r])
      out["act_ids"].append(list(tok[j]))
      out["next_obs_ids"].append(nxt)
      out["obs_text"].append(obs[r])
      out["act_text"].append(texts[j])
      out["next_obs_text"].append(new_obs[r])
      out["reward"].append(float(rew[r]))
      out["done"].append(bool(new_done[r]))
      out["episode"].append(r)
      ids[r], obs[r] = nxt, new_obs[r]
    done = new_done
    if on_turn is not None:
      on_turn()
  roll = _rollout_batch(out, env.trajectories())
  if shards is not None:
    roll.episode_shard = shard
  return roll


def turn_shards(roll: RolloutBatch, shards) -> np.ndarray:
  """int [turns]: the batch shard of each turn of `roll`, by its episode: as played
  (`episode_shard`), or by the episode's index among the collection's (`Shards.of_episodes`)
  when every process played every episode."""
  if roll.episode_shard is not None:
    return roll.episode_shard[roll.episode]
  return shards.of_episodes(roll.episode, len(roll.episode_returns))


def episode_stats(roll: RolloutBatch, shards) -> tuple[np.ndarray, np.ndarray, int]:
  """(returns float32 [E], successes bool [E]) of every episode of a collection, in episode
  order, and its turns, over all shards: one gather (`Shards.gather`) when each process
  played only its shards' share (shards hold contiguous episode blocks, so shard order is
  episode order)."""
  if roll.episode_shard is None:
    return roll.episode_returns, roll.episode_success, roll.num_turns
  blocks = []
  for s in shards.local:
    mine = roll.episode_shard == s
    turns = np.isin(roll.episode, np.flatnonzero(mine)).sum()
    blocks.append(np.concatenate([roll.episode_returns[mine], roll.episode_success[mine], [turns]]))
  got = shards.gather(blocks)
  k = [(len(g) - 1) // 2 for g in got]
  returns = np.concatenate([g[:n] for g, n in zip(got, k, strict=True)]).astype(np.float32)
  success = np.concatenate([g[n : 2 * n] for g, n in zip(got, k, strict=True)]) > 0.5
  return returns, success, int(sum(g[-1] for g in got))


def from_trajectories(trajs, encoder: IncrementalEncoder, stop: str = "\n") -> RolloutBatch:
  """Recorded episodes (e.g. scripted demonstrations) -> the same transitions `collect`
  yields, with action ids = tokenise(action + stop) as the sampler would emit them."""
  out = {k: [] for k in _FIELDS}
  for e, t in enumerate(trajs):
    prev_text, prev_ids = None, None
    for turn in t.turns:
      ids = encoder.extend(prev_text, prev_ids, turn.observation)
      nxt = encoder.extend(turn.observation, ids, turn.next_observation)
      out["obs_ids"].append(ids)
      out["next_obs_ids"].append(nxt)
      out["act_ids"].append(encoder._enc(turn.action + stop))
      out["obs_text"].append(turn.observation)
      out["act_text"].append(turn.action)
      out["next_obs_text"].append(turn.next_observation)
      out["reward"].append(float(turn.reward))
      out["done"].append(bool(turn.done))
      out["episode"].append(e)
      prev_text, prev_ids = turn.observation, ids
  return _rollout_batch(out, trajs)


def _rollout_batch(out: dict, trajs) -> RolloutBatch:
  """Per-turn lists (obs/act/next_obs ids and texts, reward, done) + the finished episodes."""
  return RolloutBatch(
    reward=np.array(out.pop("reward"), np.float32),
    done=np.array(out.pop("done"), bool),
    episode=np.array(out.pop("episode"), np.int32),
    episode_returns=np.array([t.episode_return for t in trajs], np.float32),
    episode_success=np.array([episode_success(t) for t in trajs]),
    num_turns=len(out["obs_ids"]),
    **out,
  )


def concat_rollouts(parts: Sequence[RolloutBatch]) -> RolloutBatch:
  """One RolloutBatch holding the transitions and episodes of `parts`, in order."""
  if len(parts) == 1:
    return parts[0]
  offsets = np.cumsum([0] + [len(p.episode_returns) for p in parts[:-1]])
  parts = [
    dataclasses.replace(p, episode=p.episode + o) for p, o in zip(parts, offsets, strict=True)
  ]

  def join(values):
    if any(v is None for v in values):  # episode_shard of replicated play
      return None
    if isinstance(values[0], np.ndarray):
      return np.concatenate(values)
    if isinstance(values[0], list):
      return [x for v in values for x in v]
    return sum(values)  # num_turns

  return RolloutBatch(
    **{f.name: join([getattr(p, f.name) for p in parts]) for f in dataclasses.fields(RolloutBatch)}
  )
