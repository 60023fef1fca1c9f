"""The words of Guess My City questions: extracting the question from an asker's chatter,
auxiliaries and question words, compass directions, the subject phrases ("your city", "the city
you are from"), requests for the city's name, relational words, and the filler vocabulary
that generic questions may contain without saying anything specific."""

from __future__ import annotations

import re

MAX_QUESTION_CHARS = 500
MAX_QUESTION_WORDS = 80

AUX = frozenset(
  "is are was were does do did can could would will has have had should might may "
  "must shall isn isnt arent doesnt dont".split()
)
WH = frozenset(
  "what which how where who whom whose when why tell describe name list give share explain".split()
)

DIRS = {
  "north": "north",
  "northern": "north",
  "south": "south",
  "southern": "south",
  "east": "east",
  "eastern": "east",
  "west": "west",
  "western": "west",
  "northeast": "northeast",
  "northeastern": "northeast",
  "northwest": "northwest",
  "northwestern": "northwest",
  "southeast": "southeast",
  "southeastern": "southeast",
  "southwest": "southwest",
  "southwestern": "southwest",
  "central": "central",
  "centre": "central",
  "center": "central",
  "middle": "central",
  "heart": "central",
  "interior": "central",
}
_DIR_RX = (
  "(?:north ?east(?:ern)?|north ?west(?:ern)?|south ?east(?:ern)?|south ?west(?:ern)?|"
  "north(?:ern)?|south(?:ern)?|east(?:ern)?|west(?:ern)?|central|centre|center|middle|heart)"
)
_AREA = r"(?:part|parts|region|area|side|portion|half|section|corner|tip|end|reaches)"

_CHATTER = re.compile(
  r"^(?:(?:based on|given|from|considering|according to|with|using|now that|taking into "
  r"account|after)\b[^:\n]*(?::|\n)\s*|(?:my |the )?(?:next |first |final |last |new )?"
  r"question(?: \d+)?(?: is| would be| will be)?\s*[:\-]\s*|next\s*[:\-]\s*|\d+\s*[.):]\s+|"
  r"[-*•]\s+|q\d*\s*[:.]\s*)",
  re.I,
)
_LEAD = re.compile(
  r"^(?:(?:ok|okay|great|thanks|thank you|alright|all right|well|hmm|so|then|now|and|also|"
  r"interesting|good|nice|sure|i see|got it|understood|perfect|cool|wow|right|yes|no|please|"
  r"hi|hello|hey)\b[ ,!.]*)+",
  re.I,
)
_ASKING = re.compile(
  r"^(?:(?:i would|i d|i will|i ll|let me|may i|can i|could i|i want to|i wanted to|i am going "
  r"to|i m going to)\s+(?:like to |love to )?(?:ask|know|inquire|find out|guess)(?: you)?"
  r"(?: a question)?(?: about| regarding)?[ ,:]*|i am curious(?: about| to know)?[ ,:]*|"
  r"i m curious(?: about| to know)?[ ,:]*|i wonder(?:ed)?[ ,:]*|out of curiosity[ ,:]*|"
  r"just curious[ ,:]*)",
  re.I,
)


_COLON_Q = re.compile(
  r"[:]\s*[\"“']?\s*(?=(?:Is|Are|Does|Do|Did|What|Which|Can|Could|How|Where|Who|"
  r"Has|Have|Was|Were|Would|Will|Tell|Please|Based)\b)"
)


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
    pick = pick[cuts[-1].end() :]
  for _ in range(3):
    new = _CHATTER.sub("", pick).strip().lstrip("\"'“‘ ").strip()
    if new == pick or not new:
      break
    pick = new
  return pick.strip().strip('"“”').strip()


_SUBJECT = re.compile(
  r"\b(?:(?:your|ur|the|this|my|that|our) (?:city|hometown|home town|town|place|home city|"
  r"mystery city|secret city|chosen city|hidden city|city of origin|native city|birthplace|"
  r"location)(?! of\b)(?: (?:that|where|which|in which))?(?: (?:you|u) (?:are|were|re|come|came|"
  r"live|lived|grew up|grow up|have chosen|chose|re thinking of|are thinking of|were born|was born|"
  r"have in mind|call home)(?: up)?(?: from| in| of)?)?|where (?:you|u) (?:are|re|come|came|"
  r"live|grew up)(?: up)?(?: from| in)?|(?:the )?people (?:in|of|from|living in) (?:your|the|my) "
  r"city|the locals|locals|residents of (?:your|the) city)\b"
)
_NAME_REQ = re.compile(
  r"\b(?:name of (?:your|the|this|that|my) (?:city|hometown|home town|town)(?! s )|"
  r"(?:what|which) (?:city|town) (?:are|is|do|did|were|was|you|it|this|that)|what city\b|"
  r"which city\b|^(?:what|how) (?:is|s) (?:your|the|this) (?:city|hometown|home town|town) "
  r"(?:called|named)\b|(?:first|last|starting|initial) letters?\b|letters? (?:does|do|is)|"
  r"(?:spell|spelled|spelling)\b|how many letters|what do (?:people|locals|you) call (?:your|"
  r"the) city|(?:reveal|tell me|give me|share) (?:the )?(?:name|identity))"
)
_RELATIONAL = re.compile(
  r"\b(?:near|close to|not far from|next to|nearby|neighbou?ring|bordering|border|borders|"
  r"proximity|adjacent|vicinity|outskirts|suburb|around|far from|away from|distance|hours? "
  r"(?:from|away|drive)|north of|south of|east of|west of|northeast of|northwest of|southeast of|"
  r"southwest of|bigger than|larger than|smaller than|more populous than|same (?:country|"
  r"region|province|state) as|like|similar to|compared to|such as|including|besides|other than|"
  r"apart from|except|twinned|sister city|metropolitan area of|area of|part of greater|greater)\b"
)


_REGION_WORDS = frozenset(
  """coastal mountainous hilly same southern northern eastern western capital
desert tropical arid dry wine coffee tea agricultural industrial rural urban metropolitan remote
border frontier autonomous special administrative different other another neighbouring neighboring
surrounding mountain river delta plateau plain plains valley lake island islands peninsula
oil mining farming tourist historic cultural economic _""".split()
)
_UNKNOWN_NAME = re.compile(
  r"^(?:Is|Are|Was)\s+(?:your (?:city|hometown|home town|town)|the city (?:that )?"
  r"you(?:'re| are| were)(?: thinking of| from| born in)?|it|the city|you from)\s+"
  r"(?:(?:located )?in\s+|called\s+|named\s+|the city of\s+|the town of\s+)?"
  r"(?P<n>[A-Z][\w'\-.]+(?:[\s\-](?:de |del |da |do |la |el |al |al-)?[A-Z][\w'\-.]+)*)"
  r"(?:,\s*[A-Z][\w\s'\-]+)?\s*\?$"
)


_FILLER = frozenset(
  """
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
options lovers attracts artists highways routes lines line ethnic communities community class
world-class experiences experience high end scene scenes spots spot known-for various range wide
array offers offer offering filled full lots plenty plethora abundance abundant hotspot hot-spot
numerous countless beloved cherished favorite favourite must see seen worth visiting visited
passionate passion vibrancy iconic
""".split()
)
