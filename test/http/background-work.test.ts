import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import request from 'supertest';
import { loadGatewayKeys } from '../../adapters/crypto/gateway-keys.js';
import { keyPaths } from '../../gateway/bootstrap/key-paths.js';
import { IMPORT_JOB, IMPORT_SWEEP_SECONDS } from '../../gateway/import/import-jobs.js';
import { createImportTaak } from '../../gateway/import/import-taak.js';
import { IMPORT_LEASE_MS } from '../../gateway/import/run-import-taak.js';
import { INTERVALS, registerBackgroundWork } from '../../gateway/jobs/background-work.js';
import type { JobQueue } from '../../gateway/jobs/job-queue.js';
import { outbox } from '../../gateway/meldingen/outbox.js';
import { useCaseDeps } from '../../gateway/use-case-deps.js';
import { useTestApp } from '../support/test-app.js';

const t = useTestApp();

/** A queue that only remembers what was registered and queued, so the test runs each task when it chooses. */
function recordingQueue(): JobQueue & {
  tasks: Map<string, { every: number; work: () => Promise<void> }>;
  handlers: Map<string, (data: object) => Promise<void>>;
  queued: [string, object][];
} {
  const tasks = new Map<string, { every: number; work: () => Promise<void> }>();
  const handlers = new Map<string, (data: object) => Promise<void>>();
  const queued: [string, object][] = [];
  return {
    tasks,
    handlers,
    queued,
    recurring: async (name, every, work) => void tasks.set(name, { every, work }),
    handle: async (name, work) => void handlers.set(name, work as (data: object) => Promise<void>),
    enqueue: async (name, data) => {
      queued.push([name, data]);
      return 'id';
    },
    stop: async () => {},
  };
}

describe('the gateway’s background work', () => {
  const queue = recordingQueue();
  let casus = '';

  const useCasesOf = () =>
    useCaseDeps({
      store: t.db.store,
      dp: t.dataProtection,
      covenants: t.covenants,
      clock: t.clock,
      ledger: t.ledger,
      meldingen: outbox(t.db.store, t.clock),
    });

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
    await registerBackgroundWork(queue, {
      useCases,
      clock: t.clock,
      keys,
      config: t.config,
      casusUrl: (c) => `/casussen/${c}`,
    });
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

  it('registers webhook delivery, casus and deadline signals, retention and the import sweep, each on its own interval', () => {
    assert.deepEqual(
      [...queue.tasks].map(([name, { every }]) => [name, every]),
      [
        ['webhooks-afleveren', INTERVALS.webhooks],
        ['casus-signalen', INTERVALS.casusSignalen],
        ['termijn-signalen', INTERVALS.termijnSignalen],
        ['retentie', INTERVALS.retentie],
        ['importen-hervatten', IMPORT_SWEEP_SECONDS],
      ],
    );
    assert.deepEqual([...queue.handlers.keys()], [IMPORT_JOB], 'and one kind of one-off job: an import task');
  });

  it('queues an import task again once its run has been silent past the lease, and not before', async () => {
    const caller = {
      partner: { id: 'gemeente-demo', soort: 'gemeente' },
      actor: { id: 'import', rol: 'systeem' as const },
    };
    const id = await createImportTaak(useCasesOf(), caller, {
      profiel: 'gemeente-demo',
      formaat: 'csv',
      tekst:
        'Dossiernummer;BSN;Voornamen;Tussenvoegsel;Achternaam;Geboortedatum;Postcode;Relatie tot hoofdpersoon;Reden melding;Leefgebieden;Signalen\nH1;;Ans;;Een;01-02-1961;;;Reden;emotioneel-welzijn;',
    });
    // Its process took it and died: running, silent since now.
    assert.equal(await t.db.store.importen.claim(id, t.clock.now(), t.clock.now()), true);
    queue.queued.length = 0;
    await queue.tasks.get('importen-hervatten')!.work();
    assert.deepEqual(queue.queued, [], 'a run that wrote a moment ago is left alone');
    const started = t.clock.now();
    t.clock.set(new Date(started.getTime() + IMPORT_LEASE_MS + 1000));
    try {
      await queue.tasks.get('importen-hervatten')!.work();
      assert.deepEqual(queue.queued, [[IMPORT_JOB, { id }]], 'past the lease it is queued again');
      await queue.handlers.get(IMPORT_JOB)!({ id });
      assert.equal((await t.db.store.importen.findById(id))?.status, 'klaar', 'and the queued job finishes it');
    } finally {
      t.clock.set(started);
    }
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
