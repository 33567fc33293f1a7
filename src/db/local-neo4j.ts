import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { PROJECT_ROOT } from '../config/paths';

/**
 * Provisions and runs a genuine Neo4j Community server from the jars Maven Central publishes:
 * no Docker, no system package. Everything lives in the git-ignored `.neo4j/`:
 *   .neo4j/lib/            the server's jars, shared by every instance
 *   .neo4j/<instance>/     conf/, data/, logs/, the pid file and the generated password
 * The app uses the `dev` instance; the test suite uses its own `test` instance on another port.
 */

const RUNTIME_DIR = path.join(PROJECT_ROOT, '.neo4j');
const LIB_DIR = path.join(RUNTIME_DIR, 'lib');
const POM = path.join(PROJECT_ROOT, 'neo4j', 'pom.xml');
const ENTRY_POINT = 'org.neo4j.server.CommunityEntryPoint';
const START_TIMEOUT_MS = 120_000;

/** The JVM flags the stock neo4j.conf lists under server.jvm.additional (read only by the launcher script). */
const JVM_FLAGS = [
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
  '-XX:+UnlockExperimentalVMOptions',
  '-XX:+TrustFinalNonStaticFields',
  '-XX:+DisableExplicitGC',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Dlog4j2.disable.jmx=true',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '--enable-native-access=ALL-UNNAMED',
];

export interface InstanceOptions {
  name: string;
  port: number;
  heap: string;
  pagecache: string;
}

export interface Connection {
  uri: string;
  user: string;
  password: string;
}

export type Log = (message: string) => void;
const defaultLog: Log = (message) => process.stderr.write(`[neo4j] ${message}\n`);

const instanceDir = (name: string) => path.join(RUNTIME_DIR, name);
const pidFile = (name: string) => path.join(instanceDir(name), 'neo4j.pid');
const passwordFile = (name: string) => path.join(instanceDir(name), 'password');

export function runtimeInstalled(): boolean {
  return fs.existsSync(path.join(LIB_DIR, '.complete'));
}

/** Copies the server's jars from Maven Central into .neo4j/lib, once. Shows progress: it is ~130 MB. */
export async function ensureRuntime(log: Log = defaultLog): Promise<void> {
  if (runtimeInstalled()) return;
  requireCommand('mvn', 'Maven is needed to download Neo4j: apt-get install -y maven (or set NEO4J_URI to use a server you run).');
  log('Downloading Neo4j Community 5.26 from Maven Central into .neo4j/lib (first start only, about 130 MB)…');
  const staging = `${LIB_DIR}.partial`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(RUNTIME_DIR, { recursive: true });
  await runMaven(['-B', '-f', POM, 'dependency:copy-dependencies', `-DoutputDirectory=${staging}`], log);
  fs.writeFileSync(path.join(staging, '.complete'), new Date().toISOString());
  fs.rmSync(LIB_DIR, { recursive: true, force: true });
  fs.renameSync(staging, LIB_DIR);
  log(`Neo4j jars ready (${fs.readdirSync(LIB_DIR).length - 1} files).`);
}

function runMaven(args: string[], log: Log): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('mvn', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let downloaded = 0;
    let tail = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      tail = (tail + chunk).slice(-4000);
      for (const line of chunk.split('\n')) {
        if (!line.includes('Downloaded from')) continue;
        downloaded += 1;
        if (downloaded % 25 === 0) log(`  … ${downloaded} files downloaded`);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (tail = (tail + chunk).slice(-4000)));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`Maven failed to fetch Neo4j (exit ${code}):\n${tail}`)),
    );
  });
}

function requireCommand(command: string, hint: string): void {
  const probe = spawnSync(command, ['-version'], { stdio: 'ignore' });
  if (probe.error) throw new Error(`${command} not found on PATH. ${hint}`);
}

function writeConfig(options: InstanceOptions): void {
  const dir = instanceDir(options.name);
  for (const sub of ['conf', 'data', 'logs', 'import']) fs.mkdirSync(path.join(dir, sub), { recursive: true });
  const conf = [
    '# Written by src/db/local-neo4j.ts on every start; edit that file, not this one.',
    'server.default_listen_address=127.0.0.1',
    `server.bolt.listen_address=127.0.0.1:${options.port}`,
    'server.bolt.advertised_address=127.0.0.1:' + options.port,
    'server.http.enabled=false',
    'server.https.enabled=false',
    `server.memory.pagecache.size=${options.pagecache}`,
    `server.directories.data=${path.join(dir, 'data')}`,
    `server.directories.logs=${path.join(dir, 'logs')}`,
    // LOAD CSV reads file:/// URLs from here (the benchmarks write their CSV files into it).
    `server.directories.import=${path.join(dir, 'import')}`,
    'db.tx_log.rotation.retention_policy=1 files',
    'dbms.usage_report.enabled=false',
  ];
  fs.writeFileSync(path.join(dir, 'conf', 'neo4j.conf'), conf.join('\n') + '\n');
}

function java(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync('java', ['-cp', path.join(LIB_DIR, '*'), ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
}

/** The password is generated on the first start, set before the database exists, and kept out of git. */
function ensurePassword(name: string): string {
  const file = passwordFile(name);
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const password = randomBytes(18).toString('base64url');
  const dir = instanceDir(name);
  const result = java(['org.neo4j.cli.AdminTool', 'dbms', 'set-initial-password', password], {
    NEO4J_HOME: dir,
    NEO4J_CONF: path.join(dir, 'conf'),
  });
  if (result.status !== 0) throw new Error(`Could not set the Neo4j password: ${result.stderr || result.stdout}`);
  fs.writeFileSync(file, password, { mode: 0o600 });
  return password;
}

function readPid(name: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(pidFile(name), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** True when `pid` is our Neo4j for this instance (a stale pid file may point at an unrelated process). */
function isOurServer(pid: number, name: string): boolean {
  try {
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.includes(ENTRY_POINT) && cmdline.includes(instanceDir(name));
  } catch {
    return false;
  }
}

export function runningPid(name: string): number | undefined {
  const pid = readPid(name);
  return pid !== undefined && isOurServer(pid, name) ? pid : undefined;
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

export function connectionFor(options: Pick<InstanceOptions, 'name' | 'port'>): Connection {
  const password = fs.readFileSync(passwordFile(options.name), 'utf8').trim();
  return { uri: `bolt://127.0.0.1:${options.port}`, user: 'neo4j', password };
}

/** Starts the instance unless it already runs; resolves once Bolt answers a query. */
export async function startLocalNeo4j(options: InstanceOptions, log: Log = defaultLog): Promise<Connection> {
  await ensureRuntime(log);
  if (runningPid(options.name) !== undefined) {
    const connection = connectionFor(options);
    await waitForBolt(connection, options.name);
    return connection;
  }
  if (await portInUse(options.port)) {
    throw new Error(`Port ${options.port} is taken by another program; set NEO4J_LOCAL_PORT or NEO4J_URI.`);
  }
  requireCommand('java', 'Java 17 or newer is needed to run Neo4j: apt-get install -y openjdk-17-jre-headless (or set NEO4J_URI).');
  writeConfig(options);
  const password = ensurePassword(options.name);
  const dir = instanceDir(options.name);
  const console = fs.openSync(path.join(dir, 'logs', 'console.log'), 'a');
  const args = [
    `-Xmx${options.heap}`,
    ...JVM_FLAGS,
    '-cp',
    path.join(LIB_DIR, '*'),
    ENTRY_POINT,
    `--home-dir=${dir}`,
    `--config-dir=${path.join(dir, 'conf')}`,
  ];
  log(`Starting Neo4j (${options.name}) on bolt://127.0.0.1:${options.port} …`);
  const child = spawn('java', args, { detached: true, stdio: ['ignore', console, console] });
  child.unref();
  fs.closeSync(console);
  fs.writeFileSync(pidFile(options.name), String(child.pid));
  const connection = { uri: `bolt://127.0.0.1:${options.port}`, user: 'neo4j', password };
  await waitForBolt(connection, options.name);
  log(`Neo4j (${options.name}) is up.`);
  return connection;
}

async function waitForBolt(connection: Connection, name: string): Promise<void> {
  const driver = neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), {
    connectionTimeout: 2000,
    maxTransactionRetryTime: 0,
  });
  const deadline = Date.now() + START_TIMEOUT_MS;
  try {
    for (;;) {
      try {
        await driver.executeQuery('RETURN 1');
        return;
      } catch (error) {
        if (runningPid(name) === undefined) throw new Error(`Neo4j (${name}) exited during start-up.\n${logTail(name)}`);
        if (Date.now() > deadline) throw new Error(`Neo4j (${name}) did not answer within ${START_TIMEOUT_MS / 1000} s: ${String(error)}`);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  } finally {
    await driver.close();
  }
}

function logTail(name: string): string {
  for (const file of ['neo4j.log', 'console.log']) {
    try {
      return fs.readFileSync(path.join(instanceDir(name), 'logs', file), 'utf8').split('\n').slice(-15).join('\n');
    } catch {
      /* try the next log */
    }
  }
  return '';
}

/** Sends SIGTERM (Neo4j shuts down cleanly on it) and waits for the process to go. */
export async function stopLocalNeo4j(name: string, log: Log = defaultLog): Promise<boolean> {
  const pid = runningPid(name);
  if (pid === undefined) return false;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 60_000;
  while (isOurServer(pid, name)) {
    if (Date.now() > deadline) process.kill(pid, 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  fs.rmSync(pidFile(name), { force: true });
  log(`Neo4j (${name}) stopped.`);
  return true;
}

/** Deletes an instance's data (used by the test suite's own instance only). */
export function removeInstance(name: string): void {
  if (runningPid(name) !== undefined) throw new Error(`Neo4j (${name}) is running; stop it first.`);
  fs.rmSync(instanceDir(name), { recursive: true, force: true });
}
