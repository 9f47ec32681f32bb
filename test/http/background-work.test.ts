import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import request from 'supertest';
import { loadGatewayKeys } from '../../adapters/crypto/gateway-keys.js';
import { keyPaths } from '../../gateway/bootstrap/key-paths.js';
import { INTERVALS, registerBackgroundWork } from '../../gateway/jobs/background-work.js';
import type { JobQueue } from '../../gateway/jobs/job-queue.js';
import { outbox } from '../../gateway/meldingen/outbox.js';
import { useCaseDeps } from '../../gateway/use-case-deps.js';
import { useTestApp } from '../support/test-app.js';

const t = useTestApp();

/** A queue that only remembers what was registered, so the test runs each task when it chooses. */
function recordingQueue(): JobQueue & { tasks: Map<string, { every: number; work: () => Promise<void> }> } {
  const tasks = new Map<string, { every: number; work: () => Promise<void> }>();
  return {
    tasks,
    recurring: async (name, every, work) => void tasks.set(name, { every, work }),
    handle: async () => {},
    enqueue: async () => 'id',
    stop: async () => {},
  };
}

describe('the gateway’s background work', () => {
  const queue = recordingQueue();
  let casus = '';

  before(async () => {
    const useCases = useCaseDeps({
      store: t.db.store,
      dp: t.dataProtection,
      covenants: t.covenants,
      clock: t.clock,
      ledger: t.ledger,
      meldingen: outbox(t.db.store, t.clock),
    });
    const keys = await loadGatewayKeys(keyPaths(t.dataDir).gatewaySigning, t.clock.now());
    await registerBackgroundWork(queue, { useCases, clock: t.clock, keys, config: t.config });
    const res = await request(t.app)
      .post('/api/v1/aanmeldingen')
      .set(await t.tokenHeaders('politie-demo', 'medewerker'))
      .send({
        soort: 'persoon',
        gemeente: 'Demostad',
        reden: 'Overlast',
        leefgebieden: ['druggebruik'],
        betrokkenen: [{ ref: 'p', achternaam: 'Achtergrond', geboortedatum: '1980-01-01' }],
      });
    assert.equal(res.status, 201, res.text);
    casus = res.body.casus;
  });

  it('registers webhook delivery, casus and deadline signals and retention, each on its own interval', () => {
    assert.deepEqual(
      [...queue.tasks].map(([name, { every }]) => [name, every]),
      [
        ['webhooks-afleveren', INTERVALS.webhooks],
        ['casus-signalen', INTERVALS.casusSignalen],
        ['termijn-signalen', INTERVALS.termijnSignalen],
        ['retentie', INTERVALS.retentie],
      ],
    );
  });

  it('delivers from the outbox: an event for a partner without a subscription is settled, not retried forever', async () => {
    await outbox(t.db.store, t.clock).plaats({ partnerId: 'politie-demo', soort: 'agenda', casusId: casus, data: {} });
    const [pending] = await t.db.store.uitgaand.due(t.clock.now(), 10);
    assert.ok(pending, 'the event waits in the outbox');
    await queue.tasks.get('webhooks-afleveren')!.work();
    assert.equal((await t.db.store.uitgaand.findById(pending.id))?.status, 'zonder-abonnement');
  });

  it('runs casus and deadline signals and retention on the live store without error', async () => {
    await queue.tasks.get('casus-signalen')!.work();
    await queue.tasks.get('termijn-signalen')!.work();
    await queue.tasks.get('retentie')!.work();
  });
});
