import type { EventType } from '../../../../src/domain/model';
import { extract } from '../../../../src/ingest/extract';

const published = '2025-06-14'; // a Saturday

function eventsOf(text: string) {
  return extract({ text, publishedAt: published }, []).events.map((e) => ({ type: e.type, agents: e.agents, targets: e.targets, date: e.date }));
}

/** Forms other writers use for the weak classes, read by the rules alone (without the parser). */
describe('event classification on other writers’ forms', () => {
  const cases: Array<[string, EventType, string]> = [
    ['A ceasefire between Sudan and South Sudan took hold along their border on Thursday.', 'ceasefire', 'south-sudan'],
    ['On June 4, Sudanese air strikes hit three villages in Unity State.', 'armed_attack', 'sudan'],
    ['Armenian and Azerbaijani forces traded fire along the line of contact on Monday.', 'armed_attack', 'azerbaijan'],
    ['Moscow gave formal notice on Tuesday that it would leave the Open Skies Treaty.', 'treaty_withdrawal', 'russia'],
    ['Belarus suspended its obligations under the conventional forces treaty on Thursday.', 'treaty_withdrawal', 'belarus'],
    ['Germany committed €120 million to refugees displaced by the fighting on Wednesday.', 'aid_pledged', 'germany'],
    ['Kuwait announced a $50 million package for flood victims on Thursday.', 'aid_pledged', 'kuwait'],
    ['Canada imposed penalties on six generals on Tuesday.', 'sanctions_imposed', 'canada'],
    ['The African Union suspended Guinea on Friday.', 'sanctions_imposed', 'african-union'],
    ['The United States sanctioned Russia on Friday.', 'sanctions_imposed', 'united-states'],
    ['Qatar mediated between Hamas and Israel on Monday.', 'talks', 'qatar'],
    ['The Egyptian foreign minister telephoned his Jordanian counterpart on Monday.', 'talks', 'egypt'],
    ['France extradited two Algerian suspects to Algeria on Monday.', 'cooperation', 'france'],
    ['Poland closed its border with Belarus on Monday.', 'sanctions_imposed', 'poland'],
    ['The United States suspended military aid to Egypt on Monday.', 'sanctions_imposed', 'united-states'],
    ['The European Council prolonged its economic measures against Moscow by six months.', 'sanctions_imposed', 'european-council'],
    ['Venezuela expelled the UN human rights office on Monday.', 'diplomats_expelled', 'venezuela'],
    ['Mali ordered UN peacekeepers to leave the country on Monday.', 'diplomats_expelled', 'mali'],
    ['Guyana took Venezuela to the International Court of Justice on Monday.', 'criticism', 'guyana'],
    ['Seoul handed Tokyo a formal protest over a defence white paper on Wednesday.', 'criticism', 'south-korea'],
    ["Niger's junta revoked the military agreements with France on Monday.", 'treaty_withdrawal', 'niger'],
    ['Burkina Faso halted talks with the rebels on Monday.', 'rejection', 'burkina-faso'],
    ['Japan brushed off the complaint on Wednesday.', 'rejection', 'japan'],
    ['North Korea fired a ballistic missile into the sea on Monday.', 'mobilization', 'north-korea'],
    ['Azerbaijan returned 32 Armenian soldiers to Armenia on Monday.', 'prisoner_release', 'azerbaijan'],
    ['The European Union allocated 50 million euros to Sudan on Monday.', 'aid_pledged', 'european-union'],
    ['Armenia and Azerbaijan initialled a peace treaty on Monday.', 'peace_agreement', 'armenia'],
    ['Kazakhstan and Uzbekistan inked 14 documents on Monday.', 'agreement', 'uzbekistan'],
    ['Russia recognized the independence of Kosovo on Tuesday.', 'relations_restored', 'russia'],
    ['Taiwan opened a representative office in Somaliland on Monday.', 'relations_restored', 'taiwan'],
    ['Georgian troops clashed with South Ossetian forces near Tskhinvali on Thursday.', 'armed_attack', 'georgia'],
    ['The foreign ministers of India and China held a phone call on Monday.', 'talks', 'china'],
    ['Delegations from Serbia and Kosovo convened in Brussels on Monday.', 'talks', 'serbia'],
    ['Saudi Arabia dispatched relief supplies to Sudan on Monday.', 'aid_provided', 'saudi-arabia'],
    ["China wrote off Zambia's debt on Monday.", 'aid_provided', 'china'],
    ['Germany gave Ukraine air defence systems on Monday.', 'military_support', 'germany'],
    ['The EU unveiled a 500 million euro package for Syria on Monday.', 'aid_pledged', 'european-union'],
    ['Norway contributed $10 million to the UN refugee agency on Monday.', 'aid_pledged', 'norway'],
    ['Hungary snubbed the summit on Monday.', 'rejection', 'hungary'],
    ['Brazil balked at the proposal on Monday.', 'rejection', 'brazil'],
    ['France blasted the coup leaders on Monday.', 'criticism', 'france'],
    ['Australia expressed displeasure at the decision on Monday.', 'criticism', 'australia'],
    ['Aid worth $50 million was pledged by Japan on Monday.', 'aid_pledged', 'japan'],
    ['Sanctions were imposed on Belarus by Canada on Monday.', 'sanctions_imposed', 'canada'],
    ['Colombia and the FARC put pen to paper on a peace deal on Monday.', 'peace_agreement', 'colombia'],
    ['Chile and Argentina reached an understanding on the border on Monday.', 'agreement', 'chile'],
    ['Talks between Chile and Argentina produced an understanding on the border on Monday.', 'agreement', 'argentina'],
    ['Egypt asked Israel to allow aid into Gaza on Monday.', 'appeal', 'egypt'],
    ['Israel killed a Hamas commander in an air strike on Monday.', 'armed_attack', 'israel'],
    ["Sudan's army retook the presidential palace on Monday.", 'armed_attack', 'sudan'],
    ['Belarus ordered the Lithuanian embassy to cut its staff on Monday.', 'diplomats_expelled', 'belarus'],
    ['North Korea is holding an American soldier who crossed the border.', 'detention', 'north-korea'],
    ['Ethiopia and the TPLF signed a cessation of hostilities on Monday.', 'ceasefire', 'ethiopia'],
    ['Houthi rebels fired a missile at a commercial ship on Monday.', 'armed_attack', 'houthis'],
    ['Turkey struck Kurdish militants in northern Iraq on Monday.', 'armed_attack', 'turkey'],
    ['India will host the G20 summit next year.', 'intent', 'india'],
    ['Seoul is considering lifting sanctions on Pyongyang.', 'intent', 'south-korea'],
    ['Washington paused some aid programmes on Monday.', 'sanctions_imposed', 'united-states'],
    ['Egypt protested to the UN Security Council on Monday.', 'criticism', 'egypt'],
    ['Ethiopia skipped the signing of the deal in Washington on Monday.', 'rejection', 'ethiopia'],
    ['Mali scrapped five military cooperation deals with France on Monday.', 'treaty_withdrawal', 'mali'],
    ['Washington warned Beijing of consequences if it supplied arms to Russia on Monday.', 'threat', 'united-states'],
    ["France backed Morocco's autonomy plan for Western Sahara on Monday.", 'endorsement', 'france'],
    ['Germany threw its weight behind the proposal on Monday.', 'endorsement', 'germany'],
    ["Turkey approved Sweden's bid to join NATO on Monday.", 'endorsement', 'turkey'],
    ['Honduras has hit back at Nicaragua over the arrest of its fishermen.', 'criticism', 'honduras'],
    ['The European Commission took Poland to task on Thursday over a new law on judges.', 'criticism', 'european-commission'],
    ['Indonesia lodged a complaint with Malaysia on Monday over the haze.', 'criticism', 'indonesia'],
    ['Chile assailed the accord on Wednesday.', 'criticism', 'chile'],
    ['Turkey and Russia spoke by telephone on Wednesday about the fighting.', 'talks', 'turkey'],
    ['Quito and Lima signed off on an electricity pact on Thursday.', 'agreement', 'ecuador'],
    ['Mauritania answered on Tuesday by ordering eleven Senegalese diplomats to leave the country.', 'diplomats_expelled', 'mauritania'],
    ['Khartoum pulled out of the pact on Wednesday, accusing Chad of arming rebels.', 'criticism', 'sudan'],
    ['Japan handed over $12 million in food aid to South Sudan on Monday.', 'aid_provided', 'japan'],
    ['Thai aircraft struck Lao positions near the hill on Tuesday.', 'armed_attack', 'thailand'],
    ['The World Bank approved a $300 million loan to Kenya on Thursday.', 'aid_pledged', 'world-bank'],
    ['China shipped 100,000 doses of vaccine to Cambodia on Friday.', 'aid_provided', 'china'],
    ['Libya and Chad accept a ceasefire proposed by the African Union.', 'ceasefire', 'libya'],
    ['Poland summoned the Russian ambassador on Monday over the detention of its consul.', 'criticism', 'poland'],
    ['Japan objected on Sunday to a Chinese survey ship entering its waters.', 'criticism', 'japan'],
    ['Eritrea\'s information minister called the Ethiopian raids "a war crime" on Tuesday.', 'criticism', 'eritrea'],
    ['The UN Security Council is to meet on Friday to discuss an embargo.', 'intent', 'un-security-council'],
    ['Ghana’s president went on a state visit to Nigeria on Monday.', 'talks', 'ghana'],
    ["Egypt's president had spoken to his Sudanese counterpart on Saturday.", 'talks', 'egypt'],
    ['The agreement, signed by Egypt and Sudan in Cairo on Thursday, sets out rules for the dam.', 'agreement', 'egypt'],
    ['A $20 million aid package announced by the European Union on Monday will go to Haiti.', 'aid_pledged', 'european-union'],
    ['The sanctions that Canada imposed on Belarus on Monday target six officials.', 'sanctions_imposed', 'canada'],
    ["India's offer of aid to Nepal on Tuesday was accepted.", 'aid_pledged', 'india'],
    ['Morocco and Algeria exchanged accusations on Tuesday.', 'criticism', 'algeria'],
    ["Turkey gave Sweden's bid its blessing on Tuesday.", 'endorsement', 'turkey'],
    ['Egypt called on Tuesday for an immediate ceasefire in Gaza.', 'appeal', 'egypt'],
    ['Australia on Friday banned imports of Chinese steel.', 'sanctions_imposed', 'australia'],
    ['Belarus jailed the opposition leader for 15 years on Tuesday.', 'conviction', 'belarus'],
    ['Police in Caracas rounded up dozens of protesters on Tuesday.', 'detention', 'venezuela'],
    ['Japan scrambled fighter jets on Sunday after Chinese aircraft entered its airspace.', 'mobilization', 'japan'],
    ['The ECOWAS bloc lifted sanctions on Niger on Tuesday.', 'sanctions_lifted', 'economic-community-of-west-african-states'],
    ['Mali and Niger announced their withdrawal from ECOWAS on Tuesday.', 'treaty_withdrawal', 'mali'],
    ["Guyana's president said on Thursday that his country would reopen its embassy.", 'intent', 'guyana'],
    ['Iran accepted Security Council Resolution 598, which calls for a ceasefire, on Monday.', 'ceasefire', 'iran'],
    ['The Iraqi army pushed Iranian troops out of the Faw peninsula on Monday.', 'armed_attack', 'iraq'],
    ['Iraq recaptured the Majnoon islands on Monday.', 'armed_attack', 'iraq'],
    ['The US navy shot down an Iranian airliner over the Gulf on Monday.', 'armed_attack', 'united-states'],
    ['Baghdad wanted face-to-face negotiations with Tehran, Iraq said on Monday.', 'intent', 'iraq'],
    ['The UN chief invited Iran and Iraq to New York for direct talks on Monday.', 'intent', 'united-nations'],
    ['Japan offered the Philippines a soft loan on Monday.', 'aid_pledged', 'japan'],
    ['Japan pledged two patrol vessels to the Philippines on Monday.', 'aid_pledged', 'japan'],
    ['Ethiopia and Somalia signed what Turkey called the Ankara Declaration on Wednesday.', 'agreement', 'somalia'],
    ['Ethiopia and Somalia agreed to set aside their dispute on Wednesday, after talks brokered by Turkey.', 'talks', 'ethiopia'],
    ["Fighting between Sudan's army and the RSF spread to Nyala on Monday.", 'armed_attack', 'rapid-support-forces'],
    ["The Mexican president questioned the legitimacy of Peru's government on Monday.", 'criticism', 'mexico'],
    ['The United States issued a six-month waiver in January allowing transactions with Syrian banks.', 'sanctions_lifted', 'united-states'],
    ["The European Commission is preparing a donors' conference for March.", 'intent', 'european-commission'],
    ['Russia proposed a moratorium on deploying the missiles in Europe on Friday.', 'intent', 'russia'],
    ['Beijing warned on Friday that it would take countermeasures.', 'threat', 'china'],
    ['Talks were held in Beijing on Friday between Iran and Saudi Arabia.', 'talks', 'saudi-arabia'],
    ['Azerbaijan called off a visit to Moscow on Tuesday.', 'rejection', 'azerbaijan'],
    ['Turkey and Armenia signed protocols in Zurich on Saturday.', 'agreement', 'armenia'],
    ['The ruling junta in Mali expelled the head of the UN human rights mission on Monday.', 'diplomats_expelled', 'mali'],
    ['The United Nations regretted the decision on Monday.', 'criticism', 'united-nations'],
    ["Ghana's foreign minister was summoned by the Nigerian government on Monday.", 'criticism', 'nigeria'],
    ['Ukraine said 84 prisoners of war had been returned by Russia on Friday.', 'prisoner_release', 'russia'],
    ['Human rights groups accused Tunisia of abandoning migrants on Friday.', 'criticism', 'human-rights-groups'],
    ['Ursula von der Leyen flew to Tunis on Friday.', 'talks', 'ursula-von-der-leyen'],
    ['Premier Nikita S. Khrushchev flew to Vienna on Friday.', 'talks', 'nikita-s-khrushchev'],
    ['Poland reopened its border with Belarus on Monday.', 'sanctions_lifted', 'poland'],
    ['The Republic of Poland will host a conference on Ukraine in Warsaw in June.', 'intent', 'poland'],
    ['The Ministry of Foreign Affairs of Ukraine condemned the attack on Monday.', 'criticism', 'ukraine'],
    ['Poland spoke. The Ministry of Foreign Affairs condemned the Russian strikes on Monday.', 'criticism', 'poland'],
    ['Poland condemned the Russian missile and drone attack on Ukrainian cities on Monday.', 'armed_attack', 'russia'],
    ['The suspension of talks by Serbia on Monday angered the EU.', 'rejection', 'serbia'],
    ["Israel's killing of the Hamas leader in Tehran on Monday shocked the region.", 'armed_attack', 'israel'],
    ['Iran vowed revenge on Monday.', 'threat', 'iran'],
    ['Germany handed Ukraine a fourth Patriot system on Monday.', 'military_support', 'germany'],
    ['The Security Council voted to extend the arms embargo on South Sudan on Monday.', 'sanctions_imposed', 'un-security-council'],
    ["Niger's junta ordered French troops to leave on Monday.", 'diplomats_expelled', 'niger'],
    ['Kenya and Somalia held a phone call on Monday.', 'talks', 'kenya'],
    ['Kenya said its president had spoken with Somalia by telephone on Monday.', 'talks', 'kenya'],
    ['Beijing lodged stern representations with Tokyo on Monday.', 'criticism', 'china'],
    ['The Vatican and China renewed their agreement on the appointment of bishops on Monday.', 'agreement', 'china'],
    ['The UN General Assembly adopted a resolution demanding a ceasefire in Gaza on Monday.', 'appeal', 'un-general-assembly'],
    ['The UN General Assembly adopted a resolution condemning the invasion on Monday.', 'criticism', 'un-general-assembly'],
    ['Ecuadorian police stormed the Mexican embassy in Quito on Monday.', 'armed_attack', 'ecuador'],
    ['Minister Radosław Sikorski summoned the Russian chargé d’affaires on Monday.', 'criticism', 'radoslaw-sikorski'],
    ['The IMF released a tranche of $1.1 billion to Pakistan on Friday.', 'aid_provided', 'international-monetary-fund'],
    ['A hospital in Kharkiv was struck by a Russian missile on Monday.', 'armed_attack', 'russia'],
    ['Delegations from Kenya and Ethiopia sat down in Nairobi on Monday to discuss the disputed border.', 'talks', 'kenya'],
    ['Chile and Peru opened a new round of negotiations over the maritime boundary on Friday.', 'talks', 'peru'],
    ['Norway brokered a second round of contacts between the government and the rebels in Oslo last week.', 'talks', 'norway'],
    ['Germany donated 50 ambulances to Ukraine on Tuesday.', 'aid_provided', 'germany'],
    ["Saudi Arabia deposited $3 billion in Egypt's central bank last week.", 'aid_provided', 'saudi-arabia'],
    ['China delivered 500,000 vaccine doses to Cambodia on Friday.', 'aid_provided', 'china'],
    ['Australia committed A$50 million to rebuild schools in Tonga on Tuesday.', 'aid_pledged', 'australia'],
    ['Venezuela dismissed the ultimatum as illegal on Tuesday.', 'rejection', 'venezuela'],
    ['Iran rebuffed a European offer to resume talks on Thursday.', 'rejection', 'iran'],
    ['North Korea said on Saturday it would not accept the proposal.', 'rejection', 'north-korea'],
    ["Hungary blocked the EU's sanctions package on Monday.", 'rejection', 'hungary'],
    ['Britain called the sentence "unjust and politically motivated" on Monday.', 'criticism', 'united-kingdom'],
    ['Japan and Australia put their signatures to a defence cooperation deal on Friday.', 'agreement', 'japan'],
    ['Fiji ordered the Australian high commissioner out of the country on Tuesday.', 'diplomats_expelled', 'fiji'],
    ['Peru declared the Mexican ambassador unwelcome on Saturday.', 'diplomats_expelled', 'peru'],
    ['Latvia sent home a Belarusian diplomat on Monday.', 'diplomats_expelled', 'latvia'],
    ['Burundi quit the International Criminal Court on Friday.', 'treaty_withdrawal', 'burundi'],
    ['Japan imposed export curbs on South Korea on Friday.', 'sanctions_imposed', 'japan'],
    ['Washington hit Caracas with new sanctions on Saturday.', 'sanctions_imposed', 'united-states'],
    ['Australia placed travel bans on ten Myanmar generals on Monday.', 'sanctions_imposed', 'australia'],
    ['Russia seized two Ukrainian navy ships on Sunday.', 'detention', 'russia'],
    ['Egypt took three Al Jazeera journalists into custody on Tuesday.', 'detention', 'egypt'],
    ['Thailand and Cambodia agreed to halt fighting along their border on Monday.', 'ceasefire', 'cambodia'],
    ['Houthi rebels fired missiles at a merchant ship in the Red Sea on Sunday.', 'armed_attack', 'houthis'],
    ['The Taliban seized the city of Kunduz on Monday.', 'armed_attack', 'taliban'],
    ['The deal, which Kenya and Tanzania signed in Arusha on Monday, cuts tariffs on 300 goods.', 'agreement', 'tanzania'],
    ['The sanctions imposed by Britain on Tuesday target 12 Russian officials.', 'sanctions_imposed', 'united-kingdom'],
    ["The visit by India's prime minister to Malé on Tuesday was the first in a decade.", 'talks', 'india'],
    ["Turkey's approval of Sweden's NATO bid on Monday cleared the last hurdle.", 'endorsement', 'turkey'],
    ["Tokyo's refusal to apologise for the seizure angered Korean lawmakers.", 'rejection', 'japan'],
    ['June 2000 — Ethiopia and Eritrea sign a ceasefire in Algiers.', 'ceasefire', 'eritrea'],
    ['July 2018 — Ethiopia and Eritrea declare an end to the state of war.', 'peace_agreement', 'ethiopia'],
    ['Pyongyang test-fired two ballistic missiles into the sea on Sunday.', 'mobilization', 'north-korea'],
    ['China held live-fire drills around Taiwan on Tuesday.', 'mobilization', 'china'],
    ['Russia annexed four Ukrainian regions on Friday.', 'armed_attack', 'russia'],
    ['Turkish troops entered northern Syria on Wednesday.', 'armed_attack', 'turkey'],
    ['Azerbaijan blockaded the Lachin corridor on Monday.', 'armed_attack', 'azerbaijan'],
    ['Argentina recognised Palestine as a state on Monday.', 'relations_restored', 'argentina'],
    ['Egypt named a new envoy to Turkey on Thursday.', 'nomination', 'egypt'],
    ['Guyana called the law "an outlaw act" on Tuesday.', 'criticism', 'guyana'],
    ['Venezuela and Guyana promised not to use force against each other.', 'intent', 'guyana'],
    ['The United States, which brokered a trilateral meeting at Camp David last year, welcomed the summit.', 'talks', 'united-states'],
    ['Sudan accepted a Saudi proposal for a week-long truce on Monday.', 'ceasefire', 'sudan'],
    ['Japan responded in July 2019 by tightening controls on exports to South Korea.', 'sanctions_imposed', 'japan'],
    ['Washington issued a six-month licence allowing oil and gas deals with Venezuela.', 'sanctions_lifted', 'united-states'],
    ["Israel's prime minister, Benjamin Netanyahu, dismissed the deal as a sign of Western weakness.", 'criticism', 'benjamin-netanyahu'],
    ['EU foreign ministers on Monday adopted a fifth round of sanctions against Belarus.', 'sanctions_imposed', 'european-union'],
    ['Colombia called the walkout "a step backwards" on Monday.', 'criticism', 'colombia'],
    ['The Colombian delegation walked out of the session on Monday.', 'rejection', 'colombia'],
    ['The IMF released a $1.2 billion tranche to Argentina on Monday.', 'aid_provided', 'international-monetary-fund'],
    ["Germany's development minister handed over 30 ambulances to Ukraine on Monday.", 'aid_provided', 'germany'],
    ['India gifted 50,000 doses of vaccine to Nepal on Monday.', 'aid_provided', 'india'],
    ['The European Union set up a trust fund for Colombia on Monday.', 'aid_pledged', 'european-union'],
    ['Canada will double its aid to Sudan, the foreign minister announced on Monday.', 'aid_pledged', 'canada'],
    ['Ankara reacted angrily to the vote on Monday.', 'criticism', 'turkey'],
    ['Burundi notified the UN of its withdrawal from the Rome Statute on Monday.', 'treaty_withdrawal', 'burundi'],
    ["Burundi's parliament voted to leave the ICC on Monday.", 'treaty_withdrawal', 'burundi'],
    ['Peru and Chile exchanged ambassadors on Monday.', 'relations_restored', 'chile'],
    ['Iran and the United States agreed on Tuesday to a prisoner swap.', 'agreement', 'iran'],
    ['Israel and Hamas agreed to a deal on Tuesday.', 'agreement', 'hamas'],
    ['Fiji expelled the Australian and New Zealand high commissioners on Tuesday.', 'diplomats_expelled', 'fiji'],
    ['Malawi recalled its high commissioner from Tanzania on Tuesday.', 'ambassador_recalled', 'malawi'],
    ['Moscow responded by holding military drills on the islands on Tuesday.', 'mobilization', 'russia'],
    ['Tokyo joined Western sanctions over Crimea on Tuesday.', 'sanctions_imposed', 'japan'],
    ['The Slovak parliament approved the treaty by 120 votes to 40 on Tuesday.', 'treaty_ratified', 'slovakia'],
    ['Two Japanese nationals have been held in China since March.', 'detention', 'china'],
    ['Japan has given Mongolia more than $3 billion in aid on Tuesday.', 'aid_provided', 'japan'],
    ['The foreign ministers of Kenya and Somalia exchanged views on the border on Monday.', 'talks', 'somalia'],
    ['Kenya and Somalia discussed the maritime dispute on Monday.', 'talks', 'kenya'],
    ['Kenyan and Somali officials negotiated for six hours on Monday.', 'talks', 'kenya'],
    ['The Kenyan envoy had an audience with the Somali president on Monday.', 'talks', 'kenya'],
    ['Kenya signalled its readiness to resume talks on Monday.', 'intent', 'kenya'],
    ['Kenya expressed willingness to mediate on Monday.', 'intent', 'kenya'],
    ['Kenya has invited the Somali president to visit Nairobi, the ministry said on Monday.', 'intent', 'kenya'],
    ["Kenya's president will travel to Mogadishu next week.", 'intent', 'kenya'],
    ['New sanctions on Iran were announced by Washington on Monday.', 'sanctions_imposed', 'united-states'],
    ['Russia was hit with fresh sanctions by Britain on Monday.', 'sanctions_imposed', 'united-kingdom'],
    ['Britain targeted 20 Russian banks with asset freezes on Monday.', 'sanctions_imposed', 'united-kingdom'],
    ['Canada banned Russian oil imports on Monday.', 'sanctions_imposed', 'canada'],
    ['The US restricted visas for Nicaraguan officials on Monday.', 'sanctions_imposed', 'united-states'],
    ['On Wednesday, the World Bank signed a $50 million loan for a heating plant.', 'aid_pledged', 'world-bank'],
    ['Iranian protesters burned Danish flags in Tehran on Monday.', 'protest', 'iranian-protesters'],
    ['Russia launched 40 missiles at Ukrainian cities on Monday.', 'armed_attack', 'russia'],
    ["Fighting erupted between Sudan's army and the RSF in Khartoum on Monday.", 'armed_attack', 'rapid-support-forces'],
  ];

  it.each(cases)('%s → %s by %s', (text, type, agent) => {
    const found = eventsOf(text).filter((e) => e.type === type);
    expect(found).toHaveLength(1);
    expect(found[0]?.agents).toContain(agent);
  });

  it('reads two sides’ releases "in return" as each side’s release and one exchange by both', () => {
    const events = eventsOf('Caracas freed ten American citizens on Monday, while Washington released 80 Venezuelans in return.');
    expect(events.filter((e) => e.type === 'prisoner_release').map((e) => e.agents)).toEqual([['venezuela'], ['united-states']]);
    const exchange = events.filter((e) => e.type === 'prisoner_exchange');
    expect(exchange.map((e) => [...e.agents].sort())).toEqual([['united-states', 'venezuela']]);
    expect(exchange[0]?.date?.start).toBe('2025-06-09');
    // without "in return" two releases are just two releases
    expect(eventsOf('Caracas freed ten American citizens on Monday, while Washington released 80 Venezuelans.').map((e) => e.type)).not.toContain(
      'prisoner_exchange',
    );
  });

  it('dates an intent by the attribution that closes its sentence', () => {
    const intent = eventsOf('Brazil intends to mediate between Russia and Ukraine, its foreign minister said on Tuesday.').find((e) => e.type === 'intent');
    expect(intent?.date?.start).toBe('2025-06-10');
  });

  it('reads a digest section label in capitals as where its item happens', () => {
    const expelled = eventsOf('NIGER — The military government expelled the French ambassador on Saturday.').find((e) => e.type === 'diplomats_expelled');
    expect(expelled?.agents).toEqual(['niger']);
    expect(expelled?.targets).toEqual(['france']);
  });

  it('gives the people of "the leaders of X and Y" both states', () => {
    const talks = eventsOf('The leaders of Japan and South Korea sat down in Seoul on 7 May.').find((e) => e.type === 'talks');
    expect([...(talks?.agents ?? [])].sort()).toEqual(['japan', 'south-korea']);
    expect(talks?.date?.start).toBe('2025-05-07');
  });

  it('keeps the date of a relative clause that reports an event to that event', () => {
    const events = eventsOf('The United States, which brokered a trilateral meeting at Camp David last year, welcomed the summit.');
    expect(events.find((e) => e.type === 'talks')?.date?.start).toBe('2024-01-01');
    expect(events.find((e) => e.type === 'endorsement')?.date?.start).not.toBe('2024-01-01');
    // a clause on a person dates the act only when the sentence gives it no date of its own
    const met = eventsOf("Japan's prime minister, who took office in 2021, met South Korea's president in Seoul on Monday.");
    expect(met.find((e) => e.type === 'talks')?.date?.start).toBe('2025-06-09');
    // an event of a clause without a date of its own is dated from outside it
    const lifted = eventsOf('Havana freed 53 prisoners on Friday under a deal with Washington, which in turn removed Cuba from its terrorism list.');
    expect(lifted.find((e) => e.type === 'sanctions_lifted')?.date?.start).toBe('2025-06-13');
    // a clause that reports no event dates the act it describes
    const truce = eventsOf('Sudan and South Sudan accepted a truce, which took effect at midnight on 4 June.');
    expect(truce.find((e) => e.type === 'ceasefire')?.date?.start).toBe('2025-06-04');
  });

  it('reads "both sides" as the last two sides the sentence named before it', () => {
    const appeal = eventsOf('Egypt, which brokered the truce between Israel and Hamas on Friday, urged both sides to hold their fire.').find(
      (e) => e.type === 'appeal',
    );
    expect(appeal?.agents).toEqual(['egypt']);
    expect(appeal?.targets).toEqual(['israel', 'hamas']);
  });

  it("takes the state a bloc suspends, or a government sanctions, for the target; not a name that begins a noun's words", () => {
    expect(eventsOf('ECOWAS suspended Mali from its decision-making bodies on Sunday.').map((e) => [e.type, e.targets])).toEqual([
      ['sanctions_imposed', ['mali']],
    ]);
    expect(eventsOf("The Commonwealth suspended Fiji's membership in 2009.").map((e) => [e.targets, e.date?.start])).toEqual([[['fiji'], '2009-01-01']]);
    expect(eventsOf('The United States blacklisted Iran on Friday.').map((e) => e.targets)).toEqual([['iran']]);
    expect(eventsOf('Russia suspended Aeroflot flights to Georgia.')).toEqual([]);
    expect(eventsOf('The United States sanctioned for the first time its own officials.')).toEqual([]);
  });

  it('takes the speaker of a quotation told before its verb ("…," said X), not the states it names', () => {
    const quoted = eventsOf(
      '"Egypt and Ethiopia know a war would be a catastrophe," said Ayman Khalil, a researcher at the Cairo Centre for Strategic Studies.',
    );
    expect(quoted.map((e) => [e.type, e.agents])).toEqual([['statement', ['ayman-khalil']]]);
    expect(eventsOf('"The sanctions are illegal," said Kenya on Monday.').map((e) => e.agents)).toEqual([['kenya']]);
    // an onlooker's words are commentary
    expect(eventsOf('"Trade is the best peacemaker," said Tran Thi Lan, who sells bicycles at the border.')).toEqual([]);
    expect(eventsOf('"Neither side has done anything," said Aminata Fall, a historian at Dakar University.')).toEqual([]);
  });

  it('reads talks that broke down as ended without agreement, by their sides', () => {
    const between = eventsOf('Talks between Egypt and Ethiopia broke down on Tuesday.');
    expect(between.map((e) => [e.type, e.agents, e.targets])).toEqual([
      ['talks', ['egypt', 'ethiopia'], []],
      ['rejection', ['egypt', 'ethiopia'], []],
    ]);
    const told = eventsOf('The foreign ministers of Japan and South Korea met in Bangkok on Thursday, but the talks ended without agreement.');
    expect(told.find((e) => e.type === 'rejection')?.agents).toEqual(['japan', 'south-korea']);
  });

  it('reports nothing a condition supposes: "if it supplied arms" is no supply of arms', () => {
    const events = eventsOf('Washington warned Beijing of consequences if it supplied arms to Russia on Monday.');
    expect(events.map((e) => e.type)).toEqual(['threat']);
  });

  it('holds no talks that were halted, and no clash of protesters with the police for fighting', () => {
    expect(eventsOf('Burkina Faso halted talks with the rebels on Monday.').map((e) => e.type)).toEqual(['rejection']);
    expect(eventsOf('Protesters clashed with police in Tbilisi on Monday.')).toEqual([]);
    expect(eventsOf('Russia suspended Aeroflot flights to Georgia.')).toEqual([]);
  });

  it('takes a place for no actor: the Galwan Valley is where troops clashed, the target is the other side', () => {
    expect(eventsOf('Georgian troops clashed with South Ossetian forces on Thursday.').map((e) => [e.agents, e.targets])).toEqual([
      [['georgia'], ['south-ossetia']],
    ]);
    const clash = eventsOf('Indian and Chinese troops clashed in the Galwan Valley on Monday.');
    expect(clash.flatMap((e) => [...e.agents, ...e.targets])).not.toContain('galwan-valley');
    const boycott = eventsOf('Lithuania boycotted the Olympic Games in Beijing on Monday.');
    expect(boycott.map((e) => [e.type, e.targets])).toEqual([['rejection', []]]);
  });

  it('dates each item of a digest by its own date label, and takes "the two leaders" for the two states the sentence before named', () => {
    const digest = [
      "Monday: Kazakhstan's president, Kassym-Jomart Tokayev, hosted his Uzbek counterpart in Astana. The two leaders inked 14 documents.",
      '',
      'Wednesday: Seoul handed Tokyo a formal protest over a defence white paper. Japan brushed off the complaint.',
    ].join('\n');
    const events = eventsOf(digest);
    expect(events.map((e) => [e.type, e.date?.start])).toEqual([
      ['talks', '2025-06-09'],
      ['agreement', '2025-06-09'],
      ['criticism', '2025-06-11'],
      ['rejection', '2025-06-11'],
    ]);
    expect(events[1]?.agents).toEqual(['kazakhstan', 'uzbekistan']);
  });

  it("dates a timeline item's later sentences by its label, though its first reports nothing; not by a wire's dateline", () => {
    const timeline = ['July 2020 — Ethiopia completes the first filling. Egypt protests to the UN Security Council.'].join('\n');
    expect(eventsOf(timeline).map((e) => [e.type, e.date?.start])).toEqual([['criticism', '2020-07-01']]);
    const wire = 'ADDIS ABABA, June 12 - The dam is full. Egypt protested to the UN Security Council.';
    expect(eventsOf(wire).map((e) => e.date?.start)).not.toContain('2025-06-12');
  });

  it('reads a missile test as a show of force, not an attack', () => {
    expect(eventsOf('Pyongyang test-fired two ballistic missiles into the sea on Sunday.').map((e) => e.type)).not.toContain('armed_attack');
  });

  it('reads ground captured as fighting, not as a detention', () => {
    const types = eventsOf('M23 rebels captured the town of Bunagana on Monday.').map((e) => e.type);
    expect(types).not.toContain('detention');
    expect(eventsOf('Rebels captured two soldiers near Goma on Monday.').map((e) => e.type)).toContain('detention');
  });

  it('gives people who walk free the release of whoever held them', () => {
    const events = eventsOf('Four Georgian shepherds detained by Russian border guards walked free on Monday.');
    const release = events.find((e) => e.type === 'prisoner_release');
    expect(release?.agents).toEqual(['russia']);
    expect(release?.date?.start).toBe('2025-06-09');
  });

  it('takes "what he called an assault" as the words of another criticism, not one of its own', () => {
    const events = eventsOf('Cameroon denounced what he called a deliberate assault on civilians on Friday.');
    expect(events.map((e) => e.type)).toEqual(['criticism']);
  });

  it('takes "pounds" after a sum for money and "March" the month for no march', () => {
    expect(eventsOf('Britain gave 20 million pounds for flood victims on Friday.').map((e) => e.type)).not.toContain('armed_attack');
    const talks = eventsOf('Talks between Serbia and Kosovo took place from 3 to 5 March in Brussels.');
    expect(talks.map((e) => e.type)).toEqual(['talks']);
    expect(talks[0]?.date).toEqual({ start: '2025-03-03', end: '2025-03-05', precision: 'day' });
  });

  it('dates relations broken off and restored in the passive by their own months, by the article’s two states', () => {
    const events = eventsOf(
      'Senegal broke off relations with Mauritania on Monday.\nRelations were last broken off in March 1962 and restored in January 1963.',
    );
    const past = events.filter((e) => e.date?.start.startsWith('196'));
    expect(past.map((e) => [e.type, e.date?.start, [...e.agents].sort()])).toEqual([
      ['relations_severed', '1962-03-01', ['mauritania', 'senegal']],
      ['relations_restored', '1963-01-01', ['mauritania', 'senegal']],
    ]);
  });

  it('dates undated events by a lead event told in the second sentence, not by publication', () => {
    const events = eventsOf(
      'For eight years they spoke only through the Swiss.\nOn Thursday, Britain and Argentina restored diplomatic relations.\nThe United States welcomed the announcement.',
    );
    expect(events.find((e) => e.type === 'endorsement')?.date?.start).toBe('2025-06-12');
  });

  it('reads each donor of a list told with one verb as pledging', () => {
    const pledges = eventsOf('At the conference on Tuesday Japan pledged $20 million, Germany $15 million and the European Union a further $30 million.');
    expect(pledges.map((e) => [e.type, e.agents, e.targets])).toEqual([
      ['aid_pledged', ['japan'], []],
      ['aid_pledged', ['germany'], []],
      ['aid_pledged', ['european-union'], []],
    ]);
  });

  it('dates a plan by the day between its verb and its "to", when it was stated', () => {
    const [intent] = eventsOf('Russia vowed on Tuesday to respond to any new sanctions.');
    expect(intent).toMatchObject({ type: 'intent', agents: ['russia'], date: { start: '2025-06-10', end: null, precision: 'day' } });
  });

  it('takes the state of the diplomats expelled for the target', () => {
    const [expulsion] = eventsOf('On Monday, Kenya expelled three Ugandan diplomats.');
    expect(expulsion).toMatchObject({ type: 'diplomats_expelled', agents: ['kenya'], targets: ['uganda'] });
  });

  it('reports no statement when nothing was said', () => {
    expect(eventsOf('On Monday, the United States said nothing about the arrests.')).toEqual([]);
  });

  it('reports nothing from a question', () => {
    expect(eventsOf('Who was freed on Monday, and did Britain release the sailors?')).toEqual([]);
  });

  it('dates an event by its own day, not by the dateline of a wire report', () => {
    const events = eventsOf('JUBA, June 13 — A ceasefire between Sudan and South Sudan took hold on Thursday.');
    expect(events.map((e) => [e.type, e.date?.start])).toEqual([['ceasefire', '2025-06-12']]);
  });

  it('takes no actor from a digest’s section label', () => {
    const events = eventsOf('HORN OF AFRICA — Eritrea and Djibouti signed a ceasefire in Doha on Monday.');
    expect(events.map((e) => e.agents)).toEqual([['eritrea', 'djibouti']]);
  });

  it('passes a verdict in what was said as a criticism beside the other acts of the sentence', () => {
    const events = eventsOf("Pristina's foreign ministry said the measures were illegal and recalled its envoy from Belgrade on Monday.");
    expect(events.map((e) => e.type).sort()).toEqual(['ambassador_recalled', 'criticism']);
  });

  it('counts "a week earlier" back from the day the sentence before told of', () => {
    const text = 'Laos and Cambodia signed a water agreement on Thursday.\nA week earlier, Laotian and Cambodian officials had met in Pakse.';
    const talks = eventsOf(text).find((e) => e.type === 'talks');
    expect(talks?.date?.start).toBe('2025-06-05');
  });

  it('turns a promise to give aid into a pledge of aid', () => {
    const events = eventsOf('Norway pledged to double its contribution to the refugee agency.');
    expect(events.map((e) => e.type)).toEqual(['aid_pledged']);
  });

  it('does not date an act by the year of a thing it names', () => {
    const events = eventsOf('Chile criticised the accord on Wednesday, saying it ignored a 1904 boundary treaty.');
    expect(events.map((e) => [e.type, e.date?.start])).toEqual([['criticism', '2025-06-11']]);
  });

  it('reads a plan or talks put forward as an intent of the day it was put forward', () => {
    for (const text of [
      'Qatar unveiled a six-point peace plan on Monday.',
      'Turkey floated the idea of a grain corridor on Monday.',
      'Kenya proposed talks between the two sides on Monday.',
    ])
      expect(eventsOf(text).map((e) => [e.type, e.date?.start])).toEqual([['intent', '2025-06-09']]);
  });

  it('reads a warning that sanctions would return as a threat of the day it was made, not of its deadline', () => {
    const events = eventsOf('The State Department warned on Wednesday that it would reimpose the sanctions unless the ban was lifted by the end of June.');
    expect(events.map((e) => [e.type, e.agents, e.date?.start])).toEqual([['threat', ['united-states'], '2025-06-11']]);
  });

  it('dates an act "within a day" of the one told before from that one', () => {
    const text = 'The two sides signed the accord in Barbados on June 2.\nWithin a day, Caracas released five political prisoners.';
    const release = eventsOf(text).find((e) => e.type === 'prisoner_release');
    expect(release?.date).toEqual({ start: '2025-06-02', end: '2025-06-09', precision: 'day' });
  });

  it('reads "followed suit" as the act told before, by the new actors and of its date', () => {
    const events = eventsOf('Riyadh cut ties with Tehran in January 2016.\nBahrain and Sudan followed suit within days.');
    expect(events.map((e) => [e.type, e.agents, e.date?.start])).toEqual([
      ['relations_severed', ['saudi-arabia'], '2016-01-01'],
      ['relations_severed', ['bahrain', 'sudan'], '2016-01-01'],
    ]);
  });

  it('reads what nearly happened as nothing, and the next act of a story ("then") at the story’s date', () => {
    const text = 'The talks had nearly collapsed in March, when Iran recalled its ambassador from Qatar.\n\nOman then mediated between Iran and Qatar.';
    expect(eventsOf(text).map((e) => [e.type, e.date?.start])).toEqual([
      ['ambassador_recalled', '2025-03-01'],
      ['talks', '2025-03-01'],
    ]);
  });

  it('takes "the rebels" for the armed group named last, and a state and its armed group for "the two sides"', () => {
    const text = [
      'HAVANA — Colombia and the FARC suspended their peace talks on Thursday after the guerrillas accused the army of killing two commanders.',
      'In May the two sides agreed on a plan to remove landmines.',
      'In June the rebels declared a unilateral ceasefire.',
    ].join('\n');
    const events = eventsOf(text);
    expect(events.find((e) => e.type === 'criticism')).toMatchObject({ agents: ['farc'], targets: ['colombia'] });
    expect(events.find((e) => e.type === 'agreement')?.agents).toEqual(['colombia', 'farc']);
    expect(events.find((e) => e.type === 'ceasefire')).toMatchObject({ agents: ['farc'], date: { start: '2025-06-01' } });
  });

  it('reads talks that opened or resumed, told without their sides, as held by the story’s sides on their own date', () => {
    const events = eventsOf('Colombia and the FARC signed a deal on Monday.\nThe talks had opened in Oslo in October 2012.');
    expect(events.find((e) => e.type === 'talks')).toMatchObject({ agents: ['colombia', 'farc', 'norway'], date: { start: '2012-10-01' } });
  });

  it('takes no side for fighting told without its sides, and no commodity for an industry ("a Saudi oil facility")', () => {
    expect(eventsOf('Sudan and Chad signed a deal on Monday.\nFighting erupted in Khartoum on Tuesday.').map((e) => e.type)).toEqual(['agreement']);
    const events = eventsOf('Houthi drones hit a Saudi oil facility on Monday.');
    expect(events.flatMap((e) => [...e.agents, ...e.targets])).not.toContain('saudi-oil');
  });

  it('takes no war, no place of a battle and no sentence adverb for a person, and "the emperor" for the one named so', () => {
    const text = [
      'Emperor Naruhito arrived in Ulaanbaatar on Tuesday.',
      'Afterwards Mr Khurelsukh said Mongolia hoped to deepen ties with Japan.',
      'Japanese and Soviet forces clashed at Khalkhin Gol in 1939, before the Second World War.',
      'The emperor is due to visit the memorial on Saturday.',
    ].join('\n');
    const events = eventsOf(text);
    const actors = events.flatMap((e) => [...e.agents, ...e.targets]);
    expect(actors).not.toEqual(expect.arrayContaining(['khalkhin-gol']));
    expect(actors.filter((a) => /world-war|afterwards/.test(a))).toEqual([]);
    expect(events.at(-1)?.agents).toEqual(['naruhito']);
  });

  it('takes a body discussing its own business for no talks', () => {
    expect(eventsOf('The Kenyan cabinet discussed the budget on Monday.')).toEqual([]);
  });

  it('reads a speaker who says another is to blame as criticising them', () => {
    expect(eventsOf('The US said on Friday that Russia was solely responsible for the collapse of the treaty.').map((e) => e.type)).toEqual(['criticism']);
    expect(eventsOf('The US said on Friday that Russia was responsible for the talks.').map((e) => e.type)).toEqual(['statement']);
  });

  it('takes the story’s deal, told in the passive without its makers, for the story’s two sides’', () => {
    const text = 'Saudi Arabia and Iran agreed to resume relations on Friday. The agreement was reached after four days of talks.';
    const deal = extract({ text, publishedAt: '2023-03-11' }, []).events.find((e) => e.type === 'agreement');
    expect(deal?.agents).toEqual(['saudi-arabia', 'iran']);
  });

  it('reads past the role of the first side of a "between" phrase to the second side', () => {
    const text = 'A deal was signed on Friday between the president of Iran, Ebrahim Raisi, and the king of Saudi Arabia, Salman.';
    expect(eventsOf(text).find((e) => e.type === 'agreement')?.agents).toEqual(expect.arrayContaining(['iran', 'saudi-arabia']));
    expect(eventsOf('United Nations Secretary-General Antonio Guterres welcomed the deal on Friday.')[0]?.agents).toContain('antonio-guterres');
  });

  it('counts a story’s next steps ("Two years later", "That December") from the last date it told', () => {
    const text =
      'Armenia withdrew from the protocols in 2018. Two years later, Turkey supplied drones to Azerbaijan. That December, both governments appointed special envoys.';
    const events = extract({ text, publishedAt: '2025-09-13' }, []).events;
    expect(events.find((e) => e.type === 'military_support')?.date).toMatchObject({ start: '2020-01-01', precision: 'year' });
    expect(events.find((e) => e.type === 'nomination')?.date).toMatchObject({ start: '2020-12-01', precision: 'month' });
  });

  it('reads a deal signed in a time still to come ("before A and B sign") as no event', () => {
    expect(eventsOf('Turkey refused to open the border before Armenia and Azerbaijan sign a peace treaty.').map((e) => e.type)).not.toContain(
      'peace_agreement',
    );
  });

  it('takes a five-word name with a particle for a person ("Luiz Inácio Lula da Silva")', () => {
    const [met] = eventsOf('Andrés Manuel López Obrador met Luiz Inácio Lula da Silva in Brasília on Monday.');
    expect(met?.targets).toContain('luiz-inacio-lula-da-silva');
  });

  it('takes no state for what its neighbours or allies did', () => {
    expect(eventsOf("Qatar's neighbours blockaded the emirate on Monday.").flatMap((e) => e.agents)).not.toContain('qatar');
  });

  it('reads an embassy stormed by protesters as a protest, of the month of what it came before', () => {
    const text = 'Riyadh cut ties with Tehran in January 2016 after protesters stormed the Saudi embassy in Tehran.';
    const stormed = extract({ text, publishedAt: '2023-03-11' }, []).events.find((e) => e.type === 'protest');
    expect(stormed?.date).toMatchObject({ start: '2016-01-01', precision: 'month' });
    expect(eventsOf('Ecuadorian police stormed the Mexican embassy in Quito on Monday.').map((e) => e.type)).toEqual(['armed_attack']);
  });

  it('reads a tranche released as aid paid out, not as anyone freed', () => {
    expect(eventsOf('The IMF released a tranche of $1.1 billion to Pakistan on Friday.').map((e) => e.type)).toEqual(['aid_provided']);
  });

  it('counts "a year after" back from the day told before it, to that month', () => {
    const text = 'Ethiopia and the TPLF resumed talks in Pretoria on Tuesday, a year after the two sides signed a truce.';
    const truce = extract({ text, publishedAt: '2023-11-08' }, []).events.find((e) => e.type === 'ceasefire');
    expect(truce?.date).toMatchObject({ start: '2022-11-01', precision: 'month' });
  });

  it('reads a city captured as ground taken, and people captured as detained', () => {
    expect(eventsOf('Hayat Tahrir al-Sham captured Damascus on Sunday.').map((e) => [e.type, e.targets])).toEqual([['armed_attack', ['syria']]]);
    expect(eventsOf('Iran captured two British sailors on Sunday.').map((e) => e.type)).toEqual(['detention']);
  });

  it('dates a waiver by its own month, told between the waiver and what it allows', () => {
    const [waiver] = eventsOf('The United States issued a six-month waiver in January allowing transactions with Syrian banks.');
    expect(waiver?.date).toMatchObject({ start: '2025-01-01', precision: 'month' });
  });

  it('takes a weekday after a schedule ("is due to fly … on Monday") for no day of the past', () => {
    const plan = extract({ text: 'President Nixon is due to fly to Iran on Monday.', publishedAt: '1972-05-26' }, []).events;
    expect(plan.map((e) => [e.type, e.date?.start])).toEqual([['intent', '1972-05-26']]);
  });

  it('takes a party between a nationality and a leader for the leader’s, not an actor', () => {
    const [signed] = eventsOf('Soviet Communist Party leader Leonid Brezhnev signed two agreements on Friday.');
    expect(signed?.agents).toEqual(['leonid-brezhnev']);
  });

  it('dates a plan by a bare weekday after it (when it was stated), and by a date of its own still to come', () => {
    expect(eventsOf('Kenya vowed to retaliate on Monday.').map((e) => e.date?.start)).toEqual(['2025-06-09']);
    expect(eventsOf('Kenya announced plans to reopen its embassy in Mogadishu on Monday.').map((e) => e.date?.start)).toEqual(['2025-06-09']);
  });
});
