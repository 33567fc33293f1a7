/**
 * A bounded queue in front of the database: at most `limit` queries run at once (the driver's pool: more would
 * only wait inside the driver, where nobody can see or bound them), up to `queueMax` more wait their turn in
 * order, and one more than that is refused at once with DatabaseBusyError (a 503 with Retry-After), so a busy
 * database slows answers down instead of failing them, and an overloaded one sheds load instead of piling it up.
 */
export class DatabaseBusyError extends Error {
  constructor(readonly retryAfterS: number) {
    super('The database is busy: too many requests are waiting for it');
    this.name = 'DatabaseBusyError';
  }
}

export interface GateState {
  inUse: number;
  waiting: number;
}

export class Gate {
  private active = 0;
  private readonly queue: Array<() => void> = [];

  constructor(
    readonly limit: number,
    readonly queueMax: number,
  ) {}

  get state(): GateState {
    return { inUse: this.active, waiting: this.queue.length };
  }

  /** Runs `work` when a slot is free; one that waited `maxWaitMs` without a slot gives up with DatabaseBusyError. */
  async run<T>(work: () => Promise<T>, maxWaitMs = Number.POSITIVE_INFINITY): Promise<T> {
    if (this.active >= this.limit) {
      if (this.queue.length >= this.queueMax) throw new DatabaseBusyError(1);
      await this.waitTurn(maxWaitMs);
    } else {
      this.active += 1;
    }
    try {
      return await work();
    } finally {
      // The slot passes straight to the next in line (it stays counted as in use), or is freed.
      const next = this.queue.shift();
      if (next) next();
      else this.active -= 1;
    }
  }

  private waitTurn(maxWaitMs: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const turn = () => {
        clearTimeout(timer);
        resolve();
      };
      this.queue.push(turn);
      if (!Number.isFinite(maxWaitMs)) return;
      const giveUp = () => {
        this.queue.splice(this.queue.indexOf(turn), 1);
        reject(new DatabaseBusyError(1));
      };
      timer = setTimeout(giveUp, Math.max(0, maxWaitMs));
    });
  }
}
