import { Neo4jError } from 'neo4j-driver';
import { DatabaseTimeoutError } from '../../../src/db/errors';
import { DatabaseBusyError, Gate } from '../../../src/db/gate';
import { describeError } from '../../../src/http/errors';

/** A piece of work that finishes when told. */
function pending() {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  return { work: () => done, finish };
}

test('up to the limit run at once, the next wait their turn in order, and one past the queue is refused at once', async () => {
  const gate = new Gate(2, 2);
  const order: number[] = [];
  const jobs = [0, 1, 2, 3].map(() => pending());
  const runs = jobs.map((job, i) => gate.run(async () => (await job.work(), order.push(i))));
  expect(gate.state).toEqual({ inUse: 2, waiting: 2 });
  await expect(gate.run(async () => 'never')).rejects.toBeInstanceOf(DatabaseBusyError);
  jobs[3]!.finish();
  jobs[2]!.finish();
  jobs[0]!.finish();
  jobs[1]!.finish();
  await Promise.all(runs);
  expect(order.slice(0, 2).sort()).toEqual([0, 1]);
  expect(gate.state).toEqual({ inUse: 0, waiting: 0 });
});

test('work that fails frees its place for the next', async () => {
  const gate = new Gate(1, 1);
  const failing = gate.run(async () => Promise.reject(new Error('query failed')));
  const next = gate.run(async () => 'ran');
  await expect(failing).rejects.toThrow('query failed');
  await expect(next).resolves.toBe('ran');
  expect(gate.state).toEqual({ inUse: 0, waiting: 0 });
});

test('a full queue is a 503 with Retry-After, not a database down', () => {
  const answer = describeError(new DatabaseBusyError(1));
  expect(answer).toEqual({ status: 503, body: { error: 'The database is busy; try again in a moment.' }, retryAfterS: 1 });
});

test('one that waits longer than it may gives up with DatabaseBusyError, leaves the queue, and the rest keep their turn', async () => {
  const gate = new Gate(1, 5);
  const running = pending();
  const first = gate.run(running.work);
  const impatient = gate.run(async () => 'never', 20);
  const patient = gate.run(async () => 'ran');
  await expect(impatient).rejects.toBeInstanceOf(DatabaseBusyError);
  expect(gate.state).toEqual({ inUse: 1, waiting: 1 });
  running.finish();
  await first;
  await expect(patient).resolves.toBe('ran');
  expect(gate.state).toEqual({ inUse: 0, waiting: 0 });
});

test('a database that did not answer in time is a 503 to retry, told apart from one that cannot be reached', () => {
  const slow = describeError(new DatabaseTimeoutError(10_000));
  expect(slow).toEqual({ status: 503, body: { error: 'The database did not answer in time; try again in a moment.' }, retryAfterS: 2 });
  const down = describeError(new Neo4jError('connect ECONNREFUSED', 'ServiceUnavailable', '', ''));
  expect(down).toEqual({ status: 503, body: { error: 'The database is not reachable right now; try again shortly.' } });
});

test('the next turn goes to the query whose request must answer soonest, then to the first to arrive', async () => {
  const gate = new Gate(1, 10);
  const running = pending();
  const order: string[] = [];
  const first = gate.run(running.work);
  const now = Date.now();
  const runs = [
    gate.run(async () => order.push('no deadline')),
    gate.run(async () => order.push('late'), Number.POSITIVE_INFINITY, now + 9_000),
    gate.run(async () => order.push('soon'), Number.POSITIVE_INFINITY, now + 1_000),
    gate.run(async () => order.push('late, second'), Number.POSITIVE_INFINITY, now + 9_000),
  ];
  expect(gate.state).toEqual({ inUse: 1, waiting: 4 });
  running.finish();
  await Promise.all([first, ...runs]);
  expect(order).toEqual(['soon', 'late', 'late, second', 'no deadline']);
  expect(gate.state).toEqual({ inUse: 0, waiting: 0 });
});
