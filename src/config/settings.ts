import { z } from 'zod';

const ProxyAddress = z.union([z.enum(['loopback', 'linklocal', 'uniquelocal']), z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()]);

/**
 * `false` (the default: the app faces its clients directly), `true` (believe any proxy: only when the app is
 * unreachable except through one), a number of proxy hops, or a comma-separated list of proxy addresses, ranges
 * and express's names for them (`loopback`, `linklocal`, `uniquelocal`). Parsed here so that a typo stops the start
 * instead of surfacing as express's error, or as a proxy silently not believed.
 */
function trustProxy() {
  return z.union(
    [
      z.enum(['', 'false', '0']).transform(() => false),
      z.literal('true').transform(() => true),
      z
        .string()
        .regex(/^[1-9]\d?$/)
        .transform(Number),
      z
        .string()
        .transform((list) => list.split(',').map((item) => item.trim()))
        .pipe(z.array(ProxyAddress)),
    ],
    { error: 'must be false, true, a number of hops, or a comma-separated list of addresses, ranges, loopback, linklocal, uniquelocal' },
  );
}

/** Every setting the project reads from the environment, parsed once. `.env.example` documents each key. */
const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** The interface the app listens on: loopback unless the user asks for more (0.0.0.0, ::, a LAN address). */
  HOST: z.union([z.ipv4(), z.ipv6(), z.hostname()], { error: 'must be an IP address (127.0.0.1, 0.0.0.0, ::) or a host name' }).default('127.0.0.1'),
  /** Which proxies in front of the app to believe about the client's address and scheme (express's `trust proxy`). */
  TRUST_PROXY: z.string().trim().default('false').pipe(trustProxy()),
  NEO4J_URI: z.string().url().optional(),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z.string().optional(),
  /** Port of the project-managed Neo4j (used only when NEO4J_URI is unset). */
  NEO4J_LOCAL_PORT: z.coerce.number().int().min(1).max(65535).default(7687),
  /** Heap of the project-managed Neo4j, passed to java as -Xmx. */
  NEO4J_HEAP: z
    .string()
    .regex(/^\d+[mg]$/i)
    .default('1g'),
  NEO4J_PAGECACHE: z
    .string()
    .regex(/^\d+[mg]$/i)
    .default('512m'),
  /** 1: the project-managed Neo4j opens its HTTP connector (on 127.0.0.1) and serves Neo4j Browser there. */
  NEO4J_BROWSER: z
    .enum(['0', '1', 'true', 'false'])
    .default('0')
    .transform((value) => value === '1' || value === 'true'),
  NEO4J_HTTP_PORT: z.coerce.number().int().min(1).max(65535).default(7474),
  /** Seconds within which a database that cannot be reached (no connection) is reported: a 503. */
  DB_TIMEOUT_S: z.coerce.number().positive().default(3),
  /**
   * Seconds one request may wait for a reachable database (its turn in the queue and its queries) before a 503
   * with Retry-After: a slow database is waited for, not taken for a down one. Routes may declare less.
   */
  DB_BUDGET_S: z.coerce.number().positive().default(10),
  /** Queries that may wait for one of the driver's connections; past that, the API answers 503 with Retry-After. */
  DB_QUEUE_MAX: z.coerce.number().int().min(0).default(500),
  /** auto: load seed/ when the database holds no events; always: on every start; never. */
  SEED_ON_START: z.enum(['auto', 'always', 'never']).default('auto'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Bearer token that POST /api/articles requires; unset (or empty), the API refuses every write. */
  KB_API_TOKEN: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.string().min(16, { message: 'must be at least 16 characters (e.g. openssl rand -hex 32)' }).optional(),
  ),
  /** Writes one client may make per minute; reads are not limited. */
  KB_WRITE_RATE_LIMIT: z.coerce.number().int().min(1).default(30),
  /** Fetching articles by address: allow addresses on loopback, private and link-local networks (off: refused). */
  FETCH_ALLOW_PRIVATE: z
    .enum(['0', '1', 'true', 'false'])
    .default('0')
    .transform((value) => value === '1' || value === 'true'),
  FETCH_TIMEOUT_S: z.coerce.number().positive().max(120).default(10),
  FETCH_MAX_BYTES: z.coerce.number().int().min(1024).default(3_000_000),
  /** Scheduled backups: the folder they go to (unset: none are taken), how often, and how many are kept. */
  BACKUP_DIR: z.preprocess((value) => (value === '' ? undefined : value), z.string().optional()),
  BACKUP_EVERY: z
    .string()
    .regex(/^\d+[mhd]$/, { message: 'must be a number of minutes, hours or days: 30m, 6h, 1d' })
    .default('1d')
    .transform((value) => Number(value.slice(0, -1)) * { m: 60_000, h: 3_600_000, d: 86_400_000 }[value.slice(-1) as 'm' | 'h' | 'd']),
  BACKUP_KEEP: z.coerce.number().int().min(1).default(7),
  /** 1: /metrics answers any client; otherwise only the loopback (127.0.0.1, ::1). */
  METRICS_PUBLIC: z
    .enum(['0', '1', 'true', 'false'])
    .default('0')
    .transform((value) => value === '1' || value === 'true'),
  /** How often watchlists' webhooks are sent what is new (seconds); 0 sends none. Addresses follow FETCH_ALLOW_PRIVATE. */
  WEBHOOK_INTERVAL_S: z.coerce.number().min(0).max(86_400).default(60),
  /** Attempts of one webhook delivery (the first and its retries), the first retry after WEBHOOK_BACKOFF_S, each later one twice as late. */
  WEBHOOK_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(4),
  WEBHOOK_BACKOFF_S: z.coerce.number().min(0).max(3600).default(5),
  /** The extractor's dependency parser (spaCy): auto (installed on first use, then started), off (the rules alone). */
  KB_PARSER: z.enum(['auto', 'off']).default('auto'),
  /** Where the parser is installed (default .nlp/ in the project folder), and the Python that installs it. */
  KB_PARSER_DIR: z.preprocess((value) => (value === '' ? undefined : value), z.string().optional()),
  KB_PARSER_PYTHON: z.string().min(1).default('python3'),
  /** Seconds one article's parse may take before the extractor goes on with the rules alone. */
  KB_PARSER_TIMEOUT_S: z.coerce.number().positive().max(600).default(30),
});

export type Config = Readonly<z.infer<typeof Env>>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return Object.freeze(Env.parse(env));
}
