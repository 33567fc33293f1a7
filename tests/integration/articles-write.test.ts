import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config/settings';
import type { Db } from '../../src/db/query';
import { createLogger } from '../../src/http/logger';
import { z } from 'zod';
import { Draft } from '../../src/drafts/drafts.schemas';
import { Stats } from '../../src/stats/stats.schemas';
import { EventDetail, EventPage } from '../../src/events/events.schemas';
import { ErrorResponse } from '../../src/domain/views';
import { getOk, OpenApiDocument, resolveSchema, startTestApp, type RunningApp } from '../helpers/test-app';
import { contentFingerprint, openTestDb, resetToSeed } from '../helpers/test-db';

/**
 * POST /api/articles: an article's text becomes a draft to review (nothing enters the graph), behind the
 * credentials of a writer (here the KB_API_TOKEN setting), a body limit and a write rate limit; reads stay open.
 */

const TOKEN = 'test-token-3f9a1c7e5b2d4f60';
const PARDON = 'pardon-123-prisoners-2025-12';

const ARTICLE = {
  title: 'Belarus frees prisoners as Washington eases pressure',
  publishedAt: '2025-12-15',
  publisher: 'The Test Gazette',
  url: 'https://example.org/belarus-frees-prisoners',
  text: [
    'On Saturday, December 13, President Lukashenko pardoned 123 prisoners, his office said.',
    "Poland's foreign minister Radek Sikorski met Lithuanian President Gitanas Nauseda in Vilnius on Monday, December 15, to discuss the border with Belarus.",
  ].join('\n\n'),
};
const ARTICLE_ID = 'belarus-frees-prisoners-as-washington-eases-pressure';

let db: Db;
let app: RunningApp;

beforeAll(async () => {
  db = openTestDb();
  await resetToSeed(db);
  app = await startTestApp(db, { KB_API_TOKEN: TOKEN });
});

afterAll(async () => {
  await app.close();
  await db.driver.close();
});

/** What a write answers: the draft, or an error; each part checked against its schema. */
const AnswerBody = Draft.partial().extend(ErrorResponse.partial().shape).strict();

interface Answer {
  status: number;
  headers: Headers;
  body: z.output<typeof AnswerBody> | undefined;
}

async function post(target: RunningApp, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${target.baseUrl}/api/articles`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? AnswerBody.parse(JSON.parse(text)) : undefined };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Runs `attempt` and checks that it left the database exactly as it was. */
async function expectNothingWritten(attempt: () => Promise<Answer>): Promise<Answer> {
  const before = await contentFingerprint(db);
  const answer = await attempt();
  expect(await contentFingerprint(db)).toBe(before);
  return answer;
}

describe('POST /api/articles refuses', () => {
  test('a request without a token: 401, a Bearer challenge, nothing written', async () => {
    const answer = await expectNothingWritten(() => post(app, ARTICLE));
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer /);
    expect(answer.body).toEqual({ error: expect.stringMatching(/bearer token is required/i) });
  });

  test.each([
    ['a wrong token of the same length', TOKEN.replace(/.$/, 'x')],
    ['a shorter token', 'short'],
    ['a prefix of the token', TOKEN.slice(0, 10)],
  ])('%s: 401, nothing written, the token never echoed', async (_what, token) => {
    const answer = await expectNothingWritten(() => post(app, ARTICLE, bearer(token)));
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);
    expect(JSON.stringify(answer.body)).not.toContain(token);
    expect(JSON.stringify(answer.body)).not.toContain(TOKEN);
  });

  test('another scheme than Bearer: 401', async () => {
    const answer = await expectNothingWritten(() => post(app, ARTICLE, { authorization: `Basic ${Buffer.from(`kb:${TOKEN}`).toString('base64')}` }));
    expect(answer.status).toBe(401);
  });

  test('a server without KB_API_TOKEN knows no such token: 401, nothing written; reads stay open', async () => {
    const readOnly = await startTestApp(db);
    try {
      const answer = await expectNothingWritten(() => post(readOnly, ARTICLE, bearer(TOKEN)));
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ error: expect.stringMatching(/bearer token is not valid/i) });
      expect((await getOk(readOnly, `/api/events/${PARDON}`, EventDetail)).id).toBe(PARDON);
    } finally {
      await readOnly.close();
    }
  });

  test('a body over 1 MB: 413 as JSON, nothing written', async () => {
    const huge = { ...ARTICLE, text: 'x'.repeat(1_100_000) };
    const answer = await expectNothingWritten(() => post(app, huge, bearer(TOKEN)));
    expect(answer.status).toBe(413);
    expect(answer.headers.get('content-type')).toMatch(/application\/json/);
    expect(answer.body).toEqual({ error: expect.stringMatching(/too large/i) });
  });

  test('a text longer than a post may carry: 400 naming the field', async () => {
    const long = { ...ARTICLE, text: `${ARTICLE.text} ${'word '.repeat(25_000)}` };
    const answer = await expectNothingWritten(() => post(app, long, bearer(TOKEN)));
    expect(answer.status).toBe(400);
    expect(answer.body?.details).toEqual([expect.objectContaining({ path: 'text' })]);
  });

  test.each([
    ['a missing title', { ...ARTICLE, title: undefined }, 'title'],
    ['an impossible date', { ...ARTICLE, publishedAt: '2025-02-30' }, 'publishedAt'],
    ['an id that is not a slug', { ...ARTICLE, id: 'Not A Slug' }, 'id'],
    ['a url that is not one', { ...ARTICLE, url: 'not a url' }, 'url'],
    ['an unknown field', { ...ARTICLE, author: 'someone' }, ''],
  ])('%s: 400 naming the field, nothing written', async (_what, body, field) => {
    const answer = await expectNothingWritten(() => post(app, body, bearer(TOKEN)));
    expect(answer.status).toBe(400);
    expect(answer.body?.error).toBe('Invalid request');
    expect(answer.body?.details).toEqual([expect.objectContaining({ path: field })]);
    if (field === '') expect(answer.body?.details?.[0]?.message).toMatch(/author/);
  });

  test('malformed JSON: 400; a body that is not JSON: 415', async () => {
    const broken = await expectNothingWritten(() => post(app, '{"title": ', bearer(TOKEN)));
    expect(broken.status).toBe(400);
    expect(broken.body).toEqual({ error: expect.any(String) });
    const form = await expectNothingWritten(() => post(app, 'title=x', { ...bearer(TOKEN), 'content-type': 'application/x-www-form-urlencoded' }));
    expect(form.status).toBe(415);
  });
});

describe('POST /api/articles with the token', () => {
  let created: Answer;
  let before: z.output<typeof Stats>;
  beforeAll(async () => {
    await resetToSeed(db);
    before = await getOk(app, '/api/stats', Stats);
    created = await post(app, ARTICLE, bearer(TOKEN));
  });

  test('answers 201 with a draft: the article and its drafted events, the pardon offered as the known one', () => {
    expect(created.status).toBe(201);
    const draft = Draft.parse(created.body);
    expect(created.headers.get('location')).toBe(`/api/drafts/${draft.id}`);
    expect(draft).toMatchObject({ status: 'open', createdBy: 'automation', article: { id: ARTICLE_ID, title: ARTICLE.title, text: ARTICLE.text } });
    expect(draft.events.map((e) => [e.type, e.decision])).toEqual([
      ['pardon', 'pending'],
      ['talks', 'pending'],
    ]);
    expect(draft.events[0]?.reasons.knownEvent?.id).toBe(PARDON);
    expect(draft.actors).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'radek-sikorski', known: false })]));
  });

  test('nothing of it is in the graph: no article, no new event, no new actor, the same counts', async () => {
    expect((await fetch(`${app.baseUrl}/api/articles/${ARTICLE_ID}`)).status).toBe(404);
    expect((await fetch(`${app.baseUrl}/api/actors/radek-sikorski`)).status).toBe(404);
    const pardon = await getOk(app, `/api/events/${PARDON}`, EventDetail);
    expect(pardon.sources.map((s) => s.article.id)).toEqual(['minsk-talks-us-belarus-thaw', 'minsk-talks-us-belarus-thaw']);
    expect((await getOk(app, '/api/stats', Stats)).counts).toEqual(before.counts);
  });

  test('posting the same article again is idempotent: 200, the same draft, nothing written', async () => {
    const again = await expectNothingWritten(() => post(app, ARTICLE, bearer(TOKEN)));
    expect(again.status).toBe(200);
    expect(again.body?.id).toEqual(created.body?.id);
  });

  test('the same id with a different text: 409, nothing written', async () => {
    const answer = await expectNothingWritten(() => post(app, { ...ARTICLE, id: ARTICLE_ID, text: `${ARTICLE.text} More.` }, bearer(TOKEN)));
    expect(answer.status).toBe(409);
    expect(answer.body?.error).toContain(ARTICLE_ID);
  });
});

describe('writes are rate-limited, reads are not', () => {
  test('past KB_WRITE_RATE_LIMIT writes a minute the answer is 429 JSON; reads still answer', async () => {
    const limited = await startTestApp(db, { KB_API_TOKEN: TOKEN, KB_WRITE_RATE_LIMIT: '3' });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i += 1) statuses.push((await post(limited, { title: '' }, bearer(TOKEN))).status);
      expect(statuses).toEqual([400, 400, 400]);
      const refused = await expectNothingWritten(() => post(limited, ARTICLE, bearer(TOKEN)));
      expect(refused.status).toBe(429);
      expect(refused.body).toEqual({ error: expect.stringMatching(/too many writes/i) });
      expect(refused.headers.get('ratelimit-policy')).toMatch(/q=3/);
      for (let i = 0; i < 5; i += 1) expect((await getOk(limited, '/api/events?limit=1', EventPage)).items).toHaveLength(1);
    } finally {
      await limited.close();
    }
  });

  test('attempts without the token count too, so a token cannot be guessed quickly', async () => {
    const limited = await startTestApp(db, { KB_API_TOKEN: TOKEN, KB_WRITE_RATE_LIMIT: '2' });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i += 1) statuses.push((await post(limited, ARTICLE, bearer(`guess-${i}`))).status);
      expect(statuses).toEqual([401, 401, 429]);
    } finally {
      await limited.close();
    }
  });
});

test('secrets never reach the logs', async () => {
  const config = loadConfig({ LOG_LEVEL: 'info', KB_API_TOKEN: TOKEN });
  const logger = createLogger(config);
  const lines: string[] = [];
  // the app's own logger (with its redaction rules), its output captured instead of printed
  (logger as unknown as Record<symbol, unknown>)[pino.symbols.streamSym] = { write: (line: string) => void lines.push(line) };
  const server = createApp({ db, config, logger }).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const target: RunningApp = { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: async () => {} };
  try {
    await post(target, { title: '' }, bearer(TOKEN));
    await post(target, ARTICLE, bearer('wrong-token-that-is-long-enough'));
    expect(lines.length).toBeGreaterThanOrEqual(2);
    const logged = lines.join('\n');
    expect(logged).not.toContain(TOKEN);
    expect(logged).not.toContain('wrong-token-that-is-long-enough');
    expect(logged).toContain('[Redacted]');
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});

test('the OpenAPI description documents the write, its body and its bearer token', async () => {
  const document = await getOk(app, '/api/openapi.json', OpenApiWrite);
  const write = document.paths['/api/articles']!.post!;
  expect(document.paths['/api/articles']!.get).toBeDefined();
  expect(write.security).toEqual(expect.arrayContaining([{ bearer: [] }]));
  expect(resolveSchema(document, write.requestBody!.content['application/json']!.schema).required).toEqual(
    expect.arrayContaining(['title', 'text', 'publishedAt']),
  );
  expect(Object.keys(write.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '413', '429']));
  expect(document.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
});

/** The parts of the OpenAPI document that describe a write: its security schemes besides what every test reads. */
const OpenApiWrite = OpenApiDocument.extend({
  components: OpenApiDocument.shape.components.extend({
    securitySchemes: z.record(z.string(), z.looseObject({ type: z.string(), scheme: z.string().optional() })),
  }),
});
