/**
 * In-process wake-up: a job enqueued by this process wakes this process's runners at once instead of
 * at their next poll. Other processes find it at their next poll.
 */
const listeners = new Set<() => void>();

export function onJobEnqueued(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function signalJobEnqueued(): void {
  for (const listener of listeners) listener();
}
