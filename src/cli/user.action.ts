import * as accounts from '../accounts/accounts.service';
import { UserRole } from '../accounts/accounts.schemas';
import { withDb } from '../db/context';
import { ensureSchemaOnce } from '../db/schema';

/**
 * What `kb user …` does (declared in user.command.ts). A password is read from standard input (one line: pipe it
 * in), or asked for twice without echo at a terminal; it is never an argument (arguments show in the process list
 * and the shell history).
 */
export async function addUser(name: string, roleName: string): Promise<void> {
  const role = UserRole.parse(roleName);
  const password = await readPassword();
  await withDb(async (db) => {
    await ensureSchemaOnce(db);
    const added = await accounts.addUser(db, { name, role, password });
    process.stderr.write(`Added ${added.name} (${added.role}).\n`);
  });
}

export const listUsers = () =>
  withDb(async (db) => {
    for (const u of await accounts.listUsers(db)) process.stdout.write(`${u.name}\t${u.role}\t${u.createdAt.slice(0, 10)}\n`);
  });

export const setRole = (name: string, role: string) => withDb((db) => accounts.setRole(db, name, UserRole.parse(role)));

export async function setPassword(name: string): Promise<void> {
  const password = await readPassword();
  await withDb((db) => accounts.setPassword(db, name, password));
}

export const removeUser = (name: string) => withDb((db) => accounts.removeUser(db, name));

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  }
  const first = await ask('Password: ');
  const second = await ask('Again: ');
  if (first !== second) throw new Error('The two passwords differ.');
  return first;
}

/** Reads a line at the terminal without echoing it. */
function ask(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    process.stderr.write(prompt);
    const stdin = process.stdin;
    stdin.setRawMode(true);
    stdin.resume();
    let typed = '';
    const onData = (data: Buffer) => {
      for (const char of data.toString('utf8')) {
        if (char === '\r' || char === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stderr.write('\n');
          return resolve(typed);
        }
        if (char === '\u0003') process.exit(130);
        typed = char === '\u007f' ? typed.slice(0, -1) : typed + char;
      }
    };
    stdin.on('data', onData);
  });
}
