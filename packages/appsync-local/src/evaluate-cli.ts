import { evaluateCommand } from './evaluate-command.ts';

// `appsync-local evaluate` on the process's arguments (evaluate-command.ts).

process.exitCode = await evaluateCommand(process.argv.slice(2), console);
