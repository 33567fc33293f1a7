import fs from 'node:fs';
import os from 'node:os';
import type { Command, OptionValues } from 'commander';
import { newProgram, parseOptions, positiveInt } from '../cli/program';
import { openDb } from '../db/context';
import { startLocalNeo4j, type Connection, type InstanceOptions } from '../db/local-neo4j';
import type { Db } from '../db/query';

/**
 * What every benchmark shares: its own project-managed Neo4j (never the dev 7687 or test 7688 ones),
 * command-line options, percentiles, a description of the machine, and the rule that the last line a
 * benchmark prints is one JSON object with its figures (the human summary goes before it).
 */

/**
 * The million-event instance the query, page and HTTP benchmarks share; it is left running for reuse.
 * BENCH_PORT moves it, so that a second checkout can run its own copy beside the first.
 */
export const BENCH_INSTANCE: InstanceOptions = { name: 'bench', port: benchPort(), heap: '4g', pagecache: '4g' };

function benchPort(): number {
  const port = Number(process.env.BENCH_PORT ?? 7689);
  if (!Number.isInteger(port) || port < 1024 || port > 65535)
    throw new Error(`BENCH_PORT must be a port number from 1024 to 65535, not "${process.env.BENCH_PORT}"`);
  return port;
}
/** The load benchmark's instance: emptied before each of the paths it compares. */
export const LOAD_BENCH_INSTANCE: InstanceOptions = { name: 'bench-load', port: 7690, heap: '3g', pagecache: '2g' };
/** The seed alone, for the page benchmark's baseline. */
export const SEED_INSTANCE: InstanceOptions = { name: 'bench-seed', port: 7691, heap: '1g', pagecache: '256m' };
export const BENCH_INSTANCES = [BENCH_INSTANCE, LOAD_BENCH_INSTANCE, SEED_INSTANCE];

export const log = (message: string) => process.stderr.write(`${message}\n`);

/**
 * A benchmark's command line: commander, as `kb` (cli/program.ts), so `--help` lists the options with their
 * defaults and a bad value is a usage error (exit 2) before anything starts.
 */
export function benchProgram(script: string, description: string): Command {
  return newProgram(`npm run ${script} --`, description);
}

/** --events and --seed: the corpus a benchmark runs on (see bench-corpus.ts), with its default size. */
export function corpusOptions(program: Command, events: number): Command {
  return program
    .option('--events <n>', 'events in the synthetic corpus', positiveInt, events)
    .option('--seed <n>', 'seed of the corpus generator', positiveInt, 1);
}

export async function startBenchNeo4j(instance: InstanceOptions): Promise<Connection> {
  return startLocalNeo4j(instance, (message) => log(`[neo4j ${instance.name}] ${message}`));
}

/** A Db for benchmark work: long timeouts, since loads and cold queries may take a while. */
export function benchDb(connection: Connection, timeoutS = 600): Db {
  return openDb(connection, { DB_TIMEOUT_S: timeoutS, DB_BUDGET_S: timeoutS });
}

/** The p-th percentile (0–100) of the samples, nearest-rank. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

export function elapsedMs(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  load1: number;
  load5: number;
  node: string;
  platform: string;
}

export function describeMachine(): Machine {
  const [load1, load5] = os.loadavg();
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: round(os.totalmem() / 2 ** 30, 1),
    load1: round(load1 ?? 0),
    load5: round(load5 ?? 0),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

export function machineLine(machine: Machine): string {
  return `machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, load ${machine.load1} (1 min) ${machine.load5} (5 min), node ${machine.node}`;
}

/** The benchmark's figures: the last line on stdout, one JSON object. */
export function printFigures(figures: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

/**
 * Parses the benchmark's command line, then runs its main with the options; a failure is reported in words
 * and exits 1, a usage error 2 (commander has said why), --help 0.
 */
export function runBench<T extends OptionValues>(program: Command, main: (options: T) => Promise<void>): void {
  const parsed = parseOptions<T>(program);
  if ('exitCode' in parsed) process.exit(parsed.exitCode);
  main(parsed.options).then(
    () => process.exit(0),
    (error: unknown) => {
      log(`benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exit(1);
    },
  );
}

/** Reads a process's resident memory (kB) from /proc; undefined where there is no /proc. */
export function residentKiB(pid: number): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmRSS:\s+(\d+)\s+kB/.exec(status);
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}
