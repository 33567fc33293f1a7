import { NotFoundError } from '../../../src/domain/errors';
import { readNewWatchlist, readWatchlistChanges, unknownActorError } from '../../../src/pages/watch-form';

/** The watchlist forms read through the API's schemas: what they take, and each refusal under its form field. */

const form = (fields: Record<string, string>) => ({ name: 'Belarus', actor: '', other: '', type: '', webhook: '', ...fields });

test('empty menus follow nothing in particular; an empty webhook is none for a new watchlist and removes it on a change', () => {
  const created = readNewWatchlist(form({ actor: 'belarus' }));
  expect(created).toMatchObject({ ok: true, input: { name: 'Belarus', follow: { actor: 'belarus' } } });
  expect(created.ok && created.input.webhook).toBeUndefined();
  const changed = readWatchlistChanges(form({ type: 'talks', webhook: '  ' }));
  expect(changed).toMatchObject({ ok: true, input: { name: 'Belarus', follow: { type: 'talks' }, webhook: null } });
});

test("each refusal is named by the form's field, with the API's words", () => {
  const refused = (fields: Record<string, string>) => {
    const result = readWatchlistChanges(form(fields));
    return result.ok ? {} : result.errors;
  };
  expect(refused({})).toEqual({ actor: 'follow an actor, a pair of actors, a type, or an actor and a type' });
  expect(refused({ actor: 'belarus', other: 'belarus' })).toEqual({ other: 'a pair is two different actors' });
  expect(refused({ other: 'belarus', type: 'talks' })).toEqual({ actor: 'a pair needs its first actor' });
  expect(Object.keys(refused({ name: ' ', actor: 'belarus', type: 'no_such_type', webhook: 'ftp://example.org' })).sort()).toEqual(['name', 'type', 'webhook']);
  // A repeated field arrives as a list: read as empty, and refused as such.
  expect(readNewWatchlist({ ...form({ actor: 'belarus' }), name: ['a', 'b'] })).toMatchObject({ ok: false, values: { name: '' } });
});

test('an actor the knowledge base does not know is a problem of the field that named it; other errors are not the form’s', () => {
  const values = form({ actor: 'belarus', other: 'atlantis' });
  expect(unknownActorError(new NotFoundError('actor', 'atlantis'), values)).toEqual({ other: 'is not an actor of the knowledge base' });
  expect(unknownActorError(new NotFoundError('actor', 'belarus'), values)).toEqual({ actor: 'is not an actor of the knowledge base' });
  expect(unknownActorError(new NotFoundError('watchlist', 'wl-0'), values)).toBeUndefined();
  expect(unknownActorError(new Error('down'), values)).toBeUndefined();
});
