"""Guess My City data: Africa, Europe (with Russia) and Oceania."""
from __future__ import annotations

from archer_jax.envs.guess_my_city.records import city

CITIES = [
    # ---- Africa ------------------------------------------------------------------------
    city("abidjan,cote d’ivorie", "Abidjan", "", "Côte d'Ivoire",
         regions="Abidjan Autonomous District; Lagunes", parts="south; southeast", lat=5.32,
         lon=-4.03, elevation=20, population=5.6, climate="Am", temp=26.5, rain=1800,
         former_capital="Côte d'Ivoire (1933-1983); it is still the seat of government and "
                        "economic capital",
         coast="south", waters="Gulf of Guinea; Atlantic Ocean; Ébrié Lagoon",
         landmarks="St. Paul's Cathedral|cathedral church modern; Plateau business district|skyscraper business; "
                   "Banco National Park|park forest; Hôtel Ivoire|hotel; Treichville Market|market; "
                   "Grand-Bassam (nearby)|colonial town unesco beach",
         teams="ASEC Mimosas and Africa Sports (football)",
         economy="the largest port in West Africa; cocoa and coffee exports; finance; industry",
         people="Didier Drogba (footballer, born there)",
         festivals="FEMUA music festival (Festival des Musiques Urbaines d'Anoumabo)",
         universities="Félix Houphouët-Boigny University",
         nicknames="Pearl of the Lagoons; Babi", borders="Ghana", founded=1903,
         history="A small fishing village that became the colonial capital in 1933 after the "
                 "Vridi Canal opened its lagoon to the sea; the birthplace of coupé-décalé and "
                 "zouglou music.",
         transport="Buses, orange taxis (woro-woro), lagoon boats and a metro under construction."),
    city("addis ababa,ethopia", "Addis Ababa", "Addis Abeba; Addis; Finfinne",
         "Ethiopia", regions="Addis Ababa Chartered City; Shewa", parts="central", lat=9.03,
         lon=38.74, elevation=2355, population=5.0, climate="Cwb", temp=16.5, rain=1100,
         capital="national", mountains="Entoto Mountains; Ethiopian Highlands",
         languages="Amharic; Oromo; English",
         dishes="injera; doro wat; kitfo; tibs; shiro; Ethiopian coffee ceremony",
         landmarks="Holy Trinity Cathedral|cathedral church orthodox; National Museum of Ethiopia (Lucy)|museum fossil; "
                   "Merkato|market; St. George's Cathedral|cathedral church; Unity Park|park palace; "
                   "Entoto Hill|mountain park church; African Union headquarters|building; Meskel Square|square",
         teams="Saint George SC (football)",
         economy="government and diplomacy (African Union, UN Economic Commission for Africa); "
                 "services; coffee trade; Ethiopian Airlines hub",
         people="Haile Selassie (emperor, buried there); Teddy Afro (singer, born there)",
         festivals="Timkat; Meskel bonfire in Meskel Square",
         universities="Addis Ababa University",
         nicknames="New Flower; Capital of Africa; Political capital of Africa", founded=1886,
         history="Founded in 1886 by Emperor Menelik II and Empress Taytu; seat of the African "
                 "Union; one of the highest capitals in the world.",
         transport="The first light rail in sub-Saharan Africa (2015), blue-and-white minibus taxis "
                   "and Bole International Airport."),
    city("alexandria,egypt", "Alexandria", "Alexandrie; Iskandariya; Al-Iskandariyah", "Egypt",
         regions="Alexandria Governorate; Lower Egypt; Nile Delta", parts="north; northwest",
         lat=31.20, lon=29.92, elevation=5, population=5.4, climate="BWh", temp=20.5, rain=180,
         former_capital="Ptolemaic and Roman Egypt", coast="north", waters="Mediterranean Sea; Lake Mariout",
         weather="warm and dry, cooled by Mediterranean breezes, with mild winters and a little "
                 "winter rain",
         dishes="seafood; fish sayadeya; Alexandrian liver sandwiches (kebda); ful medames; "
                "feteer",
         landmarks="Bibliotheca Alexandrina|library modern; Citadel of Qaitbay|fort citadel; "
                   "Catacombs of Kom el Shoqafa|catacombs tomb; Pompey's Pillar|column roman; "
                   "Montaza Palace|palace garden; Corniche|seafront promenade; Stanley Bridge|bridge; "
                   "Roman Amphitheatre|theatre roman ruins; site of the ancient Lighthouse of Alexandria (Pharos)|lighthouse wonder",
         teams="Al Ittihad Alexandria and Smouha (football)",
         economy="Egypt's main port; industry and petrochemicals; tourism; trade",
         people="Alexander the Great (founded it); Cleopatra (ruled from it); Gamal Abdel Nasser (born there); "
                "Omar Sharif (actor, born there); Constantine Cavafy (poet, born there)",
         universities="Alexandria University",
         nicknames="Bride of the Mediterranean; Pearl of the Mediterranean", founded=-331,
         history="Founded in 331 BC by Alexander the Great; capital of Ptolemaic Egypt, with its "
                 "famous Library and the Lighthouse (Pharos), one of the Seven Wonders of the "
                 "Ancient World.",
         transport="Historic trams, buses and minibuses along the Corniche."),
    city("cairo,egypt", "Cairo", "Al-Qahira; El Qahira; Le Caire; Kairo", "Egypt",
         regions="Cairo Governorate; Greater Cairo; Lower Egypt", parts="north", lat=30.04,
         lon=31.24, elevation=23, population=22.0, climate="BWh", temp=22.5, rain=25,
         capital="national", rivers="Nile River",
         dishes="koshari; ful medames; ta'ameya (falafel); molokhia; fattah; mahshi",
         landmarks="Egyptian Museum|museum; Khan el-Khalili|bazaar market; Cairo Citadel (Saladin Citadel)|citadel fort; "
                   "Mosque of Muhammad Ali|mosque; Al-Azhar Mosque|mosque university; Cairo Tower|tower; "
                   "Islamic Cairo|old town unesco; Hanging Church (Coptic Cairo)|church coptic; Tahrir Square|square; "
                   "pyramids of Giza (next door)|pyramids",
         teams="Al Ahly and Zamalek (football)",
         economy="government; services; tourism; industry; film and media",
         people="Naguib Mahfouz (Nobel-winning novelist, born there); Umm Kulthum (singer, lived there)",
         festivals="Cairo International Film Festival; Ramadan lanterns (fanous)",
         universities="Al-Azhar University; Cairo University (in neighbouring Giza)",
         nicknames="City of a Thousand Minarets; Mother of the World (Umm al-Dunya)", founded=969,
         history="Founded as al-Qahira by the Fatimid dynasty in 969 next to the older Fustat; "
                 "the largest city in Africa and the Arab world.",
         transport="Africa's first metro, buses, microbuses and heavy traffic.",
         population_note="about 10 million in the city proper"),
    city("giza,egypt", "Giza", "Gizeh; El Giza; Al-Jizah", "Egypt",
         regions="Giza Governorate; Greater Cairo; Lower Egypt", parts="north", lat=30.01,
         lon=31.21, elevation=19, population=4.5, climate="BWh", temp=22.5, rain=25,
         rivers="Nile River", borders="",
         landmarks="Great Pyramid of Khufu|pyramid wonder ancient; Pyramids of Khafre and Menkaure|pyramid ancient; "
                   "Great Sphinx|sphinx statue ancient; Grand Egyptian Museum|museum; "
                   "Cairo University|university; Giza Zoo|zoo; Pyramids Sound and Light Show|show",
         economy="tourism; industry; services; film studios",
         people="Khufu (pharaoh whose pyramid stands there)", universities="Cairo University",
         nicknames="", founded=-2560,
         history="Home of the Pyramids of Giza, built around 2560 BC; the Great Pyramid is the "
                 "only one of the Seven Wonders of the Ancient World still standing.",
         transport="The Cairo metro, microbuses and Sphinx International Airport."),
    city("casablanca,morocco", "Casablanca", "Dar el Beida; Dar al-Bayda", "Morocco",
         regions="Casablanca-Settat", parts="west; central", lat=33.57, lon=-7.59, elevation=27,
         population=3.7, climate="Csa", temp=18.0, rain=420, coast="west", waters="Atlantic Ocean",
         weather="mild all year thanks to the Atlantic: warm, dry summers and mild, rainy winters",
         languages="Moroccan Arabic (Darija); French; Berber (Amazigh)",
         dishes="couscous; tagine; harira; pastilla; seafood; mint tea",
         landmarks="Hassan II Mosque|mosque minaret; Corniche (Aïn Diab)|seafront beach; "
                   "Old Medina|medina market old town; Habous quarter|market neighbourhood; "
                   "Mohammed V Square|square; Morocco Mall|mall shopping; Rick's Café|restaurant film; "
                   "Twin Center|skyscraper; Art Deco downtown|architecture",
         teams="Wydad AC and Raja CA (football)",
         economy="Morocco's economic capital: finance (Casablanca Stock Exchange); the main port; "
                 "industry; services",
         festivals="Jazzablanca festival", universities="Hassan II University",
         nicknames="Casa; the White House (Dar el Beida)", founded=1770,
         history="Rebuilt in the 1770s by Sultan Mohammed ben Abdallah on the site of ancient "
                 "Anfa; grew under the French into Morocco's largest city; made famous by the "
                 "1942 film 'Casablanca'.",
         transport="Trams, buses, the Al Boraq high-speed train to Tangier and red petits taxis."),
    city("kinshaha,congo", "Kinshasa", "Kinshaha; Léopoldville; Leopoldville; Kin la belle",
         "Democratic Republic of the Congo", regions="Kinshasa Province", parts="west",
         lat=-4.32, lon=15.31, elevation=240, population=17.0, climate="Aw", temp=25.5, rain=1400,
         capital="national", rivers="Congo River", waters="Pool Malebo", borders="Republic of the Congo",
         landmarks="Boulevard du 30 Juin|avenue; Tour de l'Échangeur|tower monument; "
                   "Stade des Martyrs|stadium football; Lola ya Bonobo sanctuary|bonobo sanctuary; "
                   "Académie des Beaux-Arts|art school; Mausoleum of Laurent-Désiré Kabila|mausoleum; "
                   "Pool Malebo|lake river",
         teams="AS Vita Club and DC Motema Pembe (football)",
         economy="government; trade; services; river port",
         people="Dikembe Mutombo (basketball player, born there); Fally Ipupa (singer, born there)",
         festivals="Independence Day (30 June)", universities="University of Kinshasa",
         nicknames="Kin la belle (Kinshasa the beautiful)", founded=1881,
         history="Founded by Henry Morton Stanley in 1881 as Léopoldville; faces Brazzaville "
                 "across the Congo River; hosted the 'Rumble in the Jungle' boxing match between "
                 "Muhammad Ali and George Foreman in 1974; the largest French-speaking city in "
                 "the world.",
         transport="Crowded minibuses (esprit de mort), taxis, river boats and N'djili airport."),
    # ---- Europe ------------------------------------------------------------------------
    city("berlin,germany", "Berlin", "", "Germany",
         regions="Berlin; Brandenburg region", parts="east; northeast", lat=52.52,
         lon=13.40, elevation=34, population=3.7, climate="Cfb", temp=10.0, rain=570,
         capital="national", rivers="Spree River; Havel River", waters="Wannsee; Müggelsee",
         weather="temperate: warm summers and cold, sometimes snowy winters",
         dishes="currywurst; döner kebab; Berliner doughnuts; eisbein (pork knuckle); Berliner Weisse beer",
         landmarks="Brandenburg Gate|gate monument; Berlin Wall and East Side Gallery|wall graffiti street art; "
                   "Reichstag building|parliament dome; Museum Island|museum unesco; "
                   "TV Tower (Fernsehturm)|tower; Checkpoint Charlie|border crossing cold war; "
                   "Memorial to the Murdered Jews of Europe|memorial holocaust; Charlottenburg Palace|palace; "
                   "Potsdamer Platz|square; Berlin Cathedral|cathedral church; Olympiastadion|stadium",
         teams="Hertha BSC and Union Berlin (football); Alba Berlin (basketball); Eisbären Berlin (ice hockey)",
         economy="government; technology start-ups; creative industries; tourism; research",
         people="Marlene Dietrich (actress, born there); Albert Einstein (worked there); "
                "Alexander von Humboldt (born there)",
         festivals="Berlinale (Berlin International Film Festival); Berlin Marathon; Christmas markets",
         universities="Humboldt University; Free University of Berlin; Technical University of Berlin",
         nicknames="", borders="Poland", founded=1237,
         history="First recorded in 1237; capital of Prussia and of Germany; divided by the Berlin "
                 "Wall from 1961 until 1989; hosted the 1936 Olympics and the 2006 World Cup final; "
                 "famous for techno clubs such as Berghain.",
         transport="U-Bahn and S-Bahn trains, trams, buses and many cyclists."),
    city("bucuresti,romania", "Bucharest", "București; Bucuresti; Bukarest; Bucarest", "Romania",
         regions="Bucharest Municipality; Wallachia; Muntenia", parts="south; southeast",
         lat=44.43, lon=26.10, elevation=70, population=1.8, climate="Dfa", temp=11.0, rain=600,
         capital="national", rivers="Dâmbovița River", waters="Herăstrău Lake",
         dishes="sarmale; mici; ciorbă de burtă; papanași; cozonac",
         landmarks="Palace of the Parliament|palace parliament building; Arcul de Triumf|arch monument; "
                   "Romanian Athenaeum|concert hall; Old Town (Lipscani)|old town nightlife; "
                   "King Michael I Park (Herăstrău)|park lake; Village Museum|museum open-air; "
                   "Stavropoleos Monastery|church monastery orthodox; Cotroceni Palace|palace",
         teams="FCSB (Steaua), Dinamo and Rapid (football)",
         economy="services; IT and outsourcing; finance; industry",
         people="Ilie Năstase (tennis player, born there); Nicolae Ceaușescu (ruled from there)",
         festivals="Mărțișor; George Enescu Festival", universities="University of Bucharest",
         nicknames="Little Paris; Paris of the East", borders="Bulgaria", founded=1459,
         history="First mentioned in 1459 in a document of Vlad the Impaler; capital of Romania "
                 "since 1862; its Palace of the Parliament, built by Ceaușescu, is one of the "
                 "largest buildings in the world.",
         transport="Metro, trams, trolleybuses and buses."),
    city("budapest,hungary", "Budapest", "Budapesht", "Hungary",
         regions="Central Hungary; Pest County", parts="central; north", lat=47.50, lon=19.04,
         elevation=100, population=1.7, climate="Dfa", temp=11.5, rain=560, capital="national",
         rivers="Danube River",
         mountains="Buda Hills; Gellért Hill",
         landmarks="Hungarian Parliament Building|parliament building; Buda Castle|castle palace; "
                   "Chain Bridge|bridge; Fisherman's Bastion|terrace fort; St. Stephen's Basilica|church basilica; "
                   "Heroes' Square|square monument; Széchenyi Thermal Bath|bath thermal spa; "
                   "Gellért Baths|bath thermal spa; Margaret Island|island park; "
                   "Dohány Street Synagogue|synagogue; Great Market Hall|market; ruin bars (Szimpla Kert)|bar nightlife",
         teams="Ferencváros (football)",
         economy="services; finance; tourism; pharmaceuticals; automotive",
         people="Harry Houdini (escape artist, born there); Ernő Rubik (inventor of the Rubik's Cube, born there); "
                "Franz Liszt (composer, lived there)",
         festivals="Sziget Festival; Hungarian Grand Prix (nearby); St. Stephen's Day fireworks",
         universities="Eötvös Loránd University; Budapest University of Technology",
         nicknames="Pearl of the Danube; Paris of the East; City of Spas", borders="Slovakia", founded=1873,
         history="Formed in 1873 by uniting Buda, Óbuda and Pest on either side of the Danube; the "
                 "Romans had a town there called Aquincum; its Danube banks are a UNESCO site.",
         transport="Metro (line 1 is the oldest on the European continent), trams along the Danube "
                   "and buses."),
    city("kiev,ukraine", "Kyiv", "Kiev; Kyyiv; Kijev; Kiew", "Ukraine",
         regions="Kyiv Oblast; Central Ukraine", parts="north; central", lat=50.45, lon=30.52,
         elevation=180, population=2.9, climate="Dfb", temp=8.5, rain=650, capital="national",
         former_capital="Kyivan Rus", rivers="Dnieper River",
         languages="Ukrainian; Russian",
         dishes="chicken Kiev; Kyiv cake; borscht; varenyky; salo",
         landmarks="Saint Sophia Cathedral|cathedral church unesco orthodox; Kyiv Pechersk Lavra|monastery unesco caves; "
                   "Maidan Nezalezhnosti (Independence Square)|square; Khreshchatyk|street; "
                   "St. Michael's Golden-Domed Monastery|monastery church; Motherland Monument|statue monument; "
                   "Golden Gate|gate; Andriyivskyy Descent|street; Arsenalna metro station (one of the deepest)|metro",
         teams="Dynamo Kyiv (football)",
         economy="government; services; IT; industry; education",
         people="Mikhail Bulgakov (writer, born there); Igor Sikorsky (helicopter pioneer, born there); "
                "Golda Meir (Israeli prime minister, born there); Vitali Klitschko (boxer, mayor)",
         festivals="Kyiv Day; Christmas", universities="Taras Shevchenko National University of Kyiv",
         nicknames="Mother of Rus' cities", borders="Belarus", founded=482,
         history="By tradition founded in 482 by Kyi and his brothers; capital of Kyivan Rus, the "
                 "first East Slavic state; the 2004 and 2014 protests filled its Maidan.",
         transport="Metro (with one of the deepest stations in the world), trams, trolleybuses "
                   "and marshrutkas."),
    city("london,uk", "London", "Londres; Londinium; Greater London", "United Kingdom",
         regions="England; Greater London; South East England; Home Counties", parts="south; southeast",
         lat=51.51, lon=-0.13, elevation=11, population=9.0, climate="Cfb", temp=11.5, rain=600,
         capital="national", rivers="River Thames", island="Great Britain",
         dishes="fish and chips; pie and mash; full English breakfast; Sunday roast; afternoon tea; "
                "curry (chicken tikka masala)",
         landmarks="Big Ben (Elizabeth Tower)|clock tower; Tower of London|castle fortress tower; "
                   "Tower Bridge|bridge; Buckingham Palace|palace royal; London Eye|ferris wheel; "
                   "British Museum|museum; Westminster Abbey|church abbey; St Paul's Cathedral|cathedral church; "
                   "Trafalgar Square|square; The Shard|skyscraper; Piccadilly Circus|square neon; "
                   "Hyde Park|park; Houses of Parliament (Palace of Westminster)|parliament palace",
         teams="Arsenal, Chelsea, Tottenham Hotspur and West Ham (football)",
         sports="football; cricket; tennis (Wimbledon); rugby",
         economy="finance (the City of London); services; media; tourism; creative industries",
         people="Queen Elizabeth II (born there); William Shakespeare (worked there); "
                "Charles Dickens (lived there); David Beckham (footballer, born there); Adele (singer, born there)",
         festivals="Notting Hill Carnival; Trooping the Colour; New Year's fireworks; Wimbledon",
         universities="Imperial College London; University College London; London School of Economics",
         nicknames="The Big Smoke; The Square Mile", founded=47,
         history="Founded by the Romans as Londinium around AD 47; rebuilt after the Great Fire of "
                 "1666; the capital of the British Empire; the only city to host the Summer "
                 "Olympics three times (1908, 1948, 2012); the Prime Meridian runs through its "
                 "Greenwich district.",
         transport="The Underground (the Tube, the world's oldest metro, 1863), red double-decker "
                   "buses and black cabs."),
    city("madrid,spain", "Madrid", "Mayrit; Magerit", "Spain",
         regions="Community of Madrid; Castile; Central Spain", parts="central", lat=40.42,
         lon=-3.70, elevation=657, population=3.3, climate="Csa", temp=15.0, rain=420,
         capital="national", rivers="Manzanares River", mountains="Sierra de Guadarrama",
         weather="hot, dry summers and cool to cold, fairly dry winters with the occasional snowfall",
         dishes="cocido madrileño; bocadillo de calamares; churros con chocolate; huevos rotos; "
                "callos; tapas",
         landmarks="Prado Museum|museum art; Reina Sofía Museum (Picasso's Guernica)|museum art; "
                   "Royal Palace|palace royal; Plaza Mayor|square; Puerta del Sol|square; "
                   "Retiro Park and the Crystal Palace|park palace; Gran Vía|street shopping; "
                   "Almudena Cathedral|cathedral church; Santiago Bernabéu Stadium|stadium football; "
                   "Temple of Debod|temple egyptian; Cibeles Fountain|fountain; Las Ventas bullring|bullring",
         teams="Real Madrid and Atlético Madrid (football)",
         economy="government; finance; services; tourism; company headquarters",
         people="Lope de Vega (playwright, born there); Diego Velázquez and Francisco Goya (court painters there); "
                "Pedro Almodóvar (film director, works there)",
         festivals="San Isidro; Madrid Pride; New Year's grapes at Puerta del Sol",
         universities="Complutense University of Madrid",
         nicknames="Villa y Corte; the Kilometre Zero city", founded=865,
         history="Founded in the 9th century by the emir Muhammad I as a Moorish fortress (Mayrit); "
                 "made the capital by Philip II in 1561; famous for nightlife that runs until dawn.",
         transport="One of Europe's largest metros, Cercanías trains, buses and AVE high-speed trains."),
    city("moscow,russia", "Moscow", "Moskva; Moscou; Moskau", "Russia",
         regions="Central Russia; Central Federal District; European Russia", parts="west; central",
         lat=55.76, lon=37.62, elevation=150, population=13.1, climate="Dfb", temp=6.0, rain=700,
         capital="national", rivers="Moskva River",
         dishes="borscht; pelmeni; blini; beef stroganoff; pirozhki; shchi",
         landmarks="Kremlin|fortress palace; Red Square|square; Saint Basil's Cathedral|cathedral church onion domes; "
                   "Bolshoi Theatre|theatre ballet opera; Lenin's Mausoleum|mausoleum; GUM|department store shopping; "
                   "Moscow Metro stations|metro; Cathedral of Christ the Saviour|cathedral church; "
                   "Gorky Park|park; Moscow City skyscrapers|skyscraper; Tretyakov Gallery|museum art; "
                   "Ostankino Tower|tower tv",
         teams="Spartak, CSKA, Dynamo and Lokomotiv (football)",
         economy="government; finance; energy company headquarters; services; IT",
         people="Alexander Pushkin (poet, born there); Fyodor Dostoevsky (novelist, born there)",
         festivals="Victory Day parade; Maslenitsa; New Year",
         universities="Lomonosov Moscow State University", nicknames="Third Rome; White-Stone City",
         founded=1147,
         history="First mentioned in 1147; burned during Napoleon's invasion in 1812; capital of "
                 "the Soviet Union and of Russia; hosted the 1980 Olympics and the 2018 World Cup "
                 "final.",
         transport="A famously ornate and busy metro, buses and trams; very cold, snowy winters."),
    city("paris,france", "Paris", "Lutetia; Paname; Ville Lumière", "France",
         regions="Île-de-France; Northern France", parts="north; north-central", lat=48.86,
         lon=2.35, elevation=35, population=2.1, climate="Cfb", temp=12.5, rain=640,
         capital="national", rivers="Seine River",
         dishes="croissants; baguettes; macarons; crêpes; escargots; steak frites; onion soup",
         landmarks="Eiffel Tower|tower; Louvre Museum (Mona Lisa)|museum art pyramid; "
                   "Notre-Dame Cathedral|cathedral church gothic; Arc de Triomphe|arch monument; "
                   "Champs-Élysées|avenue shopping; Sacré-Cœur Basilica and Montmartre|church basilica hill; "
                   "Musée d'Orsay|museum art; Palace of Versailles (nearby)|palace; Panthéon|mausoleum; "
                   "Centre Pompidou|museum modern art; Moulin Rouge|cabaret nightlife; "
                   "Luxembourg Gardens|garden park; Catacombs|catacombs",
         teams="Paris Saint-Germain (football)",
         sports="football; rugby; cycling (the Tour de France finishes there); tennis (Roland-Garros)",
         economy="finance; fashion and luxury goods; tourism; services; company headquarters",
         people="Édith Piaf (singer, born there); Kylian Mbappé (footballer, born there); "
                "Napoleon Bonaparte (buried there)",
         festivals="Bastille Day parade; Paris Fashion Week; Fête de la Musique; Nuit Blanche",
         universities="Sorbonne University",
         nicknames="City of Light; City of Love", founded=-250,
         history="Founded by the Celtic Parisii tribe around 250 BC on the Île de la Cité (Roman "
                 "Lutetia); hosted the Summer Olympics in 1900, 1924 and 2024.",
         transport="The Métro, RER trains, buses, Vélib' bicycles and trams."),
    city("rome,italy", "Rome", "Roma", "Italy",
         regions="Lazio; Central Italy", parts="central", lat=41.90, lon=12.50, elevation=21,
         population=2.8, climate="Csa", temp=15.5, rain=800, capital="national",
         former_capital="the Roman Empire", rivers="Tiber River", near_waters="Tyrrhenian Sea",
         mountains="the Seven Hills (Palatine, Capitoline, Aventine ...)",
         dishes="carbonara; cacio e pepe; amatriciana; supplì; saltimbocca; gelato; pizza al taglio",
         landmarks="Colosseum|amphitheatre ancient roman ruins wonder; Roman Forum|ruins ancient roman; "
                   "Pantheon|temple church ancient roman; Vatican City with St. Peter's Basilica|church basilica; "
                   "Sistine Chapel|chapel art; Trevi Fountain|fountain; Spanish Steps|steps; "
                   "Piazza Navona|square fountain; Castel Sant'Angelo|castle mausoleum; "
                   "Palatine Hill|hill ruins; Circus Maximus|ruins; Villa Borghese|park gallery; "
                   "Catacombs|catacombs",
         teams="AS Roma and Lazio (football)",
         economy="government; tourism; services; film (Cinecittà studios); religion (the Vatican)",
         people="Julius Caesar (born there); Sophia Loren (actress, born there); "
                "Francesco Totti (footballer, born there); Michelangelo (worked there)",
         festivals="Easter at the Vatican; Natale di Roma (birthday of the city); Rome Film Fest",
         universities="Sapienza University of Rome",
         nicknames="Eternal City; Caput Mundi; City of Seven Hills", founded=-753,
         history="By legend founded by Romulus and Remus in 753 BC; capital of the Roman Republic "
                 "and Empire and seat of the Pope; hosted the 1960 Olympics.",
         transport="Metro, buses, trams and many scooters (Vespas)."),
    city("st petersburg,russia", "Saint Petersburg", "St Petersburg; St. Petersburg; Sankt-Peterburg; "
         "Petersburg; Leningrad; Petrograd; Piter", "Russia",
         regions="Northwestern Russia; Northwestern Federal District; Leningrad Oblast; European Russia",
         parts="northwest; west", lat=59.94, lon=30.31, elevation=5, population=5.6, climate="Dfb",
         temp=5.8, rain=660, former_capital="the Russian Empire (1712-1918)",
         coast="northwest", waters="Gulf of Finland; Baltic Sea", rivers="Neva River",
         dishes="borscht; beef stroganoff; blini; pyshki doughnuts; koryushka (smelt)",
         landmarks="Hermitage Museum (Winter Palace)|museum palace art; Peter and Paul Fortress|fortress; "
                   "Church of the Savior on Spilled Blood|church onion domes; St. Isaac's Cathedral|cathedral church; "
                   "Peterhof Palace and fountains|palace fountains garden; Catherine Palace (Amber Room)|palace; "
                   "Nevsky Prospekt|avenue street; Mariinsky Theatre|theatre ballet opera; "
                   "Kazan Cathedral|cathedral church; cruiser Aurora|ship museum; Lakhta Center|skyscraper; "
                   "drawbridges over the Neva|bridge drawbridge",
         teams="Zenit Saint Petersburg (football)",
         economy="shipbuilding; the port; tourism; industry; energy (Gazprom headquarters)",
         people="Peter the Great (founded it); Vladimir Putin (born there); Dmitri Shostakovich (composer, born there); "
                "Vladimir Nabokov (writer, born there); Pyotr Tchaikovsky (composer, studied there)",
         festivals="White Nights Festival; Scarlet Sails", universities="Saint Petersburg State University",
         nicknames="Venice of the North; Northern Capital; Window to Europe", founded=1703,
         history="Founded by Peter the Great in 1703 and capital of Russia until 1918; as "
                 "Leningrad it survived a 872-day siege in the Second World War; famous for its "
                 "White Nights and canals.",
         transport="Deep metro, trams, buses and canal boats; bridges open at night for ships."),
    # ---- Oceania -----------------------------------------------------------------------
    city("sydney,australia", "Sydney", "", "Australia",
         regions="New South Wales", parts="east; southeast", lat=-33.87, lon=151.21, elevation=20,
         population=5.3, climate="Cfa", temp=18.0, rain=1200, capital="regional",
         coast="east; southeast", waters="Tasman Sea; Pacific Ocean; Port Jackson (Sydney Harbour)",
         rivers="Parramatta River", mountains="Blue Mountains",
         dishes="meat pies; barbecue (snags on the barbie); fresh seafood; flat white coffee; "
                "pavlova; lamingtons",
         landmarks="Sydney Opera House|opera house theatre; Sydney Harbour Bridge|bridge; "
                   "Bondi Beach|beach surfing; Manly Beach|beach; Darling Harbour|waterfront; "
                   "The Rocks|historic district; Royal Botanic Garden|garden; Taronga Zoo|zoo; "
                   "Sydney Tower Eye|tower; Blue Mountains (nearby)|mountains",
         teams="Sydney Swans (Australian rules football); Sydney FC (football); Sydney Roosters (rugby league)",
         economy="finance; tourism; services; education; technology",
         people="Hugh Jackman (actor, born there); Nicole Kidman (actress, grew up there)",
         festivals="New Year's Eve fireworks over the Harbour; Sydney Gay and Lesbian Mardi Gras; "
                   "Vivid Sydney",
         universities="University of Sydney; University of New South Wales",
         nicknames="Harbour City; Emerald City", founded=1788,
         history="Founded in 1788 when the British First Fleet arrived to start a penal colony; "
                 "hosted the 2000 Olympics.",
         transport="Trains, ferries across the harbour, light rail, a driverless metro and buses."),
]
