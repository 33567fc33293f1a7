import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Db } from '../db/query';
import { FactsValidationError, type FileProblem } from '../domain/errors';
import { FactsChecker } from './check-facts';
import type { CheckedFile, CheckFileTask } from './check-worker';
import { existingActorIds } from './load.repository';

/** Past this many problems a load stops collecting more: the report is long enough to act on. */
export const MAX_PROBLEMS = 1_000;

/** Below this many bytes of facts files a load checks them in its own thread: starting threads would cost more. */
const PARALLEL_MIN_BYTES = 8 << 20;

/**
 * How many threads check a load's files: one per core (at most four), each taking the next file; one (the
 * loader's own, no worker) for a single file or a small load.
 */
export function checkThreadsFor(files: readonly string[]): number {
  const bytes = files.reduce((sum, file) => sum + fs.statSync(file).size, 0);
  if (files.length < 2 || bytes < PARALLEL_MIN_BYTES) return 1;
  return Math.min(files.length, os.availableParallelism(), 4);
}

/** The worker's compiled file beside this one; from the TypeScript sources (the tests), through tsx's require hook. */
function startWorker(): Worker {
  if (!__filename.endsWith('.ts')) return new Worker(path.join(__dirname, 'check-worker.js'));
  const source = path.join(__dirname, 'check-worker.ts');
  return new Worker(`require('tsx/cjs'); require(${JSON.stringify(source)});`, { eval: true });
}

type WorkerAnswer = { checked: CheckedFile } | { error: { index: number; file: string; message: string } };

/**
 * The first pass of a file load over several threads (check-worker.ts): each file is read, schema-checked and
 * flattened into graph rows by one worker, which spools the rows to a file of their own (`spoolDir/<n>.jsonl`, in
 * the files' order); the checks across documents (ids, references) are made here, document by document in load
 * order, so the problems and their order are those of the one-thread pass (load.ts checkFactsFiles). Throws
 * FactsValidationError listing every problem; answers how many documents were spooled and the spools in order.
 */
export async function checkFactsFilesInParallel(
  db: Db,
  files: readonly string[],
  spoolDir: string,
  threads: number,
): Promise<{ total: number; spools: string[] }> {
  const tasks: CheckFileTask[] = files.map((file, index) => ({ index, file, spool: path.join(spoolDir, `${String(index).padStart(6, '0')}.jsonl`) }));
  const checker = new FactsChecker();
  const problems: FileProblem[] = [];
  const done = new Map<number, CheckedFile>();
  let next = 0;
  let total = 0;
  /** Takes the files answered so far, in the files' order. */
  const takeInOrder = () => {
    for (let file = done.get(next); file; file = done.get(next)) {
      done.delete(next);
      next += 1;
      for (const document of file.documents) {
        if (problems.length < MAX_PROBLEMS) problems.push(...document.problems);
        if (document.digest) checker.addDigest(document.digest);
      }
      total += file.spooled;
    }
  };
  const workers = Array.from({ length: Math.min(threads, tasks.length) }, startWorker);
  let queued = 0;
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const give = () => {
              const task = tasks[queued++];
              if (task) worker.postMessage(task);
              else resolve();
            };
            worker.on('message', (answer: WorkerAnswer) => {
              if ('error' in answer) {
                reject(new Error(`checking ${answer.error.file}: ${answer.error.message}`));
                return;
              }
              done.set(answer.checked.index, answer.checked);
              takeInOrder();
              give();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => reject(new Error(`a checking thread stopped (exit code ${code})`)));
            give();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  problems.push(...checker.finish(await existingActorIds(db, checker.undefinedActorRefs())));
  if (problems.length > 0) throw new FactsValidationError(problems.slice(0, MAX_PROBLEMS));
  return { total, spools: tasks.map((task) => task.spool) };
}
