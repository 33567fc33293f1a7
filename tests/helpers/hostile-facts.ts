/**
 * Facts whose every text breaks naive writers and strict readers: commas, quotes, `<`, `&`, line breaks,
 * Cyrillic, Arabic and emoji in names, titles, places, figures and quotes.
 */
export const HOSTILE = {
  person: 'Ana "Nena" O\'Brien, Jr. <AO> & Co\nsecond line 🕊️',
  state: 'Рэспубліка Беларусь',
  league: 'جامعة الدول العربية',
  place: 'Minsk, "old town" <centre> & 🏛️',
};

const QUOTE_TALKS = `${HOSTILE.person} met the ${HOSTILE.league} delegation in Minsk, "finally" & <at last> 🤝.`;
const QUOTE_RELEASE = `${HOSTILE.state} freed 12 prisoners, "it said" & <confirmed>, on 3 May.`;

export const HOSTILE_QUOTES = [QUOTE_TALKS, QUOTE_RELEASE];

export const hostileFacts = {
  article: {
    id: 'hostile-article',
    title: `Report, "hostile" & <names> — ${HOSTILE.state} 🗞️`,
    publisher: 'Gazette, "Daily" & Co',
    url: 'https://example.org/a?x=1&y=<2>',
    publishedAt: '2024-05-04',
    text: `Intro, "quoted" & <tagged>.\n${QUOTE_TALKS}\n${QUOTE_RELEASE}`,
  },
  actors: [
    { id: 'hostile-person', name: HOSTILE.person, kind: 'person', aliases: ['Ана, "мл."', 'آنا & <ش>'] },
    { id: 'hostile-state', name: HOSTILE.state, kind: 'state' },
    { id: 'hostile-league', name: HOSTILE.league, kind: 'organization' },
  ],
  events: [
    {
      id: 'hostile-talks',
      type: 'talks',
      title: `${HOSTILE.person} meets <the League> & friends\r\nin Minsk — встреча في مينسك 🤝`,
      date: { start: '2024-05-01', end: '2024-05-02' },
      place: HOSTILE.place,
      participants: [
        { actor: 'hostile-person', role: 'host' },
        { actor: 'hostile-league', role: 'guest' },
      ],
      sources: [{ quote: QUOTE_TALKS }],
    },
    {
      id: 'hostile-release',
      type: 'prisoner_release',
      title: `${HOSTILE.state} frees 12, "finally"`,
      date: { start: '2024-05-03' },
      figures: { count: 12, unit: 'prisoners, "political" & <other>', approximate: false },
      participants: [
        { actor: 'hostile-state', role: 'agent' },
        { actor: 'hostile-person', role: 'beneficiary' },
      ],
      sources: [{ quote: QUOTE_RELEASE }],
    },
  ],
  affiliations: [{ actor: 'hostile-person', counterpart: 'hostile-state', role: 'envoy_to', title: 'Envoy, "acting" & <special> ✉️', from: '2024-02' }],
  links: [{ from: 'hostile-release', to: 'hostile-talks', kind: 'follows' }],
};
