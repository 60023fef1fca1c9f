"""What each city is known for: the yes/no concepts of the built-in oracle.

Each `Tag` has a trigger (a regular expression over the normalised question: lower-case ASCII
words separated by single spaces) and the cities it holds for: a ";"-list of city ids (the
data key's city part, `City.short`), "*" for every city, "* - a; b" for every city but some,
or a function of the `City`. Tags marked `generic` describe something almost every large
city has ("historical landmarks", "local cuisine"); they only count when no specific concept
is asked in the same question, and their yes-answers add a detail from `detail` (a `City`
field). Lists are judgement calls from well-known facts; when in doubt a city is left out.
"""

from __future__ import annotations

import dataclasses
from typing import Callable

from archer_jax.envs.guess_my_city.records import City


@dataclasses.dataclass(frozen=True)
class Tag:
  key: str
  trigger: str
  cities: str | Callable[[City], bool]
  generic: bool = False
  detail: str = ""  # City field whose first items illustrate a yes
  consume: bool = False  # a match hides its words from the tags after it


def _c(code_prefixes: str) -> Callable[[City], bool]:
  pre = tuple(code_prefixes.split())
  return lambda c: c.climate.startswith(pre)


# Data laid out by hand, one record a line or a few: the formatter leaves it be.
# fmt: off
T = Tag
TAGS: tuple[Tag, ...] = (
    # ---- water, land and climate -----------------------------------------------------------
    T("people_generic", r"\b(?:famous|notable|historical|well known|important|prominent|influential|"
      r"renowned) (?:people|persons|figures|personalities|residents|natives|individuals)\b|"
      r"\bcelebrities\b", "*", True, "people", consume=True),
    T("landlocked_country", r"\blandlocked (?:country|nation|state)\b|\bcountry (?:that )?(?:is|is not|isn t) "
      r"landlocked\b|\bcountry without (?:a )?coast(?:line)?\b", lambda c: c.country.landlocked,
      consume=True),
    T("near_sea", r"\b(?:near|close to|not far from|proximity to|near to|nearby) (?:the |a |an )?"
      r"(?:coast|sea|ocean|coastline|beach|seaside|coastal (?:area|region))\b",
      lambda c: c.coastal or bool(c.near_waters), consume=True),
    T("water_body", r"\b(?:near|close to|by|on) (?:a |an |the |any )?(?:major |large |big |significant )?"
      r"bod(?:y|ies) of water\b|\bbod(?:y|ies) of water\b|\bwater ?bod(?:y|ies)\b",
      lambda c: c.coastal or bool(c.near_waters) or bool(c.waters), consume=True),
    T("coastal", r"\b(?:coast|coastal|coastline|seaside|seashore|seacoast|by the (?:sea|ocean)|on the "
      r"(?:sea|ocean)|at the (?:sea|ocean)|access to the (?:sea|ocean)|(?:sea|ocean) ?front|beach ?front|"
      r"borders? (?:the|an?) (?:sea|ocean)|bordering (?:the|an?) (?:sea|ocean)|facing the (?:sea|ocean))\b",
      lambda c: c.coastal),
    T("inland", r"\b(?:inland|landlocked(?! (?:country|nation|state))|in the interior|away from the "
      r"(?:coast|sea))\b",
      lambda c: not c.coastal),
    T("port", r"\b(?:sea ?ports?|ports?|harbou?rs?|shipping|maritime|port city|docks?)\b",
      "abidjan; alexandria; bombay; pusan; calcutta; casablanca; cirebon; dalian; guayaquil; havanna; "
      "hong kong; houston; inchon; istanbul; izmir; jakarta; karachi; lima; los angeles; madras; "
      "nagoya; new york; osaka; qingdao; rio de janeiro; salvador; semarang; shanghai; singapore; "
      "st petersburg; surabaya; sydney; tianjin; tokyo; yangon; yokohama; ho chi minh city; bangkok; "
      "fortaleza; buenos aires; medan; guangzhou; london"),
    T("island", r"\b(?:on|is) (?:an|a|the) island\b|\bisland (?:city|nation|country)\b|\bislands?\b",
      lambda c: bool(c.island), detail="island"),
    T("river", r"\b(?:rivers?|riverside|riverfront|river ?banks?|banks of)\b", lambda c: bool(c.rivers)),
    T("lake", r"\blakes?\b|\blakeside\b|\blakefront\b",
      "chicago; toronto; brasilia; hyderabad; wuhan; yangon; bucuresti; kinshaha; alexandria; berlin; "
      "jinan; mexico city; bangalore; ahmedabad; kanpur; calcutta"),
    T("delta", r"\bdelta\b", "guangzhou; hong kong; shanghai; nanjing; ho chi minh city; alexandria; "
      "cairo; giza; dhaka; calcutta; yangon"),
    T("bay", r"\bbays?\b|\bgulf\b|\bestuary\b",
      "tokyo; yokohama; osaka; nagoya; rio de janeiro; salvador; dalian; qingdao; jakarta; "
      "guayaquil; izmir; st petersburg; sydney; hong kong; new york; buenos aires; singapore; "
      "tianjin"),
    T("mountains", r"\b(?:mountains?|mountainous|mountain ranges?|hills|hilly|peaks?|highlands?|surrounded by"
      r" (?:mountains|hills))\b", lambda c: bool(c.mountains)),
    T("high_altitude", r"\b(?:high (?:altitude|elevation)|high up|elevated|above sea level|altitude|plateau)\b",
      lambda c: c.elevation >= 1000),
    T("valley", r"\bvalleys?\b|\bbasin\b",
      "medellin; cali; caracas; mexico city; santiago; taipei; chengdu; chongqing; bandung; "
      "los angeles; kathmandu; xian; taega; kiev"),
    T("desert", r"\b(?:deserts?|arid|dry climate|sand dunes)\b", _c("BW")),
    T("volcano", r"\bvolcan(?:o|oes|ic)\b", "bandung; bogor; malang; sukabumi; mexico city; taipei; semarang; "
      "cirebon; medan"),
    T("earthquakes", r"\b(?:earthquakes?|seismic|quakes?|tremors?)\b",
      "tokyo; yokohama; osaka; nagoya; taipei; mexico city; los angeles; santiago; lima; tehran; "
      "istanbul; izmir; tashkent; guayaquil; bandung; caracas"),
    T("typhoons", r"\b(?:typhoons?|hurricanes?|cyclones?|tropical storms?)\b",
      "hong kong; taipei; quezon city; shanghai; guangzhou; tokyo; osaka; pusan; havanna; houston; "
      "madras; calcutta; dhaka; yangon; bombay; karachi"),
    T("floods", r"\b(?:floods?|flooding|sinking|subsidence)\b",
      "jakarta; bangkok; dhaka; semarang; houston; madras; bombay; calcutta; ho chi minh city; "
      "mexico city; wuhan"),
    T("tropical", r"\btropic(?:al|s)\b", _c("A")),
    T("hot_climate", r"\b(?:hot|warm|sunny|scorching|heat) (?:climate|weather|all year|year round|"
      r"temperatures)\b|\bhot and humid\b|\bhot summers?\b",
      lambda c: c.temp >= 22 or c.climate.startswith(("A", "BWh", "BSh"))),
    T("cold_climate", r"\b(?:cold|freezing|harsh|snowy|severe) (?:climate|winters?|weather|temperatures)\b"
      r"|\bvery cold\b|\bsub ?zero\b|\bbelow freezing\b",
      lambda c: c.climate.startswith(("D", "BSk")) or c.temp < 9),
    T("snow", r"\bsnow(?:fall|s|y)?\b|\bskiing\b|\bski resorts?\b",
      "beijing; changchun; haerbin; shenyang; dalian; taiyuan; tianjin; jinan; zibo; qingdao; xian; "
      "nanjing; wuhan; pyong yang; inchon; moscow; st petersburg; kiev; berlin; bucuresti; "
      "budapest; chicago; toronto; new york; ankara; tehran; mashhad; tashkent; istanbul; "
      "madrid; paris; london"),
    T("humid", r"\bhumid(?:ity)?\b|\bmuggy\b", _c("A Cfa Cwa Dwa")),
    T("rainy", r"\b(?:rain|rainy|rainfall|wet|monsoons?|rainy season|wet season|precipitation)\b",
      lambda c: c.rain >= 1400 or c.climate in ("Af", "Am")),
    T("monsoon", r"\bmonsoons?\b",
      lambda c: c.climate in ("Am", "Aw", "Cwa", "Dwa") and c.country.continent == "Asia"),
    T("dry_season", r"\bdry season\b|\bwet and dry\b|\bdistinct (?:wet|dry|rainy)\b", _c("Aw Am Cwa Cwb")),
    T("four_seasons", r"\b(?:four|4|distinct|all) seasons\b|\bseasonal\b",
      lambda c: c.climate.startswith(("C", "D", "BSk")) and c.climate not in ("Cwb",) and c.temp < 20),
    T("mediterranean_climate", r"\bmediterranean (?:climate|weather)\b", _c("Cs")),
    T("temperate", r"\btemperate\b|\bmild (?:climate|weather)\b|\bspring ?like\b|\beternal spring\b",
      lambda c: c.climate.startswith(("Cfb", "Csb", "Cwb", "Cs")) or c.short in (
          "medellin", "caracas", "bandung", "bangalore", "malang", "addis ababa", "sukabumi")),
    T("equator", r"\bequator\b|\bequatorial\b", lambda c: abs(c.lat) < 8),
    T("pollution", r"\b(?:pollut(?:ed|ion)|smog|air quality|haze)\b",
      "delhi; kanpur; lahore; dhaka; karachi; beijing; taiyuan; shenyang; tianjin; zibo; xian; "
      "chengdu; cairo; tehran; jakarta; mexico city; los angeles; bombay; calcutta; faisalabad"),
    # ---- size and status -------------------------------------------------------------------
    T("megacity", r"\bmega ?city\b|\bmetropolis\b|\bhuge (?:city|population)\b",
      lambda c: c.population >= 10),
    T("big_city", r"\b(?:large|big|major|huge|massive|high|sizable|sizeable|significant) populations?\b|"
      r"\b(?:big|large|major|sprawling) (?:city|cities|metropolitan|urban)\b|\bpopulous\b|\bcrowded\b|"
      r"\bdensely populated\b|\bpopulation density\b|\boverpopulated\b",
      lambda c: c.population >= 2.0),
    T("small_city", r"\b(?:small|little|tiny|smaller|modest|medium)(?: sized| size)? (?:city|town|population)"
      r"\b|\b(?:a|an) (?:small |little )?(?:town|village)\b", lambda c: c.population < 1.0),
    T("third_largest", r"\bthird (?:largest|biggest|most populous|most populated)\b",
      "chicago; osaka; izmir; cali; brasilia; inchon; bangalore; faisalabad; giza", consume=True),
    T("largest", r"\b(?<!second )(?<!third )(?<!fourth )(?:largest|biggest|most populous|most populated|"
      r"main) (?:city|cities|urban)\b",
      "abidjan; addis ababa; cairo; istanbul; baghdad; jakarta; bangkok; shanghai; sao paulo; berlin; "
      "bogota; bucuresti; budapest; buenos aires; new york; caracas; casablanca; dhaka; karachi; "
      "guayaquil; havanna; ho chi minh city; kiev; kinshaha; lima; london; madrid; tehran; "
      "mexico city; moscow; tokyo; paris; pyong yang; quezon city; rome; santiago; singapore; sydney; "
      "tashkent; yangon; toronto; bombay; delhi"),
    T("largest_regional", r"\b(?<!second )(?<!third )(?:largest|biggest|most populous) city (?:in|of) "
      r"(?:the |its )?(?:state|province|region|prefecture)\b",
      "houston; los angeles; chicago; new york; toronto; sydney; bombay; calcutta; madras; bangalore; "
      "hyderabad; ahmedabad; karachi; lahore; sao paulo; rio de janeiro; belo horizonte; salvador; "
      "fortaleza; medellin; cali; guayaquil; surabaya; semarang; medan; chengdu; wuhan; xian; "
      "haerbin; changchun; shenyang; qingdao; taiyuan; osaka; nagoya; yokohama; istanbul; izmir; "
      "ankara; mashhad; tehran; alexandria; casablanca; kinshaha; abidjan", consume=True),
    T("economic_center", r"\beconomic (?:hub|cent(?:er|re)|powerhouse|engine|capital)\b|\bindustrial "
      r"(?:and economic )?(?:hub|cent(?:er|re)|city|powerhouse)\b",
      lambda c: c.population >= 3 or c.short in ("abidjan", "casablanca", "medellin", "cali"),
      consume=True),
    T("second_largest", r"\bsecond (?:largest|biggest|most populous)\b",
      "alexandria; pusan; ankara; rio de janeiro; medellin; st petersburg; los angeles; mashhad; "
      "surabaya; lahore; beijing; osaka; yokohama; izmir; cali"),
    T("planned_city", r"\bplanned (?:city|capital)\b|\bbuilt from scratch\b|\bpurpose built\b",
      "brasilia; belo horizonte; quezon city; faisalabad; delhi; singapore"),
    T("former_capital", r"\b(?:former|old|ancient|once the|used to be the|previous|historical|historic) "
      r"capital\b|\bwas (?:once )?(?:the|a) capital\b|\bcapital in the past\b",
      lambda c: bool(c.former_capital)),
    T("city_state", r"\bcity ?states?\b", "singapore"),
    T("special_region", r"\bspecial administrative region\b|\bsar\b|\bone country two systems\b", "hong kong"),
    T("municipality", r"\bdirect(?:ly)? (?:controlled|administered|governed) municipalit(?:y|ies)\b|"
      r"\bdirectly under the (?:central|national) government\b|\bmunicipalit(?:y|ies)\b",
      "beijing; shanghai; tianjin; chongqing", consume=True),
    # ---- economy ---------------------------------------------------------------------------
    T("finance", r"\b(?:financ(?:e|ial)|banking|bank(?:s|ing)? (?:sector|industry|hub)|stock (?:exchange|market)|wall street|economic (?:hub|"
      r"cent(?:er|re)|capital|powerhouse)|business (?:hub|cent(?:er|re)|district)|commercial (?:hub|"
      r"cent(?:er|re)|capital))\b",
      "new york; london; tokyo; hong kong; singapore; shanghai; paris; chicago; toronto; sydney; "
      "bombay; sao paulo; mexico city; beijing; moscow; madrid; istanbul; karachi; casablanca; "
      "abidjan; jakarta; bangkok; buenos aires; santiago; lima; bogota; taipei; guangzhou; "
      "ho chi minh city; los angeles; houston; dhaka; lahore"),
    T("tech", r"\b(?:tech|technology|technological|it (?:industry|sector|hub|services)|software|silicon "
      r"valley|innovation|innovative(?! (?:and \w+ )?(?:architecture|design|buildings|structures))|start ?ups?|"
      r"high tech|electronics|computers?|digital)\b",
      "bangalore; hyderabad; madras; beijing; shanghai; chengdu; wuhan; xian; tokyo; osaka; taipei; "
      "singapore; berlin; toronto; inchon; medellin; london; new york; kiev; bucuresti; "
      "ho chi minh city; dalian; guangzhou; los angeles; tel aviv"),
    T("textile", r"\b(?:textiles?|garments?|cotton|fabrics?|clothing (?:industry|manufactur\w*)|weaving|"
      r"apparel)\b",
      "ahmedabad; faisalabad; kanpur; dhaka; taega; tashkent; bandung; medellin; bombay; lahore; "
      "karachi; istanbul; izmir; guangzhou; fortaleza; semarang; cirebon; surabaya; jakarta"),
    T("automotive", r"\b(?:automotive|automobiles?|car (?:industry|manufactur\w*|makers?|factories|"
      r"companies|production)|auto (?:industry|manufactur\w*)|motor (?:industry|city)|detroit)\b",
      "nagoya; changchun; chongqing; wuhan; madras; yokohama; shanghai; guangzhou; belo horizonte; "
      "sao paulo; shenyang; tianjin; tehran"),
    T("oil", r"\b(?:oil|petroleum|petrochemicals?|natural gas|energy (?:industry|sector|capital))\b",
      "houston; baghdad; caracas; rio de janeiro; alexandria; zibo; dalian; tianjin; salvador; "
      "moscow; tehran"),
    T("mining", r"\b(?:coal|mining|mines?|minerals?|steel|iron)\b",
      "taiyuan; belo horizonte; santiago; wuhan; shenyang"),
    T("industry", r"\b(?:specific |particular |main |major |key |local )?(?:industr(?:y|ies)|economic "
      r"activit(?:y|ies)|economy|economic sectors?|products)\b(?! (?:and|or) (?:manufacturing|factories))",
      "*", True, "economy"),
    T("manufacturing", r"\b(?:manufacturing|industrial|factories|factory|heavy industry|industrial "
      r"(?:city|base|centre|center))\b",
      "* - brasilia; giza; sukabumi; bogor; malang; mashhad; cirebon; quezon city; havanna; "
      "addis ababa; kinshaha; yangon; pyong yang; lima; caracas; rome; paris", True, "economy"),
    T("tourism", r"\b(?:touris[mt]s?|tourist (?:destination|attractions?|spots?|sites?|hotspot)|visitors|"
      r"sightseeing|travel destination|attracts (?:many )?(?:people|visitors|tourists))\b",
      "* - faisalabad; kanpur; zibo; taiyuan; sukabumi; changchun; shenyang; jinan; cirebon; "
      "quezon city; medan; semarang; surabaya; houston; kinshaha; abidjan; giza", True, "landmarks"),
    T("trade", r"\b(?:trade|trading|commerce|commercial|merchants?|exports?)\b",
      "* - brasilia; sukabumi; bogor; malang; pyong yang; giza; mashhad", True, "economy"),
    T("agriculture", r"\b(?:agricultur\w*|farming|farms?|crops?|plantations?|rice fields|fertile)\b",
      "faisalabad; bogor; sukabumi; malang; medan; changchun; cali; mashhad; kanpur; taega"),
    T("tea", r"\btea\b|\bteahouses?\b|\btea houses?\b|\bchai\b",
      lambda c: c.country.name in ("China", "Taiwan") or c.short in (
          "istanbul", "london", "sukabumi", "bandung", "yangon", "karachi", "lahore", "calcutta",
          "malang", "tashkent", "tokyo")),
    T("coffee", r"\bcoffee\b|\bcafes?\b|\bcafe culture\b|\bespresso\b",
      "medellin; bogota; addis ababa; sao paulo; belo horizonte; ho chi minh city; medan; istanbul; "
      "madras; bangalore; rome; cali; paris; malang"),
    T("wine", r"\bwines?\b|\bvineyards?\b|\bwineries\b|\bwinery\b", "santiago; rome; budapest"),
    T("beer", r"\bbeers?\b|\bbrewer(?:y|ies)\b|\bbrewing\b|\bpubs?\b",
      "qingdao; haerbin; dalian; berlin; bangalore; taega; london"),
    T("silk", r"\bsilk\b|\bbrocade\b", "xian; tashkent; istanbul; mashhad; chengdu; bangalore; zibo; nanjing"),
    T("saffron", r"\bsaffron\b", "mashhad; tehran"),
    T("carpets", r"\b(?:carpets?|rugs?)\b", "mashhad; tehran; istanbul"),
    T("diamonds", r"\b(?:diamonds?|pearls?|jewel(?:le)?ry|gems?)\b", "hyderabad; bombay"),
    T("batik", r"\bbatik\b", "cirebon; semarang; jakarta; bandung; surabaya"),
    T("ceramics", r"\b(?:ceramics?|porcelain|pottery|glass ?(?:making|ware|industry))\b", "zibo; tianjin"),
    T("leather", r"\bleather\b", "kanpur"),
    T("cigars_rum", r"\b(?:cigars?|rum|tobacco)\b", "havanna; medan; surabaya"),
    T("cocoa", r"\b(?:cocoa|cacao|chocolate)\b", "abidjan; guayaquil"),
    T("bananas", r"\bbananas?\b|\bshrimp\b", "guayaquil; cirebon"),
    T("aerospace", r"\b(?:aerospace|space (?:center|centre|program|agency|research|industry|exploration)|"
      r"nasa|rockets?|astronauts?|aircraft)\b", "houston; bangalore; shenyang; tianjin; nagoya; bandung"),
    T("medicine", r"\bmedical (?:center|centre|industry|research|tourism)\b|\bhospitals?\b|\bhealthcare\b",
      "houston; taega; madras; singapore"),
    T("government", r"\bgovernment\b|\bpolitical (?:center|centre|capital|hub)\b|\bparliament\b|\bseat of\b",
      lambda c: c.capital == "national"),
    T("diplomacy", r"\bafrican union\b|\bunited nations\b|\bun headquarters\b|\bdiplomatic\b|\binternational"
      r" organi[sz]ations\b", "addis ababa; new york"),
    # ---- food and drink --------------------------------------------------------------------
    T("spicy", r"\bspic(?:y|ier|iness|es)\b|\bchil(?:l)?i(?:es)?\b|\bhot pot\b|\bhotpot\b|\bpeppercorns?\b"
      r"|\bcurr(?:y|ies)\b",
      "chengdu; chongqing; bangkok; mexico city; bangalore; bombay; calcutta; delhi; hyderabad; "
      "kanpur; madras; faisalabad; karachi; lahore; dhaka; jakarta; medan; bandung; surabaya; "
      "taega; pusan; inchon; yangon"),
    T("seafood", r"\bseafood\b|\bfish(?:ing)?\b|\bshellfish\b|\bcrabs?\b|\blobsters?\b|\bsushi\b|\bprawns?\b",
      "alexandria; pusan; dalian; qingdao; hong kong; lima; tokyo; osaka; yokohama; sydney; "
      "singapore; karachi; bombay; madras; calcutta; dhaka; salvador; fortaleza; rio de janeiro; "
      "guayaquil; havanna; istanbul; izmir; st petersburg; casablanca; cirebon; semarang; "
      "surabaya; jakarta; inchon; shanghai; guangzhou; abidjan"),
    T("street_food", r"\bstreet (?:food|foods|vendors?|stalls?|snacks?)\b|\bfood (?:stalls|carts|markets?|"
      r"streets?)\b|\bhawkers?\b|\bnight markets?\b|\bsnacks?\b",
      "bangkok; ho chi minh city; singapore; taipei; hong kong; bombay; delhi; calcutta; lahore; "
      "karachi; istanbul; mexico city; jakarta; medan; bandung; xian; chengdu; beijing; osaka; "
      "dhaka; hyderabad; yangon; cairo; guangzhou; zibo; tianjin; haerbin; chongqing; lima; "
      "semarang; surabaya; malang; taega; pusan"),
    T("night_market", r"\bnight markets?\b", "taipei; hong kong; bangkok; ho chi minh city; xian; "
      "chengdu; singapore"),
    T("vegetarian", r"\bvegetarian\b|\bvegan\b", "ahmedabad; delhi; bangalore; madras"),
    T("barbecue", r"\bbarbecue\b|\bbbq\b|\bgrilled meats?\b|\bkebabs?\b|\basado\b|\bchurrasco\b|\bskewers?\b",
      "zibo; buenos aires; houston; sao paulo; istanbul; tehran; lahore; karachi; tashkent; "
      "taega; changchun; haerbin; shenyang"),
    T("noodles", r"\bnoodles?\b|\bramen\b|\budon\b|\bpho\b", "xian; wuhan; chongqing; taiyuan; beijing; "
      "tokyo; osaka; nagoya; yokohama; ho chi minh city; pyong yang; pusan; hong kong; "
      "guangzhou; lanzhou; tianjin; jinan; chengdu; malang; medan"),
    T("dumplings", r"\bdumplings?\b|\bdim sum\b|\bxiaolongbao\b|\bbaozi\b|\bbuns?\b",
      "shanghai; guangzhou; hong kong; beijing; tianjin; haerbin; shenyang; changchun; taipei; "
      "dalian; nanjing; yokohama; xian; jinan; qingdao"),
    T("duck", r"\bducks?\b", "beijing; nanjing; guangzhou; hong kong; wuhan"),
    T("pizza_pasta", r"\bpizzas?\b|\bpasta\b", "rome; chicago; new york; sao paulo"),
    T("sweets", r"\bsweets?\b|\bdesserts?\b|\bpastr(?:y|ies)\b|\bcakes?\b|\bcandy\b",
      "calcutta; istanbul; paris; kiev; vienna; lahore; faisalabad; bucuresti; budapest; lisbon"),
    T("cuisine", r"\b(?:cuisines?|culinary|gastronom\w*|dishes|dish|delicac(?:y|ies)|food "
      r"(?:specialties|scene|culture)|foods?|specialt(?:y|ies)|local food)\b", "*", True, "dishes"),
    # ---- culture -----------------------------------------------------------------------------
    T("nightlife", r"\b(?:night ?life|nightclubs?|clubs|clubbing|bars|party (?:scene|city|capital)|"
      r"partying|entertainment (?:scene|district|options|venues)|night scene|ruin bars|live music)\b",
      "new york; london; berlin; paris; madrid; tokyo; osaka; bangkok; hong kong; shanghai; "
      "singapore; rio de janeiro; sao paulo; buenos aires; mexico city; medellin; cali; bogota; "
      "havanna; los angeles; chicago; toronto; sydney; budapest; bucuresti; kiev; moscow; "
      "st petersburg; istanbul; pusan; bangalore; bombay; beijing; chengdu; guangzhou; "
      "ho chi minh city; quezon city; jakarta; taipei; lima; santiago; abidjan; kinshaha; "
      "salvador; belo horizonte; izmir; delhi; calcutta; yokohama; caracas; guayaquil; fortaleza; "
      "houston; dalian; qingdao; chongqing"),
    T("arts", r"\b(?:arts?|artists?|artistic|galleries|gallery|cultural (?:scene|life|hub|cent(?:er|re)|"
      r"capital)|creative|culture scene)\b",
      "* - faisalabad; kanpur; sukabumi; cirebon; zibo; taiyuan; bogor; giza; malang; semarang; "
      "medan; jinan", True, "landmarks"),
    T("museums", r"\bmuseums?\b", "* - sukabumi; cirebon; bogor; faisalabad; kanpur; malang", True, "landmarks"),
    T("colorful_houses", r"\bcolou?rful (?:houses|buildings|streets|neighbou?rhoods?|villages?|facades|"
      r"homes|old town|colonial)\b|\bpainted houses\b", "salvador; havanna; guayaquil; malang; pusan; lima; "
      "buenos aires; rio de janeiro; mexico city; cali; bogota; istanbul", consume=True),
    T("street_art", r"\bstreet art\b|\bgraffiti\b|\bmurals?\b",
      "berlin; sao paulo; bogota; medellin; mexico city; buenos aires; london; new york; "
      "los angeles; rio de janeiro; kiev; taega; pusan; malang; santiago; havanna; lima; chicago"),
    T("music", r"\bmusic(?:al)?\b|\bmusicians?\b|\bsongs?\b|\bbands?\b|\bconcerts?\b",
      "* - sukabumi; cirebon; zibo; taiyuan; faisalabad; kanpur; giza; bogor", True, ""),
    T("traditions", r"\btraditional (?:(?:arts?|crafts?|music|dances?|dancing|performances?|performing "
      r"arts|opera|culture|customs|handicrafts?|folk \w+|puppetry|puppet shows?|shadow puppets?|"
      r"theat(?:er|re))(?: and | or |, )?)+\b", "*", True, "festivals", consume=True),
    T("wayang", r"\bwayang\b|\bshadow puppet\w*\b|\bpuppetry\b|\bpuppet (?:shows?|theat\w+)\b",
      "jakarta; semarang; cirebon; surabaya; malang; bandung; bogor; sukabumi; osaka"),
    T("kabuki", r"\bkabuki\b|\bbunraku\b|\bnoh (?:theat\w+|plays?)\b", "osaka; tokyo", consume=True),
    T("chinese_opera", r"\b(?:chinese|peking|beijing|sichuan|cantonese|kunqu|yue) opera\b|\bface changing\b",
      lambda c: c.country.name in ("China", "Taiwan", "Singapore"), consume=True),
    T("dance", r"\bdanc(?:e|es|ing|ers?)\b", "buenos aires; rio de janeiro; salvador; cali; havanna; fortaleza; "
      "madrid; bangkok; moscow; st petersburg; kinshaha; abidjan; madras; calcutta; ahmedabad; "
      "bandung; jakarta; lima; mexico city; new york; paris; seoul"),
    T("tango", r"\btango\b", "buenos aires"),
    T("samba", r"\bsamba\b|\bbossa nova\b", "rio de janeiro; salvador; sao paulo"),
    T("salsa", r"\bsalsa\b", "cali; havanna; new york; caracas"),
    T("flamenco", r"\bflamenco\b", "madrid"),
    T("bullfighting", r"\bbull ?fight(?:s|ing)?\b|\bbullrings?\b|\bcorridas?\b",
      "madrid; mexico city; lima; bogota; cali"),
    T("opera", r"\boperas?\b|\bopera houses?\b",
      "paris; sydney; beijing; chengdu; buenos aires; moscow; st petersburg; london; new york; "
      "budapest; guangzhou; hong kong; rome; berlin; tianjin; bucuresti; kiev"),
    T("ballet", r"\bballet\b", "moscow; st petersburg; paris; london; new york"),
    T("theatre", r"\btheat(?:er|re)s?\b|\bbroadway\b|\bwest end\b|\bmusicals\b|\bperforming arts\b",
      "* - sukabumi; cirebon; zibo; faisalabad; kanpur; bogor; giza; malang", True, "landmarks"),
    T("film", r"\b(?:film|movie|cinema|motion picture)s? ?(?:industry|studios?|capital|production|"
      r"making|city)\b|\bbollywood\b|\bhollywood\b|\bkollywood\b|\btollywood\b|\blollywood\b|\bnollywood\b",
      "los angeles; bombay; madras; hyderabad; hong kong; changchun; rome; lahore; cairo; toronto; "
      "new york; london; mexico city; quezon city"),
    T("film_festival", r"\bfilm festivals?\b|\bmovie festivals?\b|\bcinema festivals?\b",
      "berlin; toronto; pusan; cairo; shanghai; tokyo; moscow; changchun; tehran; havanna; "
      "new york; london; rome"),
    T("fashion", r"\bfashion\b|\bhaute couture\b",
      "paris; new york; london; tokyo; sao paulo; medellin; bandung; shanghai; madrid; bombay; "
      "kinshaha; los angeles; istanbul"),
    T("carnival", r"\bcarnivals?\b|\bcarnaval\b|\bmardi gras\b",
      "rio de janeiro; salvador; sao paulo; belo horizonte; fortaleza; havanna; london; toronto; "
      "cali; sydney"),
    T("festivals", r"\bfestivals?\b|\bcelebrations?\b|\bfiestas?\b|\bfestivities\b|\bcultural events\b|"
      r"\bparades?\b|\bholidays\b", "*", True, "festivals"),
    T("kites", r"\bkites?\b", "ahmedabad; lahore"),
    T("ice_festival", r"\bice (?:festival|sculptures?|and snow|lanterns?)\b|\bsnow (?:festival|sculptures?)\b",
      "haerbin; changchun"),
    T("lantern", r"\blanterns?\b", "taipei; chengdu; beijing; nanjing; hong kong; singapore"),
    T("water_festival", r"\bwater festival\b|\bsongkran\b|\bthingyan\b", "bangkok; yangon"),
    T("cherry_blossoms", r"\bcherry blossoms?\b|\bsakura\b|\bhanami\b",
      "tokyo; osaka; nagoya; yokohama; wuhan; qingdao; dalian; pusan; taega; inchon"),
    T("flowers", r"\bflowers?\b|\bfloral\b|\btulips?\b", "medellin; bandung; guangzhou; bogota; istanbul"),
    T("white_nights", r"\bwhite nights?\b|\bmidnight sun\b", "st petersburg"),
    T("martial_arts", r"\bmartial arts?\b|\bkung fu\b|\bmuay thai\b|\btaekwondo\b|\bcapoeira\b|\bjudo\b|"
      r"\bkarate\b|\bsumo\b", "bangkok; salvador; tokyo; pusan; taega; inchon; hong kong; beijing"),
    T("crafts", r"\b(?:arts and crafts|handicrafts?|crafts(?:manship)?|artisans?|handmade|woodcarving|"
      r"puppet(?:s|ry)?|wayang)\b",
      "cirebon; semarang; bandung; jakarta; surabaya; malang; ahmedabad; delhi; lahore; mashhad; "
      "tashkent; istanbul; mexico city; hanoi; bogota; cali; lima; yangon; addis ababa; "
      "kinshaha; abidjan; havanna; bangkok; kanpur"),
    T("literature", r"\bliterature\b|\bliterary\b|\bpoets?\b|\bpoetry\b|\bwriters?\b|\bnovelists?\b|"
      r"\bbooks?\b|\bbookstores?\b",
      "calcutta; buenos aires; paris; london; st petersburg; moscow; dublin; baghdad; lahore; "
      "lima; bogota; prague; cairo; alexandria; new york; rome; kiev; istanbul; chengdu"),
    # ---- sights and city life --------------------------------------------------------------
    T("skyscrapers", r"\b(?:skyscrapers?|skyline|tall (?:buildings|towers)|high ?rises?|towering buildings)\b",
      "new york; chicago; hong kong; shanghai; singapore; tokyo; toronto; sydney; los angeles; "
      "houston; sao paulo; moscow; guangzhou; chongqing; beijing; tianjin; wuhan; chengdu; "
      "nanjing; dalian; qingdao; jakarta; bangkok; taipei; pusan; inchon; bombay; osaka; "
      "yokohama; london; istanbul; santiago; mexico city; ho chi minh city; abidjan"),
    T("modern_architecture", r"\b(?:modern|modernist|contemporary|futuristic|innovative) (?:and \w+ )?"
      r"(?:architecture|buildings|design|skyline|structures)\b",
      "new york; chicago; hong kong; shanghai; singapore; tokyo; toronto; sydney; brasilia; "
      "beijing; guangzhou; chongqing; shenzhen; dubai; pusan; inchon; taipei; moscow; london; "
      "houston; los angeles; osaka; yokohama; tianjin; wuhan; chengdu; sao paulo; berlin; "
      "belo horizonte", consume=True),
    T("colonial", r"\bcolonial\b|\bcolonized\b|\bcoloni[sz]ation\b|\bcolony\b|\bcolonies\b",
      "havanna; lima; bogota; salvador; rio de janeiro; bombay; calcutta; madras; delhi; yangon; "
      "ho chi minh city; jakarta; semarang; bandung; bogor; medan; malang; surabaya; singapore; "
      "hong kong; shanghai; tianjin; qingdao; dalian; haerbin; abidjan; kinshaha; casablanca; "
      "mexico city; cali; santiago; buenos aires; karachi; lahore; cirebon; guayaquil; "
      "sydney; quezon city; new york; alexandria; changchun"),
    T("european_architecture", r"\beuropean (?:architecture|style|buildings|influence)\b|\bgerman "
      r"(?:architecture|influence|colonial)\b|\brussian (?:architecture|influence)\b|\bfrench "
      r"(?:architecture|influence|concession)\b|\bconcessions?\b",
      "qingdao; haerbin; tianjin; shanghai; dalian; hong kong; buenos aires; ho chi minh city; "
      "casablanca; alexandria; changchun"),
    T("landmarks", r"\b(?:landmarks?|attractions?|sights|monuments?|famous (?:sites|buildings|places)|"
      r"tourist (?:spots|sites)|points of interest|architecture|architectural|buildings)\b", "*", True,
      "landmarks"),
    T("historic", r"\b(?:histor(?:y|ic|ical|ically)|heritage|heritage sites?|old town|old city|historic "
      r"(?:center|centre|district|quarter))\b",
      "* - brasilia; quezon city; sukabumi", True, "landmarks"),
    T("ancient", r"\b(?:ancient|ruins|archaeolog\w*|antiquity|thousands of years|millennia|prehistoric|"
      r"old(?:est)? (?:civilizations?|cities))\b",
      "rome; giza; cairo; alexandria; xian; istanbul; izmir; mexico city; lima; baghdad; delhi; "
      "zibo; nanjing; beijing; ankara; athens; luxor; taiyuan; jinan; tashkent; pyong yang; "
      "chengdu; tehran; mashhad"),
    T("unesco", r"\bunesco\b|\bworld heritage\b",
      "ahmedabad; beijing; belo horizonte; berlin; bombay; brasilia; budapest; cairo; caracas; "
      "chengdu; chicago; chongqing; delhi; giza; havanna; inchon; istanbul; izmir; kiev; lahore; "
      "lima; london; madras; madrid; mexico city; moscow; nanjing; new york; paris; pyong yang; "
      "rio de janeiro; rome; salvador; shenyang; singapore; st petersburg; sydney; tehran; tokyo; "
      "xian"),
    T("religious_sites", r"\breligious (?:sites?|landmarks?|buildings|cent(?:er|re)|significance|"
      r"importance)\b|\bholy (?:city|sites?|places?)\b|\bsacred\b|\bpilgrim(?:age|s)?\b|\bshrines?\b",
      "mashhad; rome; jerusalem; istanbul; cairo; baghdad; lahore; delhi; bangkok; yangon; "
      "kiev; moscow; salvador; ahmedabad; kanpur; calcutta; madras; cirebon; tokyo; xian; "
      "addis ababa; mexico city"),
    T("temples", r"\btemples?\b|\bpagodas?\b|\bstupas?\b|\bshrines?\b|\bmonaster(?:y|ies)\b",
      "bangkok; beijing; tokyo; osaka; nagoya; taipei; yangon; chengdu; xian; nanjing; hong kong; "
      "singapore; delhi; madras; calcutta; bangalore; kanpur; ahmedabad; bombay; pusan; taega; "
      "guangzhou; shanghai; taiyuan; wuhan; malang; semarang; ho chi minh city; dhaka; jinan; "
      "kiev; moscow; hyderabad; rome"),
    T("mosques", r"\bmosques?\b|\bminarets?\b|\bmasjid\b",
      "istanbul; cairo; lahore; karachi; delhi; dhaka; baghdad; tehran; mashhad; tashkent; "
      "casablanca; jakarta; medan; surabaya; semarang; cirebon; ankara; izmir; alexandria; "
      "ahmedabad; hyderabad; bombay; xian; abidjan; faisalabad; singapore; bandung"),
    T("churches", r"\bchurch(?:es)?\b|\bcathedrals?\b|\bbasilicas?\b|\bchapels?\b",
      "rome; paris; london; moscow; st petersburg; kiev; madrid; berlin; budapest; bucuresti; "
      "mexico city; lima; bogota; cali; medellin; salvador; rio de janeiro; sao paulo; "
      "brasilia; belo horizonte; buenos aires; santiago; caracas; guayaquil; havanna; new york; "
      "toronto; chicago; sydney; addis ababa; kinshaha; abidjan; quezon city; ho chi minh city; "
      "haerbin; qingdao; shanghai; madras; calcutta; bombay; jakarta; istanbul; alexandria; cairo; "
      "fortaleza; semarang"),
    T("palaces", r"\bpalaces?\b|\broyal (?:residence|family|heritage)\b|\bkratons?\b|\bkeratons?\b",
      "beijing; bangkok; tokyo; london; paris; madrid; st petersburg; moscow; istanbul; tehran; "
      "shenyang; changchun; cirebon; bogor; medan; hyderabad; bangalore; calcutta; delhi; dhaka; "
      "budapest; bucuresti; berlin; rome; pyong yang; baghdad; alexandria; buenos aires; santiago; "
      "mexico city; lima; seoul; nanjing; xian; yangon"),
    T("castles", r"\bcastles?\b|\bforts?\b|\bfortress(?:es)?\b|\bcitadels?\b|\bfortifications?\b",
      "osaka; nagoya; london; budapest; moscow; st petersburg; delhi; lahore; hyderabad; dhaka; "
      "ahmedabad; madras; havanna; cairo; alexandria; ankara; izmir; mexico city; toronto; "
      "dalian; rome; istanbul"),
    T("city_walls", r"\bcity walls?\b|\bancient walls?\b|\bwalled city\b", "xian; nanjing; beijing; lahore"),
    T("towers", r"\b(?:tv|television|observation|iconic|tall|famous) towers?\b|\btowers?\b",
      "tokyo; toronto; shanghai; guangzhou; beijing; tianjin; moscow; berlin; paris; london; "
      "kuala lumpur; taipei; tehran; tashkent; pusan; taega; osaka; seoul; sydney; cairo; "
      "izmir; istanbul; ankara; wuhan; pyong yang; xian; nanjing"),
    T("bell_drum", r"\bbell (?:and drum )?towers?\b|\bdrum towers?\b", "xian; beijing; nanjing; tianjin",
      consume=True),
    T("pyramids", r"\bpyramids?\b|\bsphinx\b|\bpharaohs?\b", "giza; cairo; mexico city"),
    T("great_wall", r"\bgreat wall\b", "beijing"),
    T("terracotta", r"\bterracotta\b|\bterra cotta\b", "xian"),
    T("pandas", r"\bpandas?\b", "chengdu"),
    T("statue_christ", r"\bchrist (?:the redeemer|statue)\b|\bstatue of (?:jesus|christ)\b|\bcristo\b",
      "rio de janeiro; cali"),
    T("bridges", r"\b(?:famous|iconic|historic|suspension|long|many) bridges?\b|\bbridges\b",
      "istanbul; london; new york; sydney; budapest; calcutta; surabaya; pusan; wuhan; nanjing; "
      "inchon; st petersburg; bombay; qingdao; paris; chongqing; tehran"),
    T("drawbridges", r"\bdraw ?bridges?\b|\bbascule bridges?\b|\bbridges (?:that )?(?:open|are raised|"
      r"lift)\b", "st petersburg; london; chicago"),
    T("canals", r"\bcanals?\b|\bwaterways\b|\bgondolas?\b",
      "bangkok; st petersburg; osaka; mexico city; berlin"),
    T("gondolas", r"\bgondolas?\b|\bgondoliers?\b", ""),
    T("cable_cars", r"\bcable cars?\b|\bgondola lifts?\b|\baerial (?:tram|cable)\w*\b|\bmetrocable\b|"
      r"\bteleferico\b|\bfunicular\b|\bcableway\b",
      "medellin; caracas; rio de janeiro; hong kong; taipei; chongqing; guayaquil; santiago; "
      "singapore; bogota"),
    T("beaches", r"\bbeach(?:es)?\b|\bsurf(?:ing|ers?)?\b|\bsandy\b",
      "rio de janeiro; salvador; fortaleza; sydney; los angeles; bombay; madras; karachi; "
      "casablanca; alexandria; dalian; qingdao; pusan; havanna; lima; abidjan; jakarta; "
      "singapore; hong kong; new york; chicago; toronto; sukabumi; izmir"),
    T("parks", r"\bparks?\b|\bgardens?\b|\bgreen (?:spaces|areas|city)\b|\bbotanical\b|\bgreenery\b",
      "* - karachi; faisalabad; kanpur; cirebon; dhaka; giza; kinshaha; medan; surabaya", True,
      "landmarks"),
    T("botanical_garden", r"\bbotanic(?:al)? gardens?\b", "bogor; singapore; bangalore; rio de janeiro; "
      "sydney; london; shenyang; calcutta; berlin; medellin"),
    T("national_parks", r"\bnational parks?\b|\bwildlife (?:reserves?|sanctuar\w+|parks?)\b|\bnature "
      r"reserves?\b|\brain ?forests?\b|\bwildlife\b", "medan; bogor; sukabumi; malang; bandung; caracas; "
      "rio de janeiro; hong kong; singapore; abidjan; kinshaha; taipei; sydney; los angeles; "
      "nairobi", consume=True),
    T("zoo", r"\bzoos?\b|\bsafari\b|\baquariums?\b",
      "singapore; london; berlin; new york; chengdu; surabaya; bogor; cali; osaka; pusan; "
      "sydney; toronto; guangzhou; haerbin; beijing; moscow; kinshaha; giza; kanpur; shanghai"),
    T("theme_parks", r"\btheme parks?\b|\bamusement parks?\b|\bdisney(?:land)?\b|\buniversal studios\b|"
      r"\bwater parks?\b", "tokyo; osaka; los angeles; hong kong; shanghai; singapore; jakarta; "
      "bandung; guangzhou; nagoya; fortaleza; beijing; taega"),
    T("shopping", r"\bshopping\b|\bshops\b|\bmalls?\b|\bdepartment stores?\b|\bboutiques\b|\bretail\b",
      "*", True, "landmarks"),
    T("markets", r"\bmarkets?\b|\bbazaars?\b|\bsouks?\b|\bmarketplaces?\b|\bmedinas?\b",
      "* - brasilia; sukabumi; zibo; taiyuan; quezon city", True, "landmarks"),
    T("floating_markets", r"\bfloating markets?\b", "bangkok"),
    T("metro", r"\b(?:metro|subways?|underground(?! (?:city|cities|caves?|tunnels?|temples?|churches|"
      r"river|mines?))|tube|mrt|rapid transit|light rail|rail (?:system|network)|"
      r"trains?|public transport(?:ation)?(?: system)?|trams?|tramways?|streetcars?)\b",
      "* - sukabumi; bogor; cirebon; malang; medan; semarang; surabaya; kanpur; faisalabad; karachi; "
      "zibo; bandung; addis ababa; kinshaha; abidjan; havanna; guayaquil; cali; houston; yangon; "
      "dhaka; lahore; bogota", True, "transport"),
    T("traffic", r"\btraffic\b|\bcongest(?:ed|ion)\b|\bjams?\b|\bgridlock\b",
      "jakarta; bangkok; dhaka; quezon city; cairo; los angeles; sao paulo; mexico city; lagos; "
      "bombay; delhi; bangalore; karachi; lahore; tehran; manila; istanbul; bogota; lima; "
      "kinshaha; moscow; london; new york; ho chi minh city"),
    T("motorbikes", r"\bmotorbikes?\b|\bmotorcycles?\b|\bscooters?\b|\bmopeds?\b|\btuk ?tuks?\b|"
      r"\brickshaws?\b", "ho chi minh city; jakarta; bangkok; taipei; dhaka; delhi; calcutta; "
      "bombay; karachi; lahore; hyderabad; bangalore; madras; kanpur; faisalabad; ahmedabad; "
      "surabaya; medan; semarang; malang; bandung; cirebon; bogor; sukabumi; rome"),
    T("bicycles", r"\bbicycles?\b|\bcycling\b|\bbikes?\b|\bcyclists?\b", "bogota; berlin; "
      "amsterdam; copenhagen; paris; tokyo; beijing; tianjin"),
    T("cars_classic", r"\bclassic (?:american )?cars\b|\bvintage cars\b|\bold american cars\b", "havanna"),
    T("airport", r"\b(?:international )?airports?\b|\bair hub\b|\baviation hub\b",
      "* - sukabumi; bogor; zibo; quezon city; cirebon"),
    T("universities", r"\buniversit(?:y|ies)\b|\bcolleges?\b|\beducation(?:al)?\b|\bstudents?\b|"
      r"\bacademic\b|\bresearch\b|\bschools?\b", "* - sukabumi; cirebon; giza", True, "universities"),
    T("diverse", r"\b(?:multicultural|(?:cultural|ethnic|religious) diversity|diverse (?:population|"
      r"communities|cultures|mix|people|ethnic)|cosmopolitan|melting pot|immigrants?|international "
      r"community|expats?|multi ethnic|ethnic groups?)\b",
      "new york; london; toronto; singapore; los angeles; sydney; houston; paris; berlin; "
      "hong kong; sao paulo; buenos aires; medan; dubai; chicago; istanbul; bombay; kuala lumpur"),
    T("chinatown", r"\bchina ?towns?\b", "yokohama; inchon; bangkok; singapore; new york; "
      "los angeles; toronto; london; sydney; jakarta; semarang; medan; chicago; havanna; lima"),
    T("japanese_community", r"\bjapanese (?:community|immigrants|population|descendants)\b", "sao paulo"),
    T("safe_clean", r"\b(?:clean(?:liness)?|safe(?:ty)?|strict (?:laws|rules|regulations)|fines|"
      r"chewing gum)\b", "singapore; tokyo; nagoya; yokohama; osaka; taipei"),
    T("slums", r"\bslums?\b|\bfavelas?\b|\bshanty ?towns?\b|\bpoverty\b",
      "rio de janeiro; sao paulo; bombay; karachi; dhaka; kinshaha; lima; caracas; medellin; "
      "quezon city; jakarta; cairo; calcutta; delhi; nairobi"),
    # ---- sport -------------------------------------------------------------------------------
    T("olympics", r"\bolympics?\b|\bolympic games\b",
      "london; paris; los angeles; tokyo; beijing; rio de janeiro; sydney; moscow; rome; berlin; "
      "mexico city"),
    T("winter_olympics", r"\bwinter olympics?\b|\bwinter olympic games\b|\bwinter games\b", "beijing"),
    T("world_cup", r"\bworld cup\b|\bfifa\b",
      "mexico city; rio de janeiro; sao paulo; belo horizonte; fortaleza; salvador; brasilia; "
      "buenos aires; berlin; paris; rome; london; madrid; moscow; st petersburg; yokohama; osaka; "
      "pusan; taega; inchon; los angeles; chicago; new york; houston; toronto; santiago"),
    T("world_cup_final", r"\bworld cup final\b",
      "mexico city; rio de janeiro; berlin; yokohama; moscow; buenos aires; london; madrid; rome; "
      "paris; los angeles; santiago"),
    T("asian_games", r"\basian games\b", "beijing; guangzhou; pusan; inchon; jakarta; bangkok; tokyo; "
      "delhi; tehran; nagoya"),
    T("formula1", r"\bformula (?:1|one)\b|\bf1\b|\bgrand prix\b|\bmotor racing\b",
      "singapore; sao paulo; mexico city; shanghai; budapest"),
    T("tennis", r"\btennis\b|\bgrand slam\b|\bwimbledon\b", "london; paris; new york"),
    T("marathon", r"\bmarathons?\b", "new york; chicago; berlin; london; tokyo; sydney"),
    T("football", r"\b(?:football|soccer|futbol)\b", lambda c: "football" in c.sports
      or "football" in " ".join(c.teams), True, "teams"),
    T("baseball", r"\bbaseball\b", lambda c: "baseball" in c.sports or "baseball" in " ".join(c.teams)),
    T("basketball", r"\bbasketball\b|\bnba\b", lambda c: "basketball" in c.sports
      or "basketball" in " ".join(c.teams) or c.country.name == "United States"),
    T("cricket", r"\bcricket\b", lambda c: "cricket" in c.sports),
    T("ice_hockey", r"\bice hockey\b|\bhockey\b|\bnhl\b", "toronto; chicago; new york; moscow; "
      "st petersburg; kiev; los angeles; berlin"),
    T("sports_teams", r"\bsports? teams?\b|\bsports? clubs?\b|\bprofessional (?:teams?|clubs?)\b|"
      r"\bsports\b|\bsporting\b|\bstadiums?\b|\bathlet\w+\b", lambda c: bool(c.teams), True, "teams"),
    T("running", r"\bmarathon runners?\b|\blong distance runn\w+\b|\brunners\b", "addis ababa"),
    T("near_border", r"\b(?:near|close to|on|along|at) (?:the |a )?(?:border|frontier)s?\b|\bborder (?:town|city|region)\b",
      lambda c: bool(c.borders)),
    T("peninsula", r"\bpeninsulas?\b", "dalian; qingdao; pusan; inchon; taega; pyong yang; madrid; rome; "
      "hong kong; bombay; istanbul"),
    T("archipelago", r"\barchipelagos?\b|\bthousands of islands\b",
      lambda c: c.country.name in ("Indonesia", "Philippines", "Japan")),
    T("hot_springs", r"\bhot springs?\b|\bthermal (?:baths?|springs?|spas?|waters?)\b|\bspas?\b|\bonsens?\b"
      r"|\bbath ?houses?\b|\bhammams?\b", "budapest; taipei; xian; bandung; istanbul; izmir"),
    T("romantic", r"\bromantic\b|\bcity of love\b|\bhoneymoon\w*\b|\bcouples\b",
      "paris; rome; budapest; st petersburg; dalian"),
    T("afro", r"\bafro (?:brazilian|cuban|caribbean|colombian|latin)\b|\bafrican (?:heritage|roots|"
      r"influence|culture)\b", "salvador; rio de janeiro; havanna; cali"),
    T("tcm", r"\btraditional chinese medicine\b|\bherbal (?:medicine|remedies)\b|\bacupuncture\b",
      lambda c: c.country.name in ("China", "Taiwan") or c.short == "taega"),
    T("double_decker", r"\bdouble ?deckers?\b|\bred buses\b", "london; hong kong; bombay; singapore"),
    T("black_cabs", r"\bblack (?:cabs|taxis)\b", "london"),
    T("has_nickname", r"\bnick ?names?\b", lambda c: bool(c.nicknames), True, "nicknames"),
    T("indigenous", r"\bindigenous\b|\bnative (?:american|peoples?|cultures?|communit\w+)\b|"
      r"\baboriginal\b", lambda c: c.country.name in ("Mexico", "Peru", "Ecuador", "Chile", "Canada",
                                                      "Australia")),
    T("chinese_community", r"\b(?:large|significant|big|sizeable|sizable|strong) chinese (?:population|"
      r"community|influence|minority|heritage)\b|\bethnic chinese\b",
      lambda c: c.country.name in ("China", "Taiwan", "Singapore") or c.short in (
          "medan", "jakarta", "semarang", "bangkok", "yangon", "new york", "toronto",
          "los angeles", "sydney", "lima", "surabaya", "ho chi minh city", "vancouver")),
    T("mughal", r"\bmughals?\b|\bmogul empire\b", "delhi; lahore; dhaka"),
    T("blue_city", r"\bblue (?:painted|washed|walls|houses|streets|buildings|city|alleys)\b|\bpainted "
      r"(?:in )?blue\b", ""),
    T("hill_statue", r"\bstatue (?:on|atop|overlooking|located on) (?:a |the )?(?:hill|mountain|"
      r"hilltop)\w*\b|\bhilltop statue\b", "rio de janeiro; cali; santiago"),
    T("aztec", r"\baztecs?\b|\btenochtitlan\b", "mexico city"),
    T("shipbuilding", r"\bshipbuilding\b|\bshipyards?\b", "pusan; dalian; shanghai; st petersburg; "
      "surabaya; tianjin; nagoya; yokohama"),
    T("renaissance", r"\brenaissance\b", "rome"),
    T("baroque", r"\bbaroque\b", "rome; st petersburg; salvador; lima; mexico city"),
    T("onion_domes", r"\bonion (?:shaped )?domes?\b", "moscow; st petersburg; kiev"),
    T("floating_gardens", r"\bfloating gardens?\b|\bchinampas?\b", "mexico city"),
    T("hanging_gardens", r"\bhanging gardens\b", ""),
    T("winter_festival", r"\bwinter (?:festival|carnival)s?\b", "haerbin; changchun; shenyang"),
    T("ww2", r"\bworld war (?:ii|2|two)\b|\bsecond world war\b|\bwwii\b",
      "berlin; london; moscow; st petersburg; kiev; nanjing; chongqing; singapore; hong kong; "
      "tokyo; shanghai; changchun; shenyang"),
    T("ming", r"\bming (?:dynasty|emperors?|era|tombs?)\b", "beijing; nanjing"),
    T("qing", r"\bqing (?:dynasty|emperors?|era)\b|\bmanchu\b", "beijing; shenyang; changchun"),
    T("tang", r"\b(?:tang|han|qin|zhou) dynasty\b|\bchang an\b", "xian"),
    T("ottoman", r"\bottoman\b", "istanbul; izmir; ankara; baghdad; cairo; alexandria"),
    T("byzantine", r"\bbyzantine\b|\bconstantinople\b", "istanbul"),
    T("abbasid", r"\babbasid\b|\bhouse of wisdom\b|\bcaliphate\b", "baghdad; cairo"),
    T("roman_empire", r"\broman (?:empire|ruins|history|times|era|amphitheat\w+|architecture|remains)\b",
      "rome; istanbul; izmir; ankara; alexandria; london; paris; budapest"),
    T("inca", r"\binca(?:s|n)?\b", ""),
    T("maya", r"\bmayan?\b", ""),
    T("springs", r"\b(?:natural|famous|freshwater|artesian|numerous|many) springs\b|\bspring water\b|"
      r"\bcity of springs\b", "jinan", consume=True),
    T("turquoise", r"\bturquoise (?:mines?|jewel\w*|stones?|production|trade)\b", "mashhad", consume=True),
    T("spanish_influence", r"\bspanish (?:influence|colonial|heritage|architecture|culture|rule|past|"
      r"history|colony)\b|\bcolonized by (?:the )?spain\b|\bspanish speaking\b",
      lambda c: "Spain" in c.country.colonized_by or c.country.name == "Spain", consume=True),
    T("orangutans", r"\borang ?utans?\b", "medan"),
    T("rock_churches", r"\brock hewn\b|\brock cut churches\b", ""),
    # ---- country-level -------------------------------------------------------------------------
    T("eu", r"\beuropean union\b|\beu\b|\beurozone\b", lambda c: c.country.eu),
    T("communist", r"\bcommunis[mt]\b|\bsocialist\b|\bone party\b|\bsoviet\b",
      lambda c: c.country.name in ("China", "North Korea", "Cuba", "Vietnam")
      and c.short not in ("hong kong",)),
    T("former_soviet", r"\bsoviet union\b|\bussr\b|\bformer soviet\b|\bsoviet era\b",
      lambda c: c.country.name in ("Russia", "Ukraine", "Uzbekistan")),
    T("monarchy", r"\bmonarchy\b|\broyal family\b|\b(?:ruled|headed) by a (?:king|queen|monarch)\b|"
      r"\bhas a (?:king|queen|monarch)\b",
      lambda c: c.country.name in ("United Kingdom", "Japan", "Thailand", "Spain", "Morocco",
                                   "Australia", "Canada")),
    T("drive_left", r"\bdrive on the left\b|\bleft side of the road\b|\bleft hand traffic\b",
      lambda c: c.country.name in ("United Kingdom", "Japan", "Australia", "India", "Pakistan",
                                   "Bangladesh", "Indonesia", "Thailand", "Singapore")
      or c.short == "hong kong"),
    T("commonwealth", r"\bcommonwealth\b",
      lambda c: c.country.name in ("United Kingdom", "India", "Pakistan", "Bangladesh",
                                   "Singapore", "Australia", "Canada")),
    T("arab", r"\barab (?:world|country|league|nation|city)\b|\barabic speaking\b|\barab\b",
      lambda c: c.country.name in ("Egypt", "Iraq", "Morocco")),
    T("latin_america", r"\blatin (?:america|american)\b|\bhispanic\b",
      lambda c: "Latin America" in c.country.subregions),
    T("persian", r"\bpersian\b|\bpersia\b", lambda c: c.country.name == "Iran"),
    T("nuclear", r"\bnuclear\b", lambda c: c.country.name in ("Russia", "China", "United States",
                                                             "France", "United Kingdom", "India",
                                                             "Pakistan", "North Korea")),
    T("birthplace_hiphop", r"\bhip ?hop\b|\brap music\b", "new york"),
    T("jazz_blues", r"\bjazz\b|\bblues\b", "new york; chicago; havanna; jakarta"),
    T("kpop", r"\bk ?pop\b", ""),
    T("anime", r"\banime\b|\bmanga\b", "tokyo; osaka"),
    T("gambling", r"\bcasinos?\b|\bgambling\b", "singapore; macau"),
    T("vatican", r"\bvatican\b|\bpope\b|\bpapal\b", "rome"),
    T("hajj", r"\bmecca\b|\bmedina\b", ""),
)
# fmt: on
