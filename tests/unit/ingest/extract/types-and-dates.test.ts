import type { EventType } from '../../../../src/domain/model';
import { extract } from '../../../../src/ingest/extract';
import { findDates } from '../../../../src/ingest/extract/dates';

/** The dates phrases placed after an act told just before them take, counted from that act's day. */
describe('dates counted from the act told before', () => {
  const dateOf = (text: string, previousDay: string | null, publishedAt = '1993-10-23') => {
    const found = findDates(text, publishedAt, previousDay);
    expect(found).toHaveLength(1);
    return found[0]?.date;
  };

  it('"afterwards" and "that evening" are the day before them; "the next morning" the day after', () => {
    expect(dateOf('Afterwards, Orlov said 2,500 families were still living in the barracks.', '1993-09-01')).toEqual({
      start: '1993-09-01',
      end: null,
      precision: 'day',
    });
    expect(dateOf('the minister told reporters afterwards that 43 fishermen were held', '2002-07-18')?.start).toBe('2002-07-18');
    expect(dateOf('and the president spoke by telephone that evening', '2002-07-18')?.start).toBe('2002-07-18');
    const both = findDates('The last soldiers left on 31 August, and the president thanked Moscow the next morning.', '1993-10-23');
    expect(both.map((m) => m.date.start)).toEqual(['1993-08-31', '1993-09-01']);
  });

  it('"later that week" runs from the next day to that Sunday', () => {
    // 4 August 1993 was a Wednesday
    expect(dateOf('Later that week, Lithuania expelled a Russian attache.', '1993-08-04')).toEqual({
      start: '1993-08-05',
      end: '1993-08-08',
      precision: 'day',
    });
  });

  it('"later that month" is the month, "the following month" and "a year later" the next ones', () => {
    expect(dateOf('Lithuania and Russia signed a protocol later that month.', '1993-09-01')).toEqual({ start: '1993-09-01', end: null, precision: 'month' });
    expect(dateOf('The two governments held talks in Moscow the following month.', '1993-09-01')).toEqual({
      start: '1993-10-01',
      end: null,
      precision: 'month',
    });
    expect(dateOf('A year later the treaty was ratified.', '1992-03-04', '1995-01-01')).toEqual({ start: '1993-01-01', end: null, precision: 'year' });
  });

  it('without an act before them they date nothing', () => {
    expect(findDates('Afterwards, Orlov said the families were still there.', '1993-10-23', null)).toEqual([]);
  });
});

function eventsOf(text: string, publishedAt = '1985-03-16') {
  return extract({ text, publishedAt }, []).events.map((e) => ({ type: e.type, agents: e.agents, date: e.date }));
}

/** Aid promised and aid delivered, read by the rules alone (without the parser). */
describe('aid pledged and provided', () => {
  const cases: Array<[string, EventType, string, string]> = [
    ['The European Community put up a further 25 million ecus for seed on Thursday.', 'aid_pledged', 'european-community', '1985-03-14'],
    ["Canada's contribution came to 12 million Canadian dollars on Thursday.", 'aid_pledged', 'canada', '1985-03-14'],
    ['Kuwait released $5 million from its development fund on Friday to buy grain for Niger.', 'aid_provided', 'kuwait', '1985-03-15'],
    ['France flew 20 tonnes of medicines into Niamey on Wednesday.', 'aid_provided', 'france', '1985-03-13'],
    ['Japan handed over 500 tonnes of rice to Niger on Friday.', 'aid_provided', 'japan', '1985-03-15'],
  ];

  it.each(cases)('%s → %s by %s', (text, type, agent, day) => {
    const found = eventsOf(text).filter((e) => e.type === type);
    expect(found).toHaveLength(1);
    expect(found[0]?.agents).toContain(agent);
    expect(found[0]?.date?.start).toBe(day);
  });

  it('money released is not a release of prisoners; people released still are', () => {
    expect(eventsOf('Kuwait released $5 million from its development fund on Friday.').map((e) => e.type)).not.toContain('prisoner_release');
    expect(eventsOf('Kuwait released 12 prisoners on Friday.').map((e) => e.type)).toContain('prisoner_release');
  });
});

describe('statements', () => {
  it('a quotation from a source the article leaves unnamed is commentary, not a statement', () => {
    expect(eventsOf('"It is the same promise we heard before," one Australian official said.', '2011-05-14')).toEqual([]);
  });

  it('the same quotation from a named source is a statement', () => {
    const events = eventsOf('"It is the same promise we heard before," Australia\'s foreign minister said.', '2011-05-14');
    expect(events.map((e) => [e.type, e.agents])).toEqual([['statement', ['australia']]]);
  });
});
