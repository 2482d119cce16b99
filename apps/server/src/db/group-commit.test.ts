import { describe, expect, it } from 'vitest';
import { groupCommit, inRounds } from './group-commit.js';

/** A batch runner whose batches finish only when released, recording what each batch held. */
function heldRuns() {
  const batches: number[][] = [];
  const releases: (() => void)[] = [];
  const run = async (items: number[]): Promise<(string | Error)[]> => {
    batches.push([...items]);
    await new Promise<void>((resolve) => releases.push(resolve));
    return items.map((n) => (n < 0 ? new Error(`refused ${n}`) : `done ${n}`));
  };
  const releaseAll = async () => {
    while (releases.length > 0) {
      releases.shift()!();
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  return { batches, run, releaseAll };
}

describe('group commit', () => {
  it('should run a lone item at once, and gather the items that arrive while the batches run into the next, at most maxSize', async () => {
    const held = heldRuns();
    const submit = groupCommit({ maxSize: 3, parallel: 2, run: held.run });
    const first = [submit(1), submit(2)];
    expect(held.batches).toEqual([[1], [2]]);
    const waiting = [3, 4, 5, 6, 7].map((n) => submit(n));
    expect(held.batches).toEqual([[1], [2]]);
    for (let i = 0; i < 6; i += 1) await held.releaseAll();
    expect(await Promise.all([...first, ...waiting])).toEqual(['done 1', 'done 2', 'done 3', 'done 4', 'done 5', 'done 6', 'done 7']);
    expect(held.batches).toEqual([[1], [2], [3, 4, 5], [6, 7]]);
  });

  it('should refuse an item its result refuses, and no other', async () => {
    const held = heldRuns();
    const submit = groupCommit({ maxSize: 10, parallel: 1, run: held.run });
    const results = [submit(1), submit(-2), submit(3)].map((promise) => promise.then((value) => value, (error: Error) => error.message));
    for (let i = 0; i < 3; i += 1) await held.releaseAll();
    expect(await Promise.all(results)).toEqual(['done 1', 'refused -2', 'done 3']);
    expect(held.batches).toEqual([[1], [-2, 3]]);
  });

  it('should run each item of a batch that throws alone, so one that cannot be written fails alone', async () => {
    const batches: number[][] = [];
    const submit = groupCommit<number, string>({
      maxSize: 10,
      parallel: 1,
      run: async (items) => {
        batches.push([...items]);
        await new Promise((resolve) => setImmediate(resolve));
        if (items.includes(13)) throw new Error('deadlock detected');
        return items.map((n) => `done ${n}`);
      },
    });
    const results = [10, 11, 13, 12].map((n) => submit(n).then((value) => value, (error: Error) => error.message));
    expect(await Promise.all(results)).toEqual(['done 10', 'done 11', 'deadlock detected', 'done 12']);
    expect(batches).toEqual([[10], [11, 13, 12], [11], [13], [12]]);
  });

  it('should write items in rounds of one per key, in order, a later round after the one before, items a round gives back again', async () => {
    const items = ['a1', 'b1', 'a2', 'c1', 'a3', 'b2'].map((name, index) => ({ name, index }));
    const rounds: string[][] = [];
    let gaveBack = false;
    await inRounds(
      items,
      (item) => item.name[0]!,
      async (round, roundNumber) => {
        rounds.push(round.map((item) => `${item.name}@${roundNumber}`));
        // The first round cannot take c1 after all: it goes again.
        if (gaveBack) return [];
        gaveBack = true;
        return round.filter((item) => item.name === 'c1');
      },
    );
    expect(rounds).toEqual([['a1@0', 'b1@0', 'c1@0'], ['a2@1', 'c1@1', 'b2@1'], ['a3@2']]);
  });
});

