import { tokenCommand } from './token-command.ts';

// `appsync-local token` on the process's arguments, console and folder (token-command.ts).

process.exitCode = await tokenCommand(process.argv.slice(2), console, process.cwd());
