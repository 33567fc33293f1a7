import fs from 'node:fs';
import { parentPort } from 'node:worker_threads';
import type { FileProblem } from '../domain/errors';
import { type FactsDigest, digestOf } from './check-facts';
import { readFactsDocuments } from './facts-files';
import { toGraphRows } from './graph-rows';

/**
 * A thread of the parallel check (parallel-check.ts): reads the facts files it is given, checks each document
 * against the schema, and answers, per file, each document's problems and digest (for the checks across
 * documents, made by the main thread in load order); the graph rows of the documents that passed go to the
 * file's own spool, which the write pass reads back. Once it has met a problem it spools nothing more (nothing
 * will be written), but goes on checking.
 */

export interface CheckFileTask {
  index: number;
  file: string;
  spool: string;
}

export interface CheckedDocument {
  problems: FileProblem[];
  digest?: FactsDigest;
}

export interface CheckedFile {
  index: number;
  documents: CheckedDocument[];
  /** Documents whose rows were spooled. */
  spooled: number;
}

let failed = false;

function checkFile({ index, file, spool }: CheckFileTask): CheckedFile {
  const documents: CheckedDocument[] = [];
  let spooled = 0;
  const fd = fs.openSync(spool, 'w');
  try {
    let pending: string[] = [];
    let pendingChars = 0;
    for (const document of readFactsDocuments(file)) {
      if (document.problems.length > 0) failed = true;
      if (!document.facts) {
        documents.push({ problems: document.problems });
        continue;
      }
      documents.push({ problems: document.problems, digest: digestOf({ file: document.file, facts: document.facts }) });
      if (failed) continue;
      const line = JSON.stringify({ file: document.file, rows: toGraphRows(document.facts) });
      pending.push(line);
      pendingChars += line.length;
      spooled += 1;
      if (pendingChars > 1 << 22) {
        fs.writeSync(fd, `${pending.join('\n')}\n`);
        pending = [];
        pendingChars = 0;
      }
    }
    if (pending.length > 0) fs.writeSync(fd, `${pending.join('\n')}\n`);
  } finally {
    fs.closeSync(fd);
  }
  return { index, documents, spooled };
}

parentPort?.on('message', (task: CheckFileTask) => {
  try {
    parentPort?.postMessage({ checked: checkFile(task) });
  } catch (error) {
    parentPort?.postMessage({ error: { index: task.index, file: task.file, message: (error as Error).message } });
  }
});
