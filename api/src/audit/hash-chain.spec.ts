import { canonicalJson, ChainedFields, ChainVerifier, entryHash, GENESIS_HASH } from './hash-chain';

function entry(id: number, overrides: Partial<ChainedFields> = {}): ChainedFields {
  return {
    id: String(id),
    at: new Date(Date.UTC(2026, 0, 1, 0, 0, id)),
    actorId: null,
    actorEmail: 'hr@example.com',
    action: 'update',
    entityType: 'target',
    entityId: `t-${id}`,
    before: { value: id },
    after: { value: id + 1, nested: { b: 2, a: 1 } },
    reason: null,
    payData: false,
    ...overrides,
  };
}

function chain(count: number) {
  let prev = GENESIS_HASH;
  return Array.from({ length: count }, (_, i) => {
    const fields = entry(i + 1);
    const hash = entryHash(prev, fields);
    const row = { ...fields, prevHash: prev, hash };
    prev = hash;
    return row;
  });
}

describe('audit hash chain', () => {
  it('serialises objects the same whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { y: 2, z: 1 }] }, b: 1 }),
    );
  });

  it('gives a 64-hex-digit SHA-256 that changes with any field and with the previous hash', () => {
    const base = entryHash(GENESIS_HASH, entry(1));
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(entryHash(GENESIS_HASH, entry(1))).toBe(base);
    expect(entryHash(GENESIS_HASH, entry(1, { reason: 'typo' }))).not.toBe(base);
    expect(entryHash(GENESIS_HASH, entry(1, { after: { value: 3 } }))).not.toBe(base);
    expect(entryHash(GENESIS_HASH, entry(1, { payData: true }))).not.toBe(base);
    expect(entryHash('f'.repeat(64), entry(1))).not.toBe(base);
  });

  it('accepts an untouched chain and reports its head', () => {
    const rows = chain(5);
    const verifier = new ChainVerifier();
    rows.forEach((row) => verifier.add(row));
    expect(verifier.outcome).toEqual({ valid: true, checked: 5, firstBrokenId: null, head: { id: '5', hash: rows[4].hash } });
  });

  it('names the first entry whose content was changed', () => {
    const rows = chain(5);
    rows[2] = { ...rows[2], after: { value: 999 } };
    const verifier = new ChainVerifier();
    rows.forEach((row) => verifier.add(row));
    expect(verifier.outcome.valid).toBe(false);
    expect(verifier.outcome.firstBrokenId).toBe('3');
  });

  it('names the entry after a deleted one', () => {
    const rows = chain(5);
    rows.splice(1, 1);
    const verifier = new ChainVerifier();
    rows.forEach((row) => verifier.add(row));
    expect(verifier.outcome.firstBrokenId).toBe('3');
  });

  it('cannot tell a consistently rewritten chain from a real one (which is why the anchor file exists)', () => {
    let prev = GENESIS_HASH;
    const forged = chain(3).map((row) => {
      const fields = { ...row, reason: 'rewritten' };
      const hash = entryHash(prev, fields);
      const out = { ...fields, prevHash: prev, hash };
      prev = hash;
      return out;
    });
    const verifier = new ChainVerifier();
    forged.forEach((row) => verifier.add(row));
    expect(verifier.outcome.valid).toBe(true);
    expect(verifier.outcome.head?.hash).not.toBe(chain(3)[2].hash);
  });
});
