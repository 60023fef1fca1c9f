"""WebShop client against the bundled WebShop-compatible server (loopback only)."""

from __future__ import annotations

import socket
import time

import pytest
from webshop_server import GOALS, PRODUCT_BY_ASIN, get_reward, start_server

from archer_jax.envs.webshop import WebShopEnv, parse_action, parse_page

WIN = [
  "search[red cotton t-shirt women]",
  "click[B09RED0001]",
  "click[medium]",
  "click[red]",
  "click[Buy Now]",
]


@pytest.fixture(scope="module")
def server():
  srv, url = start_server()
  yield srv, url
  srv.close()


@pytest.fixture
def url(server):
  return server[1]


def play(env, actions):
  out = []
  for a in actions:
    out.append(env.step([a]))
  return out


def test_full_successful_episode(url):
  env = WebShopEnv(1, url)
  obs = env.reset(indices=[0])[0]
  assert GOALS[0]["instruction_text"] in obs
  assert "search[<query>]" in obs
  results = play(env, WIN)
  for _, r, d, _ in results[:-1]:
    assert r[0] == 0.0 and not d[0]
  assert "click[B09RED0001]" in results[0][0][0]  # the product is listed
  assert "click[Buy Now]" in results[1][0][0]
  assert "Selected options: size: medium, color: red" in results[3][0][0]
  obs, rew, done, info = results[-1]
  assert rew[0] == pytest.approx(1.0) and done[0]
  assert "B09RED0001" in info[0]["purchased_url"]
  assert "Reward: 1" in obs[0]
  assert env.trajectories()[0].episode_return == pytest.approx(1.0)
  assert len(env.trajectories()[0]) == 5


def test_wrong_purchases_score_less(url):
  env = WebShopEnv(1, url)
  env.reset(indices=[0])
  *_, (_, rew, done, _) = play(env, WIN[:2] + ["click[Buy Now]"])  # right item, no options
  assert done[0] and 0.0 < rew[0] < 1.0
  env.reset(indices=[0])
  *_, (_, rew2, done, _) = play(
    env, ["search[headphones]", "click[B08HEAD002]", "click[black]", "click[Buy Now]"]
  )
  assert done[0] and rew2[0] < rew[0]
  # the server's reward: right product, options and price -> 1; type mismatch -> 0
  g = GOALS[0]
  assert get_reward(PRODUCT_BY_ASIN[g["asin"]], g, g["goal_options"])[0] == 1.0
  assert get_reward(PRODUCT_BY_ASIN["B08HEAD002"], g, {"color": "black"})[0] == 0.0


@pytest.mark.parametrize(
  "action, why",
  [
    ("buy the red shirt", "Invalid action"),
    ("click[Nonexistent Button]", "no 'Nonexistent Button' to click"),
    ("click[Search]", "no 'Search' to click"),  # the search box is search[...], not a button
    ("search[]", "Invalid action"),
    ("search[   /?#  ]", "query is empty"),
    ("", "Invalid action"),
    ("\u00e9\u00e8\u4e2d\x00\x01", "Invalid action"),
    ("click[" + "x" * 5000 + "]", "Invalid action"),  # cut to 1000 chars: no closing "]"
    ("click[" + "x" * 900 + "]", "to click"),
  ],
)
def test_invalid_actions_cost_a_turn(url, action, why):
  env = WebShopEnv(1, url, max_turns=10)
  first = env.reset(indices=[1])[0]
  obs, rew, done, info = env.step([action])
  assert rew[0] == 0.0 and not done[0]
  assert why in obs[0] and "invalid" in info[0]
  assert first in obs[0]  # same page, message first
  assert len(obs[0]) < len(first) + 200
  assert len(env.trajectories()[0]) == 1


def test_search_needs_a_search_box_and_unicode_queries_work(url):
  env = WebShopEnv(1, url)
  env.reset(indices=[1])
  obs, rew, done, info = env.step(["search[caf\u00e9 \u4e2d\u6587 headphones]"])
  assert "B08HEAD002" in obs[0] and "invalid" not in info[0]
  obs, rew, done, info = env.step(["search[headphones]"])  # results page: no search box
  assert "no search box" in obs[0] and rew[0] == 0 and not done[0]
  obs, *_ = env.step(["CLICK [ back to search ]  trailing words"])
  assert "search[<query>]" in obs[0]


def test_pagination_and_sub_pages(url):
  env = WebShopEnv(1, url)
  env.reset(indices=[0])
  (o1, *_), (o2, *_), (o3, *_) = play(env, ["search[t-shirt]", "click[Next >]", "click[< Prev]"])
  assert "of 11 total results" in o1[0] and "click[Next >]" in o1[0]
  assert "Page 2" in o2[0] and "click[< Prev]" in o2[0] and "click[Next >]" not in o2[0]
  assert o3[0] == o1[0]
  (o4, *_), (o5, *_), (o6, *_), (o7, *_) = play(
    env, ["click[B09RED0001]", "click[reviews]", "click[< Prev]", "click[Features]"]
  )
  assert "Soft and true to size." in o5[0]
  assert "click[Buy Now]" in o6[0]
  assert "Machine wash cold" in o7[0]


def test_turn_cap_and_rows_finishing_at_different_times(url):
  env = WebShopEnv(3, url, max_turns=10)
  env.reset(indices=[0, 1, 2])
  plan = [WIN, ["search[headphones]", "click[B08HEAD002]", "click[Buy Now]"], ["noop"] * 10]
  finished = {}
  for t in range(10):
    obs, rew, done, info = env.step([p[t] if t < len(p) else "ignored" for p in plan])
    for r in range(3):
      if done[r] and r not in finished:
        finished[r] = (t + 1, info[r])
  assert finished[1][0] == 3 and finished[0][0] == 5 and finished[2][0] == 10
  assert finished[2][1].get("truncated") is True
  returns = [t.episode_return for t in env.trajectories()]
  assert returns[0] == pytest.approx(1.0) and 0 < returns[1] and returns[2] == 0.0
  assert [len(t) for t in env.trajectories()] == [5, 3, 10]
  # finished rows keep their last observation and ignore actions
  before = env.observations
  obs, rew, done, _ = env.step(["click[Buy Now]"] * 3)
  assert obs == before and not rew.any() and done.all()
  env.close()


def test_goal_indices_are_seeded(url):
  env = WebShopEnv(4, url, goal_indices=[2, 3])
  a = env.reset(seeds=[5, 6, 7, 8])
  b = env.reset(seeds=[5, 6, 7, 8])
  assert a == b
  instr = {GOALS[2]["instruction_text"], GOALS[3]["instruction_text"]}
  assert all(any(i in o for i in instr) for o in a)
  free = WebShopEnv(2, url).reset()  # no index: the server draws a goal
  assert all(any(g["instruction_text"] in o for g in GOALS) for o in free)


def test_goal_index_out_of_range(url):
  env = WebShopEnv(1, url)
  with pytest.raises(RuntimeError, match="HTTP 404"):
    env.reset(indices=[999])
  with pytest.raises(ValueError):
    WebShopEnv(1, url, goal_indices=[-1])


def _closed_port() -> int:
  s = socket.socket()
  s.bind(("127.0.0.1", 0))
  port = s.getsockname()[1]
  s.close()
  return port


def test_unreachable_server_fails_fast():
  bad = f"http://127.0.0.1:{_closed_port()}"
  t = time.monotonic()
  with pytest.raises(ConnectionError, match=bad.replace(".", r"\.")):
    WebShopEnv(1, bad)
  assert time.monotonic() - t < 5
  with pytest.raises(ValueError, match="server_url"):
    WebShopEnv(1, "ftp://127.0.0.1:1")


def test_server_going_away_mid_episode():
  srv, url = start_server()
  env = WebShopEnv(1, url, retries=1, timeout=5)
  env.reset(indices=[0])
  srv.close()
  with pytest.raises(ConnectionError, match="failed on POST"):
    env.step(["search[shirt]"])


def test_parse_action():
  assert parse_action("search[Red Shoes ]") == ("search", "Red Shoes")
  assert parse_action(" Click [< Prev] then more") == ("click", "< Prev")
  assert parse_action("click me") == (None, "")


def test_parser_reads_webshop_markup():
  """A results page and a done page as the Flask app renders them (quoted list literals,
  mismatched tags, hidden goal details)."""
  results = """<html><head><title>x</title><script>var a = "Buy Now";</script></head><body>
  <div id="instruction-text"><h4>Instruction: find shoes</h4>
  <h4>Current Query: ['red', 'shoes']</h4></div>
  <form method="post" action="/abc">
  <button type="submit" class="btn btn-success">Back to Search</button></form>
  <form method="post" action="/search_results/abc/%5B%27red%27%2C%20%27shoes%27%5D/2">
  <button type="submit" class="btn btn-primary">Next &gt;</button></form>
  <div class="grid-item"><h4 class="mt-0 product-asin"><a class="product-link"
  href="/item_page/abc/B0XYZ/%5B%27red%27%5D/1/%7B%7D">B0XYZ</a></h4>
  <h4 class="product-title">Red &amp; Shoes</h5><h5>$10.00</h6></div></body></html>"""
  p = parse_page(results, "http://h:3000/search_results/abc/x/1")
  assert p.instruction == "find shoes" and p.query == "red shoes"
  assert list(p.clickables) == ["back to search", "next >", "b0xyz"]
  assert p.clickables["next >"].method == "POST"
  assert p.clickables["b0xyz"].url == "http://h:3000/item_page/abc/B0XYZ/%5B%27red%27%5D/1/%7B%7D"
  assert "Red & Shoes" in p.texts and "Buy Now" not in " ".join(p.texts)
  done = """<html><body><div id="stats"><h3>Your code: </h3><p><pre>abc</pre></p>
  <div style="display: none"><h4 id="asin">asin<pre>B0SECRET</pre></p></div>
  <h3 id="reward">Your score (min 0.0, max 1.0)<pre>0.6666666666666666</pre></h3>
  <h4 hidden>Reward Details <div id="reward_info"><pre>{'r_att': 1.0}</pre></div></h4>
  </div></body></html>"""
  d = parse_page(done, "http://h:3000/done/abc/B0XYZ/%7B%7D")
  assert d.reward == pytest.approx(2 / 3)
  assert "B0SECRET" not in " ".join(d.texts) and "r_att" not in " ".join(d.texts)
