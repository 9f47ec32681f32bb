import { randomUUID } from 'node:crypto';
import type { Repositories } from '../../adapters/store/repositories.js';
import type { components } from '../../openapi/generated/knooppunt.js';
import { DomainError, type InvalidParam } from '../errors/domain-error.js';
import { isValidBsn } from './bsn.js';
import { requirePermitted } from './covenant-check.js';
import { idempotent, requestHash, type StoredAnswer } from './idempotency.js';
import type { Caller, UseCaseDeps } from '../use-case-deps.js';
import { linkPersoon, type Linked } from './link-betrokkenen.js';
import { requireKnownCategories } from './known-categories.js';

type Aanmelding = components['schemas']['Aanmelding'];

function checkInput(body: Aanmelding): void {
  const problems: InvalidParam[] = [];
  const refs = new Set<string>();
  body.betrokkenen.forEach((p, i) => {
    if (refs.has(p.ref)) problems.push({ name: `/betrokkenen/${i}/ref`, reason: 'ref komt twee keer voor' });
    refs.add(p.ref);
    if (p.bsn !== undefined && !isValidBsn(p.bsn))
      problems.push({ name: `/betrokkenen/${i}/bsn`, reason: 'geen geldig BSN (elfproef)' });
  });
  (body.relaties ?? []).forEach((r, i) => {
    if (!refs.has(r.van)) problems.push({ name: `/relaties/${i}/van`, reason: `onbekende ref ${r.van}` });
    if (!refs.has(r.naar)) problems.push({ name: `/relaties/${i}/naar`, reason: `onbekende ref ${r.naar}` });
    if (r.van === r.naar) problems.push({ name: `/relaties/${i}`, reason: 'een relatie met zichzelf' });
  });
  if (body.soort !== 'gebied' && body.betrokkenen.length === 0)
    problems.push({
      name: '/betrokkenen',
      reason: 'een aanmelding van een persoon of systeem noemt minstens één betrokkene',
    });
  if (body.soort === 'systeem' && body.betrokkenen.length < 2)
    problems.push({ name: '/betrokkenen', reason: 'een systeem bestaat uit minstens twee betrokkenen' });
  if (problems.length > 0)
    throw new DomainError('invalid-request', 'De aanmelding klopt niet.', { invalidParams: problems });
}

/** The categories an aanmelding supplies, which the covenant must let this partner supply. */
function suppliedCategories(body: Aanmelding): string[] {
  return [
    'aanmelding',
    ...(body.betrokkenen.length > 0 ? ['identificatie'] : []),
    ...(body.betrokkenen.some((p) => p.bsn) ? ['bsn'] : []),
    ...((body.relaties?.length ?? 0) > 0 || body.soort === 'systeem' ? ['systeem'] : []),
    ...(body.leefgebieden.length > 0 ? ['leefgebieden'] : []),
  ];
}

async function writeCasus(
  tx: Repositories,
  deps: UseCaseDeps,
  caller: Caller,
  body: Aanmelding,
): Promise<{ casusId: string; linked: Linked[] }> {
  const now = deps.clock.now();
  const casusId = randomUUID();
  await tx.casussen.create({
    id: casusId,
    soort: body.soort,
    gemeente: body.gemeente,
    reden: body.reden,
    redenCategorieen: body.redenCategorieen?.length ? JSON.stringify(body.redenCategorieen) : null,
    codeRood: body.codeRood ?? false,
    leefgebieden: JSON.stringify(body.leefgebieden),
    signalen: JSON.stringify(body.signalen ?? []),
    aanmelderId: caller.partner.id,
    aangemaaktOp: now,
  });
  const linked: Linked[] = [];
  for (const p of body.betrokkenen) linked.push(await linkPersoon(tx, deps.dp, p, now));
  const byRef = new Map(linked.map((l) => [l.ref, l.betrokkene]));
  const rol = new Map(body.betrokkenen.map((p) => [p.ref, p.rol ?? 'betrokkene']));
  for (const l of new Map(linked.map((x) => [x.betrokkene, x])).values())
    await tx.casussen.linkBetrokkene(casusId, l.betrokkene, rol.get(l.ref)!);
  for (const r of body.relaties ?? []) {
    const [vanId, naarId] = [byRef.get(r.van)!, byRef.get(r.naar)!];
    if (vanId === naarId) continue;
    await tx.betrokkenen.addRelatie({ vanId, naarId, soort: r.soort, bronPartnerId: caller.partner.id }, now);
  }
  // The referrer is controller of record; the ZVH takes part in every casus it screens.
  const zvh = await tx.partners.activeIdsOfSoort('zvh');
  const deelnemers = new Map<string, string>([
    [caller.partner.id, 'aanmelder'],
    ...zvh.filter((id) => id !== caller.partner.id).map((id) => [id, 'zvh'] as [string, string]),
  ]);
  for (const [partnerId, r] of deelnemers) await tx.casussen.addDeelnemer(casusId, partnerId, r, now);
  await tx.audit.record(
    { soort: 'intake', reden: 'aanmelding', partnerId: caller.partner.id, actor: caller.actor.id },
    now,
  );
  return { casusId, linked };
}

/**
 * A new aanmelding: checks the input (BSN elfproef, refs), asks the covenant whether this partner may
 * supply what it sends, then writes casus, betrokkenen, links and participants in one transaction.
 */
export async function registerAanmelding(
  deps: UseCaseDeps,
  caller: Caller,
  body: Aanmelding,
  idempotencyKey: string | undefined,
  /** The URL of a casus, built from the contract (it becomes the Location of the answer). */
  casusUrl: (casusId: string) => string,
): Promise<StoredAnswer> {
  checkInput(body);
  requireKnownCategories(deps, body.redenCategorieen, '/redenCategorieen');
  const doel = body.doel ?? 'triage';
  return idempotent(
    deps.store,
    caller.partner.id,
    idempotencyKey,
    requestHash('createAanmelding', body),
    async (tx) => {
      // Asked inside the idempotent unit: a retry of an accepted referral gets its stored answer even if
      // the covenant has changed since; only new work is judged by the covenant in force.
      const decision = deps.policy.decide({
        actie: 'aanleveren',
        partner: caller.partner,
        categorieen: suppliedCategories(body),
        doel,
        fase: 'aanmelding',
        deelnemer: true,
        codeRood: body.codeRood ?? false,
      });
      requirePermitted(deps.policy, decision, (c) => `/aanmelding (${c})`);
      const { casusId, linked } = await writeCasus(tx, deps, caller, body);
      return {
        status: 201,
        location: casusUrl(casusId),
        body: {
          casus: casusId,
          status: 'aangemeld',
          codeRood: body.codeRood ?? false,
          betrokkenen: linked.map((l) => ({ ref: l.ref, betrokkene: l.betrokkene, koppeling: l.koppeling })),
          koppelvoorstellen: linked.reduce((n, l) => n + l.voorstellen, 0),
        },
      };
    },
  );
}
