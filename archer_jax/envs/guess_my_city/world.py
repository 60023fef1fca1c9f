"""Places that are not among the 99 cities, so that questions about them get a definite answer:
other cities (with coordinates, for "is your city near Kyoto?"), regions, islands, waters,
rivers, mountains, landmarks, extra sub-continental regions, languages and demonyms."""

from __future__ import annotations

from archer_jax.envs.guess_my_city.text import split_list

# name | country | lat | lon   (approximate centre)
_OTHER_CITIES = """
Seoul|South Korea|37.57|126.98; Kyoto|Japan|35.01|135.77; Kobe|Japan|34.69|135.20;
Nara|Japan|34.69|135.80; Sapporo|Japan|43.06|141.35; Fukuoka|Japan|33.59|130.40;
Hiroshima|Japan|34.39|132.46; Kawasaki|Japan|35.53|139.70; Saitama|Japan|35.86|139.65;
Chiba|Japan|35.61|140.12; Sendai|Japan|38.27|140.87; Okinawa|Japan|26.21|127.68;
Shenzhen|China|22.54|114.06; Hangzhou|China|30.27|120.16; Suzhou|China|31.30|120.59;
Macau|China|22.20|113.55; Macao|China|22.20|113.55; Xiamen|China|24.48|118.09;
Zhengzhou|China|34.75|113.63; Changsha|China|28.23|112.94; Kunming|China|25.04|102.71;
Guilin|China|25.27|110.29; Lhasa|China|29.65|91.17; Urumqi|China|43.83|87.62;
Lanzhou|China|36.06|103.83; Shijiazhuang|China|38.04|114.51; Ningbo|China|29.87|121.54;
Hefei|China|31.82|117.23; Fuzhou|China|26.07|119.30; Nanning|China|22.82|108.32;
Dongguan|China|23.02|113.75; Foshan|China|23.02|113.12; Yantai|China|37.46|121.45;
Tangshan|China|39.63|118.18; Kaohsiung|Taiwan|22.63|120.30; Taichung|Taiwan|24.15|120.67;
Tainan|Taiwan|22.99|120.21; Ulaanbaatar|Mongolia|47.89|106.91; Gwangju|South Korea|35.16|126.85;
Daejeon|South Korea|36.35|127.38; Ulsan|South Korea|35.54|129.31; Suwon|South Korea|37.26|127.03;
Gyeongju|South Korea|35.86|129.22; Jeonju|South Korea|35.82|127.15; Kaesong|North Korea|37.97|126.55;
Manila|Philippines|14.60|120.98; Makati|Philippines|14.55|121.02; Cebu|Philippines|10.32|123.89;
Davao|Philippines|7.07|125.61; Kuala Lumpur|Malaysia|3.14|101.69; Penang|Malaysia|5.41|100.33;
Johor Bahru|Malaysia|1.49|103.74; Hanoi|Vietnam|21.03|105.85; Da Nang|Vietnam|16.05|108.20;
Phnom Penh|Cambodia|11.56|104.92; Siem Reap|Cambodia|13.36|103.86;
Vientiane|Laos|17.98|102.63; Naypyidaw|Myanmar|19.76|96.08; Mandalay|Myanmar|21.96|96.09;
Chiang Mai|Thailand|18.79|98.98; Phuket|Thailand|7.88|98.39; Pattaya|Thailand|12.93|100.88;
Yogyakarta|Indonesia|-7.80|110.36; Surakarta|Indonesia|-7.57|110.82;
Denpasar|Indonesia|-8.65|115.22; Palembang|Indonesia|-2.98|104.76; Makassar|Indonesia|-5.15|119.43;
Tangerang|Indonesia|-6.18|106.63; Bekasi|Indonesia|-6.24|106.99; Depok|Indonesia|-6.40|106.82;
Padang|Indonesia|-0.95|100.35; Pekanbaru|Indonesia|0.51|101.45; Batam|Indonesia|1.13|104.05;
Banda Aceh|Indonesia|5.55|95.32; Balikpapan|Indonesia|-1.24|116.85; Nusantara|Indonesia|-0.97|116.70;
Tegal|Indonesia|-6.87|109.14; Pekalongan|Indonesia|-6.89|109.68; Kediri|Indonesia|-7.82|112.01;
Batu|Indonesia|-7.87|112.52; Pune|India|18.52|73.86;
Jaipur|India|26.91|75.79; Agra|India|27.18|78.01; Lucknow|India|26.85|80.95;
Varanasi|India|25.32|82.97; Amritsar|India|31.63|74.87; Surat|India|21.17|72.83;
Kochi|India|9.93|76.27; Goa|India|15.50|73.83; Mysore|India|12.30|76.64; Gandhinagar|India|23.22|72.64;
Chandigarh|India|30.73|76.78; Noida|India|28.54|77.39; Gurgaon|India|28.46|77.03;
Allahabad|India|25.44|81.85; Patna|India|25.59|85.14; Bhopal|India|23.26|77.41;
Islamabad|Pakistan|33.68|73.05; Rawalpindi|Pakistan|33.60|73.04; Peshawar|Pakistan|34.01|71.58;
Multan|Pakistan|30.16|71.52; Quetta|Pakistan|30.18|66.99; Sialkot|Pakistan|32.49|74.53;
Chittagong|Bangladesh|22.36|91.78; Kathmandu|Nepal|27.72|85.32; Colombo|Sri Lanka|6.93|79.86;
Dubai|United Arab Emirates|25.20|55.27; Abu Dhabi|United Arab Emirates|24.45|54.38;
Riyadh|Saudi Arabia|24.71|46.68; Jeddah|Saudi Arabia|21.49|39.19;
Doha|Qatar|25.29|51.53; Kuwait City|Kuwait|29.38|47.99; Muscat|Oman|23.59|58.41;
Tel Aviv|Israel|32.09|34.78; Jerusalem|Israel|31.77|35.21; Beirut|Lebanon|33.89|35.50;
Damascus|Syria|33.51|36.29; Aleppo|Syria|36.20|37.16; Amman|Jordan|31.95|35.93;
Isfahan|Iran|32.65|51.67; Shiraz|Iran|29.59|52.58; Tabriz|Iran|38.08|46.29; Qom|Iran|34.64|50.88;
Karaj|Iran|35.84|50.94; Basra|Iraq|30.51|47.78; Mosul|Iraq|36.34|43.13; Erbil|Iraq|36.19|44.01;
Karbala|Iraq|32.62|44.02; Najaf|Iraq|32.03|44.35; Babylon|Iraq|32.54|44.42;
Antalya|Turkey|36.90|30.70; Bursa|Turkey|40.19|29.06; Konya|Turkey|37.87|32.48;
Adana|Turkey|37.00|35.32; Kabul|Afghanistan|34.56|69.21;
Almaty|Kazakhstan|43.24|76.89; Astana|Kazakhstan|51.17|71.43; Samarkand|Uzbekistan|39.65|66.96;
Bukhara|Uzbekistan|39.77|64.42; Bishkek|Kyrgyzstan|42.87|74.59; Dushanbe|Tajikistan|38.56|68.77;
Ashgabat|Turkmenistan|37.96|58.33; Baku|Azerbaijan|40.41|49.87; Tbilisi|Georgia|41.72|44.79;
Yerevan|Armenia|40.18|44.51; Lagos|Nigeria|6.52|3.38; Abuja|Nigeria|9.08|7.40;
Nairobi|Kenya|-1.29|36.82; Mombasa|Kenya|-4.04|39.67; Johannesburg|South Africa|-26.20|28.05;
Cape Town|South Africa|-33.92|18.42; Durban|South Africa|-29.86|31.02; Accra|Ghana|5.60|-0.19;
Dakar|Senegal|14.72|-17.47; Luanda|Angola|-8.84|13.23; Khartoum|Sudan|15.50|32.56;
Dar es Salaam|Tanzania|-6.79|39.21; Kampala|Uganda|0.35|32.58; Kigali|Rwanda|-1.94|30.06;
Algiers|Algeria|36.75|3.06; Tunis|Tunisia|36.81|10.18; Tripoli|Libya|32.89|13.19;
Rabat|Morocco|34.02|-6.84; Marrakech|Morocco|31.63|-8.01; Marrakesh|Morocco|31.63|-8.01;
Fez|Morocco|34.03|-5.00; Tangier|Morocco|35.76|-5.83; Agadir|Morocco|30.43|-9.60;
Chefchaouen|Morocco|35.17|-5.27; Luxor|Egypt|25.69|32.64; Aswan|Egypt|24.09|32.90;
Sharm el-Sheikh|Egypt|27.92|34.33; Port Said|Egypt|31.26|32.30; Lubumbashi|Democratic Republic of the Congo|-11.66|27.48;
Kisangani|Democratic Republic of the Congo|0.52|25.19; Brazzaville|Republic of the Congo|-4.27|15.28;
Yamoussoukro|Côte d'Ivoire|6.83|-5.29; Bouaké|Côte d'Ivoire|7.69|-5.03; Grand-Bassam|Côte d'Ivoire|5.21|-3.74;
Lalibela|Ethiopia|12.03|39.04; Gondar|Ethiopia|12.60|37.47; Bahir Dar|Ethiopia|11.59|37.39;
Barcelona|Spain|41.39|2.17; Seville|Spain|37.39|-5.98; Valencia|Spain|39.47|-0.38;
Granada|Spain|37.18|-3.60; Bilbao|Spain|43.26|-2.93; Toledo|Spain|39.86|-4.02;
Lisbon|Portugal|38.72|-9.14; Porto|Portugal|41.15|-8.61; Milan|Italy|45.46|9.19;
Venice|Italy|45.44|12.32; Florence|Italy|43.77|11.26; Naples|Italy|40.85|14.27;
Turin|Italy|45.07|7.69; Pisa|Italy|43.72|10.40; Munich|Germany|48.14|11.58;
Hamburg|Germany|53.55|9.99; Frankfurt|Germany|50.11|8.68; Cologne|Germany|50.94|6.96;
Potsdam|Germany|52.39|13.06; Dresden|Germany|51.05|13.74; Leipzig|Germany|51.34|12.37;
Vienna|Austria|48.21|16.37; Prague|Czech Republic|50.08|14.44; Warsaw|Poland|52.23|21.01;
Krakow|Poland|50.06|19.94; Amsterdam|Netherlands|52.37|4.90; Brussels|Belgium|50.85|4.35;
Zurich|Switzerland|47.38|8.54; Geneva|Switzerland|46.20|6.14; Stockholm|Sweden|59.33|18.07;
Oslo|Norway|59.91|10.75; Copenhagen|Denmark|55.68|12.57; Helsinki|Finland|60.17|24.94;
Dublin|Ireland|53.35|-6.26; Edinburgh|United Kingdom|55.95|-3.19; Manchester|United Kingdom|53.48|-2.24;
Liverpool|United Kingdom|53.41|-2.98; Birmingham|United Kingdom|52.49|-1.89; Oxford|United Kingdom|51.75|-1.26;
Cambridge|United Kingdom|52.21|0.12; Athens|Greece|37.98|23.73; Lyon|France|45.76|4.84;
Marseille|France|43.30|5.37; Versailles|France|48.80|2.13;
Kharkiv|Ukraine|49.99|36.23; Odesa|Ukraine|46.48|30.72; Odessa|Ukraine|46.48|30.72;
Lviv|Ukraine|49.84|24.03; Chernobyl|Ukraine|51.27|30.22; Minsk|Belarus|53.90|27.56;
Novosibirsk|Russia|55.01|82.93; Yekaterinburg|Russia|56.84|60.61; Kazan|Russia|55.80|49.11;
Vladivostok|Russia|43.12|131.89; Sochi|Russia|43.60|39.73; Kaliningrad|Russia|54.71|20.51;
Cluj-Napoca|Romania|46.77|23.59; Brasov|Romania|45.66|25.61; Constanta|Romania|44.18|28.63;
Debrecen|Hungary|47.53|21.63; Belgrade|Serbia|44.79|20.45; Sofia|Bulgaria|42.70|23.32;
Zagreb|Croatia|45.81|15.98; Bratislava|Slovakia|48.15|17.11; Washington|United States|38.91|-77.04;
Boston|United States|42.36|-71.06; San Francisco|United States|37.77|-122.42; Seattle|United States|47.61|-122.33;
Miami|United States|25.76|-80.19; Atlanta|United States|33.75|-84.39; Dallas|United States|32.78|-96.80;
Austin|United States|30.27|-97.74; San Antonio|United States|29.42|-98.49; Philadelphia|United States|39.95|-75.17;
Detroit|United States|42.33|-83.05; Las Vegas|United States|36.17|-115.14; New Orleans|United States|29.95|-90.07;
Denver|United States|39.74|-104.99; Phoenix|United States|33.45|-112.07; San Diego|United States|32.72|-117.16;
Galveston|United States|29.30|-94.80; Milwaukee|United States|43.04|-87.91; Honolulu|United States|21.31|-157.86;
Montreal|Canada|45.50|-73.57; Vancouver|Canada|49.28|-123.12; Ottawa|Canada|45.42|-75.70;
Calgary|Canada|51.05|-114.07; Quebec City|Canada|46.81|-71.21; Niagara Falls|Canada|43.09|-79.08;
Hamilton|Canada|43.26|-79.87; Guadalajara|Mexico|20.66|-103.35; Monterrey|Mexico|25.69|-100.32;
Cancun|Mexico|21.16|-86.85; Tijuana|Mexico|32.51|-117.04; Puebla|Mexico|19.04|-98.21;
Acapulco|Mexico|16.85|-99.88; Guatemala City|Guatemala|14.63|-90.51; San Jose|Costa Rica|9.93|-84.08;
Panama City|Panama|8.98|-79.52; Santo Domingo|Dominican Republic|18.49|-69.93; San Juan|Puerto Rico|18.47|-66.11;
Kingston|Jamaica|18.01|-76.79; Santiago de Cuba|Cuba|20.02|-75.82; Varadero|Cuba|23.15|-81.25;
Barranquilla|Colombia|10.96|-74.80; Cartagena|Colombia|10.39|-75.48; Bucaramanga|Colombia|7.12|-73.12;
Quito|Ecuador|-0.18|-78.47; Cuenca|Ecuador|-2.90|-79.00; La Paz|Bolivia|-16.49|-68.12;
Santa Cruz|Bolivia|-17.81|-63.16; Asuncion|Paraguay|-25.26|-57.58; Montevideo|Uruguay|-34.90|-56.16;
Cordoba|Argentina|-31.42|-64.18; Rosario|Argentina|-32.95|-60.65; Mendoza|Argentina|-32.89|-68.85;
La Plata|Argentina|-34.92|-57.95; Valparaiso|Chile|-33.05|-71.62; Vina del Mar|Chile|-33.02|-71.55;
Cusco|Peru|-13.53|-71.97; Arequipa|Peru|-16.41|-71.54; Callao|Peru|-12.06|-77.12;
Recife|Brazil|-8.05|-34.88; Manaus|Brazil|-3.12|-60.02; Porto Alegre|Brazil|-30.03|-51.23;
Curitiba|Brazil|-25.43|-49.27; Belem|Brazil|-1.46|-48.50; Santos|Brazil|-23.96|-46.33;
Campinas|Brazil|-22.91|-47.06; Niteroi|Brazil|-22.88|-43.10; Natal|Brazil|-5.79|-35.21;
Florianopolis|Brazil|-27.60|-48.55; Goiania|Brazil|-16.69|-49.26; Maracaibo|Venezuela|10.65|-71.64;
Maracay|Venezuela|10.25|-67.60; Melbourne|Australia|-37.81|144.96; Brisbane|Australia|-27.47|153.03;
Perth|Australia|-31.95|115.86; Adelaide|Australia|-34.93|138.60; Canberra|Australia|-35.28|149.13;
Auckland|New Zealand|-36.85|174.76; Wellington|New Zealand|-41.29|174.78;
Santiago de Compostela|Spain|42.88|-8.54; Santiago de los Caballeros|Dominican Republic|19.45|-70.69;
Qufu|China|35.60|116.99; Khiva|Uzbekistan|41.38|60.36; Baguio|Philippines|16.41|120.60;
Baguio City|Philippines|16.41|120.60; Wenzhou|China|28.00|120.67;
Tai'an|China|36.19|117.12; Weifang|China|36.71|119.16;
Luoyang|China|34.62|112.45; Kaifeng|China|34.80|114.31; Datong|China|40.08|113.30;
Pingyao|China|37.20|112.18; Dunhuang|China|40.14|94.66; Chiang Rai|Thailand|19.91|99.84;
Ayutthaya|Thailand|14.35|100.57; Bagan|Myanmar|21.17|94.86; Haiphong|Vietnam|20.86|106.68;
Nha Trang|Vietnam|12.24|109.19; Pasay|Philippines|14.54|121.00;
Izmit|Turkey|40.77|29.92;
Trabzon|Turkey|41.00|39.72; Kerman|Iran|30.28|57.08;
Yazd|Iran|31.90|54.37; Herat|Afghanistan|34.35|62.20; Kandahar|Afghanistan|31.61|65.71;
Hyderabad Sindh|Pakistan|25.40|68.37; Gujranwala|Pakistan|32.16|74.19; Sylhet|Bangladesh|24.90|91.87;
Khulna|Bangladesh|22.82|89.55; Coimbatore|India|11.02|76.96; Madurai|India|9.93|78.12;
Thiruvananthapuram|India|8.52|76.94; Bhubaneswar|India|20.30|85.82; Guwahati|India|26.14|91.74;
Indore|India|22.72|75.86; Nagpur|India|21.15|79.09; Vadodara|India|22.31|73.18;
Visakhapatnam|India|17.69|83.22; Darjeeling|India|27.04|88.26; Udaipur|India|24.59|73.71;
Jodhpur|India|26.24|73.02; Shimla|India|31.10|77.17; Medina|Saudi Arabia|24.47|39.61;
Alexandria Virginia|United States|38.80|-77.05; Memphis|United States|35.15|-90.05;
Nashville|United States|36.16|-86.78; Minneapolis|United States|44.98|-93.27;
Pittsburgh|United States|40.44|-80.00; Cleveland|United States|41.50|-81.69;
Baltimore|United States|39.29|-76.61; Sacramento|United States|38.58|-121.49;
Portland|United States|45.52|-122.68; Salt Lake City|United States|40.76|-111.89;
Orlando|United States|28.54|-81.38; Tampa|United States|27.95|-82.46;
Charlotte|United States|35.23|-80.84; Indianapolis|United States|39.77|-86.16;
Columbus|United States|39.96|-83.00; Fort Worth|United States|32.76|-97.33;
Oakland|United States|37.80|-122.27; San Jose California|United States|37.34|-121.89;
Merida|Mexico|20.97|-89.62; Oaxaca City|Mexico|17.07|-96.73; Veracruz City|Mexico|19.17|-96.13;
Manizales|Colombia|5.07|-75.52; Pereira|Colombia|4.81|-75.69; Armenia Colombia|Colombia|4.53|-75.68;
Santa Marta|Colombia|11.24|-74.20; Pasto|Colombia|1.21|-77.28; Popayan|Colombia|2.44|-76.61;
Ibague|Colombia|4.44|-75.23; Cucuta|Colombia|7.89|-72.51; Barquisimeto|Venezuela|10.07|-69.32;
Trujillo|Peru|-8.11|-79.03; Chiclayo|Peru|-6.77|-79.84;
Iquitos|Peru|-3.75|-73.25; Salta|Argentina|-24.78|-65.41; Mar del Plata|Argentina|-38.00|-57.56;
Ushuaia|Argentina|-54.80|-68.30; Concepcion|Chile|-36.83|-73.05; Antofagasta|Chile|-23.65|-70.40;
Ouro Preto|Brazil|-20.39|-43.50; Joao Pessoa|Brazil|-7.12|-34.86;
Maceio|Brazil|-9.67|-35.74; Aracaju|Brazil|-10.91|-37.07; Teresina|Brazil|-5.09|-42.80;
Sao Luis|Brazil|-2.53|-44.30; Vitoria|Brazil|-20.32|-40.34; Uberlandia|Brazil|-18.92|-48.28;
Contagem|Brazil|-19.93|-44.05; Betim|Brazil|-19.97|-44.20; Guarulhos|Brazil|-23.46|-46.53;
Trinidad Cuba|Cuba|21.80|-79.98; Camaguey|Cuba|21.38|-77.92;
Marseilles|France|43.30|5.37; Bordeaux|France|44.84|-0.58; Toulouse|France|43.60|1.44;
Strasbourg|France|48.57|7.75; Lille|France|50.63|3.06; Malaga|Spain|36.72|-4.42;
Salamanca|Spain|40.97|-5.66; Zaragoza|Spain|41.65|-0.89; Genoa|Italy|44.41|8.93;
Bologna|Italy|44.49|11.34; Verona|Italy|45.44|10.99; Palermo|Italy|38.12|13.36;
Stuttgart|Germany|48.78|9.18; Dusseldorf|Germany|51.23|6.77; Nuremberg|Germany|49.45|11.08;
Bremen|Germany|53.08|8.80; Hanover|Germany|52.38|9.73; Timisoara|Romania|45.75|21.23;
Iasi|Romania|47.16|27.59; Szeged|Hungary|46.25|20.15; Pecs|Hungary|46.07|18.23;
Dnipro|Ukraine|48.46|35.05; Zaporizhzhia|Ukraine|47.84|35.14; Nizhny Novgorod|Russia|56.33|44.00;
Samara|Russia|53.20|50.15; Murmansk|Russia|68.97|33.09; Irkutsk|Russia|52.29|104.28;
Glasgow|United Kingdom|55.86|-4.25; Leeds|United Kingdom|53.80|-1.55; Bristol|United Kingdom|51.45|-2.59;
Kumasi|Ghana|6.69|-1.62; Ibadan|Nigeria|7.38|3.95; Kano|Nigeria|12.00|8.52;
Goma|Democratic Republic of the Congo|-1.68|29.23; Matadi|Democratic Republic of the Congo|-5.82|13.45;
Mekele|Ethiopia|13.50|39.47; Dire Dawa|Ethiopia|9.59|41.87; Axum|Ethiopia|14.12|38.72;
Aksum|Ethiopia|14.12|38.72; Harar|Ethiopia|9.31|42.12; Meknes|Morocco|33.89|-5.55;
Essaouira|Morocco|31.51|-9.77; Ismailia|Egypt|30.60|32.27; Hurghada|Egypt|27.26|33.81;
San Pedro|Côte d'Ivoire|4.75|-6.64; Korhogo|Côte d'Ivoire|9.46|-5.63; Gold Coast|Australia|-28.02|153.40;
Newcastle|Australia|-32.93|151.78; Wollongong|Australia|-34.42|150.89; Darwin|Australia|-12.46|130.84;
Hobart|Australia|-42.88|147.33; Christchurch|New Zealand|-43.53|172.64
"""


def _parse_cities(text: str) -> tuple[tuple[str, str, float, float], ...]:
  out = []
  for item in split_list(" ".join(text.split("\n"))):
    name, country, lat, lon = (p.strip() for p in item.split("|"))
    out.append((name, country, float(lat), float(lon)))
  return tuple(out)


OTHER_CITIES = _parse_cities(_OTHER_CITIES)

# Data laid out by hand, one record a line or a few: the formatter leaves it be.
# fmt: off
OTHER_REGIONS = split_list(
    # India
    "Rajasthan; Kerala; Bihar; Madhya Pradesh; Andhra Pradesh; Odisha; Orissa; Assam; Goa; "
    "Haryana; Himachal Pradesh; Jammu and Kashmir; Kashmir; Uttarakhand; Jharkhand; "
    "Chhattisgarh; Sikkim; Northeast India; Central India; "
    # Pakistan, Bangladesh
    "Khyber Pakhtunkhwa; Balochistan; Baluchistan; Gilgit-Baltistan; Islamabad Capital Territory; "
    "Chittagong Division; "
    # China
    "Zhejiang; Fujian; Yunnan; Guangxi; Hunan; Henan; Hebei; Anhui; Jiangxi; Guizhou; Gansu; "
    "Qinghai; Xinjiang; Tibet; Inner Mongolia; Ningxia; Hainan; "
    # Japan
    "Hokkaido; Kyushu; Tohoku; Chugoku; Shikoku; Okinawa; Hyogo; Kyoto Prefecture; Chiba; Saitama; "
    "Shizuoka; Hiroshima Prefecture; Fukuoka Prefecture; "
    # Koreas
    "Gangwon; Gangwon Province; Gyeonggi; Gyeonggi Province; Jeju; Jeolla; Chungcheong; "
    "South Gyeongsang; North Hamgyong; "
    # Indonesia, Philippines, SE Asia
    "Bali; Banten; Special Region of Yogyakarta; Aceh; West Sumatra; South Sumatra; Riau; "
    "South Sulawesi; Kalimantan; East Kalimantan; Papua; Lampung; Central Luzon; Visayas; "
    "Mindanao; Calabarzon; Mekong Delta region; Red River Delta; Northern Thailand; Isan; "
    # Middle East, Central Asia, Turkey
    "Isfahan Province; Fars; Khuzestan; Kurdistan; Iraqi Kurdistan; Black Sea Region; "
    "Mediterranean Region; Eastern Anatolia; Southeastern Anatolia; Cappadocia; Samarkand Region; "
    "Fergana Valley; "
    # Africa
    "Upper Egypt; Sinai; Sinai Peninsula; Katanga; Tigray; Oromia; Amhara; Rif; Sahara; Sahel; "
    # Europe
    "Bavaria; Hesse; Saxony; North Rhine-Westphalia; Catalonia; Andalusia; Basque Country; "
    "Galicia; Valencia Region; Provence; Normandy; Brittany; Alsace; Tuscany; Lombardy; Sicily; "
    "Veneto; Campania; Transylvania; Moldavia; Siberia; Russian Far East; Urals; Tatarstan; "
    "Crimea; Donbas; Western Ukraine; Scotland; Wales; Northern England; Yorkshire; "
    # Americas
    "Alaska; Hawaii; Florida; Arizona; Nevada; Washington State; Oregon; Colorado; Georgia State; "
    "Louisiana; Massachusetts; Pennsylvania; Michigan; Ohio; New Jersey; Virginia; "
    "New England; Pacific Northwest; Deep South; Midwest United States; "
    "Quebec; British Columbia; Alberta; Nova Scotia; Manitoba; "
    "Jalisco; Nuevo León; Yucatán; Baja California; Oaxaca; Quintana Roo; "
    "Pernambuco; Paraná; Rio Grande do Sul; Santa Catarina; Amazonas; Pará; Goiás; "
    "South Region; North Region; Amazon; Amazonia; Amazon rainforest; Patagonia; "
    "Atlántico; Bolívar; Santander; Caribbean Region; Pichincha; Andean highlands; Zulia; "
    "Mendoza Province; Córdoba Province; Cusco Region; "
    "Caldas; Risaralda; Quindío; Nariño; Boyacá; Tolima; Huila; Meta; Córdoba Department; "
    "Magdalena Department; Cesar; La Guajira; Chocó; Cauca Department; "
    "Pampanga; Pangasinan; Ilocos Norte; Ilocos Sur; Bulacan; Nueva Ecija; Tarlac; Benguet; "
    "La Union; Cavite; Laguna; Batangas; Rizal; Bataan; Zambales; Cebu Province; "
    "Veracruz; Tamaulipas; Tabasco; Campeche; Chiapas; Guerrero; Michoacán; Sonora; Chihuahua; "
    "Sinaloa; Querétaro; Guanajuato; State of Mexico; Estado de México; "
    "Minnesota; Wisconsin; Indiana; Missouri; Tennessee; Kentucky; North Carolina; "
    "South Carolina; Alabama; Mississippi; Oklahoma; Kansas; Utah; New Mexico; Iowa; Maryland; "
    "Connecticut; Southern California (Orange County); Bay Area; "
    "Miranda; Carabobo; Lara; Aragua; Anzoátegui; Mérida; "
    "Mato Grosso; Mato Grosso do Sul; Espírito Santo; Maranhão; Piauí; Paraíba; Alagoas; "
    "Sergipe; Rio Grande do Norte; Tocantins; Rondônia; Acre; Roraima; Amapá; "
    "Esmeraldas; Manabí; Azuay; El Oro; Los Ríos; Galápagos Province; "
    "Piura; La Libertad; Lambayeque; Loreto; Junín; Cajamarca; Puno; Ica; Arequipa Region; "
    "Castilla y León; Castile and León; Castilla-La Mancha; Castile-La Mancha; Aragon; "
    "Extremadura; Asturias; Cantabria; Navarre; Murcia; Balearic Islands; Canary Islands; "
    "Jambi; Bengkulu; Central Kalimantan; North Sulawesi; Maluku; Gorontalo; "
    "Gilan; Mazandaran; Kerman; Yazd; Hamadan; Golestan; North Khorasan; South Khorasan; "
    "Nineveh; Anbar; Kirkuk; Babil; Nagano; Niigata; Miyagi; Ishikawa; Gifu; Mie; Shiga; "
    "Okayama; Kagoshima; Kumamoto; Nagasaki; Wakayama; North Chungcheong; South Jeolla; "
    "North Jeolla; Moscow Oblast; Krasnodar Krai; Lviv Oblast; Kharkiv Oblast; Odesa Oblast; "
    "Red Sea Governorate; Luxor Governorate; Aswan Governorate; Suez; Rabat-Salé-Kénitra; "
    "Marrakesh-Safi; Fès-Meknès; Tanger-Tetouan-Al Hoceima; Kongo Central; Kasai; North Kivu; "
    "South Kivu; Matanzas; Pinar del Río; Camagüey; Holguín; Villa Clara; Cienfuegos; "
    "Artemisa; Mayabeque; Chiang Mai Province; Phuket Province; Ayeyarwady Region; Ayeyarwady; "
    "Mandalay Region; Bago Region; Shan State; Kachin State; Rakhine State; Sagaing Region; "
    "Magway Region; Tanintharyi Region; Mon State; Kayin State; "
    # Oceania
    "Victoria; Queensland; Western Australia; South Australia; Tasmania; Northern Territory; "
    "Outback")

EXTRA_SUBREGIONS = split_list(
    "Scandinavia; Nordic countries; Baltic states; Balkans; Central America; Southern Africa; "
    "Arabian Peninsula; Persian Gulf region; Gulf states; Levant; Caucasus; Near East; "
    "Western Asia; Northern Europe; Southern Europe; Western Europe; Central Europe; "
    "Eastern Europe; Southeast Europe; North Asia; Northeast Asia; Far East; Eurasia; "
    "Polynesia; Melanesia; Micronesia; Pacific Islands; West Indies; Greater Antilles; "
    "Antarctica; the Americas; Americas; Mediterranean region; Indian Ocean region; "
    "Sub-Saharan Africa; Southern Hemisphere countries; Asia-Pacific; Australasia; Orient")

OTHER_ISLANDS = split_list(
    "Bali; Borneo; Sulawesi; Lombok; Madura; Hokkaido; Kyushu; Shikoku; Okinawa; Jeju; "
    "Hainan; Sri Lanka; Madagascar; Sicily; Sardinia; Corsica; Crete; Cyprus; Ireland; Iceland; "
    "Greenland; Tasmania; New Guinea; Mindanao; Cebu; Palawan; Zanzibar; Puerto Rico; Jamaica; "
    "Hispaniola; Trinidad; Hawaii; Vancouver Island; Long Island Sound")

OTHER_WATERS = split_list(
    "Red Sea; Persian Gulf; Arabian Gulf; Caspian Sea; Dead Sea; North Sea; Adriatic Sea; "
    "Ionian Sea; Indian Ocean; Arctic Ocean; Southern Ocean; Lake Victoria; Lake Titicaca; "
    "Great Lakes; Lake Erie; Lake Superior; Lake Huron; Lake Geneva; Lake Baikal; Lake Como; "
    "Lake Toba; Gulf of Thailand; Gulf of Aden; Gulf of Oman; Bering Sea; Sea of Okhotsk; "
    "Philippine Sea; Celebes Sea; Sulu Sea; Coral Sea; Timor Sea; Banda Sea; Flores Sea; "
    "Bismarck Sea; Gulf of California; Gulf of Alaska; Hudson Bay; Chesapeake Bay; "
    "San Francisco Bay; Bay of Biscay; English Channel; Irish Sea; Tyrrhenian Sea; Ligurian Sea; "
    "Sea of Azov; White Sea; Barents Sea; Bohai Bay; Taiwan Strait; Strait of Gibraltar; "
    "Suez Canal; Panama Canal; Seto Inland Sea; Sea of Marmara; Lake Michigan; Lake Ontario; "
    "Mediterranean; Aegean; Caribbean")

OTHER_RIVERS = split_list(
    "Mississippi River; Amazon River; Mekong River; Volga River; Rhine River; Indus River; "
    "Euphrates River; Brahmaputra River; Orinoco River; Paraná River; Magdalena River; "
    "São Francisco River; Zambezi River; Niger River; Elbe River; Loire River; Rhône River; "
    "Po River; Ebro River; Tagus River; Douro River; Vltava River; Colorado River; Rio Grande; "
    "Missouri River; Ohio River; St. Lawrence River; Columbia River; Ob River; Yenisei River; "
    "Lena River; Amur River; Huai River; Liao River; Red River; Tumen River; Yalu River; "
    "Irrawaddy River; Salween River; Jordan River; Karun River; "
    "Zayandeh River; Syr Darya; Amu Darya; Dniester River; Vistula River; Oder River; "
    "Murray River; Blue Nile; White Nile; Godavari River; Krishna River; Narmada River; "
    "Kaveri River; Jhelum River; Chenab River; Sutlej River; Padma River; Meghna River; "
    "Solo River; Citarum River; Kapuas River; Mahakam River")

OTHER_MOUNTAINS = split_list(
    "Himalayas; Himalaya; Mount Everest; Alps; Rocky Mountains; Rockies; Atlas Mountains; "
    "Urals; Ural Mountains; Caucasus Mountains; Pyrenees; Appalachian Mountains; Appalachians; "
    "Carpathian Mountains; Carpathians; Zagros Mountains; Hindu Kush; Karakoram; Pamir Mountains; "
    "Kilimanjaro; Mount Kilimanjaro; Mount Kenya; Simien Mountains; Sierra Nevada; Apennines; "
    "Dolomites; Mount Etna; Mount Vesuvius; Mount Olympus; Table Mountain; Drakensberg; "
    "Great Dividing Range; Western Ghats; Eastern Ghats; Vindhya Range; Aravalli; "
    "Changbai Mountains; Kunlun Mountains; Mount Emei; Huangshan; Yellow Mountain; "
    "Mount Wutai; Mount Kinabalu; Mount Merapi; Mount Rinjani; Mount Agung; Mount Bromo; "
    "Mount Semeru; Mount Pinatubo; Mount Mayon; Andes Mountains; Sierra Madre; Cascade Range; "
    "Jeju Halla; Hallasan; Seoraksan; Jirisan; Baekdu Mountain; Mount Paektu")

OTHER_LANDMARKS = split_list(
    "Taj Mahal; Machu Picchu; Petra; Angkor Wat; Burj Khalifa; Burj Al Arab; Golden Gate Bridge; "
    "Acropolis; Parthenon; Sagrada Familia; Sagrada Família; Leaning Tower of Pisa; Stonehenge; "
    "Alhambra; Neuschwanstein Castle; Mount Rushmore; Grand Canyon; Table Mountain; "
    "Victoria Falls; Iguazu Falls; Iguaçu Falls; Chichen Itza; Uluru; Great Barrier Reef; "
    "Potala Palace; West Lake; Zhangjiajie; Li River; Huangshan; Space Needle; White House; "
    "Lincoln Memorial; Washington Monument; Capitol Building; Mont Saint-Michel; "
    "Sheikh Zayed Mosque; Kaaba; Western Wall; Wailing Wall; Dome of the Rock; "
    "Golden Temple; Hawa Mahal; Amber Fort; Mysore Palace; Meenakshi Temple; Sigiriya; "
    "Bagan; Borobudur; Prambanan; Ha Long Bay; Halong Bay; Petronas Towers; Fushimi Inari; "
    "Kinkaku-ji; Golden Pavilion; Itsukushima; Himeji Castle; Gyeongbokgung; N Seoul Tower; "
    "Lotte World Tower; Hagia Sophia of Kyiv; Pyramids of Teotihuacan; Moai; Easter Island; "
    "Galápagos Islands; Galapagos; Atacama Desert; Salar de Uyuni; Perito Moreno Glacier; "
    "Banff; Yellowstone; Niagara Falls (US side); Times Square (Hong Kong); Jeronimos Monastery; "
    "Belem Tower; Charles Bridge; Schönbrunn Palace; Atomium; Manneken Pis; Little Mermaid; "
    "Blue Lagoon; Cliffs of Moher; Giant's Causeway; Edinburgh Castle; Abu Simbel; "
    "Valley of the Kings; Karnak Temple; Luxor Temple; Rock-Hewn Churches of Lalibela; "
    "Lalibela churches; Ngorongoro Crater; Serengeti; Lake Toba; Mount Bromo; Komodo")

DEMONYMS = {
    "Chinese": "China", "Indian": "India", "Japanese": "Japan", "Brazilian": "Brazil",
    "Indonesian": "Indonesia", "American": "United States", "Pakistani": "Pakistan",
    "Egyptian": "Egypt", "Turkish": "Turkey", "Korean": "South Korea", "South Korean": "South Korea",
    "North Korean": "North Korea", "Colombian": "Colombia", "Mexican": "Mexico",
    "Russian": "Russia", "Iranian": "Iran", "Persian": "Iran", "Iraqi": "Iraq",
    "Thai": "Thailand", "Vietnamese": "Vietnam", "Filipino": "Philippines", "German": "Germany",
    "French": "France", "Italian": "Italy", "Spanish": "Spain", "British": "United Kingdom",
    "English": "United Kingdom", "Argentine": "Argentina", "Argentinian": "Argentina",
    "Peruvian": "Peru", "Chilean": "Chile", "Venezuelan": "Venezuela", "Ecuadorian": "Ecuador",
    "Cuban": "Cuba", "Canadian": "Canada", "Australian": "Australia", "Moroccan": "Morocco",
    "Ethiopian": "Ethiopia", "Congolese": "Democratic Republic of the Congo",
    "Ivorian": "Côte d'Ivoire", "Bangladeshi": "Bangladesh", "Ukrainian": "Ukraine",
    "Romanian": "Romania", "Hungarian": "Hungary", "Uzbek": "Uzbekistan", "Burmese": "Myanmar",
    "Taiwanese": "Taiwan", "Singaporean": "Singapore",
}

LANGUAGE_WORDS = split_list(
    "English; Spanish; French; German; Portuguese; Italian; Russian; Arabic; Chinese; Mandarin; "
    "Cantonese; Japanese; Korean; Hindi; Urdu; Bengali; Bangla; Punjabi; Tamil; Telugu; Kannada; "
    "Marathi; Gujarati; Turkish; Persian; Farsi; Indonesian; Bahasa; Javanese; Sundanese; Malay; "
    "Thai; Vietnamese; Tagalog; Filipino; Burmese; Uzbek; Ukrainian; Romanian; Hungarian; "
    "Amharic; Oromo; Swahili; Dutch; Greek; Hebrew; Polish; Swedish; Lingala; Quechua; Berber; "
    "Amazigh; Kurdish; Sindhi; Pashto; Hokkien; Taiwanese; Shanghainese; Wu; Betawi; Madurese; "
    "Batak; Cirebonese; Darija; Dioula; Baoule; Catalan; Basque; Galician; Yoruba; Hausa; Zulu; "
    "Afrikaans; Nepali; Sinhala; Khmer; Lao; Mongolian; Kazakh; Tajik; Armenian; Georgian; "
    "Azerbaijani; Serbian; Croatian; Czech; Slovak; Bulgarian; Finnish; Norwegian; Danish; "
    "Creole; Guarani; Aymara; Nahuatl; Maya; Tibetan; Uyghur; Hakka; Teochew; Min")
# fmt: on
