"""Guess My City data: China (with Hong Kong), Taiwan, Japan and the two Koreas."""
from __future__ import annotations

from archer_jax.envs.guess_my_city.records import city

CITIES = [
    city("beijing,china", "Beijing", "Peking; Peiping", "China",
         regions="Beijing Municipality; North China; North China Plain", parts="north",
         lat=39.90, lon=116.41, elevation=44, population=21.9, climate="Dwa", temp=12.9,
         rain=570, capital="national", rivers="Yongding River; Grand Canal",
         mountains="Yan Mountains; Western Hills",
         languages="Mandarin Chinese (Beijing dialect)",
         dishes="Peking duck; zhajiangmian (noodles with soybean paste); jiaozi dumplings; "
                "hot pot; tanghulu (candied hawthorn)",
         landmarks="Forbidden City/Palace Museum|palace imperial museum; "
                   "Great Wall (Badaling and Mutianyu)/Great Wall of China|wall ancient; "
                   "Tiananmen Square|square; Temple of Heaven|temple; "
                   "Summer Palace|palace garden lake imperial; Bird's Nest (National Stadium)|stadium olympic; "
                   "Ming Tombs|tomb; Lama Temple|temple buddhist; hutong alleys/hutongs|old neighbourhood; "
                   "CCTV Headquarters|skyscraper modern",
         teams="Beijing Guoan (football); Beijing Ducks (basketball)",
         economy="government; technology (Zhongguancun); finance; tourism; education",
         people="Lao She (writer); Puyi (last emperor, born in the city); Jet Li (actor, born in the city)",
         festivals="Beijing Opera performances; temple fairs at Spring Festival",
         universities="Peking University; Tsinghua University",
         nicknames="Peking", founded=-1045,
         history="More than 3,000 years old; capital of the Yuan, Ming and Qing dynasties and of "
                 "the People's Republic since 1949; host of the 2008 Summer and 2022 Winter Olympics.",
         transport="One of the world's largest metro systems, buses, shared bikes and "
                   "high-speed rail; two international airports."),
    city("changchun,china", "Changchun", "Chang-chun; Hsinking; Xinjing", "China",
         regions="Jilin; Northeast China; Manchuria", parts="northeast", lat=43.88, lon=125.32,
         elevation=220, population=4.5, climate="Dwa", temp=6.0, rain=600,
         capital="regional", former_capital="the Japanese puppet state of Manchukuo (1932-1945)",
         rivers="Yitong River", languages="Mandarin Chinese (Northeastern dialect)",
         dishes="guobaorou (sweet and sour crispy pork); pickled cabbage stew; Korean-style cold noodles; "
                "grilled skewers",
         landmarks="Imperial Palace of Manchukuo/Puppet Emperor's Palace|palace museum; "
                   "Jingyuetan National Forest Park|park forest lake; Changchun Film Studio|film museum; "
                   "Changchun World Sculpture Park|park sculpture; Nanhu Park|park lake",
         teams="Changchun Yatai (football)",
         economy="automotive industry (FAW Group); film; railway carriages; agriculture",
         festivals="Changchun Film Festival; Vasaloppet China ski race",
         universities="Jilin University", nicknames="China's Detroit; City of Automobiles",
         founded=1800,
         history="Grew around the railway in the early 1900s and was the capital of Manchukuo, "
                 "the state Japan set up around the last emperor Puyi.",
         transport="Metro and light rail lines, trams and buses."),
    city("chengdu,china", "Chengdu", "Cheng-tu; Chengtu", "China",
         regions="Sichuan; Southwest China; Sichuan Basin", parts="southwest", lat=30.66,
         lon=104.07, elevation=500, population=16.0, climate="Cfa", temp=16.5, rain=900,
         capital="regional", rivers="Min River; Jin River; Funan River",
         mountains="Longquan Mountains", languages="Mandarin Chinese (Sichuanese)",
         dishes="Sichuan hot pot; mapo tofu; kung pao chicken; dan dan noodles; "
                "twice-cooked pork; chuan chuan skewers",
         landmarks="Chengdu Research Base of Giant Panda Breeding/panda base|panda zoo; "
                   "Jinli Ancient Street|street old; Wuhou Shrine|temple shrine; "
                   "Du Fu Thatched Cottage|museum poet; Wenshu Monastery|temple monastery buddhist; "
                   "Kuanzhai Alley|street old; Jinsha Site Museum|museum archaeological; "
                   "Dujiangyan Irrigation System|ancient unesco; Leshan Giant Buddha|buddha statue",
         teams="Chengdu Rongcheng (football)",
         economy="electronics and software; aerospace; tourism; food",
         people="Du Fu (poet, lived in the city)",
         festivals="Lantern Festival; Sichuan opera face-changing shows",
         universities="Sichuan University", nicknames="Land of Abundance; Hibiscus City; Brocade City",
         founded=-311,
         history="An important city for more than 2,000 years, capital of the Shu kingdom and "
                 "one of the places where the first paper money was used.",
         transport="Large metro network, buses and a big international airport."),
    city("chongqing,china", "Chongqing", "Chungking; Chong Qing", "China",
         regions="Chongqing Municipality; Southwest China; Sichuan Basin", parts="southwest",
         lat=29.56, lon=106.55, elevation=240, population=17.0, climate="Cfa", temp=18.5,
         rain=1100,
         former_capital="the Republic of China during the Second Sino-Japanese War (1937-1946)",
         rivers="Yangtze River; Jialing River", mountains="Daba Mountains; Gele Mountain",
         languages="Mandarin Chinese (Sichuanese)",
         dishes="Chongqing hot pot; xiaomian (spicy noodles); chongqing chicken (laziji); "
                "suan la fen (hot and sour noodles)",
         landmarks="Hongyadong|stilt houses old; Jiefangbei (Liberation Monument)|monument square; "
                   "Ciqikou Ancient Town|old town; Dazu Rock Carvings|unesco carvings buddhist; "
                   "Chaotianmen|dock confluence; Liziba monorail station|monorail train building; "
                   "Yangtze River Cableway|cable car",
         teams="Chongqing Liangjiang (football)",
         economy="automotive and motorcycle manufacturing (Changan); laptops and electronics; "
                 "chemicals; logistics",
         festivals="Hot pot festivals", universities="Chongqing University",
         nicknames="Mountain City; Fog City; one of China's furnaces", founded=-316,
         history="Was China's wartime capital during the Second World War; the starting point of "
                 "Yangtze cruises through the Three Gorges.",
         transport="Metro and monorail lines (one runs through a building), cable cars and river "
                   "ferries.",
         population_note="about 32 million in the whole municipality"),
    city("dalian,china", "Dalian", "Dairen; Talien; Dalny; Lüda", "China",
         regions="Liaoning; Northeast China; Liaodong Peninsula; Manchuria", parts="northeast",
         lat=38.91, lon=121.60, elevation=30, population=4.5, climate="Dwa", temp=11.0,
         rain=650, coast="northeast; east", waters="Yellow Sea; Bohai Sea; Korea Bay",
         languages="Mandarin Chinese (Northeastern dialect)",
         dishes="seafood; sea urchin dumplings; menzi (fried starch jelly); grilled squid",
         landmarks="Xinghai Square|square seaside; Tiger Beach Ocean Park|aquarium park; "
                   "Golden Pebble Beach|beach; Bangchuidao|island beach; Russian Street|street russian; "
                   "Lüshun (Port Arthur) fortifications|fort military history; Zhongshan Square|square colonial",
         teams="Dalian Shide (former football champions); Dalian Pro",
         economy="port and shipping; shipbuilding; petrochemicals; software outsourcing; tourism",
         festivals="Dalian International Beer Festival; Summer Davos (World Economic Forum)",
         universities="Dalian University of Technology", nicknames="Romantic City; Pearl of the North",
         founded=1899,
         history="Developed as a port by Russia and then Japan around 1900; later famous as "
                 "China's football city.",
         transport="Metro, historic trams and ferries; a major seaport."),
    city("guangzhou,china", "Guangzhou", "Canton; Kwangchow; Guang Zhou", "China",
         regions="Guangdong; South China; Pearl River Delta; Greater Bay Area", parts="south",
         lat=23.13, lon=113.26, elevation=20, population=18.7, climate="Cwa", temp=22.5,
         rain=1800, capital="regional", rivers="Pearl River", near_waters="South China Sea",
         mountains="Baiyun Mountain", languages="Cantonese; Mandarin Chinese",
         dishes="dim sum; char siu (barbecued pork); roast goose; congee; wonton noodles; "
                "rice noodle rolls (cheung fun)",
         landmarks="Canton Tower|tower tv; Chen Clan Ancestral Hall|temple hall; Shamian Island|island colonial; "
                   "Yuexiu Park and the Five Rams statue|park statue; Baiyun Mountain|mountain park; "
                   "Sun Yat-sen Memorial Hall|memorial hall; Temple of the Six Banyan Trees|temple pagoda buddhist; "
                   "Chimelong Safari Park|zoo theme park; Beijing Road pedestrian street|street shopping",
         teams="Guangzhou FC (Evergrande); Guangzhou Loong Lions (basketball)",
         economy="trade (the Canton Fair); manufacturing; automotive; logistics; food",
         festivals="Canton Fair; Flower markets at Spring Festival", universities="Sun Yat-sen University",
         nicknames="Flower City; City of Rams", founded=-214,
         history="A trading port for over 2,000 years and a starting point of the Maritime Silk "
                 "Road; the only Chinese port open to Western traders under the Canton System.",
         transport="Large metro network, buses, river ferries and Baiyun International Airport."),
    city("haerbin,china", "Harbin", "Haerbin; Ha'erbin; Kharbin", "China",
         regions="Heilongjiang; Northeast China; Manchuria", parts="northeast", lat=45.75,
         lon=126.63, elevation=150, population=6.0, climate="Dwa", temp=4.5, rain=530,
         capital="regional", rivers="Songhua River", languages="Mandarin Chinese (Northeastern dialect)",
         dishes="red sausage (hong chang); guobaorou; Harbin beer; dalieba bread; frozen pears",
         landmarks="Harbin Ice and Snow World|ice festival; Saint Sophia Cathedral|cathedral church russian orthodox; "
                   "Central Street (Zhongyang Dajie)|street russian european; Siberian Tiger Park|zoo tiger; "
                   "Sun Island|island park; Stalin Park|park riverside",
         economy="machinery and power equipment; food processing; Harbin Brewery; tourism",
         festivals="Harbin International Ice and Snow Sculpture Festival",
         universities="Harbin Institute of Technology",
         nicknames="Ice City; Oriental Moscow; Paris of the East", founded=1898,
         history="Founded as a hub of the Russian-built Chinese Eastern Railway, with many "
                 "Russian buildings; hosted the 2025 Asian Winter Games.",
         transport="Metro, buses and a busy railway junction."),
    city("hong kong,china", "Hong Kong", "Hongkong; Heung Kong; HKSAR", "China",
         exact_aliases="HK", regions="Hong Kong SAR; South China; Pearl River Delta; Greater Bay Area",
         parts="south", lat=22.32, lon=114.17, elevation=30, population=7.5, climate="Cwa",
         temp=23.5, rain=2400, island="Hong Kong Island; Lantau Island",
         coast="south", waters="South China Sea; Victoria Harbour",
         mountains="Victoria Peak; Tai Mo Shan", languages="Cantonese; English",
         religions="Buddhism; Taoism; Chinese folk religion; Christianity",
         dishes="dim sum; egg tarts; roast goose; wonton noodles; Hong Kong-style milk tea; "
                "pineapple buns", own_dishes_only=True,
         landmarks="Victoria Harbour|harbour; Victoria Peak/The Peak|mountain view; Star Ferry|ferry boat; "
                   "Tian Tan Buddha (Big Buddha)|buddha statue temple; Hong Kong Disneyland|theme park; "
                   "Ocean Park|theme park aquarium; Temple Street Night Market|market night; "
                   "Lan Kwai Fong|nightlife bars; Avenue of Stars|promenade film; "
                   "Symphony of Lights|light show; International Commerce Centre|skyscraper tower; "
                   "Bank of China Tower|skyscraper",
         teams="Kitchee (football); Hong Kong Sevens (rugby)",
         economy="finance and banking; trade and shipping; tourism; retail; film",
         people="Bruce Lee (grew up there); Jackie Chan (actor, born there); Wong Kar-wai (film director, grew up there)",
         festivals="Hong Kong Sevens; Cheung Chau Bun Festival",
         universities="University of Hong Kong", nicknames="Pearl of the Orient; Fragrant Harbour; Asia's World City",
         founded=1841,
         history="A British colony from 1841 until it was handed back to China in 1997; now a "
                 "special administrative region under 'one country, two systems'.",
         transport="The MTR metro, double-decker trams, the Star Ferry and a famous airport "
                   "built on reclaimed land.",
         currency="Hong Kong dollar"),
    city("jinan,china", "Jinan", "Tsinan; Chinan", "China",
         regions="Shandong; East China; North China Plain", parts="east; north", lat=36.65,
         lon=117.12, elevation=50, population=7.0, climate="Cwa", temp=14.7, rain=700,
         capital="regional", rivers="Yellow River; Xiaoqing River", mountains="Mount Tai; Thousand Buddha Mountain",
         languages="Mandarin Chinese (Jilu dialect)",
         dishes="Shandong (Lu) cuisine; sweet and sour Yellow River carp; braised pork intestines "
                "(jiuzhuan dachang); youxuan pastries",
         landmarks="Baotu Spring|spring; Daming Lake|lake; Thousand Buddha Mountain|mountain buddhist temple; "
                   "Black Tiger Spring|spring; Baihuazhou|old town; Shandong Museum|museum",
         teams="Shandong Taishan (football)",
         economy="heavy trucks (Sinotruk); machinery; software; steel",
         people="Li Qingzhao (poet); Xin Qiji (poet)", universities="Shandong University",
         nicknames="City of Springs", founded=-600,
         history="Famous for its 72 natural springs; lies just south of the Yellow River and not "
                 "far from sacred Mount Tai.",
         transport="Metro lines, bus rapid transit and high-speed rail between Beijing and "
                   "Shanghai."),
    city("nanjing,china", "Nanjing", "Nanking; Nan-ching", "China",
         regions="Jiangsu; East China; Yangtze River Delta", parts="east", lat=32.06,
         lon=118.80, elevation=20, population=8.0, climate="Cfa", temp=16.0, rain=1100,
         capital="regional",
         former_capital="China under six dynasties, the early Ming dynasty and the Republic of China (1927-1949)",
         rivers="Yangtze River; Qinhuai River", mountains="Purple Mountain (Zijin Shan)",
         languages="Mandarin Chinese (Jianghuai dialect)",
         dishes="Nanjing salted duck; duck blood and vermicelli soup; tangbao soup dumplings; "
                "osmanthus cake",
         landmarks="Sun Yat-sen Mausoleum|mausoleum memorial; Ming Xiaoling Mausoleum|tomb unesco; "
                   "Ming city wall/City Wall of Nanjing|wall; Confucius Temple (Fuzimiao)|temple; "
                   "Xuanwu Lake|lake park; Nanjing Massacre Memorial Hall|memorial museum; "
                   "Presidential Palace|palace; Nanjing Yangtze River Bridge|bridge; Purple Mountain|mountain",
         economy="electronics; automotive; petrochemicals; software; education",
         people="Zhu Yuanzhang (founder of the Ming dynasty, ruled from there); Sun Yat-sen (buried there)",
         universities="Nanjing University; Southeast University", nicknames="Southern Capital; Jinling",
         founded=-495,
         history="One of China's Four Great Ancient Capitals; the Treaty of Nanking (1842) was "
                 "signed here, and the city suffered the Nanjing Massacre in 1937; hosted the "
                 "2014 Youth Olympics.",
         transport="Extensive metro, buses and high-speed rail."),
    city("qingdao,china", "Qingdao", "Tsingtao; Ching-tao; Tsingtau", "China",
         regions="Shandong; East China; Shandong Peninsula", parts="east", lat=36.07,
         lon=120.38, elevation=20, population=6.5, climate="Cwa", temp=13.0, rain=700,
         coast="east", waters="Yellow Sea; Jiaozhou Bay", mountains="Mount Lao (Laoshan)",
         languages="Mandarin Chinese (Jiaoliao dialect)",
         dishes="seafood; clams with Tsingtao beer; fried clams; grilled squid; mackerel dumplings",
         landmarks="Tsingtao Brewery and Beer Museum|brewery beer museum; Zhanqiao Pier|pier; "
                   "St. Michael's Cathedral|cathedral church german; Mount Lao|mountain taoist; "
                   "May Fourth Square|square; Badaguan|villas european; Jiaozhou Bay Bridge|bridge sea; "
                   "Olympic Sailing Center|marina olympic; Qingdao No. 1 Bathing Beach|beach",
         teams="Qingdao Hainiu (football)",
         economy="port; home appliances (Haier, Hisense); beer brewing; shipbuilding; tourism",
         festivals="Qingdao International Beer Festival", universities="Ocean University of China",
         nicknames="Sailing City; the Switzerland of the East",
         founded=1891,
         history="A German colony from 1898 to 1914, which left European architecture and the "
                 "Tsingtao brewery; hosted the sailing events of the 2008 Olympics.",
         transport="Metro, buses, ferries and one of the world's busiest ports."),
    city("shanghai,china", "Shanghai", "Shang-hai", "China",
         regions="Shanghai Municipality; East China; Yangtze River Delta", parts="east", lat=31.23,
         lon=121.47, elevation=4, population=24.9, climate="Cfa", temp=17.0, rain=1200,
         coast="east", waters="East China Sea; Yangtze River estuary",
         rivers="Huangpu River; Yangtze River; Suzhou Creek",
         languages="Mandarin Chinese; Shanghainese (Wu Chinese)",
         dishes="xiaolongbao (soup dumplings); shengjian bao (pan-fried buns); hairy crab; "
                "red-braised pork; scallion oil noodles",
         landmarks="The Bund|waterfront colonial; Oriental Pearl Tower|tower tv; Shanghai Tower|skyscraper; "
                   "Jin Mao Tower|skyscraper; Shanghai World Financial Center|skyscraper; "
                   "Yu Garden|garden classical; Nanjing Road|street shopping; Lujiazui|skyline financial; "
                   "Shanghai Disneyland|theme park; French Concession|neighbourhood colonial; "
                   "Jade Buddha Temple|temple buddhist; Xintiandi|nightlife shopping",
         teams="Shanghai Port (football); Shanghai Shenhua (football); Shanghai Sharks (basketball)",
         economy="finance (Shanghai Stock Exchange); the world's busiest container port; "
                 "manufacturing; automotive; trade",
         people="Yao Ming (basketball player, born there); Zhang Ailing (Eileen Chang, writer)",
         festivals="Shanghai International Film Festival; Chinese Grand Prix (Formula 1)",
         universities="Fudan University; Shanghai Jiao Tong University",
         nicknames="Pearl of the Orient; Paris of the East; Magic City (Modu)", founded=1291,
         history="Grew from a fishing town into a treaty port after 1842, with foreign "
                 "concessions; hosted Expo 2010.",
         transport="The world's longest metro network, a maglev train to Pudong Airport and "
                   "river ferries."),
    city("shenyang,china", "Shenyang", "Mukden; Fengtian; Shen-yang", "China",
         regions="Liaoning; Northeast China; Manchuria", parts="northeast", lat=41.80, lon=123.43,
         elevation=50, population=7.5, climate="Dwa", temp=8.5, rain=700, capital="regional",
         former_capital="the early Qing dynasty (1625-1644)", rivers="Hun River",
         languages="Mandarin Chinese (Northeastern dialect)",
         dishes="Laobian dumplings; Manchu dishes; chicken stew with mushrooms; grilled skewers",
         landmarks="Mukden Palace (Shenyang Imperial Palace)|palace unesco imperial; "
                   "Fuling Tomb (Dongling)|tomb unesco; Zhaoling Tomb (Beiling Park)|tomb unesco park; "
                   "9.18 Historical Museum|museum war; Shenyang Botanical Garden|garden park; "
                   "Zhang Family Mansion (Marshal's Mansion)|mansion museum",
         teams="Liaoning Flying Leopards (basketball)",
         economy="heavy industry; machinery; aircraft (Shenyang Aircraft Corporation); automotive (BMW)",
         universities="Northeastern University", nicknames="Mukden", founded=-300,
         history="The Manchu capital before the Qing conquered Beijing; the 1931 Mukden Incident "
                 "near the city began Japan's invasion of Manchuria.",
         transport="Metro, trams and a major rail hub."),
    city("taipei,china", "Taipei", "Taibei; Tai-pei; Taihoku", "Taiwan",
         regions="Taipei Special Municipality; Northern Taiwan; Taipei Basin", parts="north",
         lat=25.03, lon=121.56, elevation=10, population=2.5, climate="Cfa", temp=23.0,
         rain=2400, capital="national", island="Taiwan", rivers="Tamsui River; Keelung River",
         near_waters="Taiwan Strait; East China Sea", mountains="Yangmingshan; Elephant Mountain",
         continents="Asia",
         landmarks="Taipei 101|skyscraper tower; National Palace Museum|museum; "
                   "Chiang Kai-shek Memorial Hall|memorial hall; Longshan Temple|temple buddhist; "
                   "Shilin Night Market|market night; Raohe Night Market|market night; Ximending|shopping street; "
                   "Beitou hot springs|hot spring; Elephant Mountain|mountain hiking view; "
                   "Yangmingshan National Park|volcano park mountain; Maokong Gondola|cable car tea",
         teams="Fubon Guardians (baseball)",
         economy="technology and electronics; finance; services; tourism",
         people="Jay Chou (singer, born in neighbouring New Taipei)",
         festivals="New Year's fireworks at Taipei 101; Lantern Festival",
         universities="National Taiwan University", nicknames="", founded=1709,
         history="Capital of Taiwan (the Republic of China) since 1949; Taipei 101 was the "
                 "world's tallest building from 2004 to 2010.",
         transport="The MRT metro, YouBike shared bicycles and buses."),
    city("taiyuan,china", "Taiyuan", "Tai-yuan; Jinyang; Bingzhou", "China",
         regions="Shanxi; North China; Loess Plateau", parts="north", lat=37.87, lon=112.55,
         elevation=800, population=4.5, climate="BSk", temp=10.5, rain=450, capital="regional",
         rivers="Fen River", mountains="Taihang Mountains; Lüliang Mountains",
         languages="Mandarin Chinese; Jin Chinese",
         dishes="knife-cut noodles (daoxiao mian); Shanxi aged vinegar; tounao (mutton and yam soup); "
                "guoyou rou (fried pork)",
         landmarks="Jinci Temple|temple ancient; Twin Pagoda Temple (Yongzuo Temple)|pagoda temple; "
                   "Shanxi Museum|museum; Chongshan Temple|temple buddhist; Fen River Park|park riverside; "
                   "Pingyao Ancient City|ancient town unesco wall",
         economy="coal mining and energy; steel (TISCO stainless steel); heavy machinery; chemicals",
         festivals="", universities="Shanxi University", nicknames="Dragon City (Longcheng)",
         founded=-497,
         history="More than 2,500 years old (ancient Jinyang), a base of the Tang dynasty's "
                 "founders; today the centre of China's coal heartland.",
         transport="A metro line, buses and rail links to Beijing."),
    city("tianjin,china", "Tianjin", "Tientsin; Tien-tsin", "China",
         regions="Tianjin Municipality; North China; North China Plain; Bohai Economic Rim",
         parts="north", lat=39.34, lon=117.36, elevation=5, population=11.0, climate="Dwa",
         temp=13.0, rain=550, coast="north; east", waters="Bohai Sea",
         rivers="Hai River (Haihe); Grand Canal", languages="Mandarin Chinese (Tianjin dialect)",
         dishes="Goubuli steamed buns; jianbing guozi (savoury crepes); mahua (fried dough twists); "
                "erduoyan fried cakes",
         landmarks="Tianjin Eye|ferris wheel bridge; Italian Style Town|european colonial; "
                   "Five Great Avenues|villas european colonial; Ancient Culture Street|street old market; "
                   "Binhai Library|library modern; Porcelain House|museum porcelain; "
                   "Tianjin TV Tower|tower tv; Drum Tower|tower",
         teams="Tianjin Jinmen Tiger (football)",
         economy="port; petrochemicals; aerospace (Airbus assembly); shipbuilding; finance (Binhai)",
         festivals="Summer Davos (World Economic Forum)", universities="Nankai University; Tianjin University",
         founded=1404,
         history="A treaty port from 1860 with nine foreign concessions, whose European "
                 "buildings survive; the seaport gateway to Beijing.",
         transport="Metro, high-speed rail to Beijing in about 30 minutes and a major seaport.",
         population_note="about 14 million in the whole municipality"),
    city("wuhan,china", "Wuhan", "Wu-han; Hankow; Hankou; Wuchang", "China",
         regions="Hubei; Central China; Jianghan Plain", parts="central", lat=30.59, lon=114.31,
         elevation=25, population=11.0, climate="Cfa", temp=17.0, rain=1300, capital="regional",
         rivers="Yangtze River; Han River", waters="East Lake",
         languages="Mandarin Chinese (Wuhan dialect)",
         dishes="hot dry noodles (reganmian); doupi (sticky rice with tofu skin); spicy duck necks; "
                "Wuchang fish",
         landmarks="Yellow Crane Tower|tower pagoda ancient; East Lake|lake park; "
                   "Wuhan Yangtze River Bridge|bridge; Hubu Alley|street food; Guiyuan Temple|temple buddhist; "
                   "Hubei Provincial Museum|museum bells; Wuhan University cherry blossoms|university cherry",
         teams="Wuhan Three Towns (football)",
         economy="steel; automotive (Dongfeng); optoelectronics (Optics Valley); education; logistics",
         festivals="Cherry blossom season at Wuhan University",
         universities="Wuhan University; Huazhong University of Science and Technology",
         nicknames="River City; one of China's furnaces; Thoroughfare of Nine Provinces", founded=-1500,
         history="Formed from the three towns of Wuchang, Hankou and Hanyang; the Wuchang "
                 "Uprising of 1911 began the revolution that ended imperial China.",
         transport="Metro, bridges and ferries across the Yangtze, and a high-speed rail hub."),
    city("xian,china", "Xi'an", "Xian; Xi an; Sian; Hsian; Chang'an", "China",
         regions="Shaanxi; Northwest China; Guanzhong Plain", parts="northwest; central",
         lat=34.34, lon=108.94, elevation=400, population=9.0, climate="BSk", temp=14.0,
         rain=550, capital="regional",
         former_capital="China under 13 dynasties, including the Zhou, Qin, Han and Tang",
         rivers="Wei River", mountains="Qinling Mountains; Mount Hua",
         languages="Mandarin Chinese (Guanzhong dialect)",
         dishes="roujiamo (Chinese hamburger); biangbiang noodles; yangrou paomo (mutton and bread soup); "
                "liangpi (cold noodles); persimmon cakes",
         landmarks="Terracotta Army/Terracotta Warriors|museum mausoleum unesco ancient; "
                   "City Wall|wall ancient; Big Wild Goose Pagoda|pagoda temple buddhist; "
                   "Small Wild Goose Pagoda|pagoda; Bell Tower|tower; Drum Tower|tower; "
                   "Muslim Quarter|street food market; Great Mosque|mosque; "
                   "Huaqing Palace|palace hot spring; Shaanxi History Museum|museum",
         teams="Xi'an Chanba (football)", economy="tourism; aerospace; education; high-tech manufacturing",
         people="Qin Shi Huang (first emperor, ruled from nearby Xianyang)",
         universities="Xi'an Jiaotong University",
         nicknames="Chang'an (Perpetual Peace)", founded=-1100,
         history="Ancient Chang'an, capital of 13 dynasties and the eastern start of the Silk "
                 "Road; the Terracotta Army of the first emperor was found nearby in 1974.",
         transport="Metro lines, buses and a high-speed rail hub."),
    city("zibo,china", "Zibo", "Tzu-po; Zi Bo; Linzi", "China",
         regions="Shandong; East China", parts="east; north", lat=36.81, lon=118.05,
         elevation=60, population=2.5, climate="Cwa", temp=13.5, rain=600,
         rivers="Zi River", mountains="Lu Mountain", languages="Mandarin Chinese (Jilu dialect)",
         dishes="Zibo barbecue with small pancakes and scallions; Boshan cuisine; Zhoucun sesame cakes",
         landmarks="Qi Culture Museum|museum ancient; Linzi ancient chariot and horse pits|museum archaeological; "
                   "Pu Songling's Former Residence|museum writer house; Zhoucun Ancient Town|old town market; "
                   "Football Museum of Linzi (cuju)|museum football",
         economy="ceramics and glass; petrochemicals (Qilu Petrochemical); pharmaceuticals",
         people="Pu Songling (author of Strange Tales from a Chinese Studio)",
         festivals="", universities="Shandong University of Technology", nicknames="Ceramic capital of the north",
         founded=-859,
         history="Linzi, now part of the city, was the capital of the ancient state of Qi; "
                 "cuju, an ancestor of football, was played there; in 2023 it became famous "
                 "nationwide for its barbecue.",
         transport="Buses and rail links; no airport of its own.",
         population_note="about 4.7 million in the whole prefecture"),
    # ---- Japan -------------------------------------------------------------------------
    city("nagoya,japan", "Nagoya", "Nagoya-shi", "Japan",
         regions="Aichi; Chubu; Tokai", parts="central", lat=35.18, lon=136.91, elevation=15,
         population=2.3, climate="Cfa", temp=16.2, rain=1550, capital="regional",
         island="Honshu", coast="south", waters="Ise Bay; Pacific Ocean", rivers="Shonai River; Hori River",
         dishes="miso katsu; hitsumabushi (grilled eel on rice); tebasaki chicken wings; kishimen noodles; "
                "tenmusu",
         landmarks="Nagoya Castle|castle; Atsuta Shrine|shrine shinto; Toyota Commemorative Museum|museum car; "
                   "SCMaglev and Railway Park|museum train; Osu Kannon|temple buddhist; "
                   "Legoland Japan|theme park; Nagoya TV Tower|tower; Ghibli Park|theme park anime",
         teams="Chunichi Dragons (baseball); Nagoya Grampus (football)",
         economy="automotive industry (Toyota); aerospace; machinery; ceramics; the busiest cargo port in Japan",
         people="Oda Nobunaga and Toyotomi Hideyoshi (born in the area)",
         universities="Nagoya University", founded=1610,
         history="Grew around Nagoya Castle, built by Tokugawa Ieyasu in 1610; the area produced "
                 "the three great unifiers of Japan.",
         transport="Subway, shinkansen between Tokyo and Osaka, and Chubu Centrair airport."),
    city("osaka,japan", "Osaka", "Ōsaka; Oosaka", "Japan",
         regions="Osaka Prefecture; Kansai; Kinki", parts="west; central", lat=34.69, lon=135.50,
         elevation=10, population=2.7, climate="Cfa", temp=17.1, rain=1300, capital="regional",
         former_capital="Japan in ancient times (Naniwa)",
         island="Honshu", coast="south; west", waters="Osaka Bay; Seto Inland Sea",
         rivers="Yodo River; Okawa River",
         dishes="takoyaki; okonomiyaki; kushikatsu; kitsune udon; battera sushi",
         landmarks="Osaka Castle|castle; Dotonbori and the Glico Running Man sign|street nightlife food neon; "
                   "Universal Studios Japan|theme park; Umeda Sky Building|skyscraper; "
                   "Tsutenkaku Tower|tower; Shinsekai|neighbourhood; Abeno Harukas|skyscraper; "
                   "Kaiyukan Aquarium|aquarium; Sumiyoshi Taisha|shrine shinto; Shitennoji|temple buddhist",
         teams="Hanshin Tigers (baseball); Gamba Osaka and Cerezo Osaka (football)",
         economy="commerce and trade; electronics (Panasonic, Sharp); pharmaceuticals; finance",
         festivals="Tenjin Matsuri; Kishiwada Danjiri Matsuri; Expo 1970 and Expo 2025",
         universities="Osaka University", nicknames="Kitchen of Japan (tenka no daidokoro)",
         founded=645,
         history="An ancient capital and long Japan's merchant city; hosted the World Expos of "
                 "1970 and 2025; known for comedy and its Kansai dialect.",
         transport="Dense subway and private railways, the shinkansen and Kansai International "
                   "Airport on an artificial island."),
    city("tokyo,japan", "Tokyo", "Tōkyō; Tokio; Tokyo-to", "Japan",
         regions="Tokyo Metropolis; Kanto; Greater Tokyo Area", parts="east; central",
         lat=35.68, lon=139.69, elevation=40, population=14.0, climate="Cfa", temp=16.3,
         rain=1500, capital="national", island="Honshu", coast="east; southeast",
         waters="Tokyo Bay; Pacific Ocean", rivers="Sumida River; Tama River; Arakawa River",
         mountains="Mount Takao; Mount Fuji (visible on clear days)",
         dishes="sushi; ramen; tempura; monjayaki; soba; yakitori",
         landmarks="Tokyo Skytree|tower; Tokyo Tower|tower; Senso-ji Temple (Asakusa)|temple buddhist; "
                   "Tokyo National Museum|museum; Ghibli Museum|museum anime; "
                   "Meiji Shrine|shrine shinto; Shibuya Crossing|crossing street; Shinjuku|nightlife skyscraper; "
                   "Imperial Palace|palace; Akihabara|electronics anime; Harajuku|fashion street; "
                   "Ginza|shopping; Tsukiji and Toyosu fish markets|market fish; Tokyo Disneyland|theme park; "
                   "Ryogoku Kokugikan|sumo arena",
         teams="Yomiuri Giants (baseball); FC Tokyo (football)",
         economy="finance; technology and electronics; media and anime; corporate headquarters",
         people="Hayao Miyazaki (animator, born there); Yoko Ono (artist, born there)",
         festivals="Sanja Matsuri; Sumida River fireworks; cherry blossom viewing (hanami)",
         universities="University of Tokyo; Waseda University; Keio University",
         nicknames="Edo", founded=1457,
         history="Called Edo until 1868, when the emperor moved there; rebuilt after the 1923 "
                 "earthquake and the Second World War; hosted the 1964 and 2020 Olympics.",
         transport="One of the world's busiest rail and subway networks, the shinkansen, and "
                   "Haneda and Narita airports."),
    city("yokohama,japan", "Yokohama", "Yokohama-shi", "Japan",
         regions="Kanagawa; Kanto; Greater Tokyo Area", parts="east; central", lat=35.44, lon=139.64,
         elevation=20, population=3.7, climate="Cfa", temp=16.2, rain=1650, capital="regional",
         island="Honshu", coast="east; southeast", waters="Tokyo Bay; Pacific Ocean",
         dishes="shumai dumplings; iekei ramen; Napolitan spaghetti; gyunabe (beef hot pot)",
         landmarks="Chinatown|chinatown; Minato Mirai 21|waterfront skyscraper; Landmark Tower|skyscraper; "
                   "Cosmo Clock 21|ferris wheel; Red Brick Warehouse|warehouse shopping; "
                   "Yamashita Park|park waterfront; Sankeien Garden|garden japanese; "
                   "Cup Noodles Museum|museum noodle; Shin-Yokohama Ramen Museum|museum ramen; "
                   "Nissan Stadium|stadium world cup",
         teams="Yokohama F. Marinos (football); Yokohama DeNA BayStars (baseball)",
         economy="port and shipping; automotive (Nissan); research; tourism",
         universities="Yokohama National University", founded=1859,
         history="A small fishing village until 1859, when it became one of the first ports "
                 "opened to foreign trade; hosted the 2002 World Cup final.",
         transport="Trains and subway into Tokyo, the shinkansen and a large port."),
    # ---- Koreas ------------------------------------------------------------------------
    city("inchon,south korea", "Incheon", "Inchon; Inch'ŏn; Chemulpo", "South Korea",
         regions="Incheon Metropolitan City; Seoul Capital Area; Sudogwon", parts="northwest; west",
         lat=37.46, lon=126.71, elevation=10, population=3.0, climate="Dwa", temp=12.5, rain=1250,
         capital="", coast="west", waters="Yellow Sea", rivers="Han River (estuary)",
         dishes="jjajangmyeon (black bean noodles, first made in its Chinatown); "
                "crab dishes; dakgangjeong",
         landmarks="Incheon International Airport|airport; Songdo Central Park|park modern; "
                   "Chinatown|chinatown; Wolmido Island|island amusement; Incheon Bridge|bridge; "
                   "Jayu Park (Freedom Park) with the MacArthur statue|park statue; Ganghwa Island|island",
         teams="Incheon United (football); SSG Landers (baseball)",
         economy="airport and port logistics; steel; automotive; the Songdo business district",
         universities="Inha University", borders="North Korea", founded=1883,
         history="The site of the Incheon Landing of 1950 in the Korean War; opened to foreign "
                 "trade in 1883; hosted the 2014 Asian Games.",
         transport="South Korea's main international airport, Seoul subway lines and ferries."),
    city("pusan,south korea", "Busan", "Pusan; Busan Metropolitan City", "South Korea",
         regions="Gyeongsang; Yeongnam", parts="southeast", lat=35.18, lon=129.08, elevation=10,
         population=3.3, climate="Cfa", temp=15.0, rain=1500,
         former_capital="South Korea temporarily, during the Korean War",
         coast="southeast; south", waters="Korea Strait; Sea of Japan (East Sea)",
         rivers="Nakdong River",
         dishes="dwaeji gukbap (pork and rice soup); milmyeon (wheat cold noodles); eomuk fish cakes; "
                "ssiat hotteok; raw fish (hoe)",
         landmarks="Haeundae Beach|beach; Gwangalli Beach and Gwangan Bridge|beach bridge; "
                   "Gamcheon Culture Village|colorful village; Jagalchi Fish Market|market fish; "
                   "Haedong Yonggungsa Temple|temple buddhist seaside; Beomeosa Temple|temple buddhist; "
                   "Busan Tower (Yongdusan Park)|tower park; Shinsegae Centum City|department store shopping; "
                   "Taejongdae|cliffs park",
         teams="Lotte Giants (baseball); Busan IPark (football)",
         economy="port and shipping (Korea's largest port); shipbuilding; fishing; tourism; film",
         festivals="Busan International Film Festival; Busan Fireworks Festival",
         universities="Pusan National University", founded=1876,
         history="Temporary capital during the Korean War; hosted the 2002 Asian Games and "
                 "APEC 2005.",
         transport="Subway lines, the KTX high-speed train to Seoul and Gimhae airport."),
    city("taega,south korea", "Daegu", "Taegu; Taega; Daegu Metropolitan City", "South Korea",
         regions="Gyeongsang; Yeongnam; North Gyeongsang", parts="southeast", lat=35.87,
         lon=128.60, elevation=50, population=2.4, climate="Cwa", temp=14.5, rain=1050, rivers="Geumho River; Sincheon Stream; Nakdong River",
         mountains="Palgongsan; Apsan",
         dishes="makchang (grilled intestines); jjimgalbi (spicy braised ribs); ddaro gukbap; "
                "Daegu apples; napjak mandu",
         landmarks="Seomun Market|market; Palgongsan and the Gatbawi Buddha|mountain buddha temple; "
                   "Donghwasa Temple|temple buddhist; 83 Tower (E-World)|tower theme park; "
                   "Yangnyeongsi Herbal Medicine Market|market medicine; Kim Kwang-seok Street|street mural music; "
                   "Apsan Park|park mountain",
         teams="Samsung Lions (baseball); Daegu FC (football)",
         economy="textiles and fashion; machinery; automotive parts; medical industry",
         people="Park Geun-hye (former president, born there)",
         festivals="Daegu Chimac (chicken and beer) Festival",
         universities="Kyungpook National University", nicknames="Apple City; Textile City",
         founded=757,
         history="Samsung began there as a trading company in 1938; hosted the 2011 World "
                 "Athletics Championships; known as the hottest city in South Korea.",
         transport="Subway and monorail lines and the KTX high-speed train."),
    city("pyong yang,north korea", "Pyongyang", "Pyong yang; P'yŏngyang; Heijo; Ryugyong",
         "North Korea", regions="Pyongyang Capital City; South Pyongan", parts="west",
         lat=39.04, lon=125.76, elevation=30, population=3.0, climate="Dwa", temp=10.5, rain=920,
         capital="national", rivers="Taedong River", near_waters="Yellow Sea; Korea Bay",
         dishes="Pyongyang naengmyeon (cold buckwheat noodles); kimchi; mandu; "
                "Taedong River mullet soup; bibimbap",
         landmarks="Juche Tower|tower monument; Kim Il Sung Square|square; "
                   "Mansudae Grand Monument|statue monument; Kumsusan Palace of the Sun|mausoleum palace; "
                   "Ryugyong Hotel|hotel pyramid skyscraper; Arch of Triumph|arch monument; "
                   "Rungrado May Day Stadium|stadium; Victorious War Museum|museum war",
         economy="government; heavy industry; textiles",
         festivals="Mass Games; Day of the Sun (Kim Il Sung's birthday)",
         universities="Kim Il Sung University", nicknames="Capital of Willows", founded=-1122,
         history="An ancient capital of the Gojoseon and Goguryeo kingdoms; almost completely "
                 "rebuilt after the Korean War.",
         transport="A deep metro with ornate stations, trolleybuses and trams."),
]
