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
 *   .neo4j/lib/            the server's jars (of the version neo4j/pom.xml names), shared by every instance
 *   .neo4j/browser/        Neo4j Browser's jar, fetched on first use (an instance with an HTTP port serves it)
 *   .neo4j/<instance>/     conf/, data/, logs/, the pid file and the generated password
 * The app uses the `dev` instance; the test suite uses its own `test` instance on another port.
 */

const RUNTIME_DIR = path.join(PROJECT_ROOT, '.neo4j');
const LIB_DIR = path.join(RUNTIME_DIR, 'lib');
const BROWSER_DIR = path.join(RUNTIME_DIR, 'browser');
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
  /**
   * Turns the HTTP connector on, on 127.0.0.1 at this port, with Neo4j Browser at /browser/. Off by default:
   * the app needs Bolt only, and a port that is not open cannot be reached.
   */
  httpPort?: number;
}

export interface Connection {
  uri: string;
  user: string;
  password: string;
}

export type Log = (message: string) => void;
const defaultLog: Log = (message) => process.stderr.write(`[neo4j] ${message}\n`);

/** An instance's folder: conf/, data/, logs/, and the files work on it leaves there (a bulk import's CSV files). */
export const instanceDir = (name: string) => path.join(RUNTIME_DIR, name);
const pidFile = (name: string) => path.join(instanceDir(name), 'neo4j.pid');
const passwordFile = (name: string) => path.join(instanceDir(name), 'password');

/** A version neo4j/pom.xml pins (`neo4j.version`, `neo4j-browser.version`): the one place each is written. */
function pomVersion(property: string): string {
  const match = new RegExp(`<${property.replaceAll('.', '\\.')}>([^<]+)</`).exec(fs.readFileSync(POM, 'utf8'));
  if (!match?.[1]) throw new Error(`${POM} names no <${property}>`);
  return match[1];
}

export const neo4jVersion = () => pomVersion('neo4j.version');
export const browserVersion = () => pomVersion('neo4j-browser.version');

/** True when .neo4j/lib holds a complete copy of the jars of the pinned version (another version is replaced). */
export function runtimeInstalled(): boolean {
  return fs.existsSync(path.join(LIB_DIR, '.complete')) && fs.existsSync(path.join(LIB_DIR, `neo4j-${neo4jVersion()}.jar`));
}

/** Copies the server's jars from Maven Central into .neo4j/lib, once per version. Shows progress: it is ~130 MB. */
export async function ensureRuntime(log: Log = defaultLog): Promise<void> {
  if (runtimeInstalled()) return;
  requireCommand('mvn', 'Maven is needed to download Neo4j: apt-get install -y maven (or set NEO4J_URI to use a server you run).');
  log(`Downloading Neo4j Community ${neo4jVersion()} from Maven Central into .neo4j/lib (first start only, about 130 MB)…`);
  await copyDependencies(LIB_DIR, [], log);
  log(`Neo4j jars ready (${fs.readdirSync(LIB_DIR).length - 1} files).`);
}

/** Copies Neo4j Browser's jar (the static pages the server serves at /browser/) into .neo4j/browser, once per version. */
export async function ensureBrowser(log: Log = defaultLog): Promise<void> {
  if (fs.existsSync(path.join(BROWSER_DIR, `neo4j-browser-${browserVersion()}.jar`))) return;
  requireCommand('mvn', 'Maven is needed to download Neo4j Browser: apt-get install -y maven.');
  log(`Downloading Neo4j Browser ${browserVersion()} from Maven Central into .neo4j/browser (first use only, about 15 MB)…`);
  await copyDependencies(BROWSER_DIR, ['-P', 'browser', '-DincludeArtifactIds=neo4j-browser'], log);
}

/** Fills `dir` with what Maven resolves from the pom, through a staging folder so that a failed copy leaves none. */
async function copyDependencies(dir: string, args: string[], log: Log): Promise<void> {
  const staging = `${dir}.partial`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(RUNTIME_DIR, { recursive: true });
  await runMaven(['-B', '-f', POM, ...args, 'dependency:copy-dependencies', `-DoutputDirectory=${staging}`], log);
  fs.writeFileSync(path.join(staging, '.complete'), new Date().toISOString());
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(staging, dir);
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
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`Maven failed to fetch Neo4j (exit ${code}):\n${tail}`))));
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
    `server.bolt.advertised_address=127.0.0.1:${options.port}`,
    ...(options.httpPort
      ? ['server.http.enabled=true', `server.http.listen_address=127.0.0.1:${options.httpPort}`, `server.http.advertised_address=127.0.0.1:${options.httpPort}`]
      : ['server.http.enabled=false']),
    'server.https.enabled=false',
    `server.memory.pagecache.size=${options.pagecache}`,
    `server.directories.data=${path.join(dir, 'data')}`,
    `server.directories.logs=${path.join(dir, 'logs')}`,
    // LOAD CSV reads file:/// URLs from here (the benchmarks write their CSV files into it).
    `server.directories.import=${path.join(dir, 'import')}`,
    'db.tx_log.rotation.retention_policy=1 files',
    'dbms.usage_report.enabled=false',
  ];
  fs.writeFileSync(path.join(dir, 'conf', 'neo4j.conf'), `${conf.join('\n')}\n`);
}

/** The server's jars, and Browser's when the instance serves it over HTTP. */
function classpath(options?: Pick<InstanceOptions, 'httpPort'>): string {
  return [path.join(LIB_DIR, '*'), ...(options?.httpPort ? [path.join(BROWSER_DIR, '*')] : [])].join(path.delimiter);
}

function java(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync('java', ['-cp', classpath(), ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
}

/** The password is generated on the first start, set before the database exists, and kept out of git. */
function ensurePassword(name: string): string {
  const file = passwordFile(name);
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  // Not starting with '-': neo4j-admin would read it as an option (base64url draws '-' first once in 64). Only the
  // first character is swapped, so that the password keeps its 24 characters even when it began with '--'.
  const password = randomBytes(18).toString('base64url').replace(/^-/, 'k');
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
    // The instance's folder may be reached through a link: the server was started with its real path.
    const dir = fs.existsSync(instanceDir(name)) ? fs.realpathSync(instanceDir(name)) : instanceDir(name);
    return cmdline.includes(ENTRY_POINT) && (cmdline.includes(instanceDir(name)) || cmdline.includes(dir));
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

/** True when the instance was last started with its HTTP connector on (its config says so). */
function servesHttp(name: string): boolean {
  try {
    return fs.readFileSync(path.join(instanceDir(name), 'conf', 'neo4j.conf'), 'utf8').includes('server.http.enabled=true');
  } catch {
    return false;
  }
}

function announceBrowser(options: InstanceOptions, log: Log): void {
  if (!options.httpPort) return;
  if (!servesHttp(options.name)) {
    log(`Neo4j (${options.name}) was started without its HTTP connector: stop it (npm run db:stop) and start again for Neo4j Browser.`);
    return;
  }
  log(
    `Neo4j Browser: http://127.0.0.1:${options.httpPort}/browser/ (connect to bolt://127.0.0.1:${options.port}, user neo4j, password in .neo4j/${options.name}/password)`,
  );
}

/** Starts the instance unless it already runs; resolves once Bolt answers a query. */
export async function startLocalNeo4j(options: InstanceOptions, log: Log = defaultLog): Promise<Connection> {
  await ensureRuntime(log);
  if (options.httpPort) await ensureBrowser(log);
  if (runningPid(options.name) !== undefined) {
    const connection = connectionFor(options);
    await waitForBolt(connection, options.name);
    announceBrowser(options, log);
    return connection;
  }
  const ports = [{ port: options.port, setting: 'NEO4J_LOCAL_PORT' }, ...(options.httpPort ? [{ port: options.httpPort, setting: 'NEO4J_HTTP_PORT' }] : [])];
  for (const { port, setting } of ports) {
    if (await portInUse(port)) throw new Error(`Port ${port} is taken by another program; set ${setting} or NEO4J_URI.`);
  }
  requireCommand('java', 'Java 17 or newer is needed to run Neo4j: apt-get install -y openjdk-17-jre-headless (or set NEO4J_URI).');
  writeConfig(options);
  const password = ensurePassword(options.name);
  const dir = instanceDir(options.name);
  const console = fs.openSync(path.join(dir, 'logs', 'console.log'), 'a');
  const args = [`-Xmx${options.heap}`, ...JVM_FLAGS, '-cp', classpath(options), ENTRY_POINT, `--home-dir=${dir}`, `--config-dir=${path.join(dir, 'conf')}`];
  log(`Starting Neo4j (${options.name}) on bolt://127.0.0.1:${options.port} …`);
  const child = spawn('java', args, { detached: true, stdio: ['ignore', console, console] });
  child.unref();
  fs.closeSync(console);
  fs.writeFileSync(pidFile(options.name), String(child.pid));
  const connection = { uri: `bolt://127.0.0.1:${options.port}`, user: 'neo4j', password };
  await waitForBolt(connection, options.name);
  log(`Neo4j (${options.name}) is up.`);
  announceBrowser(options, log);
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
      return fs
        .readFileSync(path.join(instanceDir(name), 'logs', file), 'utf8')
        .split('\n')
        .slice(-15)
        .join('\n');
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

/** What `neo4j-admin database import full` reads: node files by label, relationship files by type. */
export interface ImportFiles {
  nodes: ReadonlyArray<{ label: string; file: string }>;
  relationships: ReadonlyArray<{ type: string; file: string }>;
  /** The files with a value spanning lines (read more slowly, so named one by one). */
  multiline: readonly string[];
  /** The character between the elements of a list value. */
  arrayDelimiter: string;
}

/** A database's own folders in an instance: its store and its transaction logs (what an import writes). */
const databaseFolders = (name: string, database: string) => ['databases', 'transactions'].map((kind) => path.join(instanceDir(name), 'data', kind, database));

/**
 * Replaces a database of a stopped instance by Neo4j's offline importer (`neo4j-admin database import full`,
 * run from the server's own jars). The database's folders are moved aside first and the import writes a database
 * that does not exist; if it fails, what it wrote is removed and the folders moved back, so the database is as it
 * was. Resolves with the importer's report (its last lines).
 */
export async function importDatabase(
  instance: Pick<InstanceOptions, 'name' | 'heap' | 'pagecache'>,
  database: string,
  files: ImportFiles,
  workDir: string,
  log: Log = defaultLog,
): Promise<string> {
  if (runningPid(instance.name) !== undefined) throw new Error(`Neo4j (${instance.name}) is running; an import needs it stopped.`);
  await ensureRuntime(log);
  const dir = instanceDir(instance.name);
  const folders = databaseFolders(instance.name, database);
  const asides = folders.map((folder) => path.join(workDir, `before-${path.basename(path.dirname(folder))}`));
  folders.forEach((folder, i) => fs.existsSync(folder) && fs.renameSync(folder, asides[i]!));
  const args = [
    `-Xmx${instance.heap}`,
    ...JVM_FLAGS,
    '-cp',
    classpath(),
    'org.neo4j.cli.AdminTool',
    'database',
    'import',
    'full',
    database,
    `--report-file=${path.join(workDir, 'import.report')}`,
    `--max-off-heap-memory=${instance.pagecache}`,
    // Every row is meant: a bad one (a relationship to a missing node, a duplicate id) fails the import.
    '--bad-tolerance=0',
    `--array-delimiter=U+${files.arrayDelimiter.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
    ...files.nodes.map(({ label, file }) => `--nodes=${label}=${file}`),
    ...files.relationships.map(({ type, file }) => `--relationships=${type}=${file}`),
    ...(files.multiline.length > 0 ? ['--multiline-fields-format=v2', `--multiline-fields=${files.multiline.join(',')}`] : []),
  ];
  try {
    const report = await runJava(args, { NEO4J_HOME: dir, NEO4J_CONF: path.join(dir, 'conf') });
    for (const aside of asides) fs.rmSync(aside, { recursive: true, force: true });
    return report;
  } catch (error) {
    folders.forEach((folder, i) => {
      fs.rmSync(folder, { recursive: true, force: true });
      if (fs.existsSync(asides[i]!)) fs.renameSync(asides[i]!, folder);
    });
    throw error;
  }
}

/** Runs a Java tool from the server's jars; resolves with its output's last lines, rejects with them. */
function runJava(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('java', args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    const keep = (chunk: string) => (tail = (tail + chunk).slice(-6000));
    child.stdout.setEncoding('utf8').on('data', keep);
    child.stderr.setEncoding('utf8').on('data', keep);
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(tail) : reject(new Error(`neo4j-admin database import failed (exit ${code}):\n${tail}`))));
  });
}

/** Deletes an instance's data (used by the test suite's own instance only). */
export function removeInstance(name: string): void {
  if (runningPid(name) !== undefined) throw new Error(`Neo4j (${name}) is running; stop it first.`);
  fs.rmSync(instanceDir(name), { recursive: true, force: true });
}
