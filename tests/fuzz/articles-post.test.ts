import fc from 'fast-check';
import { read, type Db } from '../../src/db/query';
import { startTestApp, type RunningApp } from '../helpers/test-app';
import { contentFingerprint, openTestDb, resetToSeed } from '../helpers/test-db';
import { bearer, postArticle, TOKEN } from '../security/support';
import { INJECTION_PAYLOADS, junkKey, junkValue } from './junk';
import { API_ROUTES, PAGE_ROUTES } from './routes';

/**
 * The write route under generated junk: any Authorization header but the token's is a 401 and writes
 * nothing; with the token, any body is answered without a 5xx: a JSON 400 naming the field (or 413/415),
 * and nothing written, or a 2xx: a draft readable where Location says, the graph untouched until it is
 * committed. No other route writes.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 120);
const seed = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const FIELDS = ['id', 'title', 'publisher', 'url', 'publishedAt', 'text'];
let tried = 0;

let db: Db;
let app: RunningApp;
let seedArticles: Set<string>;

beforeAll(async () => {
  db = openTestDb();
  await resetToSeed(db);
  seedArticles = new Set((await read<{ id: string }>(db, 'MATCH (a:Article) RETURN a.id AS id')).map((row) => row.id));
  app = await startTestApp(db, { KB_API_TOKEN: TOKEN, KB_WRITE_RATE_LIMIT: '100000' });
});

afterAll(async () => {
  await app.close();
  await db.driver.close();
  process.stderr.write(`write fuzz: ${tried} generated requests\n`);
});

const VALID = {
  title: 'Envoys meet in Minsk',
  publishedAt: '2025-12-16',
  text: 'President Lukashenko met John Coale in Minsk on Monday, December 15. Belarus freed 20 prisoners.',
};

const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 80 });

/** Authorization headers that are not the token: junk, other schemes, and near misses of the token. */
const wrongAuthorization = fc
  .oneof(
    printable,
    printable.map((s) => `Bearer ${s}`),
    fc.constantFrom(
      '',
      'Bearer',
      'Bearer ',
      `Basic ${Buffer.from(`neo4j:${TOKEN}`).toString('base64')}`,
      `Token ${TOKEN}`,
      `Bearer ${TOKEN}x`,
      `Bearer x${TOKEN}`,
      `Bearer ${TOKEN.slice(0, -1)}`,
      `Bearer ${TOKEN.toUpperCase()}`,
      `Bearer ${TOKEN} ${TOKEN}`,
      `Bearer "${TOKEN}"`,
      `${TOKEN}`,
      `Bearer\t${TOKEN}`,
    ),
    fc.nat({ max: TOKEN.length - 1 }).chain((i) => fc.constantFrom('0', 'z', '-', '%').map((c) => `Bearer ${TOKEN.slice(0, i)}${c}${TOKEN.slice(i + 1)}`)),
  )
  .filter((value) => value.trim() !== `Bearer ${TOKEN}`);

/** A field's value: valid, or junk of any JSON type. */
const fieldValue = (valid: string | undefined) =>
  fc.oneof(
    { weight: 6, arbitrary: valid === undefined ? junkValue : fc.constant(valid) },
    { weight: 3, arbitrary: junkValue },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(null, 0, -1, true, [], {}, ['a'], { $ne: null }, 1e308) },
    { weight: 1, arbitrary: fc.integer({ min: 100_001, max: 300_000 }).map((n) => 'y '.repeat(n / 2)) },
  );

const body: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .record(Object.fromEntries(FIELDS.map((f) => [f, fieldValue(VALID[f as keyof typeof VALID])])) as Record<string, fc.Arbitrary<unknown>>, {
        requiredKeys: [],
      })
      .chain((record) => fc.option(fc.tuple(junkKey, junkValue), { freq: 4 }).map((extra) => (extra ? { ...record, [extra[0]]: extra[1] } : record))),
  },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, 42, 'a string', [], [VALID], true) },
  { weight: 1, arbitrary: fc.jsonValue() },
);

describe('POST /api/articles without the token', () => {
  test('any other Authorization header is a 401 with a Bearer challenge; nothing is written', async () => {
    const before = await contentFingerprint(db);
    await fc.assert(
      fc.asyncProperty(wrongAuthorization, async (authorization) => {
        tried += 1;
        const answer = await postArticle(app, VALID, { authorization });
        expect(answer.status).toBe(401);
        expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer realm="kb"/);
        const parsed = JSON.parse(answer.text);
        expect(parsed).toEqual({ error: expect.any(String) });
        expect(answer.text).not.toContain(TOKEN);
      }),
      { numRuns: RUNS, seed, endOnFailure: true },
    );
    expect(await contentFingerprint(db)).toBe(before);
  });

  test('no other method on any route writes: every one answers without changing the database', async () => {
    const before = await contentFingerprint(db);
    const paths = [...Object.values(API_ROUTES), ...Object.values(PAGE_ROUTES)].map((spec) => spec.path.replace(':id', 'belarus'));
    for (const path of paths) {
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
        tried += 1;
        const response = await fetch(app.baseUrl + path, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(VALID) });
        expect({ method, path, status: response.status }).toEqual({ method, path, status: path === '/api/articles' && method === 'POST' ? 401 : 404 });
      }
    }
    expect(await contentFingerprint(db)).toBe(before);
  });
});

describe('POST /api/articles with the token', () => {
  test('any body: never a 5xx; refused with a JSON 400 naming the field and nothing written, or stored', async () => {
    await fc.assert(
      fc.asyncProperty(body, async (candidate) => {
        tried += 1;
        const before = await contentFingerprint(db);
        const answer = await postArticle(app, JSON.stringify(candidate), bearer(TOKEN));
        const context = `${answer.status} ${answer.text.slice(0, 300)} for ${JSON.stringify(candidate).slice(0, 300)}`;
        if (![200, 201, 400, 409, 413].includes(answer.status)) throw new Error(`unexpected status: ${context}`);
        const parsed = JSON.parse(answer.text);
        if (answer.status >= 400) {
          expect(await contentFingerprint(db)).toBe(before);
          if (answer.status === 400) {
            const sent = candidate !== null && typeof candidate === 'object' && !Array.isArray(candidate) ? Object.keys(candidate) : [];
            const named = (parsed.details as Array<{ path: string; message: string }>).some((d) =>
              d.path === ''
                ? sent.some((key) => d.message.includes(key)) || !sent.length || typeof candidate !== 'object'
                : FIELDS.includes(d.path.split(/[.[]/)[0] ?? ''),
            );
            if (!named) throw new Error(`400 naming no field: ${context}`);
          }
          return;
        }
        // Stored as a draft to review: readable where Location says, and not in the graph until committed.
        expect(answer.headers.get('location')).toBe(`/api/drafts/${parsed.id}`);
        const draft = await fetch(`${app.baseUrl}/api/drafts/${parsed.id}`, { headers: bearer(TOKEN) });
        expect(draft.status).toBe(200);
        expect(((await draft.json()) as { article: { id: string } }).article.id).toBe(parsed.article.id);
        const inGraph = await fetch(`${app.baseUrl}/api/articles/${encodeURIComponent(parsed.article.id)}`);
        expect(inGraph.status).toBe(seedArticles.has(parsed.article.id) ? 200 : 404);
      }),
      { numRuns: RUNS, seed, endOnFailure: true },
    );
  });

  test.each(['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>'])('a url %s is refused: 400 naming url', async (url) => {
    tried += 1;
    const answer = await postArticle(app, { ...VALID, url }, bearer(TOKEN));
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text).details).toEqual([expect.objectContaining({ path: 'url', message: expect.stringMatching(/http or https/) })]);
  });

  test('the attack strings as whole bodies are refused as JSON 400s', async () => {
    for (const payload of INJECTION_PAYLOADS) {
      tried += 1;
      const answer = await postArticle(app, payload, bearer(TOKEN));
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.text)).toEqual(expect.objectContaining({ error: expect.any(String) }));
    }
  });
});
