/**
 * A bounded queue in front of the database: at most `limit` queries run at once, up to `queueMax` more wait
 * their turn, and one more than that is refused at once with DatabaseBusyError (a 503 with Retry-After), so a
 * busy database slows answers down instead of failing them, and an overloaded one sheds load instead of piling
 * it up. The next turn goes to the waiting query whose request must answer soonest (earliest deadline first,
 * then in order of arrival): under a burst, the requests that came first finish first, instead of every
 * request advancing one query at a time and all of them running out of time together.
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

interface Waiting {
  deadline: number;
  turn: () => void;
}

export class Gate {
  private active = 0;
  private readonly queue: Waiting[] = [];

  constructor(
    readonly limit: number,
    readonly queueMax: number,
  ) {}

  get state(): GateState {
    return { inUse: this.active, waiting: this.queue.length };
  }

  /**
   * Runs `work` when a slot is free; one that waited `maxWaitMs` without a slot gives up with DatabaseBusyError.
   * `deadline` (ms since the epoch) ranks it among those waiting; without one it goes after all that have one.
   */
  async run<T>(work: () => Promise<T>, maxWaitMs = Number.POSITIVE_INFINITY, deadline = Number.POSITIVE_INFINITY): Promise<T> {
    if (this.active >= this.limit) {
      if (this.queue.length >= this.queueMax) throw new DatabaseBusyError(1);
      await this.waitTurn(maxWaitMs, deadline);
    } else {
      this.active += 1;
    }
    try {
      return await work();
    } finally {
      // The slot passes straight to the next in line (it stays counted as in use), or is freed.
      const next = this.takeNext();
      if (next) next.turn();
      else this.active -= 1;
    }
  }

  /** The waiting query with the earliest deadline (the first to arrive among equals), out of the queue. */
  private takeNext(): Waiting | undefined {
    let best = 0;
    for (let i = 1; i < this.queue.length; i += 1) if (this.queue[i]!.deadline < this.queue[best]!.deadline) best = i;
    return this.queue.splice(best, 1)[0];
  }

  private waitTurn(maxWaitMs: number, deadline: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const waiting: Waiting = {
        deadline,
        turn: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      this.queue.push(waiting);
      if (!Number.isFinite(maxWaitMs)) return;
      const giveUp = () => {
        this.queue.splice(this.queue.indexOf(waiting), 1);
        reject(new DatabaseBusyError(1));
      };
      timer = setTimeout(giveUp, Math.max(0, maxWaitMs));
    });
  }
}
