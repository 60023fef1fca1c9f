"""Detective: a Z-machine text adventure played through the Jericho interpreter.

One `jericho.FrotzEnv` per row. The observation of a turn is the game's answer to the
action, then what "look" and "inventory" would print, then (when Jericho can compute them)
the valid actions. The probes run on a saved interpreter state that is restored afterwards,
so they cost no move and leave the game exactly where the action put it.
Reward = the change of the game's score; the episode ends on victory, death or the turn cap.

Actions are free text, so they are cleaned before the interpreter sees them:
- only printable ASCII without backslashes is kept (a NUL makes Frotz wait for input forever,
  and Frotz reads backslash escapes, some of which crash it: "p\\U") and the length is
  bounded below Jericho's 198-byte input buffer;
- only the first command is kept ("n. n. n" or "n then w" would be several moves in one
  turn, an easy way to game the turn cap);
- interpreter meta commands and the game's debugging verbs (save, restore, restart, quit,
  script, purloin, tree, ...) are refused: they write files, reset the score or cheat.
A refused or empty action still costs its turn, with reward 0 and an explanatory answer.

The story file ships with the package (`archer_jax.assets.DETECTIVE_STORY`, the default).
Jericho's `get_valid_actions` needs spaCy and its `en_core_web_sm` model; without them the
list is left out and one warning is logged.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import re
import warnings
from pathlib import Path
from typing import Any

import numpy as np

from archer_jax.assets import DETECTIVE_STORY
from archer_jax.envs.base import BatchedEnv

log = logging.getLogger(__name__)

MAX_COMMAND_CHARS = 120  # Jericho truncates (with a warning) past 198 bytes
EMPTY_ANSWER = "I beg your pardon?"
REFUSED_ANSWER = "That command is not available in this game."

# Inform truncates dictionary words (to 9 characters in Detective), so compare prefixes.
_WORD_CHARS = 9
_BLOCKED_VERBS = frozenset(
  w[:_WORD_CHARS]
  for w in (
    # interpreter / library meta commands: files, restarts, transcripts
    "save",
    "restore",
    "restart",
    "quit",
    "q",
    "die",
    "script",
    "transcript",
    "unscript",
    "noscript",
    "recording",
    "replay",
    # Inform debugging verbs compiled into the story file: they move objects or reveal state
    "purloin",
    "abstract",
    "gonear",
    "goto",
    "tree",
    "scope",
    "showobj",
    "showverb",
    "trace",
    "actions",
    "changes",
    "daemons",
    "timers",
    "messages",
    "routines",
    "random",
  )
)
_COMMAND_END = re.compile(r"[.;!?]|\bthen\b", re.IGNORECASE)
_UNSAFE_CHARS = re.compile(r"[^\x20-\x7e]|\\")

_valid_actions_warned = False


def clean_command(action: str) -> tuple[str, str | None]:
  """-> (command for the interpreter, refusal message or None). Empty command = no-op."""
  text = _UNSAFE_CHARS.sub(" ", action.split("\n", 1)[0])
  text = _COMMAND_END.split(text, 1)[0]
  text = " ".join(text.split())[:MAX_COMMAND_CHARS].strip()
  if not text:
    return "", EMPTY_ANSWER
  # "guard, save" orders an actor: check the verb of every comma-separated part
  for part in text.split(","):
    words = part.split()
    if words and words[0].lower()[:_WORD_CHARS] in _BLOCKED_VERBS:
      return text, REFUSED_ANSWER
  return text, None


def _tidy(text: str) -> str:
  """Interpreter text -> trimmed lines, at most one blank line in a row."""
  lines = [ln.rstrip() for ln in text.replace("\r", "").split("\n")]
  return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _check_story_file(path: Path) -> None:
  """Reject files Frotz would die on: a bad story file makes it call exit(), ending Python."""
  if not path.is_file():
    raise FileNotFoundError(f"Detective game file not found: {path}")
  data = path.read_bytes()
  if len(data) < 64 or not 1 <= data[0] <= 8:
    raise ValueError(f"{path} is not a Z-machine story file (bad header)")
  version = data[0]
  scale = 2 if version <= 3 else 4 if version <= 5 else 8
  length = int.from_bytes(data[0x1A:0x1C], "big") * scale
  checksum = int.from_bytes(data[0x1C:0x1E], "big")
  if length:  # versions 1-2 may leave the length (and checksum) unset
    if not 64 <= length <= len(data):
      raise ValueError(
        f"{path} is not a Z-machine story file (header length {length} "
        f"does not fit the {len(data)}-byte file)"
      )
    if sum(data[0x40:length]) & 0xFFFF != checksum:
      raise ValueError(f"{path} is not a valid Z-machine story file (checksum mismatch)")


def _valid_actions_available() -> bool:
  """spaCy and its English model present locally (Jericho would otherwise try to download it)."""
  return (
    importlib.util.find_spec("spacy") is not None
    and importlib.util.find_spec("en_core_web_sm") is not None
  )


def _warn_no_valid_actions(reason: str) -> None:
  global _valid_actions_warned
  if not _valid_actions_warned:
    _valid_actions_warned = True
    log.warning("Detective: valid-action lists are left out of observations (%s).", reason)


class DetectiveEnv(BatchedEnv):
  """`batch_size` independent games of the story file `game_file` (default: the packaged
  Detective).

  reset -> the game's opening text + look + inventory (+ valid actions);
  step(actions) -> rewards = score deltas (Detective: +10 per clue, 360 in all),
  dones on victory / death / `max_turns`; infos carry "score", "moves", "victory", "game_over"
  and, for a refused action, "invalid".
  """

  def __init__(
    self,
    batch_size: int,
    game_file: str | os.PathLike = DETECTIVE_STORY,
    max_turns: int = 60,
    seed: int = 0,
    valid_actions: bool = True,
  ):
    super().__init__(batch_size, max_turns, seed)
    path = Path(game_file).expanduser()
    _check_story_file(path)
    try:
      import jericho
    except ImportError as e:
      raise ImportError("DetectiveEnv needs the `jericho` package: pip install -e '.[envs]'") from e
    self.game_file = str(path)
    self._games = []
    for _ in range(batch_size):
      with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        game = jericho.FrotzEnv(self.game_file)
      if not game.is_fully_supported:
        detail = "; ".join(str(w.message) for w in caught)
        raise ValueError(
          f"{path}: Jericho cannot read the score of this game, so it gives no "
          f"reward ({detail or 'unsupported game'})"
        )
      self._games.append(game)
    self.valid_actions = bool(valid_actions)
    if self.valid_actions and not _valid_actions_available():
      _warn_no_valid_actions("spaCy or its en_core_web_sm model is not installed")
      self.valid_actions = False
    self.max_score = int(self._games[0].get_max_score())

  # ---- BatchedEnv hooks -------------------------------------------------------------
  def _reset_row(self, row: int, rng: np.random.Generator, index: int | None) -> str:
    """`index` is ignored: there is one game. The seed drives the interpreter's RNG."""
    game = self._games[row]
    game.seed(int(rng.integers(1, 2**31 - 1)))  # 0 would mean "the walkthrough's seed"
    text, _ = game.reset()
    return self._observe(game, _tidy(text), done=False)

  def _step_row(self, row: int, action: str) -> tuple[str, float, bool, dict[str, Any]]:
    game = self._games[row]
    command, refusal = clean_command(action)
    info: dict[str, Any] = {}
    reward = 0.0
    if refusal is not None:
      text = refusal
      info["invalid"] = f"refused command {command!r}" if command else "empty command"
    else:
      text, reward, _, _ = game.step(command)
      text = _tidy(text)
      if game._emulator_halted():  # a crashed story cannot go on; end the episode
        info["error"] = f"interpreter halted after {command!r}"
        return text, float(reward), True, info
    victory, over = bool(game.victory()), bool(game.game_over())
    done = victory or over
    info.update(
      score=int(game.get_score()), moves=int(game.get_moves()), victory=victory, game_over=over
    )
    return self._observe(game, text, done), float(reward), done, info

  # ---- helpers ----------------------------------------------------------------------
  def _probe(self, game, command: str) -> str:
    """What `command` would print, without spending a move."""
    state = game.get_state()
    try:
      return _tidy(game.step(command)[0])
    finally:
      game.set_state(state)

  def _observe(self, game, text: str, done: bool) -> str:
    if done:
      return f"{text}\n\n[The game is over. Score: {game.get_score()} of {self.max_score}.]"
    parts = [
      text,
      "Look: " + self._probe(game, "look"),
      "Inventory: " + self._probe(game, "inventory"),
    ]
    if self.valid_actions:
      acts = self._valid_actions(game)
      if acts:
        parts.append("Valid actions: " + ", ".join(acts))
    return "\n\n".join(p for p in parts if p)

  def _valid_actions(self, game) -> list[str]:
    state = game.get_state()
    try:
      return list(game.get_valid_actions(use_object_tree=True, use_ctypes=True, use_parallel=False))
    except Exception as e:  # spaCy model or Jericho internals failing: degrade, once
      _warn_no_valid_actions(f"get_valid_actions failed: {type(e).__name__}: {e}")
      self.valid_actions = False
      return []
    finally:
      game.set_state(state)

  def close(self) -> None:
    """Drop the interpreters (each holds its own copy of libfrotz)."""
    for game in self._games:
      game.close()
    self._games = []
