import { createToken } from '../../src/accounts/accounts.service';
import { Draft } from '../../src/drafts/drafts.schemas';
import { addUsers, ok } from '../helpers/review';
import { useSeededApp, type SeededApp } from '../helpers/test-app';

/** /metrics, asked from this machine after a few requests: Prometheus's text, series by declared route, queries by name. */
let suite: SeededApp;
useSeededApp((s) => {
  suite = s;
});

async function scrape(): Promise<{ status: number; type: string | null; text: string }> {
  const response = await fetch(`${suite.app.baseUrl}/metrics`);
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

/** The value of one series, by its name and exact labels as Prometheus writes them. */
function value(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

test('request durations by declared route and status, never by the address asked', async () => {
  for (const id of ['belarus', 'russia']) expect((await fetch(`${suite.app.baseUrl}/api/actors/${id}`)).status).toBe(200);
  expect((await fetch(`${suite.app.baseUrl}/api/actors/no-such-actor`)).status).toBe(404);
  const { status, type, text } = await scrape();
  expect(status).toBe(200);
  expect(type).toMatch(/^text\/plain; version=0\.0\.4/);
  expect(value(text, 'kb_http_request_duration_seconds_count{method="GET",route="/api/actors/:id",status="200"}')).toBe(2);
  expect(value(text, 'kb_http_request_duration_seconds_count{method="GET",route="/api/actors/:id",status="404"}')).toBe(1);
  expect(text).not.toMatch(/route="[^"]*(belarus|russia)/);
});

/** Health (which a scrape asks, as kb_db_up) starts the warm-up's burst of queries on a database not yet warm; its end is awaited. */
async function untilWarm(): Promise<void> {
  const deadline = Date.now() + 50_000;
  while ((await fetch(`${suite.app.baseUrl}/api/health`)).status !== 200) {
    if (Date.now() > deadline) throw new Error('the app did not warm up within 50 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

test('database queries by name, the queue in front of the database, and the database up', async () => {
  await untilWarm();
  const { text } = await scrape();
  expect(text).toMatch(/kb_db_query_duration_seconds_count\{query="actors\.\w+",outcome="ok"\} [1-9]/);
  expect(text).not.toMatch(/query="unnamed"/);
  expect(value(text, 'kb_db_pool_in_use')).toBeGreaterThanOrEqual(0);
  expect(value(text, 'kb_db_pool_waiting')).toBe(0);
  expect(value(text, 'kb_db_up')).toBe(1);
  expect(text).toMatch(/^kb_process_resident_memory_bytes \d+/m);
});

test('drafts made through the API are counted', async () => {
  await addUsers(suite.db, [{ name: 'metrics-editor', role: 'editor' }]);
  const { token } = await createToken(suite.db, 'metrics-editor', 'metrics');
  const before = value((await scrape()).text, 'kb_drafts_created_total{via="api"}') ?? 0;
  await ok(suite.app, 'POST', '/api/drafts', { token }, Draft, {
    title: 'Belarus and Russia sign a trade agreement',
    text: 'Belarus and Russia signed a trade agreement in Minsk on 3 March 2024.',
    published: '2024-03-04',
  });
  expect(value((await scrape()).text, 'kb_drafts_created_total{via="api"}')).toBe(before + 1);
});
