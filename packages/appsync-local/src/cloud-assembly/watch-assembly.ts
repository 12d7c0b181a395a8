import { watch, type FSWatcher } from 'node:fs';

// `cdk synth` writes the assembly's templates and assets first and its
// manifest.json last, so a changed manifest means a complete new assembly.
// Editors and synth write in bursts; one call follows a quiet moment.

const QUIET_MS = 200;

export function watchAssembly(directory: string, onChange: () => void): Pick<FSWatcher, 'close'> {
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(directory, (_event, fileName) => {
    if (fileName === 'manifest.json') {
      clearTimeout(timer);
      timer = setTimeout(onChange, QUIET_MS);
    }
  });
  return {
    close() {
      clearTimeout(timer);
      watcher.close();
    },
  };
}
