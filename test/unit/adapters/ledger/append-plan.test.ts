import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { frontierOf, planAppend } from '../../../../adapters/ledger/append-plan.js';
import { nodeKey } from '../../../../adapters/ledger/ledger-storage.js';
import { type Hash, leafHash, perfectFromLeaves } from '../../../../adapters/ledger/merkle.js';

const leavesOf = (n: number, salt: number): Hash[] =>
  Array.from({ length: n }, (_, i) => leafHash(Buffer.from(`${salt}:${i}`)));
const asNew = (hashes: Hash[]) => hashes.map((leafHash) => ({ leafHash, body: '{}', tijd: new Date(0) }));

/** Every perfect subtree (level ≥ 1) of a tree of `size` leaves, as `level:index`. */
function perfectNodes(size: number): string[] {
  const out: string[] = [];
  for (let level = 1; 2 ** level <= size; level++)
    for (let i = 0; i < Math.floor(size / 2 ** level); i++) out.push(nodeKey(level, i));
  return out;
}

describe('appending a batch to a stored tree', () => {
  it('names as frontier the roots of the perfect subtrees that make up the tree', () => {
    assert.deepEqual(frontierOf(0), []);
    assert.deepEqual(frontierOf(1), [{ level: 0, index: 0 }]);
    assert.deepEqual(frontierOf(6), [
      { level: 1, index: 2 },
      { level: 2, index: 0 },
    ]);
    assert.deepEqual(frontierOf(7), [
      { level: 0, index: 6 },
      { level: 1, index: 2 },
      { level: 2, index: 0 },
    ]);
    assert.deepEqual(frontierOf(8), [{ level: 3, index: 0 }]);
  });

  it('stores exactly the subtrees the batch completes, with the hashes of the whole tree (property)', () => {
    fc.assert(
      fc.property(fc.nat({ max: 300 }), fc.integer({ min: 1, max: 300 }), fc.nat(), (size, added, salt) => {
        const all = leavesOf(size + added, salt);
        const before = perfectFromLeaves(all.slice(0, size));
        const frontier = new Map(
          frontierOf(size).map(({ level, index }) => [nodeKey(level, index), before(level, index)]),
        );
        const { entries, nodes } = planAppend(size, asNew(all.slice(size)), frontier);

        assert.deepEqual(
          entries.map((e) => e.index),
          Array.from({ length: added }, (_, i) => size + i),
        );
        const expected = new Set(perfectNodes(size + added));
        for (const k of perfectNodes(size)) expected.delete(k);
        assert.deepEqual(new Set(nodes.map((n) => nodeKey(n.level, n.index))), expected);
        const after = perfectFromLeaves(all);
        for (const n of nodes) assert.ok(n.hash.equals(after(n.level, n.index)), `node ${n.level}/${n.index}`);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses to guess when a frontier hash is missing', () => {
    assert.throws(() => planAppend(3, asNew(leavesOf(1, 1)), new Map()), /missing subtree 0\/2/);
  });
});
