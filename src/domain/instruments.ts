/**
 * The legal instrument a sanctions event names, recognised in its sentences by a short list of patterns:
 * a US executive order, an EU regulation or decision, a UN Security Council resolution, the Global Magnitsky
 * Act. Each match is written one way ("Executive Order 14024"), so two reports of one instrument agree.
 * Anything else is not guessed at: no match, no instrument.
 */

interface Pattern {
  find: RegExp;
  name: (match: RegExpExecArray) => string;
}

const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();

const PATTERNS: Pattern[] = [
  {
    find: /\b(?:Executive\s+Order|E\.\s?O\.)\s*(?:No\.?\s*|Number\s+)?(\d{4,5})\b/i,
    name: (m) => `Executive Order ${m[1]}`,
  },
  {
    // "Council Regulation (EU) No 765/2006", "Council Implementing Decision (CFSP) 2024/1865"
    find: /\b(Implementing\s+)?(Regulation|Decision)\s*\((EU|EC|CFSP)\)\s*(?:No\.?\s*)?(\d{2,4}\/\d{1,4})/i,
    name: (m) => `${m[1] ? 'Implementing ' : ''}${capitalised(m[2] ?? '')} (${(m[3] ?? '').toUpperCase()}) ${m[4]}`,
  },
  {
    find: /\b(?:U\.?N\.?\s+|United\s+Nations\s+)?Security\s+Council\s+Resolution\s+(\d{3,4})\b/i,
    name: (m) => `UN Security Council Resolution ${m[1]}`,
  },
  {
    // "resolution 2231 (2015) of the UN Security Council"
    find: /\bResolution\s+(\d{3,4})(?:\s*\(\d{4}\))?\s+(?:of|by)\s+the\s+(?:U\.?N\.?\s+|United\s+Nations\s+)?Security\s+Council\b/i,
    name: (m) => `UN Security Council Resolution ${m[1]}`,
  },
  {
    find: /\bUNSCR?\s*(\d{3,4})\b/,
    name: (m) => `UN Security Council Resolution ${m[1]}`,
  },
  {
    find: /\bGlobal\s+Magnitsky\b/i,
    name: () => 'Global Magnitsky Act',
  },
];

/** The instrument named first in the text, or null when it names none the patterns know. */
export function instrumentIn(text: string): string | null {
  let first: { at: number; name: string } | null = null;
  for (const { find, name } of PATTERNS) {
    const match = find.exec(text);
    if (match && (first === null || match.index < first.at)) first = { at: match.index, name: name(match) };
  }
  return first?.name ?? null;
}
