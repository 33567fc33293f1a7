import type { Command } from 'commander';
import * as accounts from '../accounts/accounts.service';
import { UserRole } from '../accounts/accounts.schemas';
import { withDb } from '../db/context';
import { ensureSchemaOnce } from '../db/schema';

/**
 * `kb user add <name> --role editor|admin`, `kb user list`, `kb user role <name> <role>`, `kb user remove <name>`,
 * `kb user password <name>`. A password is read from standard input (one line: pipe it in), or asked for twice
 * without echo at a terminal; it is never an argument (arguments show in the process list and the shell history).
 */
export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('Accounts for the review workbench: editors review and edit, admins also manage users');
  user
    .command('add')
    .argument('<name>', 'lower-case letters, digits, dots, hyphens, underscores')
    .option('-r, --role <role>', 'editor | admin', 'editor')
    .description('Add a user; the password is read from standard input, or asked for at a terminal')
    .action(async (name: string, options: { role: string }) => {
      const role = UserRole.parse(options.role);
      const password = await readPassword();
      await withDb(async (db) => {
        await ensureSchemaOnce(db);
        const added = await accounts.addUser(db, { name, role, password });
        process.stderr.write(`Added ${added.name} (${added.role}).\n`);
      });
    });
  user
    .command('list')
    .description('The users and their roles')
    .action(() =>
      withDb(async (db) => {
        for (const u of await accounts.listUsers(db)) process.stdout.write(`${u.name}\t${u.role}\t${u.createdAt.slice(0, 10)}\n`);
      }),
    );
  user
    .command('role')
    .argument('<name>')
    .argument('<role>', 'editor | admin')
    .description("Change a user's role")
    .action((name: string, role: string) => withDb((db) => accounts.setRole(db, name, UserRole.parse(role))));
  user
    .command('password')
    .argument('<name>')
    .description("Set a user's password (read as for add); their sessions end")
    .action(async (name: string) => {
      const password = await readPassword();
      await withDb((db) => accounts.setPassword(db, name, password));
    });
  user
    .command('remove')
    .argument('<name>')
    .description('Remove a user, their sessions and tokens')
    .action((name: string) => withDb((db) => accounts.removeUser(db, name)));
}

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
