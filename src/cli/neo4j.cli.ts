import { loadEnvFile } from '../config/env-file';
import { loadConfig } from '../config/settings';
import { devInstance } from '../db/connection';
import { connectionFor, runningPid, startLocalNeo4j, stopLocalNeo4j } from '../db/local-neo4j';

/** `npm run db:start | db:stop | db:status`: manages the project's own Neo4j (the instance the app uses). */
async function main(): Promise<void> {
  const [command] = process.argv.slice(2);
  loadEnvFile();
  const config = loadConfig();
  if (config.NEO4J_URI) {
    console.log(`NEO4J_URI is set (${config.NEO4J_URI}): the project uses that server and manages none of its own.`);
    return;
  }
  const instance = devInstance(config);
  switch (command) {
    case 'start': {
      const connection = await startLocalNeo4j(instance);
      console.log(`Neo4j (${instance.name}) running at ${connection.uri} (user neo4j, password in .neo4j/${instance.name}/password).`);
      return;
    }
    case 'stop':
      if (!(await stopLocalNeo4j(instance.name))) console.log(`Neo4j (${instance.name}) was not running.`);
      return;
    case 'status': {
      const pid = runningPid(instance.name);
      if (pid === undefined) {
        console.log(`Neo4j (${instance.name}) is stopped.`);
        process.exitCode = 3;
      } else {
        console.log(`Neo4j (${instance.name}) is running (pid ${pid}) at ${connectionFor(instance).uri}.`);
      }
      return;
    }
    default:
      console.error('usage: local-neo4j.cli (start|stop|status)');
      process.exitCode = 2;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
