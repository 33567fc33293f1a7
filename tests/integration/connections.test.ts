import { ConnectionsAnswer } from '../../src/connections/connections.schemas';
import type { Db } from '../../src/db/query';
import { getError, getOk, type RunningApp, useSeededApp } from '../helpers/test-app';

/** How two actors are connected, over the seed in the real Neo4j (paths found by the database's shortest-path search). */
let db: Db;
let app: RunningApp;

useSeededApp((suite) => ({ db, app } = suite));

const names = (path: ConnectionsAnswer['paths'][number]) => path.actors.map((a) => a.id).join(' > ');

test('Donald Trump is three steps from Ales Bialiatski, and every step says what joins it', async () => {
  const body = await getOk(app, '/api/connections?from=donald-trump&to=ales-bialiatski', ConnectionsAnswer);
  expect(body.message).toBeNull();
  expect(body.paths.length).toBe(3);
  expect(body.paths.map((p) => p.length)).toEqual([3, 3, 3]);
  for (const path of body.paths) expect(new Set(path.actors.map((a) => a.id)).size).toBe(path.actors.length);
  expect(body.paths.map(names)).toEqual(
    expect.arrayContaining(['donald-trump > united-states > belarus > ales-bialiatski', 'donald-trump > john-coale > belarus > ales-bialiatski']),
  );
  for (const path of body.paths) {
    expect(path.actors[0]!.id).toBe('donald-trump');
    expect(path.actors.at(-1)!.id).toBe('ales-bialiatski');
    for (const hop of path.hops) expect(hop.events.length + hop.roles.length).toBeGreaterThan(0);
  }
  const viaCoale = body.paths.find((p) => names(p) === 'donald-trump > john-coale > belarus > ales-bialiatski')!;
  const [nominated, envoy, statement] = viaCoale.hops;
  expect(nominated!.events.map((e) => e.id)).toEqual(['nomination-coale-envoy-belarus']);
  expect(nominated!.roles).toEqual([expect.objectContaining({ holder: 'john-coale', role: 'lawyer_for' })]);
  expect(envoy!.roles.map((r) => r.role)).toContain('envoy_to');
  expect(envoy!.events.map((e) => e.date.start)).toEqual([...envoy!.events.map((e) => e.date.start)].sort().reverse());
  expect(envoy!.sharedEvents).toBeGreaterThanOrEqual(envoy!.events.length);
  expect(statement!.events.map((e) => e.id)).toEqual(['statement-viasna-1200-prisoners']);
});

test('via roles alone, only affiliations join the steps; via events alone, only shared events', async () => {
  const roles = await getOk(app, '/api/connections?from=ales-bialiatski&to=viasna&via=roles', ConnectionsAnswer);
  expect(roles.paths.map(names)).toEqual(['ales-bialiatski > viasna']);
  expect(roles.paths[0]!.hops[0]!.roles).toEqual([expect.objectContaining({ holder: 'ales-bialiatski', role: 'founder_of' })]);
  const events = await getOk(app, '/api/connections?from=donald-trump&to=ales-bialiatski&via=events', ConnectionsAnswer);
  for (const hop of events.paths.flatMap((p) => p.hops)) expect(hop.sharedEvents).toBeGreaterThan(0);
  expect(events.paths.map(names)).not.toContain('donald-trump > john-coale > belarusian-political-prisoners > ales-bialiatski');
});

test('no path within the limit is an empty answer that says so', async () => {
  const body = await getOk(app, '/api/connections?from=donald-trump&to=ales-bialiatski&maxHops=2', ConnectionsAnswer);
  expect(body.paths).toEqual([]);
  expect(body.message).toBe('Donald Trump and Ales Bialiatski are not connected through shared events or roles within 2 steps.');
  const roles = await getOk(app, '/api/connections?from=donald-trump&to=ales-bialiatski&via=roles&maxHops=5', ConnectionsAnswer);
  expect(roles.paths).toEqual([]);
  expect(roles.message).toContain('through roles within 5 steps');
});

test('the same actor twice, an unknown actor, and bad limits are refused, naming the field', async () => {
  const same = await getError(app, '/api/connections?from=belarus&to=belarus');
  expect(same.status).toBe(400);
  expect(same.body.details).toEqual([expect.objectContaining({ path: 'to' })]);
  const unknown = await getError(app, '/api/connections?from=belarus&to=atlantis');
  expect(unknown.status).toBe(404);
  expect(unknown.body.error).toContain('atlantis');
  for (const [query, field] of [
    ['maxHops=6', 'maxHops'],
    ['maxHops=0', 'maxHops'],
    ['via=trains', 'via'],
  ]) {
    const bad = await getError(app, `/api/connections?from=belarus&to=viasna&${query}`);
    expect(bad.status).toBe(400);
    expect(bad.body.details?.map((d) => d.path)).toEqual([field]);
  }
  expect((await getError(app, '/api/connections?from=belarus')).body.details?.map((d) => d.path)).toEqual(['to']);
});
