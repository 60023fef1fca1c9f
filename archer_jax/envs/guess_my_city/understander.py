"""Free-form Guess My City questions -> what they ask, against the knowledge base.

`Understander.parse(question)` returns a `Parsed` (or None when it cannot tell what is asked):

- kind "refuse": the answer would reveal the city's name ("What is the name of your city?").
- kind "name": a guess naming cities ("Is it Bogotá?"); `mask` marks the cities named.
- kind "yn": a yes/no question; `mask[i]` is the truthful answer for city i (before
  `negated`). `detail` names a City field used to illustrate a yes to a generic question
  ("Is your city known for its landmarks?" -> "Yes, ... for example X and Y.").
- kind "alt": "Is your city on the coast or inland?"; `options` holds each alternative's text
  and mask, and the answer names the true one.
- kind "open": "What is the climate like?"; `topic` selects the answer writer in `answers`.

Pipeline: extract the question from chatter, fold accents, lower-case, tokenise; refuse
name-revealing requests; find places / cities / landmarks ... with the lexicon (longest
match, with the words just before each match deciding the relation: in, near, capital of,
northern part of, east coast of ...); then hemisphere, population, founding-date, language,
religion and currency patterns; then the keyword `tags` on what is left. Conjunctions are
ANDed, clauses joined by "or" ORed. Parses are cached per question string.
"""
from __future__ import annotations

import re
from typing import NamedTuple

import numpy as np

from archer_jax.envs.guess_my_city import world
from archer_jax.envs.guess_my_city.knowledge import Entry, KnowledgeBase, get_kb
from archer_jax.envs.guess_my_city.text import fold, norm

MAX_QUESTION_CHARS = 500
MAX_QUESTION_WORDS = 80

AUX = frozenset("is are was were does do did can could would will has have had should might may "
                "must shall isn isnt arent doesnt dont".split())
WH = frozenset("what which how where who whom whose when why tell describe name list give share "
               "explain".split())

DIRS = {"north": "north", "northern": "north", "south": "south", "southern": "south",
        "east": "east", "eastern": "east", "west": "west", "western": "west",
        "northeast": "northeast", "northeastern": "northeast", "northwest": "northwest",
        "northwestern": "northwest", "southeast": "southeast", "southeastern": "southeast",
        "southwest": "southwest", "southwestern": "southwest", "central": "central",
        "centre": "central", "center": "central", "middle": "central", "heart": "central",
        "interior": "central"}
_DIR_RX = ("(?:north ?east(?:ern)?|north ?west(?:ern)?|south ?east(?:ern)?|south ?west(?:ern)?|"
           "north(?:ern)?|south(?:ern)?|east(?:ern)?|west(?:ern)?|central|centre|center|middle|heart)")
_AREA = r"(?:part|parts|region|area|side|portion|half|section|corner|tip|end|reaches)"

_CHATTER = re.compile(
    r"^(?:(?:based on|given|from|considering|according to|with|using|now that|taking into "
    r"account|after)\b[^:\n]*(?::|\n)\s*|(?:my |the )?(?:next |first |final |last |new )?"
    r"question(?: \d+)?(?: is| would be| will be)?\s*[:\-]\s*|next\s*[:\-]\s*|\d+\s*[.):]\s+|[-*•]\s+|"
    r"q\d*\s*[:.]\s*)", re.I)
_LEAD = re.compile(
    r"^(?:(?:ok|okay|great|thanks|thank you|alright|all right|well|hmm|so|then|now|and|also|"
    r"interesting|good|nice|sure|i see|got it|understood|perfect|cool|wow|right|yes|no|please|"
    r"hi|hello|hey)\b[ ,!.]*)+", re.I)
_ASKING = re.compile(
    r"^(?:(?:i would|i d|i will|i ll|let me|may i|can i|could i|i want to|i wanted to|i am going "
    r"to|i m going to)\s+(?:like to |love to )?(?:ask|know|inquire|find out|guess)(?: you)?"
    r"(?: a question)?(?: about| regarding)?[ ,:]*|i am curious(?: about| to know)?[ ,:]*|"
    r"i m curious(?: about| to know)?[ ,:]*|i wonder(?:ed)?[ ,:]*|out of curiosity[ ,:]*|"
    r"just curious[ ,:]*)", re.I)


_COLON_Q = re.compile(r"[:]\s*[\"“']?\s*(?=(?:Is|Are|Does|Do|Did|What|Which|Can|Could|How|Where|Who|"
                      r"Has|Have|Was|Were|Would|Will|Tell|Please|Based)\b)")


def extract_question(text) -> str:
  """The question an action asks: chatter such as "Based on the information provided, my next
  question would be:\\n\\n" is dropped, then the first line (or sentence) holding a '?' is
  kept up to and including its '?'. Without any '?', the first non-empty line."""
  if text is None:
    return ""
  if not isinstance(text, str):
    text = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
  lines = [ln.strip() for ln in text.strip().splitlines() if ln.strip()]
  if not lines:
    return ""
  pick = next((ln for ln in lines if "?" in ln), lines[0])
  if "?" in pick:
    pick = pick[: pick.index("?") + 1]
  cuts = list(_COLON_Q.finditer(pick))
  if cuts:
    pick = pick[cuts[-1].end():]
  for _ in range(3):
    new = _CHATTER.sub("", pick).strip().lstrip("\"'“‘ ").strip()
    if new == pick or not new:
      break
    pick = new
  return pick.strip().strip("\"“”").strip()


class Parsed(NamedTuple):
  kind: str                      # refuse | name | yn | alt | open
  key: str                       # what it asks (for logs and the player)
  mask: np.ndarray | None = None
  negated: bool = False
  detail: str = ""               # City field illustrating a yes to a generic yn question
  topic: str = ""                # open-question topic
  arg: str = ""                  # topic argument (e.g. the kind of landmark)
  verb: str = ""                 # leading auxiliary of a yn question
  options: tuple = ()            # alt: ((text, mask), ...)
  note: str = ""                 # special answer wording

  def truth(self, index: int) -> bool:
    return bool(self.mask[index]) != self.negated


_SUBJECT = re.compile(
    r"\b(?:(?:your|ur|the|this|my|that|our) (?:city|hometown|home town|town|place|home city|"
    r"mystery city|secret city|chosen city|hidden city|city of origin|native city|birthplace|"
    r"location)(?! of\b)(?: (?:that|where|which|in which))?(?: (?:you|u) (?:are|were|re|come|came|live|"
    r"lived|grew up|grow up|have chosen|chose|re thinking of|are thinking of|were born|was born|"
    r"have in mind|call home)(?: up)?(?: from| in| of)?)?|where (?:you|u) (?:are|re|come|came|"
    r"live|grew up)(?: up)?(?: from| in)?|(?:the )?people (?:in|of|from|living in) (?:your|the|my) "
    r"city|the locals|locals|residents of (?:your|the) city)\b")
_NAME_REQ = re.compile(
    r"\b(?:name of (?:your|the|this|that|my) (?:city|hometown|home town|town)(?! s )|"
    r"(?:what|which) (?:city|town) (?:are|is|do|did|were|was|you|it|this|that)|what city\b|"
    r"which city\b|^(?:what|how) (?:is|s) (?:your|the|this) (?:city|hometown|home town|town) "
    r"(?:called|named)\b|(?:first|last|starting|initial) letters?\b|letters? (?:does|do|is)|"
    r"(?:spell|spelled|spelling)\b|how many letters|what do (?:people|locals|you) call (?:your|"
    r"the) city|(?:reveal|tell me|give me|share) (?:the )?(?:name|identity))")
_RELATIONAL = re.compile(
    r"\b(?:near|close to|not far from|next to|nearby|neighbou?ring|bordering|border|borders|"
    r"proximity|adjacent|vicinity|outskirts|suburb|around|far from|away from|distance|hours? "
    r"(?:from|away|drive)|north of|south of|east of|west of|northeast of|northwest of|southeast of|"
    r"southwest of|bigger than|larger than|smaller than|more populous than|same (?:country|"
    r"region|province|state) as|like|similar to|compared to|such as|including|besides|other than|"
    r"apart from|except|twinned|sister city|metropolitan area of|area of|part of greater|greater)\b")


_REGION_WORDS = frozenset("""coastal mountainous hilly same southern northern eastern western capital
desert tropical arid dry wine coffee tea agricultural industrial rural urban metropolitan remote border
frontier autonomous special administrative different other another neighbouring neighboring
surrounding mountain river delta plateau plain plains valley lake island islands peninsula
oil mining farming tourist historic cultural economic _""".split())
_UNKNOWN_NAME = re.compile(
    r"^(?:Is|Are|Was)\s+(?:your (?:city|hometown|home town|town)|the city (?:that )?you(?:'re| are| were)"
    r"(?: thinking of| from| born in)?|it|the city|you from)\s+(?:(?:located )?in\s+|called\s+|"
    r"named\s+|the city of\s+|the town of\s+)?(?P<n>[A-Z][\w'\-.]+(?:[\s\-](?:de |del |da |do |"
    r"la |el |al |al-)?[A-Z][\w'\-.]+)*)(?:,\s*[A-Z][\w\s'\-]+)?\s*\?$")


_FILLER = frozenset("""
is are was were does do did has have had can could would will your the a an of in on at to for
its it and or with as by from that this known famous city hometown there any some many be been
being such including like which who what where when how very most more also their they his her
our my you me we us i s t not no yes than into out up so if about well just only other others
cultural culturally specific vibrant sites site events event significant traditional significance
scene rich iconic culture unique annual street streets major extensive international districts
district bustling popular system local world strong institutions institution traditions tradition
associated large notable network hosting host hosts tell beautiful celebrated natural destination
ask based team teams region regions connection connections commonly place places developed life
country countries performing provided information intricate classical take takes around religious
related type types influence influences styles style colorful colourful prominent home beauty
figure figures particularly internationally attracts attract attracting modern describe during used
hub entertainment renowned year years recognized center centre design designs performances role
central production emphasis annually relation sectors sector presence worldwide mentioned numerous
having high variety near thriving venues dedicated throughout activities activity structures
structure all over distinctive areas area number business people building buildings symbol
collection houses economic particular institution prestigious goods products urban opportunities
showcase showcasing showcases features feature featuring importance development professional
scenic infrastructure association considered predominant craft talent characteristics connected
widely contemporary important past several regional both often festive location atmosphere
distinct new largest global lively advanced period field attention main wide ever one visit
interest achievements made each globally millions become now lots lot great greatest best
good famed well-known wellknown reputation reputed renown heritage history historic historical
historically landmark landmarks monument monuments attraction attractions architecture
architectural sights sight cuisine cuisines food foods dish dishes culinary delicacies
specialties specialty gastronomy dining restaurants restaurant meals meal flavors flavours
festival festivals celebration celebrations parade parades holidays holiday fair fairs music
musical arts art artistic artists galleries gallery museum museums theater theatre theaters
theatres shopping shops malls mall markets market bazaar bazaars parks park gardens garden green
spaces nature wildlife education educational universities university schools school students
research sports sport sporting athletes stadium stadiums football soccer clubs club industry
industries industrial manufacturing factories economy trade commerce commercial tourism tourist
tourists visitors travel transport transportation public transit metro subway buses bus trains
train railway trams airport airports network roads streets traffic friendly hospitality warm
welcoming people locals residents population diverse lifestyle vibe character charm charming
picturesque stunning impressive magnificent spectacular breathtaking amazing wonderful lovely
incredible remarkable fascinating interesting exciting lively dynamic energetic colorful
bright authentic genuine real true typical classic classical ancient old older oldest historic
centuries century decades long longstanding deep deeply proud pride famous famously fame
efficient including include includes well developed luxury brands retail outdoor recreational
options lovers attracts artists highways routes lines line ethnic communities community class world-class
experiences experience high end scene scenes spots spot known-for various range wide array
offers offer offering filled full lots plenty plethora abundance abundant hotspot hot-spot
numerous countless beloved cherished favorite favourite must see seen worth visiting visited
passionate passion vibrancy iconic
""".split())


class Understander:
  """Parses questions against a `KnowledgeBase`; see the module docstring."""

  def __init__(self, kb: KnowledgeBase | None = None, cache_size: int = 200_000):
    self.kb = kb = kb or get_kb()
    self.cache_size = cache_size
    self._cache: dict[str, Parsed | None] = {}
    self._tags = [(t.key, re.compile(t.trigger), t.generic, t.detail, t.consume)
                  for t in kb.tags.values()]
    from archer_jax.envs.guess_my_city import answers
    self._topics = answers.TOPICS
    self._lang_words = {norm(w) for w in world.LANGUAGE_WORDS}
    self._demonyms = {norm(k): v for k, v in world.DEMONYMS.items()}

  # ---- public -------------------------------------------------------------------------
  def parse(self, question: str) -> Parsed | None:
    hit = self._cache.get(question, self)
    if hit is not self:
      return hit
    try:
      out = self._parse(question)
    except (ValueError, IndexError, KeyError):   # a malformed question is not understood
      out = None
    if len(self._cache) >= self.cache_size:
      self._cache.clear()
    self._cache[question] = out
    return out

  def clear_cache(self) -> None:
    self._cache.clear()

  # ---- parsing ------------------------------------------------------------------------
  def _parse(self, question: str) -> Parsed | None:
    raw = extract_question(question)
    if not raw or len(raw) > MAX_QUESTION_CHARS:
      return None
    text = fold(raw)
    if not text.strip() or sum(ch.isalpha() for ch in text) < 2:
      return None
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)
    text = re.sub(r"(?<=[A-Za-z]),\s*(?:the|a|which is the)\s+(?:capital|largest city|second[- ]largest "
                  r"city|biggest city|city)\s+of\s+[^,?]*", "", text)
    # "a river, lake, or ocean" -> "a river or lake or ocean"
    text = re.sub(r"\b(\w+(?: \w+)?), (\w+(?: \w+)?),? or ", r"\1 or \2 or ", text)
    q = norm(text)
    q = _LEAD.sub("", q).strip()
    q = _ASKING.sub("", q).strip()
    tokens = q.split()
    if not tokens or len(tokens) > MAX_QUESTION_WORDS:
      return None
    if _NAME_REQ.search(q):
      return Parsed("refuse", "name")
    if re.search(r"\b(?:smaller|larger|bigger|taller|older|newer|longer|shorter|higher|lower) or "
                 r"(?:smaller|larger|bigger|taller|older|newer|longer|shorter|higher|lower)\b", q):
      return None       # comparisons with things outside the knowledge base
    # "can you tell me if X" -> yes/no X; "can you tell me about X" -> open
    m0 = re.match(r"^(?:can|could|would|will) you (?:please )?(?:describe|explain|share|name|list|give|"
                  r"provide|mention|recommend|suggest)\b", q)
    if m0 is not None:
      return self._open(q[m0.end():] + " " + q.split()[3 if q.split()[2] == "please" else 2], raw)
    m = re.match(r"^(?:can|could|would|will) you (?:please )?(?:tell|let) (?:me|us) (?:know )?"
                 r"(?P<w>if|whether|about|what|which|how|where|who|when|why|more about|some|any|"
                 r"the|a|an)\b ?", q)
    if m is None:
      m = re.match(r"^(?:do you know|i d like to know|i would like to know|please tell me|tell me|"
                   r"i want to know|let me know)(?: please)? (?P<w>if|whether|about|what|which|how|"
                   r"where|who|when|why|more about|some|any|the|a|an)\b ?", q)
    if m is not None:
      w = m.group("w")
      rest = q[m.end():]
      if w in ("if", "whether"):
        q = rest
        if not q.split() or q.split()[0] not in AUX:
          q = "is " + q
        q = re.sub(r"^is (your city|it|the city) (is|has|does) ", r"\2 \1 ", q)
        tokens = q.split()
      else:
        return self._open("about " + rest if w in ("about", "more about", "some", "any", "the",
                                                   "a", "an") else w + " " + rest, raw)
    first = tokens[0]
    if first in WH or first == "about":
      return self._open(q, raw)
    if first not in AUX and not (len(tokens) > 1 and tokens[1] in AUX and first in (
        "your", "it", "the", "this")):
      # statements and odd openings: try as yes/no, else as an open question
      p = self._yesno(q, "is")
      return p if p is not None else self._open(q, raw)
    verb = first
    if len(tokens) > 1 and tokens[1] in AUX:
      verb = tokens[1]
    p = self._yesno(q, verb)
    if p is None and _UNKNOWN_NAME.match(raw.strip()):
      return Parsed("name", "name", np.zeros(self.kb.n, bool))   # a place outside the list
    return p

  # ---- open questions --------------------------------------------------------------------
  def _open(self, q: str, raw: str) -> Parsed | None:
    body = _SUBJECT.sub(" CITY ", q)
    spans = self.kb.lexicon.scan(q.split())
    for _, _, es in spans:
      for e in es:
        if e.kind == "city" and re.search(r"\b(?:is|was) (?:it|your city|the city)\b", q):
          return Parsed("name", "name", e.mask.copy())
    for topic, rx, _ in self._topics:
      m = rx.search(body)
      if m:
        arg = next((v for k, v in m.groupdict().items() if k.startswith("arg") and v), "")
        return Parsed("open", topic, topic=topic, arg=arg)
    return None

  # ---- yes/no questions ------------------------------------------------------------------
  def _yesno(self, q: str, verb: str) -> Parsed | None:
    kb = self.kb
    negated = bool(re.match(r"^(?:isn t|isnt|aren t|doesn t|don t|is (?:your city|it) not|does "
                            r"(?:your city|it) not)\b", q)) and " or not" not in q
    q = re.sub(r"\bor not\b", " ", q)
    text = _SUBJECT.sub(" CITY ", q)
    text = " ".join(text.split())
    # name guesses
    named = self._named(text)
    if named is not None:
      return named
    if " or " in f" {text} ":
      clauses = [c.strip() for c in re.split(r"\bor\b", text) if c.strip()]
      parts = [self._clause(c) for c in clauses]
      keep = [(c, p) for c, p in zip(clauses, parts) if p is not None]
      if len(keep) >= 2 or (len(keep) == 1 and len(clauses) >= 2):
        clauses, parts = [c for c, _ in keep], [p for _, p in keep]
        specific = [p for p in parts if not p[2]]
        use = parts
        if len(use) == 2 and np.array_equal(use[0][0], ~use[1][0]):
          opts = tuple((self._alt_text(c, p[1]), p[0]) for c, p in zip(clauses, parts)
                       if any(p is u for u in use))
          return Parsed("alt", "|".join(p[1] for p in use), options=opts, verb=verb)
        mask = np.zeros(kb.n, bool)
        for p in use:
          mask |= p[0]
        generic = not specific
        return Parsed("yn", "|".join(p[1] for p in use), mask, negated,
                      detail=use[0][3] if generic else "", verb=verb)
      # an "or" inside one concept ("historical landmarks or monuments"): parse whole
    p = self._clause(text)
    if p is None:
      return None
    mask, key, generic, detail, note = p
    return Parsed("yn", key, mask, negated, detail=detail if generic else "", verb=verb,
                  note=note)

  _ALT = {"coastal": "is on the coast", "inland": "is inland", "island": "is on an island",
          "near_sea": "is near the sea", "big_city": "is a big city", "small_city": "is a small city",
          "mountains": "is near mountains", "river": "has a river", "tropical": "is tropical",
          "cold_climate": "has cold winters", "hot_climate": "is hot", "desert": "is in a dry region"}

  @classmethod
  def _alt_text(cls, clause: str, key: str = "") -> str:
    if key in cls._ALT:
      return cls._ALT[key]
    c = re.sub(r"\bCITY\b", " ", clause.strip())
    c = " ".join(c.split())
    have = re.match(r"^(?:does|do|did)\s+(?:it\s+)?(?:have|has)\s+", c)
    if have:
      return "has " + c[have.end():]
    c = re.sub(r"^(?:is|are|was|were|does|do|has|have)\s+", "", c)
    c = re.sub(r"^(?:it|they|there)\s+", "", c)
    c = re.sub(r"^(?:located|situated|found|positioned|based)\s+", "", c)
    if re.match(r"^(?:have|has)\b", c):
      return "has " + c.split(" ", 1)[-1]
    return "is " + " ".join(c.split())

  def _named(self, text: str) -> Parsed | None:
    """A guess naming one of the cities (or a city outside the list)."""
    kb = self.kb
    toks = text.split()
    spans = kb.lexicon.scan(toks)
    hits = []
    for a, b, es in spans:
      for e in es:
        if e.kind in ("city", "ocity"):
          hits.append((a, b, e))
          break
    if not hits:
      return None
    # relational uses of a city name are not guesses
    for a, b, e in hits:
      pre = " ".join(toks[max(0, a - 4):a])
      if _RELATIONAL.search(pre) or re.search(r"\b(?:of|in|within|to|than|and|with|like|for|at|"
                                              r"between|toward|towards|on|into|visit|visited)$", pre):
        return None
      nxt = toks[b:b + 2]
      if nxt[:1] in (["of"], ["s"]) or nxt[:1] == ["style"]:
        return None
    mask = np.zeros(kb.n, bool)
    for _, _, e in hits:
      mask |= e.mask
    return Parsed("name", "name", mask)

  def _clause(self, text: str):
    """(mask, key, generic, detail, note) for one clause, or None if nothing is understood."""
    kb = self.kb
    toks = text.split()
    preds: list[tuple[np.ndarray, str, bool, str]] = []
    note = ""
    used = [False] * len(toks)

    def use(a, b):
      for k in range(a, b):
        used[k] = True

    spans = kb.lexicon.scan(toks)
    for a, b, es in spans:
      pre = " ".join(toks[max(0, a - 6):a])
      r = self._span_pred(es, pre, toks, a, b)
      if r is _UNKNOWN:
        return None
      if r is not None:
        preds.append(r)
        use(a, b)
        # relation words before the span ("northern part of", "capital of") are part of it
        if re.match(r"(?:north|south|east|west|central|capital|near|nearwater|largest|second|"
                    r"within|far|\w+coast)", r[1]):
          for k in range(max(0, a - 6), a):
            if toks[k] in DIRS or toks[k] in ("coast", "part", "capital", "near", "border",
                                               "region", "side", "area", "shore", "coastline",
                                               "province", "state", "city", "town", "of"):
              used[k] = True
    rest = " ".join(t if not u else "_" for t, u in zip(toks, used))
    rest = re.sub(r"\b(?:located|situated|found|positioned|based)\b", " ", rest)
    for fn in (self._hemisphere, self._capital, self._population, self._elevation,
               self._founded, self._language, self._religion, self._currency, self._compass):
      r = fn(rest)
      if r is not None:
        mask, key, rest2, nt = r
        preds.append((mask, key, False, ""))
        rest = rest2
        note = note or nt
    rest = f" {rest} "
    for key, rx, generic, detail, consume in self._tags:
      mt = rx.search(rest)
      if mt:
        preds.append((kb.tag_masks[key], key, generic, detail))
        rest = rest[:mt.start()] + " _ " + rest[mt.end():] if consume else rest
    # "in the Foo region of X" with Foo unknown: the region cannot be checked
    if not any(p[1].startswith(("region:", "within:", "island:", "capital:", "largest:",
                                "second:")) for p in preds):
      mr = re.search(r"\b(?:in|of|within) (?:the )?(?P<w>(?:[a-z]+ ){1,3})(?:region|province|state|"
                     r"prefecture|department|district|county|governorate|oblast|division|territory|"
                     r"regency)\b", rest)
      if mr and not mr.group("w").startswith(("a ", "an ")) and any(
          w not in _FILLER and w not in DIRS and w not in _REGION_WORDS for w in mr.group("w").split()):
        return None
    if preds and all(p[2] for p in preds):
      # a generic concept with specific words we do not know ("its annual Running of the Bulls
      # festival") is not understood; nationality words narrow it ("traditional Javanese arts")
      left = rest
      for key, rx, generic, detail, consume in self._tags:
        if generic:
          left = rx.sub(" ", left)
      for w in left.split():
        if w in _FILLER or len(w) < 3 or w == "_" or w == "CITY" or w.isdigit():
          continue
        hint = self._nationality(w)
        if hint is not None:
          preds.append((hint, f"nationality:{w}", False, ""))
          continue
        return None
    if not preds:
      # demonyms as a country hint ("Is it a Chinese city?")
      for t in toks:
        c = self._demonyms.get(t)
        if c is not None and re.search(rf"\b{t} (?:city|cities|town|speaking)\b", text):
          hit = kb.lexicon.get(c)
          for e in hit:
            if e.kind == "country":
              preds.append((e.mask, f"country:{c}", False, ""))
              break
    if not preds:
      return None
    specific = [p for p in preds if not p[2]]
    if specific:
      mask = np.ones(kb.n, bool)
      for p in specific:
        mask &= p[0]
      return mask, "&".join(p[1] for p in specific), False, "", note
    mask = np.ones(kb.n, bool)
    for p in preds:
      mask &= p[0]
    g = next((p for p in preds if p[3]), preds[0])
    return mask, "&".join(p[1] for p in preds), True, g[3], note

  def _nationality(self, w: str) -> np.ndarray | None:
    kb = self.kb
    if w in ("javanese", "sundanese"):
      return np.array(["Java" in c.island for c in kb.cities])
    if w in ("european", "asian", "african", "american", "oceanian"):
      cont = {"european": "Europe", "asian": "Asia", "african": "Africa", "oceanian": "Oceania"}
      if w == "american":
        return np.array([bool({"North America", "South America"} & set(c.continents))
                         for c in kb.cities])
      return np.array([cont[w] in c.continents for c in kb.cities])
    if w in ("islamic", "muslim", "arabic", "arab"):
      return np.array([c.religions[0].lower().startswith("islam") for c in kb.cities])
    country = self._demonyms.get(w)
    if country is None:
      return None
    if w == "chinese":
      return np.array([c.country.name in ("China", "Taiwan", "Singapore") for c in kb.cities])
    return np.array([c.country.name == country for c in kb.cities])

  # ---- spans -------------------------------------------------------------------------------
  def _span_pred(self, es: list[Entry], pre: str, toks, a: int, b: int):
    kb = self.kb
    kinds = {e.kind: e for e in es}
    pre_s = f" {pre}"
    # compass and coast-side modifiers right before a place
    md = re.search(rf"\b(?P<d>{_DIR_RX})(?:most)? (?:{_AREA}|coast|coastline|coasts|shore|"
                   rf"seaboard|coastal (?:area|region|part)) of(?: the)?$", pre)
    md2 = re.search(rf"\b(?:in|of|from|within) (?:the )?(?P<d>{_DIR_RX})$", pre)
    md3 = re.search(rf"\b(?:in|on) the (?P<d>{_DIR_RX}) of(?: the)?$", pre)
    near = re.search(r"\b(?:near|close to|not far from|next to|bordering|borders?|border (?:with|of)|"
                     r"proximity to|adjacent to|neighbou?ring|vicinity of|outskirts of|suburbs? of|"
                     r"around|within \w+ (?:km|kilometers|kilometres|miles) of|hours? (?:from|away "
                     r"from|drive from)|by|overlooks?|overlooking|facing|near to|nearby)(?: (?:the|a|an))?"
                     r"(?: (?:city|town|capital|metropolis|megacity) of)?$", pre)
    in_city = re.search(r"\b(?:(?:state|province|region|department|prefecture|governorate|"
                        r"municipality|district|territory|area|metropolitan area|metro area|"
                        r"greater|county|division|city|town) of(?: the)?|(?:located|situated|found) "
                        r"(?:in|within)(?: the)?|^is CITY (?:in|within)(?: the)?|part of(?: the)?)$", pre)
    far = re.search(r"\b(?:far from|far away from|away from|distant from)(?: the)?$", pre)
    cap = re.search(r"\bcapital (?:city )?of(?: the)?(?: (?:state|province|region|prefecture|"
                    r"department|governorate|island) of)?$", pre)
    largest = re.search(r"\b(?<!second )(?<!third )(?:largest|biggest|most populous|main|major) city "
                        r"(?:in|of)(?: the)?$", pre)
    second = re.search(r"\b(?:second|2nd) (?:largest|biggest|most populous) city (?:in|of)(?: the)?$", pre)
    rel = re.search(rf"\b(?P<d>north|south|east|west|northeast|northwest|southeast|southwest|"
                    rf"north east|north west|south east|south west) of(?: the)?$", pre)
    same = re.search(r"\bsame (?:country|nation) as$", pre)
    # cities as reference points
    for kind in ("city", "ocity"):
      e = kinds.get(kind)
      if e is None:
        continue
      ll = kb.coords(e)
      if ll is None:
        continue
      lat, lon = ll
      self_mask = e.mask if kind == "city" else kb.none
      if near or re.search(r"\b(?:metropolitan area of|area of|greater|part of greater)$", pre):
        return kb.distance_mask(lat, lon, 100) & ~self_mask, f"near:{e.key}", False, ""
      if far:
        return ~kb.distance_mask(lat, lon, 500), f"far:{e.key}", False, ""
      if rel:
        d = rel.group("d").replace(" ", "")
        m = np.ones(kb.n, bool)
        if "north" in d:
          m &= kb.lat > lat + 0.2
        if "south" in d:
          m &= kb.lat < lat - 0.2
        if "east" in d:
          m &= kb.lon > lon + 0.2
        if "west" in d:
          m &= kb.lon < lon - 0.2
        return m, f"{d}of:{e.key}", False, ""
      if same:
        ctry = kb.cities[int(np.flatnonzero(e.mask)[0])].country.name if kind == "city" else \
            kb.other_cities[norm(e.key)].country
        return np.array([c.country.name == ctry for c in kb.cities]), f"samecountry:{e.key}", \
            False, ""
      if re.search(r"\b(?:bigger|larger|more populous|more populated) than$", pre) and kind == "city":
        i = int(np.flatnonzero(e.mask)[0])
        return kb.pop > kb.pop[i], f"bigger:{e.key}", False, ""
      if re.search(r"\b(?:smaller|less populous) than$", pre) and kind == "city":
        i = int(np.flatnonzero(e.mask)[0])
        return kb.pop < kb.pop[i], f"smaller:{e.key}", False, ""
      if in_city or re.match(r"(?:state|province|region|department|prefecture|governorate|"
                             r"municipality|metropolitan|metro|area)\b", " ".join(toks[b:b + 1])):
        nm = norm(e.key.split(",")[0]) if kind == "city" else norm(e.key)
        alias = [norm(a) for a in (kb.cities[int(np.flatnonzero(e.mask)[0])].aliases
                                   if kind == "city" else (e.key,))]
        m = self_mask.copy()
        for i, c in enumerate(kb.cities):
          if any(f" {a} " in f" {norm(r)} " for r in c.regions for a in alias + [nm]):
            m[i] = True
        return m, f"within:{e.key}", False, ""
      # other mentions of a city (e.g. after "like") are not understood here
    place = None
    for kind in ("mainland", "country", "continent", "subregion", "region", "island", "water",
                 "river", "mountain"):
      if kind in kinds:
        place = kinds[kind]
        break
    if place is not None:
      # "the Caribbean coast" / "Mediterranean Sea" -> the water, "in the Caribbean" -> region
      if place.kind in ("subregion", "region") and "water" in kinds:
        nxt = " ".join(toks[b:b + 2])
        if re.match(r"(?:coast|sea|shore|coastline|waters|ocean)\b", nxt) or re.search(
            r"\b(?:on|along|coast of|shores of)(?: the)?$", pre):
          place = kinds["water"]
      d = None
      for mm in (md, md3, md2):
        if mm:
          d = DIRS.get(mm.group("d").replace(" ", ""), None)
          if d is None:
            d = DIRS.get(mm.group("d").split()[0], None)
          break
      coast_side = bool(md) and re.search(r"\b(?:coast|coastline|coasts|shore|seaboard|coastal)\b",
                                          md.group(0)) is not None if md else False
      if cap and place.kind in ("country", "mainland"):
        return (place.mask & np.array([c.capital == "national" for c in kb.cities]),
                f"capital:{place.key}", False, "")
      if cap and place.kind in ("region", "island"):
        return (place.mask & np.array([c.capital in ("regional", "national") for c in kb.cities]),
                f"capital:{place.key}", False, "")
      if largest and place.kind == "region":
        return place.mask & kb.tag_masks["largest_regional"], f"largest:{place.key}", False, ""
      if largest:
        return place.mask & kb.tag_masks["largest"], f"largest:{place.key}", False, ""
      if second:
        return place.mask & kb.tag_masks["second_largest"], f"second:{place.key}", False, ""
      if d is not None and place.kind == "region" and not coast_side:
        return _UNKNOWN      # where in a province or state a city lies is not recorded
      if d is not None and place.kind in ("country", "mainland", "island", "continent", "region",
                                          "subregion"):
        return self._dir_in(place, d, coast_side), f"{d}{'coast' if coast_side else ''}:{place.key}", \
            False, ""
      if place.kind == "water":
        if near:
          return kb.water_near_mask(place.key) | place.mask, f"nearwater:{place.key}", False, ""
        return place.mask, f"water:{place.key}", False, ""
      if place.kind == "country" and near:
        return (np.array([place.key in c.borders or c.country.name == place.key
                          for c in kb.cities]), f"nearcountry:{place.key}", False, "")
      if place.kind == "country" and re.search(r"\b(?:colonized by|colony of|ruled by|occupied by|"
                                               r"colonial (?:history|ties|past) with)$", pre):
        return (np.array([place.key in ("Britain", "United Kingdom") and "Britain" in c.country.colonized_by
                          or place.key in c.country.colonized_by for c in kb.cities]),
                f"colony:{place.key}", False, "")
      if far:
        return ~place.mask, f"far:{place.key}", False, ""
      return place.mask, f"{place.kind}:{place.key}", False, ""
    for kind in ("landmark", "olandmark", "person", "dish", "team", "festival", "university",
                 "nickname", "clothing"):
      e = kinds.get(kind)
      if e is not None:
        return e.mask, f"{kind}:{e.key}", False, ""
    return None

  def _dir_in(self, place: Entry, d: str, coast: bool) -> np.ndarray:
    kb = self.kb
    out = np.zeros(kb.n, bool)
    for i, c in enumerate(kb.cities):
      if not place.mask[i]:
        continue
      if coast and place.kind == "continent":
        out[i] = c.coastal and _dir_match(d, _continent_parts(c))
      elif coast:
        out[i] = _dir_match(d, c.coast)
      elif place.kind == "island":
        out[i] = _dir_match(d, c.island_parts or c.parts)
      elif place.kind == "continent" or place.kind == "subregion":
        out[i] = _dir_match(d, _continent_parts(c))
      else:
        out[i] = _dir_match(d, c.parts)
    return out

  # ---- patterns ----------------------------------------------------------------------------
  def _hemisphere(self, rest: str):
    kb = self.kb
    m = re.search(r"\b(north|south|east|west)(?:ern)? hemisphere\b", rest)
    if m:
      d = m.group(1)
      mask = {"north": kb.lat >= 0, "south": kb.lat < 0,
              "east": kb.lon > -0.5, "west": kb.lon < 0.5}[d]
      return mask, f"hemisphere:{d}", rest[:m.start()] + rest[m.end():], ""
    m = re.search(r"\b(?:(north|south) of|(above|below)) the equator\b", rest)
    if m:
      north = (m.group(1) or m.group(2)) in ("north", "above")
      return (kb.lat >= 0) if north else (kb.lat < 0), "equator_side", \
          rest[:m.start()] + rest[m.end():], ""
    m = re.search(r"\b(?:(north|south) of|near|on|along|crossed by|close to)(?: the)? tropic of "
                  r"(cancer|capricorn)\b", rest)
    if m:
      t = 23.44 if m.group(2) == "cancer" else -23.44
      if m.group(1) == "north":
        mask = kb.lat > t
      elif m.group(1) == "south":
        mask = kb.lat < t
      else:
        mask = np.abs(kb.lat - t) < 1.5
      return mask, f"tropic:{m.group(2)}", rest[:m.start()] + rest[m.end():], ""
    m = re.search(r"\b(?:in|within|inside|between) the tropics\b", rest)
    if m:
      return np.abs(kb.lat) < 23.44, "tropics", rest[:m.start()] + rest[m.end():], ""
    return None

  def _capital(self, rest: str):
    kb = self.kb
    if not re.search(r"\bcapital", rest):
      return None
    qual = re.search(r"\b(?:economic|financial|cultural|commercial|business|tech|technology|food|"
                     r"culinary|gastronomic|fashion|party|music|salsa|tango|film|movie|industrial|"
                     r"religious|spiritual|intellectual|art|arts|sports?|entertainment|shopping|"
                     r"tourism|tourist|coffee|tea|beer|wine|carnival|samba|literary|design|"
                     r"nightlife|innovation|startup|green|world s|global|creative) capital", rest)
    if qual:
      return None
    nat = np.array([c.capital == "national" for c in kb.cities])
    reg = np.array([c.capital == "regional" for c in kb.cities])
    m = re.search(r"\b(?:former|old|ancient|once the|once a|used to be the|previous|historical|"
                  r"historic|past|formerly the|formerly a|original) capital\b|\bwas (?:once |"
                  r"formerly )?(?:the|a) capital\b", rest)
    if m:
      return None      # the former_capital tag handles it
    m = re.search(r"\b(?:state|provincial|province|regional|prefectural|departmental|"
                  r"district) capital\b|\bcapital (?:city )?of (?:its|the|a|an|your|this|that) "
                  r"(?:state|province|region|prefecture|department|governorate|district)\b", rest)
    if m:
      return reg, "capital:regional", rest[:m.start()] + rest[m.end():], ""
    m = re.search(r"\bcapital(?: city)?\b", rest)
    if m:
      return nat, "capital:national", rest[:m.start()] + rest[m.end():], "capital"
    return None

  _NUMW = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
           "thirty": 30, "forty": 40, "fifty": 50, "a": 1, "half a": 0.5, "hundred": 100}

  def _population(self, rest: str):
    kb = self.kb
    if not re.search(r"\b(?:population|people|inhabitants|residents|populated|populous|citizens|"
                     r"million|millions)\b", rest):
      return None
    num = r"(\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|" \
          r"fifteen|twenty|thirty|forty|fifty|a|half a|hundred)"
    unit = r"(million|millions|m|thousand|k|billion|lakh|crore)"
    m = re.search(rf"\b(?P<cmp>over|more than|greater than|above|exceeding|exceeds|at least|"
                  rf"upwards of|in excess of|less than|under|below|fewer than|smaller than|"
                  rf"around|about|approximately|roughly|nearly|almost|close to|between|of|"
                  rf"than)? ?{num} ?{unit}(?: (?:and|to) {num} ?{unit}?)?\b", rest)
    if not m:
      return None
    cmp = m.group("cmp") or ""

    def val(n, u):
      x = float(n) if n[0].isdigit() else self._NUMW[n]
      scale = {"million": 1, "millions": 1, "m": 1, "thousand": 1e-3, "k": 1e-3, "billion": 1e3,
               "lakh": 0.1, "crore": 10}.get(u or "million", 1)
      return x * scale

    v = val(m.group(2), m.group(3))
    pop = kb.pop
    if re.search(r"\b(?:country|nation)\b", rest[:m.start()]):
      pop = np.array([c.country.population for c in kb.cities])
    if cmp == "between" and m.group(4):
      v2 = val(m.group(4), m.group(5) or m.group(3))
      mask = (pop >= min(v, v2)) & (pop <= max(v, v2))
      key = f"pop:{v:g}-{v2:g}"
    elif cmp in ("less than", "under", "below", "fewer than", "smaller than"):
      mask, key = pop < v, f"pop<{v:g}"
    elif cmp in ("around", "about", "approximately", "roughly", "nearly", "almost", "close to", "of",
                 ""):
      if cmp == "of" and re.search(r"\b(?:over|more than|above|at least)\b", rest[:m.start()][-25:]):
        mask, key = pop > v, f"pop>{v:g}"
      else:
        mask, key = (pop >= v * 0.75) & (pop <= v * 1.3), f"pop~{v:g}"
    else:
      mask, key = pop > v, f"pop>{v:g}"
    rest = rest[:m.start()] + rest[m.end():]
    rest = re.sub(r"\b(?:population|inhabitants|residents|people)\b", " ", rest)
    return mask, key, rest, ""

  def _elevation(self, rest: str):
    kb = self.kb
    m = re.search(r"\b(?P<cmp>above|over|higher than|more than|at least|below|under|less than|"
                  r"lower than)? ?(?P<n>\d+(?:\.\d+)?) ?(?P<u>m|meters|metres|meter|metre|feet|ft|"
                  r"km|kilometers|kilometres)\b(?: above sea level| high| elevation| in elevation|"
                  r" of elevation| altitude)?", rest)
    if not m or not re.search(r"\b(?:altitude|elevation|above sea level|high|elevated|height)\b", rest):
      return None
    v = float(m.group("n")) * {"feet": 0.3048, "ft": 0.3048, "km": 1000, "kilometers": 1000,
                               "kilometres": 1000}.get(m.group("u"), 1)
    below = m.group("cmp") in ("below", "under", "less than", "lower than")
    mask = kb.elev < v if below else kb.elev > v
    return mask, f"elev{'<' if below else '>'}{v:g}", rest[:m.start()] + rest[m.end():], ""

  def _founded(self, rest: str):
    kb = self.kb
    now = 2025
    f = kb.founded
    m = re.search(r"\b(?:older than|more than|over|at least) (?P<n>\d+|a thousand|one thousand|"
                  r"two thousand|a hundred|several hundred|hundreds of|thousands of) years(?: old)?\b"
                  r"|\b(?P<n2>\d+) years old\b|\b(?P<n3>\d+) years of history\b", rest)
    if m:
      n = m.group("n") or m.group("n2") or m.group("n3")
      years = {"a thousand": 1000, "one thousand": 1000, "two thousand": 2000, "a hundred": 100,
               "several hundred": 300, "hundreds of": 200, "thousands of": 2000}.get(n)
      years = years if years is not None else int(n)
      return f <= now - years, f"age>{years}", rest[:m.start()] + rest[m.end():], ""
    if not re.search(r"\b(?:founded|established|built|settled|created|dates back|dating back|"
                     r"origins?|history|incorporated|exist(?:ed)?)\b", rest):
      return None
    m = re.search(r"\b(?P<cmp>before|after|in|during|around|prior to|since|by)? ?(?:the )?(?:year )?"
                  r"(?P<n>\d{1,4})(?:st|nd|rd|th)?(?: (?P<u>century|centuries|bc|bce|ad|ce|s))?\b",
                  rest)
    if not m:
      return None
    n = int(m.group("n"))
    u = m.group("u") or ""
    cmp = m.group("cmp") or "in"
    if u in ("century", "centuries"):
      lo, hi = (n - 1) * 100, n * 100 - 1
      if re.search(r"\b(?:bc|bce)\b", rest[m.end():m.end() + 6]):
        lo, hi = -n * 100, -(n - 1) * 100 - 1
    elif u in ("bc", "bce"):
      lo = hi = -n
    elif u == "s":
      lo, hi = n, n + 9 if n % 100 else n + 99
    else:
      if n < 100 and u not in ("ad", "ce"):
        return None
      lo = hi = n
    fin = ~np.isnan(f)
    if cmp in ("before", "prior to", "by"):
      mask = fin & (f < lo)
    elif cmp in ("after", "since"):
      mask = fin & (f > hi)
    else:
      slack = 0 if lo != hi else 10
      mask = fin & (f >= lo - slack) & (f <= hi + slack)
    return mask, f"founded:{cmp}:{lo}", rest[:m.start()] + rest[m.end():], ""

  _LANG_SYN = {"chinese": ("mandarin", "cantonese", "chinese", "shanghainese", "hokkien", "wu"),
               "farsi": ("persian",), "persian": ("persian",), "bangla": ("bengali",),
               "tagalog": ("filipino", "tagalog"), "filipino": ("filipino", "tagalog"),
               "bahasa": ("indonesian", "malay"), "arabic": ("arabic", "darija"),
               "berber": ("berber", "amazigh"), "amazigh": ("berber", "amazigh"),
               "darija": ("darija", "moroccan arabic"), "taiwanese": ("hokkien", "taiwanese"),
               "english": ("english",)}

  def _language(self, rest: str):
    kb = self.kb
    if not re.search(r"\b(?:speak|speaks|spoken|speaking|language|languages|dialect|dialects|tongue|"
                     r"lingua franca|converse)\b", rest):
      return None
    words = [w for w in rest.split() if w in self._lang_words]
    if not words:
      return None
    main = re.search(r"\b(?:main|predominant|predominantly|primary|primarily|official|dominant|"
                     r"most common|most commonly|majority|mainly|mostly|first|native|national|"
                     r"principal|widely|most widely)\b", rest) is not None
    mask = np.zeros(kb.n, bool)
    for w in words:
      syn = self._LANG_SYN.get(w, (w,))
      for i, c in enumerate(kb.cities):
        langs = c.languages[:2] if main else c.languages
        if any(any(s in norm(l) for s in syn) for l in langs):
          mask[i] = True
    out = rest
    for w in words:
      out = re.sub(rf"\b{w}\b", " ", out)
    out = re.sub(r"\b(?:speak|speaks|spoken|speaking|language|languages|dialect|dialects)\b", " ", out)
    return mask, f"language:{'+'.join(words)}{':main' if main else ''}", out, ""

  _REL = {"islam": "islam", "muslim": "islam", "muslims": "islam", "islamic": "islam",
          "christian": "christian", "christianity": "christian", "christians": "christian",
          "catholic": "catholic", "catholicism": "catholic", "catholics": "catholic",
          "protestant": "protestant", "protestantism": "protestant", "orthodox": "orthodox",
          "buddhism": "buddhis", "buddhist": "buddhis", "buddhists": "buddhis",
          "hindu": "hindu", "hinduism": "hindu", "hindus": "hindu", "sikh": "sikh",
          "sikhism": "sikh", "jain": "jain", "jainism": "jain", "shinto": "shinto",
          "shintoism": "shinto", "taoism": "tao", "taoist": "tao", "daoism": "tao",
          "jewish": "juda", "judaism": "juda", "jews": "juda", "shia": "shia", "shiite": "shia",
          "sunni": "sunni", "candomble": "candombl", "santeria": "santer", "atheist": "atheis",
          "atheism": "atheis", "coptic": "coptic"}

  def _religion(self, rest: str):
    kb = self.kb
    words = [w for w in rest.split() if w in self._REL]
    if not words:
      return None
    if re.search(r"\b(?:temples?|mosques?|churches|church|cathedrals?|monaster(?:y|ies)|pagodas?|"
                 r"shrines?|architecture|art|festivals?)\b", rest) and not re.search(
                     r"\b(?:religion|population|majority|predominantly|mostly|faith|practi[cs]ed|"
                     r"followers|community|communities)\b", rest):
      main = False
    else:
      main = re.search(r"\b(?:main|predominant|predominantly|primary|primarily|official|dominant|"
                       r"majority|mainly|mostly|most people|most of|largely|state religion|"
                       r"widely practi[cs]ed|most common|most popular|major religion)\b",
                       rest) is not None
    mask = np.zeros(kb.n, bool)
    for w in words:
      key = self._REL[w]
      for i, c in enumerate(kb.cities):
        rels = c.religions[:1] if main else c.religions[:3]
        rels = [norm(r) for r in rels]
        if key == "shia" and c.country.name == "Iran":
          mask[i] = True
        elif any(key in r for r in rels):
          mask[i] = True
        elif key == "christian" and any(x in r for r in rels for x in ("catholic", "protestant",
                                                                      "orthodox", "anglican")):
          mask[i] = True
        elif key == "atheis" and c.country.name == "North Korea":
          mask[i] = True
    out = rest
    for w in words:
      out = re.sub(rf"\b{w}\b", " ", out)
    out = re.sub(r"\b(?:religion|religions|religious|faith)\b", " ", out)
    return mask, f"religion:{'+'.join(words)}{':main' if main else ''}", out, ""

  _CUR = {"euro": "euro", "euros": "euro", "dollar": "dollar", "dollars": "dollar", "yen": "yen",
          "yuan": "yuan", "renminbi": "renminbi", "rmb": "renminbi", "peso": "peso",
          "pesos": "peso", "rupee": "rupee", "rupees": "rupee", "rupiah": "rupiah", "won": "won",
          "real": "real", "reais": "real", "pound": "pound", "pounds": "pound",
          "sterling": "sterling", "lira": "lira", "ruble": "ruble", "rouble": "ruble",
          "rubles": "ruble", "baht": "baht", "dong": "dong", "dirham": "dirham",
          "dinar": "dinar", "rial": "rial", "taka": "taka", "som": "som", "sol": "sol",
          "bolivar": "bol", "franc": "franc", "francs": "franc", "cfa": "cfa", "birr": "birr",
          "leu": "leu", "lei": "leu", "forint": "forint", "hryvnia": "hryvnia", "kyat": "kyat"}

  def _currency(self, rest: str):
    kb = self.kb
    if not re.search(r"\b(?:currency|currencies|money|pay|paid|uses?|using|legal tender)\b", rest):
      return None
    words = [w for w in rest.split() if w in self._CUR]
    if not words:
      return None
    mask = np.zeros(kb.n, bool)
    for w in words:
      key = self._CUR[w]
      for i, c in enumerate(kb.cities):
        cur = norm(c.currency or c.country.currency)
        if key in cur:
          mask[i] = True
    out = rest
    for w in words:
      out = re.sub(rf"\b{w}\b", " ", out)
    return mask, f"currency:{'+'.join(words)}", out, ""

  def _compass(self, rest: str):
    """Directions without a named place: "in the northern part of the country", "on the
    east coast"."""
    m = re.search(rf"\b(?:in|on|at|located in|situated in|to) (?:the )?(?P<d>{_DIR_RX})(?:most)? "
                  rf"(?:{_AREA}|coast|coastline|shore|seaboard)?(?: of (?:the|its|your|my|this) "
                  rf"(?:country|nation|state|province|island|region))?\b", rest)
    if not m:
      m = re.search(rf"\b(?P<d>{_DIR_RX}) (?:coast|coastline|seaboard)\b", rest)
      if not m:
        return None
    dword = m.group("d").replace(" ", "")
    d = DIRS.get(dword) or DIRS.get(dword.rstrip("ern"))
    if d is None:
      return None
    coast = re.search(r"\b(?:coast|coastline|shore|seaboard)\b", m.group(0)) is not None
    kb = self.kb
    if coast:
      mask = np.array([_dir_match(d, c.coast) for c in kb.cities])
    elif re.search(r"\bisland\b", m.group(0)):
      mask = np.array([_dir_match(d, c.island_parts or c.parts) for c in kb.cities])
    else:
      mask = np.array([_dir_match(d, c.parts) for c in kb.cities])
    return mask, f"{d}{'coast' if coast else ''}", rest[:m.start()] + rest[m.end():], ""


def _dir_match(d: str, parts) -> bool:
  if not parts:
    return False
  ps = [p.replace("-", "").replace(" ", "") for p in parts]
  if d == "central":
    return any("central" in p or "center" in p or p == "midwest" for p in ps)
  if d in ("north", "south", "east", "west"):
    return any(d in p for p in ps)
  return d in ps


_CONT_CENTRE = {"Asia": (30, 95), "Europe": (50, 15), "Africa": (5, 20),
                "North America": (40, -95), "South America": (-15, -60), "Oceania": (-25, 135)}


def _continent_parts(c) -> tuple[str, ...]:
  lat0, lon0 = _CONT_CENTRE.get(c.continents[0], (0, 0))
  ns = "north" if c.lat > lat0 + 8 else "south" if c.lat < lat0 - 8 else ""
  ew = "east" if c.lon > lon0 + 15 else "west" if c.lon < lon0 - 15 else ""
  if not ns and not ew:
    return ("central",)
  return (ns + ew,) if ns and ew else ((ns or ew),)


_UNKNOWN = object()
_DEFAULT: Understander | None = None


def get_understander() -> Understander:
  """The shared understander over the full knowledge base (built once per process)."""
  global _DEFAULT
  if _DEFAULT is None:
    _DEFAULT = Understander()
  return _DEFAULT
