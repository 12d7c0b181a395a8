import { tokenCommand } from './token-command.ts';

// `npm run token -- --user alice [--group admins] [--expires-in 3600]`
// prints a token of the local user pool for the local server's Authorization
// header (token-command.ts).

process.exitCode = await tokenCommand(process.argv.slice(2), console);
