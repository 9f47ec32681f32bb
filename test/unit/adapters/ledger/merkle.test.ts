import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  consistencyProof,
  emptyRoot,
  hashLevels,
  inclusionProof,
  leafHash,
  levelTree,
  nodeHash,
  perfectFromLeaves,
  subtreeHash,
  verifyConsistency,
  verifyInclusion,
} from '../../../../adapters/ledger/merkle.js';

const entries = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map((h) => Buffer.from(h, 'hex'));
const root = (leaves: Buffer[]) => subtreeHash(0, leaves.length, perfectFromLeaves(leaves));

describe('the Merkle tree, C2SP merkle-tree.md example (7 entries)', () => {
  const d = entries.slice(0, 7);
  const [a, b, c, dd, e, f, g] = d.map(leafHash) as [Buffer, Buffer, Buffer, Buffer, Buffer, Buffer, Buffer];
  const h = nodeHash(a, b);
  const i = nodeHash(c, dd);
  const j = nodeHash(e, f);
  const k = nodeHash(h, i);
  const l = nodeHash(j, g);
  const rootHash = nodeHash(k, l);
  const perfect = perfectFromLeaves([a, b, c, dd, e, f, g]);

  it('computes the root as the document defines it', () => {
    assert.ok(
      subtreeHash(0, 7, perfect).equals(rootHash),
      'the subtree hash over all 7 leaves equals the RFC 9162 test-vector root',
    );
  });

  for (const [index, expected] of [
    [0, [b, i, l]],
    [3, [c, h, l]],
    [4, [f, g, k]],
    [6, [j, k]],
  ] as const) {
    it(`gives the documented inclusion proof for d[${index}] and it verifies`, () => {
      const proof = inclusionProof(index, 7, perfect);
      assert.deepEqual(proof, expected);
      assert.ok(
        verifyInclusion(index, 7, leafHash(d[index]!), proof, rootHash),
        `inclusion proof of leaf ${index} verifies`,
      );
    });
  }

  for (const [m, expected] of [
    [3, [c, dd, h, l]],
    [4, [l]],
    [6, [j, g, k]],
  ] as const) {
    it(`gives the documented consistency proof from size ${m} to 7 and it verifies`, () => {
      const proof = consistencyProof(m, 7, perfect);
      assert.deepEqual(proof, expected);
      assert.ok(
        verifyConsistency(m, 7, subtreeHash(0, m, perfect), rootHash, proof),
        `consistency proof from size ${m} to 7 verifies`,
      );
    });
  }

  it('hashes the empty tree as SHA-256 of the empty string', () => {
    assert.equal(emptyRoot.toString('hex'), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});

describe('the Merkle tree, RFC 6962 reference roots', () => {
  // The eight inputs and roots used by RFC 6962 implementations (e.g. certificate-transparency-go's tests).
  const roots = [
    '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
    'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
    'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
    '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
    'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
    '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
  ];
  roots.forEach((expected, n) => {
    it(`root of the first ${n + 1} entries`, () => {
      assert.equal(root(entries.slice(0, n + 1).map(leafHash)).toString('hex'), expected);
    });
  });
});

describe('the Merkle tree, properties', () => {
  const tree = fc
    .array(fc.uint8Array({ maxLength: 8 }), { minLength: 1, maxLength: 70 })
    .map((xs) => xs.map((x) => leafHash(x)));

  it('every inclusion proof verifies, and fails against another root or index', () => {
    fc.assert(
      fc.property(tree, fc.nat(), (leaves, pick) => {
        const n = leaves.length;
        const m = pick % n;
        const perfect = perfectFromLeaves(leaves);
        const r = subtreeHash(0, n, perfect);
        const proof = inclusionProof(m, n, perfect);
        assert.ok(
          verifyInclusion(m, n, leaves[m]!, proof, r),
          `inclusion proof of leaf ${m} in a tree of ${n} verifies`,
        );
        assert.ok(proof.length <= Math.ceil(Math.log2(n)), `proof of ${proof.length} hashes is at most log2(${n})`);
        assert.ok(!verifyInclusion(m, n, leafHash(Buffer.from('vervalst')), proof, r), 'a forged leaf does not verify');
        if (n > 1)
          assert.ok(
            !verifyInclusion((m + 1) % n, n, leaves[m]!, proof, r) || leaves[(m + 1) % n]!.equals(leaves[m]!),
            'the proof does not verify for another index',
          );
      }),
      { numRuns: 300 },
    );
  });

  it('every consistency proof verifies, and fails when an old leaf is changed', () => {
    fc.assert(
      fc.property(tree, fc.nat(), (leaves, pick) => {
        const n = leaves.length;
        const m = 1 + (pick % n);
        const perfect = perfectFromLeaves(leaves);
        const proof = consistencyProof(m, n, perfect);
        const r1 = subtreeHash(0, m, perfect);
        const r2 = subtreeHash(0, n, perfect);
        assert.ok(verifyConsistency(m, n, r1, r2, proof), `consistency proof from ${m} to ${n} verifies`);
        const tampered = [...leaves];
        tampered[pick % m] = leafHash(Buffer.from('anders'));
        const forgedOld = subtreeHash(0, m, perfectFromLeaves(tampered));
        if (!forgedOld.equals(r1))
          assert.ok(!verifyConsistency(m, n, forgedOld, r2, proof), 'a forged old root does not verify');
      }),
      { numRuns: 300 },
    );
  });

  it('the flat levels (used by the verifier), hashed in chunks and joined, give the same subtrees as the list-based one', () => {
    const bodies = fc.array(fc.string({ maxLength: 12, unit: 'binary' }), { minLength: 1, maxLength: 70 });
    fc.assert(
      fc.property(bodies, fc.integer({ min: 0, max: 4 }), (entries, chunkLog2) => {
        const chunk = 2 ** chunkLog2;
        const levels: Buffer[] = [Buffer.alloc(entries.length * 32)];
        for (let l = 1; l <= chunkLog2 && 2 ** l <= entries.length; l++)
          levels.push(Buffer.alloc(Math.floor(entries.length / 2 ** l) * 32));
        for (let from = 0; from < entries.length; from += chunk) {
          hashLevels(entries.slice(from, from + chunk), chunkLog2).forEach((buf, l) =>
            buf.copy(levels[l]!, (from / 2 ** l) * 32),
          );
        }
        const leaves = entries.map((e) => leafHash(Buffer.from(e, 'utf8')));
        const flat = levelTree(levels);
        const list = perfectFromLeaves(leaves);
        assert.ok(
          subtreeHash(0, entries.length, flat).equals(root(leaves)),
          'the subtree hash over all leaves equals the root',
        );
        for (let l = 0; 2 ** l <= entries.length; l++)
          for (let i = 0; i < Math.floor(entries.length / 2 ** l); i++)
            assert.ok(flat(l, i).equals(list(l, i)), `${l}/${i}`);
      }),
      { numRuns: 200 },
    );
  });

  it('a root depends only on the leaves: any order change shows', () => {
    fc.assert(
      fc.property(
        tree.filter((l) => l.length >= 2),
        (leaves) => {
          const swapped = [leaves[1]!, leaves[0]!, ...leaves.slice(2)];
          if (!leaves[0]!.equals(leaves[1]!))
            assert.ok(!root(leaves).equals(root(swapped)), 'swapping two leaves changes the root');
        },
      ),
      { numRuns: 200 },
    );
  });
});
