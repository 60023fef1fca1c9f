"""The question-game core that Twenty Questions and Guess My City build on.

A game is a hidden secret per row, a yes/no-style oracle and a scripted asker. Each game
supplies its knowledge (secrets, knowledge base, understander, answer writer) and a few rules;
this package holds the rest: the batched env (`QuestionGameEnv`), the transcript format, the
oracle interfaces (`KnowledgeOracle`, `LMOracle`), the parse cache (`CachedParser`), the
scripted-player skeleton (`ScriptedAsker`) and lock-step scripted `play`.

A third game is its knowledge module plus a few lines:

    class AnimalsOracle(KnowledgeOracle):            # knowledge: an understander over the KB
      _lookup = staticmethod(animal_index)           # secret id -> KB index
      def _write(self, index, question):             # the answer sentence
        return "Yes." if self.understander.parse(question).truth(index) else "No."

    class AnimalsEnv(QuestionGameEnv):
      secret_key, garbage_answer, yes_answer = "animal", "Invalid Question.", "Yes."
      def __init__(self, batch_size=1, max_turns=20, seed=0, oracle=None):
        super().__init__(batch_size, max_turns, seed, ANIMALS, oracle or AnimalsOracle(U))
      _question_of = staticmethod(lambda action: action.split("\\n", 1)[0].strip())
      _is_garbage = staticmethod(lambda question: not question)
      _names_secret = staticmethod(lambda question, animal: animal.name in question.lower())
      _secret_id = staticmethod(lambda animal: animal.name)
"""

from __future__ import annotations

from archer_jax.envs.play import play
from archer_jax.envs.question_game.env import QuestionGameEnv
from archer_jax.envs.question_game.history import INITIAL_OBSERVATION, add_turn, history_lines
from archer_jax.envs.question_game.oracles import (
  KnowledgeOracle,
  LMOracle,
  Oracle,
  check_lengths,
  sampler_generate_fn,
)
from archer_jax.envs.question_game.parser import CachedParser
from archer_jax.envs.question_game.player import ScriptedAsker, keep_playing

__all__ = [
  "play",
  "QuestionGameEnv",
  "INITIAL_OBSERVATION",
  "add_turn",
  "history_lines",
  "KnowledgeOracle",
  "LMOracle",
  "Oracle",
  "check_lengths",
  "sampler_generate_fn",
  "CachedParser",
  "ScriptedAsker",
  "keep_playing",
]
