"""What a long run shows while it works: the phase it is in and how far along it is.

On a terminal (bars on), each phase is a nested tqdm bar under the run's bar: "collect"
counting turns, "a_pi" counting sampler chunks, "critic" / "actor" counting steps. With bars
off, each phase ends with one plain line: `[it 3/15] critic: 30/30 steps in 4.2 s`.
Algorithms report through `ctx.progress.phase(name, total, unit)`."""

from __future__ import annotations

import contextlib
import sys
import time

from tqdm.auto import tqdm


class _Phase:
  def __init__(self, bar, total):
    self.bar, self.total, self.done = bar, total, 0

  def postfix(self, **kw) -> None:
    if self.bar is not None:
      self.bar.set_postfix(**kw)

  def update(self, n: int = 1, total: int | None = None) -> None:
    if total is not None and total != self.total:
      self.total = total
      if self.bar is not None:
        self.bar.total = total
        self.bar.refresh()
    self.done += n
    if self.bar is not None:
      self.bar.update(n)


class Progress:
  """bars: nested tqdm bars; else one line per phase (lead process only, `enabled`)."""

  def __init__(self, bars: bool, enabled: bool = True, stream=None):
    self.bars, self.enabled = bars and enabled, enabled
    self.stream = stream or sys.stdout
    self.where = ""  # e.g. "it 3/15": the prefix of the plain lines

  @contextlib.contextmanager
  def phase(self, name: str, total: int | None = None, unit: str = "steps"):
    """Context for one phase; `.update(n)` advances its count (`total` may be set late)."""
    bar = None
    if self.bars:
      bar = tqdm(
        total=total,
        desc=f"  {name}",
        unit=unit.rstrip("s") or unit,
        leave=False,
        position=1,
        file=self.stream,
      )
    handle = _Phase(bar, total)
    t0 = time.perf_counter()
    try:
      yield handle
    finally:
      if bar is not None:
        bar.close()
      elif self.enabled:
        took = f"{time.perf_counter() - t0:.1f} s"
        if handle.total is not None or handle.done:
          total = handle.total if handle.total is not None else handle.done
          self.line(f"{name}: {handle.done}/{total} {unit} in {took}")
        else:
          self.line(f"{name}: {took}")

  def line(self, text: str) -> None:
    """One plain line (printed above the bars when they are on)."""
    if not self.enabled:
      return
    prefix = f"[{self.where}] " if self.where else ""
    if self.bars:
      tqdm.write(prefix + text, file=self.stream)
    else:
      print(prefix + text, file=self.stream, flush=True)


QUIET = Progress(bars=False, enabled=False)
