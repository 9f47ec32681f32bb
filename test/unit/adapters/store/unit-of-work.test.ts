import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { NewCasus } from '../../../../adapters/store/casus-repository.js';
import { isUniqueViolation } from '../../../../adapters/store/unique-violation.js';
import { createTestDatabase, type TestDatabase } from '../../../support/test-store.js';

let db: TestDatabase;
const at = new Date('2026-11-01T10:00:00Z');
const casus = (id: string): NewCasus => ({
  id,
  soort: 'persoon',
  gemeente: 'Demostad',
  reden: 'r',
  codeRood: false,
  leefgebieden: '["wonen"]',
  signalen: '[]',
  aanmelderId: 'p1',
  aangemaaktOp: at,
});
const answer = (sleutel: string) => ({
  partnerId: 'p1',
  sleutel,
  verzoekHash: 'h',
  status: 201,
  antwoord: '{"ok":true}',
  locatie: null,
});

describe('the store’s unit of work', () => {
  before(async () => {
    db = await createTestDatabase();
    await db.store.partners.create({
      id: 'p1',
      naam: 'P1',
      oin: '00000099000000000901',
      soort: 'zvh',
      regime: 'AVG',
      contactNaam: null,
      contactEmail: null,
    });
  });
  after(async () => db.drop());

  it('commits everything written through the transaction’s repositories together', async () => {
    const result = await db.store.transaction(async (tx) => {
      await tx.casussen.create(casus('c1'));
      await tx.casussen.addDeelnemer('c1', 'p1', 'aanmelder', at);
      await tx.idempotency.save(answer('k1'));
      return 'done';
    });
    assert.equal(result, 'done', 'the transaction answers what its work returned');
    assert.equal((await db.store.casussen.findById('c1'))?.gemeente, 'Demostad', 'the casus was committed');
    assert.equal(await db.store.casussen.isDeelnemer('c1', 'p1'), true, 'its participant was committed');
    assert.equal((await db.store.idempotency.find('p1', 'k1'))?.status, 201, 'the stored answer was committed');
  });

  it('rolls everything back when the work throws', async () => {
    await assert.rejects(
      db.store.transaction(async (tx) => {
        await tx.casussen.create(casus('c2'));
        await tx.idempotency.save(answer('k2'));
        throw new Error('refused halfway');
      }),
      /refused halfway/,
      'the work’s error reaches the caller',
    );
    assert.equal(await db.store.casussen.findById('c2'), null, 'the casus was rolled back');
    assert.equal(await db.store.idempotency.find('p1', 'k2'), null, 'the stored answer was rolled back');
  });

  it('rolls back and reports a unique violation when a second answer takes the same key', async () => {
    await assert.rejects(
      db.store.transaction(async (tx) => {
        await tx.casussen.create(casus('c3'));
        await tx.idempotency.save(answer('k1'));
      }),
      (err: unknown) => isUniqueViolation(err),
      'a duplicate Idempotency-Key is a unique violation the caller can recognise',
    );
    assert.equal(await db.store.casussen.findById('c3'), null, 'the casus of the losing attempt was rolled back');
  });

  it('finds a casus only for a partner that takes part in it', async () => {
    assert.equal((await db.store.casussen.findParticipating('c1', 'p1'))?.id, 'c1', 'p1 takes part in c1');
    assert.equal(await db.store.casussen.findParticipating('c1', 'p2'), null, 'p2 does not take part in c1');
    assert.equal(await db.store.casussen.findParticipating('nope', 'p1'), null, 'a missing casus is null too');
    const found = await db.store.casussen.findParticipating('c1', 'p1');
    assert.ok(found?.aangemaaktOp instanceof Date, 'the raw query maps timestamps to Dates on this database');
    assert.equal(found?.codeRood, false, 'the raw query maps booleans on this database');
  });

  it('records a triage decision only on an existing casus, each one a new version naming the one it replaces', async () => {
    const besluit = (casusId: string, uitkomst: string) => ({
      id: `${casusId}-${uitkomst}`,
      casusId,
      uitkomst,
      motivering: 'waarom',
      motiveringCategorieen: '[]',
      door: 'zvh/r1',
      op: new Date('2026-03-01T10:00:00Z'),
    });
    const t = { status: 'procesregie', fase: 'casusoverleg' };
    assert.equal(await db.store.casussen.recordTriageBesluit(besluit('nope', 'procesregie'), t), null, 'missing casus');
    const first = await db.store.casussen.recordTriageBesluit(besluit('c1', 'procesregie'), t);
    assert.deepEqual([first?.versie, first?.vervangt], [1, null], 'the first decision replaces nothing');
    assert.equal((await db.store.casussen.findById('c1'))?.fase, 'casusoverleg', 'the phase follows the decision');
    const second = await db.store.casussen.recordTriageBesluit(besluit('c1', 'terugleggen'), { ...t, fase: 'triage' });
    assert.deepEqual([second?.versie, second?.vervangt], [2, first?.id], 'the second names the first');
    assert.equal(JSON.parse((await db.store.casussen.findById('c1'))!.triage!).uitkomst, 'terugleggen', 'current');
    assert.deepEqual(
      (await db.store.casussen.triageBesluiten('c1')).map((b) => b.uitkomst),
      ['procesregie', 'terugleggen'],
      'the history keeps both, oldest first',
    );
  });
});
