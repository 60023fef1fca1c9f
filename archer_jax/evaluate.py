"""Play a trained run's policy: `python -m archer_jax.evaluate --workdir DIR [--step N]
[--episodes N] [--policy both] [--show K] [--out FILE]`, or with `--config CONFIG
[--config.FIELD=VALUE ...]` for a run that stored no config (or to play it under another).

Loads a checkpoint of the run (the newest usable one, or `--step`) with the config it was
trained with (the `config.json` the run keeps in its directory, unless `--config` is given:
then the fields that differ from the stored one are listed), plays the evaluation episodes
greedily and/or at the rollout temperature (the same episodes, seeds and keys as the run's
own evaluations: step N's greedy return is the `eval_return` recorded at iteration N) and
prints a table: mean return, success rate, turns,
and the share of turns that repeat an action already taken in the same episode (the same
move by the env's `action_key`: in Twenty Questions the same question, reworded or not),
and, where the env can judge it (`informative`; Twenty Questions), the share of turns that
ask nothing new: a question every word still possible answers alike, or a guess of a word
already ruled out.
Then the first `--show` episodes of each policy turn by turn. `--out` writes every episode
as JSON. Nothing in the run's directory is written.
"""

from __future__ import annotations

import json
import sys
from typing import Callable, Hashable

from absl import app, flags
from ml_collections import config_flags

from archer_jax.cli import fail, loaded_config, parse_flags, quiet_logging
from archer_jax.envs.base import text_key

FLAGS: dict = {}  # name -> absl FlagHolder, defined by `define_flags` (the command line only)


def define_flags() -> None:
  """The command line's flags; defined when run as a program, so importing this module
  beside `archer_jax.train` (whose --config is defined on import) defines none."""
  FLAGS["config"] = config_flags.DEFINE_config_file(
    "config",
    None,
    "a training config file[:variant] (with its overrides); default: the one "
    "the run stored in --workdir",
  )
  FLAGS["workdir"] = flags.DEFINE_string(
    "workdir", None, "the run's directory (default: config.workdir)"
  )
  FLAGS["step"] = flags.DEFINE_integer(
    "step", None, "checkpoint step (default: the newest usable one)"
  )
  FLAGS["episodes"] = flags.DEFINE_integer(
    "episodes", None, "episodes per policy (default: config.train.eval_episodes)"
  )
  FLAGS["policy"] = flags.DEFINE_enum(
    "policy", "both", ["greedy", "sampled", "both"], "which policy"
  )
  FLAGS["show"] = flags.DEFINE_integer("show", 2, "episodes of each policy printed turn by turn")
  FLAGS["out"] = flags.DEFINE_string(
    "out", None, "write the summary and every episode to this JSON file"
  )
  FLAGS["progress"] = flags.DEFINE_bool("progress", True, "show progress bars")


def reply(obs: str, action: str, next_obs: str) -> str:
  """What the environment added after the action: the text `next_obs` appends to `obs`
  (without the action when the env echoes it), else the last line of `next_obs`."""
  if next_obs.startswith(obs):
    new = next_obs[len(obs) :].strip()
    return new[len(action.strip()) :].strip() if new.startswith(action.strip()) else new
  lines = next_obs.strip().splitlines()
  return lines[-1].strip() if lines else ""


def episodes(roll) -> list[dict]:
  """One dict per episode of a rollout: return, success and its turns in order."""
  out = [
    {"return": float(r), "success": bool(s), "turns": []}
    for r, s in zip(roll.episode_returns, roll.episode_success, strict=True)
  ]
  for i, e in enumerate(roll.episode):
    out[int(e)]["turns"].append(
      {
        "observation": roll.obs_text[i],
        "action": roll.act_text[i],
        "reply": reply(roll.obs_text[i], roll.act_text[i], roll.next_obs_text[i]),
        "reward": float(roll.reward[i]),
      }
    )
  return out


def repeats(turns: list[dict], key: Callable[[str], Hashable] = text_key) -> list[bool]:
  """For each turn of one episode: did an earlier turn already take its action (two actions
  are the same when their `key`s are equal)?"""
  seen: set = set()
  out = []
  for t in turns:
    a = key(t["action"])
    out.append(a in seen)
    seen.add(a)
  return out


def repeated_share(eps: list[dict], key: Callable[[str], Hashable] = text_key) -> float:
  """The share of turns whose action an earlier turn of the same episode already took."""
  flags = [r for ep in eps for r in repeats(ep["turns"], key)]
  return sum(flags) / max(len(flags), 1)


def nothing_new_share(
  eps: list[dict], informative: Callable[[str, str], bool | None]
) -> float | None:
  """The share of turns whose action could not tell apart what the history left open (the
  env's `informative` is False), among the turns it judges; None when it judges none."""
  flags = [informative(t["observation"], t["action"]) for ep in eps for t in ep["turns"]]
  judged = [f for f in flags if f is not None]
  return sum(not f for f in judged) / len(judged) if judged else None


def summary(
  name: str,
  eps: list[dict],
  key: Callable[[str], Hashable] = text_key,
  informative: Callable[[str, str], bool | None] | None = None,
) -> dict:
  n = max(len(eps), 1)
  row = {
    "policy": name,
    "episodes": len(eps),
    "return": sum(e["return"] for e in eps) / n,
    "success": sum(e["success"] for e in eps) / n,
    "turns": sum(len(e["turns"]) for e in eps) / n,
    "repeated": repeated_share(eps, key),
  }
  share = nothing_new_share(eps, informative) if informative is not None else None
  if share is not None:
    row["nothing_new"] = share
  return row


def table(rows: list[dict]) -> str:
  """Markdown; the "asks nothing new" column when every row has it (`summary`'s
  `nothing_new`, from an env that judges its actions)."""
  extra = bool(rows) and all("nothing_new" in r for r in rows)
  head = "| policy | episodes | mean return | success | turns | repeated actions |"
  rule = "|---|---:|---:|---:|---:|---:|"
  if extra:
    head, rule = head + " asks nothing new |", rule + "---:|"
  lines = [head, rule]
  for r in rows:
    lines.append(
      f"| {r['policy']} | {r['episodes']} | {r['return']:.2f} | {r['success']:.2f} | "
      f"{r['turns']:.1f} | {100 * r['repeated']:.1f}% |"
      + (f" {100 * r['nothing_new']:.1f}% |" if extra else "")
    )
  return "\n".join(lines)


def transcript(name: str, k: int, ep: dict, width: int = 100) -> str:
  def cut(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 3] + "..."

  won = "success" if ep["success"] else "no success"
  lines = [f"{name} episode {k + 1}: return {ep['return']:.1f}, {won}"]
  if ep["turns"]:
    lines.append(f"  start: {cut(ep['turns'][0]['observation'])}")
  for j, t in enumerate(ep["turns"]):
    lines.append(f"  {j + 1:2d}. {cut(t['action'])}  ->  {cut(t['reply'])}  (r = {t['reward']:g})")
  return "\n".join(lines)


def report(trainer, c, opt: dict, workdir: str) -> None:
  """Play the policies `opt` names, print the table and transcripts, write `--out`."""
  print(
    f"{trainer.ckpt.directory}, step {trainer.iteration} of {c.train.iterations}: {c.env.name}, "
    f"{c.algo.name}, seed {c.seed}"
  )
  which = ["greedy", "sampled"] if opt["policy"] == "both" else [opt["policy"]]
  played = {w: episodes(trainer.eval_rollout(w == "greedy", opt["episodes"])) for w in which}
  env = trainer.eval_env
  rows = [summary(w, eps, env.action_key, env.informative) for w, eps in played.items()]
  print(table(rows))
  for w, eps in played.items():
    for k, ep in enumerate(eps[: opt["show"]]):
      print()
      print(transcript(w, k, ep))
  if opt["out"]:
    doc = {"workdir": str(workdir), "step": int(trainer.iteration), "summary": rows}
    doc["episodes"] = played
    with open(opt["out"], "w") as f:
      json.dump(doc, f, indent=1)
    print(f"\nwrote {opt['out']}", file=sys.stderr)


def run_config_of(holder, workdir: str | None):
  """The config to play a run with: `--config` when given (the fields in which it differs
  from the run's stored config, if any, listed on stderr), else the run's stored one."""
  from archer_jax.training import paths, run_config

  try:
    stored = run_config.stored(paths.resolve(workdir)) if workdir else None
  except ValueError as e:
    fail(str(e))
  if holder.value is None and stored is None:
    fail(
      f"{workdir}/{run_config.FILE} is missing (a run from before runs stored their config): "
      "pass --config FILE[:variant] with the run's overrides"
      if workdir
      else "--workdir DIR (a run's directory) or --config FILE[:variant] is required"
    )
  if holder.value is None:
    return stored
  config = loaded_config(holder)
  if stored is not None:
    diff = [d for d in run_config.differences(stored, config) if not d.startswith("workdir:")]
    if diff:
      print(
        f"warning: --config differs from the config the run stored in {len(diff)} field(s) "
        "(the run's first):\n  " + "\n  ".join(diff),
        file=sys.stderr,
      )
  return config


def main(argv):
  if len(argv) > 1:
    fail(f"unexpected arguments {argv[1:]}")
  quiet_logging()
  opt = {k: h.value for k, h in FLAGS.items() if k != "config"}
  config = run_config_of(FLAGS["config"], opt["workdir"])
  if opt["episodes"] is not None and opt["episodes"] < 1:
    fail(f"--episodes must be >= 1, got {opt['episodes']}")
  if opt["show"] < 0:
    fail(f"--show must be >= 0, got {opt['show']}")
  from archer_jax.training.checkpointing import CorruptCheckpointError
  from archer_jax.training.trainer import Trainer
  from archer_jax.training.validate import ConfigError

  workdir = opt["workdir"] or config.workdir
  try:  # (a missing run fails before anything is built: `Trainer(read_only=True)`)
    trainer = Trainer(
      config, workdir=workdir, step=opt["step"], read_only=True, progress=opt["progress"]
    )
  except (ConfigError, FileNotFoundError) as e:
    fail(str(e))
  except CorruptCheckpointError as e:  # damaged, or saved by a run of another config
    fail(f"{e} (is --config, with its overrides, the one the run was trained with?)")
  with trainer:  # closes the envs it built and its checkpoint manager
    report(trainer, config, opt, workdir)


if __name__ == "__main__":
  define_flags()
  app.run(main, flags_parser=parse_flags)
