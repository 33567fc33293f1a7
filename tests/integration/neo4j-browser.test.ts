import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config/paths';
import { loadConfig } from '../../src/config/settings';
import { devInstance } from '../../src/db/connection';
import { openDb } from '../../src/db/context';
import { neo4jVersion, removeInstance, runningPid, startLocalNeo4j, stopLocalNeo4j, type InstanceOptions } from '../../src/db/local-neo4j';
import { read, type Db } from '../../src/db/query';

/**
 * The project-managed Neo4j: of the version neo4j/pom.xml pins, its HTTP connector off unless asked for, and,
 * when asked (NEO4J_BROWSER=1 for the dev instance), on 127.0.0.1 with Neo4j Browser served from the jar Maven
 * Central publishes. The instance with a connector is one of this test's own, on the suite's port plus 200 (Bolt)
 * and 201 (HTTP), clear of the dev, test, fault and benchmark instances.
 */
const TEST_PORT = Number(process.env.NEO4J_TEST_PORT ?? 7688);
const BROWSER_INSTANCE: InstanceOptions = {
  name: `browser-${TEST_PORT + 200}`,
  port: TEST_PORT + 200,
  heap: '512m',
  pagecache: '64m',
  httpPort: TEST_PORT + 201,
};
const HTTP = `http://127.0.0.1:${BROWSER_INSTANCE.httpPort}`;

async function setting(db: Db, name: string): Promise<string | undefined> {
  const rows = await read<{ value: string }>(db, 'SHOW SETTINGS YIELD name, value WHERE name = $name RETURN value', { name });
  return rows[0]?.value;
}

test('the dev instance asks for the connector only with NEO4J_BROWSER=1, on NEO4J_HTTP_PORT', () => {
  expect(devInstance(loadConfig({})).httpPort).toBeUndefined();
  expect(devInstance(loadConfig({ NEO4J_BROWSER: '0' })).httpPort).toBeUndefined();
  expect(devInstance(loadConfig({ NEO4J_BROWSER: '1' })).httpPort).toBe(7474);
  expect(devInstance(loadConfig({ NEO4J_BROWSER: 'true', NEO4J_HTTP_PORT: '8474' })).httpPort).toBe(8474);
});

describe('an instance with an HTTP port', () => {
  let db: Db;

  beforeAll(async () => {
    const connection = await startLocalNeo4j(BROWSER_INSTANCE, () => {});
    db = openDb(connection, { DB_TIMEOUT_S: 10 });
  }, 600_000);

  afterAll(async () => {
    await db?.driver.close();
    await stopLocalNeo4j(BROWSER_INSTANCE.name, () => {});
    removeInstance(BROWSER_INSTANCE.name);
  }, 120_000);

  async function restart(options: InstanceOptions): Promise<void> {
    await db.driver.close();
    await stopLocalNeo4j(options.name, () => {});
    db = openDb(await startLocalNeo4j(options, () => {}), { DB_TIMEOUT_S: 10 });
  }

  test('runs the Neo4j version neo4j/pom.xml pins', async () => {
    const rows = await read<{ versions: string[] }>(db, "CALL dbms.components() YIELD name, versions WHERE name = 'Neo4j Kernel' RETURN versions");
    expect(rows).toEqual([{ versions: [neo4jVersion()] }]);
    expect(fs.readFileSync(path.join(PROJECT_ROOT, 'neo4j', 'pom.xml'), 'utf8')).toContain(`<neo4j.version>${neo4jVersion()}</neo4j.version>`);
  });

  test('listens on 127.0.0.1 only, at the port asked for', async () => {
    expect(await setting(db, 'server.http.enabled')).toBe('true');
    expect(await setting(db, 'server.http.listen_address')).toBe(`127.0.0.1:${BROWSER_INSTANCE.httpPort}`);
    expect(runningPid(BROWSER_INSTANCE.name)).toBeDefined();
  });

  test('answers with the discovery document that points Browser at the Bolt port', async () => {
    const response = await fetch(`${HTTP}/`, { headers: { accept: 'application/json' } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ bolt_direct: `bolt://127.0.0.1:${BROWSER_INSTANCE.port}`, neo4j_version: neo4jVersion() });
  });

  test('serves Neo4j Browser at /browser/', async () => {
    const response = await fetch(`${HTTP}/browser/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toMatch(/<title>Neo4j Browser<\/title>/);
  });

  test('started again without the port, the same instance has the connector off and nothing answers there', async () => {
    const { httpPort: _off, ...withoutHttp } = BROWSER_INSTANCE;
    await restart(withoutHttp);
    expect(await setting(db, 'server.http.enabled')).toBe('false');
    await expect(fetch(`${HTTP}/`)).rejects.toThrow();
  }, 300_000);
});
