"""Are a policy's repeated questions still in its view when it asks them again?

Reads the episodes `python -m archer_jax.evaluate ... --out FILE` wrote and, for every turn
that evaluate counts as a repeat (an earlier turn of its episode asked a question with the
same answers: the env's `action_key`), checks whether that earlier question is inside the
last W tokens of the observation (the run's tokenizer; W = `actor.obs_len` or
`critic.obs_len`, what the actor or the critic is shown). A question cut by the window's
edge counts as inside.

  python benchmarks/repeat_window.py --windows 96,64 runs/seed0.json runs/seed1.json
"""

from __future__ import annotations

import argparse
import json
import os
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, REPO)


def questions(text: str) -> list[str]:
  """The questions of an observation's history lines ("Is it a dog? No." -> "Is it a dog?")."""
  return [line[: line.rindex("?") + 1] for line in text.split("\n") if "?" in line]


def shares(episodes: list[dict], key, encode, decode, windows) -> dict:
  """{"turns", "repeats" (share of turns), W: share of the repeats with the earlier copy
  inside the observation's last W tokens}."""
  from archer_jax.evaluate import repeats as repeated  # (evaluate's own count)

  turns = n_rep = 0
  inside = dict.fromkeys(windows, 0)
  for ep in episodes:
    for t, rep in zip(ep["turns"], repeated(ep["turns"], key), strict=True):
      turns += 1
      if not rep:
        continue
      n_rep += 1
      k, ids = key(t["action"]), encode(t["observation"])
      for w in windows:
        inside[w] += any(key(q) == k for q in questions(decode(ids[-w:])))
  out = {"turns": turns, "repeats": n_rep / max(turns, 1)}
  out.update({w: inside[w] / max(n_rep, 1) for w in windows})
  return out


def _lengths(text: str) -> list[int]:
  """ "96,64" -> [96, 64] (one option value, so the files may follow it)."""
  try:
    out = [int(x) for x in text.split(",") if x.strip()]
  except ValueError:
    raise argparse.ArgumentTypeError(f"expected lengths like 96,64, got {text!r}") from None
  if not out or min(out) < 1:
    raise argparse.ArgumentTypeError(f"expected positive lengths like 96,64, got {text!r}")
  return out


def main(argv=None):
  ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
  ap.add_argument("files", nargs="+", help="JSON files written by archer_jax.evaluate --out")
  ap.add_argument(
    "--windows",
    type=_lengths,
    default=[96, 64],
    help="window lengths in tokens, comma-separated (default 96,64)",
  )
  ap.add_argument("--words", default="subset", help="the Twenty Questions word list played")
  args = ap.parse_args(argv)
  from transformers import PreTrainedTokenizerFast

  from archer_jax.envs.twenty_questions.env import TwentyQuestionsEnv

  key = TwentyQuestionsEnv(batch_size=1, max_turns=20, seed=0, words=args.words).action_key
  head = " / ".join(str(w) for w in args.windows)
  print(f"| file | policy | turns | repeats | of them inside the last {head} tokens |")
  print("|---|---|---:|---:|---|")
  for path in args.files:
    doc = json.load(open(path))
    tok_file = os.path.join(doc["workdir"], "tokenizer", "tokenizer.json")
    if not os.path.exists(tok_file):
      raise SystemExit(f"{path}: its run's tokenizer {tok_file} is missing")
    tok = PreTrainedTokenizerFast(tokenizer_file=tok_file)
    for policy, eps in doc["episodes"].items():
      s = shares(eps, key, tok.encode, tok.decode, args.windows)
      inside = " / ".join(f"{s[w]:.0%}" for w in args.windows)
      print(
        f"| {os.path.basename(path)} | {policy} | {s['turns']} | {s['repeats']:.0%} | {inside} |"
      )


if __name__ == "__main__":
  main()
