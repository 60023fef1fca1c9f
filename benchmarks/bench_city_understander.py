"""How much of the real Guess My City questions the built-in understander answers sensibly.

  python benchmarks/bench_city_understander.py [--data PATH (default: the packaged copy)]
      [--sample 200] [--seed 0] [--show-unparsed 40] [--show-disagree 0] [--json OUT]

Every turn of the 950 public conversations is split into its question (chatter dropped, up to
the first '?') and the recorded answer. Measures:

- understood: share of the 17,606 questions the understander maps onto the knowledge base
  (a name guess, a refusal to reveal the name, a yes/no or either/or question over known
  concepts, or an open question with a known topic) instead of the fallback answer;
- by kind, and the most frequent questions it does not understand (--show-unparsed);
- yes/no agreement: for understood yes/no and name questions whose recorded answer starts
  with Yes/No, how often our truthful answer for the conversation's city has the same
  polarity. The recorded answers come from the benchmark's own LM oracle, which is not always
  right, so this is a lower bound on correctness;
- --sample N prints N random questions (fixed seed) with our answer for the conversation's
  city, for checking by hand.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import random
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from archer_jax.envs.guess_my_city.cities import city_index  # noqa: E402
from archer_jax.envs.guess_my_city.dataset import (  # noqa: E402
  DEFAULT_PATH,
  answer_polarity,
  load_conversations,
  turns,
)
from archer_jax.envs.guess_my_city.oracles import BuiltinOracle  # noqa: E402
from archer_jax.envs.guess_my_city.understander import Understander  # noqa: E402

DEFAULT = DEFAULT_PATH  # archer_jax/assets/guess_my_city_conversations.json.gz


def measure(path: str = DEFAULT, understander: Understander | None = None) -> dict:
  u = understander or Understander()
  data = load_conversations(path)
  rows = turns(data)
  t0 = time.perf_counter()
  kinds = collections.Counter()
  unparsed = collections.Counter()
  agree = disagree = 0
  disagreements = []
  for city, q, a in rows:
    p = u.parse(q)
    if p is None:
      kinds["fallback"] += 1
      unparsed[q] += 1
      continue
    kinds[p.kind] += 1
    if p.kind in ("yn", "name"):
      pol = answer_polarity(a)
      if pol is None:
        continue
      ours = p.truth(city_index(city)) if p.kind == "yn" else bool(p.mask[city_index(city)])
      if ours == pol:
        agree += 1
      else:
        disagree += 1
        disagreements.append((city, q, a[:80], p.key))
  secs = time.perf_counter() - t0
  n = len(rows)
  understood = n - kinds["fallback"]
  return {
    "conversations": len(data),
    "questions": n,
    "understood": understood,
    "understood_share": understood / n,
    "kinds": dict(kinds),
    "yn_compared": agree + disagree,
    "yn_agree": agree,
    "yn_agreement": agree / max(1, agree + disagree),
    "seconds": secs,
    "unparsed": unparsed,
    "disagreements": disagreements,
    "rows": rows,
  }


def main(argv=None) -> int:
  ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
  ap.add_argument("--data", default=DEFAULT)
  ap.add_argument("--sample", type=int, default=0)
  ap.add_argument("--seed", type=int, default=0)
  ap.add_argument("--show-unparsed", type=int, default=20)
  ap.add_argument("--show-disagree", type=int, default=0)
  ap.add_argument("--json", default="")
  args = ap.parse_args(argv)
  if not os.path.exists(args.data):
    print(f"no data file at {args.data}", file=sys.stderr)
    return 2
  u = Understander()
  r = measure(args.data, u)
  print(f"conversations {r['conversations']}, questions {r['questions']}")
  print(
    f"understood {r['understood']} / {r['questions']} = {100 * r['understood_share']:.1f}%  "
    f"({r['seconds']:.1f} s, {1e6 * r['seconds'] / r['questions']:.0f} us/question)"
  )
  print(
    "by kind:", ", ".join(f"{k} {v}" for k, v in sorted(r["kinds"].items(), key=lambda x: -x[1]))
  )
  print(
    f"yes/no polarity agreement with the recorded answers: {r['yn_agree']} / "
    f"{r['yn_compared']} = {100 * r['yn_agreement']:.1f}%"
  )
  if args.show_unparsed:
    print(f"\nmost frequent questions not understood ({len(r['unparsed'])} distinct):")
    for q, k in r["unparsed"].most_common(args.show_unparsed):
      print(f"  {k:4d}  {q}")
  if args.show_disagree:
    rng = random.Random(args.seed)
    print("\nsome disagreements (city | question | recorded | our parse):")
    for d in rng.sample(r["disagreements"], min(args.show_disagree, len(r["disagreements"]))):
      print("  ", " | ".join(d))
  if args.sample:
    o = BuiltinOracle(u)
    rng = random.Random(args.seed)
    print(f"\nrandom sample of {args.sample} questions (seed {args.seed}): city | question -> ours")
    for k, (city, q, _) in enumerate(rng.sample(r["rows"], args.sample)):
      p = u.parse(q)
      print(f"{k:3d} [{p.kind if p else 'fallback'}] {city} | {q} -> {o.answer(city, q)}")
  if args.json:
    out = {k: v for k, v in r.items() if k not in ("unparsed", "disagreements", "rows")}
    with open(args.json, "w") as f:
      json.dump(out, f, indent=1)
  return 0


if __name__ == "__main__":
  sys.exit(main())
