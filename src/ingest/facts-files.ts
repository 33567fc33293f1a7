import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { zodProblems, type FileProblem } from '../domain/errors';
import { FactsFile, type Article, type Facts } from '../domain/model';

export const MAX_FACTS_FILE_BYTES = 20 * 1024 * 1024;
const FACTS_EXTENSIONS = new Set(['.yaml', '.yml', '.json', '.jsonl']);

/** The facts files a path names: the file itself, or every .yaml/.yml/.json/.jsonl under a folder, in name order. */
export function listFactsFiles(target: string): string[] {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return [target];
  return fs
    .readdirSync(target, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(target, entry.name);
      if (entry.isDirectory()) return listFactsFiles(full);
      return FACTS_EXTENSIONS.has(path.extname(entry.name).toLowerCase()) ? [full] : [];
    })
    .sort();
}

function parseDocument(file: string, content: string): unknown {
  if (path.extname(file).toLowerCase() === '.json') return JSON.parse(content);
  const document = YAML.parseDocument(content, { prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) throw new Error(document.errors[0]?.message ?? 'invalid YAML');
  return document.toJS({ maxAliasCount: 100 });
}

export interface FactsRead {
  /** Where the document is: the file, or `file:line` for a line of a JSON Lines file. */
  file: string;
  facts?: Facts;
  problems: FileProblem[];
}

/** Reads, parses and checks one facts file against the schema; resolves `textFile`. Problems are returned, not thrown. */
export function readFactsFile(file: string): { facts?: Facts; problems: FileProblem[] } {
  const size = fs.statSync(file).size;
  if (size > MAX_FACTS_FILE_BYTES) {
    return { problems: [{ file, path: '', reason: `file is ${size} bytes; the limit is ${MAX_FACTS_FILE_BYTES}` }] };
  }
  let raw: unknown;
  try {
    raw = parseDocument(file, fs.readFileSync(file, 'utf8'));
  } catch (error) {
    return { problems: [{ file, path: '', reason: `not valid ${path.extname(file).slice(1).toUpperCase()}: ${(error as Error).message}` }] };
  }
  return factsFromDocument(file, raw, path.dirname(file));
}

/**
 * A facts document given as text rather than a file (`kb load -`), in YAML or JSON, named `where` in its
 * problems; a `textFile` in it is read relative to `baseDir`.
 */
export function readFactsText(where: string, content: string, baseDir: string): { facts?: Facts; problems: FileProblem[] } {
  if (content.length > MAX_FACTS_FILE_BYTES) {
    return { problems: [{ file: where, path: '', reason: `it is ${content.length} characters; the limit is ${MAX_FACTS_FILE_BYTES}` }] };
  }
  let raw: unknown;
  try {
    raw = parseDocument(where, content);
  } catch (error) {
    return { problems: [{ file: where, path: '', reason: `not valid YAML or JSON: ${(error as Error).message}` }] };
  }
  return factsFromDocument(where, raw, baseDir);
}

/** A parsed document checked against the schema, with `textFile` read relative to `baseDir`. */
function factsFromDocument(where: string, raw: unknown, baseDir: string): { facts?: Facts; problems: FileProblem[] } {
  const parsed = FactsFile.safeParse(raw);
  if (!parsed.success) return { problems: zodProblems(where, parsed.error) };
  const { article: entry, ...rest } = parsed.data;
  if ('text' in entry) return { facts: { ...rest, article: entry }, problems: [] };
  const { textFile, ...meta } = entry;
  const textPath = path.resolve(baseDir, textFile);
  try {
    const article: Article = { ...meta, text: fs.readFileSync(textPath, 'utf8') };
    return { facts: { ...rest, article }, problems: [] };
  } catch {
    return { problems: [{ file: where, path: 'article.textFile', reason: `cannot read ${textPath}` }] };
  }
}

export const isJsonLines = (file: string) => path.extname(file).toLowerCase() === '.jsonl';

/**
 * Every facts document of a file, one at a time: the file's one document, or each line of a JSON Lines file
 * (one facts document per line; blank lines are skipped). A JSON Lines file is read in chunks, never whole,
 * so its size has no limit; each line, like each file, may be up to MAX_FACTS_FILE_BYTES.
 */
export function* readFactsDocuments(file: string): Generator<FactsRead> {
  if (!isJsonLines(file)) {
    yield { file, ...readFactsFile(file) };
    return;
  }
  for (const { line, text } of readLines(file)) {
    const where = `${file}:${line}`;
    if (text.length > MAX_FACTS_FILE_BYTES) {
      yield { file: where, problems: [{ file: where, path: '', reason: `line is ${text.length} characters; the limit is ${MAX_FACTS_FILE_BYTES}` }] };
      continue;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      yield { file: where, problems: [{ file: where, path: '', reason: `not valid JSON: ${(error as Error).message}` }] };
      continue;
    }
    yield { file: where, ...factsFromDocument(where, raw, path.dirname(file)) };
  }
}

const CHUNK_BYTES = 1 << 20;

/** The non-blank lines of a UTF-8 text file with their 1-based numbers, read a chunk at a time. */
export function* readLines(file: string): Generator<{ line: number; text: string }> {
  const fd = fs.openSync(file, 'r');
  const decoder = new TextDecoder('utf-8');
  const buffer = Buffer.alloc(CHUNK_BYTES);
  let carry = '';
  let line = 0;
  try {
    for (;;) {
      const bytes = fs.readSync(fd, buffer, 0, CHUNK_BYTES, null);
      const done = bytes === 0;
      const text = carry + (done ? decoder.decode() : decoder.decode(buffer.subarray(0, bytes), { stream: true }));
      const lines = text.split('\n');
      carry = done ? '' : (lines.pop() ?? '');
      for (const raw of lines) {
        line += 1;
        const trimmed = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        if (trimmed.trim() !== '') yield { line, text: trimmed };
      }
      if (done) return;
    }
  } finally {
    fs.closeSync(fd);
  }
}
