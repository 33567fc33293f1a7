import type { ActorKind } from '../../domain/model';
import { GENERIC_MINISTRY } from './coreference';

/**
 * Guessing what an unknown capitalised name is. News introduces people with a title or a role ("Foreign
 * Minister Karin Lindqvist", "opposition leader Samuel Otieno") and organisations with a descriptor ("the rights
 * group Foro Libertad") or a tell-tale word ("Association", "Watch").
 */
export interface NameSpan {
  index: number;
  end: number;
  /** The name without its title: "Karin Lindqvist". */
  name: string;
  kind: ActorKind;
}

/** Capitalised words that are titles, not names; stripped from the front of a span. */
const TITLE_WORDS = new Set(
  `President Prime Minister Foreign Defence Defense Interior Finance Deputy Vice Secretary State General Special Envoy
  Ambassador Chancellor King Queen Prince Princess Sheikh Emir Cardinal Pope Archbishop Bishop Senator Representative
  Governor Mayor Chairman Chairwoman Chair Chairperson Commissioner Director Chief Judge Justice Mr Mrs Ms Dr Sir Dame
  Lord Emperor Empress Shah Tsar Sultan Leader Premier Spokesman Spokeswoman Spokesperson Colonel Lieutenant Major Captain Admiral Marshal Interim
  Acting Former Opposition Supreme High Commander Sergeant Officer Consul Attorney Speaker Crown Foreign-Minister
  Government Head Executive Counsellor Counselor Adviser Advisor National Security Economy Trade Justice of
  Presidents Ministers Leaders Premiers Ambassadors Envoys Senators Generals Kings Secretary-General Under-Secretary`.split(/\s+/),
);

/** Capitalised words that start sentences or name times, never actors. */
const NOT_NAMES = new Set(
  `The A An In On At According Despite During Under Among Separately Both This These That Those It Its Their His Her
  He She They We I You Our Key After Before Since While Although Though However Meanwhile Earlier Later Also And But
  Or For From With Without As By To Of Following Ahead Despite If When Where Why How What Who Which Today Yesterday
  Tomorrow Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
  August September October November December Independence Day Western Eastern Northern Southern West East North South
  Context Path Towards Ongoing Issue Recent Further Outcomes Officials Police Government Human Rights Nobel Peace Prize
  Under Such Some Many Most Several No Not New Old Other Another All Each Every Any First Second Third Last Next One
  Two Three Four Five Six Seven Eight Nine Ten Afterwards Afterward Subsequently Eventually Finally Instead Still Yet Now
  Then Next Elsewhere Overall Initially Previously Recently Currently Nevertheless Nonetheless Moreover Indeed
  Officially Privately Publicly`.split(/\s+/),
);

const ORGANIZATION_WORDS =
  /\b(Union|Nations|Association|Organi[sz]ation|Watch|International|Council|Committee|Agency|Party|Group|Front|Movement|Fund|Court|Commission|Institute|Foundation|Centre|Center|Network|Alliance|League|Federation|Society|Forum|Coalition|Initiative|Defenders|Trust|Campaign|Office|Mission|News|Media|Press|Times|Post|Service|Forces|Army|Guard|Brigade|Parliament|Assembly|Congress|Senate|Ministry|Department|Cabinet)\b/;
const COMPANY_WORDS = /\b(Airlines|Airways|Air|Bank|Corp|Corporation|Company|Inc|Ltd|Holding|Holdings|Energy|Oil|Gas|Petroleum|Motors|Group)\b/;
/**
 * Names of places by their last word or their first ("the Galwan Valley", "the Red Sea", "Camp David"), and of
 * occasions and events ("the Olympic Games", "the Second World War", "the Camp David Accords"): never actors.
 */
const PLACE_NAME =
  /(?:\s(?:Valley|Sea|Ocean|Strait|Straits|Gulf|Bay|Island|Islands|Peninsula|Desert|Plateau|Lake|River|Canal|Corridor|Mountains|Hills|Heights|Pass|Coast|Basin|Delta|Province|Crossing|Airport|Square|Palace|Hall|Castle|Camp|Airbase|Air Base|Games|Olympics|Cup|Championships?|Festival|Expo|War|Wars|Revolution|Uprising|Crisis|Accords?|Conference|Summit|Declaration|Doctrine|Charter)$)|^(?:Camp|Mount|Lake|Port|Fort|Cape|Gulf of|Strait of|Sea of)\s/;
const GOVERNMENT_WORDS = /\b(Ministry|Department|Office|Cabinet|Parliament|Senate|Congress|Assembly|Council)\b/;

/** Lower-case words that introduce a person's name or an organisation's name. */
const PERSON_CUES =
  /\b(leader|envoy|diplomat|spokesman|spokeswoman|spokesperson|minister|president|lawmakers?|counterpart|chairperson|chairman|laureate|founder|lawyer|official|activist|journalist|dissident|blogger|academic|businessman|businesswoman|researcher|opposition figure|cardinal|general|commander|premier|ambassador|consul|senator|MP|judge|prosecutor|negotiator|adviser|advisor|citizen|national|husband|wife|son|daughter)\s*,?\s*$/;
/** "Presidents Lula and Peña": the second name of a pair under one plural title is a person's too. */
const PAIR_TITLE = /\b(?:Presidents|Ministers|Leaders|Premiers|Ambassadors|Envoys|Senators|Generals|Kings)\s+\p{Lu}[\p{L}'’-]+\s+and\s+$/u;
const ORGANIZATION_CUES =
  /\b(group|organi[sz]ation|NGO|charity|movement|party|agency|network|coalition|centre|center|alliance|outlet|newspaper|broadcaster)\s*$/;
const COMPANY_CUES = /\b(company|firm|carrier|airline|bank|group|conglomerate|producer|exporter|operator)\s*$/;

/** Splits a run of capitalised words into a name, dropping titles and sentence furniture, and guesses its kind. */
export function classifySpan(words: Array<{ text: string; index: number; end: number }>, before: string): NameSpan | null {
  let first = 0;
  let hadTitle = false;
  // "the Foreign Office": keep the title words when they are the body's own name
  const withoutTitles = (w: string) => (ORGANIZATION_WORDS.test(words.map((x) => x.text).join(' ')) ? NOT_NAMES.has(w) : isFurniture(w));
  while (first < words.length && withoutTitles(words[first]?.text ?? '')) {
    hadTitle ||= TITLE_WORDS.has(words[first]?.text ?? '');
    first += 1;
  }
  const kept = words.slice(first);
  const head = kept[0];
  const tail = kept[kept.length - 1];
  if (!head || !tail || /^(of|for|the|and|de|da|del|la|van|von|al|bin)$/.test(tail.text)) return null;
  const name = kept.map((w) => w.text).join(' ');
  const kind = guessKind(name, kept.length, hadTitle || PERSON_CUES.test(before) || PAIR_TITLE.test(before), before);
  return kind ? { index: head.index, end: tail.end, name, kind } : null;
}

function isFurniture(word: string): boolean {
  return TITLE_WORDS.has(word) || NOT_NAMES.has(word) || /^[a-z]/.test(word);
}

function guessKind(name: string, length: number, personCue: boolean, before: string): ActorKind | null {
  // "the Ministry of Foreign Affairs": a state's office, resolved as that state's (coreference.ts), no body of its own
  if (new RegExp(`^(?:${GENERIC_MINISTRY.source})$`).test(name)) return null;
  if (PLACE_NAME.test(name) && !ORGANIZATION_CUES.test(before) && !COMPANY_CUES.test(before)) return null;
  if (COMPANY_CUES.test(before) && !ORGANIZATION_CUES.test(before)) return 'company';
  if (ORGANIZATION_CUES.test(before)) return 'organization';
  if (GOVERNMENT_WORDS.test(name)) return 'government_body';
  if (COMPANY_WORDS.test(name) && !ORGANIZATION_WORDS.test(name)) return 'company';
  if (ORGANIZATION_WORDS.test(name)) return 'organization';
  if (personCue) return 'person';
  // "clashed at Khalkhin Gol", "talks in Ras Lanuf": an unknown name told as where something happens is a place
  if (/\b(?:in|at|near|outside|inside)\s+(?:the\s+)?$/i.test(before)) return null;
  // "Luiz Inácio Lula da Silva": a particle makes a fifth word, not a longer name
  const words = length - (name.match(/\s(?:de|da|del|dos|das|do|di|du|van|von|der|den|bin|ibn|al)\s/g)?.length ?? 0);
  if (words >= 2 && words <= 4) return 'person';
  return null; // a lone unknown capitalised word is too often not an actor at all
}
