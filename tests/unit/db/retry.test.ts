import { Neo4jError } from 'neo4j-driver';
import { retryOnLockConflict, WRITE_ATTEMPTS } from '../../../src/db/retry';

const deadlock = () => new Neo4jError('ForsetiClient can not acquire ExclusiveLock', 'Neo.TransientError.Transaction.DeadlockDetected', '', '');
const down = () => new Neo4jError('Could not perform discovery', 'ServiceUnavailable', '', '');

/** A write that fails with the given errors, in turn, before it succeeds. */
function failingWith(errors: Error[]) {
  const calls = { count: 0 };
  const write = async () => {
    const error = errors[calls.count];
    calls.count += 1;
    if (error) throw error;
    return 'written';
  };
  return { write, calls };
}

test('a write that meets deadlocks is tried again until it succeeds', async () => {
  const { write, calls } = failingWith([deadlock(), deadlock()]);
  await expect(retryOnLockConflict(write, WRITE_ATTEMPTS, 1)).resolves.toBe('written');
  expect(calls.count).toBe(3);
});

test('a write that keeps meeting deadlocks fails with the deadlock after the last attempt', async () => {
  const { write, calls } = failingWith(Array.from({ length: WRITE_ATTEMPTS + 2 }, deadlock));
  await expect(retryOnLockConflict(write, WRITE_ATTEMPTS, 1)).rejects.toMatchObject({ code: 'Neo.TransientError.Transaction.DeadlockDetected' });
  expect(calls.count).toBe(WRITE_ATTEMPTS);
});

test('a database that is down, or any other error, is not tried again', async () => {
  for (const error of [down(), new Error('a bug')]) {
    const { write, calls } = failingWith([error]);
    await expect(retryOnLockConflict(write, WRITE_ATTEMPTS, 1)).rejects.toBe(error);
    expect(calls.count).toBe(1);
  }
});
