import type { EventType } from '../../../../src/domain/model';
import { extract } from '../../../../src/ingest/extract';

const published = '2025-06-14'; // a Saturday

function eventsOf(text: string) {
  return extract({ text, publishedAt: published }, []).events.map((e) => ({ type: e.type, agents: e.agents, targets: e.targets, date: e.date }));
}

describe('event classification', () => {
  const cases: Array<[string, EventType, string]> = [
    ['Chilean President Ana Rojas hosted Peruvian Foreign Minister Luis Vega in Santiago on Thursday.', 'talks', 'ana-rojas'],
    ['The Finnish government nominated veteran diplomat Mikko Laine as ambassador to Japan on Monday.', 'nomination', 'finland'],
    ['Belarus released 14 political prisoners on Friday.', 'prisoner_release', 'belarus'],
    ['President Ana Rojas pardoned 300 inmates to mark the holiday on Tuesday.', 'pardon', 'ana-rojas'],
    ['The European Union lifted sanctions on Syrian banks on Wednesday.', 'sanctions_lifted', 'european-union'],
    ['Canada imposed sanctions on six Nicaraguan officials on Monday.', 'sanctions_imposed', 'canada'],
    ['Serbia and Kosovo signed an agreement on energy in Brussels on Friday.', 'agreement', 'serbia'],
    ['Egypt and Turkey restored full diplomatic relations on Thursday.', 'relations_restored', 'egypt'],
    ['Prime Minister Nadia Haddad said Tunisia aims to normalise relations with Libya.', 'intent', 'tunisia'],
    ['According to the rights group Open Door, about 400 activists remain in prison in Algeria.', 'statement', 'open-door'],
    ['Ghana welcomed the release of the sailors.', 'endorsement', 'ghana'],
    ['Norway condemned the attack on the embassy.', 'criticism', 'norway'],
    ['The United Nations urged Sudan to protect civilians.', 'appeal', 'united-nations'],
    ['Police in Minsk arrested two journalists on Wednesday.', 'detention', 'belarus'],
    ['Georgia held parliamentary elections in 2024.', 'election', 'georgia'],
    ["Iran's support for Russia's invasion of Ukraine drew criticism from London.", 'military_support', 'iran'],
  ];

  it.each(cases)('%s → %s by %s', (text, type, agent) => {
    const found = eventsOf(text).filter((e) => e.type === type);
    expect(found).toHaveLength(1);
    expect(found[0]?.agents).toContain(agent);
  });

  it('reads two events from one sentence with their own agents', () => {
    const events = eventsOf('Caracas freed ten American citizens, while Washington released 80 Venezuelans on Friday.');
    expect(events.map((e) => [e.type, e.agents])).toEqual([
      ['prisoner_release', ['venezuela']],
      ['prisoner_release', ['united-states']],
    ]);
  });

  it('splits a prisoner exchange into one release by each side, beside the exchange by both', () => {
    const events = eventsOf('Russia and Belarus exchanged prisoners on Friday.');
    expect(events.map((e) => [e.type, e.agents])).toEqual([
      ['prisoner_release', ['russia']],
      ['prisoner_release', ['belarus']],
      ['prisoner_exchange', ['russia', 'belarus']],
    ]);
    expect(new Set(events.map((e) => e.date?.start)).size).toBe(1);
  });

  it.each([
    ['Poland expelled two Russian diplomats on Monday.', 'diplomats_expelled', ['poland']],
    ['Ecuador broke off diplomatic relations with Mexico on Monday.', 'relations_severed', ['ecuador']],
    ['Sweden recalled its ambassador from Ankara on Monday.', 'ambassador_recalled', ['sweden']],
    ['Lithuania closed its consulate in Kaliningrad on Monday.', 'embassy_closed', ['lithuania']],
    ['Iran rejected the proposal on Monday.', 'rejection', ['iran']],
    ['China threatened new tariffs on Monday.', 'threat', ['china']],
    ['Armenia and Azerbaijan agreed a ceasefire on Monday.', 'ceasefire', ['armenia', 'azerbaijan']],
    ['Serbia and Kosovo signed a peace agreement on Monday.', 'peace_agreement', ['serbia', 'kosovo']],
    ['The Turkish parliament ratified the protocol on Monday.', 'treaty_ratified', ['turkey']],
    ['Russia withdrew from the arms control treaty on Monday.', 'treaty_withdrawal', ['russia']],
    ['Japan pledged $50 million in humanitarian aid to Syria on Monday.', 'aid_pledged', ['japan']],
    ['Norway delivered humanitarian aid to Ukraine on Monday.', 'aid_provided', ['norway']],
    ['Greece and Egypt held a joint naval exercise on Monday.', 'cooperation', ['greece', 'egypt']],
    ['A Moscow court sentenced the American journalist to 16 years on Monday.', 'conviction', ['russia']],
    ['Russia massed troops on the Ukrainian border on Monday.', 'mobilization', ['russia']],
    ['Georgian students rallied outside the parliament on Monday.', 'protest', ['georgian-students']],
    ['Russia shelled Kharkiv on Monday.', 'armed_attack', ['russia']],
  ])('%s → %s', (sentence, type, agents) => {
    const events = eventsOf(sentence);
    expect(events.map((e) => e.type)).toEqual([type]);
    expect(events[0]?.agents).toEqual(expect.arrayContaining(agents));
  });

  it('an attack only alleged is the accusation, and a threat to act is no act', () => {
    expect(eventsOf('Sudan accused Chad of shelling a border town on Monday.').map((e) => e.type)).toEqual(['criticism']);
    expect(eventsOf('Poland threatened on Monday to expel Russian diplomats.').map((e) => e.type)).toEqual(['threat']);
  });

  it('reads a passive nomination: agent from the "by" phrase, target from the subject', () => {
    const [event] = eventsOf('Maria Costa was appointed as envoy to Angola by President Joao Silva on June 2, 2025.');
    expect(event).toMatchObject({ type: 'nomination', agents: ['joao-silva'], targets: ['maria-costa'] });
    expect(event?.date).toEqual({ start: '2025-06-02', end: null, precision: 'day' });
  });

  it('treats a planned act as an intent and a demanded one as part of the appeal', () => {
    expect(eventsOf('Mexico will reopen its embassy in Quito next month.').map((e) => e.type)).toEqual(['intent']);
    expect(eventsOf('France called on Iran to release the academic.').map((e) => e.type)).toEqual(['appeal']);
  });

  it('reports nothing for topics, negations and sentences without an event', () => {
    expect(eventsOf('The meetings focused on the release of political prisoners.')).toEqual([]);
    expect(eventsOf('The ministry denied that any agreement had been reached.')).toEqual([]);
    expect(eventsOf('The weather in Geneva was mild.')).toEqual([]);
  });
});
