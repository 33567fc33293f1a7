import { instrumentIn } from '../../../src/domain/instruments';
import { deriveMeasures, inForceOn, measureKeys, type KnownDate, type SanctionsEvent, type SanctionsParticipant } from '../../../src/domain/sanctions';

const day = (date: string): KnownDate => ({ date, precision: 'day' });
const month = (date: string): KnownDate => ({ date: `${date}-01`, precision: 'month' });

const agent = (actor: string): SanctionsParticipant => ({ actor, role: 'agent', kind: 'state' });
const target = (actor: string, kind = 'state'): SanctionsParticipant => ({ actor, role: 'target', kind });
const beneficiary = (actor: string, kind = 'state'): SanctionsParticipant => ({ actor, role: 'beneficiary', kind });

/** An event of the Freedonia → Sylvania line: on the whole of Sylvania, or on a part of it (its airline, its grain). */
function event(id: string, type: 'imposed' | 'lifted', date: KnownDate, scope: string | null = null, text = ''): SanctionsEvent {
  const participants = scope === null ? [agent('freedonia'), target('sylvania')] : [agent('freedonia'), target(scope, 'company'), beneficiary('sylvania')];
  return { id, type: type === 'imposed' ? 'sanctions_imposed' : 'sanctions_lifted', date, participants, text };
}

const derive = (...events: SanctionsEvent[]) => deriveMeasures('freedonia', 'sylvania', events);
/** Each measure as id, span and its changes' kinds: what the rule decides, without repeating the dates. */
const outline = (...events: SanctionsEvent[]) =>
  derive(...events).map((m) => ({
    id: m.id,
    exemptionOf: m.exemptionOf,
    start: m.start?.date ?? null,
    end: m.end?.date ?? null,
    changes: m.changes.map((c) => `${c.kind}:${c.event}`),
    reimposes: m.reimposes,
  }));

describe('which measures an event touches', () => {
  test('a state target is sanctioned whole; a company with one state beneficiary is a part of that state', () => {
    expect(measureKeys({ participants: [agent('us'), target('belarus')] })).toEqual([{ authority: 'us', target: 'belarus', scope: null }]);
    expect(measureKeys({ participants: [agent('us'), target('belavia', 'company'), beneficiary('belarus')] })).toEqual([
      { authority: 'us', target: 'belarus', scope: 'belavia' },
    ]);
  });

  test('without exactly one state beneficiary the company is a target of its own; without an agent nothing', () => {
    expect(measureKeys({ participants: [agent('us'), target('acme', 'company')] })).toEqual([{ authority: 'us', target: 'acme', scope: null }]);
    const two = [agent('us'), target('acme', 'company'), beneficiary('a'), beneficiary('b')];
    expect(measureKeys({ participants: two })).toEqual([{ authority: 'us', target: 'acme', scope: null }]);
    const person = [agent('us'), target('acme', 'company'), beneficiary('someone', 'person')];
    expect(measureKeys({ participants: person })).toEqual([{ authority: 'us', target: 'acme', scope: null }]);
    expect(measureKeys({ participants: [target('belarus'), { actor: 'us', role: 'source', kind: 'state' }] })).toEqual([]);
  });

  test('every agent is an authority of every target, each pair once', () => {
    const participants = [agent('us'), agent('uk'), agent('us'), target('belarus'), target('russia')];
    expect(measureKeys({ participants }).map((k) => `${k.authority}>${k.target}`)).toEqual(['us>belarus', 'us>russia', 'uk>belarus', 'uk>russia']);
  });
});

describe('the measures of one line', () => {
  test('an imposition opens a measure; another extends it; a lift closes it', () => {
    expect(outline(event('a', 'imposed', day('2020-01-10')), event('b', 'imposed', day('2021-03-01')), event('c', 'lifted', day('2022-05-05')))).toEqual([
      {
        id: 'freedonia|sylvania|*|1',
        exemptionOf: null,
        start: '2020-01-10',
        end: '2022-05-05',
        changes: ['imposed:a', 'extended:b', 'lifted:c'],
        reimposes: null,
      },
    ]);
  });

  test('imposed again after a lift: a new measure that says which one it re-imposes', () => {
    const measures = outline(event('a', 'imposed', day('2020-01-10')), event('b', 'lifted', day('2021-01-10')), event('c', 'imposed', day('2023-01-10')));
    expect(measures.map((m) => [m.id, m.changes, m.reimposes, m.end])).toEqual([
      ['freedonia|sylvania|*|1', ['imposed:a', 'lifted:b'], null, '2021-01-10'],
      ['freedonia|sylvania|*|2', ['reimposed:c'], 'freedonia|sylvania|*|1', null],
    ]);
  });

  test('a lift before any known imposition: a measure of unknown start ending then, whole or scoped', () => {
    expect(outline(event('a', 'lifted', month('2025-09'), 'belavia'))).toEqual([
      { id: 'freedonia|sylvania|belavia|1', exemptionOf: null, start: null, end: '2025-09-01', changes: ['lifted:a'], reimposes: null },
    ]);
    expect(outline(event('a', 'lifted', day('2025-09-03')))[0]).toMatchObject({ id: 'freedonia|sylvania|*|1', start: null, end: '2025-09-03' });
  });

  test('a partial lift eases the whole measure: an exemption opens on it, and a re-imposition closes the exemption', () => {
    const measures = outline(
      event('impose', 'imposed', day('2020-01-01')),
      event('ease', 'lifted', day('2021-06-01'), 'grain'),
      event('again', 'imposed', day('2022-02-01'), 'grain'),
      event('end', 'lifted', day('2024-01-01')),
    );
    expect(measures).toEqual([
      { id: 'freedonia|sylvania|*|1', exemptionOf: null, start: '2020-01-01', end: '2024-01-01', changes: ['imposed:impose', 'lifted:end'], reimposes: null },
      {
        id: 'freedonia|sylvania|grain|1',
        exemptionOf: 'freedonia|sylvania|*|1',
        start: '2021-06-01',
        end: '2022-02-01',
        changes: ['eased:ease', 'reimposed:again'],
        reimposes: null,
      },
    ]);
  });

  test('an exemption still open ends with its measure', () => {
    const [whole, exemption] = outline(
      event('impose', 'imposed', day('2020-01-01')),
      event('ease', 'lifted', day('2021-06-01'), 'grain'),
      event('end', 'lifted', day('2024-01-01')),
    );
    expect(whole?.end).toBe('2024-01-01');
    expect(exemption).toMatchObject({ exemptionOf: whole?.id, start: '2021-06-01', end: '2024-01-01', changes: ['eased:ease'] });
  });

  test('a whole lift closes every open scoped measure of the line too', () => {
    const measures = outline(
      event('airline', 'imposed', day('2020-01-01'), 'airline'),
      event('grain', 'imposed', day('2020-02-01'), 'grain'),
      event('all', 'lifted', day('2024-01-01')),
    );
    expect(measures.map((m) => [m.id, m.end, m.changes])).toEqual([
      ['freedonia|sylvania|airline|1', '2024-01-01', ['imposed:airline', 'lifted:all']],
      ['freedonia|sylvania|grain|1', '2024-01-01', ['imposed:grain', 'lifted:all']],
    ]);
  });

  test('a scoped lift closes the scoped measure, not the whole one beside it', () => {
    const measures = outline(
      event('whole', 'imposed', day('2020-01-01')),
      event('airline', 'imposed', day('2020-02-01'), 'airline'),
      event('lift', 'lifted', day('2021-01-01'), 'airline'),
    );
    expect(measures.map((m) => [m.id, m.end, m.exemptionOf])).toEqual([
      ['freedonia|sylvania|*|1', null, null],
      ['freedonia|sylvania|airline|1', '2021-01-01', null],
    ]);
  });

  test('events are read in date order whatever order they come in; same day: the imposition first, then by id', () => {
    const a = event('a', 'imposed', day('2020-01-01'));
    const b = event('b', 'lifted', day('2021-01-01'));
    const c = event('c', 'imposed', day('2022-01-01'));
    expect(outline(c, b, a)).toEqual(outline(a, b, c));
    const sameDay = outline(event('z-lift', 'lifted', day('2020-05-05')), event('y-impose', 'imposed', day('2020-05-05')));
    expect(sameDay).toEqual([
      {
        id: 'freedonia|sylvania|*|1',
        exemptionOf: null,
        start: '2020-05-05',
        end: '2020-05-05',
        changes: ['imposed:y-impose', 'lifted:z-lift'],
        reimposes: null,
      },
    ]);
  });

  test('events of other lines and events without an agent are passed over', () => {
    const other: SanctionsEvent = { ...event('other', 'imposed', day('2020-01-01')), participants: [agent('freedonia'), target('elbonia')] };
    const nobody: SanctionsEvent = { ...event('nobody', 'imposed', day('2020-01-01')), participants: [target('sylvania')] };
    expect(derive(other, nobody)).toEqual([]);
  });

  test('a measure keeps the precision of its dates and the instrument its events name', () => {
    const [measure] = derive(
      event('a', 'imposed', month('2020-03'), null, 'The sanctions were imposed.'),
      event('b', 'lifted', { date: '2023-01-01', precision: 'year' }, null, 'Executive Order 14038 was revoked.'),
    );
    expect(measure).toMatchObject({
      start: { date: '2020-03-01', precision: 'month' },
      end: { date: '2023-01-01', precision: 'year' },
      instrument: 'Executive Order 14038',
    });
  });
});

describe('in force on a day', () => {
  const known = { start: day('2020-01-10'), end: day('2022-05-05') };

  test('from the start day until the day before the end', () => {
    expect(inForceOn(known, '2020-01-09')).toEqual({ inForce: false, certain: true });
    expect(inForceOn(known, '2020-01-10')).toEqual({ inForce: true, certain: true });
    expect(inForceOn(known, '2022-05-04')).toEqual({ inForce: true, certain: true });
    expect(inForceOn(known, '2022-05-05')).toEqual({ inForce: false, certain: true });
  });

  test('an unknown start reaches back for ever; no end, still in force', () => {
    expect(inForceOn({ start: null, end: day('2022-05-05') }, '1900-01-01')).toEqual({ inForce: true, certain: true });
    expect(inForceOn({ start: day('2020-01-10'), end: null }, '2999-12-31')).toEqual({ inForce: true, certain: true });
  });

  test('inside the month of a month-precise start or end the answer is not certain', () => {
    const vague = { start: month('2020-03'), end: month('2025-09') };
    expect(inForceOn(vague, '2020-03-15')).toEqual({ inForce: true, certain: false });
    expect(inForceOn(vague, '2020-04-01')).toEqual({ inForce: true, certain: true });
    expect(inForceOn(vague, '2025-08-31')).toEqual({ inForce: true, certain: true });
    expect(inForceOn(vague, '2025-09-30')).toEqual({ inForce: false, certain: false });
    expect(inForceOn(vague, '2025-10-01')).toEqual({ inForce: false, certain: true });
    expect(inForceOn({ start: { date: '2019-01-01', precision: 'year' }, end: null }, '2019-12-31')).toEqual({ inForce: true, certain: false });
  });
});

describe('the instrument named in a sentence', () => {
  test.each([
    ['The Treasury acted under Executive Order 14024, which targets the Russian economy.', 'Executive Order 14024'],
    ['Washington revoked E.O. 13405 on Monday.', 'Executive Order 13405'],
    ['It relies on executive order no. 13660 of 2014.', 'Executive Order 13660'],
    ['Brussels amended Council Regulation (EU) No 765/2006 to cover potash.', 'Regulation (EU) 765/2006'],
    ['The listing follows Council Decision (CFSP) 2022/266 of last February.', 'Decision (CFSP) 2022/266'],
    ['Ministers adopted Council Implementing Regulation (EU) 2024/1865 today.', 'Implementing Regulation (EU) 2024/1865'],
    ['The embargo was set by UN Security Council Resolution 1718 after the test.', 'UN Security Council Resolution 1718'],
    ['Under resolution 2231 (2015) of the Security Council the measures ended.', 'UN Security Council Resolution 2231'],
    ['Diplomats cited UNSCR 2397 in the letter.', 'UN Security Council Resolution 2397'],
    ['Three officials were designated under the Global Magnitsky programme.', 'Global Magnitsky Act'],
  ])('%s', (sentence, instrument) => {
    expect(instrumentIn(sentence)).toBe(instrument);
  });

  test('the first named wins; a sentence naming none, or only numbers and words alike, has none', () => {
    expect(instrumentIn('Under the Global Magnitsky Act and Executive Order 13818, two banks were listed.')).toBe('Global Magnitsky Act');
    expect(instrumentIn('The United States lifted sanctions on Belarusian potash.')).toBeNull();
    expect(instrumentIn('The order of 14024 tonnes of grain was cancelled; the council met in 1718.')).toBeNull();
    expect(instrumentIn('A regulation on 765 items was discussed.')).toBeNull();
  });
});
