"""What a user sees: metrics JSONL (+ TensorBoard when installed), a PNG plot, a summary."""

from __future__ import annotations

import importlib.util
import json
import math
import os
from typing import Sequence

from etils import epath

from archer_jax.training import paths


class MetricsLog:
  """Appends one JSON object per record to `<workdir>/metrics.jsonl`."""

  def __init__(self, workdir: str | os.PathLike, enabled: bool = True):
    self.path = paths.resolve(workdir) / "metrics.jsonl"
    self.enabled = enabled  # multi-host: only process 0 writes
    self._tb = None
    if not enabled:
      return
    if importlib.util.find_spec("tensorboard") is None:  # torch's writer needs it: no import
      return
    try:  # optional
      from torch.utils.tensorboard import SummaryWriter  # type: ignore

      self._tb = SummaryWriter(os.fspath(self.path.parent / "tensorboard"))
    except Exception:  # noqa: BLE001 - TensorBoard is a nice-to-have
      self._tb = None

  def write(self, record: dict) -> None:
    if not self.enabled:
      return
    paths.append_text(self.path, json.dumps(record, sort_keys=True) + "\n")
    if self._tb is not None and "iteration" in record:
      for k, v in record.items():
        if isinstance(v, (int, float)) and k != "iteration" and math.isfinite(v):
          self._tb.add_scalar(k, v, record["iteration"])
      self._tb.flush()

  def truncate_after(self, iteration: int) -> None:
    """On resume: drop records of iterations after the checkpoint's (`iteration` done)."""
    if not self.enabled or not self.path.exists():
      return
    lines = self.path.read_text().splitlines(keepends=True)
    keep = [line for line in lines if json.loads(line).get("iteration", -1) <= iteration]
    self.path.write_text("".join(keep))


def plot(history: Sequence[dict], path: str | os.PathLike, title: str = "") -> str | None:
  """Train/eval return and critic/actor losses against iteration -> PNG at `path` (a local
  path or a URL); returns `path` as a string."""
  import matplotlib

  matplotlib.use("Agg")
  import matplotlib.pyplot as plt

  if not history:
    return None

  def series(key):
    pts = [(h["iteration"], h[key]) for h in history if key in h and h[key] is not None]
    return ([p[0] for p in pts], [p[1] for p in pts])

  fig, axes = plt.subplots(1, 3, figsize=(15, 4))
  for key, label in (
    ("train_return", "train (sampled)"),
    ("train_greedy_return", "train (greedy rollouts)"),
    ("eval_return", "eval (greedy)"),
    ("eval_sampled_return", "eval (sampled)"),
  ):
    x, y = series(key)
    if x:
      axes[0].plot(x, y, marker="o" if key.startswith("eval") else None, label=label)
  axes[0].set_title("episode return")
  axes[0].legend()
  axes[0].set_xlabel("iteration")
  x, y = series("critic_loss")
  axes[1].plot(x, y)
  axes[1].set_title("critic loss")
  axes[1].set_xlabel("iteration")
  axes[1].set_yscale("log" if y and min(y) > 0 else "linear")
  x, y = series("actor_loss")
  axes[2].plot(x, y)
  axes[2].set_title("actor loss")
  axes[2].set_xlabel("iteration")
  if title:
    fig.suptitle(title)
  fig.tight_layout()
  with epath.Path(path).open("wb") as f:
    fig.savefig(f, format="png", dpi=90)
  plt.close(fig)
  return os.fspath(path)


def summary_table(rows: Sequence[tuple[str, str]]) -> str:
  w = max(len(k) for k, _ in rows)
  lines = ["+" + "-" * (w + 2) + "+" + "-" * 22 + "+"]
  for k, v in rows:
    lines.append(f"| {k:<{w}} | {v:>20} |")
  lines.append(lines[0])
  return "\n".join(lines)
