"""A small WebShop-compatible HTTP server, for tests and for trying the WebShop env offline.

It serves the routes and the HTML structure of WebShop's Flask app (`web_agent_site.app`),
so `WebShopEnv` talks to it exactly as to the real server:

    GET  /                                   -> redirect to /abc
    GET  /<session>                          search page with the instruction
    POST /<session>  search_query=...        -> redirect to the first results page
    /search_results/<session>/<keywords>/<page>
    /item_page/<session>/<asin>/<keywords>/<page>/<options>
    /item_sub_page/<session>/<asin>/<keywords>/<page>/<sub_page>/<options>
    /done/<session>/<asin>/<options>         the purchase, with the reward

`<keywords>` is a Python list literal and `<options>` a dict literal, URL-quoted, as Flask's
`url_for` writes them. A session id containing "fixed" plays goal `int(id.split("_")[-1])`;
other ids get a goal drawn by the server's seeded RNG.

The catalogue is 17 products (11 of them T-shirts, so "t-shirt" has two result pages) and
6 goals. The reward has WebShop's shape with exact matching instead of fuzzy matching:
    r = r_type * (attributes matched + options matched + [price <= limit])
                 / (#goal attributes + #goal options + 1)
r_type is 1 for the same product type (same query, or >= 2 shared category levels, or title
nouns overlapping), lower otherwise.

    server, url = start_server()        # 127.0.0.1, a free port, a daemon thread
    ...
    server.close()

Also runnable: `python tests/webshop_server.py --port 3000`.
"""

from __future__ import annotations

import argparse
import ast
import html
import http.server
import random
import re
import threading
import urllib.parse
from typing import Any

PAGE_SIZE = 10
SEARCH_RETURN_N = 50

_TEE_COLORS = (
  "black",
  "white",
  "grey",
  "green",
  "yellow",
  "purple",
  "orange",
  "pink",
  "brown",
  "navy blue",
)


def _product(
  asin,
  title,
  price,
  category,
  query,
  product_category,
  options,
  attributes,
  bullets,
  description,
  rating=4.5,
  reviews=(),
):
  return {
    "asin": asin,
    "Title": title,
    "name": title,
    "price": float(price),
    "Price": f"${price:.2f}",
    "category": category,
    "query": query,
    "product_category": product_category,
    "options": options,
    "Attributes": list(attributes),
    "BulletPoints": list(bullets),
    "Description": description,
    "Rating": rating,
    "Reviews": [{"title": t, "score": s, "body": b} for t, s, b in reviews],
  }


_TEE_CATEGORY = "Clothing, Shoes & Jewelry › Women › Clothing › Tops, Tees & Blouses › T-Shirts"
PRODUCTS = [
  _product(
    "B09RED0001",
    "Women's Cotton Crew Neck T-Shirt Short Sleeve Casual Summer Tee",
    12.99,
    "fashion",
    "women's t-shirts",
    _TEE_CATEGORY,
    {"size": ["small", "medium", "large", "x-large"], "color": ["red", "navy blue", "white"]},
    ["machine wash", "cotton", "short sleeve"],
    ["100% cotton", "Machine wash cold", "Relaxed fit"],
    "A soft everyday tee in breathable cotton.",
    reviews=[
      ("Great fit", 5, "Soft and true to size."),
      ("Thin", 3, "A bit see-through in white."),
    ],
  ),
  _product(
    "B08HEAD002",
    "Wireless Bluetooth Over-Ear Headphones with Active Noise Cancelling",
    59.99,
    "electronics",
    "headphones",
    "Electronics › Headphones, Earbuds & Accessories › Headphones › Over-Ear",
    {"color": ["black", "silver"]},
    ["noise cancelling", "wireless bluetooth", "long battery life"],
    ["40 hour playtime", "Bluetooth 5.2", "Foldable design"],
    "Over-ear headphones with hybrid active noise cancelling.",
  ),
  _product(
    "B07COFF003",
    "Organic Medium Roast Ground Coffee, Fair Trade, 12 oz Bag",
    9.49,
    "grocery",
    "ground coffee",
    "Grocery & Gourmet Food › Beverages › Coffee, Tea & Cocoa › Coffee › Ground Coffee",
    {"flavor": ["original", "decaf"], "size": ["12 ounce", "2 pound"]},
    ["usda organic", "ground coffee", "fair trade"],
    ["Medium roast", "Arabica beans"],
    "Smooth medium roast from organic farms.",
  ),
  _product(
    "B09SHOE004",
    "Men's Lightweight Running Shoes Non Slip Walking Sneakers",
    39.99,
    "fashion",
    "men's running shoes",
    "Clothing, Shoes & Jewelry › Men › Shoes › Athletic › Running",
    {"size": ["8", "9", "10", "11"], "color": ["black", "grey"]},
    ["non slip", "lightweight", "rubber sole"],
    ["Breathable mesh", "Rubber outsole"],
    "Everyday running shoes.",
  ),
  _product(
    "B08SHAM005",
    "Sulfate Free Argan Oil Shampoo for Dry Damaged Hair",
    14.50,
    "beauty",
    "shampoo",
    "Beauty & Personal Care › Hair Care › Shampoo & Conditioner",
    {"size": ["16 fl oz", "32 fl oz"]},
    ["sulfate free", "dry hair", "argan oil"],
    ["Paraben free", "Color safe"],
    "Moisturising shampoo with argan oil.",
  ),
  _product(
    "B09DESK006",
    "Adjustable Height Standing Desk with Storage Shelf, 48 Inch",
    189.00,
    "furniture",
    "standing desk",
    "Home & Kitchen › Furniture › Home Office Furniture › Desks",
    {"color": ["walnut", "white"]},
    ["height adjustable", "easy assemble", "storage space"],
    ["Electric motor", "Memory presets"],
    "A sturdy sit-stand desk.",
  ),
] + [
  _product(
    f"B0TEE{i:05d}",
    f"Unisex Basic Cotton T-Shirt, Regular Fit, {c.title()}",
    15.0 + 1.5 * i,
    "fashion",
    "t-shirts",
    "Clothing, Shoes & Jewelry › Men › Clothing › Shirts › T-Shirts",
    {"size": ["small", "medium", "large"]},
    ["cotton", "regular fit"],
    ["Cotton blend", "Tagless"],
    f"A plain {c} tee.",
  )
  for i, c in enumerate(_TEE_COLORS)
]
PRODUCT_BY_ASIN = {p["asin"]: p for p in PRODUCTS}

GOALS = [
  {
    "asin": "B09RED0001",
    "attributes": ["machine wash", "cotton", "short sleeve"],
    "goal_options": {"size": "medium", "color": "red"},
    "price_upper": 30.0,
    "instruction_text": "i need a women's cotton t-shirt with short sleeves that is machine "
    "washable, in red and size medium, and price lower than 30.00 dollars",
  },
  {
    "asin": "B08HEAD002",
    "attributes": ["noise cancelling", "wireless bluetooth"],
    "goal_options": {"color": "black"},
    "price_upper": 80.0,
    "instruction_text": "i want wireless bluetooth headphones with noise cancelling, black "
    "color, and price lower than 80.00 dollars",
  },
  {
    "asin": "B07COFF003",
    "attributes": ["usda organic", "ground coffee"],
    "goal_options": {"flavor": "decaf", "size": "12 ounce"},
    "price_upper": 20.0,
    "instruction_text": "i am looking for usda organic decaf ground coffee in a 12 ounce "
    "bag, and price lower than 20.00 dollars",
  },
  {
    "asin": "B09SHOE004",
    "attributes": ["non slip", "lightweight"],
    "goal_options": {"size": "10", "color": "black"},
    "price_upper": 50.0,
    "instruction_text": "i need lightweight non slip running shoes for men, size 10 in "
    "black, and price lower than 50.00 dollars",
  },
  {
    "asin": "B08SHAM005",
    "attributes": ["sulfate free", "dry hair"],
    "goal_options": {"size": "16 fl oz"},
    "price_upper": 20.0,
    "instruction_text": "i want a sulfate free shampoo for dry hair, 16 fl oz, and price "
    "lower than 20.00 dollars",
  },
  {
    "asin": "B09DESK006",
    "attributes": ["height adjustable", "storage space"],
    "goal_options": {"color": "white"},
    "price_upper": 250.0,
    "instruction_text": "i'm looking for a height adjustable standing desk with storage "
    "space in white, and price lower than 250.00 dollars",
  },
]
for _g in GOALS:
  _p = PRODUCT_BY_ASIN[_g["asin"]]
  _g.update(
    query=_p["query"],
    product_category=_p["product_category"],
    name=_p["name"],
    category=_p["category"],
  )

_STOPWORDS = frozenset(
  "a an and the with for in of on to by from s inch oz unisex basic regular fit".split()
)


def _words(text: str) -> list[str]:
  return re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", text.lower())


def _type_words(title: str) -> set[str]:
  """Stand-in for WebShop's spaCy noun filter: title words minus filler."""
  return {w for w in _words(title) if len(w) > 2 and w not in _STOPWORDS}


def get_reward(product: dict, goal: dict, options: dict[str, str]) -> tuple[float, dict]:
  """WebShop's reward shape with exact matching (see module docstring) -> (reward, parts)."""
  query_match = product["query"] == goal["query"]
  cats = lambda c: {x.strip() for x in c.split("›")}
  category_match = len(cats(product["product_category"]) & cats(goal["product_category"])) >= 2
  want = _type_words(goal["name"])
  title_score = len(_type_words(product["name"]) & want) / len(want) if want else 0.2
  r_type = 1.0 if (query_match or category_match or title_score > 0.2) else 0.5
  if title_score < 0.1:
    r_type = 0.1
  if title_score == 0.0:
    r_type = 0.0

  text = " ".join([product["Title"], *product["BulletPoints"], product["Description"]]).lower()
  attrs = {a.lower() for a in product["Attributes"]}
  n_attr = sum(1 for a in goal["attributes"] if a in attrs or a in text)
  goal_opts = [str(v).lower() for v in goal["goal_options"].values()]
  n_opt = sum(1 for v in options.values() if str(v).lower() in goal_opts)
  r_price = product["price"] <= goal["price_upper"]
  total = (n_attr + n_opt + r_price) / (len(goal["attributes"]) + len(goal_opts) + 1)
  parts = {
    "r_type": r_type,
    "r_att": n_attr / len(goal["attributes"]),
    "r_option": n_opt / len(goal_opts) if goal_opts else None,
    "r_price": r_price,
    "query_match": query_match,
    "category_match": category_match,
    "title_score": title_score,
  }
  return round(min(1.0, total * r_type), 4), parts


def search(keywords: list[str]) -> list[dict]:
  """Bag-of-words ranking over title, query, category and attributes (BM25's stand-in)."""
  terms = [w for w in _words(" ".join(keywords)) if w not in _STOPWORDS]
  scored = []
  for i, p in enumerate(PRODUCTS):
    doc = _words(" ".join([p["Title"], p["query"], p["category"], *p["Attributes"]]))
    s = sum(doc.count(t) for t in terms)
    if s:
      scored.append((-s, i, p))
  return [p for _, _, p in sorted(scored, key=lambda x: x[:2])][:SEARCH_RETURN_N]


# ---- HTML (the structure of WebShop's templates) ------------------------------------------
_e = html.escape


def _q(value: Any) -> str:
  return urllib.parse.quote(str(value), safe="")


def _head() -> str:
  return (
    "<!DOCTYPE html>\n<html>\n  <head>\n    <title>WebShop</title>\n"
    '    <link rel="icon" href="data:,">\n  </head>\n  <body>\n'
  )


def _button(action: str, text: str, cls: str = "btn btn-primary") -> str:
  return (
    f'<form method="post" action="{_e(action)}">'
    f'<button type="submit" class="{cls}">{_e(text)}</button></form>\n'
  )


def _instruction(goal: dict, keywords: list[str] | str | None = None) -> str:
  out = (
    '<div id="instruction-text">\n'
    f'<h4 style="padding:2px 10px;">Instruction: {_e(goal["instruction_text"])}</h4>\n'
  )
  if keywords is not None:
    kw = " ".join(keywords) if isinstance(keywords, list) else keywords
    out += f'<h4 style="padding:2px 10px;">Current Query: {_e(kw)}</h4>\n'
  return out + "</div>\n"


def search_page(sid: str, goal: dict) -> str:
  return (
    _head() + '<div class="container"><div id="logo"><h2>WebShop</h2></div>\n'
    '<div id="instruction-text" class="text-center">\n'
    f"<h4>Instruction: <br>{_e(goal['instruction_text'])}</h4>\n</div>\n"
    f'<form role="form" id="form-buscar" method="post" action="/{_e(sid)}">\n'
    '<input id="search_input" class="form-control" type="text" name="search_query" '
    'placeholder="Search..." required/>\n'
    '<button class="btn btn-success" type="submit">Search</button>\n</form>\n'
    "</div>\n</body>\n</html>\n"
  )


def results_page(sid: str, goal: dict, keywords: list[str], page: int) -> str:
  hits = search(keywords)
  shown = hits[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
  kw = _q(keywords)
  out = _head() + '<div class="container py-5">\n' + _instruction(goal, keywords)
  out += (
    "<div><h1>Results</h1>\n"
    f"<p>Page {page} ({(page - 1) * PAGE_SIZE + 1}-{page * PAGE_SIZE}) of {len(hits)} "
    'total results</p></div>\n<div class="inline-block">\n'
  )
  out += _button(f"/{sid}", "Back to Search", "btn btn-success")
  if page > 1:
    out += _button(f"/search_results/{sid}/{kw}/{page - 1}", "< Prev")
  if page * PAGE_SIZE < len(hits):
    out += _button(f"/search_results/{sid}/{kw}/{page + 1}", "Next >")
  out += '</div>\n<div class="grid-container">\n'
  for p in shown:
    href = f"/item_page/{sid}/{p['asin']}/{kw}/{page}/{_q({})}"
    out += (
      '<div class="grid-item">\n'
      f'<h4 class="product-asin"><a class="product-link" href="{_e(href)}">'
      f"{p['asin']}</a></h4>\n"
      f'<h4 class="product-title">{_e(p["Title"])}</h5>\n'  # sic: WebShop's markup
      f'<h5 class="product-price">{_e(p["Price"])}</h6>\n</div>\n'
    )
  return out + "</div>\n</div>\n</body>\n</html>\n"


def item_page(
  sid: str, goal: dict, p: dict, kw: str, page: int, options: dict, show_attrs: bool
) -> str:
  base = f"/{sid}/{p['asin']}/{_q(kw)}/{page}"
  out = _head() + '<div class="container py-5">\n' + _instruction(goal, kw) + "<div>\n"
  out += _button(f"/{sid}", "Back to Search", "btn btn-success")
  out += _button(f"/search_results/{sid}/{_q(kw)}/{page}", "< Back to Results")
  out += '</div>\n<div class="row">\n<div class="col-md-4">\n'
  for name, values in p["options"].items():
    out += f'<div class="row top-buffer"><h4>{_e(name)}</h4><div class="radio-toolbar">\n'
    for j, value in enumerate(values):
      url = f"/item_page{base}/{_q({**options, name: value})}"
      checked = " checked" if options.get(name) == value else ""
      out += (
        f'<input type="radio" id="radio_{_e(name)}{j}" name="{_e(name)}" '
        f'value="{_e(value)}" data-url="{_e(url)}"{checked}>\n'
        f'<label for="radio_{_e(name)}{j}">{_e(value)}</label>\n'
      )
    out += "</div></div>\n"
  out += (
    f'</div>\n<div class="col-md-6">\n<h2>{_e(p["Title"])}</h2>\n'
    f"<h4>Price: {_e(p['Price'])}</h4>\n<h4>Rating: {p['Rating']}</h4>\n"
  )
  subs = ["Description", "Features", "Reviews"] + (["Attributes"] if show_attrs else [])
  for sub in subs:
    out += _button(f"/item_sub_page{base}/{sub}/{_q(options)}", sub)
  out += '</div>\n<div class="col-sm-2">\n'
  out += _button(f"/done/{sid}/{p['asin']}/{_q(options)}", "Buy Now", "btn btn-lg purchase")
  return out + "</div>\n</div>\n</div>\n</body>\n</html>\n"


def item_sub_page(
  sid: str, goal: dict, p: dict, kw: str, page: int, sub: str, options: dict
) -> str:
  back = f"/item_page/{sid}/{p['asin']}/{_q(kw)}/{page}/{_q(options)}"
  out = _head() + '<div class="container py-5">\n' + _instruction(goal, kw) + "<div>\n"
  out += _button(f"/{sid}", "Back to Search", "btn btn-success")
  out += _button(back, "< Prev" if sub == "Reviews" else "< Back to Item Page")
  out += '</div>\n<div class="card card-body">\n'
  if sub == "Description":
    out += f'<p class="product-info">{_e(p["Description"] or "No Description")}</p>\n'
  elif sub == "Features":
    out += (
      "<ul>"
      + "".join(f'<li><p class="product-info"> {_e(b)}</p></li>' for b in p["BulletPoints"])
      + "</ul>\n"
    )
  elif sub == "Reviews":
    for r in p["Reviews"] or []:
      out += (
        f'<div class="card"><h4>"{_e(r["title"])}"</h4><p><span>{r["score"]}</span></p>'
        f'<p class="content">{_e(r["body"])}</p></div>\n'
      )
    if not p["Reviews"]:
      out += "<h4>No reviews found</h4>\n"
  else:
    out += "<ul>" + "".join(f"<li><p>{_e(a)}</p></li>" for a in p["Attributes"]) + "</ul>\n"
  return out + "</div>\n</div>\n</body>\n</html>\n"


def done_page(sid: str, goal: dict, asin: str, options: dict, reward: float, parts: dict) -> str:
  p = PRODUCT_BY_ASIN[asin]
  return (
    _head() + '<div class="container"><div id="thankyou" class="text-center">'
    '<h1>Thank you for shopping with us!</h1></div>\n<div id="stats">\n'
    f'<h3 align="mturk_code">Your code: </h3><p><pre>{_e(sid)}</pre> '
    "(Paste it in your MTurk interface.)</p>\n"
    '<div style="display:none">\n<h2 align="left">Purchased</h2>\n'
    f'<h4 id="asin">asin<pre>{_e(asin)}</pre></p>\n'
    f'<h4 id="options">options<pre>{_e(str(options))}</pre></h4>\n'
    f'<h4 id="purchased_attrs">attrs<pre>{_e(str(p["Attributes"]))}</pre></h4>\n'
    '<h2 align="left">Target</h2>\n'
    f'<h4 id="goal-asin">asin<pre>{_e(goal["asin"])}</pre></p>\n'
    f'<h4 id="goal-options">options<pre>{_e(str(goal["goal_options"]))}</pre></h4>\n'
    f'<h4 id="goal-instruction-text">instuction text<pre>'
    f"{_e(goal['instruction_text'])}</pre></h4>\n</div>\n"
    f'<h3 id="reward">Your score (min 0.0, max 1.0)<pre>{reward}</pre></h3>\n'
    f'<h4 hidden>Reward Details <div id="reward_info"><pre>{_e(str(parts))}</pre></div>'
    "</h4>\n</div>\n</div>\n</body>\n</html>\n"
  )


# ---- server -------------------------------------------------------------------------------
class _HTTPError(Exception):
  def __init__(self, code: int, message: str):
    super().__init__(message)
    self.code = code


def _keywords(segment: str) -> list[str]:
  if segment.startswith("["):
    try:
      value = ast.literal_eval(segment)
    except (ValueError, SyntaxError):
      raise _HTTPError(400, f"bad keywords {segment!r}") from None
    if not isinstance(value, list):
      raise _HTTPError(400, f"bad keywords {segment!r}")
    return [str(v) for v in value]
  return [segment]


def _options(segment: str) -> dict[str, str]:
  try:
    value = ast.literal_eval(segment)
  except (ValueError, SyntaxError):
    raise _HTTPError(400, f"bad options {segment!r}") from None
  if not isinstance(value, dict):
    raise _HTTPError(400, f"bad options {segment!r}")
  return {str(k): str(v) for k, v in value.items()}


def _int(segment: str) -> int:
  try:
    return int(segment)
  except ValueError:
    raise _HTTPError(400, f"bad page {segment!r}") from None


class WebShopTestServer(http.server.ThreadingHTTPServer):
  """The HTTP server; holds the sessions (session id -> goal, done, reward)."""

  daemon_threads = True

  def __init__(self, address, seed: int = 0, show_attrs: bool = False):
    super().__init__(address, _Handler)
    self.sessions: dict[str, dict] = {}
    self.show_attrs = show_attrs
    self._rng = random.Random(seed)
    self._lock = threading.Lock()

  def goal_for(self, sid: str, create: bool) -> dict:
    with self._lock:
      if sid not in self.sessions:
        if not create:
          raise _HTTPError(404, f"unknown session {sid!r}")
        if "fixed" in sid:
          idx = sid.split("_")[-1]
          if not idx.isdigit() or int(idx) >= len(GOALS):
            raise _HTTPError(404, f"no goal {idx!r} (there are {len(GOALS)})")
          goal = GOALS[int(idx)]
        else:
          goal = self._rng.choice(GOALS)
        self.sessions[sid] = {"goal": goal, "done": False}
      return self.sessions[sid]["goal"]

  def close(self) -> None:
    self.shutdown()
    self.server_close()


class _Handler(http.server.BaseHTTPRequestHandler):
  server: WebShopTestServer

  def log_message(self, format, *args):  # keep test output quiet
    pass

  def do_GET(self):
    self._serve(None)

  def do_POST(self):
    n = int(self.headers.get("Content-Length") or 0)
    form = urllib.parse.parse_qs(self.rfile.read(n).decode("utf-8", "replace")) if n else {}
    self._serve(form)

  def _serve(self, form: dict[str, list[str]] | None) -> None:
    try:
      status, body, location = self._route(form)
    except _HTTPError as e:
      status, body, location = (
        e.code,
        f"<html><body><h1>{e.code}</h1><p>{_e(str(e))}</p></body></html>",
        None,
      )
    data = body.encode("utf-8")
    self.send_response(status)
    if location:
      self.send_header("Location", location)
    self.send_header("Content-Type", "text/html; charset=utf-8")
    self.send_header("Content-Length", str(len(data)))
    self.end_headers()
    self.wfile.write(data)

  def _route(self, form) -> tuple[int, str, str | None]:
    path = urllib.parse.urlsplit(self.path).path
    seg = [urllib.parse.unquote(s) for s in path.strip("/").split("/")] if path != "/" else []
    srv = self.server
    if not seg:
      return 302, "", "/abc"
    if len(seg) == 1:
      sid = seg[0]
      goal = srv.goal_for(sid, create=True)
      if form is not None and "search_query" in form:
        keywords = form["search_query"][0].lower().split(" ")
        return 302, "", f"/search_results/{_q(sid)}/{_q(keywords)}/1"
      return 200, search_page(sid, goal), None
    kind, sid = seg[0], seg[1]
    goal = srv.goal_for(sid, create=False)
    if kind == "search_results" and len(seg) == 4:
      return 200, results_page(sid, goal, _keywords(seg[2]), max(1, _int(seg[3]))), None
    if kind in ("item_page", "item_sub_page", "done"):
      p = PRODUCT_BY_ASIN.get(seg[2])
      if p is None:
        raise _HTTPError(404, f"unknown product {seg[2]!r}")
      if kind == "item_page" and len(seg) == 6:
        return (
          200,
          item_page(sid, goal, p, seg[3], _int(seg[4]), _options(seg[5]), srv.show_attrs),
          None,
        )
      if kind == "item_sub_page" and len(seg) == 7:
        if seg[5] not in ("Description", "Features", "Reviews", "Attributes"):
          raise _HTTPError(404, f"unknown sub page {seg[5]!r}")
        return (
          200,
          item_sub_page(sid, goal, p, seg[3], _int(seg[4]), seg[5], _options(seg[6])),
          None,
        )
      if kind == "done" and len(seg) == 4:
        options = _options(seg[3])
        reward, parts = get_reward(p, goal, options)
        with srv._lock:
          srv.sessions[sid].update(done=True, reward=reward)
        return 200, done_page(sid, goal, p["asin"], options, reward, parts), None
    raise _HTTPError(404, f"no route {path!r}")


def start_server(
  host: str = "127.0.0.1", port: int = 0, seed: int = 0, show_attrs: bool = False
) -> tuple[WebShopTestServer, str]:
  """Serve in a daemon thread -> (server, base url). Stop with `server.close()`."""
  server = WebShopTestServer((host, port), seed=seed, show_attrs=show_attrs)
  threading.Thread(target=server.serve_forever, name="webshop-testserver", daemon=True).start()
  h, p = server.server_address[:2]
  return server, f"http://{h}:{p}"


def main(argv: list[str] | None = None) -> None:
  ap = argparse.ArgumentParser(description="Small WebShop-compatible server (tests, demos).")
  ap.add_argument("--host", default="127.0.0.1")
  ap.add_argument("--port", type=int, default=3000)
  ap.add_argument("--attrs", action="store_true", help="show the Attributes tab")
  args = ap.parse_args(argv)
  server = WebShopTestServer((args.host, args.port), show_attrs=args.attrs)
  print(f"WebShop test server on http://{args.host}:{server.server_address[1]}", flush=True)
  try:
    server.serve_forever()
  except KeyboardInterrupt:
    pass
  finally:
    server.server_close()


if __name__ == "__main__":
  main()
