"""Frozen critic encoder: features computed once per distinct input, in fixed-size chunks.

With `critic.freeze_encoder` the encoder never changes, so emb(s), emb(s') and emb_a(s, a)
are computed when a row enters the buffer (and per a_pi sample) and the jitted critic steps
get features instead of token ids."""

from __future__ import annotations

import numpy as np


class FeatureCache:
  """embed(params, ids, mask) -> [N, D] and embed_act(params, obs, obs_mask, act, act_mask)
  -> [N, D], memoised by the real (unpadded) ids of each row."""

  def __init__(
    self, embed, embed_act, joint: bool, chunk: int, hidden: int, max_entries: int = 500_000
  ):
    self.embed, self.embed_act, self.joint = embed, embed_act, joint
    self.chunk, self.hidden, self.max_entries = int(chunk), int(hidden), max_entries
    self.cache: dict[bytes, np.ndarray] = {}

  def __len__(self) -> int:
    return len(self.cache)

  def _chunked(self, fn, params, *arrays):
    """fn over (ids, mask) pairs of rows, in fixed-size chunks (the last one padded: one
    compiled shape). Rows whose real ids were seen before come from the cache (histories
    recur as the next row's state, a policy repeats its utterances)."""
    chunk, n = self.chunk, len(arrays[0])
    keys = [
      b"|".join(arrays[j][i][arrays[j + 1][i]].tobytes() for j in range(0, len(arrays), 2))
      for i in range(n)
    ]
    cache = self.cache
    if len(cache) > self.max_entries:  # bound the host memory (~1.5 KB a row at D = 384)
      cache.clear()
    miss = list({k: i for i, k in enumerate(keys) if k not in cache}.values())
    for i in range(0, len(miss), chunk):
      rows = np.asarray(miss[i : i + chunk])
      part = [np.pad(x[rows], [(0, chunk - len(rows))] + [(0, 0)] * (x.ndim - 1)) for x in arrays]
      feats = np.asarray(fn(params, *part))
      for r, f in zip(rows, feats, strict=False):  # the padding rows' features are dropped
        cache[keys[r]] = f
    return np.stack([cache[k] for k in keys]) if n else np.zeros((0, self.hidden), np.float32)

  def state_features(self, params, tokens, mask):
    """emb(s) [N, D] under the frozen encoder."""
    return self._chunked(self.embed, params, tokens, mask)

  def action_features(self, params, obs, obs_mask, act, act_mask):
    """emb_a(s, a) [N, D] under the frozen encoder (joint, or the action alone)."""
    if not self.joint:
      return self._chunked(self.embed, params, act, act_mask)
    return self._chunked(self.embed_act, params, obs, obs_mask, act, act_mask)
