"""Everything model-side of a run: tokenizers, actor / critic / target / reference states
(born sharded on the mesh), the jitted steps, the sampler, and the conversions between
rollouts, replay-buffer rows and device batches."""
from __future__ import annotations

import functools
import os

import flax.linen as nn
import jax
import jax.numpy as jnp
import numpy as np

from archer_jax.algorithms import lora, steps
from archer_jax.algorithms.networks import DoubleCritic, PolicyWithValue
from archer_jax.envs.registry import make_env, make_player
from archer_jax.models import ModelConfig
from archer_jax.parallel.mesh import RULES
from archer_jax.training.rollout import IncrementalEncoder, from_trajectories, pad_left, pad_right
from archer_jax.training.state import copy_params, create_state, make_optimizer


def _scratch_cfg(spec, vocab_size: int, tok) -> ModelConfig:
  kw = dict(spec)
  kw.setdefault("max_position_embeddings", 1024)
  return ModelConfig(vocab_size=vocab_size, pad_token_id=tok.pad_token_id,
                     eos_token_id=tok.eos_token_id, bos_token_id=tok.bos_token_id, **kw)


class Agent:

  def __init__(self, config, mesh, workdir: str):
    self.config = c = config
    self.mesh = mesh
    self.workdir = workdir
    n_greedy = int(c.train.get("greedy_rollouts", 0))
    self.env = make_env(c.env, batch_size=c.train.rollout_size - n_greedy, seed=c.seed)
    self.greedy_env = (make_env(c.env, batch_size=n_greedy, seed=c.seed + 2) if n_greedy
                       else None)
    self.eval_env = make_env(c.env, batch_size=c.train.eval_episodes, seed=c.seed + 1)
    self._demos = None
    self._build_tokenizers(workdir)
    self._build_models()
    self._build_steps()

  # ---- tokenizers -----------------------------------------------------------------------
  def demonstrations(self):
    """Demonstration episodes for the BC warm start and the from-scratch tokenizer: the
    scripted player's (played here, or built once into / read from the tfds dataset under
    `bc.data_dir`), or a public JSON file's (`bc.json_path`)."""
    c = self.config
    if self._demos is None and (c.bc.get("data_dir") or c.bc.get("json_path")):
      from archer_jax.data import demos
      if c.bc.get("json_path"):
        dcfg = demos.demo_config(c.env.name, episodes=0, json_path=c.bc.json_path,
                                 max_turns=c.env.max_turns)
      else:
        dcfg = demos.demo_config_from_run(c)
      data_dir = c.bc.get("data_dir") or os.path.join(self.workdir, "datasets")
      self._demos = demos.load_or_build(data_dir, dcfg)
    if self._demos is None:
      from archer_jax.envs.twenty_questions import play
      n = max(c.bc.episodes, c.tokenizer.corpus_episodes)
      env = make_env(c.env, batch_size=min(64, n), seed=c.seed + 7)
      make = lambda rng: make_player(c.env, rng, skill=c.bc.skill)
      demos, batch = [], 0
      while len(demos) < n:     # lock-step batches of scripted games (any env's player)
        demos += play(env, make, seed=(c.seed + 11) * 1000 + batch)
        batch += 1
      self._demos = demos[:n]
    return self._demos

  def _build_tokenizers(self, workdir):
    from archer_jax.data import tokenizer as bpe
    c = self.config
    tok_dir = os.path.join(workdir, "tokenizer")
    if c.actor.model == "scratch":
      if os.path.exists(os.path.join(tok_dir, "tokenizer.json")):
        self.tokenizer = bpe.load(tok_dir)
      else:
        texts = []
        for t in self.demonstrations():
          for turn in t.turns:
            texts += [turn.observation, turn.action + "\n", turn.next_observation]
        self.tokenizer = bpe.train_bpe(texts, c.tokenizer.vocab_size)
        if jax.process_index() == 0:
          bpe.save(self.tokenizer, tok_dir)
    else:
      from archer_jax.loading import load_tokenizer
      self.tokenizer = load_tokenizer(c.actor.model)
    if c.critic.model == "scratch" or c.critic.share_tokenizer:
      self.critic_tokenizer = self.tokenizer
    else:
      from archer_jax.loading import load_tokenizer
      self.critic_tokenizer = load_tokenizer(c.critic.model)
    self.shared_tokenizer = self.critic_tokenizer is self.tokenizer
    self.actor_encoder = IncrementalEncoder(self.tokenizer, c.actor.prompt_prefix)
    self.critic_encoder = IncrementalEncoder(self.critic_tokenizer)

  # ---- models and states ----------------------------------------------------------------
  def _load(self, who):
    spec = self.config[who]
    if spec.model == "scratch":
      tok = self.tokenizer if who == "actor" else self.critic_tokenizer
      return _scratch_cfg(spec.scratch, len(tok), tok), None
    from archer_jax.loading import load_model
    return load_model(spec.model, dtype=spec.dtype, mesh=self.mesh,
                      **dict(spec.get("overrides", {})))

  def _build_models(self):
    c, mesh = self.config, self.mesh
    dp = mesh.shape["data"] * mesh.shape["fsdp"]
    key = jax.random.PRNGKey(c.seed)
    self.actor_cfg, lm_params = self._load("actor")
    self.actor_net = PolicyWithValue(self.actor_cfg, value_head=c.algo.baseline)
    lo, la = c.actor.obs_len, c.actor.max_new_tokens
    dummy = (jnp.zeros((dp, lo + la), jnp.int32),)
    params = None
    if lm_params is not None:   # pretrained LM; a value head (if any) starts random
      params = {"lm": lm_params}
      if c.algo.baseline:
        params["value"] = nn.meta.unbox(
            jax.jit(self.actor_net.init)(key, *dummy)["params"]["value"])
    self.lora = None
    trainable = None
    if c.actor.lora_rank:
      abstract = nn.meta.unbox(jax.eval_shape(self.actor_net.init, key, *dummy)["params"])
      self.lora = {"lora": lora.init_lora(abstract["lm"], c.actor.lora_rank,
                                          jax.random.fold_in(key, 3))}
      trainable = lora.trainable_mask
    self.actor_tx = make_optimizer(c.actor.lr, c.actor.grad_clip, trainable=trainable)
    self.bc_tx = make_optimizer(c.bc.lr or c.actor.lr, c.actor.grad_clip, trainable=trainable)
    self._actor_dummy = dummy
    self.actor, self.actor_sh = create_state(self.actor_net, dummy, self.actor_tx, mesh,
                                             jax.random.fold_in(key, 1), params, self.lora)
    self.critic_cfg, enc_params = self._load("critic")
    self.critic_net = DoubleCritic(self.critic_cfg, joint=bool(c.critic.get("joint", False)))
    co, ca = c.critic.obs_len, c.critic.act_len
    cdummy = (jnp.zeros((dp, co), jnp.int32), jnp.ones((dp, co), bool),
              jnp.zeros((dp, ca), jnp.int32), jnp.ones((dp, ca), bool))
    cparams = None
    if enc_params is not None:
      cparams = nn.meta.unbox(jax.jit(self.critic_net.init)(key, *cdummy)["params"])
      cparams = dict(cparams, encoder=enc_params)
    self.frozen = bool(c.critic.get("freeze_encoder", False))
    self._feature_cache: dict[bytes, np.ndarray] = {}
    self.critic_tx = make_optimizer(c.critic.lr, c.critic.grad_clip,
                                    trainable=frozen_encoder_mask if self.frozen else None)
    self.critic, self.critic_sh = create_state(self.critic_net, cdummy, self.critic_tx, mesh,
                                               jax.random.fold_in(key, 2), cparams)
    self.target = copy_params(self.critic.params, self.critic_sh.params)
    self.reset_reference()

  def finish_bc(self):
    """After the warm start: fresh RL optimizer state on the BC weights, new KL anchor."""
    params = {k: v for k, v in self.actor.params.items() if k != "lora"}
    extra = {"lora": self.actor.params["lora"]} if self.lora else None
    self.actor, _ = create_state(self.actor_net, self._actor_dummy, self.actor_tx, self.mesh,
                                 jax.random.PRNGKey(0), params, extra)
    self.reset_reference()

  def reset_reference(self):
    """pi_ref <- current actor (after BC): the KL anchor; kept only when kl_coef > 0."""
    self.ref = (copy_params(self.actor.params, self.actor_sh.params)
                if self.config.algo.kl_coef else {})

  # ---- jitted steps ---------------------------------------------------------------------
  def _build_steps(self):
    c, net, cnet = self.config, self.actor_net, self.critic_net
    a = c.algo
    self._merge = jax.jit(self._merged_lm)
    def apply(p, t, pos, m):
      return net.apply({"params": dict(self._unlora(p), lm=self._merged_lm(p))}, t, pos, m)
    embed = lambda p, t, m: cnet.apply({"params": p}, t, m, method=DoubleCritic.embed)
    heads = lambda p, es, ea=None: cnet.apply({"params": p}, es, ea, method=DoubleCritic.heads)
    embed_act = lambda p, o, om, t, m: cnet.apply({"params": p}, o, om, t, m,
                                                  method=DoubleCritic.embed_action)
    self._embed_fn = _under_mesh(jax.jit(embed), self.mesh)
    self._embed_act_fn = _under_mesh(jax.jit(embed_act), self.mesh)
    if self.frozen:   # the batches carry cached encoder features instead of token ids
      embed = lambda p, feats, mask: feats
      embed_act = lambda p, obs, obs_mask, feats, mask: feats
    critic = functools.partial(steps.critic_step, tx=self.critic_tx, embed=embed, heads=heads,
                               embed_act=embed_act, gamma=a.gamma, tau=a.tau,
                               num_micro=a.micro_batches, v_loss=a.v_loss, expectile=a.expectile)
    mesh = self.mesh
    self.critic_step = _under_mesh(jax.jit(critic, donate_argnums=(0, 1), out_shardings=(
        self.critic_sh, self.critic_sh.params, None)), mesh)
    actor = functools.partial(steps.actor_step, tx=self.actor_tx, apply=apply, num_micro=a.micro_batches,
                              normalize_advantage=a.normalize_advantage, baseline=a.baseline,
                              value_coef=a.value_coef, entropy_coef=a.entropy_coef,
                              kl_coef=a.kl_coef, clip_eps=a.clip_eps)
    self.actor_step = _under_mesh(jax.jit(actor, donate_argnums=(0,),
                                          out_shardings=(self.actor_sh, None)), mesh)
    bc = functools.partial(steps.bc_step, tx=self.bc_tx, apply=apply, num_micro=c.bc.micro_batches)
    self.bc_step = _under_mesh(jax.jit(bc, donate_argnums=(0,),
                                       out_shardings=(self.actor_sh, None)), mesh)
    adv = functools.partial(steps.advantages, embed=embed, heads=heads, embed_act=embed_act)
    self._adv = _under_mesh(jax.jit(adv), mesh)
    from archer_jax.generation import Sampler
    self.sampler = Sampler(self.actor_cfg, self.tokenizer, max_new_tokens=c.actor.max_new_tokens,
                           stop_strings=tuple(c.actor.stop_strings),
                           prompt_buckets=(c.actor.obs_len,),
                           batch_buckets=tuple(c.actor.batch_buckets))

  def _merged_lm(self, p):
    """The LM weights the policy runs with: base (+ (alpha/r) A B when LoRA is on)."""
    if "lora" not in p:
      return p["lm"]
    c = self.config.actor
    return lora.merge(p["lm"], p["lora"], c.lora_alpha, c.lora_rank)

  @staticmethod
  def _unlora(p):
    return {k: v for k, v in p.items() if k != "lora"}

  def advantages(self, batch):
    return self._adv(self.critic.params, batch["obs"], batch["obs_mask"], batch["pi_act"],
                     batch["pi_act_mask"])

  # ---- sampling -------------------------------------------------------------------------
  def _sample(self, key, prompts, greedy):
    c = self.config
    with jax.sharding.set_mesh(self.mesh), nn.logical_axis_rules(RULES):
      lm = self._merge(self.actor.params) if self.lora else self.actor.params["lm"]
      r = self.sampler.generate(lm, prompts, key,
                                temperature=c.actor.temperature, greedy=greedy)
    ids = [list(np.asarray(r.tokens[i, : r.lengths[i]])) for i in range(len(prompts))]
    return ids, list(r.texts), np.asarray(r.logprobs)[: len(prompts)]

  def generate_fn(self, key, greedy: bool):
    """prompts -> (ids, texts) for `rollout.collect`; a fresh key every call."""
    counter = iter(range(1 << 30))
    def gen(prompts):
      ids, texts, _ = self._sample(jax.random.fold_in(key, next(counter)), prompts, greedy)
      return ids, texts
    return gen

  def sample_pi(self, key, rows) -> dict:
    """One a_pi ~ pi(.|s) per buffer row, in chunks of `actor.sample_chunk` (no gradient)."""
    c = self.config
    obs = [r[m].tolist() for r, m in zip(rows["a_obs"], rows["a_obs_mask"])]
    ids, texts, logps = [], [], []
    chunk = c.actor.sample_chunk
    for i in range(0, len(obs), chunk):
      d, t, lp = self._sample(jax.random.fold_in(key, i), obs[i:i + chunk], greedy=False)
      ids += d; texts += t; logps.append(lp)
    la = c.actor.max_new_tokens
    out = {}
    out["pi_a_act"], out["pi_a_act_mask"] = pad_right(ids, la, self.tokenizer.pad_token_id or 0)
    lp = np.concatenate(logps)[:, :la]
    out["pi_logp"] = np.pad(lp, ((0, 0), (0, la - lp.shape[1])))
    out["pi_act"], out["pi_act_mask"] = self._critic_actions(ids, texts)
    if self.frozen:
      out["pi_feat"] = self.action_features(rows["obs"], rows["obs_mask"], out["pi_act"],
                                            out["pi_act_mask"])
    return out

  # ---- frozen critic encoder: features computed once per row ------------------------------
  def _chunked(self, fn, *arrays):
    """fn over (ids, mask) pairs of rows, in fixed-size chunks (the last one padded: one
    compiled shape). Rows whose real ids were seen before come from a cache (histories recur
    as the next row's state, a policy repeats its utterances), so each distinct input is
    encoded once."""
    chunk = int(self.config.critic.get("feature_chunk", 256))
    n = len(arrays[0])
    keys = [b"|".join(arrays[j][i][arrays[j + 1][i]].tobytes() for j in range(0, len(arrays), 2))
            for i in range(n)]
    cache = self._feature_cache
    if len(cache) > 500_000:   # bound the host memory (~1.5 KB a row at D = 384)
      cache.clear()
    miss = list({k: i for i, k in enumerate(keys) if k not in cache}.values())
    for i in range(0, len(miss), chunk):
      rows = np.asarray(miss[i:i + chunk])
      part = [np.pad(x[rows], [(0, chunk - len(rows))] + [(0, 0)] * (x.ndim - 1))
              for x in arrays]
      feats = np.asarray(fn(self.critic.params, *part))
      for r, f in zip(rows, feats):
        cache[keys[r]] = f
    d = self.critic_cfg.hidden_size
    return np.stack([cache[k] for k in keys]) if n else np.zeros((0, d), np.float32)

  def state_features(self, tokens, mask):
    """emb(s) [N, D] under the (frozen) critic encoder."""
    return self._chunked(self._embed_fn, tokens, mask)

  def action_features(self, obs, obs_mask, act, act_mask):
    """emb_a(s, a) [N, D] under the (frozen) critic encoder (joint or action alone)."""
    if not self.critic_net.joint:   # emb(a): the action alone, shared with state features
      return self._chunked(self._embed_fn, act, act_mask)
    return self._chunked(self._embed_act_fn, obs, obs_mask, act, act_mask)

  def _critic_actions(self, ids, texts):
    ca = self.config.critic.act_len
    pad = self.critic_tokenizer.pad_token_id or 0
    seqs = ids if self.shared_tokenizer else self.critic_encoder.encode_batch(texts)
    return pad_right(seqs, ca, pad)

  # ---- rows and batches -----------------------------------------------------------------
  def transition_spec(self):
    c = self.config
    lo, la, co, ca = c.actor.obs_len, c.actor.max_new_tokens, c.critic.obs_len, c.critic.act_len
    i32, b = np.int32, np.bool_
    return {"a_obs": ((lo,), i32), "a_obs_mask": ((lo,), b), "a_act": ((la,), i32),
            "a_act_mask": ((la,), b), "obs": ((co,), i32), "obs_mask": ((co,), b),
            "act": ((ca,), i32), "act_mask": ((ca,), b), "next_obs": ((co,), i32),
            "next_obs_mask": ((co,), b), "reward": ((), np.float32), "done": ((), b),
            **({k: ((self.critic_cfg.hidden_size,), np.float32)
                for k in ("obs_feat", "next_obs_feat", "act_feat")} if self.frozen else {})}

  def transitions(self, roll) -> dict:
    """Rollout -> fixed-shape buffer rows (critic ids from the critic tokenizer)."""
    c = self.config
    ap = self.tokenizer.pad_token_id or 0
    cp = self.critic_tokenizer.pad_token_id or 0
    out = {}
    out["a_obs"], out["a_obs_mask"] = pad_left(roll.obs_ids, c.actor.obs_len, ap)
    out["a_act"], out["a_act_mask"] = pad_right(roll.act_ids, c.actor.max_new_tokens, ap)
    if self.shared_tokenizer:
      obs, nxt = roll.obs_ids, roll.next_obs_ids
    else:
      obs = self.critic_encoder.encode_batch(roll.obs_text)
      nxt = self.critic_encoder.encode_batch(roll.next_obs_text)
    out["obs"], out["obs_mask"] = pad_left(obs, c.critic.obs_len, cp)
    out["next_obs"], out["next_obs_mask"] = pad_left(nxt, c.critic.obs_len, cp)
    out["act"], out["act_mask"] = self._critic_actions(roll.act_ids, roll.act_text)
    out["reward"], out["done"] = roll.reward, roll.done
    if self.frozen:
      out["obs_feat"] = self.state_features(out["obs"], out["obs_mask"])
      out["next_obs_feat"] = self.state_features(out["next_obs"], out["next_obs_mask"])
      out["act_feat"] = self.action_features(out["obs"], out["obs_mask"], out["act"],
                                             out["act_mask"])
    return out

  def critic_batch(self, rows):
    keys = ("obs", "obs_mask", "act", "act_mask", "next_obs", "next_obs_mask", "reward",
            "done", "pi_act", "pi_act_mask")
    out = {k: rows[k] for k in keys if k in rows}
    if self.frozen:   # cached features in place of ids (the masks ride along unused)
      feats = {"obs": "obs_feat", "next_obs": "next_obs_feat", "act": "act_feat",
               "pi_act": "pi_feat"}
      out.update({k: rows[f] for k, f in feats.items() if f in rows})
    out["valid"] = np.ones(len(rows["obs"]), np.float32)
    return out

  def actor_batch(self, rows):
    return {"obs": rows["a_obs"], "obs_mask": rows["a_obs_mask"], "act": rows["pi_a_act"],
            "act_mask": rows["pi_a_act_mask"], "advantage": rows["advantage"],
            "old_logp": rows["pi_logp"], "valid": np.ones(len(rows["a_obs"]), np.float32)}

  def demonstration_batch(self, rng) -> dict:
    """All demonstration turns as BC rows: obs ids [N, Lo], action ids (+ "\\n") [N, La]."""
    c = self.config
    roll = from_trajectories(self.demonstrations()[: c.bc.episodes], self.actor_encoder,
                             c.actor.stop_strings[0])
    pad = self.tokenizer.pad_token_id or 0
    o, om = pad_left(roll.obs_ids, c.actor.obs_len, pad)
    a, am = pad_right(roll.act_ids, c.actor.max_new_tokens, pad)
    return {"obs": o, "obs_mask": om, "act": a, "act_mask": am,
            "valid": np.ones(len(o), np.float32)}


def frozen_encoder_mask(params):
  """Trainable mask of a critic whose encoder is frozen: everything but `encoder`."""
  return {k: jax.tree.map(lambda _: k != "encoder", v) for k, v in params.items()}


def _under_mesh(fn, mesh):
  """Call (and so trace) a jitted `fn` under the mesh and the logical-axis rules, which
  resolve the models' activation sharding constraints."""
  @functools.wraps(fn)
  def wrapped(*args, **kw):
    with jax.sharding.set_mesh(mesh), nn.logical_axis_rules(RULES):
      return fn(*args, **kw)
  return wrapped
