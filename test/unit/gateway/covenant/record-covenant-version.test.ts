import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { recordCovenantVersion } from '../../../../gateway/covenant/record-covenant-version.js';
import { miniCovenant } from '../../../fixtures/mini-covenant.js';
import { createTestDatabase, type TestDatabase } from '../../../support/test-store.js';

let db: TestDatabase;

const versions = async () =>
  (await db.store.db.convenantVersie.findMany({ orderBy: { id: 'asc' } })).map((v) => [v.id, v.sha256]);

describe('recording the covenant versions in use', () => {
  before(async () => {
    db = await createTestDatabase();
  });
  after(async () => db.drop());

  it('keeps each text once, and a changed text under an unchanged version number under a suffixed version', async () => {
    const first = miniCovenant();
    await recordCovenantVersion(db.store, first);
    await recordCovenantVersion(db.store, first);
    assert.deepEqual(await versions(), [['mini@1', first.sha256]], 'the same text, loaded twice, is kept once');

    const changed = { ...first, sha256: 'f'.repeat(64), sourceText: `${first.sourceText}\n# changed` };
    await recordCovenantVersion(db.store, changed);
    assert.deepEqual(
      (await versions()).map(([id]) => id),
      ['mini@1', `mini@1+${'f'.repeat(12)}`],
      'a second text for version 1 is kept under 1+<hash prefix>, the first is untouched',
    );
    const kept = await db.store.db.convenantVersie.findUnique({ where: { sha256: 'f'.repeat(64) } });
    assert.equal(kept?.bron, changed.sourceText, 'the changed text itself is what was kept');
  });
});
