import { isLockConflict } from './errors';

/** How many times a write is tried in all when it keeps meeting lock conflicts. */
export const WRITE_ATTEMPTS = 4;

/**
 * Runs a write, and again after a short, growing, jittered pause while it fails with a lock conflict
 * (the driver's own retry allows a single one: its retry window is kept short for the sake of a down database).
 */
export async function retryOnLockConflict<T>(write: () => Promise<T>, attempts = WRITE_ATTEMPTS, pauseMs = 100): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await write();
    } catch (error) {
      if (!isLockConflict(error) || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, pauseMs * attempt * (1 + Math.random())));
    }
  }
}
