"""A question game as a `BatchedEnv`: each row hides a secret that the asker must name.

Twenty Questions and Guess My City are this game with different knowledge. A game subclasses
`QuestionGameEnv`, passes its secrets and oracle to `__init__` and supplies the rules:

    _question_of(action) -> str         the question an action asks, on one line
    _is_garbage(question) -> bool       not worth an oracle call; answered `garbage_answer`
    _names_secret(question, secret)     does the question name the hidden secret?
    _secret_id(secret) -> str           the secret as the oracle and the infos know it
    _clean_answer(answer) -> str        an oracle answer as shown (default: unchanged)
    _render(history) -> str             the observation around the transcript (default: itself)

The transcript is "Questions:\\n" plus one "<question> <answer>" line per turn. Every turn costs
-1 except the one that finds the secret (reward 0, episode over): a question naming it that the
oracle answers `yes_answer`, or, in games that set `win_answer`, any question naming it (the env
answers it with `win_answer` itself and the oracle is not asked).
"""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np

from archer_jax.envs.base import BatchedEnv
from archer_jax.envs.question_game.history import INITIAL_OBSERVATION, add_turn


class QuestionGameEnv(BatchedEnv):
  """Batched question game over `secrets`, answered by `oracle.answer_batch(ids, questions)`.

  reset(indices=...) picks secrets by position in `self.secrets`; otherwise each row draws one
  with its seed. infos carry the secret's id under `secret_key`, `won`, `question`, `answer`.
  The oracle is called once per step, with the questions of the rows still playing.
  """

  secret_key = "secret"
  garbage_answer = ""
  yes_answer: str | None = None
  win_answer: str | None = None

  def __init__(self, batch_size: int, max_turns: int, seed: int, secrets: Sequence[Any], oracle):
    super().__init__(batch_size, max_turns, seed)
    self.secrets = tuple(secrets)
    self.oracle = oracle
    self._secret: list[Any] = [None] * batch_size
    self._ids: list[str | None] = [None] * batch_size  # _secret_id of each row's secret
    self._history = [INITIAL_OBSERVATION] * batch_size
    self.oracle_calls = 0

  # ---- the game's rules -------------------------------------------------------------------
  def _question_of(self, action: str) -> str:
    raise NotImplementedError

  def _is_garbage(self, question: str) -> bool:
    raise NotImplementedError

  def _names_secret(self, question: str, secret: Any) -> bool:
    raise NotImplementedError

  def _secret_id(self, secret: Any) -> str:
    raise NotImplementedError

  def _clean_answer(self, answer: Any) -> str:
    return answer

  def _render(self, history: str) -> str:
    return history

  # ---- BatchedEnv hooks ---------------------------------------------------------------------
  @property
  def num_tasks(self) -> int:
    return len(self.secrets)

  @property
  def secret_ids(self) -> list[str | None]:
    """The id of every row's secret (None before the first reset)."""
    return list(self._ids)

  def _reset_row(self, row: int, rng: np.random.Generator, index: int | None) -> str:
    n = len(self.secrets)
    if index is None:
      index = int(rng.integers(n))
    elif not 0 <= index < n:
      raise IndexError(
        f"{type(self).__name__}.reset: {self.secret_key} index {index} outside [0, {n})"
      )
    self._secret[row] = self.secrets[index]
    self._ids[row] = self._secret_id(self.secrets[index])
    self._history[row] = INITIAL_OBSERVATION
    return self._render(INITIAL_OBSERVATION)

  def _step_rows(
    self, rows: Sequence[int], actions: Sequence[str]
  ) -> list[tuple[str, float, bool, dict]]:
    # the oracle's batch is built first; then one pass writes every row's turn
    secrets = [self._secret[r] for r in rows]
    questions = [self._question_of(a) for a in actions]
    answers = [self.garbage_answer] * len(rows)
    won = [False] * len(rows)
    ask = []
    garbage, names, win = self._is_garbage, self._names_secret, self.win_answer
    for i, q in enumerate(questions):
      if garbage(q):
        continue
      if win is not None and names(q, secrets[i]):
        won[i], answers[i] = True, win
      else:
        ask.append(i)
    if ask:
      self.oracle_calls += 1
      got = self.oracle.answer_batch([self._ids[rows[i]] for i in ask], [questions[i] for i in ask])
      if len(got) != len(ask):
        raise RuntimeError(
          f"{type(self.oracle).__name__}.answer_batch returned {len(got)} "
          f"answers for {len(ask)} questions"
        )
      clean, yes = self._clean_answer, self.yes_answer
      for i, a in zip(ask, got, strict=True):
        answers[i] = a = clean(a)
        if a == yes and names(questions[i], secrets[i]):
          won[i] = True
    out = []
    history, ids, render, key = self._history, self._ids, self._render, self.secret_key
    for row, q, a, w in zip(rows, questions, answers, won, strict=True):
      history[row] = hist = add_turn(history[row], q, a)
      out.append(
        (render(hist), 0.0 if w else -1.0, w, {key: ids[row], "won": w, "question": q, "answer": a})
      )
    return out
