import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { request } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { killWithParent } from './kill-with-parent.ts';
import { freePort, isPortFree } from './tcp-port.ts';

// AWS's DynamoDB Local, the jar shipped in the npm package
// amplify-dynamodb-simulator, run with `java`. Always -sharedDb (every client
// sees the same tables, whatever its credentials or region) and
// -disableTelemetry (it would otherwise call AWS at startup).
// The jar has no option to choose the interface (see its -help): it listens on
// all of them (Jetty's default), so keep the port behind a firewall.
// The JVM is stopped by stop(), and killed if this process ends first (see
// kill-with-parent.ts); where util-linux's setpriv is installed, the kernel
// also kills it when this process dies by a signal nothing here can catch
// (SIGKILL).

export interface DynamoDBLocalOptions {
  /** keep tables in memory only (-inMemory); wins over dataDir. The default when there is no dataDir. */
  inMemory?: boolean;
  /** directory for the database file (-dbPath, created if missing), so tables survive restarts; unused with inMemory */
  dataDir?: string;
  /** 0 or undefined: a free port */
  port?: number;
  /** @default $JAVA_HOME/bin/java if JAVA_HOME is set, else java on the PATH */
  javaExecutable?: string;
  /** how long DynamoDB Local may take to answer; default 30 s */
  startupTimeoutMs?: number;
  /** options for its JVM, e.g. `-XX:TieredStopAtLevel=1` to start faster; default none */
  jvmOptions?: string[];
}

export interface DynamoDBLocal {
  /** e.g. http://127.0.0.1:8000 */
  endpoint: string;
  /** from starting the JVM to DynamoDB Local answering ListTables */
  startupMs: number;
  /** the JVM's process id */
  pid: number;
  /** stops the JVM (SIGTERM, then SIGKILL after 5 s) and waits until it has exited */
  stop(): Promise<void>;
  /** resolves when the JVM has exited, however it ended, with how (e.g. `SIGKILL`, `code 1`) */
  exited: Promise<string>;
}

/** `java` could not be run. */
export class JavaNotFoundError extends Error {
  override name = 'JavaNotFoundError';
  constructor(javaExecutable: string) {
    super(
      `Java was not found (tried "${javaExecutable}"): install a Java runtime 17 or newer ` +
        `(e.g. apt-get install openjdk-17-jre-headless) or set JAVA_HOME to one`,
    );
  }
}

/** The requested port is taken. */
export class PortInUseError extends Error {
  override name = 'PortInUseError';
  constructor(readonly port: number) {
    super(`Port ${port} is already in use: stop what listens there, or ask for port 0 to get a free one`);
  }
}

/** DynamoDB Local exited or did not answer in time. */
export class DynamoDBLocalStartError extends Error {
  override name = 'DynamoDBLocalStartError';
}

const STOP_GRACE_MS = 5_000;
const READY_POLL_MS = 25;
const OUTPUT_LINES_KEPT = 20;
const PORT_ATTEMPTS = 3;
const BIND_FAILURE = /BindException|Address already in use|Failed to bind/;

function emulatorDirectory(): string {
  const simulatorPackage = createRequire(import.meta.url).resolve('amplify-dynamodb-simulator/package.json');
  return join(dirname(simulatorPackage), 'emulator');
}

function defaultJava(): string {
  return process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function lastLine(text: string): string {
  return text.split('\n').at(-1) ?? '';
}

/** Whether DynamoDB Local answers a ListTables (it checks only that credentials are present). */
function answersListTables(port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/',
        agent: false,
        headers: {
          'content-type': 'application/x-amz-json-1.0',
          'x-amz-target': 'DynamoDB_20120810.ListTables',
          authorization:
            'AWS4-HMAC-SHA256 Credential=local/20000101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
        },
      },
      (response) => {
        response.resume();
        done(response.statusCode === 200);
      },
    );
    probe.on('error', () => done(false));
    probe.end('{"Limit":1}');
  });
}

/** The last lines the JVM printed, for error messages. */
function recordOutput(child: ChildProcess): () => string {
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(
      ...chunk
        .toString('utf8')
        .split('\n')
        .filter((line) => line.trim() !== ''),
    );
    lines.splice(0, Math.max(0, lines.length - OUTPUT_LINES_KEPT));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => lines.join('\n');
}

/** util-linux's `setpriv`: runs a command with a signal the kernel sends it when its parent dies. */
const SETPRIV = '/usr/bin/setpriv';
/** setpriv's exit status when the command it was to run does not exist. */
const COMMAND_NOT_FOUND = 127;

/** The command line that runs `java`, tied to this process's life where the system allows it. */
function javaCommand(java: string, args: string[]): { command: string; args: string[]; viaSetpriv: boolean } {
  return existsSync(SETPRIV)
    ? { command: SETPRIV, args: ['--pdeathsig', 'KILL', '--', java, ...args], viaSetpriv: true }
    : { command: java, args, viaSetpriv: false };
}

interface Launch {
  java: string;
  jvmOptions: string[];
  storageArgs: string[];
  port: number;
  startupTimeoutMs: number;
}

async function launch({ java, jvmOptions, storageArgs, port, startupTimeoutMs }: Launch): Promise<DynamoDBLocal> {
  const emulator = emulatorDirectory();
  const startedAt = performance.now();
  const { command, args, viaSetpriv } = javaCommand(java, [
    ...jvmOptions,
    `-Djava.library.path=${join(emulator, 'DynamoDBLocal_lib')}`,
    '-jar',
    join(emulator, 'DynamoDBLocal.jar'),
    '-sharedDb',
    '-disableTelemetry',
    '-port',
    String(port),
    ...storageArgs,
  ]);
  const child = spawn(command, args, { cwd: tmpdir(), stdio: ['ignore', 'pipe', 'pipe'] });
  const untie = killWithParent(child);
  const output = recordOutput(child);
  let failure: Error | undefined;
  let how = 'not started';
  const ended = new Promise<void>((resolveEnded) => {
    child.once('error', (error: NodeJS.ErrnoException) => {
      failure = error.code === 'ENOENT' ? new JavaNotFoundError(java) : error;
      resolveEnded();
    });
    child.once('exit', (code, signal) => {
      how = signal ?? `code ${code}`;
      if (viaSetpriv && code === COMMAND_NOT_FOUND) {
        failure ??= new JavaNotFoundError(java);
      }
      failure ??= new DynamoDBLocalStartError(
        oneLine(`DynamoDB Local exited (${signal ?? `code ${code}`}) before answering: ${lastLine(output())}`),
      );
      resolveEnded();
    });
  }).finally(untie);

  const stop = async () => {
    const running = child.exitCode === null && child.signalCode === null && child.pid !== undefined;
    const force = running ? setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS) : undefined;
    if (running) {
      child.kill('SIGTERM');
    }
    await ended;
    clearTimeout(force);
  };

  const deadline = startedAt + startupTimeoutMs;
  while (!failure) {
    // a JVM that could not bind its port says so and keeps running
    if (BIND_FAILURE.test(output())) {
      failure = new PortInUseError(port);
      break;
    }
    if (await answersListTables(port)) {
      return {
        endpoint: `http://127.0.0.1:${port}`,
        startupMs: Math.round(performance.now() - startedAt),
        pid: child.pid as number,
        stop,
        exited: ended.then(() => how),
      };
    }
    if (performance.now() > deadline) {
      await stop();
      throw new DynamoDBLocalStartError(
        oneLine(`DynamoDB Local did not answer on port ${port} within ${startupTimeoutMs} ms: ${lastLine(output())}`),
      );
    }
    await sleep(READY_POLL_MS);
  }
  await stop();
  throw failure;
}

/**
 * Starts DynamoDB Local and resolves once it answers. Throws JavaNotFoundError,
 * PortInUseError or DynamoDBLocalStartError, each with a one-line message.
 */
export async function startDynamoDBLocal(options: DynamoDBLocalOptions = {}): Promise<DynamoDBLocal> {
  let storageArgs = ['-inMemory'];
  if (options.dataDir && !options.inMemory) {
    const dataDir = resolve(options.dataDir);
    mkdirSync(dataDir, { recursive: true });
    storageArgs = ['-dbPath', dataDir];
  }
  const settings = {
    java: options.javaExecutable ?? defaultJava(),
    jvmOptions: options.jvmOptions ?? [],
    storageArgs,
    startupTimeoutMs: options.startupTimeoutMs ?? 30_000,
  };
  if (options.port) {
    if (!(await isPortFree(options.port))) {
      throw new PortInUseError(options.port);
    }
    return launch({ ...settings, port: options.port });
  }
  // a free port can be taken between choosing it and the JVM binding it: choose again
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await launch({ ...settings, port: await freePort() });
    } catch (error) {
      if (!(error instanceof PortInUseError) || attempt === PORT_ATTEMPTS) throw error;
    }
  }
}
