"""Country-level facts for Guess My City (continent, languages, religions, currency, dishes, ...).

A city takes these unless it overrides them (see `cities.py`). Every list is ordered most
notable first. `OTHER_COUNTRIES` are the countries none of the cities is in: asking about
them gets a plain no.
"""

from __future__ import annotations

import dataclasses

from archer_jax.envs.guess_my_city.text import split_list as _split


@dataclasses.dataclass(frozen=True)
class Country:
  name: str
  aliases: tuple[str, ...]
  continent: str
  subregions: tuple[str, ...]
  languages: tuple[str, ...]
  religions: tuple[str, ...]
  currency: str
  timezone: str
  sports: tuple[str, ...]
  festivals: tuple[str, ...]
  colonized_by: tuple[str, ...]
  dishes: tuple[str, ...]
  clothing: tuple[str, ...]
  music: tuple[str, ...]
  capital: str = ""
  landlocked: bool = False
  eu: bool = False
  neighbors: tuple[str, ...] = ()
  population: float = 0.0  # millions (2023-24 estimates, rounded)


def _country(
  name,
  aliases,
  continent,
  subregions,
  languages,
  religions,
  currency,
  timezone,
  sports,
  festivals,
  colonized_by="",
  dishes="",
  clothing="",
  music="",
):
  return Country(
    name,
    _split(aliases),
    continent,
    _split(subregions),
    _split(languages),
    _split(religions),
    currency,
    timezone,
    _split(sports),
    _split(festivals),
    _split(colonized_by),
    _split(dishes),
    _split(clothing),
    _split(music),
  )


# Data laid out by hand, one record a line or a few: the formatter leaves it be.
# fmt: off
_COUNTRY_LIST = [
    _country("Côte d'Ivoire", "Ivory Coast; Cote d'Ivoire; Cote d'Ivorie; Cote d Ivoire",
             "Africa", "West Africa; Sub-Saharan Africa",
             "French; Dioula; Baoulé", "Islam; Christianity", "West African CFA franc",
             "UTC+0", "football; basketball", "Fête des Masques; Abissa; Christmas; Eid",
             "France", "attiéké; alloco; kedjenou; garba; foutou", "pagne (wax-print cloth)",
             "coupé-décalé; zouglou"),
    _country("Ethiopia", "Ethiopia; Ethopia; Abyssinia", "Africa",
             "East Africa; Horn of Africa; Sub-Saharan Africa",
             "Amharic; Oromo; English", "Ethiopian Orthodox Christianity; Islam",
             "Ethiopian birr", "UTC+3", "long-distance running; football",
             "Timkat; Meskel; Enkutatash (Ethiopian New Year)", "",
             "injera; doro wat; kitfo; tibs; shiro", "habesha kemis; netela shawl",
             "Ethio-jazz; eskista dance"),
    _country("India", "India; Bharat", "Asia", "South Asia; Indian subcontinent",
             "Hindi; English", "Hinduism; Islam", "Indian rupee", "UTC+5:30",
             "cricket; field hockey; kabaddi; badminton", "Diwali; Holi; Navratri; Eid",
             "Britain", "biryani; dal; samosas; curry; dosa", "sari; kurta; dhoti",
             "Bollywood music; classical music"),
    _country("Egypt", "Egypt", "Africa", "North Africa; Middle East; Arab world; Nile Valley",
             "Arabic; Egyptian Arabic", "Islam; Coptic Christianity", "Egyptian pound", "UTC+2",
             "football; squash", "Ramadan; Eid al-Fitr; Sham el-Nessim; Coptic Christmas",
             "Britain; France", "koshari; ful medames; molokhia; falafel (ta'ameya); fattah",
             "galabeya", "shaabi; belly dance"),
    _country("Turkey", "Turkey; Türkiye; Turkiye", "Asia",
             "Middle East; Anatolia; Western Asia; Eurasia", "Turkish", "Islam", "Turkish lira",
             "UTC+3", "football; basketball; volleyball; oil wrestling",
             "Ramadan; Eid; Republic Day", "", "kebab; baklava; meze; pide; börek",
             "", "Turkish folk music; Ottoman classical music"),
    _country("Iraq", "Iraq", "Asia", "Middle East; Western Asia; Arab world; Mesopotamia",
             "Arabic; Kurdish", "Islam", "Iraqi dinar", "UTC+3", "football",
             "Ramadan; Eid; Ashura", "Britain", "masgouf; dolma; kubba; quzi; tashreeb",
             "dishdasha; abaya", "maqam"),
    _country("Indonesia", "Indonesia", "Asia", "Southeast Asia; Malay Archipelago",
             "Indonesian; Javanese", "Islam; Christianity", "Indonesian rupiah", "UTC+7",
             "badminton; football; pencak silat", "Eid al-Fitr (Lebaran); Independence Day",
             "the Netherlands", "nasi goreng; satay; rendang; gado-gado; soto",
             "batik; kebaya; sarong", "gamelan; dangdut"),
    _country("Thailand", "Thailand; Siam", "Asia", "Southeast Asia; Indochina", "Thai",
             "Buddhism", "Thai baht", "UTC+7", "Muay Thai; football",
             "Songkran; Loy Krathong", "", "pad thai; tom yum; green curry; som tam; mango sticky rice",
             "chut thai", "luk thung; Thai classical dance"),
    _country("China", "China; People's Republic of China; PRC", "Asia",
             "East Asia", "Mandarin Chinese", "Buddhism; Taoism; Chinese folk religion",
             "Chinese yuan (renminbi)", "UTC+8",
             "table tennis; basketball; badminton; football",
             "Chinese New Year (Spring Festival); Mid-Autumn Festival; Dragon Boat Festival",
             "", "dumplings; noodles; Peking duck; hot pot; fried rice", "qipao; hanfu; changshan",
             "Chinese opera; guzheng music"),
    _country("Brazil", "Brazil; Brasil", "South America", "South America; Latin America",
             "Portuguese", "Christianity (Roman Catholicism); Protestantism", "Brazilian real",
             "UTC-3", "football; volleyball; capoeira; Formula 1", "Carnival; Festa Junina",
             "Portugal", "feijoada; pão de queijo; churrasco; coxinha; brigadeiro", "",
             "samba; bossa nova; forró"),
    _country("Germany", "Germany; Deutschland", "Europe", "Western Europe; Central Europe",
             "German", "Christianity (Protestantism and Catholicism)", "euro", "UTC+1",
             "football; handball; ice hockey", "Christmas markets; Oktoberfest; Carnival",
             "", "sausages (wurst); schnitzel; pretzels; sauerkraut; currywurst",
             "lederhosen; dirndl", "classical music; techno"),
    _country("Colombia", "Colombia", "South America", "South America; Latin America",
             "Spanish", "Christianity (Roman Catholicism)", "Colombian peso", "UTC-5",
             "football; cycling", "Carnival; Christmas; Feria de las Flores", "Spain",
             "bandeja paisa; arepas; ajiaco; empanadas; sancocho", "sombrero vueltiao; ruana",
             "salsa; cumbia; vallenato"),
    _country("Romania", "Romania; Roumania", "Europe", "Eastern Europe; Southeastern Europe; Balkans",
             "Romanian", "Christianity (Eastern Orthodox)", "Romanian leu", "UTC+2",
             "football; handball; tennis", "Christmas; Easter; Mărțișor", "",
             "sarmale; mămăligă; mici; ciorbă; cozonac", "ie (embroidered blouse)",
             "doina; manele"),
    _country("Hungary", "Hungary; Magyarorszag", "Europe", "Central Europe; Eastern Europe",
             "Hungarian", "Christianity (Roman Catholicism)", "Hungarian forint", "UTC+1",
             "football; water polo; handball; fencing", "Christmas; Easter; St. Stephen's Day",
             "", "goulash; lángos; chicken paprikash; chimney cake; dobos torte", "",
             "csárdás; Hungarian folk music; classical music"),
    _country("Argentina", "Argentina", "South America", "South America; Latin America; Southern Cone",
             "Spanish", "Christianity (Roman Catholicism)", "Argentine peso", "UTC-3",
             "football; rugby; polo; tennis", "Carnival; Christmas; Independence Day", "Spain",
             "asado; empanadas; dulce de leche; milanesa; chimichurri", "gaucho attire",
             "tango; folklore"),
    _country("United States", "United States; USA; US; U.S.; U.S.A.; United States of America; "
             "America; the States", "North America", "North America; the Americas",
             "English; Spanish", "Christianity (Protestantism and Catholicism)",
             "US dollar", "UTC-5", "American football; basketball; baseball; ice hockey",
             "Independence Day; Thanksgiving; Halloween; Christmas", "Britain",
             "hamburgers; hot dogs; barbecue; pizza; apple pie", "", "jazz; blues; hip hop; rock"),
    _country("Venezuela", "Venezuela", "South America", "South America; Latin America",
             "Spanish", "Christianity (Roman Catholicism)", "Venezuelan bolívar", "UTC-4",
             "baseball; football; basketball", "Carnival; Christmas; Holy Week", "Spain",
             "arepas; pabellón criollo; hallacas; cachapas; tequeños", "liqui liqui",
             "joropo; salsa"),
    _country("Morocco", "Morocco; Maroc", "Africa", "North Africa; Maghreb; Arab world",
             "Arabic; Berber (Amazigh); French", "Islam", "Moroccan dirham", "UTC+1",
             "football", "Ramadan; Eid", "France; Spain",
             "tagine; couscous; harira; pastilla; mint tea", "djellaba; kaftan",
             "gnawa; chaabi; andalusian music"),
    _country("Bangladesh", "Bangladesh", "Asia", "South Asia; Indian subcontinent",
             "Bengali (Bangla); English", "Islam; Hinduism", "Bangladeshi taka", "UTC+6",
             "cricket; football; kabaddi", "Pohela Boishakh (Bengali New Year); Eid; Durga Puja",
             "Britain", "biryani; hilsa fish curry; bhuna khichuri; pitha; fuchka",
             "sari; lungi; panjabi", "Baul songs; Rabindra Sangeet"),
    _country("Pakistan", "Pakistan", "Asia", "South Asia; Indian subcontinent",
             "Urdu; English; Punjabi", "Islam", "Pakistani rupee", "UTC+5",
             "cricket; field hockey; squash", "Eid al-Fitr; Eid al-Adha; Basant", "Britain",
             "biryani; nihari; karahi; haleem; kebabs", "shalwar kameez",
             "qawwali; bhangra; ghazal"),
    _country("Ecuador", "Ecuador", "South America", "South America; Latin America",
             "Spanish", "Christianity (Roman Catholicism)", "US dollar", "UTC-5",
             "football; ecuavolley", "Carnival; Inti Raymi; Day of the Dead", "Spain",
             "ceviche; encebollado; bolón de verde; locro de papa; seco de chivo", "",
             "pasillo; cumbia"),
    _country("Cuba", "Cuba", "North America", "Caribbean; Latin America; the Americas",
             "Spanish", "Christianity (Roman Catholicism); Santería", "Cuban peso", "UTC-5",
             "baseball; boxing; volleyball", "Carnival; Revolution Day", "Spain",
             "ropa vieja; moros y cristianos; Cuban sandwich; tostones; lechón asado",
             "guayabera", "son cubano; salsa; rumba; mambo"),
    _country("Vietnam", "Vietnam; Viet Nam", "Asia", "Southeast Asia; Indochina", "Vietnamese",
             "Buddhism; Vietnamese folk religion", "Vietnamese đồng", "UTC+7",
             "football; badminton; martial arts (Vovinam)", "Tết (Lunar New Year); Mid-Autumn Festival",
             "France", "phở; bánh mì; bún chả; gỏi cuốn (spring rolls); cơm tấm", "áo dài; nón lá",
             "ca trù; V-pop"),
    _country("South Korea", "South Korea; Korea; Republic of Korea; ROK", "Asia",
             "East Asia; Korean Peninsula", "Korean", "Christianity; Buddhism", "South Korean won",
             "UTC+9", "baseball; football; taekwondo; e-sports",
             "Seollal (Lunar New Year); Chuseok", "Japan",
             "kimchi; bibimbap; bulgogi; tteokbokki; Korean barbecue", "hanbok",
             "K-pop; pansori"),
    _country("Ukraine", "Ukraine; the Ukraine", "Europe", "Eastern Europe", "Ukrainian; Russian",
             "Christianity (Eastern Orthodox)", "Ukrainian hryvnia", "UTC+2",
             "football; boxing", "Christmas; Easter; Ivan Kupala", "",
             "borscht; varenyky; holubtsi; chicken Kiev; salo", "vyshyvanka",
             "Ukrainian folk music; bandura music"),
    _country("Democratic Republic of the Congo", "Democratic Republic of the Congo; DR Congo; "
             "DRC; Congo; Congo-Kinshasa; Zaire", "Africa",
             "Central Africa; Sub-Saharan Africa", "French; Lingala",
             "Christianity (Roman Catholicism and Protestantism)", "Congolese franc", "UTC+1",
             "football; basketball; boxing", "Independence Day; Christmas", "Belgium",
             "fufu; moambe chicken; pondu; liboke; makayabu", "liputa (wax-print cloth)",
             "soukous; Congolese rumba; ndombolo"),
    _country("Peru", "Peru; Perú", "South America", "South America; Latin America",
             "Spanish; Quechua", "Christianity (Roman Catholicism)", "Peruvian sol", "UTC-5",
             "football; volleyball", "Inti Raymi; Señor de los Milagros; Independence Day",
             "Spain", "ceviche; lomo saltado; ají de gallina; anticuchos; causa", "poncho",
             "música criolla; marinera"),
    _country("United Kingdom", "United Kingdom; UK; U.K.; Great Britain; Britain; England",
             "Europe", "Western Europe; Northern Europe; British Isles", "English",
             "Christianity (Anglicanism)", "pound sterling", "UTC+0",
             "football; cricket; rugby; tennis", "Bonfire Night; Christmas; Notting Hill Carnival",
             "", "fish and chips; full English breakfast; Sunday roast; pie and mash; afternoon tea",
             "", "rock; pop; punk"),
    _country("Spain", "Spain; España; Espana", "Europe", "Southern Europe; Western Europe; "
             "Iberian Peninsula; Mediterranean", "Spanish", "Christianity (Roman Catholicism)",
             "euro", "UTC+1", "football; basketball; tennis",
             "Semana Santa; San Isidro; La Tomatina; Christmas", "",
             "paella; tapas; tortilla española; churros; jamón ibérico", "flamenco dress",
             "flamenco"),
    _country("Iran", "Iran; Persia; Islamic Republic of Iran", "Asia",
             "Middle East; Western Asia", "Persian (Farsi)", "Islam (Shia)", "Iranian rial",
             "UTC+3:30", "football; wrestling; volleyball", "Nowruz (Persian New Year); Yalda; Ramadan",
             "", "chelow kabab; ghormeh sabzi; fesenjan; tahdig; ash reshteh", "chador",
             "Persian classical music"),
    _country("Mexico", "Mexico; México; United Mexican States", "North America",
             "North America; Latin America; Mesoamerica", "Spanish",
             "Christianity (Roman Catholicism)", "Mexican peso", "UTC-6",
             "football; boxing; lucha libre; baseball",
             "Day of the Dead (Día de Muertos); Independence Day; Christmas", "Spain",
             "tacos; mole; tamales; enchiladas; chiles en nogada", "sombrero; huipil; serape",
             "mariachi; ranchera; cumbia"),
    _country("Russia", "Russia; Russian Federation", "Europe", "Eastern Europe; Eurasia",
             "Russian", "Christianity (Russian Orthodox)", "Russian ruble", "UTC+3",
             "ice hockey; football; figure skating; ballet", "New Year; Maslenitsa; Victory Day",
             "", "borscht; pelmeni; blini; beef stroganoff; pirozhki", "ushanka; sarafan",
             "classical music; ballet"),
    _country("Japan", "Japan; Nippon", "Asia", "East Asia; Far East", "Japanese",
             "Shinto; Buddhism", "Japanese yen", "UTC+9", "baseball; sumo; football; judo",
             "Hanami (cherry blossom viewing); Obon; Shōgatsu (New Year); Matsuri", "",
             "sushi; ramen; tempura; okonomiyaki; udon", "kimono; yukata", "J-pop; enka"),
    _country("France", "France", "Europe", "Western Europe", "French",
             "Christianity (Roman Catholicism)", "euro", "UTC+1",
             "football; rugby; cycling; tennis", "Bastille Day; Fête de la Musique; Christmas",
             "", "croissants; baguettes; coq au vin; crêpes; escargots", "", "chanson; classical music"),
    _country("North Korea", "North Korea; DPRK; Democratic People's Republic of Korea",
             "Asia", "East Asia; Korean Peninsula", "Korean", "officially atheist (state ideology Juche)",
             "North Korean won", "UTC+9", "football; mass games; weightlifting",
             "Day of the Sun; Mass Games; Party Foundation Day", "Japan",
             "naengmyeon (cold noodles); kimchi; bibimbap; mandu; sundae", "chosŏn-ot (hanbok)",
             "revolutionary songs"),
    _country("Philippines", "Philippines; the Philippines", "Asia", "Southeast Asia; Malay Archipelago",
             "Filipino (Tagalog); English", "Christianity (Roman Catholicism)",
             "Philippine peso", "UTC+8", "basketball; boxing; volleyball",
             "Christmas; Holy Week; Sinulog; Panagbenga", "Spain; the United States",
             "adobo; sinigang; lechon; kare-kare; halo-halo", "barong Tagalog; baro't saya",
             "OPM (Original Pilipino Music); kundiman"),
    _country("Italy", "Italy; Italia", "Europe", "Southern Europe; Western Europe; Mediterranean",
             "Italian", "Christianity (Roman Catholicism)", "euro", "UTC+1",
             "football; cycling; Formula 1; volleyball", "Easter; Christmas; Carnival",
             "", "pasta; pizza; risotto; gelato; tiramisù", "", "opera; classical music"),
    _country("Chile", "Chile", "South America", "South America; Latin America; Southern Cone",
             "Spanish", "Christianity (Roman Catholicism)", "Chilean peso", "UTC-4",
             "football; tennis; rodeo", "Fiestas Patrias; Christmas", "Spain",
             "empanadas; pastel de choclo; cazuela; completo; sopaipillas", "huaso attire",
             "cueca; nueva canción"),
    _country("Singapore", "Singapore; Republic of Singapore", "Asia", "Southeast Asia",
             "English; Mandarin Chinese; Malay; Tamil", "Buddhism; Christianity; Islam; Taoism; Hinduism",
             "Singapore dollar", "UTC+8", "football; badminton; table tennis",
             "Chinese New Year; Hari Raya; Deepavali; National Day", "Britain",
             "Hainanese chicken rice; chilli crab; laksa; satay; kaya toast", "",
             "Mandopop; xinyao"),
    _country("Australia", "Australia", "Oceania", "Oceania; Australasia; Asia-Pacific",
             "English", "Christianity", "Australian dollar", "UTC+10",
             "cricket; rugby league; Australian rules football; swimming; surfing",
             "Australia Day; New Year's Eve fireworks; Anzac Day", "Britain",
             "meat pies; barbecue; Vegemite toast; lamingtons; pavlova", "", "rock; pop"),
    _country("Taiwan", "Taiwan; Republic of China; ROC; Formosa; Chinese Taipei", "Asia",
             "East Asia", "Mandarin Chinese; Taiwanese Hokkien",
             "Buddhism; Taoism; Chinese folk religion", "New Taiwan dollar", "UTC+8",
             "baseball; basketball; badminton", "Lunar New Year; Lantern Festival; Dragon Boat Festival",
             "Japan", "beef noodle soup; bubble tea; xiaolongbao; stinky tofu; braised pork rice",
             "qipao", "Mandopop"),
    _country("Uzbekistan", "Uzbekistan", "Asia", "Central Asia", "Uzbek; Russian", "Islam",
             "Uzbek som", "UTC+5", "football; wrestling; boxing", "Navruz; Independence Day; Eid",
             "", "plov; samsa; shashlik; lagman; non bread", "chapan; doppi (skullcap)",
             "shashmaqom"),
    _country("Myanmar", "Myanmar; Burma", "Asia", "Southeast Asia; Indochina", "Burmese",
             "Buddhism (Theravada)", "Myanmar kyat", "UTC+6:30", "football; chinlone; lethwei",
             "Thingyan (water festival); Thadingyut", "Britain",
             "mohinga; laphet thoke (tea leaf salad); Shan noodles; curry; ohn no khao swè",
             "longyi; thanaka", "saung harp music"),
    _country("Canada", "Canada", "North America", "North America; the Americas",
             "English; French", "Christianity", "Canadian dollar", "UTC-5",
             "ice hockey; basketball; lacrosse; curling", "Canada Day; Thanksgiving; Caribana",
             "Britain; France", "poutine; butter tarts; Nanaimo bars; peameal bacon; maple syrup",
             "", "pop; hip hop"),
]
# capital; neighbours by land ("*" marks a landlocked country, "EU" a member of the EU)
_EXTRA = {
    "Côte d'Ivoire": ("Yamoussoukro", "Liberia; Guinea; Mali; Burkina Faso; Ghana"),
    "Ethiopia": ("Addis Ababa", "*; Eritrea; Djibouti; Somalia; Kenya; South Sudan; Sudan"),
    "India": ("New Delhi", "Pakistan; China; Nepal; Bhutan; Bangladesh; Myanmar"),
    "Egypt": ("Cairo", "Libya; Sudan; Israel; Palestine"),
    "Turkey": ("Ankara", "Greece; Bulgaria; Georgia; Armenia; Azerbaijan; Iran; Iraq; Syria"),
    "Iraq": ("Baghdad", "Turkey; Iran; Kuwait; Saudi Arabia; Jordan; Syria"),
    "Indonesia": ("Jakarta", "Malaysia; Papua New Guinea; East Timor"),
    "Thailand": ("Bangkok", "Myanmar; Laos; Cambodia; Malaysia"),
    "China": ("Beijing", "Russia; Mongolia; Kazakhstan; Kyrgyzstan; Tajikistan; Afghanistan; "
              "Pakistan; India; Nepal; Bhutan; Myanmar; Laos; Vietnam; North Korea"),
    "Brazil": ("Brasília", "Argentina; Uruguay; Paraguay; Bolivia; Peru; Colombia; Venezuela; "
               "Guyana; Suriname; French Guiana"),
    "Germany": ("Berlin", "EU; Denmark; Poland; Czech Republic; Austria; Switzerland; France; "
                "Luxembourg; Belgium; Netherlands"),
    "Colombia": ("Bogotá", "Venezuela; Brazil; Peru; Ecuador; Panama"),
    "Romania": ("Bucharest", "EU; Ukraine; Moldova; Hungary; Serbia; Bulgaria"),
    "Hungary": ("Budapest", "EU; *; Austria; Slovakia; Ukraine; Romania; Serbia; Croatia; "
                "Slovenia"),
    "Argentina": ("Buenos Aires", "Chile; Bolivia; Paraguay; Brazil; Uruguay"),
    "United States": ("Washington, D.C.", "Canada; Mexico"),
    "Venezuela": ("Caracas", "Colombia; Brazil; Guyana"),
    "Morocco": ("Rabat", "Algeria; Spain; Mauritania"),
    "Bangladesh": ("Dhaka", "India; Myanmar"),
    "Pakistan": ("Islamabad", "India; China; Afghanistan; Iran"),
    "Ecuador": ("Quito", "Colombia; Peru"),
    "Cuba": ("Havana", ""),
    "Vietnam": ("Hanoi", "China; Laos; Cambodia"),
    "South Korea": ("Seoul", "North Korea"),
    "Ukraine": ("Kyiv", "Russia; Belarus; Poland; Slovakia; Hungary; Romania; Moldova"),
    "Democratic Republic of the Congo": ("Kinshasa", "Republic of the Congo; Central African "
                                         "Republic; South Sudan; Uganda; Rwanda; Burundi; "
                                         "Tanzania; Zambia; Angola"),
    "Peru": ("Lima", "Ecuador; Colombia; Brazil; Bolivia; Chile"),
    "United Kingdom": ("London", "Ireland"),
    "Spain": ("Madrid", "EU; France; Portugal; Andorra; Morocco; Gibraltar"),
    "Iran": ("Tehran", "Iraq; Turkey; Armenia; Azerbaijan; Turkmenistan; Afghanistan; Pakistan"),
    "Mexico": ("Mexico City", "United States; Guatemala; Belize"),
    "Russia": ("Moscow", "Norway; Finland; Estonia; Latvia; Lithuania; Poland; Belarus; "
               "Ukraine; Georgia; Azerbaijan; Kazakhstan; China; Mongolia; North Korea"),
    "Japan": ("Tokyo", ""),
    "France": ("Paris", "EU; Belgium; Luxembourg; Germany; Switzerland; Italy; Monaco; Spain; "
               "Andorra"),
    "North Korea": ("Pyongyang", "China; South Korea; Russia"),
    "Philippines": ("Manila", ""),
    "Italy": ("Rome", "EU; France; Switzerland; Austria; Slovenia; San Marino; Vatican City"),
    "Chile": ("Santiago", "Peru; Bolivia; Argentina"),
    "Singapore": ("Singapore", ""),
    "Australia": ("Canberra", ""),
    "Taiwan": ("Taipei", ""),
    "Uzbekistan": ("Tashkent", "*; Kazakhstan; Kyrgyzstan; Tajikistan; Afghanistan; "
                   "Turkmenistan"),
    "Myanmar": ("Naypyidaw", "Bangladesh; India; China; Laos; Thailand"),
    "Canada": ("Ottawa", "United States"),
}


_POPULATION = {
    "Côte d'Ivoire": 29, "Ethiopia": 127, "India": 1430, "Egypt": 110, "Turkey": 85, "Iraq": 45,
    "Indonesia": 278, "Thailand": 70, "China": 1410, "Brazil": 203, "Germany": 84, "Colombia": 52,
    "Romania": 19, "Hungary": 9.6, "Argentina": 46, "United States": 335, "Venezuela": 28,
    "Morocco": 37, "Bangladesh": 172, "Pakistan": 240, "Ecuador": 18, "Cuba": 11, "Vietnam": 99,
    "South Korea": 52, "Ukraine": 37, "Democratic Republic of the Congo": 105, "Peru": 34,
    "United Kingdom": 68, "Spain": 48, "Iran": 89, "Mexico": 129, "Russia": 144, "Japan": 124,
    "France": 68, "North Korea": 26, "Philippines": 115, "Italy": 59, "Chile": 20,
    "Singapore": 5.9, "Australia": 27, "Taiwan": 23.5, "Uzbekistan": 36, "Myanmar": 54,
    "Canada": 40,
}
# fmt: on


def _with_extra(c: Country) -> Country:
  capital, nb = _EXTRA[c.name]
  parts = _split(nb)
  return dataclasses.replace(
    c,
    capital=capital,
    landlocked="*" in parts,
    eu="EU" in parts,
    neighbors=tuple(p for p in parts if p not in ("*", "EU")),
    population=float(_POPULATION[c.name]),
  )


COUNTRIES: dict[str, Country] = {c.name: _with_extra(c) for c in _COUNTRY_LIST}

# Countries none of the cities is in (name guesses and "is it in X?" get a plain no).
# Data laid out by hand, one record a line or a few: the formatter leaves it be.
# fmt: off
OTHER_COUNTRIES = _split(
    "Afghanistan; Albania; Algeria; Andorra; Angola; Antigua and Barbuda; Armenia; Austria; "
    "Azerbaijan; Bahamas; Bahrain; Barbados; Belarus; Belgium; Belize; Benin; Bhutan; Bolivia; "
    "Bosnia and Herzegovina; Bosnia; Botswana; Brunei; Bulgaria; Burkina Faso; Burundi; "
    "Cambodia; Cameroon; Cape Verde; Central African Republic; Chad; Comoros; "
    "Republic of the Congo; Congo-Brazzaville; Costa Rica; Croatia; Cyprus; Czech Republic; "
    "Czechia; Denmark; Djibouti; Dominica; Dominican Republic; East Timor; Timor-Leste; "
    "El Salvador; Equatorial Guinea; Eritrea; Estonia; Eswatini; Swaziland; Fiji; Finland; "
    "Gabon; Gambia; Georgia; Ghana; Greece; Grenada; Guatemala; Guinea; Guinea-Bissau; Guyana; "
    "Haiti; Honduras; Iceland; Ireland; Israel; Palestine; Jamaica; Jordan; Kazakhstan; Kenya; "
    "Kiribati; Kosovo; Kuwait; Kyrgyzstan; Laos; Latvia; Lebanon; Lesotho; Liberia; Libya; "
    "Liechtenstein; Lithuania; Luxembourg; Madagascar; Malawi; Malaysia; Maldives; Mali; "
    "Malta; Mauritania; Mauritius; Moldova; Monaco; Mongolia; Montenegro; Mozambique; Namibia; "
    "Nauru; Nepal; Netherlands; Holland; New Zealand; Nicaragua; Niger; Nigeria; "
    "North Macedonia; Norway; Oman; Palau; Panama; Papua New Guinea; Paraguay; Poland; "
    "Portugal; Puerto Rico; Qatar; Rwanda; Saint Lucia; Samoa; San Marino; Saudi Arabia; "
    "Senegal; Serbia; Seychelles; Sierra Leone; Slovakia; Slovenia; Solomon Islands; Somalia; "
    "South Africa; South Sudan; Sri Lanka; Ceylon; Sudan; Suriname; Sweden; Switzerland; Syria; "
    "Tajikistan; Tanzania; Togo; Tonga; Trinidad and Tobago; Tunisia; Turkmenistan; Tuvalu; "
    "Uganda; United Arab Emirates; UAE; Uruguay; Vanuatu; Vatican City; Yemen; Zambia; "
    "Zimbabwe; Scotland; Wales; Northern Ireland; Greenland; Tibet; Macau; Macao")
# fmt: on
