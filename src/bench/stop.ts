import fs from 'node:fs';
import path from 'node:path';
import { instanceDir, stopLocalNeo4j } from '../db/local-neo4j';
import { BENCH_INSTANCES, benchProgram, log, runBench } from './common';

/**
 * `npm run bench:stop`: stops the Neo4j instances the benchmarks leave running (their data is kept): the three
 * named ones, and the load benchmark's instances on other ports (`bench-load-<port>`, `bench:load --port`).
 */
const program = benchProgram(
  'bench:stop',
  `Stop the benchmarks' Neo4j instances (${BENCH_INSTANCES.map((i) => `${i.name} on ${i.port}`).join(', ')}, and bench-load-<port>); their data is kept`,
);

/** The load benchmark's instances on ports of their own that this checkout holds. */
function loadInstancesOnOtherPorts(): string[] {
  const runtime = path.dirname(instanceDir('bench-load'));
  if (!fs.existsSync(runtime)) return [];
  return fs.readdirSync(runtime).filter((name) => /^bench-load-\d+$/.test(name));
}

runBench(program, async () => {
  for (const instance of BENCH_INSTANCES) {
    if (!(await stopLocalNeo4j(instance.name, log))) log(`Neo4j (${instance.name}) was not running.`);
  }
  for (const name of loadInstancesOnOtherPorts()) await stopLocalNeo4j(name, log);
});
