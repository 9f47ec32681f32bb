import type { Bewaartermijn } from '../../bewaartermijnen/bewaartermijn-van.js';
import { bewaardTot } from '../../bewaartermijnen/bewaartermijn-van.js';

/**
 * Regimes under which the source partner has a legal duty to keep what it supplied for the covenant's
 * retention period: erasure is then refused (AVG art. 17(3)(b)) and the person is referred to the
 * source partner, whose own regime governs erasure. The ground code is what the refusal names.
 */
export const BEWAARPLICHT: Readonly<Record<string, { grond: string; wet: string }>> = {
  Wpg: { grond: 'wettelijke-bewaarplicht-wpg', wet: 'AVG art. 17 lid 3 sub b; Wpg art. 3 en 4' },
  Wjsg: { grond: 'wettelijke-bewaarplicht-wjsg', wet: 'AVG art. 17 lid 3 sub b; Wjsg art. 39f' },
};

/**
 * The ground on which an item may not be erased, or undefined when it may: a source under a regime
 * with a legal duty to keep, while the retention period has not ended (or cannot end yet: open casus).
 */
export function bewaarplichtGrond(
  regime: string | undefined,
  termijn: Bewaartermijn | undefined,
  item: { ontvangenOp: Date; casusAfgeslotenOp: Date | null },
  now: Date,
): string | undefined {
  const plicht = regime ? BEWAARPLICHT[regime] : undefined;
  if (!plicht) return undefined;
  if (!termijn) return plicht.grond;
  const tot = bewaardTot(termijn, item);
  return tot === null || tot > now ? plicht.grond : undefined;
}
