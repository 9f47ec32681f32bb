import type { RechtenverzoekRecord } from '../../../adapters/store/rechtenverzoek-repository.js';
import { berekenTermijnen, type Termijnen } from '../termijnen/bereken-termijnen.js';
import { isRegime, type Regime, type VerzoekSoort } from '../termijnen/regimes.js';

export function regimesVan(r: Pick<RechtenverzoekRecord, 'regimes'>): Regime[] {
  return (JSON.parse(r.regimes) as string[]).filter(isRegime);
}

/**
 * The deadlines of a stored request. `alleen` narrows them to the regimes a partner's officer already
 * knows (its own): the governing date over all regimes would tell it that a stricter regime — police or
 * justice data — is involved.
 */
export function termijnVan(r: RechtenverzoekRecord, alleen?: readonly string[]): Termijnen {
  const alle = regimesVan(r);
  const regimes = alleen ? alle.filter((x) => alleen.includes(x)) : alle;
  return berekenTermijnen({
    ontvangen: r.ontvangstdatum,
    soort: r.soort as VerzoekSoort,
    regimes,
    verlengingMaanden: r.verlengingMaanden,
  });
}
