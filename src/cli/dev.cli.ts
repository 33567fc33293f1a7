import { spawn, type ChildProcess } from 'node:child_process';

/**
 * `npm run dev`: the server run from the TypeScript sources by `tsx watch`, which restarts it whenever a file
 * it imports changes, beside esbuild rebuilding the browser scripts on every change (`build:client` in watch
 * mode). Views and styles are read afresh on each request already. Ctrl-C stops both; so does either one
 * ending, since half a dev setup only misleads.
 */
/** Each in a process group of its own, so that stopping it reaches what it started (npm → sh → esbuild). */
function start(command: string, args: string[]): ChildProcess {
  return spawn(command, args, { stdio: 'inherit', detached: true });
}

const children = [start('npm', ['run', '--silent', 'build:client', '--', '--watch=forever']), start('tsx', ['watch', '--clear-screen=false', 'src/server.ts'])];

let stopping = false;
function stopAll(status: number): void {
  if (stopping) return;
  stopping = true;
  for (const { pid } of children) {
    try {
      // The whole group: a child that has ended may have left what it started running.
      if (pid !== undefined) process.kill(-pid, 'SIGTERM');
    } catch {
      /* the group is gone already */
    }
  }
  process.exitCode = status;
}

for (const child of children) child.on('exit', (code) => stopAll(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stopAll(0));
