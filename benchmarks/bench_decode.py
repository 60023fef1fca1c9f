"""Decode throughput of the jitted KV-cache sampler vs transformers' PyTorch `generate`.

  python benchmarks/bench_decode.py                          # batches 1, 32, 128
  python benchmarks/bench_decode.py --batches 1,8 --new-tokens 16 --no-torch

Same model weights (SmolLM2-135M-Instruct GGUF, dequantised to float32), same prompts
(P real tokens per row, no padding), greedy, no early stop (EOS disabled), KV cache in both.
Per batch size B and implementation:

  prefill s   time of a 1-new-token call (the prompt forward + one token)
  total s     time of an N-new-token call
  decode tok/s   B (N - 1) / (total - prefill): the per-step decode rate
  e2e tok/s      B N / total
  compile s   JAX: the ahead-of-time compile of both programs (excluded from the timings);
              torch: the untimed warm-up call

Timed calls run `--reps` times (minimum kept). The greedy ids of the two implementations
are compared (the fraction of rows with identical ids is reported). The table is printed
and appended to benchmarks/results_decode.md with the command, machine and versions.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, REPO)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from _util import cpu_name  # noqa: E402

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

TEXT = (
  "You are playing Twenty Questions. Ask yes or no questions to find the hidden object. "
  "Is it an animal? No. Is it a fruit? Yes. Is it red? No. Is it bigger than a "
  "breadbox? No. Is it yellow? Yes. Is it a banana? Yes. Well done, you found it in "
  "six questions. Now a new round begins with a new hidden object from the kitchen. "
)


def timed(fn, reps: int) -> tuple[float, object]:
  """(min seconds over reps, last result)."""
  best, out = float("inf"), None
  for _ in range(reps):
    t0 = time.perf_counter()
    out = fn()
    best = min(best, time.perf_counter() - t0)
  return best, out


def make_prompts(tok, batch: int, length: int):
  """[batch, length] int32 ids: windows of a long tokenised text, a different offset per
  row (real text keeps greedy choices away from near-ties)."""
  import numpy as np

  ids = tok(TEXT * (2 + (batch + length) // 40), add_special_tokens=False)["input_ids"]
  ids = np.asarray(ids, np.int32)
  need = length + batch
  while len(ids) < need:
    ids = np.concatenate([ids, ids])
  return np.stack([ids[i : i + length] for i in range(batch)])


def bench_jax(cfg, params, prompts, new_tokens: int, reps: int) -> dict:
  import jax
  import numpy as np

  from archer_jax.generation import sample

  b, p = prompts.shape
  mask = np.ones((b, p), bool)
  key = jax.random.PRNGKey(0)
  progs, compile_s = {}, 0.0
  for n in sorted({1, new_tokens}):
    t0 = time.perf_counter()
    progs[n] = sample.lower(
      params,
      prompts,
      mask,
      key,
      np.float32(1.0),
      None,
      cfg=cfg,
      max_new_tokens=n,
      greedy=np.bool_(True),
    ).compile()
    compile_s += time.perf_counter() - t0

  def call(n):
    out = progs[n](params, prompts, mask, key, np.float32(1.0), None, greedy=np.bool_(True))
    return jax.block_until_ready(out)

  prefill_s, _ = timed(lambda: call(1), reps)
  total_s, out = timed(lambda: call(new_tokens), reps)
  assert int(np.asarray(out.lengths).min()) == new_tokens
  return dict(prefill=prefill_s, total=total_s, compile=compile_s, tokens=np.asarray(out.tokens))


def bench_torch(model, prompts, new_tokens: int, reps: int) -> dict:
  import numpy as np
  import torch

  x = torch.tensor(prompts, dtype=torch.long)
  kw = dict(attention_mask=torch.ones_like(x), do_sample=False, use_cache=True, pad_token_id=0)

  def call(n):
    with torch.inference_mode():
      return model.generate(x, max_new_tokens=n, **kw)

  t0 = time.perf_counter()
  call(2)  # warm-up
  warm_s = time.perf_counter() - t0
  prefill_s, _ = timed(lambda: call(1), reps)
  total_s, out = timed(lambda: call(new_tokens), reps)
  out = out[:, prompts.shape[1] :].numpy()
  assert out.shape[1] == new_tokens
  return dict(prefill=prefill_s, total=total_s, compile=warm_s, tokens=np.asarray(out))


def row(impl: str, b: int, n: int, r: dict, match: str) -> str:
  decode = b * (n - 1) / max(r["total"] - r["prefill"], 1e-9)
  e2e = b * n / r["total"]
  return (
    f"| {b} | {impl} | {r['prefill']:.2f} | {r['total']:.2f} | {decode:,.1f} | "
    f"{e2e:,.1f} | {r['compile']:.1f} | {match} |"
  )


def main(argv=None):
  ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
  ap.add_argument("--model", default="smollm2-135m-instruct")
  ap.add_argument("--batches", default="1,32,128", help="comma-separated batch sizes")
  ap.add_argument("--prompt-len", type=int, default=64)
  ap.add_argument("--new-tokens", type=int, default=32)
  ap.add_argument("--reps", type=int, default=1, help="timed repetitions (min kept)")
  ap.add_argument(
    "--torch-threads", type=int, default=0, help="torch intra-op threads (0: torch's default)"
  )
  ap.add_argument("--no-torch", action="store_true", help="JAX only")
  ap.add_argument(
    "--out",
    default=os.path.join(REPO, "benchmarks", "results_decode.md"),
    help="markdown file the results are appended to ('' : none)",
  )
  args = ap.parse_args(argv)
  batches = [int(x) for x in args.batches.split(",") if x.strip()]
  if args.new_tokens < 2:
    ap.error("--new-tokens must be >= 2")

  import jax
  import numpy as np

  from archer_jax.loading import load_model, load_tokenizer, resolve
  from archer_jax.loading.gguf_file import fast_gguf_metadata

  load_avg = os.getloadavg()
  cfg, params = load_model(args.model, dtype="float32")
  tok = load_tokenizer(args.model)
  torch_model, torch = None, None
  if not args.no_torch:
    import torch
    import transformers

    if args.torch_threads:
      torch.set_num_threads(args.torch_threads)
    path = resolve(args.model)
    kw = dict(dtype=torch.float32)
    with fast_gguf_metadata():
      if path.suffix == ".gguf":
        torch_model = transformers.AutoModelForCausalLM.from_pretrained(
          str(path.parent), gguf_file=path.name, **kw
        )
      else:
        torch_model = transformers.AutoModelForCausalLM.from_pretrained(str(path), **kw)
    torch_model.eval()
    torch_model.generation_config.eos_token_id = None  # never stop early

  header = (
    "| batch | impl | prefill s | total s | decode tok/s | e2e tok/s | compile s | "
    "same ids |\n|---:|---|---:|---:|---:|---:|---:|---|"
  )
  lines = []
  print(header, flush=True)
  for b in batches:
    prompts = make_prompts(tok, b, args.prompt_len)
    rj = bench_jax(cfg, params, prompts, args.new_tokens, args.reps)
    rt = bench_torch(torch_model, prompts, args.new_tokens, args.reps) if torch_model else None
    match = "-"
    if rt is not None:
      same = np.all(rj["tokens"] == rt["tokens"], axis=1)
      match = f"{int(same.sum())}/{b}"
    for impl, r in (("jax", rj), ("torch", rt)):
      if r is not None:
        lines.append(row(impl, b, args.new_tokens, r, match))
        print(lines[-1], flush=True)

  versions = [f"python {platform.python_version()}", f"jax {jax.__version__}"]
  import flax

  versions.append(f"flax {flax.__version__}")
  if torch is not None:
    import transformers

    versions += [
      f"torch {torch.__version__} ({torch.get_num_threads()} threads)",
      f"transformers {transformers.__version__}",
    ]
  cmd = "python benchmarks/bench_decode.py " + " ".join(
    a if a.strip() and " " not in a else repr(a) for a in (argv or sys.argv[1:])
  )
  report = "\n".join(
    [
      f"## Decode throughput, {datetime.datetime.now().strftime('%Y-%m-%d %H:%M')}",
      "",
      f"- command: `{cmd.strip()}`",
      f"- model: {args.model} ({cfg.num_params() / 1e6:.0f}M params, float32), prompt "
      f"{args.prompt_len} tokens, {args.new_tokens} new tokens, greedy, no early stop",
      f"- machine: {os.cpu_count()} CPUs ({cpu_name()}), JAX backend "
      f"{jax.default_backend()} ({len(jax.devices())} device(s)); load average at start "
      f"{load_avg[0]:.1f} (shared machine: other jobs were running, timings are noisy)",
      f"- versions: {', '.join(versions)}",
      "- prefill s: 1-new-token call; decode tok/s = B (N - 1) / (total - prefill); "
      "e2e tok/s = B N / total; compile s: JAX ahead-of-time compile of both programs, "
      "torch warm-up call (both excluded from the timings); same ids: rows whose greedy "
      "ids agree between the two",
      "",
      header,
      *lines,
      "",
    ]
  )
  if args.out:
    with open(args.out, "a") as f:
      f.write(report + "\n")
    print(f"appended to {args.out}")
  return report


if __name__ == "__main__":
  main()
