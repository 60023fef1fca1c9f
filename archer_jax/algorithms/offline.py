"""The shared base of the offline algorithms (spec §5: offline BC, filtered BC, offline ArCHer):
they collect nothing (`online = False`); the trainer hands them the run's offline dataset
(`config.offline`, `data.demos.offline_config_from_run`) once before the first iteration, and
its transitions are the whole replay buffer. Environments step only in evaluation."""

from __future__ import annotations

from archer_jax.algorithms.registry import Algorithm


class OfflineAlgorithm(Algorithm):
  """Not registered itself: `offline_bc`, `offline_filtered_bc` and `offline_archer` are."""

  online = False

  @classmethod
  def check(cls, config) -> None:
    import os

    from archer_jax.training.validate import ConfigError

    o, name = config.offline, config.algo.name
    if config.bc.get("to_buffer") or config.bc.get("critic_steps"):
      raise ConfigError(
        f"config.bc.to_buffer: {name} trains on the offline dataset alone (set "
        "bc.to_buffer=False and bc.critic_steps=0)"
      )
    if not isinstance(o.episodes, int) or o.episodes < (0 if o.json_path else 1):
      raise ConfigError(
        f"config.offline.episodes: must be an integer >= {0 if o.json_path else 1} (0: the "
        f"whole offline.json_path file), got {o.episodes!r}"
      )
    if o.json_path and not os.path.isfile(o.json_path):
      raise ConfigError(f"config.offline.json_path: no such file {o.json_path!r}")
    if not o.json_path:
      skills = list(o.skills) if isinstance(o.skills, (list, tuple)) else None
      if not skills or not all(isinstance(s, (int, float)) and 0 <= s <= 1 for s in skills):
        raise ConfigError(
          f"config.offline.skills: must be a non-empty list of numbers in [0, 1], got {o.skills!r}"
        )
      from archer_jax.envs.registry import has_player

      if not has_player(config.env.name):
        raise ConfigError(
          f"config.offline.json_path: env {config.env.name!r} has no scripted player to "
          "build an offline dataset from; give a dataset file"
        )

  def buffer_capacity(self) -> int:
    """Room for the whole dataset: `offline.episodes` full-length episodes (a whole JSON file,
    offline.episodes = 0: `train.buffer_capacity`)."""
    n = int(self.config.offline.episodes)
    return n * int(self.config.env.max_turns) if n else int(self.config.train.buffer_capacity)

  def load_dataset(self, state, buffer, trajectories):
    from archer_jax.training.validate import ConfigError

    n = sum(len(t) for t in trajectories)
    if n > buffer.capacity - len(buffer):
      raise ConfigError(
        f"config.train.buffer_capacity: the offline dataset has {n} transitions, more than "
        f"the replay buffer's {buffer.capacity - len(buffer)} free rows"
      )
    return super().load_dataset(state, buffer, trajectories)
