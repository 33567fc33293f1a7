import { stopLocalNeo4j } from '../db/local-neo4j';
import { BENCH_INSTANCES, benchProgram, log, runBench } from './common';

/** `npm run bench:stop`: stops the Neo4j instances the benchmarks leave running (their data is kept). */
const program = benchProgram(
  'bench:stop',
  `Stop the benchmarks' Neo4j instances (${BENCH_INSTANCES.map((i) => `${i.name} on ${i.port}`).join(', ')}); their data is kept`,
);

runBench(program, async () => {
  for (const instance of BENCH_INSTANCES) {
    if (!(await stopLocalNeo4j(instance.name, log))) log(`Neo4j (${instance.name}) was not running.`);
  }
});
