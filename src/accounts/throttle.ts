/**
 * Repeated failed sign-ins for one name, or from one address, are slowed and then refused for a while: after
 * SLOW_AFTER failures within the window each further try waits longer (up to MAX_DELAY_MS), and after
 * REFUSE_AFTER the name or address is refused until the window has passed. Kept in memory: a restart forgives.
 */
export const SLOW_AFTER = 3;
export const REFUSE_AFTER = 10;
const WINDOW_MS = 15 * 60_000;
const MAX_DELAY_MS = 3000;

interface Record {
  failures: number;
  since: number;
}

export class LoginThrottle {
  private readonly records = new Map<string, Record>();

  constructor(private readonly now: () => number = Date.now) {}

  private current(key: string): Record | undefined {
    const record = this.records.get(key);
    if (record && this.now() - record.since > WINDOW_MS) {
      this.records.delete(key);
      return undefined;
    }
    return record;
  }

  /** How long the keys are refused for (0: not refused), and how long to wait before answering. */
  check(keys: readonly string[]): { refusedForMs: number; delayMs: number } {
    const failures = Math.max(0, ...keys.map((key) => this.current(key)?.failures ?? 0));
    if (failures >= REFUSE_AFTER) {
      const since = Math.min(...keys.map((key) => this.current(key)?.since ?? this.now()));
      return { refusedForMs: WINDOW_MS - (this.now() - since), delayMs: 0 };
    }
    return { refusedForMs: 0, delayMs: failures < SLOW_AFTER ? 0 : Math.min(MAX_DELAY_MS, 250 * 2 ** (failures - SLOW_AFTER)) };
  }

  fail(keys: readonly string[]): void {
    for (const key of keys) {
      const record = this.current(key) ?? { failures: 0, since: this.now() };
      record.failures += 1;
      this.records.set(key, record);
    }
  }

  succeed(keys: readonly string[]): void {
    for (const key of keys) this.records.delete(key);
  }
}
