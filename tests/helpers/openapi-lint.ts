import { createConfig, lintFromString, type RawUniversalConfig } from '@redocly/openapi-core';

/**
 * Lints the OpenAPI document on standard input with Redocly's rules and prints the problems, one JSON array on
 * standard output. A process of its own because the linter ships as ES modules only, which jest's module system
 * does not load. It may not reach the network: fetch is taken away before it runs, so a rule that tried would
 * fail the lint instead of reaching out.
 */

/** Redocly's recommended rules, and every operation in one tag that the document describes. */
const RULES: RawUniversalConfig = {
  extends: ['recommended'],
  rules: { 'operation-tag-defined': 'error', 'operation-singular-tag': 'error' },
};

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function main(): Promise<void> {
  globalThis.fetch = () => Promise.reject(new Error('the OpenAPI linter may not reach the network'));
  const config = await createConfig(RULES);
  const problems = await lintFromString({ source: await readStdin(), absoluteRef: '/api/openapi.json', config });
  const found = problems.map((problem) => ({
    rule: problem.ruleId,
    severity: problem.severity,
    message: problem.message,
    where: problem.location[0]?.pointer ?? '',
  }));
  process.stdout.write(JSON.stringify(found));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
