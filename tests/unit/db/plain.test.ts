import neo4j from 'neo4j-driver';
import { toPlain } from '../../../src/db/plain';

describe('toPlain', () => {
  test('Integers become numbers and temporal values ISO strings, inside maps and lists at any depth', () => {
    const value = {
      n: neo4j.int(42),
      day: new neo4j.types.Date(2025, 10, 1),
      list: [neo4j.int(1), 2.5, 'x', null, [neo4j.int(-3)]],
      map: { nested: { total: neo4j.int(7), missing: undefined } },
    };
    expect(toPlain(value)).toEqual({ n: 42, day: '2025-10-01', list: [1, 2.5, 'x', null, [-3]], map: { nested: { total: 7, missing: null } } });
  });

  test('strings, numbers and booleans are returned as they are; null and undefined as null', () => {
    expect([toPlain('a'), toPlain(0), toPlain(false), toPlain(null), toPlain(undefined)]).toEqual(['a', 0, false, null, null]);
  });

  test('a value of another class (a node) is walked by its own fields', () => {
    const node = new neo4j.types.Node(neo4j.int(5), ['Actor'], { id: 'belarus', eventTotal: neo4j.int(3) }, 'element-5');
    expect(toPlain(node)).toEqual({ identity: 5, labels: ['Actor'], properties: { id: 'belarus', eventTotal: 3 }, elementId: 'element-5' });
  });

  test("the driver's maps and lists are converted where they are, not copied", () => {
    const list = [neo4j.int(1), 'kept'];
    const map = { list, n: neo4j.int(2), text: 'kept' };
    const plain = toPlain(map) as typeof map;
    expect(plain).toBe(map);
    expect(plain.list).toBe(list);
    expect(plain).toEqual({ list: [1, 'kept'], n: 2, text: 'kept' });
  });
});
