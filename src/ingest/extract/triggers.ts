import type { EventType } from '../../domain/model';

/**
 * Words that report an event of the taxonomy. A trigger only says what kind of event a phrase could report;
 * `analyse.ts` decides from its clause whether it reports one, and who did it.
 *
 * `form` says how the participants are found: a verb has a subject and an object, a passive verb a "by" phrase
 * and a subject that underwent it, a noun ("the release of 52 prisoners") only a possessor, a modifier ("US
 * sanctions"), a light verb's subject ("Lukashenko announced the pardon of …") or a "by"/"from" phrase.
 */
export type Form = 'verb' | 'passive' | 'noun';

export interface Trigger {
  type: EventType;
  index: number;
  end: number;
  text: string;
  form: Form;
  /** A prisoner exchange: each side that takes part releases someone. */
  swap: boolean;
  /** The appeal or intent words whose complement ("urged X to *free* them") is a wish, not an event. */
  governsComplement: boolean;
  /** Found by the parse alone (a verb or participle the trigger words lack). */
  fromParse?: boolean;
  /** Its grammatical subject underwent it ("the shepherds walked free"): no agent of its own. */
  undergone?: boolean;
  /** A proposal put forward: an act of the day it was made, not a plan whose later dates are its own. */
  proposal?: boolean;
}

interface Rule {
  type: EventType;
  pattern: string;
  noun?: boolean;
  swap?: boolean;
  /** Read on the words as written: a characterisation is often quoted ('called the deal "a victory"'). */
  quoted?: boolean;
  /** Its subject underwent it, as a passive's does ("the shepherds walked free"). */
  undergone?: boolean;
  /** Read with case: its capitals stand for a name ("to Doha"), which a case-blind \p{Lu} would not require. */
  cased?: boolean;
  /** A proposal put forward ("unveiled a plan"): dated by the day it was made. */
  proposal?: boolean;
}

const SANCTION_WORDS = String.raw`sanctions|penalties|punitive measures|restrictions|curbs|embargo|tariffs|bans?|asset freezes?|travel bans?|export controls|controls\s+on\s+(?:exports|imports|trade|shipments)|blacklist`;
const DEAL_WORDS = String.raw`agreement|accord|deal|treaty|memorandum|pact|declaration|ceasefire|truce|framework|protocol|joint statement|roadmap`;
/** What a deal agreed is called after "agreed to" or "agreed on": "a prisoner swap", "the plan". */
const AGREED_DEAL = String.raw`(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:${DEAL_WORDS}|swap|exchange|plan|settlement|compromise)\b`;
const TREATY_WORDS = String.raw`treaty|treaties|agreements?|accords?|pacts?|compact|conventions?|deals?|protocols?|alliance|organi[sz]ation|regime|statute`;
/** A currency's sign, with the country letters some put before a dollar ("A$50 million", "US$2 billion"). */
const SIGN = String.raw`(?:(?:US|A|C|NZ|HK|S)\$|[$€£¥])`;
/** A sum of money: "$30 million", "A$50 million", "25 million ecus", "12 million Canadian dollars". */
const MONEY = String.raw`(?:${SIGN}\s?[\d.,]+\s*(?:million|billion|bn|m)?\b|[\d.,]+\s*(?:million|billion)\s+(?:\p{Lu}\p{Ll}+\s+)?(?:dollars|euros|ecus|pounds|francs|yen|marks|kroner|kronor|crowns|rupees|riyals|dinars|yuan)\b)`;
/** Ground taken in fighting: "captured the town of Bunagana", "seized the airport". */
const TERRITORY = String.raw`(?:(?:the|a|an|two|three|several)\s+)?(?:[\p{L}-]+\s+){0,2}?(?:towns?|city|cities|villages?|capital|province|region|airport|air base|base|territory|port|border posts?|hill|outposts?|garrison|positions?|palace|headquarters|islands?|peninsula|heights|oil ?fields?|mountain pass)\b`;
/** " the first tranche", " a further tranche": a part of a loan or of aid paid out. */
const TRANCHE = String.raw`\s+(?:(?:a|an|the|its|their)\s+)?(?:(?:first|second|third|fourth|final|last|next|new|fresh|further|latest|delayed)\s+)?tranche\b`;
/** Who protests: "protesters", "a crowd", "students". */
const CROWD = String.raw`(?:protesters|protestors|demonstrators|crowds?|students|mobs?|rioters|supporters|activists)`;
/** The people of a diplomatic mission. */
const ENVOYS = String.raw`(?:diplomats?|ambassadors?|envoys?|high commissioners?|charg[eé]s? d['’]affaires|attach[eé]s?|consuls?|embassy staff)`;
const WITHIN = (n: number) => String.raw`(?:\s+[\w'’-]+){0,${n}}?`;

const RULES: Rule[] = [
  // talks, visits, negotiations
  { type: 'talks', pattern: String.raw`\b(?:met|meets)\b` },
  {
    type: 'talks',
    pattern: String.raw`\b(?:hosted|hosts|hosting|host)\b(?!\s+(?:country|nation|city|government|state|family|families|community|communities)\b)`,
  },
  // "Qatar mediated between Hamas and Israel", "telephoned his Jordanian counterpart"
  // (not "mediated the talks": talks reported already, with a mediator named)
  { type: 'talks', pattern: String.raw`\b(?:mediated|mediates|mediating)\b(?=\s+(?:between|a\s+(?:deal|truce|ceasefire|settlement)\b))` },
  { type: 'talks', pattern: String.raw`\b(?:telephoned|phoned)\b(?=\s+(?:his|her|their|the|\p{Lu}))`, cased: true },
  { type: 'talks', pattern: String.raw`\b(?:sat|sit|sits|sitting) down (?:together|with|for talks|in\s+\p{Lu}|at\s+(?:the\s+)?\p{Lu})`, cased: true },
  // "sat down in Nairobi on Monday to discuss the border"
  {
    type: 'talks',
    pattern: String.raw`\b(?:sat|sit|sits|sitting) down\b(?=[^.;]{0,50}?\b(?:to\s+(?:discuss|negotiate|talk)|for\s+(?:talks|negotiations|discussions))\b)`,
  },
  // "The president received the Japanese ambassador": a head of state or minister receiving an envoy is a meeting
  {
    type: 'talks',
    pattern: String.raw`\b(?:received|receives|receiving)\s+(?:(?:the|a|an|his|her|its|visiting)\s+)?(?:[\p{L}'’-]+\s+){0,3}?(?:ambassadors?|envoys?|emissary|delegations?|counterparts?|(?:foreign|prime|defen[cs]e)\s+ministers?|presidents?|premier|chancellor|secretary of state|secretary-general)\b`,
  },
  { type: 'talks', pattern: String.raw`\b(?:visited|visits|visiting)\b(?=\s+(?:\p{Lu}|the\s+\p{Lu}))` },
  { type: 'talks', pattern: String.raw`\b(?:travell?ed|flew|went) to\b` },
  { type: 'talks', pattern: String.raw`\barrived in\b` },
  // "had spoken to his Sudanese counterpart"
  {
    type: 'talks',
    pattern: String.raw`\b(?:spoke|spoken|talked)\s+(?:by (?:tele)?phone\s+)?to\s+(?:his|her|their|its|the)\s+(?:[\w-]+\s+){0,2}?(?:counterparts?|president|prime minister|leader|king|emir|foreign minister|chancellor)\b`,
  },
  // "was in Seoul on Monday for talks with", "went on a state visit to Nigeria", "welcomed the Iraqi prime minister to Doha"
  {
    type: 'talks',
    pattern: String.raw`\b(?:was|were)\s+in\s+\p{Lu}[\p{L}-]+(?=\s+(?:[^,.;]{1,25}?\s+)?for\s+(?:talks|meetings|consultations|negotiations|a\s+(?:[\w-]+\s+)?visit)\b)`,
    cased: true,
  },
  { type: 'talks', pattern: String.raw`\bon\s+(?:a|an|his|her|their)\s+(?:[\w-]+\s+){0,2}?visit\s+to\b` },
  { type: 'talks', pattern: String.raw`\b(?:[Ww]elcomed|welcomes|welcoming)\s+(?:[\w'’-]+\s+){1,6}?to\s+(?=\p{Lu}\p{Ll})`, cased: true },
  { type: 'talks', pattern: String.raw`\b(?:conferred|confer|consulted)\b(?=\s+(?:in|at|on|by|for)\b)` },
  {
    type: 'talks',
    pattern: String.raw`\b(?:held|holds|hold|holding)${WITHIN(4)}\s+(?:talks|negotiations|meetings?|consultations|discussions|(?:phone|telephone|video)\s+(?:call|conversation)s?)\b`,
  },
  { type: 'talks', pattern: String.raw`\bshuttle diplomacy\b(?=\s+by\b)`, noun: true },
  // "A visit to Vietnam by Japan's prime minister", "Qatar's mediation between Hamas and Israel"
  { type: 'talks', pattern: String.raw`\bvisit\s+to\s+\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?(?=\s+by\b)`, cased: true },
  { type: 'talks', pattern: String.raw`\bmediation\b(?=\s+between\b)`, noun: true },
  // "The visit by India's prime minister to Malé"
  { type: 'talks', pattern: String.raw`\bvisit\b(?=\s+by\s+[^,.;]{2,60}?\s+to\s+\p{Lu})`, noun: true, cased: true },
  { type: 'talks', pattern: String.raw`\b(?:shuttled|shuttles|shuttling)\s+between\b` },
  {
    type: 'talks',
    pattern: String.raw`\b(?:talked|spoke|spoken|negotiated|conferred)(?: by (?:tele)?phone)? with\b|\b(?:talked|spoke|spoken|conferred) by (?:tele)?phone\b`,
  },
  // "exchanged views on the border", "had an audience with the president", "Kenya and Somalia discussed the dispute",
  // "Kenyan and Somali officials negotiated for six hours"
  {
    type: 'talks',
    pattern: String.raw`\b(?:exchanged|exchange|exchanges)\s+views\b|\b(?:had|has|was granted|were granted)\s+an\s+audience\s+with\b|(?<=\b\p{Lu}[\p{L}-]+\s+and\s+\p{Lu}[\p{L}-]+(?:['’]s\s+[a-z]+)?\s+)(?:discussed|discuss)\b|\b(?:discussed|discusses)\b(?=[^.;]{0,60}?\bwith\s+(?:his|her|their|the|\p{Lu}))|(?<=\b(?:officials|delegations|negotiators|delegates|envoys|teams)\s+)(?:negotiated|negotiate)\b`,
  },
  // "after talks brokered by Turkey's president": held by the story's sides, the mediator named after "by"
  {
    type: 'talks',
    pattern: String.raw`\b(?:talks|negotiations|consultations)\b(?=\s+(?:brokered|mediated|hosted|convened|facilitated|chaired)\s+by\b)`,
    noun: true,
    undergone: true,
  },
  // "Negotiations resumed in Kampala on Sunday between …": held by the sides of the "between" phrase or of the story
  {
    type: 'talks',
    pattern: String.raw`\b(?:talks|negotiations|consultations)\b(?=(?:,\s*which)?(?:\s+(?:had|have|has))?\s+(?:resumed|reopened|restarted|opened|began|begun|started|got under way|kicked off|(?:were|was)\s+held)\b)`,
    noun: true,
    undergone: true,
  },
  // "a telephone call from Kenya's president"
  { type: 'talks', pattern: String.raw`\b(?:(?:tele)?phone|video)\s+(?:call|conversation)\b(?=\s+from\b)`, noun: true },
  { type: 'talks', pattern: String.raw`\b(?:held|holds|had|has|made)\s+(?:a\s+)?(?:phone|telephone|video)\s+(?:call|conversation)\b` },
  {
    type: 'talks',
    pattern: String.raw`(?<=\b(?:delegations|delegates|negotiators|envoys|ministers|leaders|officials|representatives)\b[^.;]{0,40}?)\b(?:convened|convenes|reconvened|reconvenes)\b`,
  },
  { type: 'talks', pattern: String.raw`\b(?:paid|pays|made|makes)\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?visit\s+to\b` },
  { type: 'talks', pattern: String.raw`\b(?:talks|negotiations|meetings?|summit|visit|discussions|consultations)\b(?=\s+(?:with|between|in)\b)`, noun: true },
  {
    type: 'talks',
    pattern: String.raw`\b(?:resumed|resumes|resume|resuming|opened|opens|began|begins|started|starts|launched|launches|concluded|concludes|brokered|brokers|convened|convenes)\s+(?:(?:a|an|the|their|its|fresh|new|direct|formal|informal|first|second|third|fourth|fifth|final|another|next|latest|further)\s+){0,3}(?:rounds?\s+of\s+)?(?:[\w-]+\s+)?(?:talks|negotiations|consultations|discussions|dialogue|contacts)\b|\b(?:brokered|brokers|convened|convenes)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:meeting|summit)\b`,
  },
  // nominations
  { type: 'nomination', pattern: String.raw`\b(?:nominated|nominates|nominate|appointed|appoints|appoint|designated|tapped)\b` },
  {
    type: 'nomination',
    pattern: String.raw`\bnamed\b(?=[^,.;]{1,60}\b(?:as|to be|to head|to lead)\b)|\bnamed\s+(?:a|an|its|his|her|their)\s+(?:new\s+|first\s+)?(?:ambassador|envoy|special envoy|representative|foreign minister|prime minister|defen[cs]e minister)\b`,
  },
  { type: 'nomination', pattern: String.raw`\b(?:nomination|appointment)\b`, noun: true },
  // prisoner releases and exchanges
  { type: 'prisoner_release', pattern: String.raw`\b(?:exchanged|swapped|traded)${WITHIN(2)}\s+(?:prisoners|detainees|captives)\b`, swap: true },
  {
    type: 'prisoner_release',
    pattern: String.raw`\b(?:prisoner|detainee)\s+(?:swap|exchange)\b|\b(?:swap|exchange) of (?:prisoners|detainees)\b`,
    noun: true,
    swap: true,
  },
  {
    type: 'prisoner_release',
    pattern: String.raw`\b(?:released|releases|release|releasing|freed|frees|freeing)\b(?!\s+of\b)(?!\s+(?:a|an|its|the|their|his|her)\s+(?:statement|report|video|photos?|footage|figures|data|list|details|names))(?!\s+${MONEY}|\s+(?:funds|money|aid|grain|food)\b|${TRANCHE})`,
  },
  { type: 'prisoner_release', pattern: String.raw`\bset free\b` },
  // "five sailors, let go by Britain", "the crew … that Tehran handed back": people released, named before the verb
  {
    type: 'prisoner_release',
    pattern: String.raw`(?<=\b(?:prisoners|detainees|hostages|captives|soldiers|sailors|crew|crewmen|citizens|nationals|fishermen|journalists|students)\b[^.;?]{0,50})\b(?:let go|handed back|hands back)\b(?!\s+of\b)`,
  },
  { type: 'prisoner_release', pattern: String.raw`\b(?:walked|walks|walking)\s+(?:free|out of (?:prison|jail|detention|custody))\b`, undergone: true },
  {
    type: 'prisoner_release',
    pattern: String.raw`\b(?:handed over|hands over|handed back|hands back|repatriated|returned|returns)\b(?=(?:\s+[\w'’-]+){0,4}?\s+(?:prisoners|detainees|hostages|captives|soldiers|sailors|citizens|nationals|researchers|journalists|fishermen|students|workers)\b)`,
  },
  // "84 prisoners of war had been returned by Russia": people held, handed back in the passive
  {
    type: 'prisoner_release',
    pattern: String.raw`(?<=\b(?:prisoners(?:\s+of\s+war)?|detainees|hostages|captives|POWs|soldiers|sailors|fishermen|nationals|citizens)\s+(?:had|have|has)?\s*(?:been|were|was)\s+)(?:returned|handed over|handed back|repatriated|swapped|exchanged)(?=\s+(?:[^,.;]{0,30}?\s)?by\b)`,
  },
  { type: 'prisoner_release', pattern: String.raw`\b(?:release|releases)\b(?=\s+of\b)`, noun: true },
  // pardons, amnesties
  { type: 'pardon', pattern: String.raw`\b(?:pardoned|pardons|pardoning|commuted|commutes|amnestied)\b|\bgranted\s+(?:an\s+)?(?:amnesty|clemency|pardons?)\b` },
  { type: 'pardon', pattern: String.raw`\b(?:pardons?|amnesty|clemency)\b`, noun: true },
  // convictions and sentences by a court
  { type: 'conviction', pattern: String.raw`\b(?:convicted|convicts|convict|sentenced|sentences|sentencing)\b|\bfound\s+(?:\w+\s+){0,3}?guilty\b` },
  { type: 'conviction', pattern: String.raw`\b(?:conviction|sentencing)\s+of\b`, noun: true },
  // sanctions
  {
    type: 'sanctions_lifted',
    pattern: String.raw`\b(?:lift|lifted|lifting|lifts|eased|eases|easing|ease|removed|removes|removing|suspended|suspends|waived|relaxed|relaxes|dropped|scrapped|unfroze|rolled back|unblocked)${WITHIN(4)}\s+(?:${SANCTION_WORDS})\b`,
  },
  {
    type: 'sanctions_lifted',
    pattern: String.raw`\b(?:removed|removes|removing|delisted|struck)\b[^,.;]{0,40}?\bfrom\s+(?:its|the|a|their)\s+[\w\s-]{0,30}?\b(?:list|blacklist)\b`,
  },
  {
    type: 'sanctions_lifted',
    pattern: String.raw`\b(?:lifting|easing|removal|suspension|relaxation|rollback)\s+of${WITHIN(2)}\s+(?:${SANCTION_WORDS})\b|\bsanctions relief\b`,
    noun: true,
  },
  // "issued a six-month licence allowing oil deals", "granted a sanctions waiver": an exemption from its own measures
  {
    type: 'sanctions_lifted',
    pattern: String.raw`\b(?:issued|issues|granted|grants|extended|extends|renewed|renews)\s+(?:(?:a|an|the|its)\s+)?(?:[\w-]+\s+){0,2}?(?:general\s+licen[cs]es?|sanctions?\s+(?:waivers?|exemptions?)|(?:licen[cs]es?|waivers?|exemptions?)(?=\s+(?:in|on|last|this)\s+\p{Lu}?[\p{L}\d]+\s+(?:allowing|authori[sz]ing|permitting)\b)|(?:licen[cs]es?|waivers?|exemptions?)\s+(?:allowing|authori[sz]ing|permitting|from\s+(?:the\s+)?sanctions))\b`,
  },
  {
    type: 'sanctions_imposed',
    pattern: String.raw`\b(?:imposed|imposes|impose|imposing|introduced|introduces|slapped|levied|placed|places|announced|announces|adopted|approved|extended|extend|extends|renewed|renew|renews|expanded|tightened|tightens|tightening|widened|unveiled)${WITHIN(3)}\s+(?:(?:package|round|set|raft|wave|tranche|batch)\s+of\s+(?:[\w-]+\s+){0,2}?)?(?:${SANCTION_WORDS})\b`,
  },
  // "Egypt protests to the UN Security Council", "complained to Beijing": an official complaint to another actor
  { type: 'criticism', pattern: String.raw`\b(?:protested|protests|complained|complains)\s+to\s+(?=(?:the\s+)?\p{Lu})`, cased: true },
  // "sued Britain at the International Court of Justice", "took Venezuela to the World Court": a case brought against a state
  {
    type: 'criticism',
    pattern: String.raw`\b(?:sued|sues|suing)\b(?=\s+(?:the\s+)?\p{Lu})|\b(?:took|takes|taken|taking)\b(?=\s+(?:\p{Lu}[\p{L}-]+\s+){1,3}to\s+(?:the\s+)?(?:International Court|ICJ|World Court|International Tribunal|Permanent Court|WTO|World Trade Organi[sz]ation|court|arbitration)\b)`,
    cased: true,
  },
  // "Seoul handed Tokyo a formal protest": the verb, so that the state handed it is its target
  {
    type: 'criticism',
    pattern: String.raw`\b(?:handed|hands|delivered|delivers|sent|sends)\b(?=\s+(?:[\p{L}'’-]+\s+){0,3}?(?:a|an)\s+(?:(?:formal|strong|strongly[- ]worded|diplomatic|official|written)\s+){0,2}(?:protest|note of protest|complaint|démarche|demarche)\b)`,
  },
  // "prolonged its economic measures against Moscow", "rolled over the sanctions": kept in force, imposed anew
  {
    type: 'sanctions_imposed',
    pattern: String.raw`\b(?:joined|joins|joining)\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,2}?(?:sanctions|embargo|restrictions)\b|\b(?:prolonged|prolongs|renewed|renews|rolled over|rolls over)${WITHIN(3)}\s+(?:(?:${SANCTION_WORDS})\b|(?:economic|restrictive|punitive|sectoral)\s+measures\b)`,
  },
  // "banned Russian oil imports", "restricted visas for Nicaraguan officials": trade or travel cut off
  {
    type: 'sanctions_imposed',
    pattern: String.raw`\b(?:banned|bans|banning|barred|bars|barring|embargoed)\s+(?:(?:all|the|further)\s+)?(?:[\p{L}-]+\s+){0,3}?(?:imports|exports|purchases|shipments|sales)\b|\b(?:restricted|restricts|restricting|suspended|suspends|revoked|revokes|cancelled|canceled)\s+(?:(?:the|all|its)\s+)?(?:[\p{L}-]+\s+){0,2}?visas?\s+(?:for|of|to)\b`,
  },
  // "hit Caracas with new sanctions"
  {
    type: 'sanctions_imposed',
    pattern: String.raw`\b(?:hit|hits|targeted|targets)\s+(?:[\p{L}\d,'’-]+\s+){1,4}?with${WITHIN(2)}\s+(?:${SANCTION_WORDS})\b|\b(?:was|were|has been|have been|had been)\s+hit\s+with${WITHIN(2)}\s+(?:${SANCTION_WORDS})\b`,
  },
  // "The sanctions imposed by Britain on Tuesday": the imposer in the participle's "by" phrase
  {
    type: 'sanctions_imposed',
    pattern: String.raw`(?<=\b(?:${SANCTION_WORDS})(?:\s+(?:on|against)\s+[^,.;]{2,40}?)?\s+(?:(?:were|was|have been|has been|had been)\s+)?)(?:imposed|slapped|levied|placed|announced)(?=(?:\s+on\s+[^,.;]{2,40}?)?\s+by\b)`,
  },
  // "the sanctions that Canada imposed on Belarus": the act in a relative clause on its object
  {
    type: 'sanctions_imposed',
    pattern: String.raw`(?<=\b(?:${SANCTION_WORDS})\s+(?:that|which)\s+[^,.;]{2,40}?\s)(?:had\s+)?(?:imposed|slapped|placed|levied)\b`,
  },
  // "Australia followed with sanctions of its own"
  {
    type: 'sanctions_imposed',
    pattern: String.raw`\b(?:followed|follows)\b(?=(?:\s+suit)?(?:\s+(?:on|in|a|day|week|later|\p{Lu}\p{Ll}+)){0,3}\s+with${WITHIN(2)}\s+(?:${SANCTION_WORDS})\b)`,
  },
  {
    type: 'sanctions_imposed',
    pattern: String.raw`\b(?:banned|bans|barred|bars|halted|halts|suspended|suspends)\s+(?:all\s+)?(?:imports|exports|purchases|sales|shipments)\s+(?:of|from|to)\b`,
  },
  // "The African Union suspended Guinea", "ECOWAS suspended Mali from its bodies", "suspended Fiji's membership": a
  // bloc's penalty on a member state, a name and then where the suspension holds or when (not "suspended Aeroflot flights")
  {
    type: 'sanctions_imposed',
    pattern: String.raw`\b(?:suspended|suspends|suspend|suspending)(?=\s+(?:\p{Lu}[\p{L}-]+\s?){1,3}(?:['’]s\s+membership|\s*(?:from|until|on|in|after|following|over|for|with immediate effect)\b|\s*[,.;]))`,
    cased: true,
  },
  { type: 'sanctions_imposed', pattern: String.raw`\bsanctioned\b(?=\s+(?:\p{Lu}|\d|(?:two|three|four|five|several|the|a|an)\b))`, cased: true },
  { type: 'sanctions_imposed', pattern: String.raw`\b(?:froze|freezes|freeze|freezing)\s+(?:the\s+)?(?:assets|bank accounts|funds|property)\b` },
  { type: 'sanctions_imposed', pattern: String.raw`\bblacklisted\b(?=\s+(?:\p{Lu}|\d|(?:two|three|four|five|several|the|a|an)\b))`, cased: true },
  {
    type: 'sanctions_imposed',
    pattern: String.raw`\b(?:added|adds|put|puts|placed|places)${WITHIN(5)}\s+(?:to|on)\s+(?:its|the|a|their)\s+(?:[\w-]+\s+){0,2}?(?:sanctions list|blacklist|black list|entity list)\b`,
  },
  // "cut aid to Ethiopia", "suspended military aid to Egypt": assistance stopped as a penalty
  {
    type: 'sanctions_imposed',
    pattern: String.raw`\b(?:cut|cuts|cutting|suspended|suspends|halted|halts|froze|freezes|withheld|withholds|slashed|slashes|paused|pauses)\s+(?:off\s+)?(?:its\s+|all\s+|the\s+|some\s+)?(?:[\w-]+\s+){0,2}?(?:aid|assistance|funding)(?:\s+(?:programmes|programs|payments|flows))?\b(?=\s+(?:to|for)\b|\s*[,.;]|\s+(?:on|in|after|over|until|pending)\b)`,
  },
  // "closed its border with Belarus", "shut two crossings with Belarus", "closed its airspace to Russian aircraft": a
  // restriction one state imposes on another
  {
    type: 'sanctions_imposed',
    pattern: String.raw`\b(?:closed|closes|shut|shuts|sealed|seals)\s+(?:(?:its|their|the|a|two|three|several|all|most)\s+)?(?:[\w-]+\s+){0,2}?(?:border|borders|border crossings?|crossings?|frontier|airspace|ports)\b(?=\s+(?:with|to)\b)`,
  },
  // "reopened its borders with Qatar", "reopened its airspace to Qatari aircraft": such a restriction ended
  {
    type: 'sanctions_lifted',
    pattern: String.raw`\b(?:reopened|reopens|re-opened)\s+(?:(?:its|their|the|a|two|three|several|all|most)\s+)?(?:[\w-]+\s+){0,2}?(?:border|borders|border crossings?|crossings?|frontier|airspace|ports)\b(?=\s+(?:with|to)\b)`,
  },
  // peace agreements, ceasefires, treaties (before the generic agreement, whose words they share)
  {
    type: 'peace_agreement',
    pattern: String.raw`\b(?:signed|signs|sign|signing|concluded|reached|sealed|finali[sz]ed|inked|initiall?ed|put pen to paper on|puts pen to paper on)${WITHIN(4)}\s+peace\s+(?:agreement|accord|deal|treaty|pact|settlement)\b`,
  },
  {
    type: 'peace_agreement',
    pattern: String.raw`\bpeace\s+(?:agreement|accord|deal|treaty)\s+(?:was|were|has been|had been|is)\s+(?:signed|reached|concluded|sealed|agreed)\b`,
  },
  // "the two leaders declare an end to the state of war"
  {
    type: 'peace_agreement',
    pattern: String.raw`\b(?:declared|declares|declare|announced|announces|proclaimed|proclaims)\s+(?:an\s+|the\s+)?end\s+(?:to|of)\s+(?:the\s+)?(?:state\s+of\s+war|war|hostilities)\b`,
  },
  {
    type: 'ceasefire',
    pattern: String.raw`\b(?:agreed|agrees|agree|declared|declares|declare|announced|announces|reached|reach|reaches|signed|sign|signs|accepted|accepts|accept|brokered|observed)${WITHIN(4)}\s+(?:ceasefire|cease-fire|truce|armistice|cessation of hostilities)\b|\b(?:accepted|accepts|accept|agreed to|agrees to|backed)\s+(?:(?:a|an|the|its)\s+)?(?:[\p{L}'’-]+\s+){0,5}?(?:proposal|plan|offer|call|bid|resolution(?:\s+\d+)?(?:,\s*which\s+(?:calls|called))?)\s+for\s+(?:(?:a|an)\s+)?(?:[\p{L}'’-]+\s+){0,2}?(?:ceasefire|cease-fire|truce|armistice)\b`,
  },
  { type: 'ceasefire', pattern: String.raw`\b(?:ceasefire|cease-fire|truce)\s+(?:declared|agreed|announced|brokered)\b`, noun: true },
  // "agreed to halt fighting along their border"
  {
    type: 'ceasefire',
    pattern: String.raw`\b(?:agreed|agrees|agree|pledged|pledges|promised|promises)\s+to\s+(?:halt|stop|cease|suspend)\s+(?:the\s+|all\s+)?(?:fighting|hostilities|clashes|attacks|shelling)\b`,
  },
  // "a ceasefire between A and B took hold on Thursday", "a truce … was declared on April 20"
  {
    type: 'ceasefire',
    pattern: String.raw`\b(?:ceasefire|cease-fire|truce|armistice|cessation of hostilities)\b(?=[^.;:]{0,80}?\b(?:took hold|takes hold|came into (?:force|effect)|comes into (?:force|effect)|took effect|takes effect|went into effect|entered into force|(?:was|were|had been|has been)\s+(?:declared|agreed|signed|reached|announced|brokered|proclaimed))\b)`,
    noun: true,
  },
  { type: 'treaty_ratified', pattern: String.raw`\b(?:ratified|ratifies|ratify|ratifying)\b` },
  { type: 'treaty_ratified', pattern: String.raw`\bratification\s+of\b`, noun: true },
  {
    type: 'treaty_withdrawal',
    pattern: String.raw`\b(?:withdrew|withdraws|withdraw|withdrawing|pulled out|pulls out|pulling out|pull out|exited|exits|quit|quits|left)\s+(?:from|of)${WITHIN(5)}\s+(?:${TREATY_WORDS})\b`,
  },
  { type: 'treaty_withdrawal', pattern: String.raw`\b(?:withdrawal|exit)\s+from${WITHIN(5)}\s+(?:${TREATY_WORDS})\b`, noun: true },
  // "notified the UN of its withdrawal from the Rome Statute"
  {
    type: 'treaty_withdrawal',
    pattern: String.raw`\b(?:notified|notifies|informed|informs)\s+(?:[\p{L}'’.-]+\s+){1,4}?of\s+(?:its|their)\s+(?:decision\s+to\s+(?:leave|withdraw|quit|exit)|withdrawal|exit)\b`,
  },
  // "parliament voted to leave the ICC": the decision to leave, taken
  {
    type: 'treaty_withdrawal',
    pattern: String.raw`\b(?:voted|votes|decided|decides)\s+to\s+(?:leave|quit|exit|withdraw from|pull out of)\s+(?:the\s+)?(?:\p{Lu}{2,}\b|(?:[\p{L}'’-]+\s+){0,4}?(?:${TREATY_WORDS}|Court|Union|Council|League|Alliance)\b)`,
  },
  // "their withdrawal from ECOWAS", "quit the OAS": a body named by its acronym
  { type: 'treaty_withdrawal', pattern: String.raw`\b(?:withdrawal|exit)\s+from\s+(?:the\s+)?\p{Lu}{3,}\b`, noun: true, cased: true },
  // "quit the International Criminal Court": a body named in full, which TREATY_WORDS do not end
  {
    type: 'treaty_withdrawal',
    pattern: String.raw`\b(?:quit|quits|exited|exits|left|leaves|withdrew from|withdraws from|pulled out of|pulls out of)\s+the\s+(?:\p{Lu}[\p{L}-]+\s+){1,4}(?:Court|Union|Organi[sz]ation|Council|Community|Commonwealth|Forum|League|Alliance|Agreement|Treaty|Convention|Pact|Accord|Agency|Commission|Conference|Initiative|Partnership)\b`,
    cased: true,
  },
  {
    type: 'treaty_withdrawal',
    pattern: String.raw`\b(?:[Ww]ithdrew|withdraws|pulled out|pulls out|quit|quits|left|leaves)\s+(?:of\s+|from\s+)?(?:the\s+)?\p{Lu}{3,}\b(?!\s+\p{Lu})`,
    cased: true,
  },
  {
    type: 'treaty_withdrawal',
    pattern: String.raw`\b(?:suspended|suspends|suspend|suspending|halted|halts|ended|ends|froze|freezes)\s+(?:its|their|his|her)\s+(?:participation|membership)\s+in${WITHIN(5)}\s+(?:${TREATY_WORDS})\b`,
  },
  {
    type: 'treaty_withdrawal',
    pattern: String.raw`\b(?:quit|quits|left|leaves|exited|exits|walked out of|walks out of|abandoned|abandons|scrapped|scraps|tore up|tears up|walked away from|walks away from|renounced|renounces|abrogated|abrogates)${WITHIN(4)}\s+(?:${TREATY_WORDS})\b(?!\s+in\s+(?:tatters|ruins|limbo|doubt|disarray|place))`,
  },
  // "revoked the military agreements with France", "terminated the 1994 accord"
  {
    type: 'treaty_withdrawal',
    pattern: String.raw`\b(?:revoked|revokes|revoking|annulled|annuls|cancelled|canceled|cancels|terminated|terminates|terminating|tore up|tears up)\s+(?:(?:the|its|their|a|all|two|three|several)\s+)?(?:[\w-]+\s+){0,3}?(?:agreements?|accords?|treat(?:y|ies)|pacts?|conventions?|defence deals?|defense deals?)\b`,
  },
  // "suspended its obligations under the treaty", "declared a moratorium on its observance of the treaty"
  {
    type: 'treaty_withdrawal',
    pattern: String.raw`\b(?:suspended|suspends|suspend|suspending|halted|halts|froze|freezes)\s+(?:its|their)\s+(?:obligations|compliance|implementation|observance)\s+(?:under|of|with)${WITHIN(5)}\s+(?:${TREATY_WORDS})\b|\b(?:declared|declares|announced|announces|imposed|imposes|introduced|introduces)\s+a\s+moratorium\s+on${WITHIN(6)}\s+(?:${TREATY_WORDS})\b`,
  },
  // notice of withdrawal given is the formal act of leaving ("gave formal notice on Tuesday that it would leave the treaty")
  {
    type: 'treaty_withdrawal',
    pattern: String.raw`\b(?:gave|gives|served|serves|lodged|lodges|deposited|deposits|submitted|submits)\s+(?:(?:its|their|a|formal|written|official)\s+){0,2}notice\b(?=[^.;]{0,60}?\b(?:leave|leaving|withdraw|withdrawing|withdrawal|quit|quitting|exit|exiting|pull out|pulling out)\b)`,
  },
  // agreements
  {
    type: 'agreement',
    pattern: String.raw`\b(?:signed|signs|sign|signing|signed off on|concluded|reached|sealed|struck|clinched|clinches|hammered out|finali[sz]ed|inked|initiall?ed|put pen to paper on|puts pen to paper on)${WITHIN(4)}\s+(?:${DEAL_WORDS})s?\b`,
  },
  // "Talks in Madrid had produced a first understanding": what talks yielded
  {
    type: 'agreement',
    pattern: String.raw`\b(?:produced|produces|yielded|yields|resulted in|results in)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:understanding|agreement|accord|deal|compromise|breakthrough)\b`,
  },
  // "reached an understanding on the border", "struck a compromise"
  { type: 'agreement', pattern: String.raw`\b(?:reached|reaches|struck|strikes|found|finds)\s+(?:an?\s+)?(?:[\w-]+\s+)?(?:understanding|compromise)\b` },
  // "agreed to a prisoner swap", "agreed on Tuesday on a plan": a deal agreed, where "agreed to" a verb is an intent
  {
    type: 'agreement',
    pattern: String.raw`\b(?:agreed|agrees|agree)\s+(?:on|to|upon)\s+(?=${AGREED_DEAL})(?:a|an|the)\b|\b(?:agreed|agrees|agree)(?=\s+(?:on|in|last|this)\s+[\w ]{1,15}?\s+(?:on|to|upon)\s+${AGREED_DEAL})`,
  },
  // "The two leaders inked 14 documents", "signed a raft of memorandums": deals counted, not named
  {
    type: 'agreement',
    pattern: String.raw`\b(?:signed|signs|inked|inks|exchanged|concluded)\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|a dozen|dozens of|several|a (?:raft|series|number|package) of)\s+(?:[\w-]+\s+){0,2}?(?:documents|agreements|accords|deals|memorand(?:a|ums)|protocols|treaties|pacts)\b`,
  },
  {
    type: 'agreement',
    pattern: String.raw`\b(?:${DEAL_WORDS})\s+(?:was|were|has been|had been|is)\s+(?:signed|reached|concluded|sealed|agreed|initiall?ed|finali[sz]ed)\b`,
  },
  { type: 'agreement', pattern: String.raw`\bagreed (?:on|upon)\s+(?:a|an|the)\b|\bissued a joint statement\b` },
  // "renewed their agreement on the appointment of bishops": a deal renewed is made again
  {
    type: 'agreement',
    pattern: String.raw`\b(?:renewed|renews|extended|extends)\s+(?:(?:the|their|its|a)\s+)?(?:[\w-]+\s+){0,2}?(?:agreement|accord|deal|pact|memorandum|treaty)\b`,
  },
  // "The General Assembly adopted a resolution demanding a ceasefire", "… condemning the invasion"
  {
    type: 'appeal',
    pattern: String.raw`\b(?:adopted|adopts|passed|passes|approved|approves)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?resolution\s+(?:that\s+)?(?:demanding|demands|calling\s+(?:for|on)|calls\s+(?:for|on)|urging|urges)\b`,
  },
  {
    type: 'criticism',
    pattern: String.raw`\b(?:adopted|adopts|passed|passes|approved|approves)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?resolution\s+(?:that\s+)?(?:condemning|condemns|deploring|deplores|censuring|censures)\b`,
  },
  // "signed what Erdogan called the Ankara Declaration": the deal named through another's words
  {
    type: 'agreement',
    pattern: String.raw`\b(?:signed|signs|inked|inks|concluded|reached|sealed|struck)\s+what\s+[^,.;]{1,40}?\s+(?:called|calls|described as|dubbed|hailed as)\s+(?:an?\s+|the\s+)?(?:[\p{L}-]+\s+){0,4}?(?:${DEAL_WORDS})\b`,
  },
  // "put their signatures to a defence deal"
  { type: 'agreement', pattern: String.raw`\b(?:put|puts|putting|set|sets|added|adds)\s+(?:their|its|his|her)\s+signatures?\s+to\b` },
  // "The deal, which Kenya and Tanzania signed in Arusha, …", "the memorandum she signed with Saied": the act in a
  // relative clause on the deal
  {
    type: 'agreement',
    pattern: String.raw`(?<=(?<!\b(?:peace|ceasefire|truce)\s+)\b(?:agreement|accord|deal|treaty|memorandum(?: of understanding)?|pact|protocol),?\s+(?:(?:that|which)\s+[^,.;]{2,40}?|(?:she|he|they|we)(?:\s+(?:had|has|have))?)\s)(?:had\s+)?(?:signed|concluded|initiall?ed|reached|struck|sealed)\b`,
  },
  // "The agreement, signed by Egypt and Sudan in Cairo, …": the deal's makers in its "by" phrase
  // (a ceasefire or a peace accord "brokered by Russia" is the mediator's part in another kind of deal)
  {
    type: 'agreement',
    pattern: String.raw`(?<=(?<!\b(?:peace|ceasefire|truce)\s+)\b(?:agreement|accord|deal|treaty|memorandum|pact|declaration|protocol)\s*,?\s+(?:which was\s+|that was\s+)?)(?:signed|concluded|initiall?ed|negotiated)(?=\s+by\b)`,
  },
  { type: 'agreement', pattern: String.raw`\b(?:produced|produces|yielded|yields)\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?:agreement|accord|deal|pact|treaty)\b` },
  // relations
  {
    type: 'relations_restored',
    pattern: String.raw`\b(?:restored|restores|restore|restoring|re-?established|reestablishes|re-?establishing|resumed|resumes|resuming|normali[sz]ed|normali[sz]es|normali[sz]e|normali[sz]ing|established|upgraded)${WITHIN(2)}\s+(?:diplomatic\s+)?(?:relations|ties)\b`,
  },
  // "recognised Palestine as a state", "switched diplomatic recognition from Taiwan to China"
  {
    type: 'relations_restored',
    pattern: String.raw`\b(?:recogni[sz]ed|recogni[sz]es)\b(?=\s+[^,.;]{2,60}?\s+as\s+(?:(?:a|an)\s+)?(?:[\w-]+\s+)?(?:state|states|nation|nations|country|countries)(?=[,.;]|\s+(?:on|in|at|after|and|but|while|following|for|weeks|days|months|years|last|this|since|when)\b|$)|\s+(?:the\s+)?(?:independence|statehood|sovereignty)\s+of\b)|\b(?:switched|switches|shifted|shifts)\s+(?:its\s+)?(?:diplomatic\s+)?recognition\b`,
  },
  {
    type: 'relations_restored',
    pattern: String.raw`\b(?:reopened|reopens|reopen|reopening|re-opened|opened|opens)${WITHIN(2)}\s+(?:embassy|embassies|consulate|consulates|(?:representative|liaison)\s+offices?|interests\s+sections?)\b`,
  },
  // "the two countries exchanged ambassadors": full relations, each side's envoy accredited
  { type: 'relations_restored', pattern: String.raw`\b(?:exchanged|exchange|exchanges)\s+(?:ambassadors|envoys|embassies)\b` },
  {
    type: 'relations_restored',
    pattern: String.raw`\b(?:restoration|resumption|reopening|re-establishment|normali[sz]ation)\s+of${WITHIN(3)}\s+(?:relations|ties|embassy|embassies)\b`,
    noun: true,
  },
  // relations reduced: severed, ambassadors recalled, diplomats expelled, embassies closed
  {
    type: 'relations_severed',
    pattern: String.raw`\b(?:severed|severs|sever|severing|broke off|breaks off|break off|breaking off|cut|cuts|cutting|suspended|suspends|downgraded|downgrades|froze|freezes)${WITHIN(2)}\s+(?:diplomatic\s+)?(?:relations|ties)\b`,
  },
  {
    type: 'relations_severed',
    pattern: String.raw`\b(?:severing|severance|rupture|breaking off|suspension|downgrading)\s+of${WITHIN(2)}\s+(?:diplomatic\s+)?(?:relations|ties)\b`,
    noun: true,
  },
  // "Relations were last broken off in March 1962 and restored in …", "ties, severed when …": no one named as doing it
  {
    type: 'relations_severed',
    pattern: String.raw`\b(?:relations|ties)(?:\s+between\s+[^,.;]{3,60}?)?(?:\s+(?:were|was|had been|have been|has been)(?:\s+\w+ly|\s+last|\s+first)?|,)\s+(?:broken off|severed|cut|suspended)\b`,
    undergone: true,
  },
  {
    type: 'relations_restored',
    pattern: String.raw`\b(?:relations|ties)(?:\s+between\s+[^,.;]{3,60}?)?\s+(?:were|was|had been|have been|has been)(?:\s+\w+ly|\s+last|\s+first)?\s+(?:restored|re-?established|resumed|normali[sz]ed)\b|(?<=\b(?:broken off|severed|cut|suspended)\s+[^,.;]{3,40}?\s+and\s+(?:later\s+|then\s+)?)(?:restored|re-?established|resumed)\b`,
    undergone: true,
  },
  {
    type: 'ambassador_recalled',
    pattern: String.raw`\b(?:recalled|recalls|recall|recalling|withdrew|withdraws|withdrawing|summoned home)${WITHIN(2)}\s+(?:ambassadors?|envoys?|high commissioners?|charg[eé] d['’]affaires|heads? of mission)\b`,
  },
  { type: 'ambassador_recalled', pattern: String.raw`\brecall\s+of${WITHIN(2)}\s+(?:ambassadors?|envoys?|high commissioners?)\b`, noun: true },
  {
    type: 'diplomats_expelled',
    pattern: String.raw`\b(?:expelled|expels|expel|expelling|ordered out|kicked out|threw out)${WITHIN(5)}\s+${ENVOYS}\b|\bdeclared${WITHIN(4)}\s+persona non grata\b|\b(?:expelled|expels|expelling|kicked out|threw out)\s+(?:the\s+)?(?:head|chief|director)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?(?:mission|delegation|office)\b`,
  },
  // "ordered the Australian high commissioner out of the country", "declared the ambassador unwelcome", "sent home a diplomat"
  {
    type: 'diplomats_expelled',
    pattern: String.raw`\b(?:ordered|orders|ordering)${WITHIN(4)}\s+${ENVOYS}\s+out\b|\bdeclared${WITHIN(4)}\s+(?:unwelcome|undesirable)\b|\b(?:sent|sends|sending)\s+home${WITHIN(3)}\s+${ENVOYS}`,
  },
  // "expelled the UN human rights office", "ordered UN peacekeepers to leave": an international mission sent away
  {
    type: 'diplomats_expelled',
    pattern: String.raw`\b(?:expelled|expels|expelling|kicked out|threw out)\s+(?:the\s+)?(?:UN|U\.N\.|United Nations|EU|OSCE|AU|international|foreign)\s+(?:[\w-]+\s+){0,3}?(?:office|mission|inspectors|monitors|observers|peacekeepers|staff|representative)\b|\b(?:ordered|orders|told|tells|asked|asks)\s+(?:the\s+)?(?:UN|U\.N\.|United Nations|EU|AU|international|foreign)?\s*(?:[\w-]+\s+){0,2}?(?:peacekeepers|monitors|observers|inspectors|mission|peacekeeping force|troops|forces|soldiers)\s+to\s+(?:leave|withdraw|quit|go)\b`,
  },
  // "ordered the Lithuanian embassy to cut its staff": diplomats sent away by a cut in numbers
  {
    type: 'diplomats_expelled',
    pattern: String.raw`\b(?:ordered|orders|told|tells|asked|asks)\s+(?:the\s+)?(?:[\p{L}'’-]+\s+){0,2}?(?:embassy|mission|consulate)\s+to\s+(?:cut|reduce|halve|slash|shrink)\b`,
  },
  { type: 'diplomats_expelled', pattern: String.raw`\bexpulsions?\s+of${WITHIN(3)}\s+${ENVOYS}`, noun: true },
  // "ordering eleven Senegalese diplomats to leave the country", "gave the ambassador 48 hours to leave"
  {
    type: 'diplomats_expelled',
    pattern: String.raw`\b(?:ordered|orders|order|ordering|told|tells|gave|gives|giving)${WITHIN(4)}\s+${ENVOYS}\s+(?:(?:[\w-]+\s+){1,3}?)?to\s+leave\b`,
  },
  {
    type: 'embassy_closed',
    pattern: String.raw`\b(?:closed|closes|close|closing|shut|shuts|shutting)(?:\s+down)?${WITHIN(3)}\s+(?:embassy|embassies|consulate|consulates|diplomatic mission)\b`,
  },
  { type: 'embassy_closed', pattern: String.raw`\bclosure\s+of${WITHIN(3)}\s+(?:embassy|embassies|consulate|consulates)\b`, noun: true },
  // rejections and threats
  { type: 'rejection', pattern: String.raw`\b(?:rejected|rejects|reject|rejecting|turned down|turns down|spurned|spurns|vetoed|vetoes|ruled out|rules out)\b` },
  { type: 'rejection', pattern: String.raw`\b(?:rejection\s+(?:of|by)|refusal\s+to)\b`, noun: true },
  // "The suspension of talks by Serbia", "Hungary's cancellation of the visit"
  {
    type: 'rejection',
    pattern: String.raw`\b(?:suspension|cancellation|postponement)\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+)?(?:talks|negotiations|dialogue|summit|visit)\b`,
    noun: true,
  },
  {
    type: 'rejection',
    pattern: String.raw`\b(?:rebuffed|rebuffs|rebuffing)\b|\b(?:would|will|could|did|does|do|can)\s*(?:not|n['’]t)\s+accept\b|\bwon['’]t\s+accept\b|\bcannot\s+accept\b`,
  },
  // "declined an invitation to attend", "dismissed the ultimatum", "blocked the EU's sanctions package"
  {
    type: 'rejection',
    pattern: String.raw`\b(?:declined|declines|dismissed|dismisses|blocked|blocks|blocking)\s+(?:(?:the|an?|its|their|his|her|this|that|these|those)\s+)?(?:[\p{L}'’-]+\s+){0,3}?(?:invitation|offer|proposals?|requests?|ultimatum|demands?|calls?|claims?|accusations?|allegations?|charges|plan|draft|resolution|motion|package|bid|accession|membership|deal|declaration|statement)\b`,
  },
  // "dismissed the deal as a sign of weakness": a verdict on another's act, not a refusal (as "dismissed the ultimatum as illegal" is)
  {
    type: 'criticism',
    pattern: String.raw`\b(?:dismissed|dismisses|derided|derides|ridiculed|ridicules|mocked|mocks)\s+(?:(?:the|an?|its|their|his|her|this|that|these|those)\s+)?(?!(?:[\p{L}'’-]+\s+){0,3}?(?:ultimatum|demands?|calls?|requests?|offers?|invitations?|proposals?|claims?|accusations?|allegations?|charges|reports?)\b)(?:[\p{L}'’-]+\s+){0,4}?as\s+(?:a|an|mere|nothing|just|little|pure|political|empty|meaningless|propaganda|irrelevant|worthless|hypocritical|absurd|ridiculous|baseless|naive|unrealistic)\b`,
  },
  // "talks between Egypt and Ethiopia broke down", "the round ended without a deal": talks ended without agreement
  {
    type: 'rejection',
    pattern: String.raw`(?<=\b(?:talks|negotiations|round|summit|meeting|dialogue)\b[^.;]{0,80}?)\b(?:broke down|breaks down|collapsed|collapses|foundered|founders|ended without (?:a |an |any )?(?:deal|agreement|accord|breakthrough|result)|ended in failure|failed to (?:produce|reach|yield) (?:a |an |any )?(?:deal|agreement|accord|breakthrough))\b`,
    undergone: true,
  },
  // "halted talks with the rebels", "broke off negotiations": talks ended without agreement
  {
    type: 'rejection',
    // not "eleven years after the two countries broke off negotiations": a clause that only measures time from it
    pattern: String.raw`(?<!\b(?:years|months|weeks|decades)\s+(?:after|before|since)\s+[^,.;]{0,40})\b(?:halted|halts|suspended|suspends|broke off|breaks off|called off|calls off|pulled out of|pulls out of|walked out of|walks out of|abandoned|abandons)\s+(?:the\s+|its\s+|all\s+|further\s+)?(?:[\w-]+\s+){0,2}?(?:talks|negotiations|dialogue)\b|\b(?:walked|walks)\s+out\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:session|meeting|conference|summit)\b|\b(?:called off|calls off|cancelled|canceled|cancels|scrapped|scraps)\s+(?:(?:a|an|the|his|her|its|their|all)\s+)?(?:[\w-]+\s+){0,3}?(?:visits?|trips?|meetings?|summit|events)\b(?=\s+(?:to|in|with|planned|scheduled)\b)`,
  },

  // "snubbed the summit", "boycotted the vote", "balked at the proposal", "said no to the plan"
  {
    type: 'rejection',
    pattern: String.raw`\b(?:snubbed|snubs|boycotted|boycotts|boycotting|skipped|skips|skipping|balked at|balks at|baulked at|said no to|says no to|stayed away from|stays away from|turned its back on|turns its back on)\b`,
  },
  // "brushed off the complaint", "shrugged off the criticism"
  {
    type: 'rejection',
    pattern: String.raw`\b(?:brushed off|brushes off|shrugged off|shrugs off|waved away|waves away)\s+(?:(?:the|an?|its|their|his|her|this|that|these|those)\s+)?(?:[\p{L}'’-]+\s+){0,3}?(?:complaint|protest|criticism|concerns?|accusations?|allegations?|charges|claims?|demands?|calls?|warnings?|objections?)\b`,
  },
  {
    type: 'rejection',
    pattern: String.raw`\b(?:refused|refuses|refusing|declined|declines)\s+to\s+(?:attend|take part|join|sign|meet|recogni[sz]e|accept|negotiate|participate|hand over|extradite|release|allow|lift|withdraw|endorse|ratify|resume)\b`,
  },
  {
    type: 'rejection',
    pattern: String.raw`\b(?:dismissed|dismisses|brushed aside|brushes aside)\b(?=[^.;]{0,60}?\bas\s+(?:[\w-]+\s+){0,2}?(?:meddling|interference|baseless|unfounded|propaganda|lies|nonsense|irrelevant|a\s+\w+|an\s+\w+)\b)`,
  },
  {
    type: 'threat',
    pattern: String.raw`\b(?:threatened|threatens|threaten|threatening)\b(?=\s+(?:to|with|new|further|more|unspecified|retaliation|retaliatory|sanctions|tariffs|countermeasures|reprisals|force|military|action|war|\p{Lu}))|\b(?:issued|issues|gave|gives|delivered|presented|set)${WITHIN(2)}\s+ultimatum\b`,
  },
  { type: 'threat', pattern: String.raw`\b(?:threat|ultimatum)\s+(?:of|from|by)\b`, noun: true },
  // "warned Beijing of consequences if it supplied arms", "warned of a firm response"
  {
    type: 'threat',
    pattern: String.raw`\b(?:warned|warns)\b(?=[^.;]{0,40}?\bof\s+(?:(?:serious|severe|grave|dire|unspecified)\s+)?(?:consequences|retaliation|reprisals|repercussions|countermeasures|a\s+(?:firm|strong|forceful|military|decisive)\s+response)\b)`,
  },
  {
    type: 'threat',
    pattern: String.raw`\b(?:warned|warns|warning)(?=\s+(?:(?:on|last|this)\s+\w+\s+)?(?:that\s+)?(?:it|they|he|she|\p{Lu}[\p{L}-]+)\s+(?:would|will|could)\s+(?:retaliate|respond|strike|hit back|use force|act|(?:re)?impose|snap back|cut|suspend|expel|sever|close|withdraw|take\s+(?:(?:firm|resolute|necessary|all necessary|strong|reciprocal)\s+)?(?:countermeasures|counter-measures|measures|action|steps))\b)`,
  },
  // "vowed revenge", "promised retaliation": a threat told by its noun
  {
    type: 'threat',
    pattern: String.raw`\b(?:vowed|vows|vow|vowing|promised|promises|threatened|threatens)\s+(?:swift\s+|harsh\s+|severe\s+|a\s+(?:harsh|severe|firm|decisive|swift)\s+)?(?:revenge|retaliation|retribution|reprisals|response)\b`,
  },
  // intents
  {
    type: 'intent',
    pattern: String.raw`\b(?:aims?|aimed|plans?|planned|intends?|intended|seeks?|sought|wants?|wanted|hopes?|hoped|wish(?:es|ed)?|ready|willing|prepared|committed|pledged|vowed|promised|agreed|agrees|agree|offered|offers|offering|determined|looking forward)\s+to\b|\b(?:pledged|pledges|vowed|vows|promised|promises|agreed|agrees|undertook|undertakes)\s+not\s+to\b`,
  },
  // "is preparing a donors' conference for March", "is organising a summit": a meeting being prepared is a plan
  {
    type: 'intent',
    pattern: String.raw`\b(?:is|are|was|were)\s+(?:preparing|organi[sz]ing|planning|convening)\s+(?:a|an)\s+(?:[\w'’-]+\s+){0,2}?(?:conference|summit|meeting|talks|round of talks|visit)\b`,
  },
  // "Qatar unveiled a six-point plan", "floated the idea of a corridor", "proposed talks": an offer to act together
  {
    type: 'intent',
    pattern: String.raw`\b(?:proposed|proposes|put forward|puts forward|unveiled|unveils|floated|floats|tabled|tables|drew up|draws up)\s+(?:(?:a|an|the|its|their|his|her)\s+)?(?:(?:own|new|rival|joint|\w+-point|peace|settlement)\s+)*(?:plans?|proposals?|initiative|roadmap|road map|framework|blueprint|formula|idea of|moratorium|freeze)\b|\b(?:proposed|proposes)\s+(?:holding\s+|to\s+hold\s+)?(?:talks|a meeting|a summit|negotiations|direct talks|a dialogue)\b`,

    proposal: true,
  },
  // "Russia vowed on Friday to respond": the date between is when it was said, outside the trigger's words
  {
    type: 'intent',
    pattern: String.raw`\b(?:vowed|agreed|decided|resolved)(?=\s+(?:on|in|last|this)\s+[\w ]{1,15}?\s+to\s+(?!(?:a|an|the)\b)[a-z])`,
  },
  {
    type: 'intent',
    pattern: String.raw`\b(?:wants?|wanted|wanting|seeks?|sought|seeking)\b(?=\s+(?:good|better|closer|normal|stronger|improved|friendly)\s+(?:relations|ties)\b)`,
  },
  { type: 'intent', pattern: String.raw`\b(?:goal|aim|objective|intention|priority)\b(?=[^.;]{0,60}?\bis to\b)` },
  // "signalled its readiness to resume talks", "invited the Somali president to visit", "invited both ministers to New
  // York for direct talks", "wanted face-to-face negotiations", "will travel to Mogadishu next week"
  {
    type: 'intent',
    pattern: String.raw`\b(?:signall?ed|signals|expressed|expresses|voiced|voices|reiterated|reiterates|indicated|indicates)\s+(?:(?:its|their|his|her)\s+)?(?:readiness|willingness|desire|wish|intention|commitment|openness)\s+to\b|\b(?:invited|invites)\s+(?:[\p{L}'’-]+\s+){1,5}?to\s+(?:visit|attend|come|(?:[\p{L}-]+\s+){1,3}?for\s+(?:[\w-]+\s+)?(?:talks|negotiations|consultations|a\s+(?:[\w-]+\s+)?(?:visit|meeting|summit)))\b|\b(?:wanted|wants|sought|seeks|favou?red|favou?rs)\s+(?:[\w-]+\s+){0,2}?(?:talks|negotiations|a meeting|a summit|dialogue)\b|\b(?:will|shall)\s+(?:also\s+)?(?:travel|fly|go)\s+to\b`,
  },
  { type: 'intent', pattern: String.raw`\b(?:is|are|was|were)\s+(?:also\s+)?(?:due|scheduled|slated|set|expected)\s+to\b` },
  // "The Security Council is to meet later today"
  {
    type: 'intent',
    pattern: String.raw`\b(?:is|are)\s+(?:also\s+)?to\s+(?:meet|hold|visit|sign|travel|discuss|vote|open|reopen|resume|begin|decide|announce|send|host)\b`,
  },
  // reactions
  {
    type: 'endorsement',
    pattern: String.raw`\b(?:welcomed|welcomes|welcoming|praised|praises|praising|thanked|thanks|thanking|hailed|hails|commended|commends|applauded|applauds|congratulated|congratulates|endorsed|endorses|lauded|lauds)\b|\bexpressed (?:its |his |her |their )?support for\b`,
  },
  { type: 'endorsement', pattern: String.raw`\b(?:welcome|praise|thank|hail|commend|applaud)\b(?=\s+(?:the|a|an|his|her|its|their|\p{Lu}))` },
  {
    type: 'endorsement',
    pattern: String.raw`\b(?:called|calls|described|describes|termed|terms)\b(?=[^.;]{0,40}?\b(?:a|an)\s+(?:[\w-]+\s+)?(?:victory|success|breakthrough|milestone|triumph|step forward)\b|[^.;]{0,40}?\b(?:a|an)\s+(?:sensible|positive|important|welcome|historic|constructive|significant|major|good|encouraging|hopeful)\s+(?:step|move|development|decision|signal)\b)`,
    quoted: true,
  },
  // "Turkey's approval of Sweden's NATO bid"
  { type: 'endorsement', pattern: String.raw`\b(?:approval|endorsement)\s+of\b`, noun: true },
  // "Parliament approved the accord by 120 votes to 40": a legislature's approval of a treaty is its ratification
  {
    type: 'treaty_ratified',
    pattern: String.raw`(?<=\b(?:[Pp]arliament|[Ss]enate|[Cc]ongress|[Aa]ssembly|[Ll]awmakers|[Ll]egislators|[Dd]eputies|MPs|Duma|Knesset|Majlis|Bundestag|Sejm|Rada|[Ll]egislature)\s+(?:[\w-]+\s+){0,2}?)(?:approved|approves|endorsed|endorses|passed|passes|voted\s+(?:for|to\s+approve|to\s+ratify))\s+(?:(?:the|a|an|its)\s+)?(?:[\w-]+\s+){0,3}?(?:treaty|accord|agreement|pact|convention|protocol)\b`,
  }, // "backed Morocco's autonomy plan", "threw its weight behind the proposal", "reiterated its support for", "approved
  // Sweden's bid to join NATO"
  {
    type: 'endorsement',
    pattern: String.raw`\b(?:backed|backs|supported|supports|approved|approves)\s+(?:(?:the|an?|its|their|his|her)\s+)?(?:[\p{L}'’-]+\s+){0,3}?(?:plan|proposals?|bid|candidacy|initiative|resolution|deal|accord|agreement|application|accession|membership|call|position|claim|roadmap|efforts?)\b|\b(?:threw|throws|thrown|put|puts)\s+(?:its|their|his|her)\s+(?:full\s+)?weight\s+behind\b|\b(?:reiterated|reiterates|reaffirmed|reaffirms|voiced|voices|declared|declares|pledged|pledges)\s+(?:its|their|his|her)\s+(?:full\s+|firm\s+|strong\s+|continued\s+|unwavering\s+)?(?:support|backing)\s+for\b`,
  },
  {
    type: 'endorsement',
    pattern: String.raw`\b(?:gave|gives|giving)\s+(?:[\w'’-]+\s+){0,4}?(?:its|his|her|their)\s+(?:blessing|backing|approval|endorsement)\b`,
  },
  {
    type: 'criticism',
    pattern: String.raw`\b(?:condemned|condemns|condemn|condemning|criticised|criticized|criticises|criticizes|criticise|criticize|criticising|criticizing|faulted|faults|assailed|assails|berated|berates|excoriated|upbraided|reproached|reproaches|scolded|admonished|denounced|denounces|denounce|decried|decries|slammed|slams|deplored|deplores|regretted|regrets|lamented|laments|rebuked|rebukes|protested against|accused|accuses|accusing|censured|censures|censuring|lambasted|lambastes|blasted|blasts|chided|chides|chiding|castigated|castigates|objected|objects to|objecting to|took issue with|takes issue with|denouncing|deploring|decrying|rebuking|slamming|faulting|hit out at|hits out at|lashed out at|lashes out at|reacted (?:angrily|furiously|sharply) to|reacts (?:angrily|furiously|sharply) to)\b`,
  },
  { type: 'criticism', pattern: String.raw`\b(?:condemnation|criticism|rebuke)\b(?=[^,.;]{0,30}\bfrom\b)`, noun: true },
  // "questioned the legitimacy of Peru's government", "cast doubt on the election"
  {
    type: 'criticism',
    pattern: String.raw`\b(?:questioned|questions|disputed|disputes|challenged|challenges)\s+(?:the\s+)?(?:legitimacy|legality|validity|credibility|fairness|impartiality)\s+of\b|\b(?:cast|casts|casting)\s+doubt\s+on\b`,
  },
  {
    type: 'criticism',
    pattern: String.raw`\b(?:expressed|voiced|raised)\s+(?:(?:deep|grave|serious|strong)\s+)?(?:concerns?|alarm|regret|dismay|outrage|indignation|disappointment|displeasure|anger|reservations|misgivings|objections|opposition)\b|\b(?:lodged|filed|registered)\s+(?:a\s+)?(?:(?:formal|strong|diplomatic)\s+)?protest\b|\b(?:hit|hits|lashed|lashes)\s+out\s+at\b|\b(?:hit|hits|struck|strikes)\s+back\s+at\b|\b(?:took|takes|taking)\s+(?:[\p{L}'’-]+\s+){1,3}?to\s+task\b|\b(?:lodged|filed|registered)\s+(?:a\s+)?(?:(?:formal|strong|diplomatic)\s+)?complaint\b|\b(?:lodged|lodges|made|makes)\s+(?:(?:stern|solemn|strong|serious)\s+)*representations\b|(?<!\bwhat\s+(?:he|she|it|they|we)\s+)\b(?:called|calls|described|describes|branded|brands|labell?ed|termed)\b(?=[^.;]{0,60}?\b(?:as\s+)?(?:a|an)\s+(?:[\w-]+\s+)?(?:violation|breach|provocation|threat|mistake|affront|insult|act of (?:aggression|piracy|war|terror|sabotage)|attack on|assault on)\b)`,
  },
  {
    type: 'criticism',
    pattern: String.raw`\b(?:called|calls|described|describes|branded|brands|termed|terms|deemed|deems)\b(?=[^.;]{0,50}?\b(?:as\s+)?(?:unacceptable|illegal|unlawful|illegitimate|provocative|regrettable|hostile|baseless|unfounded|groundless|irresponsible|dangerous|unjust|unjustified|unfair|arbitrary|absurd|outrageous|shameful|hypocritical|reckless|cynical|deplorable|politically motivated|outlaw|lawless|criminal|disgraceful|ridiculous|aggressive)\b)|\bprotested\s+(?:to|over|at)\b`,
    quoted: true,
  },
  // "Morocco and Algeria exchanged accusations": each criticised the other
  {
    type: 'criticism',
    pattern: String.raw`\b(?:exchanged|traded|exchange|trade)\s+(?:angry\s+|bitter\s+)?(?:accusations|insults|barbs|recriminations|charges)\b`,
  },
  // "Ghana's foreign minister was summoned by the Nigerian government": the envoy or minister called in, in the passive
  {
    type: 'criticism',
    pattern: String.raw`(?<=\b(?:ambassador|envoy|high commissioner|charg[eé] d['’]affaires|minister|consul|diplomats?)\s+(?:was|were|had been|has been|have been)\s+)(?:summoned|called in)(?=\s+(?:[^,.;]{0,40}?\s)?by\b)`,
  },
  // "summoned the Russian ambassador to protest": a state calls in another's envoy to complain
  {
    type: 'criticism',
    pattern: String.raw`\b(?:summoned|summons|summoning)\s+(?:[\w'’-]+\s+){0,3}?(?:ambassador|envoy|high commissioner|charg[eé] d['’]affaires|diplomats?|consul)\b`,
  },
  // 'called the raids "a war crime"': the characterisation is quoted, so read on the words as written
  {
    type: 'criticism',
    pattern: String.raw`\b(?:called|calls|described|describes|branded|brands|labell?ed|termed|terms)\b(?=[^.;]{0,50}?["“'‘]\s*(?:a|an)?\s*(?:[\w-]+\s+)?(?:war crimes?|crimes? against|massacre|atrocity|atrocities|genocide|aggression|betrayal|disgrace|outrage|farce|sham|lies|insult|affront|surrender|provocation|violation|breach)\b|[^.;]{0,50}?\b(?:a|an)\s+(?:(?:big|major|serious|grave|huge|dangerous|terrible|historic|clear)\s+)?(?:step backwards?|step back|setback|mistake|blunder|blow to|slap in the face|stab in the back|travesty|charade|capitulation|appeasement)\b)`,
    quoted: true,
  },
  {
    type: 'appeal',
    pattern: String.raw`\b(?:urged|urges|urge|urging|demanded|demands|demanding|pressed|presses|implored|exhorted)\b|\b(?:called|calls|call|calling) (?:on|upon|for)\b(?!\s+(?:\d|Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec))|\b(?:called|calls)(?=\s+(?:on|in)\s+[^,.;]{1,20}?\s+for\b)|\b(?:appealed|appeals|appealing) (?:to|for)\b`,
  },
  // "Egypt asked Israel to allow aid in": a request of another actor
  {
    type: 'appeal',
    pattern: String.raw`(?<!\b(?:was|were|been|being)\s+)\b(?:asked|asks|requested|requests|begged|begs)\b(?=\s+(?:the\s+)?\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,3}\s+to\s+\p{Ll})`,
    cased: true,
  },
  // detention
  {
    type: 'detention',
    pattern: String.raw`\b(?:arrested|arrests|arresting|detained|detains|detaining|abducted|kidnapped|incarcerated|rounded up|rounds up)\b|\b(?:captured|captures)\b(?!\s+${TERRITORY})|\b(?:jailed|jails|imprisoned|imprisons)\b(?![^.;]{0,40}?\bfor\s+(?:\w+\s+)?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|life)\b)|\b(?:took|taken|takes|taking)\s+(?:[\p{L}\d'’-]+\s+){0,5}?into custody\b|\b(?:seized|seizes|impounded|impounds)${WITHIN(3)}\s+(?:ships?|vessels?|tankers?|boats?|trawlers?|crews?|sailors|fishermen)\b`,
  },
  // "jailed the opposition leader for 15 years": a sentence passed, not an arrest
  {
    type: 'conviction',
    pattern: String.raw`\b(?:jailed|jails|imprisoned|imprisons)\b(?=[^.;]{0,40}?\bfor\s+(?:\w+\s+)?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|life)\b)`,
  },
  { type: 'detention', pattern: String.raw`\b(?:arrest|arrests|detention|imprisonment|capture|abduction)\s+of\b`, noun: true },
  // "North Korea is holding an American soldier": people held now
  {
    type: 'detention',
    pattern: String.raw`\b(?:is|are|has been|have been)\s+holding\b(?=\s+(?:[\w'’-]+\s+){0,4}?(?:prisoners?|detainees?|hostages?|captives?|soldiers?|sailors?|citizens?|nationals?|journalists?|fishermen|students?|workers?|crew(?:men)?)\b)`,
  },
  // "Two Japanese nationals have been held in China since March": held by the state they are held in
  {
    type: 'detention',
    pattern: String.raw`(?<=\b(?:prisoners?|detainees?|hostages?|captives?|soldiers?|sailors?|citizens?|nationals?|journalists?|fishermen|students?|workers?|crew(?:men)?|reporters?|activists?)\s+(?:have|has|had)\s+been\s+)(?:held|detained|jailed|imprisoned)\b`,
    undergone: true,
  },

  // elections
  {
    type: 'election',
    pattern: String.raw`\b(?:presidential|parliamentary|general|legislative|local|municipal|snap|regional|national)\s+(?:elections?|polls?|vote)\b`,
    noun: true,
  },
  { type: 'election', pattern: String.raw`\b(?:held|holds|hold)${WITHIN(2)}\s+elections?\b|\bre-?elected\b` },
  {
    type: 'election',
    pattern: String.raw`\belected\s+(?:a\s+new\s+|its\s+first\s+|their\s+first\s+)?(?:president|parliament|government|leader|prime minister|assembly)\b|\b(?:was|were|been)\s+elected\b|\bwon\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:elections?|presidency|polls)\b`,
  },
  // military support
  { type: 'military_support', pattern: String.raw`\bmilitary\s+(?:support|aid|assistance|backing|help)\b`, noun: true },
  {
    type: 'military_support',
    pattern: String.raw`\b(?:support|backing)\s+for\s+[^,.;]{0,40}?\b(?:invasion|war|offensive|military|operation|attack|aggression)\b`,
    noun: true,
  },
  {
    type: 'military_support',
    pattern: String.raw`\b(?:supplied|sent|delivered|provided|shipped|supplies|sends|supplying|sending|gave|gives|handed|hands|handed over|transferred|transfers)${WITHIN(3)}\s+(?:weapons|arms|troops|ammunition|munitions|missiles|drones|tanks|fighter jets|warships|howitzers|artillery|air defen[cs]e systems?|Patriot(?:\s+(?:systems?|batter(?:y|ies)))?)\b`,
  },
  // aid pledged, aid provided
  {
    type: 'aid_pledged',
    pattern: String.raw`\b(?:pledged|pledges|pledge|pledging|promised|promises)\s+[^.;]{0,40}?\b(?:aid|assistance|funding|relief|grants?|loans?|million|billion)\b`,
  },
  { type: 'aid_pledged', pattern: String.raw`\b(?:pledge|promise|offer)\s+of${WITHIN(4)}\s+(?:aid|assistance|funding|relief|help)\b`, noun: true },
  // "offered a loan of 21 billion yen", "pledged two patrol vessels to the Philippines": credit or goods promised
  {
    type: 'aid_pledged',
    pattern: String.raw`\b(?:offered|offers|extended|extends)\s+(?:(?:a|an)\s+)?(?:[\w$€£¥.,-]+\s+){0,4}?(?:loans?|credit lines?|lines? of credit|grants?)\b(?!\s+(?:guarantees|talks))|\b(?:pledged|pledges|promised|promises|offered|offers)\s+(?:[\d,.]+|two|three|four|five|six|ten|twenty|fifty|hundreds of|thousands of)\s+(?:[\w-]+\s+){0,3}?(?:vessels|ships|boats|ambulances|vehicles|doses|vaccines|generators|tents|trucks|buses|aircraft|helicopters|tonnes|tons|ventilators|tractors)\b(?=\s+(?:to|for)\b)`,
  },
  // "set up a trust fund for Colombia", "will double its aid to Sudan"
  {
    type: 'aid_pledged',
    pattern: String.raw`\b(?:set up|sets up|setting up|established|establishes|launched|launches|created|creates)\s+(?:a|an)\s+(?:[\w$€£.,-]+\s+){0,3}?(?:trust fund|relief fund|reconstruction fund|aid fund|fund for)\b|\b(?:double|doubled|doubles|triple|tripled|triples|increase|increased|increases|boost|boosted|boosts|raise|raised|raises)\s+(?:its|their|his|her)\s+(?:[\w-]+\s+)?(?:aid|assistance|funding|contribution|contributions)\b`,
  },
  // "a $20 million aid package announced by the European Union"
  {
    type: 'aid_pledged',
    pattern: String.raw`(?<=\b(?:aid|assistance|relief|funding|loans?|grants?)(?:\s+(?:package|programme|program))?(?:\s+worth\s+[^,.;]{2,25}?)?\s*,?\s+(?:(?:was|were|has been|have been|had been)\s+)?)(?:announced|pledged|promised|offered|approved)(?=\s+by\b)`,
  },
  {
    type: 'aid_pledged',
    pattern: String.raw`\b(?:pledged|pledges|promised|promises|offered|offers)\s+to\s+(?:send|provide|deliver|give|supply|donate|fund)${WITHIN(4)}\s+(?:aid|assistance|supplies|food|medicine|medicines|vaccines|tents|hospitals?|doctors|relief|funding)\b`,
  },
  {
    type: 'aid_pledged',
    pattern: String.raw`\b(?:offered|offers|announced|announces|committed|commits|earmarked|earmarks|allocated|allocates)\s+(?:${SIGN}\s?[\d.,]+\s*(?:million|billion|bn|m)?|[\d.,]+\s*(?:million|billion))[^.;]{0,30}?\b(?:aid|assistance|funding|relief)\b|\b(?:offered|offers)\s+(?:humanitarian\s+|emergency\s+|financial\s+)?(?:aid|assistance)\b`,
  },
  {
    type: 'aid_pledged',
    pattern: String.raw`\b(?:pledged|pledges|committed|commits|promised|promises|announced|announces|earmarked|earmarks|offered|offers)\s+(?:(?:a\s+further|an\s+additional|another|some|nearly|about|almost|around|more than|over|up to|an?)\s+)?${SIGN}\s?[\d.,]+\s*(?:million|billion|bn|m)?\b`,
  },
  // "unveiled a 500 million euro package for Syria", "contributed $10 million to the refugee agency"
  {
    type: 'aid_pledged',
    pattern: String.raw`\b(?:unveiled|unveils|announced|announces|approved|approves)\s+(?:a|an)\s+(?:[\w$€£.,-]+\s+){0,4}?(?:package|programme|program|fund|facility)\s+(?:for|to)\b|\b(?:contributed|contributes)\s+(?:(?:a\s+further|an\s+additional|another|some|nearly|about|more than|over)\s+)?(?:${SIGN}\s?[\d.,]+\s*(?:million|billion|bn|m)?|${MONEY})(?=\s+(?:to|for|towards)\b)`,
  },
  // "allocated 50 million euros to Sudan": a sum in words for a state or a cause
  {
    type: 'aid_pledged',
    pattern: String.raw`\b(?:allocated|allocates|earmarked|earmarks|committed|commits|pledged|pledges)\s+(?:(?:a\s+further|an\s+additional|another|some|nearly|about|almost|around|more than|over|up to)\s+)?${MONEY}(?=\s+(?:to|for)\b)`,
  },
  // "approved a $300 million loan to Kenya", "Canada will give $10 million to the UN refugee agency"
  {
    type: 'aid_pledged',
    pattern: String.raw`\b(?:approved|approves|granted|grants|extended|extends|signed|signs)\s+(?:an?\s+)?(?:${MONEY}|${SIGN}\s?[\d.,]+\s*(?:million|billion|bn|m)?)\s+(?:[\w-]+\s+)?(?:loans?|grants?|credits?|aid|assistance|package)\b|\b(?:will|would)\s+(?:give|provide|donate|contribute|send)\s+(?:(?:a\s+further|an\s+additional|another|some|about|nearly|up to)\s+)?(?:${MONEY}|${SIGN}\s?[\d.,]+\s*(?:million|billion|bn|m)?)`,
  },
  // "the European Community put up a further 25 million ecus", "Canada's contribution … came to 12 million dollars"
  {
    type: 'aid_pledged',
    pattern: String.raw`\b(?:put up|puts up)\s+(?:(?:a\s+further|an\s+additional|another|some|nearly|about|almost|around|more than|over|up to)\s+)?${MONEY}`,
  },
  {
    type: 'aid_pledged',
    pattern: String.raw`\b(?:contribution|donation|pledge)\b(?=[^.;]{0,80}?\b(?:came to|amounted to|totall?ed|of)\s+(?:about\s+|some\s+|nearly\s+)?${MONEY})`,
    noun: true,
  },
  // "flew 20 tonnes of medicines into Niamey", "released $5 million … to buy grain", "handed over 500 tonnes of rice"
  {
    type: 'aid_provided',
    pattern: String.raw`\b(?:delivered|delivers|sent|sends|shipped|ships|airlifted|airdropped|flew|flies|donated|donates|handed over|hands over|trucked|distributed)\s+(?:[\w,.-]+\s+){0,3}?(?:(?:tonnes|tons|truckloads|planeloads|shipments|consignments|cargoes|doses)\s+of|doses)\b|\b(?:released|releases|disbursed|disburses|deposited|deposits)\s+(?:(?:a|an|another|the)\s+)?${MONEY}`,
  },
  // "released a tranche of $1.1 billion", "paid the first tranche of 67 million euros": aid or a loan paid out
  { type: 'aid_provided', pattern: String.raw`\b(?:released|releases|disbursed|disburses|paid|pays|transferred|transfers)(?=${TRANCHE})` },
  // "handed over 30 ambulances", "gifted 50,000 doses of vaccine": goods given
  {
    type: 'aid_provided',
    pattern: String.raw`\b(?:donated|donates|gifted|gifts|handed over|hands over)\s+(?:[\d,.]+|two|three|four|five|six|ten|twenty|fifty|hundreds of|thousands of)\s+(?:[\w-]+\s+){0,2}?(?:ambulances|vehicles|doses|vaccines|generators|tents|trucks|buses|boats|patrol boats|aircraft|helicopters|tonnes|tons|ventilators|tractors|computers)\b`,
  },
  {
    type: 'aid_provided',
    pattern: String.raw`\b(?:delivered|delivers|deliver|delivering|sent|sends|sending|dispatched|dispatches|provided|provides|providing|shipped|airlifted|airdropped|donated|donates|granted|grants)${WITHIN(3)}\s+(?:humanitarian|emergency|economic|financial|food|medical|relief|development)?\s*(?:aid|assistance|supplies|relief|food|medicine|vaccines)\b`,
  },
  // "handed over $12 million in food aid", "gave 5 million francs of emergency assistance"
  {
    type: 'aid_provided',
    pattern: String.raw`\b(?:handed over|hands over|gave|gives|donated|donates|disbursed|disburses|transferred|transfers|delivered|delivers|provided|provides)\s+(?:(?:a\s+further|an\s+additional|another|some|nearly|about|almost|around|more than|over)\s+)?${MONEY}\s+(?:in|of|worth of)\s+(?:[\w-]+\s+)?(?:aid|assistance|relief)\b`,
  }, // "Japan has given Mongolia more than $3 billion in aid since 1991"
  {
    type: 'aid_provided',
    pattern: String.raw`\b(?:gave|given|gives|giving|provided|provides)\s+(?:\p{Lu}[\p{L}-]+\s+)?(?:(?:more than|over|some|about|nearly|almost|around)\s+)?${MONEY}\s+(?:in|of)\s+(?:[\w-]+\s+)?(?:aid|assistance|loans|grants|credits|development aid)\b`,
  },

  // "wrote off Zambia's debt", "cancelled $2 billion of Iraqi debt": relief given
  {
    type: 'aid_provided',
    pattern: String.raw`\b(?:wrote off|writes off|written off|forgave|forgives|cancelled|canceled|cancels)\s+(?:[\p{L}'’$\d.,-]+\s+){0,4}?(?:debts?|loans?)\b`,
  },
  { type: 'aid_provided', pattern: String.raw`\b(?:delivery|shipment|airlift)\s+of${WITHIN(3)}\s+(?:aid|assistance|supplies|relief)\b`, noun: true },
  // "donated 50 ambulances to Ukraine": what a state donates to another is aid, whatever it is
  { type: 'aid_provided', pattern: String.raw`\b(?:donated|donates)\b(?=\s+(?:[\w,.-]+\s+){1,5}?(?:to|for)\s)` },
  // material cooperation: joint exercises, working groups
  // "France extradited two suspects to Algeria": judicial cooperation
  { type: 'cooperation', pattern: String.raw`\b(?:extradited|extradites|extraditing)\b` },
  {
    type: 'cooperation',
    pattern: String.raw`\b(?:held|holds|hold|holding|conducted|conducts|conduct|began|begin|begins|launched|launches|staged|stages)${WITHIN(2)}\s+joint\s+(?:[\w-]+\s+)?(?:exercises?|drills?|manoeuvres|maneuvers|patrols?|operations?|projects?)\b`,
  },
  {
    type: 'cooperation',
    pattern: String.raw`\b(?:set up|sets up|established|establishes|formed|forms|launched|launches|created|creates)${WITHIN(2)}\s+(?:joint\s+)?(?:working group|joint commission|task force)\b`,
  },
  // protests, mobilisation, attacks
  {
    type: 'protest',
    pattern: String.raw`(?<!\bin\s)\b(?:protested|protests|protest|protesting|demonstrated|demonstrate|demonstrating|rallied|rally|rallying|picketed)\b(?=\s+(?:outside|in front of|at|near|through|across|in\s+(?:the\s+)?(?:streets?|squares?|\p{Lu})))|\b(?:marched|marches|marching)\s+on\b|\bin\s+a\s+(?:march|rally|demonstration|protest)\s+(?:on|outside|in front of|against)\b|\btook to the streets\b|\bstaged${WITHIN(2)}\s+(?:protests?|rall(?:y|ies)|demonstrations?|sit-ins?)\b`,
  },
  // read with case: "March" is also a month ("from 3 to 5 March in Brussels")
  {
    type: 'protest',
    pattern: String.raw`\b(?:[Mm]arched|marching|march)\b(?=\s+(?:outside|in front of|at|near|through|across|in\s+(?:the\s+)?(?:streets?|squares?|\p{Lu})))`,
    cased: true,
  },
  // "A small group of protesters gathered outside the palace"
  {
    type: 'protest',
    pattern: String.raw`(?<=\b(?:protesters|protestors|demonstrators|activists|crowds?|students|marchers)\s+(?:[\w-]+\s+){0,1}?)(?:gathered|gather|gathers|assembled|massed)\b(?=\s+(?:outside|in front of|at|near|in)\b)`,
  },
  // "Protesters burned Danish flags outside the embassy"
  // "staged protests in Seoul", "held a rally outside the embassy"
  {
    type: 'protest',
    pattern: String.raw`\b(?:staged|stages|staging|held|holds|organi[sz]ed|organi[sz]es)\s+(?:(?:a|an|several|mass|large|small|rival|street|angry|peaceful)\s+)*(?:protests?|rallies|rally|demonstrations?|sit-ins?|marches|march|vigils?)\b(?!\s+(?:of|for)\s+(?:support|solidarity))`,
  },
  { type: 'protest', pattern: String.raw`\b(?:burned|burnt|burns|burning|torched|torches)\s+(?:[\p{L}-]+\s+){0,2}?(?:flags?|effigies|effigy)\b` },
  // a show of force: weapons tested, drills held ("test-fired two ballistic missiles", "held live-fire drills")
  {
    type: 'mobilization',
    pattern: String.raw`\b(?:test-fired|test-fires|test-launched|test-launches)\b|\b(?:fired|fires|launched|launches)\b(?=[^.;]{0,40}?\bmissiles?\b[^.;]{0,30}?\b(?:into|off|over)\s+(?:the\s+)?(?:sea|waters|coast|East Sea|Sea of Japan|Yellow Sea|Pacific)\b)|\b(?:conducted|conducts|carried out|carries out)${WITHIN(2)}\s+(?:nuclear|missile|weapons?)\s+tests?\b|\b(?:held|holds|holding|staged|stages|staging|launched|launches|conducted|conducts|conducting|began|begins)\s+(?:(?:large-scale|major|fresh|new|naval|military|air|live-fire)\s+){0,2}(?:drills|exercises|war games|manoeuvres|maneuvers)\b`,
  },
  {
    type: 'mobilization',
    pattern: String.raw`\b(?:deployed|deploys|deploy|deploying|massed|masses|massing|amassed|mobili[sz]ed|mobili[sz]es|mobili[sz]ing|moved|dispatched|stationed)${WITHIN(3)}\s+(?:troops|forces|soldiers|warships|tanks|missiles|reservists|battalions|brigades?|units|armou?r|navy|fleet|jets)\b|\bput${WITHIN(3)}\s+on\s+(?:high\s+|combat\s+)?alert\b|\b(?:sent|sends|sending)${WITHIN(2)}\s+(?:warships|bombers|fighter jets|naval vessels|aircraft carriers?)\b|\b(?:scrambled|scrambles|scrambling)${WITHIN(2)}\s+(?:jets|fighters|fighter jets|aircraft|warplanes|interceptors)\b`,
  },
  {
    type: 'armed_attack',
    pattern: String.raw`\b(?:shelled|shells|shelling|bombed|bombs|bombing|bombarded|invaded|invades|invading|raided|strafed|ambushed)\b|(?<!\btest-)\bfired${WITHIN(2)}\s+(?:missiles?|rockets?|shells?|artillery)\b(?!\s+(?:into|off|over)\s+(?:the\s+)?(?:sea|waters|coast))|\b(?:fired|opened fire)\s+(?:on|at|upon)\b|\b(?:launched|carried out|conducted)${WITHIN(2)}\s+(?:air\s*strikes?|strikes?|attacks?|offensive|invasion|assault|missile attacks?|drone attacks?)\b|\b(?:captured|captures|recaptured|recaptures|retook|retakes|seized|seizes|overran|overruns|took control of|takes control of|occupied|occupies)\s+${TERRITORY}|\b(?:annexed|annexes|blockaded|blockades|rammed|rams)\b|(?<=\b(?:troops|forces|soldiers|tanks)\s+)(?:entered|enter|enters|crossed into|pushed\s+(?:deep\s+)?into|moved into|poured into|rolled into)\b`,
  },
  // "its aircraft struck Eritrean supply lines", "attacked the Libyan garrison"
  {
    type: 'armed_attack',
    pattern: String.raw`\b(?:struck|strike|strikes|striking|pounded|pounding|hit|hits|attacked|attacks|attack|attacking|overran|overrun|overruns)\s+(?:[\w'’-]+\s+){0,3}?(?:positions?|targets?|supply lines|lines|bases?|camps?|convoys?|garrisons?|villages?|towns?|depots?|airfields?|airports?|ports?|installations?|outposts?|barracks|troops|forces|soldiers|units|ships|vessels|tankers|shipping|warships|patrol boats|militants|rebels|insurgents|fighters|guerrillas|jihadists|hideouts?)\b`,
  },
  {
    type: 'armed_attack',
    pattern: String.raw`\b(?:air\s*strikes?|airstrikes?|drone strikes?|missile strikes?|rocket attacks?|bombardment|shelling)\b(?=\s+(?:on|of|against)\s)`,
    noun: true,
  },
  {
    type: 'armed_attack',
    pattern: String.raw`\b(?:air\s*strikes?|airstrikes?|drone strikes?|missile strikes?|rockets|missiles|shells|warplanes|aircraft|drones|jets)\b(?=\s+(?:also\s+)?(?:hit|struck|pounded|slammed into|destroyed|killed)\b)`,
    noun: true,
  },
  // "killed a Hamas commander in an air strike"
  {
    type: 'armed_attack',
    pattern: String.raw`\b(?:killed|kills)\b(?=[^.;]{0,60}?\bin\s+(?:an?\s+|a\s+series\s+of\s+)?(?:[\w-]+\s+)?(?:air\s*strikes?|airstrikes?|drone strikes?|missile strikes?|raids?|ambush|bombing|shelling)\b)`,
  },
  // "pounds" after a sum is money ("20 million pounds for flood victims")
  { type: 'armed_attack', pattern: String.raw`\b(?:pounded|overran|overruns)\b|(?<!(?:\d|million|billion)\s+)\bpounds\b` },
  // "police stormed the Mexican embassy in Quito": another state's mission entered by force
  {
    type: 'armed_attack',
    pattern: String.raw`(?<!\b${CROWD}\s+)\b(?:stormed|storms|storming)\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,2}?(?:embassy|consulate|mission|ambassador['’]s\s+residence)\b`,
  },
  // "protesters stormed the Saudi embassy in Tehran": a crowd's, a protest
  {
    type: 'protest',
    pattern: String.raw`(?<=\b${CROWD}\s+)(?:stormed|storms|storming|attacked|attacks|ransacked|ransacks|torched|torches)\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,2}?(?:embassy|consulate|mission)\b`,
  },
  // "Israel's killing of the Hamas leader", "the assassination of the commander by Israel"
  { type: 'armed_attack', pattern: String.raw`\b(?:killing|assassination|targeted killing)\s+of\b`, noun: true },
  // "the massive Russian missile and drone attack on Ukrainian cities"
  {
    type: 'armed_attack',
    pattern: String.raw`\b(?:missile|drone|rocket|air|artillery)\s+and\s+(?:missile|drone|rocket|air|artillery)\s+(?:attacks?|strikes?|barrages?|assault)\b(?=\s+(?:on|against)\s)`,
    noun: true,
  },
  // "after being hit by Russian air defences", "was struck by an Israeli missile"
  {
    type: 'armed_attack',
    pattern: String.raw`\b(?:hit|struck|downed|shot down)(?=\s+by\s+(?:(?:a|an|the)\s+)?(?:[\p{L}-]+\s+){0,2}?(?:air defen[cs]es?|missiles?|drones?|rockets?|shells?|shelling|artillery|gunfire|air\s*strikes?|warplanes?|jets?)\b)`,
  },
  // "shot down an Iranian airliner", "drove Iranian troops out of the Faw peninsula"
  {
    type: 'armed_attack',
    pattern: String.raw`\b(?:shot|shoots|shooting)\s+down\s+(?:[\w'’-]+\s+){0,3}?(?:airliner|aircraft|plane|jet|fighter|drone|helicopter|bomber)s?\b|\b(?:pushed|pushes|drove|drives|forced|forces|expelled|expels|threw|throws)\s+(?:[\w'’-]+\s+){0,2}?(?:troops|forces|soldiers|fighters|rebels|militias?|army)\s+(?:back\s+)?(?:out\s+of|from)\b`,
  },
  // "launched 40 missiles at Ukrainian cities", "fired drones at Riyadh": weapons sent at a target
  {
    type: 'armed_attack',
    pattern: String.raw`\b(?:launched|launches|fired|fires)\s+(?:(?:a|an|another|more than|over|some|dozens of|scores of|hundreds of|[\d,]+|two|three|four|five|six|ten|twenty)\s+)*(?:[\w-]+\s+)?(?:missiles?|rockets?|drones?|shells?)\s+(?:at|on|against|towards?)\b`,
  },
  // "Fighting erupted between Sudan's army and the RSF": by the sides its "between" phrase names
  {
    type: 'armed_attack',
    pattern: String.raw`\b(?:fighting|clashes|hostilities|battles?)\s+(?:erupted|broke out|flared|raged|resumed|spread|spilled|intensified|escalated)\b|\b(?:fighting|clashes)(?=\s+between\s+[^,.;]{3,80}?\s+(?:erupted|broke out|flared|raged|resumed|spread|spilled|intensified|escalated)\b)(?=\s+(?:[^,.;]{0,40}?\s)?between\b)`,
    noun: true,
    undergone: true,
  },
  // "Georgian troops clashed with South Ossetian forces": armed forces, not protesters and police
  {
    type: 'armed_attack',
    pattern: String.raw`(?<=\b(?:troops|forces|soldiers|militias?|rebels|fighters|guards|navies|warships|units)\s+(?:(?:again|briefly|heavily|repeatedly)\s+)?)(?:clashed|clash)\b`,
  },
  // "Armenian and Azerbaijani forces traded fire": both sides attacked
  {
    type: 'armed_attack',
    pattern: String.raw`\b(?:traded|trade|trading|exchanged|exchange|exchanging)\s+(?:heavy\s+|artillery\s+|mortar\s+|gun\s*)?(?:fire|shots|shelling)\b`,
  },
];

const COMPILED = RULES.map((rule) => ({ ...rule, regex: new RegExp(rule.pattern, rule.cased ? 'gu' : 'giu') }));
const PASSIVE_BEFORE = /\b(?:was|were|been|being|is|are|be|get|got)\s+(?:\w+ly\s+)?$/i;
const PARTICIPLE = /^\S*(?:ed|en|wn)\b/i;
/** A verb form after a determiner or a noun modifier is a noun: "the recent releases", "prisoner releases". */
const NOUN_BEFORE =
  /\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Tt]his|[Tt]hese|[Tt]hose|prisoner|hostage|detainee|mass|further|additional|recent|new|subsequent|latest|possible|potential|future|planned|reported|early|eventual)\s+(?:[a-z-]+\s+)?$/;
const GOVERNS = new Set<EventType>(['appeal', 'intent', 'threat']);
/** A generic agreement whose words name a more specific one (a peace agreement, a ceasefire) yields to it. */
const SPECIFIC_DEAL = /\b(?:peace|ceasefire|cease-fire|truce|armistice)\b/i;

/** Every trigger in the sentence, overlapping ones reduced to the longest of each type. */
export function findTriggers(sentence: string): Trigger[] {
  const text = maskQuotations(sentence);
  const found: Trigger[] = [];
  for (const rule of COMPILED) {
    for (const m of (rule.quoted ? sentence : text).matchAll(rule.regex)) {
      // "extended the easing of sanctions" is no imposition; a rule that opens with the verb ("suspended Guinea",
      // "suspended imports of") says what is imposed by it
      if (rule.type === 'sanctions_imposed' && /\b(?:lift|eas|remov|suspen|relax|waiv|end)\w*/i.test(m[0].replace(/^\S+/, ''))) continue;
      if (rule.type === 'agreement' && SPECIFIC_DEAL.test(m[0])) continue;
      const index = m.index ?? 0;
      found.push({
        type: rule.type,
        index,
        end: index + m[0].length,
        text: m[0],
        form: formOf(rule, text, index, m[0]),
        swap: rule.swap ?? false,
        governsComplement: GOVERNS.has(rule.type),
        ...(rule.undergone ? { undergone: true } : {}),
        ...(rule.proposal ? { proposal: true } : {}),
      });
    }
  }
  return withoutTalksRefused(dropOverlaps(found)).sort((a, b) => a.index - b.index);
}

/** "halted talks with the rebels", "refused to negotiate": talks named as what was refused or ended were not held. */
function withoutTalksRefused(triggers: Trigger[]): Trigger[] {
  const refusals = triggers.filter((t) => t.type === 'rejection');
  return triggers.filter((t) => t.type !== 'talks' || !refusals.some((r) => t.index < r.end && r.index < t.end));
}

/** A passive's "by" phrase after the trigger, not a vote's count ("approved the treaty by 120 votes to 40"). */
const PASSIVE_BY =
  /^\s+by\b(?!\s+(?:\d[\d,]*\s+(?:votes?|to)\b|a\s+(?:vote|majority|margin|show)\b|(?:a\s+)?(?:unanimous|large|narrow|wide|overwhelming|two-thirds)\b|consensus\b|acclamation\b))/;

function formOf(rule: Rule, text: string, index: number, words: string): Form {
  if (rule.noun) return 'noun';
  if (rule.undergone) return 'passive';
  const before = text.slice(0, index);
  if (/\b(?:was|were|has been|had been|is)\s+\w+ed\b/.test(words) || PASSIVE_BY.test(text.slice(index + words.length))) return 'passive';
  if (PASSIVE_BEFORE.test(before) && PARTICIPLE.test(words)) return 'passive';
  if (NOUN_BEFORE.test(before) && !/^(?:met|hosted|visited|signed|restored|reopened)\b/i.test(words)) return 'noun';
  return 'verb';
}

/** Of overlapping triggers of one type keep the longest; a verb rule beats a noun rule on the same words. */
function dropOverlaps(triggers: Trigger[]): Trigger[] {
  // longest first; of equals, verbs before nouns, then the rules' own order (the sort is stable)
  const nounLast = (t: Trigger) => (t.form === 'noun' ? 1 : 0);
  const ranked = [...triggers].sort((a, b) => b.end - b.index - (a.end - a.index) || nounLast(a) - nounLast(b));
  const kept: Trigger[] = [];
  for (const t of ranked) {
    const clash = kept.some((k) => t.index < k.end && k.index < t.end && (k.type === t.type || k.index === t.index));
    if (!clash) kept.push(t);
  }
  return kept;
}

/**
 * Words inside quotation marks are someone's characterisation ("'lifting sanctions, releasing prisoners'"), not
 * the report of an event: they are blanked out, keeping offsets.
 */
export function maskQuotations(sentence: string): string {
  return sentence.replace(
    /(^|[\s(])(['‘"“])([^'’"”]{2,}?)(['’"”])(?=$|[\s.,;:!?)])/g,
    (_all, lead: string, open: string, body: string, close: string) => `${lead}${open}${' '.repeat(body.length)}${close}`,
  );
}
