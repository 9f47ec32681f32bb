import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { dataProtection } from '../../../../adapters/crypto/data-protection.js';
import type { PolicyEngine } from '../../../../gateway/covenant/policy-engine.js';
import { DomainError } from '../../../../gateway/errors/domain-error.js';
import { registerAanmelding } from '../../../../gateway/intake/register-aanmelding.js';
import { geenMeldingen } from '../../../../gateway/meldingen/meldingen.js';
import { cachedPartnerSoorten } from '../../../../gateway/partners/cached-partner-soorten.js';
import type { Decision } from '../../../../policies/engine/decision.js';
import { createTestDatabase, type TestDatabase } from '../../../support/test-store.js';

const casusUrl = (casusId: string) => `/api/v1/casussen/${casusId}`;

let db: TestDatabase;
let permit = true;
const policy: PolicyEngine = {
  covenant: () => undefined,
  decide: (req): Decision => ({
    result: permit ? 'permit' : 'deny',
    perCategory: req.categorieen.map((categorie) => ({
      categorie,
      effect: permit ? 'permit' : 'deny',
      reason: permit ? 'toegestaan' : 'geen-regel',
      matchedRules: [],
      maskering: [],
    })),
    matchedRules: [],
    obligations: { maskering: {}, alleenAggregaat: false },
    covenantVersion: 'test@1',
  }),
};
const caller = { partner: { id: 'politie-demo', soort: 'politie' }, actor: { id: 'a', rol: 'medewerker' } };
const body = {
  soort: 'persoon' as const,
  gemeente: 'D',
  reden: 'r',
  leefgebieden: [],
  codeRood: false,
  doel: 'triage',
  betrokkenen: [{ ref: 'p', achternaam: 'Retry', geboortedatum: '1980-01-01', rol: 'hoofdpersoon' as const }],
};

describe('registerAanmelding with an Idempotency-Key', () => {
  before(async () => {
    db = await createTestDatabase();
    await db.store.db.partner.create({
      data: { id: 'politie-demo', naam: 'P', oin: '00000099000000000003', soort: 'politie', regime: 'Wpg' },
    });
  });
  after(async () => db.drop());

  it('answers a retry of an accepted referral with the stored answer even after the covenant changed', async () => {
    const deps = {
      store: db.store,
      dp: dataProtection(randomBytes(32)),
      policy,
      clock: { now: () => new Date() },
      disclosures: { record: async () => ({ origin: 'x', index: 0, leafHash: '' }) },
      soortOf: cachedPartnerSoorten(db.store.partners),
      meldingen: geenMeldingen,
    };
    const first = await registerAanmelding(deps, caller, body, 'retry-key-0001', casusUrl);
    permit = false;
    const retry = await registerAanmelding(deps, caller, body, 'retry-key-0001', casusUrl);
    assert.deepEqual(retry, first);
    await assert.rejects(
      registerAanmelding(deps, caller, body, 'retry-key-0002', casusUrl),
      (e: unknown) => e instanceof DomainError && e.code === 'covenant-denied',
    );
    assert.equal(await db.store.db.casus.count(), 1);
  });
});
