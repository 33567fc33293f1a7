import { execFile } from 'node:child_process';
import path from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from '../../src/config/paths';
import { getOk, OpenApiDocument, type RunningApp, useSeededApp } from '../helpers/test-app';

/**
 * The OpenAPI document the app serves, checked by Redocly's linter (tests/helpers/openapi-lint.ts, no network),
 * and its examples tried on the seed; the documentation page and the addresses that lead to it.
 */

let app: RunningApp;

useSeededApp((suite) => ({ app } = suite));

const LINTER = path.join(PROJECT_ROOT, 'tests', 'helpers', 'openapi-lint.ts');

const Problems = z.array(z.strictObject({ rule: z.string(), severity: z.enum(['error', 'warn', 'off']), message: z.string(), where: z.string() }));

/**
 * Redocly's problems with a document, in a process of its own (the linter is ES modules only). Not a blocking
 * call: the app under test keeps serving (and timing out its idle connections) meanwhile.
 */
function lint(document: string): Promise<z.output<typeof Problems>> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', LINTER],
      { cwd: PROJECT_ROOT, env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => (error ? reject(new Error(`the linter failed: ${stderr || error.message}`)) : resolve(Problems.parse(JSON.parse(stdout)))),
    );
    child.stdin?.end(document);
  });
}

async function servedDocument(): Promise<string> {
  const response = await fetch(`${app.baseUrl}/api/openapi.json`);
  expect(response.status).toBe(200);
  return response.text();
}

describe('the linter', () => {
  test('finds nothing to report in the document the app serves: no error, no warning', async () => {
    expect(await lint(await servedDocument())).toEqual([]);
  });

  test('does report a document that breaks its rules (an operation without operationId, a reference to nothing)', async () => {
    const broken = OpenApiDocument.parse(JSON.parse(await servedDocument()));
    delete (broken.paths['/api/events']!.get as { operationId?: string }).operationId;
    broken.paths['/api/actors']!.get!.responses['200'] = {
      description: 'OK',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Nowhere' } } },
    };
    const rules = (await lint(JSON.stringify(broken))).map((problem) => `${problem.severity} ${problem.rule}`);
    expect(rules).toEqual(expect.arrayContaining(['warn operation-operationId', 'error no-unresolved-refs']));
  });
});

test.each([
  ['listEvents', 'belarus'],
  ['getEvent', 'pardon-123-prisoners-2025-12'],
  ['getDyad', 'united-states'],
])('the examples of %s come from the seed (%s)', async (operationId, value) => {
  const document = await getOk(app, '/api/openapi.json', OpenApiDocument);
  const operation = Object.values(document.paths)
    .flatMap((methods) => Object.values(methods))
    .find((o) => o?.operationId === operationId)!;
  expect(operation.parameters!.map((parameter) => parameter.example)).toContain(value);
});

/** Every read anyone may call, with the path and query its examples fill in. */
async function publicReads(): Promise<Array<{ operationId: string; url: string; exemplified: boolean }>> {
  const document = await getOk(app, '/api/openapi.json', OpenApiDocument);
  return Object.entries(document.paths).flatMap(([template, methods]) => {
    const read = methods.get;
    if (!read || read.security.length > 0) return [];
    const parameters = read.parameters ?? [];
    const pathname = template.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(String(parameters.find((p) => p.name === name)!.example)));
    const query = new URLSearchParams(
      parameters.filter((p) => p.in === 'query' && p.example !== undefined).map((p): [string, string] => [p.name, String(p.example)]),
    );
    const exemplified = parameters.some((p) => p.example !== undefined);
    return [{ operationId: read.operationId, url: query.size > 0 ? `${pathname}?${query}` : pathname, exemplified }];
  });
}

test('every public read, called with its examples, answers 200 on the seed; what the examples list is not empty', async () => {
  const reads = await publicReads();
  expect(reads.length).toBeGreaterThanOrEqual(20);
  for (const { operationId, url, exemplified } of reads) {
    const response = await fetch(app.baseUrl + url, { headers: { accept: 'application/json' } });
    const text = await response.text();
    expect({ operationId, url, status: response.status }).toEqual({ operationId, url, status: 200 });
    if (!response.headers.get('content-type')?.includes('application/json')) {
      expect({ operationId, length: text.length > 0 }).toEqual({ operationId, length: true });
      continue;
    }
    const body = JSON.parse(text) as { items?: unknown[] };
    if (exemplified && Array.isArray(body.items)) expect({ operationId, url, found: body.items.length > 0 }).toEqual({ operationId, url, found: true });
  }
});

describe('the documentation page and the ways to it', () => {
  test('/api/docs is a page of the site, under the same Content-Security-Policy as every page', async () => {
    const [docs, home] = await Promise.all([fetch(`${app.baseUrl}/api/docs`), fetch(`${app.baseUrl}/`)]);
    const html = await docs.text();
    expect(docs.status).toBe(200);
    expect(docs.headers.get('content-type')).toContain('text/html');
    expect(docs.headers.get('content-security-policy')).toBe(home.headers.get('content-security-policy'));
    expect(docs.headers.get('content-security-policy')).not.toMatch(/unsafe-(inline|eval)/);
    expect(html).toContain('data-document="/api/openapi.json"');
    expect(html).toContain('<script src="/vendor/swagger-ui/swagger-ui-bundle.js" defer></script>');
    expect(html).toMatch(/<a href="\/api\/docs" aria-current="page">API<\/a>/);
  });

  test('Swagger UI comes from the app itself', async () => {
    for (const file of ['swagger-ui-bundle.js', 'swagger-ui.css']) {
      const response = await fetch(`${app.baseUrl}/vendor/swagger-ui/${file}`);
      expect(response.status).toBe(200);
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
    }
  });

  test.each([
    ['/docs', 'text/html', '/api/docs'],
    ['/api', 'text/html', '/api/docs'],
    ['/api', '*/*', '/api/docs'],
    ['/api', 'application/json', '/api/openapi.json'],
  ])('%s (Accept: %s) leads to %s', async (from, accept, to) => {
    const response = await fetch(app.baseUrl + from, { redirect: 'manual', headers: { accept } });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(to);
  });
});
