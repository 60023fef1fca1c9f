"""Answer sentences of the built-in Guess My City oracle.

`TOPICS` maps open questions to writers: (topic, regex over the normalised question whose
subject phrase is replaced by "CITY", writer(city, arg) -> sentence). `answer(city, parsed,
question)` writes the sentence for any `Parsed`. Nothing here ever names the city: every
listed item that contains one of the city's names is skipped, and `reveals` is the final
check the oracle applies (an answer that would name the city becomes `REFUSE`).
"""

from __future__ import annotations

import re

from archer_jax.envs.guess_my_city.knowledge import get_kb
from archer_jax.envs.guess_my_city.lexicon import display_name
from archer_jax.envs.guess_my_city.records import City
from archer_jax.envs.guess_my_city.text import norm

REFUSE = "I can't answer that question."
FALLBACK = "I'm not sure how to answer that. Please ask another question about my city."
WIN_ANSWER = "Yes, you guessed it: that is my city!"


def reveals(text: str, city: City) -> bool:
  """True if `text` contains one of the city's names (as whole words, accent-insensitive)."""
  t = f" {norm(text)} "
  if any(f" {a} " in t for a in city.alias_norms):
    return True
  return any(re.search(rf"\b{re.escape(a)}\b", text) for a in city.exact_aliases)


def _clean(items, city: City, k: int | None = None, display: bool = True) -> list[str]:
  out = []
  for it in items:
    s = display_name(it) if display else it
    s = re.sub(r"\s*\((?:nearby|next door)\)", "", s).strip()
    if reveals(s, city):  # "finance (the City of London)" -> "finance"
      s = re.sub(r"\s*\([^)]*\)", "", s).strip()
    if s and not reveals(s, city) and s not in out:
      out.append(s)
  return out[:k] if k else out


def safe_text(text: str, city: City) -> str:
  """`text` without the clauses (split at ";" then ",") that name the city."""
  if not reveals(text, city):
    return text
  keep = []
  for clause in re.split(r";\s*", text.rstrip(".")):
    if not reveals(clause, city):
      keep.append(clause)
      continue
    parts = [p for p in re.split(r",\s*", clause) if p and not reveals(p, city)]
    if parts and len(" ".join(parts).split()) >= 4:
      keep.append(", ".join(parts))
  if not keep:
    return ""
  out = "; ".join(keep).strip()
  return out[0].upper() + out[1:] + "."


def join(items: list[str]) -> str:
  items = [i for i in items if i]
  if not items:
    return ""
  if len(items) == 1:
    return items[0]
  return ", ".join(items[:-1]) + " and " + items[-1]


def population_text(city: City) -> str:
  p = city.population
  if p < 1:
    return f"about {int(round(p * 1000 / 50) * 50)},000"
  if p < 10:
    return f"about {p:.1f} million"
  return f"about {round(p)} million"


def _first_clause(s: str) -> str:
  return s.split(";")[0].strip()


# ---- writers -------------------------------------------------------------------------------
def w_climate(c: City, arg: str) -> str:
  return (
    f"My city has a {c.climate_name} climate: {c.climate_text}. The average temperature "
    f"is about {c.temp:.0f} °C."
  )


def w_rain(c: City, arg: str) -> str:
  return f"My city gets about {c.rain} mm of rain a year; the climate is {c.climate_text}."


def w_temperature(c: City, arg: str) -> str:
  return (
    f"The average temperature in my city is about {c.temp:.0f} °C; the climate is {c.climate_text}."
  )


def w_language(c: City, arg: str) -> str:
  langs = [re.sub(r"\s*\([^)]*\)", "", lang) if reveals(lang, c) else lang for lang in c.languages]
  langs = [lang for lang in langs if lang and not reveals(lang, c)]
  if not langs:
    return REFUSE
  if len(langs) == 1:
    return f"People in my city speak {langs[0]}."
  return (
    f"People in my city mainly speak {langs[0]}; {join(langs[1:3])} "
    f"{'is' if len(langs[1:3]) == 1 else 'are'} also spoken."
  )


def w_population(c: City, arg: str) -> str:
  note = (
    f" ({c.population_note})" if c.population_note and not reveals(c.population_note, c) else ""
  )
  return f"My city has {population_text(c)} inhabitants{note}."


def w_religion(c: City, arg: str) -> str:
  r = c.religions
  if len(r) == 1:
    return f"The main religion in my city is {r[0]}."
  return (
    f"The main religion in my city is {r[0]}; {join(list(r[1:3]))} "
    f"{'is' if len(r[1:3]) == 1 else 'are'} also practised."
  )


def w_cuisine(c: City, arg: str) -> str:
  d = _clean(c.dishes, c, 4)
  if not d:
    return REFUSE
  return f"Popular local dishes include {join(d)}."


def w_people(c: City, arg: str) -> str:
  p = _clean(c.people, c, 3, display=False)
  if not p:
    return (
      "My city has well-known people, but I would rather not give my city away."
      if c.people
      else "My city is not especially known for world-famous people."
    )
  return f"Well-known people connected with my city include {join(p)}."


def w_transport(c: City, arg: str) -> str:
  return safe_text(c.transport, c) or "People get around mostly by bus, car and taxi."


def w_economy(c: City, arg: str) -> str:
  e = _clean(c.economy, c, 4, display=False)
  return f"The main economic activities are {join(e)}." if e else REFUSE


def w_history(c: City, arg: str) -> str:
  h = safe_text(c.history, c)
  when = ""
  if c.founded is not None:
    when = (
      f"It was founded around {-c.founded} BC. "
      if c.founded < 0
      else f"It dates from around AD {c.founded}. "
      if c.founded < 1000
      else f"It dates from around {c.founded}. "
    )
  if not h and not when:
    return REFUSE
  return (when + h).strip()


def w_sports(c: City, arg: str) -> str:
  s = list(c.sports[:3])
  t = _clean(c.teams, c, 2, display=False)
  out = f"Popular sports include {join(s)}."
  if t:
    out += f" Well-known teams include {join(t)}."
  elif c.teams:
    out += " The city has well-known professional teams."
  return out


def w_festivals(c: City, arg: str) -> str:
  f = _clean(c.festivals, c, 4, display=False)
  return f"Popular festivals and celebrations include {join(f)}." if f else REFUSE


def w_culture(c: City, arg: str) -> str:
  kb = get_kb()
  i = kb.pos(c)
  music = [m for m in c.country.music if not reveals(m, c)][:2]
  f = _clean(c.festivals, c, 2, display=False)
  bits = []
  if music:
    bits.append(f"its music includes {join(music)}")
  if f:
    bits.append(f"its best-known celebrations are {join(f)}")
  if kb.tag_masks["nightlife"][i]:
    bits.append("it has a lively nightlife")
  return (
    ("My city has a rich culture: " + "; ".join(bits) + ".")
    if bits
    else "My city has a traditional local culture."
  )


def w_clothing(c: City, arg: str) -> str:
  cl = [x for x in c.country.clothing if not reveals(x, c)]
  if cl:
    return f"Most people wear modern clothes; traditional attire includes {join(cl[:2])}."
  return "Most people wear modern, Western-style clothes."


def w_currency(c: City, arg: str) -> str:
  return f"The currency used in my city is the {c.currency or c.country.currency}."


_TZ = {"chicago,usa": "UTC-6", "houston,usa": "UTC-6", "los angeles,usa": "UTC-8"}


def w_timezone(c: City, arg: str) -> str:
  return f"My city is in the {_TZ.get(c.key, c.country.timezone)} time zone."


def w_hemisphere(c: City, arg: str) -> str:
  return f"My city is in the {join(list(c.hemispheres))} hemispheres."


def w_neighbors(c: City, arg: str) -> str:
  nb = c.country.neighbors
  if not nb:
    return (
      f"My country, {c.country.name}, has no land borders with other countries."
      if not reveals(c.country.name, c)
      else REFUSE
    )
  return f"My country borders {join(list(nb))}."


def w_continent(c: City, arg: str) -> str:
  return f"My city is in {join(list(c.continents))}."


def w_country(c: City, arg: str) -> str:
  if reveals(c.country.name, c):
    return REFUSE
  return f"My city is in {c.country.name}."


def w_capital(c: City, arg: str) -> str:
  cap = c.country.capital
  if reveals(cap, c) or norm(cap) in c.alias_norms:
    return REFUSE
  return f"The capital of my country is {cap}; my city is not the capital."


def w_region(c: City, arg: str) -> str:
  regs = [r for r in c.regions if not reveals(r, c)]
  if not regs:
    return REFUSE
  return f"My city is in {join(regs[:2])}."


def _landmarks_with(c: City, words: tuple[str, ...], raw: bool = False) -> list[str]:
  out = []
  for lm in c.landmarks:
    name, _, kw = lm.partition("|")
    hay = f" {norm(name)} {norm(kw)} "
    if any(f" {w} " in hay or f" {w}s " in hay for w in words):
      out.append(lm)
  return out if raw else _clean(out, c)


def w_architecture(c: City, arg: str) -> str:
  kb = get_kb()
  i = kb.pos(c)
  styles = []
  if kb.tag_masks["skyscrapers"][i]:
    styles.append("a modern skyline of high-rise towers")
  if kb.tag_masks["colonial"][i]:
    styles.append("colonial-era buildings")
  if kb.tag_masks["ancient"][i]:
    styles.append("ancient monuments")
  lm = _clean(c.landmarks, c, 3)
  s = f"My city has {join(styles)}. " if styles else ""
  return (s + f"Notable buildings and sights include {join(lm)}.").strip() if lm else (s or REFUSE)


def w_landmarks(c: City, arg: str) -> str:
  lm = _clean(c.landmarks, c, 4)
  return f"Famous sights in my city include {join(lm)}." if lm else REFUSE


def w_museums(c: City, arg: str) -> str:
  m = _landmarks_with(c, ("museum", "gallery"))
  return (
    f"Its best-known museums include {join(m[:3])}."
    if m
    else "My city has local museums, but none is world-famous."
  )


def w_parks(c: City, arg: str) -> str:
  m = _landmarks_with(c, ("park", "garden", "forest", "zoo"))
  return (
    f"Popular green spaces include {join(m[:3])}."
    if m
    else "My city has some parks, but none is especially famous."
  )


def w_markets(c: City, arg: str) -> str:
  m = _landmarks_with(c, ("market", "bazaar", "shopping", "mall", "street"))
  return (
    f"Popular places to shop include {join(m[:3])}."
    if m
    else "My city has ordinary markets and shopping malls."
  )


def w_nightlife(c: City, arg: str) -> str:
  kb = get_kb()
  if kb.tag_masks["nightlife"][kb.pos(c)]:
    m = _landmarks_with(c, ("nightlife", "bar", "bars"))
    return "My city has a lively nightlife" + (f", especially around {join(m[:2])}." if m else ".")
  return "My city's nightlife is fairly quiet."


def w_education(c: City, arg: str) -> str:
  u = _clean(c.universities, c, 2, display=False)
  if u:
    return f"Well-known universities in my city include {join(u)}."
  if c.universities:
    return "My city has well-known universities, but their names would give my city away."
  return "My city has schools and a few colleges, but no world-famous university."


def w_nickname(c: City, arg: str) -> str:
  n = _clean(c.nicknames, c, 2, display=False)
  return (
    f"My city is sometimes called {join(n)}."
    if n
    else "My city doesn't have a widely used nickname that I can share."
  )


def w_water(c: City, arg: str) -> str:
  bits = []
  rivers = _clean(c.rivers, c, 2, display=False)
  waters = _clean(c.waters, c, 2, display=False)
  near = _clean(c.near_waters, c, 1, display=False)
  if c.coastal and waters:
    bits.append(f"my city lies on the coast, by the {join(waters)}")
  elif waters:
    bits.append(f"my city lies on the {join(waters)}")
  elif not c.coastal:
    bits.append("my city is inland" + (f", not far from the {near[0]}" if near else ""))
  if rivers:
    bits.append(f"the {join(rivers)} {'flows' if len(rivers) == 1 else 'flow'} through it")
  elif c.rivers:
    bits.append("a river flows through it")
  else:
    bits.append("no major river flows through it")
  s = "; ".join(bits)
  return s[0].upper() + s[1:] + "."


def w_mountains(c: City, arg: str) -> str:
  m = _clean(c.mountains, c, 2, display=False)
  s = f"My city lies about {c.elevation} metres above sea level"
  return s + (f", near the {join(m)}." if m else ".")


def _part_phrase(c: City) -> str:
  if not c.parts:
    return ""
  p = c.parts[0]
  return {
    "north": "north",
    "south": "south",
    "east": "east",
    "west": "west",
    "central": "centre",
  }.get(p, p)


def w_location(c: City, arg: str) -> str:
  country = c.country.name if not reveals(c.country.name, c) else ""
  part = _part_phrase(c)
  if country and part:
    s = f"My city is in the {part} of {country}, in {join(list(c.continents))}"
  elif country:
    s = f"My city is in {country}, in {join(list(c.continents))}"
  else:
    s = f"My city is in {join(list(c.country.subregions[:1]) or list(c.continents))}"
  if c.coastal:
    w = _clean(c.waters, c, 1, display=False)
    s += f", on the coast of the {w[0]}" if w else ", on the coast"
  else:
    s += ", inland"
  r = _clean(c.rivers, c, 1, display=False)
  if r:
    s += f", on the {r[0]}"
  return s + "."


def w_known_for(c: City, arg: str) -> str:
  lm = _clean(c.landmarks, c, 2)
  ec = _clean(c.economy, c, 1, display=False)
  d = _clean(c.dishes, c, 1)
  bits = []
  if lm:
    bits.append(join(lm))
  if ec:
    bits.append(ec[0])
  if d:
    bits.append(f"dishes such as {d[0]}")
  return f"My city is known for {join(bits)}." if bits else REFUSE


def w_description(c: City, arg: str) -> str:
  size = (
    "a huge"
    if c.population >= 10
    else "a large"
    if c.population >= 2
    else "a medium-sized"
    if c.population >= 0.5
    else "a small"
  )
  return (
    f"{w_location(c, arg)[:-1]}. It is {size} city with {c.climate_text}. {w_known_for(c, arg)}"
  )


def w_ethnic(c: City, arg: str) -> str:
  langs = [lang for lang in c.languages[:2] if not reveals(lang, c)]
  rel = c.religions[0]
  return f"Most people in my city speak {join(langs)} and the main religion is {rel}."


def w_religious_sites(c: City, arg: str) -> str:
  m = _landmarks_with(
    c,
    (
      "temple",
      "mosque",
      "church",
      "cathedral",
      "shrine",
      "pagoda",
      "basilica",
      "monastery",
      "synagogue",
      "chapel",
    ),
  )
  if m:
    return f"Important religious sites in my city include {join(m[:3])}."
  return f"My city's main religion is {c.religions[0]}, but it has no world-famous religious site."


def w_cherry(c: City, arg: str) -> str:
  kb = get_kb()
  if kb.tag_masks["cherry_blossoms"][kb.pos(c)]:
    p = _landmarks_with(c, ("park", "garden", "university", "castle", "river"))
    return "Yes, cherry blossom season in spring is a highlight in my city" + (
      f"; {p[0]} is a popular place to see them." if p else "."
    )
  return "Cherry blossoms are not a notable part of life in my city."


def w_status(c: City, arg: str) -> str:
  if c.short == "hong kong":
    return "My city is a special administrative region of China, with its own government and laws."
  if c.short == "singapore":
    return "My city is an independent city-state."
  country = c.country.name if not reveals(c.country.name, c) else "its country"
  if c.capital == "national":
    return f"My city is the national capital of {country}."
  kb = get_kb()
  if kb.tag_masks["municipality"][kb.pos(c)]:
    return "My city is a municipality governed directly by the national government."
  if c.capital == "regional":
    return f"My city is the capital of its state or province in {country}."
  return f"My city is an ordinary city in {country}; it is not a capital."


def w_pollution(c: City, arg: str) -> str:
  kb = get_kb()
  if kb.tag_masks["pollution"][kb.pos(c)]:
    return "Air pollution is a serious problem in my city, especially in the dry or cold season."
  return "Air quality in my city is moderate; pollution is not one of its best-known problems."


def w_typed(c: City, arg: str) -> str:
  a = arg.lower().rstrip("s") if arg not in ("bus", "canvas") else arg
  kb = get_kb()
  i = kb.pos(c)
  field = {
    "river": "rivers",
    "mountain": "mountains",
    "lake": "waters",
    "sea": "waters",
    "ocean": "waters",
    "bay": "waters",
    "team": "teams",
    "football team": "teams",
    "soccer team": "teams",
    "club": "teams",
    "dish": "dishes",
    "festival": "festivals",
    "university": "universities",
  }.get(a)
  if a == "country":
    return w_country(c, arg)
  if a in ("province", "state", "region", "prefecture", "department", "governorate"):
    return w_region(c, arg)
  if a == "nickname":
    return w_nickname(c, arg)
  if a == "volcano":
    if not kb.tag_masks["volcano"][i]:
      return "There is no famous volcano in my city."
    field = "mountains"
  if field:
    items = _clean(getattr(c, field), c, 2, display=field in ("dishes", "landmarks"))
    if field in ("waters",):
      items = _clean(c.waters + c.near_waters, c, 2, display=False)
    if not items:
      if getattr(c, field):
        return REFUSE
      return f"There is no especially famous {a} in my city."
    return (
      f"The best-known {a} in my city is {items[0]}."
      if len(items) == 1
      else f"The best-known {a}s in my city include {join(items)}."
    )
  if a in ("landmark", "attraction", "building", "monument"):
    return w_landmarks(c, arg)
  m = _landmarks_with(
    c,
    (a,)
    + {
      "skyscraper": ("tower",),
      "theater": ("theatre",),
      "neighbourhood": ("neighborhood", "district"),
      "neighborhood": ("neighbourhood", "district"),
      "fortres": ("fort", "fortress"),
      "fort": ("fortress",),
      "mausoleum": ("tomb",),
      "bazaar": ("market",),
      "cathedral": ("church",),
      "shrine": ("temple",),
    }.get(a, ()),
  )
  if not m:
    if _landmarks_with(c, (a,), raw=True):
      return REFUSE  # its name would give the city away
    return f"There is no especially famous {a} in my city."
  return (
    f"The best-known {a} in my city is {m[0]}."
    if len(m) == 1
    else f"The best-known {a}s in my city include {join(m[:3])}."
  )


_ADJ = (
  r"(?:(?:famous|main|most famous|popular|iconic|historic|historical|well known|largest|"
  r"biggest|major|tallest|oldest|ancient|old|big|important|local|traditional|notable|"
  r"prominent|famed|renowned|grand|great|beautiful|central|primary|principal|known|hindu|"
  r"buddhist|catholic|christian|islamic|muslim|orthodox|shinto|taoist|gothic|baroque|"
  r"colonial|modern|roman|greek|egyptian|chinese|japanese|royal|imperial|sacred|holy|"
  r"religious|natural|giant|golden|red|white|blue|green|black|twin|little|huge|large|"
  r"small|tall|underground|floating|night|street|public|botanical|national|art|science|"
  r"archaeological|new|picturesque|scenic|impressive|stunning|magnificent|unique|"
  r"distinctive|active|dormant|nearby|neighbou?ring|striking|ruin|rooftop|seaside|"
  r"riverside|pedestrian|shopping|cable|suspension|stone|wooden|modernist|futuristic|"
  r"contemporary|medieval|renaissance|victorian|art deco|neoclassical|ornate|huge|"
  r"enormous|massive|tallest|highest|longest|oldest|newest|best known|must see) )*"
)
_KINDS = (
  r"(?P<arg>mosque|cathedral|church|temple|palace|tower|bridge|river|museum|castle|fort|"
  r"fortress|park|market|bazaar|stadium|mountain|volcano|beach|square|university|"
  r"football team|soccer team|team|club|dish|festival|statue|lake|garden|island|bay|sea|"
  r"ocean|street|avenue|shrine|pagoda|monument|building|skyscraper|airport|zoo|theatre|"
  r"theater|opera house|monastery|mausoleum|tomb|library|canal|waterfall|gate|wall|cemetery|"
  r"neighbou?rhood|district|landmark|attraction|province|state|region|country|nickname|bar|pub|"
  r"restaurant|cafe|hotel|mall|port|hill|waterfront|promenade|prefecture|department|"
  r"governorate|church|arch|fountain|lighthouse|observatory|railway station|station|"
  r"cable car|sculpture|memorial|plaza)s?"
)

_EARLY = {
  "history": "w_history",
  "water": "w_water",
  "religious_sites": "w_religious_sites",
  "cherry": "w_cherry",
  "in_terms": "w_economy",
}
TOPICS = [
  (t, re.compile(rx), fn or globals()[_EARLY[t]])
  for t, rx, fn in [
    (
      "typed",
      rf"\bname of (?:the |a |this |that |one |its |CITY s )?{_ADJ}{_KINDS}\b|\b(?:what|which) "
      rf"(?:is|are|was) (?:the |some |a |its )?{_ADJ}{_KINDS.replace('<arg>', '<arg2>')}\b"
      rf"(?! (?:like|scene|system))|"
      rf"\bwhat {_ADJ}{_KINDS.replace('<arg>', '<arg3>')} (?:is|are|runs|flows|stands)\b",
      w_typed,
    ),
    (
      "capital",
      r"\bcapital (?:city )?of (?:your|the|its|my|CITY s|this) country\b|\bcountry s capital\b|"
      r"\bnational capital\b",
      w_capital,
    ),
    (
      "status",
      r"\bpolitical (?:status|climate|situation|system)\b|\bform of government\b|"
      r"\bpolitical\b|\bpolitical status\b|\badministrative status\b|\bstatus of CITY\b|"
      r"\bhow is CITY governed\b",
      w_status,
    ),
    ("pollution", r"\bpollution\b|\bair quality\b|\bsmog\b", w_pollution),
    (
      "history",
      r"\bhistor(?:ical|ic) events?\b|\bevents? in (?:its |the )?history\b|\bhistor(?:ical|ic) "
      r"significance\b",
      None,
    ),
    (
      "water",
      r"\bbod(?:y|ies) of water\b|\bwater ?bod(?:y|ies)\b|\bwater features?\b|\bwaterways?\b",
      None,
    ),
    (
      "religious_sites",
      r"\breligious (?:sites?|places?|buildings?|landmarks?)\b|\b(?:temples|mosques|"
      r"churches|cathedrals|shrines|pagodas)\b",
      None,
    ),
    ("cherry", r"\bcherry blossoms?\b|\bsakura\b|\bhanami\b", None),
    (
      "in_terms",
      r"\bin terms of (?:its )?(?:technology|innovation|tech|industry|industries|economy|"
      r"economic)\b",
      None,
    ),
    (
      "rain",
      r"\b(?:rainfall|precipitation|how much rain|how rainy|rainy season|wet season|monsoon)\b",
      w_rain,
    ),
    ("temperature", r"\b(?:temperatures?|how hot|how cold|degrees|how warm)\b", w_temperature),
    ("climate", r"\b(?:climate|weather|seasons?|summers?|winters?|rain)\b", w_climate),
    (
      "language",
      r"\b(?:languages?|speak|spoken|speaking|dialects?|tongue|lingua franca)\b",
      w_language,
    ),
    (
      "population",
      r"\b(?:population|how many (?:people|inhabitants|residents|persons|citizens)|"
      r"inhabitants|how (?:big|large|populous|populated) is|size of (?:CITY|the city)|"
      r"city s size|residents|populous)\b",
      w_population,
    ),
    (
      "religion",
      r"\b(?:religions?|religious|faiths?|worship|believe in|beliefs?|spiritual)\b",
      w_religion,
    ),
    (
      "cuisine",
      r"\b(?:cuisines?|foods?|dish(?:es)?|eat|eating|culinary|delicac(?:y|ies)|"
      r"specialt(?:y|ies)|snacks?|meals?|recipes?|gastronomy|drinks?|beverages?|"
      r"breakfast|desserts?|cook|cooking)\b",
      w_cuisine,
    ),
    (
      "people",
      r"\b(?:famous|notable|well known|prominent|historical|historic|influential|"
      r"renowned|celebrated|important|iconic) (?:people|persons?|figures?|"
      r"personalities|individuals|residents|natives|leaders|artists|writers|athletes|"
      r"musicians)\b|\bcelebrit(?:y|ies)\b|\bwho (?:is|was|are|were) (?:born|from|famous)\b|"
      r"\bhistorical figures?\b|\bpeople (?:from|born in) CITY\b",
      w_people,
    ),
    (
      "transport",
      r"\b(?:transport\w*|get around|getting around|commut\w*|metro|subway|buses|"
      r"traffic|trains?|transit|infrastructure|roads?|airports?)\b",
      w_transport,
    ),
    (
      "economy",
      r"\b(?:industr(?:y|ies)|econom(?:y|ic|ies)|jobs?|businesses|sectors?|make a living|"
      r"employment|exports?|trade|commerce|income|work in|wealth)\b",
      w_economy,
    ),
    ("nightlife", r"\b(?:night ?life|bars|clubs|clubbing|party)\b", w_nightlife),
    (
      "education",
      r"\b(?:universit(?:y|ies)|colleges?|education(?:al)?|schools?|students?|academic)\b",
      w_education,
    ),
    (
      "sports",
      r"\b(?:sports?|teams?|football|soccer|clubs?|athletes?|stadiums?|sporting)\b",
      w_sports,
    ),
    (
      "festivals",
      r"\b(?:festivals?|celebrations?|events?|holidays?|traditions?|customs?|celebrate|"
      r"carnivals?|parades?|festivities)\b",
      w_festivals,
    ),
    (
      "clothing",
      r"\b(?:cloth(?:ing|es)|attire|dress|costumes?|wear|garments?|fashion)\b",
      w_clothing,
    ),
    ("currency", r"\b(?:currency|money|cash)\b", w_currency),
    ("timezone", r"\btime ?zones?\b", w_timezone),
    ("hemisphere", r"\bhemispheres?\b", w_hemisphere),
    (
      "neighbors",
      r"\b(?:neighbou?ring countr(?:y|ies)|border(?:s|ing)? (?:countr(?:y|ies)|nations?))\b",
      w_neighbors,
    ),
    ("continent", r"\bcontinent\b", w_continent),
    (
      "country",
      r"\b(?:what|which) country\b|\bcountry is\b|\bin what country\b|\bwhat nation\b|"
      r"\bcountry\b",
      w_country,
    ),
    (
      "region",
      r"\b(?:province|state|region|prefecture|department|governorate|county|territory)\b",
      w_region,
    ),
    ("architecture", r"\barchitect\w*\b|\bbuildings?\b|\bskyline\b", w_architecture),
    ("museums", r"\bmuseums?\b|\bgaller(?:y|ies)\b", w_museums),
    ("parks", r"\b(?:parks?|gardens?|green spaces?|nature reserves?|zoos?)\b", w_parks),
    ("markets", r"\b(?:markets?|bazaars?|shopping|shops|malls?|souvenirs?|souks?)\b", w_markets),
    ("nickname", r"\bnick ?names?\b|\bknown as\b|\bother names?\b|\bmotto\b", w_nickname),
    (
      "landmarks",
      r"\b(?:landmarks?|attractions?|sights?|sightseeing|monuments?|tourists?|tourism|"
      r"visit|visitors|must see|places? to (?:see|visit|go)|iconic|points of interest|"
      r"historical sites?|historic sites?|heritage sites?|structures?|temples?|"
      r"mosques?|churches|cathedrals?|palaces?)\b",
      w_landmarks,
    ),
    (
      "history",
      r"\b(?:history|historical|historic|founded|founding|how old|origins?|significance|"
      r"past|heritage|established|age|ancient)\b",
      w_history,
    ),
    (
      "culture",
      r"\b(?:music|arts?|artists?|dances?|dancing|theat(?:er|re)s?|cultur\w*|entertainment|"
      r"literature)\b",
      w_culture,
    ),
    (
      "water",
      r"\b(?:rivers?|bod(?:y|ies) of water|lakes?|seas?|oceans?|coast\w*|waterfront|"
      r"waterways?|bay|harbou?r|beach(?:es)?|port)\b",
      w_water,
    ),
    (
      "mountains",
      r"\b(?:mountains?|elevation|altitude|hills?|above sea level|volcano(?:es)?|"
      r"terrain|landscape|topography)\b",
      w_mountains,
    ),
    (
      "location",
      r"\b(?:geograph\w*|locat\w*|where|situated|lie|lies|position|surroundings|"
      r"surrounded|natural features?|nature|region|area|part of)\b",
      w_location,
    ),
    (
      "known_for",
      r"\b(?:known|famous|renowned|popular|noted|unique|special|famed|stand out|"
      r"interesting|notable)\b",
      w_known_for,
    ),
    (
      "description",
      r"\b(?:describe|about CITY|about the city|like living|what is CITY like|"
      r"what s CITY like|life in|lifestyle|atmosphere|vibe|characteristics|"
      r"features|more about|anything about|tell me about)\b",
      w_description,
    ),
    (
      "ethnic",
      r"\b(?:ethnic\w*|demograph\w*|races?|diversity|people like|locals like|"
      r"population like|residents like)\b",
      w_ethnic,
    ),
  ]
]

_WRITERS = {}
for _t, _, _fn in TOPICS:
  _WRITERS.setdefault(_t, _fn)


def _yn_words(verb: str, q: str, yes: bool) -> str:
  nq = norm(q)
  if re.match(r"^(?:are there|is there|were there|was there)\b", nq):
    be = nq.split()[0]
    return f"Yes, there {be}." if yes else f"No, there {be} not."
  forms = {
    "is": "it is",
    "was": "it was",
    "does": "it does",
    "did": "it did",
    "has": "it has",
    "are": "they are",
    "do": "they do",
    "were": "they were",
    "have": "they have",
    "can": "it can",
    "could": "it could",
    "would": "it would",
    "will": "it will",
  }
  f = forms.get(verb)
  if f is None:
    return "Yes." if yes else "No."
  if not yes:
    f = f.replace(" can", " cannot") if verb == "can" else f + " not"
  return f"{'Yes' if yes else 'No'}, {f}."


def answer_text(city: City, parsed, question: str) -> str:
  """The oracle's sentence for city `city` given the parse of `question` (None: fallback)."""
  if parsed is None:
    return FALLBACK
  kind = parsed.kind
  if kind == "refuse":
    return REFUSE
  i = get_kb().pos(city)
  if kind == "name":
    return WIN_ANSWER if parsed.mask[i] else "No, that is not my city."
  if kind == "alt":
    true = [t for t, m in parsed.options if m[i]]
    if len(true) == 1 and true[0]:
      return f"My city {true[0]}."
    return "Both, in a way." if len(true) > 1 else "Neither, really."
  if kind == "open":
    out = _WRITERS[parsed.topic](city, parsed.arg)
    return REFUSE if reveals(out, city) else out
  yes = parsed.truth(i)
  s = _yn_words(parsed.verb or "is", question, yes)
  if yes and parsed.key == "island" and _clean(city.island, city, display=False):
    return s[:-1] + f": it lies on {_clean(city.island, city, display=False)[0]}."
  if parsed.note == "capital" and not yes and city.capital == "regional":
    s = s[:-1] + " the capital of the country, but it is the capital of its state or province."
  elif (
    parsed.note == "capital"
    and not yes
    and city.former_capital
    and not reveals(city.former_capital, city)
  ):
    s = s[:-1] + f" the capital today, but it was once the capital of {city.former_capital}."
  if yes and parsed.detail:
    items = _clean(
      getattr(city, parsed.detail, ()), city, 2, display=parsed.detail in ("landmarks", "dishes")
    )
    if parsed.detail == "transport":
      items = []
      t = safe_text(city.transport, city)
      if t:
        s = s[:-1] + ": " + t[0].lower() + t[1:]
    if items:
      s = s[:-1] + f"; for example, {join(items)}."
  return s
