import { Argument, Option, type Command } from 'commander';
import { ROLES_OF_USERS } from '../domain/principal';

const user = () => import('./user.action');

/**
 * `kb user add <name> --role editor|admin`, `kb user list`, `kb user role <name> <role>`, `kb user remove <name>`,
 * `kb user password <name>`. Passwords come from standard input or the terminal, never from arguments
 * (see user.action.ts). The work is loaded when a command runs.
 */
export function registerUserCommands(program: Command): void {
  const command = program.command('user').description('Accounts for the review workbench: editors review and edit, admins also manage users');
  command
    .command('add')
    .argument('<name>', 'lower-case letters, digits, dots, hyphens, underscores')
    .addOption(new Option('-r, --role <role>', 'what the user may do').choices(ROLES_OF_USERS).default('editor'))
    .description('Add a user; the password is read from standard input, or asked for at a terminal')
    .action(async (name: string, options: { role: string }) => (await user()).addUser(name, options.role));
  command
    .command('list')
    .description('The users and their roles')
    .action(async () => (await user()).listUsers());
  command
    .command('role')
    .argument('<name>')
    .addArgument(new Argument('<role>', 'what the user may do').choices(ROLES_OF_USERS))
    .description("Change a user's role")
    .action(async (name: string, role: string) => (await user()).setRole(name, role));
  command
    .command('password')
    .argument('<name>')
    .description("Set a user's password (read as for add); their sessions end")
    .action(async (name: string) => (await user()).setPassword(name));
  command
    .command('remove')
    .argument('<name>')
    .description('Remove a user, their sessions and tokens')
    .action(async (name: string) => (await user()).removeUser(name));
}
