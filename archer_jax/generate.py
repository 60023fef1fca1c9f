"""Try generation: `python -m archer_jax.generate --model smollm2-135m-instruct --chat
--prompt "Name a fruit." [--max-new-tokens N] [--greedy] [--temperature T] [--top-k K]
[--top-p P] [--seed S] [--stop STR]`."""
from __future__ import annotations

import argparse
import sys
import time


def main(argv=None):
  ap = argparse.ArgumentParser(prog="python -m archer_jax.generate", description=__doc__)
  ap.add_argument("--model", required=True, help="known name, HF directory or .gguf file")
  ap.add_argument("--prompt", required=True, action="append",
                  help="prompt text (repeat for a batch)")
  ap.add_argument("--max-new-tokens", type=int, default=64)
  ap.add_argument("--greedy", action="store_true")
  ap.add_argument("--chat", action="store_true", help="apply the tokenizer's chat template")
  ap.add_argument("--temperature", type=float, default=1.0)
  ap.add_argument("--top-k", type=int, default=0)
  ap.add_argument("--top-p", type=float, default=1.0)
  ap.add_argument("--seed", type=int, default=0)
  ap.add_argument("--stop", action="append", default=None, help="stop string (repeatable)")
  ap.add_argument("--dtype", default="float32", choices=("float32", "bfloat16"))
  args = ap.parse_args(argv)
  import jax
  from archer_jax.generation import Sampler
  from archer_jax.loading import load_model, load_tokenizer
  try:
    cfg, params = load_model(args.model, dtype=args.dtype)
    tok = load_tokenizer(args.model)
  except (FileNotFoundError, ValueError, KeyError) as e:
    sys.exit(f"error: {e}")
  sampler = Sampler(cfg, tok, max_new_tokens=args.max_new_tokens,
                    stop_strings=tuple(args.stop or ()), prompt_buckets=(64, 128, 256, 512, 1024))
  kw = dict(temperature=args.temperature, top_k=args.top_k, top_p=args.top_p,
            greedy=args.greedy, chat=args.chat)
  t0 = time.perf_counter()
  res = sampler.generate(params, args.prompt, jax.random.PRNGKey(args.seed), **kw)
  first = time.perf_counter() - t0
  t0 = time.perf_counter()
  res = sampler.generate(params, args.prompt, jax.random.PRNGKey(args.seed), **kw)
  warm = time.perf_counter() - t0
  for text in res.texts:
    print(text)
    print("-" * 40)
  n = int(res.lengths.sum())
  print(f"{n} tokens; first call {first:.2f}s (compile included), warm {warm:.2f}s "
        f"= {n / max(warm, 1e-9):.1f} tokens/s", file=sys.stderr)


if __name__ == "__main__":
  main()
