"""The transcript both question games show the asker: "Questions:\\n" and one line per turn."""

from __future__ import annotations

INITIAL_OBSERVATION = "Questions:\n"


def add_turn(history: str, question: str, answer: str) -> str:
  """`history` with the turn "<question> <answer>" (just the answer when the question is empty)."""
  return history + (f"{question} {answer}\n" if question else f"{answer}\n")


def history_lines(observation: str) -> list[str]:
  """The lines after the last "Questions:\\n" of an observation ([] when there is none); the
  last one is empty when the transcript ends with a newline."""
  k = observation.rfind(INITIAL_OBSERVATION)
  if k < 0:
    return []
  return observation[k + len(INITIAL_OBSERVATION) :].split("\n")
