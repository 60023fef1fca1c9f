"""The question-game core that Twenty Questions and Guess My City build on.

A game is a hidden secret per row, a yes/no-style oracle and a scripted asker. Each game
supplies its knowledge (secrets, knowledge base, understander, answer writer) and a few rules;
this package holds the rest: the batched env (`QuestionGameEnv`), the transcript format, the
oracle interfaces (`KnowledgeOracle`, `LMOracle`), the parse cache (`CachedParser`), the
scripted-player skeleton (`ScriptedAsker`) and lock-step scripted `play`.
"""
from __future__ import annotations

from archer_jax.envs.play import play
from archer_jax.envs.question_game.env import QuestionGameEnv
from archer_jax.envs.question_game.history import INITIAL_OBSERVATION, add_turn, history_lines
from archer_jax.envs.question_game.oracles import (KnowledgeOracle, LMOracle, Oracle,
                                                   check_lengths, sampler_generate_fn)
from archer_jax.envs.question_game.parser import CachedParser
from archer_jax.envs.question_game.player import ScriptedAsker, keep_playing

__all__ = [
    "play", "QuestionGameEnv", "INITIAL_OBSERVATION", "add_turn", "history_lines",
    "KnowledgeOracle", "LMOracle", "Oracle", "check_lengths", "sampler_generate_fn",
    "CachedParser", "ScriptedAsker", "keep_playing",
]
