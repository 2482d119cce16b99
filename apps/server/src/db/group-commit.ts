/**
 * Group commit: items handed in while earlier ones are being written wait, and go together as the next
 * batch (at most `maxSize`, `parallel` batches at a time). A lone item goes at once; under load, many share
 * one transaction. `run` answers, in order, each item's result or the Error that refuses that item alone.
 * A batch that throws (a deadlock, a lost connection) is run again item by item, so one item cannot fail
 * the others; an item that throws alone rejects.
 */
export function groupCommit<I, O>(options: { maxSize: number; parallel: number; run: (items: I[]) => Promise<(O | Error)[]> }): (item: I) => Promise<O> {
  type Waiting = { item: I; resolve: (value: O) => void; reject: (error: unknown) => void };
  const queue: Waiting[] = [];
  let running = 0;

  const settle = (waiting: Waiting, result: O | Error | undefined) => {
    if (result instanceof Error) waiting.reject(result);
    else if (result === undefined) waiting.reject(new Error('group commit: no result for an item'));
    else waiting.resolve(result);
  };

  const runBatch = async (batch: Waiting[]): Promise<void> => {
    try {
      const results = await options.run(batch.map((waiting) => waiting.item));
      batch.forEach((waiting, index) => settle(waiting, results[index]));
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      for (const waiting of batch) {
        try {
          const [result] = await options.run([waiting.item]);
          settle(waiting, result);
        } catch (alone) {
          waiting.reject(alone);
        }
      }
    }
  };

  const pump = () => {
    while (running < options.parallel && queue.length > 0) {
      const batch = queue.splice(0, options.maxSize);
      running += 1;
      void runBatch(batch).finally(() => {
        running -= 1;
        pump();
      });
    }
  };

  return (item) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      pump();
    });
}

/**
 * Items written together in rounds: each round holds the first waiting item of each key (an order, a
 * submission), in order, and the rest wait for a later round, which sees the round's writes. `write` runs
 * one round and answers items it could not take after all (to go again, in their place).
 */
export async function inRounds<T extends { index: number }>(
  items: T[],
  keyOf: (item: T) => string,
  write: (round: T[], roundNumber: number) => Promise<T[] | void>,
): Promise<void> {
  let pending = items;
  for (let roundNumber = 0; pending.length > 0; roundNumber += 1) {
    const round: T[] = [];
    const later: T[] = [];
    const keys = new Set<string>();
    for (const item of pending) {
      const key = keyOf(item);
      (keys.has(key) ? later : round).push(item);
      keys.add(key);
    }
    const again = (await write(round, roundNumber)) ?? [];
    pending = [...again, ...later].sort((a, b) => a.index - b.index);
  }
}
