import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import { z } from 'zod';
import { Answer, type ParsedText, Ready } from './parse.schemas';

/**
 * One parse process (nlp/parse.py), started on the first request and reused: requests go down its stdin as JSON
 * lines, answers come back on its stdout, matched by id. A request that outlives its deadline kills the process;
 * a process that dies (or is killed) is started again once and the request retried; a second failure is thrown.
 * The process never keeps Node alive, and is killed when Node exits.
 */

export interface ParseProcessOptions {
  python: string;
  script: string;
  /** How long the process may take to load its model. */
  startTimeoutMs: number;
  /** How long one request may take. */
  requestTimeoutMs: number;
}

interface Pending {
  resolve: (docs: ParsedText[]) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

class ProcessFailed extends Error {}

export class ParseProcess {
  private child: ChildProcess | undefined;
  private started: Promise<Ready> | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private readonly killOnExit = () => this.child?.kill('SIGKILL');

  constructor(private readonly options: ParseProcessOptions) {}

  /** The parses of `texts`, in order; one restart of the process is allowed per call. */
  async parse(texts: string[]): Promise<ParsedText[]> {
    try {
      return await this.request(texts);
    } catch (error) {
      if (!(error instanceof ProcessFailed)) throw error;
      return this.request(texts);
    }
  }

  /** The model and spaCy's version, once the process is up (started if it is not). */
  ready(): Promise<Ready> {
    this.started ??= this.start();
    return this.started;
  }

  /** The process id, or null when none runs. */
  pid(): number | null {
    return this.child?.pid ?? null;
  }

  /** The process's resident memory in bytes (from /proc), or null when it does not run. */
  rssBytes(): number | null {
    const pid = this.child?.pid;
    if (pid === undefined || this.child?.exitCode !== null) return null;
    try {
      const kb = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      return kb ? Number(kb) * 1024 : null;
    } catch {
      return null;
    }
  }

  /** Ends the process (end of input makes it exit; a kill if it does not within a second). */
  async close(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.stdin?.end();
    const timer = setTimeout(() => child.kill('SIGKILL'), 1000);
    await exited;
    clearTimeout(timer);
  }

  private async request(texts: string[]): Promise<ParsedText[]> {
    await this.ready();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.fail(new ProcessFailed(`the parser took longer than ${this.options.requestTimeoutMs / 1000} s`));
      }, this.options.requestTimeoutMs);
      this.pending.set(id, {
        resolve: (docs) => resolve(docs.map((doc, i) => toUtf16(doc, texts[i] ?? ''))),
        reject,
        timer,
      });
      this.child?.stdin?.write(`${JSON.stringify({ id, texts })}\n`);
    });
  }

  private start(): Promise<Ready> {
    const child = spawn(this.options.python, ['-u', this.options.script], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child = child;
    process.on('exit', this.killOnExit);
    // never what keeps Node running: a command ends when its work is done, and the exit handler ends the process
    child.unref();
    for (const stream of [child.stdin, child.stdout, child.stderr]) (stream as unknown as { unref?: () => void }).unref?.();
    // a write to a process that just died: its exit fails the request
    child.stdin?.on('error', () => {});
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-2000)));
    return new Promise<Ready>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new ProcessFailed(`the parser did not start within ${this.options.startTimeoutMs / 1000} s`));
        child.kill('SIGKILL');
      }, this.options.startTimeoutMs);
      let buffer = '';
      let ready = false;
      child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
        buffer += chunk;
        for (let end = buffer.indexOf('\n'); end >= 0; end = buffer.indexOf('\n')) {
          const line = buffer.slice(0, end);
          buffer = buffer.slice(end + 1);
          if (ready) this.answer(line);
          else {
            ready = true;
            clearTimeout(timer);
            const parsed = Ready.safeParse(safeJson(line));
            if (parsed.success) resolve(parsed.data);
            else reject(new ProcessFailed(`the parser started with an unexpected line: ${line.slice(0, 200)}`));
          }
        }
      });
      child.once('error', (error) => (clearTimeout(timer), reject(new ProcessFailed(`the parser could not start: ${error.message}`))));
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        process.off('exit', this.killOnExit);
        const why = `the parser exited (${signal ?? `code ${code}`})${stderr.trim() ? `: ${lastLine(stderr)}` : ''}`;
        if (!ready) reject(new ProcessFailed(why));
        if (this.child === child) this.fail(new ProcessFailed(why));
      });
    });
  }

  private answer(line: string): void {
    const parsed = Answer.safeParse(safeJson(line));
    if (!parsed.success) return this.fail(new ProcessFailed(`the parser answered an unreadable line: ${z.prettifyError(parsed.error).slice(0, 200)}`));
    const answer = parsed.data;
    const pending = answer.id === null ? undefined : this.pending.get(answer.id);
    if (!pending || answer.id === null) return;
    this.pending.delete(answer.id);
    clearTimeout(pending.timer);
    if ('error' in answer) pending.reject(new Error(`the parser failed on a text: ${answer.error}`));
    else pending.resolve(answer.docs);
  }

  /** Rejects every request in flight and ends the process, so the next request starts a fresh one. */
  private fail(error: Error): void {
    const child = this.child;
    this.child = undefined;
    this.started = undefined;
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(error);
      this.pending.delete(id);
    }
    child?.kill('SIGKILL');
  }
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

const lastLine = (text: string) => text.trim().split('\n').at(-1) ?? '';

/** Python counts code points, JavaScript UTF-16 units: offsets are moved past every surrogate pair before them. */
function toUtf16(doc: ParsedText, text: string): ParsedText {
  if (!/[\uD800-\uDBFF]/.test(text)) return doc;
  const unitOf: number[] = [];
  let unit = 0;
  for (const char of text) {
    unitOf.push(unit);
    unit += char.length;
  }
  unitOf.push(unit);
  const at = (offset: number) => unitOf[offset] ?? unit;
  const move = <T extends { start: number; end: number }>(span: T): T => ({ ...span, start: at(span.start), end: at(span.end) });
  return {
    sentences: doc.sentences.map((s) => ({ ...move(s), tokens: s.tokens.map(move) })),
    nounChunks: doc.nounChunks.map(move),
    entities: doc.entities.map(move),
  };
}
