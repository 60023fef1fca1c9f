"""Generate text with a local model.

  python -m archer_jax.generate --model smollm2-135m-instruct --chat \\
      --prompt "Name three fruits." [--prompt ...] [--max-new-tokens N] [--greedy]
      [--temperature T] [--top-k K] [--top-p P] [--seed S] [--stop STR] [--dtype D]

--model takes a known name (`archer_jax.loading.NAMES`), an HF checkpoint directory or a
.gguf file. Prints each completion, then (on stderr) the first call's time (compilation
included) and the tokens/s of a second, warm call with the same shapes (skip it with
--no-warm).
"""

from __future__ import annotations

import argparse
import sys
import time


def parse_args(argv=None) -> argparse.Namespace:
  ap = argparse.ArgumentParser(
    prog="python -m archer_jax.generate", description="Generate text with a local causal LM."
  )
  ap.add_argument(
    "--model", required=True, help="known model name, HF checkpoint directory or .gguf file"
  )
  ap.add_argument(
    "--prompt", required=True, action="append", help="prompt text (repeat the flag for a batch)"
  )
  ap.add_argument("--max-new-tokens", type=int, default=64)
  ap.add_argument("--greedy", action="store_true", help="argmax decoding")
  ap.add_argument("--chat", action="store_true", help="apply the tokenizer's chat template")
  ap.add_argument("--temperature", type=float, default=1.0)
  ap.add_argument("--top-k", type=int, default=0, help="0: off")
  ap.add_argument("--top-p", type=float, default=1.0, help="1.0: off")
  ap.add_argument("--seed", type=int, default=0)
  ap.add_argument(
    "--stop",
    action="append",
    default=None,
    help="stop string, e.g. $'\\n' (repeatable; EOS always stops)",
  )
  ap.add_argument("--dtype", default="float32", choices=("float32", "bfloat16"))
  ap.add_argument("--no-warm", action="store_true", help="skip the second (timed, warm) call")
  args = ap.parse_args(argv)
  if args.max_new_tokens < 1:
    ap.error("--max-new-tokens must be >= 1")
  if args.temperature < 0 or not 0.0 <= args.top_p <= 1.0 or args.top_k < 0:
    ap.error("need --temperature >= 0, 0 <= --top-p <= 1, --top-k >= 0")
  return args


def main(argv=None) -> int:
  args = parse_args(argv)
  import jax

  from archer_jax.generation import Sampler
  from archer_jax.loading import load_model, load_tokenizer
  from archer_jax.loading.hf import CheckpointError

  try:
    t0 = time.perf_counter()
    cfg, params = load_model(args.model, dtype=args.dtype)
    tok = load_tokenizer(args.model)
    load_s = time.perf_counter() - t0
  except (FileNotFoundError, CheckpointError, ValueError, KeyError) as e:
    print(f"error: cannot load model {args.model!r}: {e}", file=sys.stderr)
    return 2
  if not cfg.is_decoder:
    print(f"error: {args.model!r} is a {cfg.family} encoder, not a causal LM", file=sys.stderr)
    return 2
  longest = max(len(tok(p)["input_ids"]) for p in args.prompt) + 64  # chat template slack
  buckets = sorted({64, 128, 256, 512, 1024, 2048, 1 << max(longest - 1, 1).bit_length()})
  sampler = Sampler(
    cfg,
    tok,
    max_new_tokens=args.max_new_tokens,
    stop_strings=tuple(args.stop or ()),
    prompt_buckets=buckets,
  )
  kw = dict(
    temperature=args.temperature,
    top_k=args.top_k,
    top_p=args.top_p,
    greedy=args.greedy,
    chat=args.chat,
  )
  key = jax.random.PRNGKey(args.seed)
  t0 = time.perf_counter()
  res = sampler.generate(params, args.prompt, key, **kw)
  first_s = time.perf_counter() - t0
  warm_s = None
  if not args.no_warm:
    t0 = time.perf_counter()
    res = sampler.generate(params, args.prompt, key, **kw)
    warm_s = time.perf_counter() - t0
  for i, text in enumerate(res.texts):
    if len(res.texts) > 1:
      print(f"--- [{i}] {int(res.lengths[i])} tokens")
    print(text)
  n = int(res.lengths.sum())
  msg = (
    f"[{cfg.family}, {cfg.num_params() / 1e6:.0f}M params, {args.dtype}] load "
    f"{load_s:.1f}s; {n} tokens; first call {first_s:.2f}s (compilation included)"
  )
  if warm_s is not None:
    msg += f"; warm call {warm_s:.2f}s = {n / max(warm_s, 1e-9):.1f} tokens/s"
  print(msg, file=sys.stderr)
  return 0


if __name__ == "__main__":
  sys.exit(main())
