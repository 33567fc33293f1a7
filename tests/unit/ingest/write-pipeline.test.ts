import { FactsFile, type Facts } from '../../../src/domain/model';
import { toGraphRows, type GraphRows } from '../../../src/ingest/graph-rows';
import { dependsOn, footprintOf, WrittenActors } from '../../../src/ingest/write-pipeline';
import { smallFacts, type SmallFacts } from '../../helpers/facts-fixtures';

const rows = (facts: SmallFacts): GraphRows => toGraphRows(FactsFile.parse(facts) as Facts);

/** An article naming only actors defined elsewhere (the load's earlier batches, or the database). */
function naming(id: string): SmallFacts {
  const facts = smallFacts(id);
  facts.actors = [];
  return facts;
}

describe('which batches of a load may be written at the same time', () => {
  test('a batch naming an actor an earlier batch writes waits for it; one naming only other things does not', () => {
    const earlier = footprintOf([rows(smallFacts('one'))]);
    expect(dependsOn(footprintOf([rows(naming('two'))]), earlier)).toBe(true);
    const elsewhere = naming('three');
    for (const event of elsewhere.events) for (const p of event.participants) p.actor = p.actor === 'freedonia' ? 'atlantis' : 'lilliput';
    expect(dependsOn(footprintOf([rows(elsewhere)]), earlier)).toBe(false);
  });

  test('a batch linking to an event an earlier batch writes waits for it', () => {
    const earlier = footprintOf([rows(smallFacts('one'))]);
    const linking = naming('two');
    linking.actors = [{ id: 'atlantis', name: 'Atlantis', kind: 'state' }];
    for (const event of linking.events) for (const p of event.participants) p.actor = 'atlantis';
    expect(dependsOn(footprintOf([rows(linking)]), earlier)).toBe(false);
    linking.links = [{ from: 'talks-two', to: 'talks-one', kind: 'follows' }];
    expect(dependsOn(footprintOf([rows(linking)]), earlier)).toBe(true);
  });

  test('two batches stating the same affiliation are written in order', () => {
    const affiliated = (id: string) => {
      const facts = naming(id);
      for (const event of facts.events) for (const p of event.participants) p.actor = `${id}-someone`;
      facts.actors = [{ id: `${id}-someone`, name: id, kind: 'person' }];
      facts.affiliations = [{ actor: 'envoy', counterpart: 'freedonia', role: 'member_of' }];
      return footprintOf([rows(facts)]);
    };
    expect(dependsOn(affiliated('two'), affiliated('one'))).toBe(true);
  });
});

describe('the actor rows a load leaves out', () => {
  test('an actor written as it stands is left out; one whose row changes is written again', () => {
    const written = new WrittenActors();
    const ids = (batch: GraphRows[]) => batch.flatMap((r) => r.actors.map((a) => a.id));
    expect(ids(written.leaveOutUnchanged([rows(smallFacts('one'))]))).toEqual(['freedonia', 'sylvania']);
    expect(ids(written.leaveOutUnchanged([rows(smallFacts('two'))]))).toEqual([]);
    const renamed = smallFacts('three');
    renamed.actors[0] = { ...renamed.actors[0]!, name: 'Freedonia Republic' };
    expect(ids(written.leaveOutUnchanged([rows(renamed)]))).toEqual(['freedonia']);
    // Back to the first name: not what the load wrote last, so written again.
    expect(ids(written.leaveOutUnchanged([rows(smallFacts('four'))]))).toEqual(['freedonia']);
  });
});
