import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { z } from 'zod';
import { FactsFile, type Article, type Facts } from '../domain/model';

/** One reason a facts file was refused: which file, where in it, and why. */
export interface FileProblem {
  file: string;
  path: string;
  reason: string;
}

export class FactsValidationError extends Error {
  constructor(readonly problems: FileProblem[]) {
    super(
      `Refused ${problems.length} problem(s) in facts files; nothing was loaded:\n` +
        problems.map((p) => `  ${p.file}: ${p.path || '(file)'}: ${p.reason}`).join('\n'),
    );
    this.name = 'FactsValidationError';
  }
}

export const MAX_FACTS_FILE_BYTES = 20 * 1024 * 1024;
const FACTS_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/** `events[3].date.start`: the form people read in error messages. */
export function formatPath(segments: readonly PropertyKey[]): string {
  return segments
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`,
    )
    .join('');
}

export function zodProblems(file: string, error: z.ZodError): FileProblem[] {
  return error.issues.map((issue) => ({ file, path: formatPath(issue.path), reason: issue.message }));
}

/** The facts files a path names: the file itself, or every .yaml/.yml/.json under a folder, in name order. */
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
  const parsed = FactsFile.safeParse(raw);
  if (!parsed.success) return { problems: zodProblems(file, parsed.error) };
  const { article: entry, ...rest } = parsed.data;
  if ('text' in entry) return { facts: { ...rest, article: entry }, problems: [] };
  const { textFile, ...meta } = entry;
  const textPath = path.resolve(path.dirname(file), textFile);
  try {
    const article: Article = { ...meta, text: fs.readFileSync(textPath, 'utf8') };
    return { facts: { ...rest, article }, problems: [] };
  } catch {
    return { problems: [{ file, path: 'article.textFile', reason: `cannot read ${textPath}` }] };
  }
}
