import { checkFacts } from '../../../src/ingest/check-facts';
import { FactsFile, type Facts } from '../../../src/domain/model';
import { smallFacts } from '../../helpers/facts-fixtures';

const facts = (id: string): Facts => FactsFile.parse(smallFacts(id)) as Facts;

describe('checkFacts', () => {
  test('passes a well-formed file', () => {
    expect(checkFacts([{ file: 'a.yaml', facts: facts('a') }], new Set())).toEqual([]);
  });

  test('lets several files define the same actor alike, but not as different kinds', () => {
    const a = facts('a');
    const b = facts('b');
    expect(
      checkFacts(
        [
          { file: 'a.yaml', facts: a },
          { file: 'b.yaml', facts: b },
        ],
        new Set(),
      ),
    ).toEqual([]);
    b.actors[0]!.kind = 'person';
    expect(
      checkFacts(
        [
          { file: 'a.yaml', facts: a },
          { file: 'b.yaml', facts: b },
        ],
        new Set(),
      ),
    ).toEqual([{ file: 'b.yaml', path: 'actors[0].kind', reason: '"freedonia" is a state in a.yaml, here a person' }]);
  });

  test('resolves references to actors the database already has', () => {
    const f = facts('a');
    f.events[0]!.participants.push({ actor: 'belarus', role: 'mediator' });
    expect(checkFacts([{ file: 'a.yaml', facts: f }], new Set())).toHaveLength(1);
    expect(checkFacts([{ file: 'a.yaml', facts: f }], new Set(['belarus']))).toEqual([]);
  });

  test('refuses a quote from another article and a reaction about an unknown event', () => {
    const f = facts('a');
    f.events[0]!.sources[0]!.article = 'other-article';
    f.reactions.push({ author: 'x', text: 'y', stance: 'mixed', about: ['nothing'] });
    expect(checkFacts([{ file: 'a.yaml', facts: f }], new Set()).map((p) => p.path)).toEqual(['reactions[0].about[0]', 'events[0].sources[0].article']);
  });
});
