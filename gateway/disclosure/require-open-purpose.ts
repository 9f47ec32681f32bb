import { purposeVerdict } from '../../policies/engine/purpose-verdict.js';
import { DomainError } from '../errors/domain-error.js';
import type { Caller, UseCaseDeps } from '../use-case-deps.js';
import { recordRefusal, type DisclosureFacts } from './disclosure-log.js';

/**
 * Before anything of a casus is looked at: may this partner receive anything at all for `doel`? If not,
 * the refusal is logged and the answer is a 403 naming the rule that closes the purpose. Asked before
 * participation, because it does not depend on the casus: a non-participant learns nothing from it.
 */
export async function requireOpenPurpose(
  deps: UseCaseDeps,
  caller: Caller,
  base: Pick<DisclosureFacts, 'ontvanger' | 'doel' | 'casus' | 'traceId'>,
  details: Record<string, unknown>,
): Promise<void> {
  const covenant = deps.policy.covenant();
  const verdict = covenant
    ? purposeVerdict(covenant, 'verstrekken', caller.partner, base.doel)
    : ({ toegestaan: false, reden: 'geen-convenant' } as const);
  if (verdict.toegestaan) return;
  const regel = 'regel' in verdict ? verdict.regel : undefined;
  await recordRefusal(
    deps.disclosures,
    { ...base, convenant: covenant?.label ?? 'geen' },
    { ...details, reden: verdict.reden, ...(regel ? { regel } : {}) },
  );
  const why = !covenant
    ? 'er is geen convenant van kracht'
    : regel
      ? `regel ${regel} sluit het (${covenant.label})`
      : `geen regel van ${covenant.label} opent het`;
  throw new DomainError(
    'doel-niet-toegestaan',
    `Het doel ${base.doel} is voor ${caller.partner.id} niet toegestaan: ${why}.`,
  );
}
