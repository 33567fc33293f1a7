import type { ActorKind } from '../../domain/model';

/**
 * General knowledge the extractor needs for any article: states with their demonyms, capitals and seats of
 * government (which news writing uses for governments: "Washington said", "the Kremlin said") and other names, a few large cities (places only),
 * the international bodies that diplomatic news names most, and the armed and political movements it names most. Nothing here is specific to one article.
 */
export interface GazetteerEntry {
  id: string;
  name: string;
  kind: ActorKind;
  /** Names that stand for the actor itself: "United States", "US", "Washington". */
  names: string[];
  /** Adjectives and plural nouns of nationality: "Belarusian", "Belarusians". */
  demonyms: string[];
  /** Cities that locate an event in the state: its capitals and largest cities. */
  places: string[];
}

// name | demonyms | capitals and seats of government (also names for the government) | other names | other cities (places only).
// With the states few others recognise (Abkhazia, South Ossetia, Transnistria, Somaliland): their recognition is news.
// With the states of the last fifty years that are no more (the Soviet Union, Yugoslavia, the two Germanys): their
// seats of government stand for them in the years they were theirs (HISTORIC_SEATS).
const STATES = `
Abkhazia|Abkhaz,Abkhazian|Sukhumi||
Afghanistan|Afghan|Kabul||Kandahar
Albania|Albanian|Tirana||
Algeria|Algerian|Algiers||
Andorra|Andorran|||
Angola|Angolan|Luanda||
Antigua and Barbuda|Antiguan|||
Argentina|Argentine,Argentinian|Buenos Aires||
Armenia|Armenian|Yerevan||
Australia|Australian|Canberra||Sydney,Melbourne
Austria|Austrian|Vienna||
Azerbaijan|Azerbaijani,Azeri|Baku||
Bahamas|Bahamian|Nassau|The Bahamas|
Bahrain|Bahraini|Manama||
Bangladesh|Bangladeshi|Dhaka||
Barbados|Barbadian|Bridgetown||
Belarus|Belarusian,Belarussian|Minsk|Republic of Belarus|
Belgium|Belgian|Brussels||Antwerp
Belize|Belizean|Belmopan||
Benin|Beninese,Dahomeyan|Porto-Novo,Cotonou|Dahomey|
Bhutan|Bhutanese|Thimphu||
Bolivia|Bolivian|La Paz,Sucre||
Bosnia and Herzegovina|Bosnian|Sarajevo|Bosnia|
Botswana|Botswanan|Gaborone||
Brazil|Brazilian|Brasilia,Brasília||Rio de Janeiro,Sao Paulo,São Paulo
Brunei|Bruneian|Bandar Seri Begawan||
Bulgaria|Bulgarian|Sofia||
Burkina Faso|Burkinabe|Ouagadougou|Upper Volta|
Burundi|Burundian|Gitega,Bujumbura||
Cambodia|Cambodian|Phnom Penh|Kampuchea|
Cameroon|Cameroonian|Yaounde,Yaoundé||
Canada|Canadian|Ottawa||Toronto,Montreal,Vancouver
Cape Verde|Cape Verdean|Praia|Cabo Verde|
Central African Republic|Central African|Bangui|CAR|
Chad|Chadian|N'Djamena||
Chile|Chilean|Santiago||
China|Chinese|Beijing,Zhongnanhai,Peking|People's Republic of China,PRC,Red China,Communist China|Shanghai,Hong Kong,Macau,Guangzhou,Shenzhen
Colombia|Colombian|Bogota,Bogotá||Medellin,Cali
Comoros|Comoran|Moroni||
Democratic Republic of the Congo|Congolese,Zairean,Zairian|Kinshasa|DR Congo,DRC,Democratic Republic of Congo,Zaire|Goma
Republic of the Congo||Brazzaville|Congo-Brazzaville|
Costa Rica|Costa Rican|San Jose,San José||
Croatia|Croatian|Zagreb||
Cuba|Cuban|Havana||
Cyprus|Cypriot|Nicosia||
Czech Republic|Czech|Prague|Czechia|
Denmark|Danish,Dane|Copenhagen||
Djibouti|Djiboutian|||
Dominica|Dominican|Roseau||
Dominican Republic||Santo Domingo||
Ecuador|Ecuadorian,Ecuadorean|Quito||Guayaquil
Egypt|Egyptian|Cairo||Alexandria
El Salvador|Salvadoran,Salvadorean|San Salvador||
Equatorial Guinea|Equatorial Guinean|Malabo||
Eritrea|Eritrean|Asmara||
Estonia|Estonian|Tallinn||
Eswatini|Swazi|Mbabane|Swaziland|
Ethiopia|Ethiopian|Addis Ababa||
Fiji|Fijian|Suva||
Finland|Finnish,Finn|Helsinki||
France|French|Paris,Elysee Palace,Élysée Palace,Elysee,Élysée,Quai d'Orsay||Marseille,Lyon
Gabon|Gabonese|Libreville||
Gambia|Gambian|Banjul|The Gambia|
Georgia|Georgian|Tbilisi||Batumi
Germany|German|Berlin||Munich,Hamburg,Frankfurt
Ghana|Ghanaian|Accra||
Greece|Greek|Athens||
Grenada|Grenadian|||
Guatemala|Guatemalan|Guatemala City||
Guinea|Guinean|Conakry||
Guinea-Bissau|Bissau-Guinean|Bissau||
Guyana|Guyanese|Georgetown||
Haiti|Haitian|Port-au-Prince||
Honduras|Honduran|Tegucigalpa||
Hungary|Hungarian|Budapest||
Iceland|Icelandic,Icelander|Reykjavik||
India|Indian|New Delhi|Delhi|Mumbai,Kolkata,Chennai,Bangalore,Bombay,Calcutta,Madras
Indonesia|Indonesian|Jakarta||Bali
Iran|Iranian|Tehran,Teheran|Islamic Republic of Iran,Persia|Isfahan,Mashhad
Iraq|Iraqi|Baghdad||Mosul,Basra,Erbil
Ireland|Irish|Dublin||
Israel|Israeli|Jerusalem|Tel Aviv|Haifa
Italy|Italian|Rome||Milan,Naples
Ivory Coast|Ivorian|Yamoussoukro,Abidjan|Cote d'Ivoire,Côte d'Ivoire|
Jamaica|Jamaican|Kingston||
Japan|Japanese|Tokyo||Osaka,Hiroshima
Jordan|Jordanian|Amman||
Kazakhstan|Kazakh,Kazakhstani|Astana||Almaty
Kenya|Kenyan|Nairobi||Mombasa
Kiribati||Tarawa||
Kosovo|Kosovar|Pristina||
Kuwait|Kuwaiti|Kuwait City||
Kyrgyzstan|Kyrgyz|Bishkek||
Laos|Lao,Laotian|Vientiane||
Latvia|Latvian|Riga||
Lebanon|Lebanese|Beirut||
Lesotho|Basotho|Maseru||
Liberia|Liberian|Monrovia||
Libya|Libyan|Tripoli||Benghazi
Liechtenstein||Vaduz||
Lithuania|Lithuanian|Vilnius||
Luxembourg|Luxembourgish|||
Madagascar|Malagasy|Antananarivo||
Malawi|Malawian|Lilongwe||
Malaysia|Malaysian|Kuala Lumpur||
Maldives|Maldivian||The Maldives|
Mali|Malian|Bamako||
Malta|Maltese|Valletta||
Marshall Islands|Marshallese|Majuro||
Mauritania|Mauritanian|Nouakchott||
Mauritius|Mauritian|Port Louis||
Mexico|Mexican|Mexico City||Guadalajara,Monterrey
Micronesia|Micronesian|Palikir||
Moldova|Moldovan|Chisinau,Chișinău||
Monaco|Monegasque|||
Mongolia|Mongolian|Ulaanbaatar,Ulan Bator||
Montenegro|Montenegrin|Podgorica||
Morocco|Moroccan|Rabat||Casablanca,Marrakech
Mozambique|Mozambican|Maputo||
Myanmar|Burmese|Naypyidaw,Naypyitaw|Burma|Yangon,Rangoon,Mandalay
Namibia|Namibian|Windhoek||
Nauru|Nauruan|||
Nepal|Nepalese,Nepali|Kathmandu||
Netherlands|Dutch|Amsterdam,The Hague|The Netherlands,Holland|Rotterdam
New Zealand|New Zealander|Wellington||Auckland
Nicaragua|Nicaraguan|Managua||
Niger|Nigerien|Niamey||
Nigeria|Nigerian|Abuja||Lagos,Kano
North Korea|North Korean|Pyongyang|DPRK,Democratic People's Republic of Korea|
North Macedonia|Macedonian|Skopje|Macedonia|
Norway|Norwegian|Oslo||
Oman|Omani|Muscat||
Pakistan|Pakistani|Islamabad||Karachi,Lahore
Palau|Palauan|Ngerulmud||
Palestine|Palestinian|Ramallah|Palestinian territories,State of Palestine|Gaza,Gaza City
Panama|Panamanian|Panama City||
Papua New Guinea|Papua New Guinean|Port Moresby|PNG|
Paraguay|Paraguayan|Asuncion,Asunción||
Peru|Peruvian|Lima||
Philippines|Philippine,Filipino|Manila|The Philippines|
Poland|Polish,Pole|Warsaw||Krakow,Kraków,Gdansk
Portugal|Portuguese|Lisbon||Porto
Qatar|Qatari|Doha||
Romania|Romanian|Bucharest||
Russia|Russian|Moscow,Kremlin|Russian Federation|St Petersburg,Saint Petersburg
Rwanda|Rwandan|Kigali||
Saint Kitts and Nevis||Basseterre||
Saint Lucia|Saint Lucian|Castries||
Saint Vincent and the Grenadines||Kingstown||
Samoa|Samoan|Apia||
San Marino|Sammarinese|||
Sao Tome and Principe||||
Saudi Arabia|Saudi|Riyadh|Saudi Kingdom|Jeddah,Mecca
Senegal|Senegalese|Dakar||
Serbia|Serbian,Serb|Belgrade||
Seychelles|Seychellois|||
Sierra Leone|Sierra Leonean|Freetown||
Singapore|Singaporean|||
Slovakia|Slovak|Bratislava||
Slovenia|Slovenian,Slovene|Ljubljana||
Solomon Islands|Solomon Islander|Honiara||
Somalia|Somali|Mogadishu||
Somaliland|Somalilander|Hargeisa||
South Africa|South African|Pretoria|Cape Town|Johannesburg,Durban
South Korea|South Korean,Korean|Seoul,Blue House|Republic of Korea,ROK|Busan
South Sudan|South Sudanese|Juba||
South Ossetia|South Ossetian|Tskhinvali||
Spain|Spanish,Spaniard|Madrid||Barcelona
Sri Lanka|Sri Lankan,Ceylonese|Colombo|Ceylon|
Sudan|Sudanese|Khartoum||Port Sudan
Suriname|Surinamese|Paramaribo||
Sweden|Swedish,Swede|Stockholm||Gothenburg
Switzerland|Swiss|Bern|Swiss Confederation|Geneva,Zurich,Davos,Lausanne
Syria|Syrian|Damascus||Aleppo,Homs
Taiwan|Taiwanese|Taipei|Republic of China|
Tajikistan|Tajik|Dushanbe||
Tanzania|Tanzanian|Dodoma|Dar es Salaam|
Thailand|Thai|Bangkok|Siam|
Timor-Leste|Timorese|Dili|East Timor|
Togo|Togolese|Lome,Lomé||
Tonga|Tongan|Nuku'alofa||
Trinidad and Tobago|Trinidadian|Port of Spain||
Transnistria|Transnistrian|Tiraspol|Pridnestrovie|
Tunisia|Tunisian|Tunis||
Turkey|Turkish,Turk|Ankara|Türkiye,Turkiye|Istanbul,Izmir
Turkmenistan|Turkmen|Ashgabat||
Tuvalu|Tuvaluan|Funafuti||
Uganda|Ugandan|Kampala||
Ukraine|Ukrainian|Kyiv,Kiev||Odesa,Odessa,Kharkiv,Lviv
United Arab Emirates|Emirati|Abu Dhabi|UAE|Dubai
United Kingdom|British,Briton|London,Downing Street,Whitehall|UK,U.K.,Britain,Great Britain|Edinburgh,Manchester
United States|American,US,U.S.|Washington,White House,Pentagon,State Department|USA,U.S.A.,US,U.S.,United States of America,America|New York,Miami,Los Angeles,Chicago
Uruguay|Uruguayan|Montevideo||
Uzbekistan|Uzbek|Tashkent||
Vanuatu|Ni-Vanuatu|Port Vila||
Vatican|Vatican|Vatican City|Holy See|
Venezuela|Venezuelan|Caracas||Maracaibo
Vietnam|Vietnamese|Hanoi|Viet Nam|Ho Chi Minh City,Saigon
Yemen|Yemeni|Sanaa,Sana'a|Aden|
Zambia|Zambian|Lusaka||
Zimbabwe|Zimbabwean|Harare||
Soviet Union|Soviet||USSR,U.S.S.R.,the Soviets|
Yugoslavia|Yugoslav|||
Czechoslovakia|Czechoslovak|||
East Germany|East German|East Berlin|German Democratic Republic,GDR|
West Germany|West German|Bonn|Federal Republic of Germany|
North Vietnam|North Vietnamese|||
South Vietnam|South Vietnamese|||
North Yemen|North Yemeni||Yemen Arab Republic|
South Yemen|South Yemeni||People's Democratic Republic of Yemen|
Rhodesia|Rhodesian|Salisbury||
`;

// name | other names | kind
const BODIES = `
United Nations|UN,U.N.|organization
UN Security Council|United Nations Security Council,Security Council|organization
UN General Assembly|United Nations General Assembly,General Assembly|organization
UN Human Rights Council|Human Rights Council|organization
European Union|EU,E.U.|organization
European Commission||government_body
NATO|North Atlantic Treaty Organization|organization
African Union|AU|organization
African Union Commission||organization
Association of Southeast Asian Nations|ASEAN|organization
Organization of American States|OAS|organization
Arab League|League of Arab States|organization
Economic Community of West African States|ECOWAS|organization
Southern African Development Community|SADC|organization
East African Community|EAC|organization
Intergovernmental Authority on Development|IGAD|organization
Organisation of African Unity|Organization of African Unity,OAU|organization
Organisation of Islamic Cooperation|Organization of Islamic Cooperation,OIC|organization
Shanghai Cooperation Organisation|Shanghai Cooperation Organization,SCO|organization
Caribbean Community|CARICOM|organization
Pacific Islands Forum||organization
Commonwealth of Nations|Commonwealth|organization
World Food Programme|WFP|organization
UN refugee agency|UNHCR,United Nations High Commissioner for Refugees|organization
Gulf Cooperation Council|GCC|organization
Organization for Security and Co-operation in Europe|OSCE|organization
Council of Europe||organization
International Criminal Court|ICC|organization
International Court of Justice|ICJ|organization
International Monetary Fund|IMF|organization
World Bank||organization
World Health Organization|WHO|organization
International Atomic Energy Agency|IAEA|organization
International Committee of the Red Cross|ICRC,Red Cross|organization
Amnesty International|Amnesty|organization
Human Rights Watch|HRW|organization
Group of Seven|G7,G-7|organization
Group of 20|G20,G-20|organization
Hamas||group
Hezbollah|Hizbollah|group
Houthis|Houthi,Ansar Allah|group
Taliban||group
al-Shabaab|al-Shabab,Al-Shabaab,Al-Shabab,Shabaab|group
Boko Haram||group
Islamic State|ISIS,ISIL,Daesh|group
al-Qaeda|Al-Qaeda,al-Qaida|group
M23|March 23 Movement|group
Wagner Group|Wagner|group
FARC|Revolutionary Armed Forces of Colombia|group
ELN|National Liberation Army|group
PKK|Kurdistan Workers' Party|group
Polisario Front|Polisario|group
Rapid Support Forces|RSF|group
TPLF|Tigray People's Liberation Front|group
LTTE|Liberation Tigers of Tamil Eelam,Tamil Tigers,Tigers|group
Renamo|RENAMO,Mozambican National Resistance|group
UNITA|National Union for the Total Independence of Angola|group
SPLM|Sudan People's Liberation Movement,SPLA,Sudan People's Liberation Army,SPLM/A|group
IRA|Irish Republican Army|group
ETA||group
KLA|Kosovo Liberation Army|group
Khmer Rouge||group
Shining Path|Sendero Luminoso|group
Contras|Contra rebels|group
Abu Sayyaf||group
Moro Islamic Liberation Front|MILF|group
New People's Army|NPA|group
Lord's Resistance Army|LRA|group
Janjaweed||group
Free Syrian Army|FSA|group
Hayat Tahrir al-Sham|HTS|group
Syrian Democratic Forces||group
Islamic Jihad|Palestinian Islamic Jihad|group
Lashkar-e-Taiba|LeT,Lashkar-e-Toiba|group
Jaish-e-Mohammed|Jaish-e-Muhammad|group
Haqqani network|Haqqani Network|group
Allied Democratic Forces||group
Arakan Army||group
Kachin Independence Army||group
Karen National Union|KNU|group
Seleka||group
Justice and Equality Movement|JEM|group
Viet Cong|Vietcong|group
Palestine Liberation Organization|PLO|organization
`;

/**
 * States by what kind of state they are, for "the kingdom rejected …", "the emirate's foreign ministry": which named
 * state a title fits. Only titles news writing uses for a state alone.
 */
export const STATE_TITLES: Readonly<Record<string, readonly string[]>> = {
  kingdom: `morocco saudi-arabia jordan bahrain thailand cambodia spain united-kingdom netherlands belgium sweden norway
    denmark eswatini lesotho bhutan tonga`.split(/\s+/),
  emirate: ['qatar', 'kuwait', 'united-arab-emirates'],
  sultanate: ['oman', 'brunei'],
  principality: ['monaco', 'liechtenstein'],
  'grand duchy': ['luxembourg'],
};

/** Letters that carry no accent for NFKD to strip: "Radosław", "Støre", "Đukanović", "Weiß". */
const PLAIN_LETTERS: Record<string, string> = { ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ß: 'ss', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', þ: 'th', ı: 'i' };

export function slugify(text: string): string {
  return text
    .replace(/[łŁøØđĐßæÆœŒþı]/g, (c) => PLAIN_LETTERS[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]s\b/g, 's')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const list = (field: string | undefined): string[] =>
  (field ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

/** "Belarusian" → ["Belarusian", "Belarusians"]: the plural noun names the people ("80 Venezuelans"). */
function withPlurals(demonyms: string[]): string[] {
  const plural = demonyms.filter((d) => /(an|i|er)$/.test(d) && !/^[A-Z.]+$/.test(d)).map((d) => `${d}s`);
  return [...demonyms, ...plural];
}

function parseStates(): GazetteerEntry[] {
  return STATES.trim()
    .split('\n')
    .map((line) => {
      const [name = '', demonyms, capitals, others, cities] = line.split('|');
      const capitalList = list(capitals);
      return {
        id: slugify(name),
        name,
        kind: 'state' as const,
        names: [name, ...list(others), ...capitalList],
        demonyms: withPlurals(list(demonyms)),
        places: [...capitalList, ...list(cities)],
      };
    });
}

function parseBodies(): GazetteerEntry[] {
  return BODIES.trim()
    .split('\n')
    .map((line) => {
      const [name = '', others, kind] = line.split('|');
      return { id: slugify(name), name, kind: kind as ActorKind, names: [name, ...list(others)], demonyms: [], places: [] };
    });
}

export const GAZETTEER: readonly GazetteerEntry[] = [...parseStates(), ...parseBodies()];

/**
 * Seats of government that stood for another state before a date: "Moscow" is the Soviet Union until it dissolved,
 * "Belgrade" Yugoslavia, "Hanoi" North Vietnam. An article published before `until` reads them so.
 */
export const HISTORIC_SEATS: ReadonlyArray<{ surface: string; id: string; until: string }> = [
  ...['Moscow', 'Kremlin', 'the Kremlin'].map((surface) => ({ surface, id: 'soviet-union', until: '1991-12-26' })),
  { surface: 'Belgrade', id: 'yugoslavia', until: '1992-04-27' },
  { surface: 'Prague', id: 'czechoslovakia', until: '1993-01-01' },
  { surface: 'Hanoi', id: 'north-vietnam', until: '1976-07-02' },
  { surface: 'Saigon', id: 'south-vietnam', until: '1975-04-30' },
  { surface: 'Sanaa', id: 'north-yemen', until: '1990-05-22' },
  { surface: 'Aden', id: 'south-yemen', until: '1990-05-22' },
];
