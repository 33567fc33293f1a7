import type { Config } from '../config/settings';
import { startLocalNeo4j, type Connection, type InstanceOptions, type Log } from './local-neo4j';

/** The project-managed instance the app browses; the test suite has its own (tests/helpers/test-db.ts). */
export function devInstance(config: Config): InstanceOptions {
  const instance = { name: 'dev', port: config.NEO4J_LOCAL_PORT, heap: config.NEO4J_HEAP, pagecache: config.NEO4J_PAGECACHE };
  return config.NEO4J_BROWSER ? { ...instance, httpPort: config.NEO4J_HTTP_PORT } : instance;
}

/**
 * Where the database is: the server named by NEO4J_URI (a single server, a cluster via neo4j://, or Aura),
 * used as it is; otherwise the project's own Neo4j, provisioned and started on demand.
 */
export async function resolveConnection(config: Config, log?: Log): Promise<Connection> {
  if (config.NEO4J_URI) {
    if (!config.NEO4J_PASSWORD) throw new Error('NEO4J_URI is set but NEO4J_PASSWORD is not.');
    return { uri: config.NEO4J_URI, user: config.NEO4J_USER, password: config.NEO4J_PASSWORD };
  }
  return startLocalNeo4j(devInstance(config), log);
}
