import { ReadCache } from './read-cache';

describe('the read cache', () => {
  let now = 1_000_000;
  beforeEach(() => jest.spyOn(Date, 'now').mockImplementation(() => now));
  afterEach(() => jest.restoreAllMocks());

  const counter = () => {
    let calls = 0;
    return { load: () => Promise.resolve(++calls), calls: () => calls };
  };

  it('answers from memory until a write in this process changes one of its topics', async () => {
    const cache = new ReadCache();
    const source = counter();
    expect(await cache.get('k', ['voc', 'org'], 10_000, source.load)).toBe(1);
    expect(await cache.get('k', ['voc', 'org'], 10_000, source.load)).toBe(1);
    cache.changed('calendar');
    expect(await cache.get('k', ['voc', 'org'], 10_000, source.load)).toBe(1);
    cache.changed('org');
    expect(await cache.get('k', ['voc', 'org'], 10_000, source.load)).toBe(2);
  });

  it('reads again once the time limit has passed', async () => {
    const cache = new ReadCache();
    const source = counter();
    await cache.get('k', ['voc'], 10_000, source.load);
    now += 10_001;
    expect(await cache.get('k', ['voc'], 10_000, source.load)).toBe(2);
  });

  it('with serveStale, answers at once with the value in hand and refreshes it once in the background', async () => {
    const cache = new ReadCache();
    let calls = 0;
    let finish: (value: number) => void = () => undefined;
    const slow = () => {
      calls++;
      return calls === 1 ? Promise.resolve(1) : new Promise<number>((resolve) => (finish = resolve));
    };
    await cache.get('k', ['voc'], 10_000, slow, { serveStale: true });
    now += 10_001;
    expect(await cache.get('k', ['voc'], 10_000, slow, { serveStale: true })).toBe(1);
    expect(await cache.get('k', ['voc'], 10_000, slow, { serveStale: true })).toBe(1);
    expect(calls).toBe(2); // one refresh, not one per reader
    finish(2);
    await new Promise((resolve) => setImmediate(resolve));
    expect(await cache.get('k', ['voc'], 10_000, slow, { serveStale: true })).toBe(2);
    expect(calls).toBe(2);
  });

  it('never serves a stale value after a write in this process', async () => {
    const cache = new ReadCache();
    const source = counter();
    await cache.get('k', ['voc'], 10_000, source.load, { serveStale: true });
    now += 10_001;
    cache.changed('voc');
    expect(await cache.get('k', ['voc'], 10_000, source.load, { serveStale: true })).toBe(2);
  });

  it('does not remember a failed read', async () => {
    const cache = new ReadCache();
    await expect(cache.get('k', ['voc'], 10_000, () => Promise.reject(new Error('down')))).rejects.toThrow(
      'down',
    );
    expect(await cache.get('k', ['voc'], 10_000, () => Promise.resolve('up'))).toBe('up');
  });
});
