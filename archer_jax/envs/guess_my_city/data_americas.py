"""Guess My City data: North, Central and South America and the Caribbean."""
from __future__ import annotations

from archer_jax.envs.guess_my_city.records import city

CITIES = [
    # ---- Brazil ------------------------------------------------------------------------
    city("belo horizonte,brazil", "Belo Horizonte", "Beagá; Belo-Horizonte", "Brazil",
         exact_aliases="BH", regions="Minas Gerais; Southeast Region", parts="southeast",
         lat=-19.92, lon=-43.94, elevation=852, population=2.3, climate="Cwa", temp=21.5,
         rain=1600, capital="regional", mountains="Serra do Curral; Espinhaço Range",
         dishes="pão de queijo; feijão tropeiro; tutu de feijão; frango com quiabo; cachaça",
         landmarks="Pampulha Modern Ensemble|unesco modernist church lake niemeyer; "
                   "Church of Saint Francis of Assisi (Pampulha)|church modernist; Mineirão|stadium football; "
                   "Praça da Liberdade|square; Mercado Central|market; Serra do Curral|mountain; "
                   "Inhotim (nearby)|museum art garden",
         teams="Atlético Mineiro and Cruzeiro (football)",
         economy="mining and steel; automotive (Fiat in nearby Betim); services; technology",
         people="Oscar Niemeyer (architect, designed Pampulha)",
         festivals="Carnival street blocks", universities="Federal University of Minas Gerais",
         nicknames="Bar Capital of Brazil; Garden City", founded=1897,
         history="One of Brazil's first planned cities, built in 1897 as the new capital of Minas "
                 "Gerais; famous for having more bars per person than any other Brazilian city.",
         transport="A metro line, bus rapid transit (MOVE) and Confins airport.",
         population_note="about 6 million in the metropolitan area"),
    city("brasilia,brazil", "Brasília", "Brasilia; Brazilia", "Brazil",
         regions="Federal District; Center-West Region; Brazilian Highlands", parts="central; center-west",
         lat=-15.79, lon=-47.88, elevation=1172, population=2.8, climate="Aw", temp=21.5,
         rain=1500, capital="national", waters="Lake Paranoá",
         dishes="pequi rice; galinhada; empadão goiano",
         landmarks="Cathedral of Brasília|cathedral church modernist; National Congress|parliament modernist; "
                   "Palácio da Alvorada|palace presidential; Three Powers Plaza|square; "
                   "JK Memorial|memorial museum; Brasília TV Tower|tower; JK Bridge|bridge; "
                   "Lake Paranoá|lake",
         economy="government and public administration; services; construction",
         people="Juscelino Kubitschek (president who built it); Oscar Niemeyer and Lúcio Costa (its designers)",
         universities="University of Brasília", nicknames="Capital of Hope", founded=1960,
         history="Built from scratch in the interior and inaugurated as the capital on 21 April "
                 "1960; its airplane-shaped modernist plan is a UNESCO World Heritage Site.",
         transport="Designed around cars and wide highways (the Eixo Monumental); a metro line and buses."),
    city("fortaleza,brazil", "Fortaleza", "", "Brazil",
         regions="Ceará; Northeast Region", parts="northeast", lat=-3.72, lon=-38.54,
         elevation=21, population=2.4, climate="Aw", temp=27.0, rain=1450, capital="regional",
         coast="northeast; north", waters="Atlantic Ocean",
         dishes="baião de dois; crab (caranguejo); tapioca crepes; peixada cearense; carne de sol",
         landmarks="Praia do Futuro|beach; Iracema Beach|beach; Dragão do Mar Cultural Center|cultural centre; "
                   "Metropolitan Cathedral|cathedral church; Ponte dos Ingleses|pier; Mercado Central|market; "
                   "Beach Park|water park; José de Alencar Theatre|theatre",
         teams="Fortaleza EC and Ceará SC (football)",
         economy="tourism; textiles and clothing; commerce; fishing",
         festivals="Fortal (out-of-season carnival); forró festivals", universities="Federal University of Ceará",
         founded=1726,
         history="Grew from a Dutch fort built in 1649 and became a town in 1726; famous for "
                 "beaches, kitesurfing and comedy.",
         transport="A metro line, light rail and buses."),
    city("rio de janeiro,brazil", "Rio de Janeiro", "Rio; Rio de Janiero", "Brazil",
         regions="Rio de Janeiro State; Southeast Region", parts="southeast", lat=-22.91,
         lon=-43.17, elevation=5, population=6.2, climate="Aw", temp=24.0, rain=1200,
         capital="regional", former_capital="Brazil (1763-1960) and the Portuguese Empire (1808-1821)",
         coast="southeast; east", waters="Atlantic Ocean; Guanabara Bay",
         mountains="Corcovado; Sugarloaf Mountain; Tijuca Massif",
         dishes="feijoada; açaí bowls; biscoito Globo; pastel; caipirinha",
         landmarks="Christ the Redeemer|statue christ; Sugarloaf Mountain|mountain cable car; "
                   "Copacabana Beach|beach; Ipanema Beach|beach; Maracanã Stadium|stadium football; "
                   "Sambadrome|parade carnival; Selarón Steps|steps mosaic; Tijuca Forest|forest rainforest; "
                   "Lapa Arches|arches aqueduct nightlife; Museum of Tomorrow|museum; Rocinha|favela",
         teams="Flamengo, Fluminense, Vasco da Gama and Botafogo (football)",
         economy="oil and gas (Petrobras); tourism; media (Globo); finance; services",
         people="Antônio Carlos Jobim (composer of 'The Girl from Ipanema', born there)",
         festivals="Rio Carnival; New Year's Eve on Copacabana (Réveillon); Rock in Rio",
         universities="Federal University of Rio de Janeiro",
         nicknames="Marvelous City (Cidade Maravilhosa)", founded=1565,
         history="Founded by the Portuguese in 1565; capital of Brazil until 1960; hosted the "
                 "2014 World Cup final and the 2016 Olympics, the first in South America.",
         transport="Metro, light rail, buses, ferries and cable cars."),
    city("salvador,brazil", "Salvador", "Salvador da Bahia; São Salvador da Bahia de Todos os Santos",
         "Brazil", regions="Bahia; Northeast Region", parts="northeast; east", lat=-12.97,
         lon=-38.51, elevation=8, population=2.4, climate="Af", temp=25.5, rain=2100,
         capital="regional", former_capital="colonial Brazil (1549-1763)",
         coast="northeast; east", waters="Atlantic Ocean; All Saints Bay (Baía de Todos os Santos)",
         religions="Christianity (Roman Catholicism); Candomblé",
         dishes="acarajé; moqueca baiana; vatapá; caruru; abará",
         landmarks="Pelourinho|old town unesco colonial; Elevador Lacerda|elevator; "
                   "Church of Nosso Senhor do Bonfim|church ribbons; São Francisco Church|church gold baroque; "
                   "Mercado Modelo|market; Farol da Barra|lighthouse fort beach",
         teams="EC Bahia and EC Vitória (football)",
         economy="tourism; petrochemicals (Camaçari); port; services",
         people="Jorge Amado (novelist, lived there); Gilberto Gil (musician, born there)",
         festivals="Salvador Carnival (one of the biggest street parties in the world); Festa de Iemanjá; "
                   "Lavagem do Bonfim",
         universities="Federal University of Bahia", nicknames="Capital of Happiness; Black Rome",
         founded=1549,
         history="Founded in 1549 as the first capital of Portuguese Brazil and a centre of the "
                 "slave trade, it is the heart of Afro-Brazilian culture: capoeira, Candomblé, "
                 "axé music and Olodum drums.",
         transport="Metro, buses and the Elevador Lacerda between the upper and lower city."),
    city("sao paulo,brazil", "São Paulo", "Sao Paulo; Sampa", "Brazil", exact_aliases="SP",
         regions="São Paulo State; Southeast Region", parts="southeast", lat=-23.55, lon=-46.63,
         elevation=760, population=11.5, climate="Cfa", temp=19.5, rain=1450, capital="regional",
         rivers="Tietê River; Pinheiros River", near_waters="Atlantic Ocean",
         dishes="pizza; pastel; coxinha; mortadella sandwich; virado à paulista; feijoada",
         landmarks="Paulista Avenue|avenue street; São Paulo Museum of Art (MASP)|museum art; "
                   "Ibirapuera Park|park; Municipal Theatre|theatre opera; Sé Cathedral|cathedral church; "
                   "Mercado Municipal|market; Copan Building|building modernist niemeyer; "
                   "Liberdade Japanese district|japanese neighbourhood; Beco do Batman|street art graffiti; "
                   "Football Museum|museum football; Interlagos circuit|racetrack formula",
         teams="Corinthians, Palmeiras and São Paulo FC (football)",
         economy="finance (B3 stock exchange); industry; services; commerce; technology",
         people="Ayrton Senna (Formula 1 champion, born there)",
         festivals="São Paulo Pride Parade; São Paulo Fashion Week; Brazilian Grand Prix",
         universities="University of São Paulo",
         nicknames="Sampa; Land of Drizzle (Terra da Garoa)", founded=1554,
         history="Founded by Jesuit missionaries in 1554; grew rich on coffee and immigration "
                 "(including the largest Japanese community outside Japan) into the largest city "
                 "in the Southern Hemisphere.",
         transport="Metro and commuter rail, a huge bus network and many helicopters; heavy traffic.",
         population_note="about 22 million in the metropolitan area"),
    # ---- Colombia ----------------------------------------------------------------------
    city("bogota,colombia", "Bogotá", "Bogota; Santa Fe de Bogotá; Santafé de Bogotá", "Colombia",
         regions="Capital District; Cundinamarca; Andean Region; Altiplano Cundiboyacense",
         parts="central", lat=4.71, lon=-74.07, elevation=2640, population=7.9, climate="Cfb",
         temp=14.0, rain=1000, capital="national", rivers="Bogotá River",
         mountains="Andes (Eastern Cordillera); Monserrate",
         weather="cool all year (about 14 °C) because of its altitude, often cloudy and rainy",
         dishes="ajiaco; tamales; chocolate with cheese; changua; almojábanas",
         landmarks="Monserrate|mountain church; Gold Museum (Museo del Oro)|museum gold; "
                   "La Candelaria|old town colonial graffiti; Plaza de Bolívar|square; Botero Museum|museum art; "
                   "Salt Cathedral of Zipaquirá (nearby)|cathedral salt mine; Usaquén|market neighbourhood",
         teams="Millonarios and Independiente Santa Fe (football)",
         economy="government; finance; services; flowers for export; manufacturing",
         people="Fernando Botero (painter, has a museum there)",
         festivals="Ibero-American Theatre Festival; Rock al Parque; Ciclovía (car-free Sundays)",
         universities="National University of Colombia; University of the Andes",
         nicknames="Athens of South America", founded=1538,
         history="Founded in 1538 by Gonzalo Jiménez de Quesada on the site of the Muisca "
                 "settlement of Bacatá; capital of New Granada and of Colombia.",
         transport="The TransMilenio bus rapid transit, huge bike-path network and Sunday "
                   "Ciclovía; a metro is under construction."),
    city("cali,colombia", "Cali", "Santiago de Cali", "Colombia",
         regions="Valle del Cauca; Pacific Region; Cauca Valley", parts="southwest; west",
         lat=3.45, lon=-76.53, elevation=1000, population=2.3, climate="Aw", temp=25.0, rain=1300,
         capital="regional", rivers="Cauca River; Cali River",
         mountains="Andes (Western Cordillera); Cerro de las Tres Cruces; Farallones de Cali",
         dishes="sancocho de gallina; champús; lulada; chontaduro; pandebono; empanadas vallunas",
         landmarks="Cristo Rey statue|statue christ; Cerro de las Tres Cruces|hill crosses; "
                   "San Antonio neighbourhood|colonial neighbourhood; La Ermita Church|church gothic; "
                   "El Gato del Río|statue cat; Cali Zoo|zoo",
         teams="Deportivo Cali and América de Cali (football)",
         economy="sugar cane; commerce; manufacturing; services",
         festivals="Feria de Cali; World Salsa Festival; Petronio Álvarez Festival",
         universities="University of Valle", nicknames="Salsa Capital of the World; Sucursal del Cielo",
         founded=1536,
         history="Founded in 1536 by Sebastián de Belalcázar; world-famous for salsa dancing.",
         transport="The MIO bus rapid transit system."),
    city("medellin,colombia", "Medellín", "Medellin; Medallo", "Colombia",
         regions="Antioquia; Aburrá Valley; Andean Region", parts="northwest; west", lat=6.25,
         lon=-75.56, elevation=1495, population=2.6, climate="Af", temp=22.0, rain=1700,
         capital="regional", rivers="Medellín River", mountains="Andes (Central Cordillera)",
         weather="mild, spring-like weather all year (about 22 °C), with two rainy seasons",
         dishes="bandeja paisa; arepas; buñuelos; mazamorra; aguardiente",
         landmarks="Comuna 13 graffiti tours and outdoor escalators|graffiti street art escalators; "
                   "Plaza Botero|square sculptures; Museum of Antioquia|museum art; Parque Arví|park nature; "
                   "Metrocable|cable car; Pueblito Paisa|village replica; El Peñol de Guatapé (nearby)|rock",
         teams="Atlético Nacional and Independiente Medellín (football)",
         economy="textiles and fashion; services; innovation and technology; coffee trade",
         people="Fernando Botero (painter and sculptor, born there); J Balvin, Maluma and Karol G (singers, born there); "
                "Pablo Escobar (drug lord)",
         festivals="Feria de las Flores (Flower Festival) with silleteros; Christmas light show (Alumbrados)",
         universities="University of Antioquia",
         nicknames="City of Eternal Spring; Capital of the Mountain", founded=1616,
         history="Once notorious as the home of Pablo Escobar's cartel, it was named the world's "
                 "most innovative city in 2013 after transforming its poorer hillside districts.",
         transport="Colombia's only metro, with Metrocable cable cars up the hillsides and trams."),
    # ---- the rest of South America -----------------------------------------------------
    city("buenos aires,argentina", "Buenos Aires", "Baires; Capital Federal; Ciudad de Buenos Aires; CABA",
         "Argentina", regions="Autonomous City of Buenos Aires; Pampas; Río de la Plata region",
         parts="east", lat=-34.60, lon=-58.38, elevation=25, population=3.1, climate="Cfa",
         temp=18.0, rain=1200, capital="national", coast="east", waters="Río de la Plata",
         dishes="asado; empanadas; dulce de leche; milanesa; choripán; alfajores; mate",
         landmarks="Casa Rosada|palace presidential pink; Obelisco|monument obelisk; "
                   "Teatro Colón|theatre opera; Recoleta Cemetery|cemetery; Caminito (La Boca)|street colorful tango; "
                   "Plaza de Mayo|square; Puerto Madero|waterfront; Avenida 9 de Julio|avenue; "
                   "San Telmo market|market antiques tango; La Bombonera|stadium football",
         teams="Boca Juniors and River Plate (football)",
         economy="finance; services; port; industry; tourism",
         people="Pope Francis (born there); Jorge Luis Borges (writer, born there)",
         festivals="Tango Festival and World Cup; Carnival", universities="University of Buenos Aires",
         nicknames="Paris of South America; Queen of the Plata", borders="Uruguay", founded=1536,
         history="First founded in 1536 by Pedro de Mendoza and again in 1580; the birthplace of "
                 "tango; its people are called porteños.",
         transport="The Subte (Latin America's oldest metro), buses (colectivos) and commuter trains.",
         population_note="about 15 million in the metropolitan area"),
    city("caracas,venezuela", "Caracas", "Santiago de León de Caracas", "Venezuela",
         regions="Capital District; Capital Region", parts="north", lat=10.50, lon=-66.92,
         elevation=900, population=3.0, climate="Aw", temp=22.0, rain=900, capital="national",
         rivers="Guaire River", near_waters="Caribbean Sea",
         mountains="El Ávila (Waraira Repano); Venezuelan Coastal Range",
         weather="mild and spring-like for the tropics (about 22 °C) because of its altitude, "
                 "with a rainy season from May to November",
         dishes="arepas; pabellón criollo; hallacas; cachapas; tequeños",
         landmarks="Plaza Bolívar|square statue; El Ávila National Park|mountain park; "
                   "Caracas cable car (Teleférico)|cable car; Ciudad Universitaria|university unesco; "
                   "National Pantheon|mausoleum; Parque Central towers|skyscraper; Caracas Cathedral|cathedral",
         teams="Leones del Caracas (baseball); Caracas FC (football)",
         economy="government; oil company headquarters; services; commerce",
         people="Simón Bolívar (liberator of South America, born there)",
         festivals="Carnival; Christmas (with roller-skating to early mass)",
         universities="Central University of Venezuela", nicknames="Cradle of the Liberator",
         founded=1567,
         history="Founded in 1567 by Diego de Losada in a valley just inland from the Caribbean; "
                 "birthplace of Simón Bolívar.",
         transport="Metro, buses, cable cars and motorbike taxis."),
    city("guayaquil,ecuador", "Guayaquil", "Santiago de Guayaquil; Guayaquill", "Ecuador",
         regions="Guayas; Coastal Region (La Costa)", parts="west; southwest", lat=-2.19,
         lon=-79.89, elevation=4, population=2.7, climate="Aw", temp=26.5, rain=1100,
         capital="regional", coast="west", waters="Guayas River estuary; Gulf of Guayaquil; Pacific Ocean",
         rivers="Guayas River; Daule River; Babahoyo River",
         dishes="encebollado; seco de chivo; bolón de verde; cangrejo (crab); ceviche",
         landmarks="Malecón 2000|promenade riverfront; Las Peñas and Cerro Santa Ana|neighbourhood hill lighthouse; "
                   "Iguana Park (Parque Seminario)|park iguanas; Hemiciclo de la Rotonda|monument; "
                   "Guayaquil Cathedral|cathedral church",
         teams="Barcelona SC and Emelec (football)",
         economy="the main port of Ecuador; bananas, shrimp and cocoa exports; commerce",
         festivals="Fiestas Julianas (city foundation); Independence of Guayaquil (9 October)",
         universities="University of Guayaquil", nicknames="Pearl of the Pacific", founded=1538,
         history="Founded by the Spanish in 1538; where Bolívar and San Martín met in 1822.",
         transport="The Metrovía bus rapid transit and an aerial cable car (Aerovía)."),
    city("lima,peru", "Lima", "Ciudad de los Reyes; City of Kings", "Peru",
         regions="Lima Province; Lima Metropolitan Area", parts="west; central", lat=-12.05,
         lon=-77.04, elevation=150, population=10.0, climate="BWh", temp=19.5, rain=10,
         capital="national", coast="west", waters="Pacific Ocean", rivers="Rímac River",
         weather="a mild desert climate: almost no rain, humid and grey with coastal fog (garúa) "
                 "in winter, sunny and warm in summer",
         dishes="ceviche; lomo saltado; ají de gallina; anticuchos; causa limeña; pisco sour",
         landmarks="Plaza Mayor|square colonial; Cathedral of Lima|cathedral church; "
                   "San Francisco Monastery and catacombs|monastery catacombs church; "
                   "Miraflores cliffs (Larcomar)|cliffs seafront shopping; Barranco|bohemian neighbourhood; "
                   "Larco Museum|museum; Huaca Pucllana|pyramid ruins; Parque del Amor|park; "
                   "Magic Water Circuit|fountains park",
         teams="Alianza Lima, Universitario and Sporting Cristal (football)",
         economy="finance; commerce; industry; the port of Callao; gastronomy",
         people="Mario Vargas Llosa (Nobel-winning novelist, lived there)",
         festivals="Señor de los Milagros procession; Mistura food festival",
         universities="National University of San Marcos (the oldest in the Americas)",
         nicknames="City of Kings; Gastronomic Capital of the Americas", founded=1535,
         history="Founded by Francisco Pizarro in 1535 as the City of Kings, capital of the Spanish "
                 "Viceroyalty of Peru; its historic centre is a UNESCO World Heritage Site.",
         transport="The Metropolitano bus rapid transit, a metro line and many combis (minibuses)."),
    city("santiago,chile", "Santiago", "Santiago de Chile", "Chile",
         regions="Santiago Metropolitan Region; Central Valley", parts="central", lat=-33.45,
         lon=-70.67, elevation=570, population=6.9, climate="Csb", temp=14.5, rain=310,
         capital="national", rivers="Mapocho River; Maipo River", near_waters="Pacific Ocean",
         mountains="Andes; Cerro San Cristóbal; Cerro Santa Lucía",
         dishes="empanadas de pino; pastel de choclo; completo; mote con huesillo; cazuela; pisco sour",
         landmarks="Cerro San Cristóbal and its Virgin statue|hill statue cable car; "
                   "Cerro Santa Lucía|hill park; Plaza de Armas|square colonial; "
                   "La Moneda Palace|palace presidential; Gran Torre Santiago (Costanera Center)|skyscraper; "
                   "La Chascona (Pablo Neruda's house)|museum house poet; Mercado Central|market fish; "
                   "Concha y Toro winery (nearby)|winery wine; Valle Nevado (nearby)|ski resort",
         teams="Colo-Colo and Universidad de Chile (football)",
         economy="finance; services; mining company headquarters; wine; industry",
         people="Pablo Neruda (poet, lived there)",
         festivals="Fiestas Patrias; Lollapalooza Chile",
         universities="University of Chile; Pontifical Catholic University of Chile",
         borders="Argentina", founded=1541,
         history="Founded in 1541 by Pedro de Valdivia; the 1973 coup against Salvador Allende "
                 "happened at its La Moneda palace; hosted the 2023 Pan American Games.",
         transport="A large metro network, buses and cable cars; skiing in the Andes nearby."),
    # ---- Caribbean, Mexico, USA, Canada ------------------------------------------------
    city("havanna,cuba", "Havana", "Havanna; La Habana; Habana; San Cristóbal de la Habana", "Cuba",
         regions="La Habana Province", parts="west; northwest", island="Cuba",
         island_parts="west; northwest; north", lat=23.11, lon=-82.37, elevation=59, population=2.1,
         climate="Aw", temp=25.5, rain=1200, capital="national", coast="north",
         waters="Straits of Florida; Gulf of Mexico; Caribbean Sea", rivers="Almendares River",
         dishes="ropa vieja; moros y cristianos; Cuban sandwich; tostones; mojito; daiquiri",
         landmarks="Old Havana (Habana Vieja)|old town unesco colonial; Malecón|seafront promenade; "
                   "El Capitolio|capitol building; Morro Castle|castle fort; Plaza de la Catedral|square cathedral; "
                   "Plaza de la Revolución|square monument che; Tropicana Club|cabaret nightlife; "
                   "El Floridita|bar hemingway; Fusterlandia|mosaic art",
         teams="Industriales (baseball)", sports="baseball; boxing",
         economy="tourism; cigars (Partagás); rum; government; biotechnology",
         people="Ernest Hemingway (lived near the city); Fidel Castro (led the revolution from there)",
         festivals="Havana Carnival; International Jazz Festival; Festival of New Latin American Cinema",
         universities="University of Havana", nicknames="City of Columns; Pearl of the Antilles",
         founded=1519,
         history="Founded by the Spanish in 1519 as a fortified port for the treasure fleets; its "
                 "streets are famous for 1950s American cars.",
         transport="Classic American taxis, coco-taxis, buses (guaguas) and bici-taxis."),
    city("mexico city,mexico", "Mexico City", "Ciudad de México; Ciudad de Mexico; CDMX; México D.F.; "
         "Mexico D.F.; Distrito Federal; Tenochtitlan; Tenochtitlán", "Mexico", exact_aliases="CDMX; DF",
         regions="Valley of Mexico; Central Mexico", parts="central; south", lat=19.43, lon=-99.13,
         elevation=2240, population=9.2, climate="Cwb", temp=16.5, rain=800, capital="national",
         mountains="Popocatépetl; Iztaccíhuatl; Sierra de Guadalupe",
         waters="Lake Texcoco (largely drained); Xochimilco canals",
         dishes="tacos al pastor; tamales; mole; churros; pozole; quesadillas; pulque",
         landmarks="Zócalo|square; Metropolitan Cathedral|cathedral church; Templo Mayor|temple aztec ruins; "
                   "National Palace and Diego Rivera's murals|palace murals; Chapultepec Castle|castle park; "
                   "National Museum of Anthropology|museum; Palacio de Bellas Artes|theatre palace art; "
                   "Frida Kahlo Museum (Blue House)|museum art; Xochimilco canals and trajineras|canals boats; "
                   "Teotihuacan pyramids (nearby)|pyramids ruins; Basilica of Our Lady of Guadalupe|church basilica; "
                   "Angel of Independence|monument statue; Estadio Azteca|stadium football",
         teams="Club América, Pumas UNAM and Cruz Azul (football)",
         sports="football; lucha libre; boxing; baseball",
         economy="finance; government; services; media; manufacturing",
         people="Frida Kahlo (painter, born there); Octavio Paz (Nobel-winning poet, born there); "
                "Alfonso Cuarón (film director, born there)",
         festivals="Day of the Dead parade; Independence Day (El Grito); Lucha libre nights",
         universities="National Autonomous University of Mexico (UNAM)",
         nicknames="CDMX; City of Palaces", founded=1325,
         history="Built on the ruins of the Aztec capital Tenochtitlan (founded 1325) on an island "
                 "in Lake Texcoco; it is sinking as the old lake bed dries; hosted the 1968 "
                 "Olympics and the 1970 and 1986 World Cup finals.",
         transport="One of the world's largest metros, the Metrobús, and trajineras on Xochimilco.",
         population_note="about 22 million in the metropolitan area"),
    city("chicago,usa", "Chicago", "Chicagoland; Chi-Town; Chitown", "United States",
         regions="Illinois; Midwest; Great Lakes region", parts="north; central; midwest",
         lat=41.88, lon=-87.63, elevation=180, population=2.7, climate="Dfa", temp=10.5, rain=950,
         waters="Lake Michigan", rivers="Chicago River",
         dishes="deep-dish pizza; Chicago-style hot dog; Italian beef sandwich; Garrett popcorn",
         own_dishes_only=True,
         landmarks="Willis Tower (Sears Tower)|skyscraper; Cloud Gate (the Bean)|sculpture; "
                   "Millennium Park|park; Navy Pier|pier ferris wheel; Magnificent Mile|shopping street; "
                   "Art Institute of Chicago|museum art; Wrigley Field|stadium baseball; Field Museum|museum; "
                   "Chicago Riverwalk|river; Buckingham Fountain|fountain",
         teams="Chicago Bulls, Cubs, White Sox, Bears and Blackhawks",
         economy="finance and futures trading; transport and logistics (O'Hare airport); manufacturing",
         people="Barack Obama (began his political career there); Michael Jordan (won six titles with the Bulls); "
                "Walt Disney (born there); Hillary Clinton (born there)",
         festivals="St. Patrick's Day (the river is dyed green); Lollapalooza; Chicago Blues Festival",
         universities="University of Chicago; Northwestern University",
         nicknames="Windy City; Second City; City of Big Shoulders", founded=1833,
         history="Incorporated in the 1830s, rebuilt after the Great Chicago Fire of 1871 and "
                 "the birthplace of the skyscraper; home of blues and jazz.",
         transport="The elevated 'L' trains, buses and O'Hare, one of the busiest airports in the world."),
    city("houston,usa", "Houston", "H-Town; Space City", "United States",
         regions="Texas; Southern United States; Gulf Coast", parts="south", lat=29.76,
         lon=-95.37, elevation=15, population=2.3, climate="Cfa", temp=21.0, rain=1260,
         near_waters="Gulf of Mexico; Galveston Bay", rivers="Buffalo Bayou",
         dishes="Tex-Mex; barbecue (brisket); Viet-Cajun crawfish; kolaches", own_dishes_only=True,
         landmarks="Space Center Houston (NASA Johnson Space Center)|space museum nasa; "
                   "Museum of Fine Arts|museum art; Rothko Chapel|chapel art; "
                   "San Jacinto Monument|monument; Buffalo Bayou Park|park; Texas Medical Center|hospital; "
                   "Minute Maid Park|stadium baseball",
         teams="Houston Rockets, Astros and Texans",
         economy="oil, gas and energy companies; NASA and aerospace; medicine (Texas Medical Center); "
                 "the Port of Houston",
         people="Beyoncé (singer, born there); George H. W. Bush (lived there)",
         festivals="Houston Livestock Show and Rodeo", universities="Rice University; University of Houston",
         nicknames="Space City; Energy Capital of the World", founded=1836,
         history="Founded in 1836 and named after Sam Houston; NASA's mission control is there, so "
                 "the first word spoken from the Moon was its name.",
         transport="Mostly cars and wide freeways; light rail lines and buses."),
    city("los angeles,usa", "Los Angeles", "L.A.; Los Angles; El Pueblo de la Reina de los Ángeles",
         "United States", exact_aliases="LA", regions="California; Southern California",
         parts="west; southwest", lat=34.05, lon=-118.24, elevation=90, population=3.9,
         climate="Csb", temp=18.5, rain=360, coast="west; southwest", waters="Pacific Ocean",
         mountains="Santa Monica Mountains; San Gabriel Mountains; Hollywood Hills",
         dishes="tacos; In-N-Out burgers; Korean barbecue; avocado toast; fish tacos", own_dishes_only=True,
         landmarks="Hollywood Sign|sign; Hollywood Walk of Fame|stars street; Griffith Observatory|observatory; "
                   "Santa Monica Pier|pier ferris wheel; Venice Beach|beach; Getty Center|museum art; "
                   "Universal Studios Hollywood|theme park studio; Disneyland (nearby in Anaheim)|theme park; "
                   "TCL Chinese Theatre|theatre cinema; Dodger Stadium|stadium baseball",
         teams="Los Angeles Lakers, Dodgers, Clippers, Rams and LA Galaxy",
         economy="film and television (Hollywood); music; ports of Los Angeles and Long Beach; "
                 "aerospace; technology; tourism",
         people="Marilyn Monroe (actress, born there); Kobe Bryant (played for the Lakers); "
                "Kim Kardashian (born there)",
         festivals="Academy Awards (Oscars); Rose Parade (nearby Pasadena)",
         universities="University of California, Los Angeles (UCLA); University of Southern California (USC)",
         nicknames="City of Angels; Tinseltown", founded=1781,
         history="Founded by Spanish settlers in 1781; became the capital of the film industry in "
                 "the 1910s; hosted the 1932 and 1984 Olympics and will host those of 2028.",
         transport="Famous freeways and traffic jams; metro rail and buses."),
    city("new york,usa", "New York", "New York City; NYC; N.Y.C.; New Amsterdam; the Big Apple; Big Apple; Gotham",
         "United States", exact_aliases="NYC", regions="New York State; Northeast; Mid-Atlantic",
         parts="east; northeast", island="Manhattan; Long Island; Staten Island", lat=40.71,
         lon=-74.01, elevation=10, population=8.3, climate="Cfa", temp=13.0, rain=1200,
         coast="east; northeast", waters="Atlantic Ocean; New York Harbor", rivers="Hudson River; East River",
         religions="Christianity (Catholicism and Protestantism); Judaism; Islam",
         dishes="New York-style pizza; bagels; cheesecake; pastrami sandwiches; hot dogs", own_dishes_only=True,
         landmarks="Statue of Liberty|statue; Empire State Building|skyscraper; Times Square|square neon; "
                   "Central Park|park; Brooklyn Bridge|bridge; One World Trade Center and 9/11 Memorial|skyscraper memorial; "
                   "Wall Street|finance street; Broadway|theatre; Metropolitan Museum of Art|museum art; "
                   "Rockefeller Center|skyscraper; Chrysler Building|skyscraper; United Nations Headquarters|building; "
                   "Grand Central Terminal|railway station",
         teams="New York Yankees, Mets, Knicks, Nets and Rangers",
         economy="finance (Wall Street, the New York Stock Exchange); media; fashion; tourism; technology",
         people="Donald Trump (born there); Jay-Z (rapper, born there); Lady Gaga (singer, born there); "
                "Robert De Niro (actor, born there)",
         festivals="Macy's Thanksgiving Day Parade; New Year's Eve ball drop in Times Square; "
                   "New York Marathon; US Open tennis",
         universities="Columbia University; New York University",
         nicknames="Big Apple; City That Never Sleeps; Gotham", founded=1624,
         history="Founded by the Dutch as New Amsterdam in 1624 and renamed in 1664; the first "
                 "capital of the United States; millions of immigrants arrived via Ellis Island.",
         transport="A 24-hour subway, yellow taxis, buses and ferries."),
    city("toronto,canada", "Toronto", "Tronto; the 6ix", "Canada",
         regions="Ontario; Southern Ontario; Golden Horseshoe; Greater Toronto Area",
         parts="south; east; central", lat=43.65, lon=-79.38, elevation=76, population=2.8,
         climate="Dfa", temp=9.0, rain=830, capital="regional", waters="Lake Ontario",
         rivers="Don River; Humber River",
         landmarks="CN Tower|tower; Royal Ontario Museum|museum; Casa Loma|castle mansion; "
                   "Distillery District|historic district; Kensington Market|market; St. Lawrence Market|market; "
                   "Toronto Islands|islands; Rogers Centre|stadium; Hockey Hall of Fame|museum hockey; "
                   "Niagara Falls (nearby)|waterfall",
         teams="Toronto Maple Leafs, Raptors, Blue Jays and Toronto FC",
         economy="finance (Toronto Stock Exchange); technology; film and television; services",
         people="Drake and The Weeknd (musicians, born there)",
         festivals="Toronto International Film Festival (TIFF); Caribana; Pride Toronto",
         universities="University of Toronto", nicknames="The 6ix; Hogtown; T.O.", borders="United States", founded=1793,
         history="Founded as the town of York in 1793 and renamed in 1834; one of the most "
                 "multicultural cities in the world.",
         transport="Subway, streetcars, GO Transit trains and Pearson airport.",
         population_note="about 6.7 million in the metropolitan area"),
]
