import fs from 'node:fs';
import readline from 'node:readline';

/**
 * The non-blank lines of a text file, streamed, each with its number counted from 1 over every line (blank
 * ones included), so that a problem names the line an editor sees. A byte-order mark on the first line is
 * dropped: spreadsheet tools write one.
 */
export async function* numberedLines(file: string): AsyncGenerator<{ line: string; number: number }> {
  const lines = readline.createInterface({ input: fs.createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let number = 0;
  for await (const raw of lines) {
    number += 1;
    const line = number === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (line.trim() !== '') yield { line, number };
  }
}
