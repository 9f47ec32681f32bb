import type { DataProtection } from '../../../adapters/crypto/data-protection.js';

/**
 * Free text of a request (toelichting, desired correction, reasons, outcome) is encrypted under the
 * request's own data key; the context binds each ciphertext to its request and field.
 */
export interface VerzoekTekst {
  sluit(tekst: string | undefined, veld: string): string | null;
  open(ciphertext: string | null, veld: string): string | undefined;
}

export function verzoekTekst(dp: DataProtection, verzoekId: string, wrapped: string): VerzoekTekst {
  const key = dp.unwrapDataKey(wrapped);
  return {
    sluit: (tekst, veld) =>
      tekst === undefined ? null : dp.encrypt(key, tekst, `rechtenverzoek:${verzoekId}:${veld}`),
    open: (ciphertext, veld) =>
      ciphertext === null ? undefined : dp.decrypt(key, ciphertext, `rechtenverzoek:${verzoekId}:${veld}`),
  };
}
