"""Guess My City data: South, Southeast, Central and West Asia."""
from __future__ import annotations

from archer_jax.envs.guess_my_city.records import city

CITIES = [
    # ---- India -------------------------------------------------------------------------
    city("ahmedabad,india", "Ahmedabad", "Amdavad; Ahmadabad; Karnavati", "India",
         regions="Gujarat; Western India", parts="west", lat=23.02, lon=72.57, elevation=53,
         population=8.5, climate="BSh", temp=27.5, rain=800,
         former_capital="Gujarat (1960-1970)", rivers="Sabarmati River",
         languages="Gujarati; Hindi", religions="Hinduism; Islam; Jainism",
         dishes="dhokla; khandvi; fafda with jalebi; thepla; undhiyu; Gujarati thali",
         landmarks="Sabarmati Ashram (Gandhi Ashram)|ashram museum gandhi; Sidi Saiyyed Mosque|mosque; "
                   "Adalaj Stepwell|stepwell; Jama Masjid|mosque; Kankaria Lake|lake park; "
                   "Narendra Modi Stadium|stadium cricket; Sabarmati Riverfront|riverfront park; "
                   "Bhadra Fort|fort",
         teams="Gujarat Titans (cricket)", sports="cricket; kite flying",
         economy="textiles and cotton mills; chemicals; pharmaceuticals; diamonds; trade",
         people="Mahatma Gandhi (lived and worked at the Sabarmati Ashram)",
         festivals="Uttarayan (International Kite Festival); Navratri garba dancing",
         universities="Indian Institute of Management Ahmedabad",
         nicknames="Manchester of the East; Manchester of India", founded=1411,
         history="Founded in 1411 by Sultan Ahmed Shah; starting point of Gandhi's Salt March in "
                 "1930; India's first UNESCO World Heritage City (2017).",
         transport="Metro, bus rapid transit (Janmarg) and auto-rickshaws."),
    city("bangalore,india", "Bengaluru", "Bangalore; Bengalooru; Bangaluru", "India",
         regions="Karnataka; South India; Deccan Plateau", parts="south", lat=12.97, lon=77.59,
         elevation=920, population=13.6, climate="Aw", temp=24.0, rain=970, capital="regional", waters="Ulsoor Lake; Bellandur Lake",
         languages="Kannada; English; Hindi", religions="Hinduism; Islam; Christianity",
         dishes="masala dosa; bisi bele bath; ragi mudde; idli and vada; filter coffee; Mysore pak",
         landmarks="Lalbagh Botanical Garden|garden park; Cubbon Park|park; Bangalore Palace|palace; "
                   "Vidhana Soudha|parliament government building; Tipu Sultan's Summer Palace|palace; "
                   "ISKCON Temple|temple hindu; Bull Temple|temple hindu; Nandi Hills|hills",
         teams="Royal Challengers Bengaluru (cricket); Bengaluru FC (football)",
         economy="information technology and software (Infosys, Wipro); aerospace; "
                 "space research (ISRO headquarters); biotechnology; start-ups",
         people="Rahul Dravid (cricketer, grew up there)",
         festivals="Karaga; Bengaluru Kadalekai Parishe (groundnut fair); Dasara",
         universities="Indian Institute of Science",
         nicknames="Silicon Valley of India; Garden City; Pub Capital of India", founded=1537,
         history="Founded in 1537 by Kempe Gowda; grew from a British garrison town into India's "
                 "technology capital.",
         transport="Namma Metro, buses and auto-rickshaws; notorious traffic jams."),
    city("bombay,india", "Mumbai", "Bombay; Bambai; Mumbay", "India",
         regions="Maharashtra; Western India; Konkan", parts="west", lat=19.08, lon=72.88,
         elevation=14, population=21.0, climate="Am", temp=27.2, rain=2200, capital="regional",
         island="Salsette Island; Bombay Island", coast="west", waters="Arabian Sea",
         languages="Marathi; Hindi; English", religions="Hinduism; Islam; Buddhism; Christianity",
         dishes="vada pav; pav bhaji; bhelpuri; Bombay duck; misal pav; kebabs at Mohammed Ali Road",
         landmarks="Gateway of India|monument arch; Chhatrapati Shivaji Maharaj Terminus|railway station unesco; "
                   "Marine Drive|promenade seafront; Elephanta Caves|caves unesco; "
                   "Taj Mahal Palace Hotel|hotel; Haji Ali Dargah|mosque shrine; "
                   "Bandra-Worli Sea Link|bridge; Siddhivinayak Temple|temple hindu; Juhu Beach|beach; "
                   "Dharavi|slum",
         teams="Mumbai Indians (cricket); Mumbai City FC (football)",
         economy="finance (Bombay Stock Exchange, Reserve Bank of India); Bollywood film industry; "
                 "port; textiles; trade",
         people="Sachin Tendulkar (cricketer, born there); Ratan Tata (industrialist, born there); "
                "Amitabh Bachchan (actor, made his career there)",
         festivals="Ganesh Chaturthi; Diwali",
         universities="Indian Institute of Technology Bombay; University of Mumbai",
         nicknames="City of Dreams; Maximum City; financial capital of India", founded=1534,
         history="Once seven islands, ruled by the Portuguese and then given to England in 1661 "
                 "as part of a royal dowry; joined into one land mass by reclamation.",
         transport="Crowded suburban local trains, metro lines, red BEST buses and black-and-yellow taxis.",
         population_note="about 12.5 million in the city proper"),
    city("calcutta,india", "Kolkata", "Calcutta; Kolkatta; Kalikata", "India",
         regions="West Bengal; East India; Bengal", parts="east", lat=22.57, lon=88.36,
         elevation=9, population=15.0, climate="Aw", temp=26.8, rain=1600, capital="regional",
         former_capital="British India (until 1911)", rivers="Hooghly River (Ganges)",
         near_waters="Bay of Bengal", languages="Bengali; Hindi; English",
         religions="Hinduism; Islam",
         dishes="rosogolla; mishti doi (sweet yoghurt); machher jhol (fish curry); kathi rolls; "
                "puchka; kosha mangsho",
         landmarks="Victoria Memorial|memorial museum marble; Howrah Bridge|bridge; "
                   "Dakshineswar Kali Temple|temple hindu; Kalighat Temple|temple hindu; "
                   "Indian Museum|museum; Eden Gardens|stadium cricket; Park Street|street nightlife; "
                   "Marble Palace|palace mansion; Mother House of the Missionaries of Charity|charity",
         teams="Mohun Bagan and East Bengal (football); Kolkata Knight Riders (cricket)",
         economy="trade and port; jute; services; publishing",
         people="Rabindranath Tagore (poet, born there); Satyajit Ray (film director, born there); "
                "Swami Vivekananda (born there); Mother Teresa (worked there); Sourav Ganguly (cricketer)",
         festivals="Durga Puja; Kali Puja; Kolkata Book Fair",
         universities="University of Calcutta; Jadavpur University",
         nicknames="City of Joy; cultural capital of India", borders="Bangladesh", founded=1690,
         history="Founded as a British East India Company trading post in 1690; capital of "
                 "British India until 1911.",
         transport="India's oldest metro, the last trams in India, yellow Ambassador taxis and "
                   "hand-pulled rickshaws.",
         population_note="about 4.5 million in the city proper"),
    city("delhi,india", "Delhi", "New Delhi; Dilli; Old Delhi; Indraprastha; Shahjahanabad", "India",
         regions="National Capital Territory of Delhi; North India", parts="north", lat=28.61,
         lon=77.21, elevation=216, population=32.0, climate="Cwa", temp=25.0, rain=800,
         capital="national", former_capital="the Mughal Empire and the Delhi Sultanate",
         rivers="Yamuna River", mountains="Aravalli Range (the Ridge)",
         languages="Hindi; English; Punjabi; Urdu", religions="Hinduism; Islam; Sikhism",
         dishes="butter chicken; chole bhature; parathas; kebabs; chaat; nihari",
         landmarks="Red Fort|fort unesco mughal; Qutub Minar|minaret tower unesco; India Gate|monument arch war memorial; "
                   "Humayun's Tomb|tomb mughal unesco; Lotus Temple|temple bahai; Jama Masjid|mosque; "
                   "Akshardham Temple|temple hindu; Chandni Chowk|market bazaar; Rashtrapati Bhavan|palace presidential; "
                   "Lodhi Garden|garden park; Connaught Place|shopping",
         teams="Delhi Capitals (cricket)",
         economy="government; services; IT; retail and trade; tourism",
         people="Virat Kohli (cricketer, born there)",
         festivals="Diwali; Holi; Republic Day parade",
         universities="University of Delhi; Jawaharlal Nehru University; IIT Delhi",
         nicknames="Dilli; City of Djinns", founded=-500,
         history="Inhabited for thousands of years and the seat of the Delhi Sultanate and the "
                 "Mughal Empire; New Delhi was built by the British and became the capital in "
                 "1931; hosted the 2010 Commonwealth Games.",
         transport="A huge metro network, buses, auto-rickshaws and cycle-rickshaws.",
         population_note="about 20 million in the National Capital Territory"),
    city("hyderabad,india", "Hyderabad", "Hyderabad Deccan; Bhagyanagar; Cyberabad", "India",
         regions="Telangana; South India; Deccan Plateau", parts="south; central", lat=17.39,
         lon=78.49, elevation=540, population=10.5, climate="Aw", temp=26.5, rain=810,
         capital="regional", rivers="Musi River", waters="Hussain Sagar",
         languages="Telugu; Urdu; Hindi", religions="Hinduism; Islam",
         dishes="Hyderabadi biryani; haleem; Irani chai with Osmania biscuits; double ka meetha; "
                "mirchi ka salan",
         landmarks="Charminar|monument mosque; Golconda Fort|fort; Hussain Sagar and its Buddha statue|lake statue; "
                   "Ramoji Film City|film studio; Qutb Shahi Tombs|tomb; Chowmahalla Palace|palace; "
                   "Salar Jung Museum|museum; Birla Mandir|temple hindu; HITEC City|technology",
         teams="Sunrisers Hyderabad (cricket)",
         economy="information technology (HITEC City); pharmaceuticals; pearls; Telugu film industry",
         people="Sania Mirza (tennis player, grew up there); Satya Nadella (Microsoft CEO, born there)",
         festivals="Bonalu; Eid; Bathukamma",
         universities="Osmania University; University of Hyderabad",
         nicknames="City of Pearls; City of Nizams; Cyberabad", founded=1591,
         history="Founded in 1591 by Muhammad Quli Qutb Shah; capital of the wealthy Nizams "
                 "until 1948.",
         transport="Metro rail, buses and auto-rickshaws."),
    city("kanpur,india", "Kanpur", "Cawnpore; Cawnpur; Khanpur", "India",
         regions="Uttar Pradesh; North India", parts="north", lat=26.45, lon=80.33, elevation=126,
         population=3.2, climate="Cwa", temp=25.8, rain=820, rivers="Ganges River",
         languages="Hindi; Urdu", religions="Hinduism; Islam",
         dishes="thaggu ke laddu; kachori sabzi; chaat; kebabs; malai makhan",
         landmarks="JK Temple|temple hindu; Allen Forest Zoo|zoo; Green Park Stadium|stadium cricket; "
                   "Kanpur Memorial Church|church; Moti Jheel|lake park; Phool Bagh|garden park; "
                   "Nana Rao Park|park",
         economy="leather goods; textiles; fertilisers; small-arms factories; industry",
         festivals="Ganga Mela", universities="Indian Institute of Technology Kanpur",
         nicknames="Leather City of the World; Manchester of the East", founded=1803,
         history="A British garrison town whose siege and massacres in 1857 were among the most "
                 "bitter episodes of the Indian Rebellion; became a major industrial city.",
         transport="A new metro, buses, tempos and cycle-rickshaws."),
    city("madras,india", "Chennai", "Madras; Madarasapattinam; Chennapattanam", "India",
         regions="Tamil Nadu; South India; Coromandel Coast", parts="south; southeast", lat=13.08,
         lon=80.27, elevation=7, population=11.5, climate="Aw", temp=28.6, rain=1400,
         capital="regional", coast="east; southeast", waters="Bay of Bengal",
         rivers="Cooum River; Adyar River", languages="Tamil; English",
         religions="Hinduism; Islam; Christianity",
         dishes="idli; dosa; sambar; Chettinad chicken; filter coffee; pongal",
         landmarks="Marina Beach|beach; Kapaleeshwarar Temple|temple hindu; Fort St. George|fort; "
                   "San Thome Basilica|church cathedral; Government Museum|museum; "
                   "Valluvar Kottam|monument; Mahabalipuram shore temples|temple unesco",
         teams="Chennai Super Kings (cricket); Chennaiyin FC (football)",
         economy="automotive industry; IT and software; healthcare; Tamil film industry (Kollywood)",
         people="A. R. Rahman (composer, born there); Viswanathan Anand (chess champion, grew up there); "
                "Srinivasa Ramanujan (mathematician, worked there)",
         festivals="Pongal; the December Music Season (Carnatic music)",
         universities="IIT Madras; University of Madras",
         nicknames="Detroit of India; Gateway to South India", founded=1639,
         history="Grew around Fort St. George, built by the English East India Company in 1644; "
                 "renamed from Madras in 1996.",
         transport="Metro, suburban trains, buses and auto-rickshaws."),
    # ---- Pakistan / Bangladesh ----------------------------------------------------------
    city("faisalabad,pakistan", "Faisalabad", "Lyallpur; Lyalpur", "Pakistan",
         regions="Punjab; Central Punjab", parts="east; northeast", lat=31.42, lon=73.08,
         elevation=184, population=3.6, climate="BSh", temp=24.5, rain=380,
         languages="Punjabi; Urdu", borders="",
         dishes="chicken karahi; lassi; Nawab's nihari; sweets and halwa",
         landmarks="Clock Tower (Ghanta Ghar) and its eight bazaars|clock tower market bazaar; "
                   "Lyallpur Museum|museum; Jinnah Garden|park garden; Chenab Club|club; "
                   "Iqbal Stadium|stadium cricket",
         economy="textiles; agriculture and food processing; chemicals",
         people="Nusrat Fateh Ali Khan (qawwali singer, born there)",
         universities="University of Agriculture Faisalabad", nicknames="Manchester of Pakistan",
         founded=1892,
         history="Laid out by the British around 1896 as Lyallpur, with a clock tower at the centre "
                 "of eight bazaars shaped like the Union Jack; renamed in 1979 after King Faisal of "
                 "Saudi Arabia.",
         transport="Buses, auto-rickshaws and an international airport."),
    city("karachi,pakistan", "Karachi", "Kurrachee; Kolachi", "Pakistan",
         regions="Sindh", parts="south", lat=24.86, lon=67.00, elevation=10, population=20.0,
         climate="BWh", temp=26.0, rain=200, capital="regional",
         former_capital="Pakistan (1947-1959)", coast="south", waters="Arabian Sea",
         languages="Urdu; Sindhi; Pashto; English",
         dishes="Karachi biryani; nihari; bun kebab; haleem; seafood; chaat",
         landmarks="Mazar-e-Quaid (Jinnah's mausoleum)|mausoleum tomb; Clifton Beach|beach; "
                   "Frere Hall|hall colonial; Mohatta Palace|palace museum; Port Grand|food street waterfront; "
                   "Empress Market|market; Manora Island|island lighthouse; Masjid-e-Tooba|mosque",
         teams="Karachi Kings (cricket)",
         economy="port and shipping; finance (Pakistan Stock Exchange); textiles; industry; trade",
         people="Muhammad Ali Jinnah (founder of Pakistan, born there); Benazir Bhutto (prime minister, born there); "
                "Abdul Sattar Edhi (humanitarian, worked there)",
         universities="University of Karachi", nicknames="City of Lights; City of the Quaid",
         founded=1729,
         history="A small fishing settlement that grew into a port under British rule; the first "
                 "capital of Pakistan after independence in 1947.",
         transport="Buses, a bus rapid transit line, rickshaws and Pakistan's busiest airport."),
    city("lahore,pakistan", "Lahore", "Lahor; Lahaur", "Pakistan",
         regions="Punjab", parts="east; northeast", lat=31.55, lon=74.34, elevation=217,
         population=13.0, climate="BSh", temp=24.5, rain=650, capital="regional",
         former_capital="the Mughal Empire (under Akbar) and the Sikh Empire", rivers="Ravi River",
         languages="Punjabi; Urdu", borders="India",
         dishes="nihari; paaye; halwa puri; chicken karahi; Lahori fried fish; lassi",
         landmarks="Badshahi Mosque|mosque mughal; Lahore Fort|fort unesco mughal; "
                   "Shalimar Gardens|garden unesco mughal; Minar-e-Pakistan|monument tower; "
                   "Wazir Khan Mosque|mosque; Anarkali Bazaar|market bazaar; Data Darbar|shrine sufi; "
                   "Wagah border ceremony|border ceremony; Lahore Museum|museum",
         teams="Lahore Qalandars (cricket)",
         economy="services; textiles; manufacturing; the Punjabi and Urdu film industry (Lollywood)",
         people="Allama Muhammad Iqbal (poet, buried there); Imran Khan (cricketer and prime minister, born there)",
         festivals="Basant kite festival; Lahore Literary Festival",
         universities="University of the Punjab; Lahore University of Management Sciences",
         nicknames="Heart of Pakistan; City of Gardens; Paris of the East",
         history="A Mughal capital and later capital of the Sikh Empire of Ranjit Singh; the "
                 "Lahore Resolution calling for Pakistan was passed there in 1940.",
         transport="Metro bus, the Orange Line metro train and rickshaws."),
    city("dhaka,bangladesh", "Dhaka", "Dacca; Jahangirnagar", "Bangladesh",
         regions="Dhaka Division; Bengal", parts="central", lat=23.81, lon=90.41, elevation=4,
         population=23.0, climate="Aw", temp=26.0, rain=2100, capital="national",
         former_capital="Mughal Bengal (as Jahangirnagar)", rivers="Buriganga River",
         languages="Bengali (Bangla)",
         dishes="kacchi biryani; bakarkhani bread; fuchka; haleem; hilsa fish; bhuna khichuri",
         landmarks="Lalbagh Fort|fort mughal; Ahsan Manzil (Pink Palace)|palace museum; "
                   "National Parliament House|parliament architecture; Shaheed Minar|monument; "
                   "Star Mosque|mosque; Dhakeshwari Temple|temple hindu; Sadarghat river port|port boats",
         economy="garment and textile industry; services; trade",
         people="Muhammad Yunus (Nobel Peace Prize laureate, worked there)",
         festivals="Pohela Boishakh; Ekushey February (Language Movement Day); Eid",
         universities="University of Dhaka", nicknames="City of Mosques; Rickshaw Capital of the World",
         founded=1608,
         history="Capital of Mughal Bengal from 1610 and of independent Bangladesh since 1971; "
                 "among the most densely populated cities on earth.",
         transport="Hundreds of thousands of cycle-rickshaws, buses, a new metro and river launches; "
                   "severe traffic congestion.",
         population_note="about 10 million in the city corporations"),
    # ---- Indonesia ---------------------------------------------------------------------
    city("bandung,indonesia", "Bandung", "Bandoeng", "Indonesia",
         regions="West Java; Parahyangan", parts="west", island="Java", island_parts="west",
         lat=-6.91, lon=107.61, elevation=768, population=2.5, climate="Am", temp=23.0,
         rain=2000, capital="regional", rivers="Cikapundung River",
         mountains="Tangkuban Perahu volcano; Mount Patuha; Mount Malabar",
         languages="Sundanese; Indonesian",
         dishes="batagor; siomay; surabi; seblak; peuyeum; cireng",
         landmarks="Gedung Sate|government building; Gedung Merdeka (Asian-African Conference Museum)|museum; "
                   "Tangkuban Perahu|volcano crater; Kawah Putih|crater lake volcano; Braga Street|street colonial; "
                   "Saung Angklung Udjo|music bamboo; Trans Studio Bandung|theme park",
         teams="Persib Bandung (football)",
         economy="textiles and fashion factory outlets; creative industries; education; aircraft (PT Dirgantara)",
         universities="Bandung Institute of Technology (ITB)",
         nicknames="Paris van Java; City of Flowers (Kota Kembang)", founded=1810,
         history="A cool Dutch colonial hill town; hosted the Asian-African Conference of 1955.",
         transport="Angkot minibuses, buses and the Jakarta-Bandung high-speed railway.",
         population_note="about 8.5 million in the metropolitan area"),
    city("bogor,indonesia", "Bogor", "Buitenzorg", "Indonesia",
         regions="West Java; Jabodetabek (Greater Jakarta)", parts="west", island="Java",
         island_parts="west", lat=-6.60, lon=106.80, elevation=265, population=1.1,
         climate="Af", temp=25.5, rain=3800, rivers="Ciliwung River; Cisadane River",
         mountains="Mount Salak; Mount Gede-Pangrango", languages="Sundanese; Indonesian",
         dishes="soto kuning; asinan Bogor; toge goreng; laksa Bogor; taro (talas) cakes",
         landmarks="Bogor Botanical Gardens (Kebun Raya)|garden botanical; Bogor Palace|palace presidential; "
                   "Mount Salak|volcano mountain; Bogor Zoology Museum|museum; Taman Safari (nearby)|zoo",
         economy="agriculture research; education; tourism; commuting to Jakarta",
         universities="IPB University (Bogor Agricultural University)",
         nicknames="Rain City (Kota Hujan)", founded=1482,
         history="Seat of the old Sundanese kingdom of Pajajaran and the Dutch governors' summer "
                 "retreat of Buitenzorg; one of the rainiest cities in the world.",
         transport="Commuter trains to Jakarta, green angkot minibuses and buses."),
    city("cirebon,indonesia", "Cirebon", "Cheribon; Tjirebon", "Indonesia",
         regions="West Java", parts="west; central", island="Java", island_parts="west; central; north",
         lat=-6.71, lon=108.56, elevation=5, population=0.35, climate="Aw", temp=27.5, rain=1800,
         coast="north", waters="Java Sea", mountains="Mount Ciremai",
         languages="Cirebonese (Javanese); Sundanese; Indonesian",
         dishes="empal gentong; nasi jamblang; tahu gejrot; docang; nasi lengko",
         landmarks="Kasepuhan Palace|palace kraton sultan; Kanoman Palace|palace kraton sultan; "
                   "Sang Cipta Rasa Mosque|mosque; Tomb of Sunan Gunung Jati|tomb shrine; "
                   "Trusmi batik village|batik market",
         economy="fishing and shrimp; batik; port; trade",
         festivals="", nicknames="Shrimp City (Kota Udang); City of the Guardians (Kota Wali)",
         founded=1369,
         history="Seat of the Sultanate of Cirebon, founded by Sunan Gunung Jati, one of the Wali "
                 "Songo who spread Islam in Java; famous for its megamendung cloud batik.",
         transport="Trains on the north coast line, angkot minibuses and becak (pedicabs)."),
    city("jakarta,indonesia", "Jakarta", "Djakarta; Batavia; Jayakarta; Sunda Kelapa; DKI Jakarta",
         "Indonesia", regions="Special Capital Region of Jakarta; Jabodetabek", parts="west",
         island="Java", island_parts="west; northwest; north", lat=-6.21, lon=106.85, elevation=8,
         population=11.0, climate="Am", temp=27.5, rain=1800, capital="national",
         coast="north", waters="Java Sea; Jakarta Bay", rivers="Ciliwung River",
         languages="Indonesian; Betawi", religions="Islam; Christianity; Buddhism",
         dishes="soto Betawi; kerak telor; nasi uduk; gado-gado; ketoprak",
         landmarks="National Monument (Monas)|monument tower; Istiqlal Mosque|mosque; "
                   "Jakarta Cathedral|cathedral church; Kota Tua (Old Batavia)|old town colonial; "
                   "Taman Mini Indonesia Indah|theme park; Ancol Dreamland|theme park beach; "
                   "Thousand Islands (Kepulauan Seribu)|islands; Bundaran HI|roundabout monument",
         teams="Persija Jakarta (football)",
         economy="government; finance; trade; services; manufacturing",
         people="Barack Obama (lived there as a child)",
         festivals="Jakarta Fair; Jakarta International Java Jazz Festival",
         universities="University of Indonesia", nicknames="Big Durian; the Big Durian",
         founded=1527,
         history="The port of Sunda Kelapa was renamed Jayakarta in 1527 and became Batavia, the "
                 "headquarters of the Dutch East India Company, in 1619; hosted the 1962 and 2018 "
                 "Asian Games; sinking and flood-prone, so a new capital (Nusantara) is being built.",
         transport="MRT, LRT, commuter trains, the TransJakarta busway and ojek motorbike taxis; "
                   "infamous traffic jams.",
         population_note="about 34 million in the metropolitan area"),
    city("malang,indonesia", "Malang", "Kota Malang", "Indonesia",
         regions="East Java", parts="east", island="Java", island_parts="east", lat=-7.98,
         lon=112.63, elevation=450, population=0.85, climate="Am", temp=24.0, rain=1900,
         rivers="Brantas River", mountains="Mount Arjuno; Mount Semeru; Mount Bromo; Mount Kawi",
         languages="Javanese; Indonesian",
         dishes="bakso Malang (meatball soup); rawon; cwie mie; tempeh chips (keripik tempe); apples",
         landmarks="Jodipan Colourful Village (Kampung Warna-Warni)|colorful village; "
                   "Alun-alun Tugu|square monument; Ijen Boulevard|street colonial; "
                   "Mount Bromo (nearby)|volcano; Jatim Park in Batu|theme park; Singosari Temple|temple hindu ancient",
         teams="Arema FC (football)",
         economy="education; tourism; agriculture (apples, coffee); cigarettes",
         universities="Brawijaya University",
         nicknames="City of Education; Paris of East Java", founded=760,
         history="Near the seat of the 13th-century Singhasari kingdom; a cool Dutch colonial hill "
                 "town, now a student city.",
         transport="Angkot minibuses, trains and a small airport."),
    city("medan,indonesia", "Medan", "Kota Medan", "Indonesia",
         regions="North Sumatra", parts="west; northwest", island="Sumatra",
         island_parts="north; northeast; east", lat=3.59, lon=98.67, elevation=25, population=2.5,
         climate="Af", temp=27.0, rain=2200, capital="regional", rivers="Deli River; Babura River",
         near_waters="Strait of Malacca", mountains="Mount Sibayak; Mount Sinabung",
         languages="Indonesian; Malay; Batak; Hokkien", religions="Islam; Christianity; Buddhism",
         dishes="durian; bika ambon; soto Medan; mie Aceh; Batak dishes; Medan coffee",
         landmarks="Maimun Palace|palace sultan; Great Mosque of Medan|mosque; "
                   "Tjong A Fie Mansion|mansion museum; Graha Maria Annai Velangkanni|church; "
                   "Lake Toba (nearby)|lake volcano",
         teams="PSMS Medan (football)",
         economy="palm oil; rubber; tobacco; trade through the port of Belawan",
         founded=1590,
         history="Grew rich as the capital of the Sultanate of Deli and the centre of Dutch "
                 "tobacco plantations; the largest Indonesian city outside Java.",
         transport="Angkot minibuses, becak motor rickshaws and Kualanamu airport."),
    city("semarang,indonesia", "Semarang", "Samarang", "Indonesia",
         regions="Central Java", parts="west; central", island="Java", island_parts="central; north",
         lat=-6.99, lon=110.42, elevation=5, population=1.7, climate="Am", temp=28.0, rain=2400,
         capital="regional", coast="north", waters="Java Sea", languages="Javanese; Indonesian",
         dishes="lumpia Semarang (spring rolls); bandeng presto (pressure-cooked milkfish); "
                "wingko babat; tahu gimbal",
         landmarks="Lawang Sewu (Thousand Doors)|colonial building; Sam Poo Kong Temple|temple chinese; "
                   "Kota Lama (Old Town)|old town colonial; Great Mosque of Central Java|mosque; "
                   "Blenduk Church|church; Tugu Muda|monument; Simpang Lima|square",
         teams="PSIS Semarang (football)", economy="port (Tanjung Emas); trade; manufacturing",
         nicknames="Little Netherlands (Kota Lama)", founded=1547,
         history="A Dutch colonial port; the admiral Zheng He is said to have landed there in the "
                 "15th century; prone to tidal flooding.",
         transport="Trans Semarang buses, trains and a port."),
    city("sukabumi,indonesia", "Sukabumi", "Soekaboemi", "Indonesia",
         regions="West Java; Parahyangan", parts="west", island="Java", island_parts="west; southwest",
         lat=-6.92, lon=106.93, elevation=584, population=0.35, climate="Af", temp=24.0,
         rain=3000, mountains="Mount Gede-Pangrango; Mount Salak", near_waters="Indian Ocean",
         languages="Sundanese; Indonesian",
         dishes="mochi Sukabumi; bandrek (ginger drink); soto Sukabumi; Sundanese dishes",
         landmarks="Situ Gunung suspension bridge|bridge forest; Pelabuhan Ratu beaches (nearby)|beach; "
                   "Ciletuh-Palabuhanratu Geopark (nearby)|geopark unesco",
         economy="tea and agriculture; small industry; tourism",
         founded=1914,
         history="A cool Dutch colonial hill town among tea plantations, at the foot of Mount "
                 "Gede-Pangrango.",
         transport="Angkot minibuses and a railway line to Bogor; no airport."),
    city("surabaya,indonesia", "Surabaya", "Soerabaja; Surabaja", "Indonesia",
         regions="East Java", parts="east", island="Java", island_parts="east; northeast; north",
         lat=-7.25, lon=112.75, elevation=5, population=3.0, climate="Aw", temp=28.0, rain=1500,
         capital="regional", coast="north; northeast", waters="Madura Strait; Java Sea",
         rivers="Kalimas River (Brantas)", languages="Javanese (Suroboyoan); Indonesian; Madurese",
         dishes="rujak cingur; lontong balap; rawon; soto ayam; semanggi",
         landmarks="Suramadu Bridge|bridge; Heroes Monument (Tugu Pahlawan)|monument; "
                   "House of Sampoerna|museum tobacco; Submarine Monument (Monkasel)|museum submarine; "
                   "Ampel Mosque|mosque; Al-Akbar Mosque|mosque; Surabaya Zoo|zoo; "
                   "Suro and Boyo statue|statue shark crocodile",
         teams="Persebaya Surabaya (football)",
         economy="port (Tanjung Perak) and navy base; trade; shipbuilding; manufacturing",
         people="Sukarno (first president of Indonesia, born there)",
         nicknames="City of Heroes (Kota Pahlawan)", founded=1293,
         history="The Battle of Surabaya on 10 November 1945 against British forces is remembered "
                 "as Heroes' Day; Indonesia's second-largest city.",
         transport="Buses, a suburban rail line, ferries and a big port."),
    # ---- mainland and maritime Southeast Asia ------------------------------------------
    city("bangkok,thailand", "Bangkok", "Krung Thep; Krung Thep Maha Nakhon; Bangkok Metropolis",
         "Thailand", regions="Bangkok Metropolitan Region; Central Thailand", parts="central",
         lat=13.76, lon=100.50, elevation=2, population=10.5, climate="Aw", temp=28.6, rain=1650,
         capital="national", rivers="Chao Phraya River", near_waters="Gulf of Thailand",
         dishes="pad thai; tom yum goong; green curry; som tam; mango sticky rice; boat noodles",
         landmarks="Grand Palace|palace royal; Wat Phra Kaew (Temple of the Emerald Buddha)|temple buddhist; "
                   "Wat Arun (Temple of Dawn)|temple buddhist; Wat Pho (Reclining Buddha)|temple buddhist buddha; "
                   "Khao San Road|street nightlife backpacker; Chatuchak Weekend Market|market; "
                   "floating markets|market floating; MahaNakhon|skyscraper; Chinatown (Yaowarat)|chinatown",
         teams="Muangthong United (football)",
         economy="tourism; finance; trade; manufacturing; services",
         festivals="Songkran water festival; Loy Krathong",
         universities="Chulalongkorn University", nicknames="City of Angels; Venice of the East",
         founded=1782,
         history="Became the capital in 1782 under King Rama I; its full ceremonial name is one "
                 "of the longest place names in the world.",
         transport="The BTS Skytrain, MRT subway, river boats, tuk-tuks and motorbike taxis; "
                   "notorious traffic jams."),
    city("ho chi minh city,vietnam", "Ho Chi Minh City", "Saigon; Sai Gon; HCMC; Ho Chi Minh; Thanh pho Ho Chi Minh",
         "Vietnam", exact_aliases="HCMC", regions="Southeast region", parts="south", lat=10.82,
         lon=106.63, elevation=10, population=9.5, climate="Aw", temp=27.5, rain=1950,
         former_capital="South Vietnam (until 1975)", rivers="Saigon River",
         near_waters="South China Sea", languages="Vietnamese",
         dishes="phở; bánh mì; cơm tấm (broken rice); hủ tiếu; bánh xèo; iced coffee (cà phê sữa đá)",
         landmarks="Notre-Dame Cathedral Basilica|cathedral church colonial; Central Post Office|post office colonial; "
                   "Ben Thanh Market|market; Independence Palace (Reunification Palace)|palace; "
                   "War Remnants Museum|museum war; Cu Chi Tunnels (nearby)|tunnels war; "
                   "Bitexco Financial Tower|skyscraper; Landmark 81|skyscraper; Bui Vien Street|street nightlife",
         economy="trade; manufacturing; finance; technology; tourism",
         festivals="Tết (Lunar New Year) flower street",
         universities="Vietnam National University, Ho Chi Minh City", nicknames="Pearl of the Far East",
         borders="Cambodia", founded=1698,
         history="Capital of French Cochinchina and then of South Vietnam; renamed after Ho Chi "
                 "Minh when the Vietnam War ended with the fall of Saigon in 1975.",
         transport="Millions of motorbikes, buses and a new metro line."),
    city("quezon city,philippines", "Quezon City", "QC; Quezon; Lungsod Quezon", "Philippines",
         exact_aliases="QC", regions="Metro Manila; National Capital Region", parts="north; central",
         island="Luzon", island_parts="south; southwest; central", lat=14.68, lon=121.04, elevation=50, population=3.0, climate="Am",
         temp=27.5, rain=2500, former_capital="the Philippines (1948-1976)",
         rivers="Marikina River; San Juan River", near_waters="Manila Bay",
         dishes="adobo; sinigang; lechon; kare-kare; halo-halo; sisig",
         landmarks="Quezon Memorial Circle|monument park shrine; University of the Philippines Diliman|university; "
                   "La Mesa Eco Park|park; Araneta Coliseum|arena; Eastwood City|shopping; "
                   "Batasang Pambansa|parliament government; SM North EDSA|mall shopping; "
                   "Tomas Morato|food nightlife",
         economy="media and television (ABS-CBN, GMA); services; IT outsourcing; government",
         festivals="Panagbenga; Christmas", universities="University of the Philippines; Ateneo de Manila University",
         nicknames="City of Stars", founded=1939,
         history="Founded in 1939 by President Manuel L. Quezon and the capital of the Philippines "
                 "from 1948 to 1976; the most populous city in the country; the 'Thrilla in "
                 "Manila' boxing match took place at its Araneta Coliseum in 1975.",
         transport="MRT and LRT lines, jeepneys, buses and tricycles; heavy traffic on EDSA."),
    city("singapore,singapore", "Singapore", "Singapura; Republic of Singapore", "Singapore",
         regions="", parts="", island="Singapore Island (Pulau Ujong)", lat=1.35, lon=103.82,
         elevation=15, population=5.9, climate="Af", temp=27.5, rain=2400, capital="national",
         coast="south; north; east", waters="Singapore Strait; Strait of Johor; South China Sea",
         near_waters="Strait of Malacca", borders="Malaysia",
         landmarks="Marina Bay Sands|hotel skyscraper casino; Gardens by the Bay|garden supertree; "
                   "Merlion|statue lion; Sentosa Island and Universal Studios Singapore|island theme park; "
                   "Singapore Flyer|ferris wheel; Changi Airport and Jewel|airport waterfall; "
                   "Orchard Road|shopping street; Chinatown|chinatown; Little India|neighbourhood; "
                   "Raffles Hotel|hotel colonial; Singapore Botanic Gardens|garden botanical unesco; "
                   "Night Safari|zoo",
         teams="Singapore Grand Prix (Formula 1 night race)",
         economy="finance; shipping and the port; petrochemicals; electronics; tourism",
         people="Lee Kuan Yew (founding prime minister)",
         universities="National University of Singapore; Nanyang Technological University",
         nicknames="Lion City; Garden City; Little Red Dot; Fine City", founded=1819,
         history="Founded as a British trading post by Stamford Raffles in 1819; independent "
                 "city-state since 1965.",
         transport="The MRT metro, buses and taxis; car ownership is kept low by high fees."),
    city("yangon,myanmar", "Yangon", "Rangoon; Dagon", "Myanmar",
         regions="Yangon Region; Lower Myanmar", parts="south", lat=16.87, lon=96.20,
         elevation=20, population=5.6, climate="Am", temp=27.5, rain=2700,
         former_capital="Myanmar (until 2006) and British Burma", rivers="Yangon River; Bago River; Hlaing River",
         near_waters="Andaman Sea", waters="Kandawgyi Lake; Inya Lake",
         landmarks="Shwedagon Pagoda|pagoda temple gold buddhist; Sule Pagoda|pagoda buddhist; "
                   "Botataung Pagoda|pagoda buddhist; Kandawgyi Lake and Karaweik Palace|lake palace; "
                   "Bogyoke Aung San Market|market; Chaukhtatgyi Reclining Buddha|buddha temple; "
                   "Strand Hotel|hotel colonial; Secretariat Building|colonial building",
         economy="trade and the main port; garments; services",
         people="Aung San Suu Kyi (lived there under house arrest)",
         festivals="Thingyan water festival; Tazaungdaing",
         universities="University of Yangon", founded=1755,
         history="King Alaungpaya renamed the pagoda town of Dagon 'Yangon' (end of strife) in "
                 "1755; capital of British Burma and of Myanmar until 2006.",
         transport="The Circular Railway, buses and ferries; motorbikes are banned downtown."),
    # ---- West and Central Asia -----------------------------------------------------------
    city("mashhad,iran", "Mashhad", "Mashad; Meshed; Meshhed", "Iran",
         regions="Razavi Khorasan; Khorasan", parts="northeast", lat=36.30, lon=59.60,
         elevation=995, population=3.4, climate="BSk", temp=14.5, rain=250, capital="regional",
         former_capital="Persia under Nader Shah (Afsharid dynasty)", rivers="Kashaf River",
         mountains="Binalud Mountains", borders="Turkmenistan",
         dishes="sholeh Mashhadi; kebab; saffron ice cream (bastani); shishlik",
         landmarks="Imam Reza Shrine|shrine mosque holy; Goharshad Mosque|mosque; "
                   "Tomb of Ferdowsi (Tus)|tomb poet; Tomb of Nader Shah|tomb; Kooh Sangi Park|park",
         economy="religious pilgrimage and tourism; saffron; carpets; food processing",
         festivals="Pilgrimage to the Imam Reza shrine", universities="Ferdowsi University of Mashhad",
         nicknames="Holy City", founded=818,
         history="Grew around the tomb of Imam Reza, the eighth Shia imam, who died there in 818; "
                 "the holiest city in Iran, visited by millions of pilgrims.",
         transport="Metro, bus rapid transit and an international airport."),
    city("tehran,iran", "Tehran", "Teheran; Tehrun", "Iran",
         regions="Tehran Province", parts="north", lat=35.69, lon=51.39, elevation=1200,
         population=9.0, climate="BSk", temp=18.0, rain=230, capital="national",
         mountains="Alborz Mountains; Mount Tochal; Mount Damavand",
         dishes="chelow kabab; dizi (abgoosht); ghormeh sabzi; tahdig; ash reshteh",
         landmarks="Milad Tower|tower tv; Azadi Tower|tower monument; Golestan Palace|palace unesco; "
                   "Grand Bazaar|bazaar market; National Jewels Museum|museum; Tabiat Bridge|bridge; "
                   "Sa'dabad Palace|palace; Tehran Museum of Contemporary Art|museum art",
         teams="Persepolis and Esteghlal (football)",
         economy="government; industry; finance; services; oil and gas companies",
         festivals="Nowruz; Fajr Film Festival", universities="University of Tehran; Sharif University of Technology",
         founded=1220,
         history="A village that became the capital under the Qajar dynasty in 1786; hosted the "
                 "Tehran Conference of 1943 and the 1974 Asian Games; known for air pollution "
                 "and traffic.",
         transport="Metro, bus rapid transit and shared taxis; skiing in the mountains nearby."),
    city("baghdad,iraq", "Baghdad", "Bagdad; Madinat al-Salam", "Iraq",
         regions="Baghdad Governorate; Mesopotamia", parts="central", lat=33.31, lon=44.37,
         elevation=34, population=7.5, climate="BWh", temp=23.5, rain=150, capital="national",
         former_capital="the Abbasid Caliphate (762-1258)", rivers="Tigris River",
         religions="Islam (Shia and Sunni)",
         dishes="masgouf (grilled carp); dolma; kubba; quzi; kleicha; samoon bread",
         people="Harun al-Rashid (caliph who ruled from it); Al-Khwarizmi (mathematician, worked at its House of Wisdom)",
         landmarks="Al-Shaheed Monument|monument; Al-Mustansiriya Madrasa|school university historic; "
                   "Al-Kadhimiya Mosque|mosque shrine; Abbasid Palace|palace; "
                   "Swords of Qadisiyah (Victory Arch)|monument arch; National Museum of Iraq|museum; "
                   "Mutanabbi Street|street books; Firdos Square|square",
         teams="Al-Zawraa and Al-Quwa Al-Jawiya (football)",
         economy="government; oil; trade; services",
         universities="University of Baghdad", nicknames="City of Peace; Round City", founded=762,
         history="Founded in 762 as the Round City by the Abbasid caliph al-Mansur; the centre of "
                 "the Islamic Golden Age and its House of Wisdom; setting of many tales of the "
                 "Thousand and One Nights.",
         transport="Buses, taxis and an international airport."),
    city("ankara,turkey", "Ankara", "Angora; Ancyra; Engürü", "Turkey",
         regions="Ankara Province; Central Anatolia", parts="central", lat=39.93, lon=32.86,
         elevation=938, population=5.8, climate="BSk", temp=12.0, rain=400, capital="national",
         continents="Asia",
         dishes="Ankara tava; döner kebab; simit; baklava",
         landmarks="Anıtkabir (Atatürk's mausoleum)|mausoleum memorial; Ankara Castle|castle citadel; "
                   "Kocatepe Mosque|mosque; Museum of Anatolian Civilizations|museum; "
                   "Atakule Tower|tower; Temple of Augustus and Rome|temple roman; Hacı Bayram Mosque|mosque",
         teams="Gençlerbirliği and MKE Ankaragücü (football)",
         economy="government; defence industry; education; services",
         people="Mustafa Kemal Atatürk (made it the capital; buried there)",
         universities="Middle East Technical University; Ankara University",
         nicknames="", founded=-1000,
         history="An ancient city (Ancyra), famous for Angora goats, cats and wool; Atatürk's "
                 "headquarters in the War of Independence and capital of Turkey since 1923.",
         transport="Metro, buses and high-speed trains to Istanbul and Konya."),
    city("istanbul,turkey", "Istanbul", "İstanbul; Constantinople; Byzantium; Konstantinopolis; Stamboul",
         "Turkey", regions="Istanbul Province; Marmara Region; Thrace", parts="northwest",
         lat=41.01, lon=28.98, elevation=40, population=15.7, climate="Csa", temp=15.0, rain=800,
         former_capital="the Byzantine and Ottoman Empires", continents="Europe; Asia",
         coast="north; northwest", waters="Bosphorus; Sea of Marmara; Black Sea; Golden Horn",
         dishes="kebab; baklava; simit; balık ekmek (fish sandwich); Turkish delight (lokum); meze; "
                "Turkish coffee",
         landmarks="Hagia Sophia|mosque church museum cathedral byzantine; Blue Mosque (Sultan Ahmed Mosque)|mosque; "
                   "Topkapı Palace|palace museum ottoman; Grand Bazaar|bazaar market; Spice Bazaar|bazaar market; "
                   "Galata Tower|tower; Basilica Cistern|cistern byzantine; Bosphorus Bridge|bridge; "
                   "Dolmabahçe Palace|palace ottoman; Maiden's Tower|tower island; Taksim Square|square; "
                   "İstiklal Avenue|street shopping; Süleymaniye Mosque|mosque",
         teams="Galatasaray, Fenerbahçe and Beşiktaş (football)",
         economy="finance; trade and shipping; tourism; textiles; media",
         people="Orhan Pamuk (Nobel-winning novelist, born there)",
         festivals="Istanbul Tulip Festival; Istanbul Film Festival",
         universities="Istanbul University; Boğaziçi University",
         nicknames="City on Seven Hills; the city where East meets West", founded=-657,
         history="Founded as Byzantium by Greek colonists around 657 BC; as Constantinople it was "
                 "the capital of the Byzantine Empire, and after the Ottoman conquest in 1453 of "
                 "the Ottoman Empire.",
         transport="Metro, trams, ferries across the Bosphorus, the Marmaray rail tunnel and "
                   "bridges between Europe and Asia."),
    city("izmir,turkey", "İzmir", "Izmir; Smyrna; Smyrne", "Turkey",
         regions="İzmir Province; Aegean Region", parts="west", lat=38.42, lon=27.14,
         elevation=20, population=4.4, climate="Csa", temp=18.0, rain=700, continents="Asia",
         coast="west", waters="Aegean Sea; Gulf of İzmir",
         dishes="boyoz pastry; kumru sandwich; İzmir köfte; gevrek; seafood meze",
         landmarks="İzmir Clock Tower (Konak Square)|clock tower square; Kemeraltı Bazaar|bazaar market; "
                   "Kadifekale|castle fortress; Agora of Smyrna|ruins ancient; Asansör|elevator historic; "
                   "Kordon promenade|promenade seafront; Ephesus (nearby)|ruins ancient",
         teams="Göztepe, Karşıyaka and Altay (football)",
         economy="port; trade; tourism; food processing; textiles",
         people="Homer (said to have been born in ancient Smyrna)",
         festivals="İzmir International Fair", universities="Ege University",
         nicknames="Pearl of the Aegean", founded=-3000,
         history="Ancient Smyrna, one of the oldest cities of the Mediterranean; largely rebuilt "
                 "after the great fire of 1922.",
         transport="Metro, İZBAN suburban trains, trams and ferries across the gulf."),
    city("tashkent,uzbekistan", "Tashkent", "Toshkent; Tashkend; Chach; Binkath", "Uzbekistan",
         regions="Tashkent Region", parts="east; northeast", lat=41.30, lon=69.24, elevation=455,
         population=3.0, climate="Dsa", temp=15.0, rain=450, capital="national",
         rivers="Chirchiq River", mountains="Tian Shan foothills; Chimgan Mountains",
         borders="Kazakhstan",
         dishes="plov; samsa; lagman; shashlik; non bread; manti",
         landmarks="Khast Imam Complex (Uthman Quran)|mosque complex quran; Chorsu Bazaar|bazaar market; "
                   "Amir Timur Square and Museum|square museum statue; Tashkent TV Tower|tower tv; "
                   "Kukeldash Madrasah|madrasa; Minor Mosque|mosque; Independence Square|square; "
                   "Tashkent Metro stations|metro",
         teams="Pakhtakor and Bunyodkor (football)",
         economy="government; textiles and cotton; machinery; trade",
         universities="National University of Uzbekistan", nicknames="Stone City", founded=-200,
         history="An ancient Silk Road oasis; destroyed by an earthquake in 1966 and rebuilt as a "
                 "Soviet model city; the largest city in Central Asia.",
         transport="A Soviet-built metro with ornate stations, buses and trams."),
]
