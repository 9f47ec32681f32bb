import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Repositories } from '../../../../adapters/store/repositories.js';
import { createTestDatabase, type TestDatabase } from '../../../support/test-store.js';

let db: TestDatabase;
const at = new Date('2026-11-01T10:00:00Z');

async function betrokkene(repos: Repositories, id: string, bsnPseudoniem: string | null = null): Promise<void> {
  await repos.betrokkenen.create({
    id,
    bsnPseudoniem,
    bsnVersleuteld: null,
    persoonVersleuteld: `cipher-${id}`,
    matchSleutel: 'jansen|1980-01-01',
    dataSleutel: `key-${id}`,
    aangemaaktOp: at,
  });
}

describe('the betrokkene repository', () => {
  before(async () => {
    db = await createTestDatabase();
    for (const id of ['a', 'b', 'c', 'd', 'e']) await betrokkene(db.store, id, id === 'a' ? 'pseudo-a' : null);
    // d was merged into c, c into a: a chain; e stands alone.
    await db.store.betrokkenen.setMergedInto('c', 'a');
    await db.store.betrokkenen.setMergedInto('d', 'c');
  });
  after(async () => db.drop());

  it('follows a chain of merges to the record the person now lives on', async () => {
    assert.equal(await db.store.betrokkenen.canonical('d'), 'a', 'd → c → a ends at a');
    assert.equal(await db.store.betrokkenen.canonical('a'), 'a', 'an unmerged record is its own canonical record');
    assert.equal(await db.store.betrokkenen.canonical('missing'), 'missing', 'an unknown id stays itself');
  });

  it('finds every record of one person from any of them, at any depth of merging', async () => {
    const fromLeaf = (await db.store.betrokkenen.recordsOfPerson('d')).sort();
    assert.deepEqual(fromLeaf, ['a', 'c', 'd'], 'a, c and d are one person; b and e are not');
    assert.deepEqual(await db.store.betrokkenen.recordsOfPerson('e'), ['e'], 'a lone record is only itself');
  });

  it('tells a missing record from an unmerged one', async () => {
    assert.equal(await db.store.betrokkenen.mergedInto('missing'), null, 'a missing record answers null');
    assert.deepEqual(await db.store.betrokkenen.mergedInto('b'), { samengevoegdIn: null }, 'b exists, unmerged');
    assert.deepEqual(await db.store.betrokkenen.mergedInto('c'), { samengevoegdIn: 'a' }, 'c was merged into a');
  });

  it('offers as candidates only records that are neither merged away nor erased', async () => {
    const ids = (await db.store.betrokkenen.candidates('jansen|1980-01-01')).map((c) => c.id).sort();
    assert.deepEqual(ids, ['a', 'b', 'e'], 'c and d are merged away, so they are no candidates');
  });

  it('finds a record by its BSN pseudonym and reads its sealed data and data key', async () => {
    assert.equal(await db.store.betrokkenen.findIdByBsnPseudonym('pseudo-a'), 'a', 'the pseudonym names a');
    assert.equal(await db.store.betrokkenen.findIdByBsnPseudonym('pseudo-x'), null, 'an unknown pseudonym is null');
    assert.deepEqual(
      await db.store.betrokkenen.sealed('b'),
      { persoonVersleuteld: 'cipher-b', bsnVersleuteld: null, dataSleutel: 'key-b' },
      'the sealed person data of b',
    );
    assert.equal(await db.store.betrokkenen.dataSleutel('missing'), null, 'a missing record has no data key');
  });

  it('records a relation once, however often it is supplied, and counts and lists relations', async () => {
    const r = { vanId: 'a', naarId: 'b', soort: 'ouder', bronPartnerId: 'p1' };
    await db.store.betrokkenen.addRelatie(r, at);
    await db.store.betrokkenen.addRelatie(r, at);
    await db.store.betrokkenen.addRelatie({ ...r, naarId: 'e', soort: 'huisgenoot' }, at);
    assert.deepEqual(await db.store.betrokkenen.relatiesBetween(['a', 'b']), [r], 'one a→b relation, stored once');
    assert.equal(await db.store.betrokkenen.countRelatiesOf(['e']), 1, 'e takes part in one relation');
    assert.equal(await db.store.betrokkenen.countRelatiesOf(['a']), 2, 'a takes part in two relations');
  });
});
