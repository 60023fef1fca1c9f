"""Host-side batch building: rollouts -> fixed-shape replay rows -> device batches.

Actor ids are left-padded observations [N, Lo] and right-padded actions [N, La] in the
actor's tokenizer; critic ids use the critic's tokenizer (the same ids when the tokenizer is
shared). With a frozen critic encoder the rows also carry its features (`FeatureCache`)."""

from __future__ import annotations

import numpy as np

from archer_jax.training.rollout import from_trajectories, pad_left, pad_right

CRITIC_KEYS = (
  "obs",
  "obs_mask",
  "act",
  "act_mask",
  "next_obs",
  "next_obs_mask",
  "reward",
  "done",
  "pi_act",
  "pi_act_mask",
)
FEATURES = {"obs": "obs_feat", "next_obs": "next_obs_feat", "act": "act_feat", "pi_act": "pi_feat"}


class Batcher:
  def __init__(self, config, tokenizers, features=None):
    self.config = config
    self.tok = tokenizers
    self.features = features  # FeatureCache when the critic encoder is frozen
    self.frozen = features is not None
    self.actor_pad = tokenizers.actor.pad_token_id or 0
    self.critic_pad = tokenizers.critic.pad_token_id or 0

  # ---- replay rows --------------------------------------------------------------------
  def transition_spec(self, hidden_size: int | None = None) -> dict:
    c = self.config
    lo, la, co, ca = c.actor.obs_len, c.actor.max_new_tokens, c.critic.obs_len, c.critic.act_len
    i32, b = np.int32, np.bool_
    spec = {
      "a_obs": ((lo,), i32),
      "a_obs_mask": ((lo,), b),
      "a_act": ((la,), i32),
      "a_act_mask": ((la,), b),
      "obs": ((co,), i32),
      "obs_mask": ((co,), b),
      "act": ((ca,), i32),
      "act_mask": ((ca,), b),
      "next_obs": ((co,), i32),
      "next_obs_mask": ((co,), b),
      "reward": ((), np.float32),
      "done": ((), b),
    }
    if self.frozen:
      spec.update(
        {k: ((hidden_size,), np.float32) for k in ("obs_feat", "next_obs_feat", "act_feat")}
      )
    return spec

  def actor_rows(self, roll) -> dict:
    """The actor's view of a rollout: a_obs/a_obs_mask [N, Lo], a_act/a_act_mask [N, La]."""
    c = self.config
    out = {}
    out["a_obs"], out["a_obs_mask"] = pad_left(roll.obs_ids, c.actor.obs_len, self.actor_pad)
    out["a_act"], out["a_act_mask"] = pad_right(
      roll.act_ids, c.actor.max_new_tokens, self.actor_pad
    )
    return out

  def critic_obs(self, ids, texts):
    """Critic observation ids [N, Lc] (+ mask) from the actor's ids or the texts."""
    seqs = ids if self.tok.shared else self.tok.critic_encoder.encode_batch(texts)
    return pad_left(seqs, self.config.critic.obs_len, self.critic_pad)

  def critic_actions(self, ids, texts):
    """Critic action ids [N, La_c] (+ mask) from the actor's sampled ids or the texts."""
    seqs = ids if self.tok.shared else self.tok.critic_encoder.encode_batch(texts)
    return pad_right(seqs, self.config.critic.act_len, self.critic_pad)

  def transitions(self, roll, critic_params=None) -> dict:
    """Rollout -> fixed-shape replay rows (critic ids from the critic tokenizer)."""
    out = self.actor_rows(roll)
    out["obs"], out["obs_mask"] = self.critic_obs(roll.obs_ids, roll.obs_text)
    out["next_obs"], out["next_obs_mask"] = self.critic_obs(roll.next_obs_ids, roll.next_obs_text)
    out["act"], out["act_mask"] = self.critic_actions(roll.act_ids, roll.act_text)
    out["reward"], out["done"] = roll.reward, roll.done
    if self.frozen:
      f = self.features
      out["obs_feat"] = f.state_features(critic_params, out["obs"], out["obs_mask"])
      out["next_obs_feat"] = f.state_features(critic_params, out["next_obs"], out["next_obs_mask"])
      out["act_feat"] = f.action_features(
        critic_params, out["obs"], out["obs_mask"], out["act"], out["act_mask"]
      )
    return out

  def pi_fields(self, ids, texts, logp, rows, critic_params=None) -> dict:
    """a_pi samples of `rows` (ids incl. the stop token, texts, log-probs [N, La]) as batch
    fields: pi_a_act/pi_a_act_mask/pi_logp (actor side), pi_act/pi_act_mask (critic side),
    pi_feat with a frozen critic encoder."""
    out = {"pi_logp": logp}
    out["pi_a_act"], out["pi_a_act_mask"] = pad_right(
      ids, self.config.actor.max_new_tokens, self.actor_pad
    )
    out["pi_act"], out["pi_act_mask"] = self.critic_actions(ids, texts)
    if self.frozen:
      out["pi_feat"] = self.features.action_features(
        critic_params, rows["obs"], rows["obs_mask"], out["pi_act"], out["pi_act_mask"]
      )
    return out

  # ---- device-batch layouts -----------------------------------------------------------
  def critic_batch(self, rows) -> dict:
    """Rows -> the critic step's batch (cached features in place of ids when frozen; the
    masks ride along unused)."""
    out = {k: rows[k] for k in CRITIC_KEYS if k in rows}
    if self.frozen:
      out.update({k: rows[f] for k, f in FEATURES.items() if f in rows})
    out["valid"] = np.ones(len(rows["obs"]), np.float32)
    return out

  def actor_batch(self, rows) -> dict:
    """Rows with a_pi samples -> the policy step's batch (advantage added by the caller or
    inside the step)."""
    out = {
      "obs": rows["a_obs"],
      "obs_mask": rows["a_obs_mask"],
      "act": rows["pi_a_act"],
      "act_mask": rows["pi_a_act_mask"],
      "old_logp": rows["pi_logp"],
      "valid": np.ones(len(rows["a_obs"]), np.float32),
    }
    if "advantage" in rows:
      out["advantage"] = rows["advantage"]
    return out

  def bc_rows(self, trajectories) -> dict:
    """All turns of recorded episodes as BC rows: obs [N, Lo], action ids (+ stop) [N, La]."""
    c = self.config
    roll = from_trajectories(trajectories, self.tok.actor_encoder, c.actor.stop_strings[0])
    return self.bc_batch(self.actor_rows(roll))

  @staticmethod
  def bc_batch(rows) -> dict:
    """Actor rows (a_obs, a_act, ...) -> the BC step's batch layout."""
    return {
      "obs": rows["a_obs"],
      "obs_mask": rows["a_obs_mask"],
      "act": rows["a_act"],
      "act_mask": rows["a_act_mask"],
      "valid": np.ones(len(rows["a_obs"]), np.float32),
    }
