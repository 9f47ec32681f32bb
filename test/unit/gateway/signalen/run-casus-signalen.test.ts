import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Melding } from '../../../../gateway/meldingen/meldingen.js';
import { runCasusSignalen } from '../../../../gateway/signalen/run-casus-signalen.js';
import { createTestDatabase, type TestDatabase } from '../../../support/test-store.js';

const DAY = 24 * 60 * 60 * 1000;
let db: TestDatabase;
const start = new Date('2026-01-01T00:00:00Z');
const meldingen: Melding[] = [];
const run = (daysLater: number) =>
  runCasusSignalen(
    { store: db.store, meldingen: { plaats: async (m) => void meldingen.push(m) } },
    new Date(start.getTime() + daysLater * DAY),
    { stagnatieDagen: 30, escalatieDagen: 10 },
  );

describe('runCasusSignalen on a stagnating casus', () => {
  before(async () => {
    db = await createTestDatabase();
    await db.store.db.partner.create({
      data: { id: 'zvh', naam: 'ZVH', oin: '00000099000000000001', soort: 'zvh', regime: 'AVG' },
    });
    await db.store.casussen.create({
      id: 'stil',
      soort: 'persoon',
      gemeente: 'Demostad',
      reden: 'x',
      codeRood: false,
      leefgebieden: '[]',
      signalen: '[]',
      aanmelderId: 'zvh',
      aangemaaktOp: start,
    });
    await db.store.levensloop.recordOvergang(
      { id: 's1', casusId: 'stil', van: 'aangemeld', naar: 'triage', door: 'zvh/r', reden: 'x', op: start },
      { status: 'monitoring', fase: 'monitoring' },
    );
  });
  after(async () => db.drop());

  it('raises nothing within the period, then stagnation once, then escalates it once', async () => {
    assert.deepEqual(await run(29), { opgeworpen: 0, geescaleerd: 0 });
    assert.deepEqual(await run(31), { opgeworpen: 1, geescaleerd: 0 });
    assert.deepEqual(await run(32), { opgeworpen: 0, geescaleerd: 0 }, 'raised once');
    assert.deepEqual(await run(42), { opgeworpen: 0, geescaleerd: 1 });
    assert.deepEqual(await run(43), { opgeworpen: 0, geescaleerd: 0 }, 'escalated once');
    assert.deepEqual(
      meldingen.map((m) => `${m.partnerId}:${m.soort}:${m.casusId}`),
      ['zvh:escalatie:stil'],
    );
  });
});
