"""ArCHer throughput, this project against the PyTorch original, in one run.

  python benchmarks/throughput.py                                # rows tiny, paper-small
  python benchmarks/throughput.py --rows paper,smollm2 --dtype bfloat16   # on a GPU
  python benchmarks/throughput.py --quick                        # seconds: a smoke check

Rows (same model sizes, batch sizes and sequence lengths for every implementation):
  tiny         the README's main job (2x128 llama actor, 2x64 BERT critic, batch 64)
  paper-small  2-layer GPT-2 d768 actor, 2-layer RoBERTa d768 critic, 16 samples per step,
               windows 256 / 32 (CPU-sized)
  paper        GPT-2-small + RoBERTa-base, 256 samples per step in 8 micro-batches
               (accelerator-sized)
  smollm2      SmolLM2-135M-Instruct + MiniLM-L6 (the shipped weights when installed, else
               random weights of the same shapes from `--kit`, see accelerator_check.sh)
Implementations (`--impls`): jax (this project's trainer code), faithful and optimised
(`benchmarks/pytorch_baseline`), each in its own process (clean peak memory, no shared
threads or caches). Per row and implementation: critic update (transitions/s) and actor
update (states/s), both with their a_pi sampling; rollout (env steps/s, kept utterance
tokens/s) of the config's rollout_size episodes; one full ArCHer iteration = rollout +
the config's critic_steps critic and actor_steps actor updates (composed from the measured
unit times); compile / warm-up time apart; peak memory (device on accelerators, RSS on
CPU); JAX / PyTorch ratios. MFU of JAX's jitted critic and actor steps (`flops.py`).
Untrained (random) policies never win, so episodes run all turns and histories fill the
windows: the costs are those of full-length rows.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, REPO)
sys.path.insert(0, BENCH)
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

IMPLS = ("jax", "faithful", "optimised")
SHIPPED = ("smollm2-135m-instruct", "minilm-l6")


# ---- rows ------------------------------------------------------------------------------
def row_config(name: str, dtype: str = "float32"):
  """The training config of a row (warm start off, plain advantages, no KL anchor, few eval
  episodes), and its schedule {rollout_size, critic_steps, actor_steps} for the full
  iteration."""
  from archer_jax.training.validate import load_config
  from configs.common import GPT2_SMALL, ROBERTA_BASE

  cfg_file = "configs/twenty_questions.py"
  if name in ("tiny", "quick"):
    c = load_config(cfg_file + ":tiny")
  elif name in ("paper", "paper-small"):
    c = load_config(cfg_file + ":paper")
    if name == "paper-small":
      c.actor.scratch = dict(GPT2_SMALL, num_layers=2)
      c.critic.scratch = dict(ROBERTA_BASE, num_layers=2)
      c.algo.update(batch_size=16, micro_batches=2)
      c.train.rollout_size = 16
      c.actor.batch_buckets = [16, 32, 64, 128, 256]
  elif name == "smollm2":
    c = load_config(cfg_file + ":smollm2")
    c.actor.batch_buckets = [16, 32, 64, 128, 256]
  else:
    raise SystemExit(f"unknown row {name!r}")
  if name == "quick":  # seconds: smoke-sized models, 2 turns, 4 episodes
    c.tokenizer.update(vocab_size=300, corpus_episodes=16)
    c.actor.scratch = dict(c.actor.scratch, hidden_size=32, intermediate_size=64)
    c.critic.scratch = dict(c.critic.scratch, hidden_size=32, intermediate_size=64)
    c.actor.update(max_new_tokens=6, obs_len=48, batch_buckets=[4, 8, 16], sample_chunk=16)
    c.critic.update(act_len=6, obs_len=32)
    c.env.max_turns = 2
    c.algo.update(batch_size=4, critic_steps=2, actor_steps=1)
    c.train.rollout_size = 4
  for who in ("actor", "critic"):  # compute dtype; parameters and optimizer stay float32
    c[who].update(dtype=dtype, param_dtype="float32")
  schedule = {
    "rollout_size": c.train.rollout_size,
    "critic_steps": c.algo.critic_steps,
    "actor_steps": c.algo.actor_steps,
  }
  # as the original: no advantage normalisation, warm-up, KL anchor or unlikelihood term
  c.algo.update(normalize_advantage=False, warmup_iters=0, kl_coef=0.0, unlikelihood_coef=0.0)
  if name == "tiny":  # the window the recorded rows were measured with
    c.actor.obs_len = 96
  # the original's actor (and the recorded rows) have no gate
  c.actor.update(seen_gate=False, attend_len=0)
  c.bc.update(steps=0, to_buffer=False, critic_steps=0)
  c.train.update(eval_episodes=4, greedy_rollouts=0, eval_sampled=False)
  return c, schedule


def prepare(name: str, c, root: str, kit: str | None) -> dict:
  """Files the row's workers share: the from-scratch tokenizer (trained once, here), or
  the pretrained checkpoints (shipped, or random ones written from `kit`)."""
  os.makedirs(root, exist_ok=True)
  if c.actor.model == "scratch":
    from archer_jax.data import tokenizer as bpe
    from archer_jax.envs.play import play
    from archer_jax.envs.registry import make_env, make_player
    from archer_jax.training.builder import trajectory_texts

    n = max(int(c.tokenizer.corpus_episodes), 8)
    env = make_env(c.env, batch_size=n, seed=c.seed + 7)
    trajs = play(env, lambda rng: make_player(c.env, rng, skill=c.bc.skill), seed=c.seed)
    bpe.save(
      bpe.train_bpe(trajectory_texts(trajs), c.tokenizer.vocab_size),
      os.path.join(root, "tokenizer"),
    )
    return {}
  from archer_jax.loading import resolve

  try:
    if kit:
      raise FileNotFoundError
    paths = [str(resolve(n)) for n in SHIPPED]
  except FileNotFoundError:
    if not kit:
      raise SystemExit(
        f"row {name}: the shipped models are not installed; pass --kit "
        "(benchmarks/accelerator_check.sh prep) for random weights"
      ) from None
    paths = random_checkpoints(kit, root)
  c.actor.model, c.critic.model = paths
  return {"weights": paths}


def random_checkpoints(kit: str, root: str) -> list[str]:
  """transformers checkpoints with random weights from the kit's config.json and tokenizer
  files (kit/smollm2, kit/minilm): the shipped models' shapes without their weights."""
  import torch
  import transformers

  out = []
  for name, auto in (
    ("smollm2", transformers.AutoModelForCausalLM),
    ("minilm", transformers.AutoModel),
  ):
    dst = os.path.join(root, name)
    if not os.path.exists(os.path.join(dst, "model.safetensors")):
      shutil.copytree(os.path.join(kit, name), dst, dirs_exist_ok=True)
      torch.manual_seed(0)
      model = auto.from_config(transformers.AutoConfig.from_pretrained(dst))
      model.save_pretrained(dst, safe_serialization=True)
    out.append(dst)
  return out


def make_kit(dst: str) -> None:
  """Write what a machine without the shipped models needs for the smollm2 row: the
  tokenizers and config.json of SmolLM2-135M-Instruct and MiniLM-L6 (no weights)."""
  import transformers

  from archer_jax.loading import load_tokenizer, resolve

  gguf, minilm = (resolve(n) for n in SHIPPED)
  out = os.path.join(dst, "smollm2")
  load_tokenizer(SHIPPED[0]).save_pretrained(out)
  transformers.AutoConfig.from_pretrained(
    str(gguf.parent), gguf_file=gguf.name, local_files_only=True
  ).save_pretrained(out)
  out = os.path.join(dst, "minilm")
  os.makedirs(out, exist_ok=True)
  for f in os.listdir(minilm):
    if f.endswith((".json", ".txt")) and os.path.isfile(os.path.join(minilm, f)):
      shutil.copy(os.path.join(minilm, f), out)
  print(f"kit written to {dst}")


# ---- one implementation, in a worker process ---------------------------------------------------
def worker(args) -> dict:
  c, _ = row_config(args.row, args.dtype)
  shared = json.loads(args.shared)
  if "weights" in shared:
    c.actor.model, c.critic.model = shared["weights"]
  if args.impl == "jax":
    from throughput_workers import measure_jax

    wd = os.path.join(args.root, "jax")
    if os.path.exists(os.path.join(args.root, "tokenizer")):
      shutil.copytree(
        os.path.join(args.root, "tokenizer"), os.path.join(wd, "tokenizer"), dirs_exist_ok=True
      )
    return measure_jax(c, wd, args.steps)
  from throughput_workers import measure_torch

  acfg, ccfg, toks, weights = torch_models(c, args.root, shared.get("weights"))
  comp = {"auto": None, "on": True, "off": False}[getattr(args, "torch_compile", "auto")]
  return measure_torch(
    c, args.impl, acfg, ccfg, toks, args.steps, weights=weights, compile_torch=comp
  )


def torch_models(c, root: str, weights):
  """(actor ModelConfig, critic ModelConfig, (actor, critic) tokenizers, weights) for the
  PyTorch rows, matching what the JAX trainer builds."""
  from archer_jax.models import ModelConfig

  if weights is None:
    from archer_jax.data import tokenizer as bpe

    tok = bpe.load(os.path.join(root, "tokenizer"))
    ids = dict(
      vocab_size=len(tok),
      pad_token_id=tok.pad_token_id,
      eos_token_id=tok.eos_token_id,
      bos_token_id=tok.bos_token_id,
    )
    mk = lambda spec: ModelConfig(**{"max_position_embeddings": 1024, **dict(spec), **ids})
    return mk(c.actor.scratch), mk(c.critic.scratch), (tok, tok), None
  from archer_jax.loading import load_tokenizer
  from archer_jax.loading.gguf_file import config_from_gguf, open_gguf
  from archer_jax.loading.hf import config_from_hf, read_hf_config

  a, cr = weights
  over = {k: v for k, v in dict(c.critic.get("overrides", {})).items() if k == "pooling"}
  acfg = (
    config_from_gguf(open_gguf(a), source=a)
    if a.endswith(".gguf")
    else config_from_hf(read_hf_config(a), source=a)
  )
  ccfg = config_from_hf(read_hf_config(cr), source=cr, **over)
  return acfg, ccfg, (load_tokenizer(a), load_tokenizer(cr)), (a, cr)


def run_worker(row, impl, root, shared, args) -> dict:
  if args.inline:  # one process for all (smoke runs: no per-process peak memory)
    ns = argparse.Namespace(
      row=row,
      impl=impl,
      root=root,
      shared=json.dumps(shared),
      steps=args.steps,
      dtype=args.dtype,
      torch_compile=args.torch_compile,
    )
    return json.loads(json.dumps(worker(ns)))
  with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as f:
    out = f.name
  cmd = [
    sys.executable,
    os.path.abspath(__file__),
    "--worker",
    "--row",
    row,
    "--impl",
    impl,
    "--root",
    root,
    "--shared",
    json.dumps(shared),
    "--steps",
    str(args.steps),
    "--dtype",
    args.dtype,
    "--torch-compile",
    args.torch_compile,
    "--json",
    out,
  ]
  env = dict(os.environ)
  if impl != "jax":
    env["JAX_PLATFORMS"] = "cpu"  # the torch rows use JAX for nothing on a device
  print(f"[{row} / {impl}] ...", flush=True)
  try:
    proc = subprocess.run(cmd, env=env, cwd=REPO, timeout=args.timeout)
  except subprocess.TimeoutExpired:
    print(f"[{row} / {impl}] timed out after {args.timeout:.0f} s", flush=True)
    return {"failed": "timeout"}
  if proc.returncode:
    print(f"[{row} / {impl}] failed (exit {proc.returncode})", flush=True)
    return {"failed": proc.returncode}
  with open(out) as f:
    res = json.load(f)
  os.unlink(out)
  return res


# ---- tables ------------------------------------------------------------------------------
def derive(res: dict, c, schedule: dict) -> dict:
  """Rates and the composed iteration time from a worker's unit times."""
  if "failed" in res:
    return res
  b = c.algo.batch_size
  scale = schedule["rollout_size"] / c.train.rollout_size
  res["critic_rate"] = b / res["critic"]
  res["actor_rate"] = b / res["actor"]
  res["env_rate"] = res["env_steps"] / res["collect"]
  res["token_rate"] = res["tokens"] / res["collect"]
  res["iteration"] = (
    res["collect"] * scale
    + schedule["critic_steps"] * res["critic"]
    + schedule["actor_steps"] * res["actor"]
  )
  res["compile"] = res["collect_compile"] + res["critic_compile"] + res["actor_compile"]
  if "actor_cfg" in res:
    res.update({f"{k}_flops": v for k, v in step_flops(c, res).items()})
  return res


def step_flops(c, res: dict) -> dict:
  """Analytic FLOPs of the critic and actor steps of a JAX result's networks."""
  import flops

  from archer_jax.models import ModelConfig

  fix = lambda d: ModelConfig(
    **{**d, "rope_scaling": tuple(map(tuple, d["rope_scaling"])) if d.get("rope_scaling") else None}
  )
  acfg, ccfg = fix(res["actor_cfg"]), fix(res["critic_cfg"])
  b = c.algo.batch_size
  lo, la, clo, cla = c.actor.obs_len, c.actor.max_new_tokens, c.critic.obs_len, c.critic.act_len
  return {
    "critic": flops.critic_step(ccfg, b, clo, cla),
    "actor": flops.actor_step(acfg, ccfg, b, lo, la, clo, cla),
  }


def mfu_rows(row: str, c, res: dict, peak_info) -> list[str]:
  """Markdown rows of the MFU table for the JAX result of one row."""
  import flops

  counts = {k: res[f"{k}_flops"] for k in ("critic", "actor")}
  name, peak = peak_info
  out = []
  for step, f in counts.items():
    sec, xla = res[f"{step}_jit"], res.get(f"{step}_xla_flops")
    m = flops.mfu(f, sec, peak)
    out.append(
      f"| {row} | {step} | {f / 1e9:.4g} | {xla / 1e9 if xla else float('nan'):.4g} | "
      f"{sec:.3f} | {f / sec / 1e12:.3f} | {name} {peak / 1e12 if peak else 0:.3g} | "
      f"{'n/a' if m is None else f'{100 * m:.1f}%'} |"
    )
  return out


def decode_floor(c, j: dict) -> str:
  """Measured decode step time over its memory-bandwidth floor (weights in their stored
  dtype and the KV cache in the compute dtype read once per step), where the device's
  bandwidth is known."""
  import flops

  from archer_jax.models import ModelConfig

  if not j.get("bandwidth"):
    return "n/a"
  d = dict(j["actor_cfg"], rope_scaling=None)
  cfg = ModelConfig(**d)
  n = c.actor.max_new_tokens
  step = (j["turn_sample"] - j["turn_prefill"]) / max(n - 1, 1)
  size = lambda dt: 2 if dt in ("bfloat16", "float16") else 4
  floor = (
    flops.decode_step_bytes(
      cfg, j["decode_rows"], c.actor.obs_len + n - 1, size(cfg.param_dtype), size(cfg.dtype)
    )
    / j["bandwidth"]
  )
  return f"{step / floor:.1f}x ({1e3 * step:.2f} / {1e3 * floor:.3f} ms)"


def fmt(x, digits=1):
  return "n/a" if x is None else f"{x:.{digits}f}"


def tables(results: dict, rows_cfg: dict) -> str:
  lines = [
    "| row | impl | critic transitions/s | actor states/s | rollout env steps/s | "
    "rollout tokens/s | iteration s | compile / warm-up s | peak memory MiB |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|",
  ]
  ratios = ["| row | vs | critic | actor | rollout | iteration |", "|---|---|---:|---:|---:|---:|"]
  for row, by_impl in results.items():
    for impl, r in by_impl.items():
      if "failed" in r:
        lines.append(f"| {row} | {impl} | failed (exit {r['failed']}) | | | | | | |")
        continue
      lines.append(
        f"| {row} | {impl} | {fmt(r['critic_rate'])} | {fmt(r['actor_rate'])} | "
        f"{fmt(r['env_rate'])} | {fmt(r['token_rate'])} | {fmt(r['iteration'])} | "
        f"{fmt(r['compile'])} | {r['peak_mb']:.0f} |"
      )
    j = by_impl.get("jax", {})
    for other in ("faithful", "optimised"):
      o = by_impl.get(other, {})
      if "iteration" in j and "iteration" in o:
        ratios.append(
          f"| {row} | {other} | {o['critic'] / j['critic']:.2f}x | "
          f"{o['actor'] / j['actor']:.2f}x | {o['collect'] / j['collect']:.2f}x | "
          f"{o['iteration'] / j['iteration']:.2f}x |"
        )
  shares = []
  for row, by_impl in results.items():
    j = by_impl.get("jax", {})
    if "turn_prefill" in j:
      c, sched = rows_cfg[row]
      turns = j["env_steps"] / c.train.rollout_size
      share = turns * j["turn_prefill"] * sched["rollout_size"] / c.train.rollout_size
      shares.append(
        f"| {row} | {j['turn_prefill']:.3f} | {j['turn_sample']:.3f} | "
        f"{100 * j['turn_prefill'] / j['turn_sample']:.0f}% | "
        f"{100 * share / j['iteration']:.1f}% | {decode_floor(c, j)} |"
      )
  text = (
    "\n".join(lines)
    + "\n\nJAX speed-up (PyTorch time / JAX time, same run):\n\n"
    + "\n".join(ratios)
  )
  if shares:
    text += (
      "\n\nJAX rollout turns: the sampler call at the rollout's shapes (full window, "
      "all new tokens) and its prefill alone (1 new token), and the prefill's share of "
      "the iteration (every turn re-prefills the whole history):\n\n| row | prefill s "
      "| turn's sampling s | prefill / turn | prefill / iteration | decode step / "
      "bandwidth floor |\n|---|---:|---:|---:|---:|---:|\n" + "\n".join(shares)
    )
  mfu = []
  for row, by_impl in results.items():
    j = by_impl.get("jax", {})
    if "critic_jit" in j:
      mfu += mfu_rows(row, rows_cfg[row][0], j, j["peak"])
  if mfu:
    text += (
      "\n\nMFU of JAX's jitted steps (a_pi already sampled; analytic FLOPs, XLA's "
      "count beside them):\n\n| row | step | GFLOP | XLA GFLOP | step s | TFLOP/s | "
      "peak TFLOP/s | MFU |\n|---|---|---:|---:|---:|---:|---|---:|\n" + "\n".join(mfu)
    )
  return text


def header(args) -> str:
  import jax
  import torch
  import transformers
  from _util import cpu_name

  dev = jax.devices()[0]
  return (
    f"- command: `python benchmarks/throughput.py {' '.join(sys.argv[1:])}`\n"
    f"- date: {datetime.datetime.now():%Y-%m-%d %H:%M}\n"
    f"- machine: {os.cpu_count()} CPUs ({cpu_name()}), JAX device {dev.device_kind} "
    f"({dev.platform}); torch CUDA: {torch.cuda.is_available()}; load average at start "
    f"{os.getloadavg()[0]:.1f}\n"
    f"- versions: python {platform.python_version()}, jax {jax.__version__}, torch "
    f"{torch.__version__}, transformers {transformers.__version__}\n"
    f"- compute dtype {args.dtype}; {args.steps} timed steps of each kind after one "
    "untimed; iteration = rollout + the config's critic and actor steps (schedule "
    "below)\n"
  )


def main(argv=None):
  ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
  ap.add_argument("--rows", default="tiny,paper-small")
  ap.add_argument("--impls", default=",".join(IMPLS))
  ap.add_argument("--steps", type=int, default=2, help="timed steps of each kind")
  ap.add_argument("--dtype", default="float32", help="JAX compute dtype (bfloat16 on GPUs)")
  ap.add_argument(
    "--torch-compile",
    default="auto",
    choices=("auto", "on", "off"),
    help="torch.compile the optimised row's training forwards (auto: on CUDA)",
  )
  ap.add_argument("--kit", default=None, help="tokenizers + configs for random SmolLM2 rows")
  ap.add_argument("--out", default=None, help="append the markdown section to this file")
  ap.add_argument("--quick", action="store_true", help="a seconds-long smoke run")
  ap.add_argument("--timeout", type=float, default=3600, help="seconds per worker")
  ap.add_argument("--workdir", default=None)
  ap.add_argument("--inline", action="store_true", help="run every worker in this process")
  ap.add_argument("--make-kit", default=None, metavar="DIR", help="write the kit and exit")
  ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
  for hidden in ("--row", "--impl", "--root", "--shared", "--json"):
    ap.add_argument(hidden, help=argparse.SUPPRESS)
  args = ap.parse_args(argv)
  os.chdir(REPO)
  if args.make_kit:
    return make_kit(args.make_kit)
  if args.worker:
    res = worker(args)
    with open(args.json, "w") as f:
      json.dump(res, f)
    return res
  rows = ["quick"] if args.quick else args.rows.split(",")
  if args.quick:
    args.steps = 1
  impls = args.impls.split(",")
  tmp = args.workdir or tempfile.mkdtemp(prefix="archer_throughput_")
  results, rows_cfg = {}, {}
  for row in rows:
    c, schedule = row_config(row, args.dtype)
    root = os.path.join(tmp, row)
    shared = prepare(row, c, root, args.kit)
    rows_cfg[row] = (c, schedule)
    results[row] = {
      impl: derive(run_worker(row, impl, root, shared, args), c, schedule) for impl in impls
    }
  text = (
    header(args)
    + "\n"
    + "\n".join(
      f"- {row}: schedule {s}, batch {c.algo.batch_size} in {c.algo.micro_batches} "
      f"micro-batches, windows actor {c.actor.obs_len}+{c.actor.max_new_tokens}, critic "
      f"{c.critic.obs_len}/{c.critic.act_len}"
      for row, (c, s) in rows_cfg.items()
    )
  )
  text += "\n\n" + tables(results, rows_cfg) + "\n"
  print(text)
  if args.out:
    with open(args.out, "a") as f:
      f.write(f"\n## ArCHer throughput, {datetime.date.today()}\n\n{text}")
  if not args.workdir:
    shutil.rmtree(tmp, ignore_errors=True)
  return results


if __name__ == "__main__":
  main()
