"""WebShop over HTTP: a client for the WebShop Flask server (`web_agent_site.app`).

Each row is one shopping session on the server. The client behaves like a browser that can
only submit the page's forms: it follows the page's own links (product ASINs, option radios'
`data-url`, the forms behind "Back to Search", "< Prev", "Next >", "Description", "Buy Now",
...), so it needs no knowledge of the server's URL scheme beyond the session index `/<id>`.

Actions (WebShop's text mode): `search[query]` on a page with a search box, `click[text]`
for any clickable of the page (case-insensitive). Anything else, a button not on the page or a
search without a search box costs the turn: reward 0, same page, an explanatory first line.
The episode ends at the done page reached by "Buy Now"; its reward (in [0, 1]) is read from
the page's `id="reward"` element. WebShop caps episodes at 10 turns.

Observation (a string):
    [message about the last action, if any]
    Instruction: <goal instruction>
    Current query: <keywords>                     (result / item pages)
    <visible page text, chunks joined by " [SEP] ">
    Selected options: size: small, color: red      (item pages)
    Available actions: search[<query>] | click[Back to Search], click[B09...], ...

Goals: `reset(indices=...)` or `goal_indices` pick the server's goal by index (a session id
containing "fixed_<index>", the server's convention); with neither the server draws a goal.
Only the standard library is used (urllib, html.parser).
"""

from __future__ import annotations

import ast
import concurrent.futures
import dataclasses
import html.parser
import re
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from typing import Any, Sequence

import numpy as np

from archer_jax.envs.base import BatchedEnv

_VOID_TAGS = frozenset(
  "area base br col embed hr img input link meta param source track wbr".split()
)
_INVISIBLE_TAGS = frozenset({"head", "script", "style", "title", "template", "noscript"})
_ACTION = re.compile(r"\s*(search|click)\s*\[(.*?)\]", re.IGNORECASE | re.DOTALL)
_QUERY_UNSAFE = re.compile(r"[^\w\s\-.,&'+$]")  # "/", "?", "#", "%" would break the URL
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~"


@dataclasses.dataclass
class Clickable:
  text: str  # as shown on the page
  method: str  # "GET" (links, option radios) or the form's method (buttons)
  url: str


@dataclasses.dataclass
class Page:
  """What the client needs from one HTML page."""

  url: str
  texts: list[str]
  instruction: str | None
  query: str | None
  clickables: dict[str, Clickable]  # lower-cased text -> target, in page order
  search_url: str | None  # action of the form holding the search box
  reward: float | None  # set on the done page only


class _PageParser(html.parser.HTMLParser):
  """HTML -> visible text chunks, the instruction block, clickables, search form, reward.

  Tolerates the mismatched tags of WebShop's templates (`<h4>..</h5>`): an end tag closes the
  nearest open element of that name, or nothing.
  """

  def __init__(self):
    super().__init__(convert_charrefs=True)
    self.stack: list[tuple[str, bool]] = []  # (tag, opens a special region)
    self.hidden = 0
    self.in_instruction = 0
    self.in_reward = 0
    self.in_pre = 0
    self.texts: list[str] = []
    self.instruction_texts: list[str] = []
    self.reward_texts: list[str] = []
    self.clickables: list[Clickable] = []
    self.search_form_action: str | None = None
    self._form: dict[str, Any] | None = None
    self._button: list[str] | None = None
    self._link: tuple[str, list[str]] | None = None

  def handle_starttag(self, tag, attrs):
    a = {k: (v or "") for k, v in attrs}
    style = a.get("style", "").replace(" ", "").lower()
    if tag == "input":
      self._input(a)
    if tag in _VOID_TAGS:
      return
    regions = []
    if tag in _INVISIBLE_TAGS or "hidden" in a or "display:none" in style:
      self.hidden += 1
      regions.append("hidden")
    if a.get("id") == "instruction-text":
      self.in_instruction += 1
      regions.append("instruction")
    if a.get("id") == "reward":
      self.in_reward += 1
      regions.append("reward")
    if tag == "pre":
      self.in_pre += 1
      regions.append("pre")
    if tag == "form":
      self._form = {
        "action": a.get("action", ""),
        "method": a.get("method", "get").upper(),
        "search": False,
        "buttons": [],
      }
    elif tag == "button":
      self._button = []
    elif tag == "a" and "product-link" in a.get("class", "").split():
      self._link = (a.get("href", ""), [])
    self.stack.append((tag, tuple(regions)))

  def _input(self, a: dict[str, str]) -> None:
    if a.get("id") == "search_input" and self._form is not None:
      self._form["search"] = True
    elif a.get("type", "").lower() == "radio" and a.get("data-url") and a.get("value"):
      self.clickables.append(Clickable(a["value"], "GET", a["data-url"]))

  def handle_endtag(self, tag):
    for i in range(len(self.stack) - 1, -1, -1):
      if self.stack[i][0] == tag:
        for t, regions in reversed(self.stack[i:]):
          self._close(t, regions)
        del self.stack[i:]
        return

  def _close(self, tag: str, regions: tuple[str, ...]) -> None:
    for r in regions:
      if r == "hidden":
        self.hidden -= 1
      elif r == "instruction":
        self.in_instruction -= 1
      elif r == "reward":
        self.in_reward -= 1
      elif r == "pre":
        self.in_pre -= 1
    if tag == "button" and self._button is not None:
      text = " ".join(" ".join(self._button).split())
      if self._form is not None and text:
        self._form["buttons"].append(text)
      self._button = None
    elif tag == "a" and self._link is not None:
      href, parts = self._link
      text = " ".join(" ".join(parts).split())
      if text and href:
        self.clickables.append(Clickable(text, "GET", href))
      self._link = None
    elif tag == "form" and self._form is not None:
      f = self._form
      if f["search"]:
        self.search_form_action = f["action"]  # its "Search" button is search[...], no click
      else:
        self.clickables.extend(Clickable(b, f["method"], f["action"]) for b in f["buttons"])
      self._form = None

  def handle_data(self, data):
    text = " ".join(data.split())
    if not text or self.hidden:
      return
    if self._button is not None:
      self._button.append(text)
    if self._link is not None:
      self._link[1].append(text)
    if self.in_reward and self.in_pre:
      self.reward_texts.append(text)
    (self.instruction_texts if self.in_instruction else self.texts).append(text)

  def close(self):
    super().close()
    for t, regions in reversed(self.stack):  # unclosed elements (forms, buttons) still count
      self._close(t, regions)
    self.stack = []


def parse_page(html_text: str, url: str) -> Page:
  """One WebShop HTML page (any of its templates) -> `Page`; links resolved against `url`."""
  p = _PageParser()
  p.feed(html_text)
  p.close()
  instruction = query = None
  block = " ".join(p.instruction_texts)
  m = re.search(r"Instruction:\s*(.*?)\s*(?:Current Query:|$)", block, re.S)
  if m:
    instruction = m.group(1).strip()
  m = re.search(r"Current Query:\s*(.*)$", block, re.S)
  if m:
    query = _keywords_text(m.group(1).strip())
  clickables: dict[str, Clickable] = {}
  for c in p.clickables:
    c.url = _absolute(url, c.url)
    clickables.setdefault(c.text.lower(), c)
  reward = None
  if p.reward_texts:
    nums = re.findall(r"[-+]?\d*\.?\d+(?:[eE][-+]?\d+)?", " ".join(p.reward_texts))
    if nums:
      reward = float(nums[-1])
  search_url = None if p.search_form_action is None else _absolute(url, p.search_form_action)
  return Page(
    url=url,
    texts=p.texts,
    instruction=instruction,
    query=query,
    clickables=clickables,
    search_url=search_url,
    reward=reward,
  )


def _keywords_text(query: str) -> str:
  """Item pages show the keywords as the URL's list literal: "['red', 'shoes']" -> "red shoes"."""
  if query.startswith("["):
    try:
      words = ast.literal_eval(query)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
      return query
    if isinstance(words, list):
      return " ".join(str(w) for w in words)
  return query


def _absolute(base: str, href: str) -> str:
  return urllib.parse.quote(urllib.parse.urljoin(base, href), safe=_URL_SAFE)


def parse_action(action: str) -> tuple[str | None, str]:
  """ "search[red shoes]" -> ("search", "red shoes"); unparseable -> (None, "")."""
  m = _ACTION.match(action)
  if m is None:
    return None, ""
  return m.group(1).lower(), " ".join(m.group(2).split())


def _selected_options(url: str) -> dict[str, str]:
  """Options chosen on an item page live in its URL's last segment, a Python dict literal."""
  path = urllib.parse.urlsplit(url).path
  if "/item_page/" not in path and "/item_sub_page/" not in path:
    return {}
  try:
    opts = ast.literal_eval(urllib.parse.unquote(path.rsplit("/", 1)[-1]))
  except (ValueError, SyntaxError, MemoryError, RecursionError):
    return {}
  return {str(k): str(v) for k, v in opts.items()} if isinstance(opts, dict) else {}


@dataclasses.dataclass
class _Row:
  session: str = ""
  page: Page | None = None
  instruction: str = ""


class WebShopEnv(BatchedEnv):
  """`batch_size` WebShop sessions on the server at `server_url`.

  step -> rewards: 0 until "Buy Now", then the done page's score in [0, 1]; infos carry
  "invalid" (why an action was refused), "error" (an HTTP error page), and at purchase
  "purchased_url". Turns of independent rows are sent concurrently (`num_workers` threads).
  """

  def __init__(
    self,
    batch_size: int,
    server_url: str,
    max_turns: int = 10,
    goal_indices: Sequence[int] | None = None,
    seed: int = 0,
    timeout: float = 60.0,
    retries: int = 2,
    num_workers: int = 8,
    max_page_chars: int | None = 3000,
  ):
    super().__init__(batch_size, max_turns, seed)
    parts = urllib.parse.urlsplit(str(server_url))
    if parts.scheme not in ("http", "https") or not parts.hostname:
      raise ValueError(
        f"WebShopEnv: server_url must look like http://HOST:PORT, got {server_url!r}"
      )
    self.server_url = str(server_url).rstrip("/")
    self.goal_indices = None if goal_indices is None else [int(i) for i in goal_indices]
    if self.goal_indices is not None and (not self.goal_indices or min(self.goal_indices) < 0):
      raise ValueError(f"WebShopEnv: goal_indices must be non-empty and >= 0, got {goal_indices!r}")
    self.timeout, self.retries = float(timeout), int(retries)
    self.max_page_chars = max_page_chars
    self._num_workers = max(1, int(num_workers))
    self._pool: concurrent.futures.ThreadPoolExecutor | None = None
    # No proxies: a WebShop server is a local or LAN service.
    self._opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    self._tag = "archer" + uuid.uuid4().hex[:8]  # server sessions of different envs never mix
    self._episodes = 0
    self._rows = [_Row() for _ in range(batch_size)]
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
      socket.create_connection((parts.hostname, port), timeout=min(self.timeout, 5.0)).close()
    except OSError as e:
      raise ConnectionError(
        f"WebShop server at {self.server_url} is unreachable ({e}); start "
        f"it first (see docs/webshop.md)"
      ) from e

  # ---- HTTP -------------------------------------------------------------------------
  def _fetch(
    self, url: str, method: str = "GET", form: dict[str, str] | None = None
  ) -> tuple[str, str]:
    """-> (final url after redirects, html). HTTP error pages raise `urllib.error.HTTPError`;
    connection failures are retried, then raise `ConnectionError`."""
    data = None
    if method == "POST":
      data = urllib.parse.urlencode(form or {}).encode()
    last: Exception | None = None
    for attempt in range(self.retries + 1):
      req = urllib.request.Request(url, data=data, method=method)
      try:
        with self._opener.open(req, timeout=self.timeout) as resp:
          charset = resp.headers.get_content_charset() or "utf-8"
          return resp.geturl(), resp.read().decode(charset, errors="replace")
      except urllib.error.HTTPError:
        raise
      except (urllib.error.URLError, OSError) as e:
        last = e
        time.sleep(0.2 * (attempt + 1))
    raise ConnectionError(
      f"WebShop server at {self.server_url} failed on {method} {url}: {last}"
    ) from last

  # ---- BatchedEnv hooks -------------------------------------------------------------
  def _reset_row(self, row: int, rng: np.random.Generator, index: int | None) -> str:
    if index is None and self.goal_indices is not None:
      index = self.goal_indices[int(rng.integers(len(self.goal_indices)))]
    if index is not None and index < 0:
      raise ValueError(f"WebShopEnv.reset: goal index must be >= 0, got {index}")
    self._episodes += 1
    session = f"{self._tag}r{row}e{self._episodes}"
    if index is not None:
      session += f"fixed_{index}"  # the server reads the goal index after the last "_"
    url = f"{self.server_url}/{session}"
    try:
      final, body = self._fetch(url)
    except urllib.error.HTTPError as e:
      raise RuntimeError(
        f"WebShop server answered HTTP {e.code} to {url} (goal index {index} out of range?)"
      ) from e
    page = parse_page(body, final)
    if page.instruction is None:
      raise RuntimeError(f"{url} is not a WebShop page: no instruction found")
    self._rows[row] = _Row(session=session, page=page, instruction=page.instruction)
    return self._render(self._rows[row])

  def _step_rows(
    self, rows: Sequence[int], actions: Sequence[str]
  ) -> list[tuple[str, float, bool, dict]]:
    if len(rows) <= 1 or self._num_workers == 1:
      return [self._step_row(r, a) for r, a in zip(rows, actions, strict=True)]
    if self._pool is None:
      self._pool = concurrent.futures.ThreadPoolExecutor(
        self._num_workers, thread_name_prefix="webshop"
      )
    return list(self._pool.map(self._step_row, rows, actions))

  def _step_row(self, row: int, action: str) -> tuple[str, float, bool, dict]:
    state = self._rows[row]
    page = state.page
    kind, arg = parse_action(action.split("\n", 1)[0])
    if kind is None:
      return self._invalid(
        state, f"Invalid action {_short(action)}: use search[query] or click[button]."
      )
    if kind == "search":
      if page.search_url is None:
        return self._invalid(
          state, "There is no search box on this page: click[Back to Search] first."
        )
      query = " ".join(_QUERY_UNSAFE.sub(" ", arg).lower().split())
      if not query:
        return self._invalid(state, "Invalid action: the search query is empty.")
      target = Clickable(arg, "POST", page.search_url)
      form = {"search_query": query}
    else:
      target = page.clickables.get(arg.lower())
      if target is None:
        return self._invalid(
          state, f"Invalid action: there is no {_short(arg)} to click on this page."
        )
      form = {}
    try:
      final, body = self._fetch(target.url, target.method, form)
    except urllib.error.HTTPError as e:
      msg = f"The server answered HTTP {e.code} to {kind}[{arg}]; the page is unchanged."
      return self._render(state, msg), 0.0, False, {"error": f"HTTP {e.code} at {target.url}"}
    new = parse_page(body, final)
    if new.reward is None and "/done/" in urllib.parse.urlsplit(final).path:
      raise RuntimeError(f"WebShop done page {final} shows no reward (id='reward')")
    state.page = new
    if new.instruction:
      state.instruction = new.instruction
    if new.reward is not None:
      reward = float(np.clip(new.reward, 0.0, 1.0))
      return self._render(state), reward, True, {"purchased_url": final}
    return self._render(state), 0.0, False, {}

  # ---- helpers ----------------------------------------------------------------------
  def _invalid(self, state: _Row, message: str) -> tuple[str, float, bool, dict]:
    return self._render(state, message), 0.0, False, {"invalid": message}

  def _render(self, state: _Row, message: str | None = None) -> str:
    page = state.page
    lines = [message] if message else []
    lines.append(f"Instruction: {state.instruction}")
    if page.query:
      lines.append(f"Current query: {page.query}")
    body = " [SEP] ".join(page.texts)
    if self.max_page_chars is not None and len(body) > self.max_page_chars:
      body = body[: self.max_page_chars].rstrip() + " ..."
    if body:
      lines.append(body)
    selected = _selected_options(page.url)
    if selected:
      lines.append("Selected options: " + ", ".join(f"{k}: {v}" for k, v in selected.items()))
    if page.reward is not None:
      lines.append(f"Purchase complete. Reward: {page.reward:g}")
    else:
      acts = (["search[<query>]"] if page.search_url else []) + [
        f"click[{c.text}]" for c in page.clickables.values()
      ]
      lines.append("Available actions: " + (", ".join(acts) if acts else "none"))
    return "\n".join(lines)

  def close(self) -> None:
    if self._pool is not None:
      self._pool.shutdown(wait=True)
      self._pool = None


def _short(text: str, n: int = 60) -> str:
  text = " ".join(text.split())
  return repr(text if len(text) <= n else text[:n] + "...")
