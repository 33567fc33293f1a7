import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { FactsValidationError } from '../domain/errors';

/**
 * `-` in place of a file name: standard input where a command reads a file, standard output where it writes
 * one, as in most Unix tools. Problems found in what came in on standard input name it so.
 */
export const STDIO = '-';
export const STDIN_NAME = 'standard input';

export const isStdio = (name: string | undefined): boolean => name === STDIO;

/** Everything on standard input, as UTF-8 text. */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Runs `work` on standard input saved to a temporary file (for readers that take a path, or read twice),
 * named with `extension` so that readers choosing by it choose right. The file is removed afterwards.
 */
export async function withStdinAsFile<T>(extension: string, work: (file: string) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-stdin-'));
  const file = path.join(dir, `stdin${extension}`);
  try {
    await pipeline(process.stdin, fs.createWriteStream(file));
    return await work(file);
  } catch (error) {
    if (error instanceof FactsValidationError) {
      throw new FactsValidationError(error.problems.map((p) => ({ ...p, file: p.file === file ? STDIN_NAME : p.file })));
    }
    throw error;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
