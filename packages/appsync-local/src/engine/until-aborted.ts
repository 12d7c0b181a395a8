/**
 * Rejects with the signal's reason once it aborts: raced against a data
 * source's call, so that the resolver stops waiting when its time is up even
 * if the call itself cannot be stopped.
 */
export function untilAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}
