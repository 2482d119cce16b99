import { describe, expect, it } from 'vitest';
import { createCatalogReadCache } from './catalog-read-cache.js';

describe('the catalog read cache', () => {
  it('should load once for concurrent and repeated reads while the catalog version stays', async () => {
    let clock = 0;
    let loads = 0;
    let versionReads = 0;
    const cache = createCatalogReadCache({ readVersion: async () => (versionReads++, 'v1'), checkEveryMs: 1000, now: () => clock });
    const load = async () => ++loads;
    expect(await Promise.all([cache.read('k', load), cache.read('k', load)])).toEqual([1, 1]);
    clock = 5000;
    expect(await cache.read('k', load)).toBe(1);
    expect(versionReads).toBe(2);
  });

  it("should reload after another process's change shows in the version, but not before the next check", async () => {
    let clock = 0;
    let version = 'v1';
    let loads = 0;
    const cache = createCatalogReadCache({ readVersion: async () => version, checkEveryMs: 1000, now: () => clock });
    const load = async () => ++loads;
    expect(await cache.read('k', load)).toBe(1);
    version = 'v2';
    clock = 999;
    expect(await cache.read('k', load)).toBe(1);
    clock = 1000;
    expect(await cache.read('k', load)).toBe(2);
  });

  it('should forget everything on invalidate, and not keep a failed load', async () => {
    let loads = 0;
    const cache = createCatalogReadCache({ readVersion: async () => 'v', checkEveryMs: 60_000 });
    expect(await cache.read('k', async () => ++loads)).toBe(1);
    cache.invalidate();
    expect(await cache.read('k', async () => ++loads)).toBe(2);
    await expect(cache.read('boom', async () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await cache.read('boom', async () => 'recovered')).toBe('recovered');
  });

  it('should answer a read as of a version its caller read, dropping entries of any other version', async () => {
    let loads = 0;
    let versionReads = 0;
    const cache = createCatalogReadCache({ readVersion: async () => (versionReads++, 'v1'), checkEveryMs: 1000, now: () => 0 });
    const load = async () => ++loads;
    expect(await cache.readAsOf('v1', 'k', load)).toBe(1);
    expect(await cache.readAsOf('v1', 'k', load)).toBe(1);
    expect(await cache.read('k', load)).toBe(1);
    expect(versionReads).toBe(0);
    expect(await cache.readAsOf('v2', 'k', load)).toBe(2);
    expect(await cache.readAsOf(null, 'k', load)).toBe(3);
    expect(await cache.readAsOf(null, 'k', load)).toBe(3);
  });
});
