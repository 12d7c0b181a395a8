import { argv } from 'node:process';

// `appsync-local <command> [options]`: one entry point for the package's tools.

const COMMANDS: Record<string, string> = {
  evaluate: './evaluate-cli.ts',
  serve: './cloud-assembly/serve-cli.ts',
  token: './cloud-assembly/token-cli.ts',
};

const USAGE = `usage: appsync-local <command> [options]

commands:
  evaluate   evaluate one resolver handler as AppSync's EvaluateCode API does
  serve      serve the AppSync API of a CDK cloud assembly (default ./cdk.out)
  token      print a token of the local user pool of that API`;

const [command, ...rest] = argv.slice(2);
const commandModule = command === undefined ? undefined : COMMANDS[command];
if (!commandModule) {
  console.error(USAGE);
  process.exitCode = command === undefined || command === '--help' ? 0 : 2;
} else {
  // each command reads its options from process.argv, as when run on its own
  process.argv = [argv[0], argv[1], ...rest];
  await import(commandModule);
}
