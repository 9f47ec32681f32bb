import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { statussen, toegestaan, type Status } from '../../../../gateway/cases/levensloop.js';
import { triageStappen } from '../../../../gateway/cases/triage-stappen.js';
import { casusLevensloop, verplaatsCasus } from '../../../../gateway/cases/verplaats-casus.js';
import { DomainError } from '../../../../gateway/errors/domain-error.js';
import { geenMeldingen } from '../../../../gateway/meldingen/meldingen.js';
import { createTestDatabase, type TestDatabase } from '../../../support/test-store.js';

let db: TestDatabase;
const caller = { partner: { id: 'zvh', soort: 'zvh' }, actor: { id: 'regie-1', rol: 'procesregisseur' } };
const clock = { now: () => new Date('2026-06-01T10:00:00Z') };

async function newCasus(codeRood: boolean): Promise<string> {
  const id = randomUUID();
  await db.store.casussen.create({
    id,
    soort: 'persoon',
    gemeente: 'Demostad',
    reden: 'x',
    codeRood,
    leefgebieden: '[]',
    signalen: '[]',
    aanmelderId: 'zvh',
    aangemaaktOp: clock.now(),
  });
  return id;
}

describe('the casus lifecycle table', () => {
  it('names only statuses of the table as next steps', () => {
    for (const van of statussen)
      for (const naar of toegestaan(van, true)) assert.ok(statussen.includes(naar), `${van} → ${naar} is a status`);
  });

  it('reaches afgesloten from aangemeld, and every status can be left (no dead end)', () => {
    const reachable = new Set<Status>(['aangemeld']);
    for (let changed = true; changed;) {
      changed = false;
      for (const van of [...reachable])
        for (const naar of toegestaan(van, false)) if (!reachable.has(naar)) changed = reachable.add(naar).size > 0;
    }
    assert.deepEqual([...reachable].sort(), [...statussen].sort(), 'every status is reachable without code rood');
    for (const s of statussen) assert.ok(toegestaan(s, false).length > 0, `${s} has a way out`);
  });

  it('lets a triage decision go through triage from aangemeld, and refuses one after the overleg began', () => {
    assert.deepEqual(triageStappen('aangemeld', 'procesregie', false), ['triage', 'procesregie']);
    assert.deepEqual(triageStappen('teruggelegd', 'procesregie', false), ['procesregie']);
    assert.deepEqual(triageStappen('procesregie', 'procesregie', false), []);
    assert.throws(
      () => triageStappen('monitoring', 'teruggelegd', false),
      (e: unknown) =>
        e instanceof DomainError && e.code === 'conflict' && /toegestaan: evaluatie, casusoverleg/.test(e.message),
    );
  });
});

describe('random sequences of steps', () => {
  before(async () => {
    db = await createTestDatabase();
  });
  after(async () => db.drop());

  it('never leave the table, and every accepted step is recorded in order', async () => {
    const deps = { store: db.store, clock, meldingen: geenMeldingen };
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.array(fc.constantFrom(...statussen, 'onzin'), { maxLength: 12 }),
        async (codeRood, targets) => {
          const id = await newCasus(codeRood);
          let status: Status = 'aangemeld';
          const accepted: string[] = [];
          for (const naar of targets) {
            const allowed =
              toegestaan(status, codeRood).includes(naar as Status) &&
              !['teruggelegd', 'ondersteuning', 'procesregie'].includes(naar);
            try {
              await verplaatsCasus(deps, caller, id, { naar, reden: `naar ${naar}` });
              assert.ok(allowed, `${status} → ${naar} was accepted, but the table does not allow it`);
              accepted.push(`${status}>${naar}`);
              status = naar as Status;
            } catch (e) {
              if (!(e instanceof DomainError) || e.code !== 'conflict') throw e;
              assert.ok(!allowed, `${status} → ${naar} was refused, but the table allows it`);
            }
          }
          const l = await casusLevensloop(deps, id);
          assert.equal(l.status, status);
          assert.ok(statussen.includes(l.status));
          assert.deepEqual(
            l.overgangen.map((o) => `${o.van}>${o.naar}`),
            accepted,
          );
          assert.deepEqual(
            l.overgangen.map((o) => o.volgnummer),
            accepted.map((_, i) => i + 1),
          );
        },
      ),
      { numRuns: 30 },
    );
  });
});
