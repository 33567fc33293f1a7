import type { Db } from '../../src/db/query';
import { ActorDetail, ROLES_SHOWN } from '../../src/actors/actors.schemas';
import { loadFacts } from '../helpers/browse-fixtures';
import { getOk, startTestApp, type RunningApp } from '../helpers/test-app';
import { openTestDb, resetToSeed } from '../helpers/test-db';

/** A profile stays bounded for an actor with very many roles: the latest are listed, all are counted. */

let db: Db;
let app: RunningApp;
const ROLES = ROLES_SHOWN + 5;

beforeAll(async () => {
  db = openTestDb();
  await resetToSeed(db);
  const states = Array.from({ length: ROLES }, (_, i) => ({ id: `state-${i}`, name: `State ${i}`, kind: 'state' }));
  const sentences = states.map((s, i) => `Envoy Many has been envoy to ${s.name} since ${1900 + i}.`);
  await loadFacts(db, {
    article: { id: 'article-many-roles', title: 'Many roles', publishedAt: '2024-01-01', text: sentences.join(' ') },
    actors: [{ id: 'envoy-many', name: 'Envoy Many', kind: 'person' }, ...states],
    affiliations: states.map((s, i) => ({
      actor: 'envoy-many',
      counterpart: s.id,
      role: 'envoy_to',
      from: String(1900 + i),
      source: { quote: sentences[i] },
    })),
  });
  app = await startTestApp(db);
});

afterAll(async () => {
  await app.close();
  await db.driver.close();
});

test(`a profile lists the latest ${ROLES_SHOWN} roles and counts all of them`, async () => {
  const body = await getOk(app, '/api/actors/envoy-many', ActorDetail);
  expect(body.roleCount).toBe(ROLES);
  expect(body.roles).toHaveLength(ROLES_SHOWN);
  const years = body.roles.map((r) => Number(r.from));
  expect(Math.min(...years)).toBe(1900 + ROLES - ROLES_SHOWN);
  expect(Math.max(...years)).toBe(1900 + ROLES - 1);
  expect([...years].sort((a, b) => a - b)).toEqual(years);
});

test('the other side: a state held toward by one envoy counts one', async () => {
  const body = await getOk(app, '/api/actors/state-3', ActorDetail);
  expect(body.heldByCount).toBe(1);
  expect(body.heldBy.map((r) => r.actor.id)).toEqual(['envoy-many']);
});

test('the page says how many roles it leaves out', async () => {
  const response = await fetch(`${app.baseUrl}/actors/envoy-many`);
  expect(response.status).toBe(200);
  expect(await response.text()).toContain(`The latest ${ROLES_SHOWN} of ${ROLES} roles.`);
});
