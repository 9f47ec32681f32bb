import { randomUUID } from 'node:crypto';
import type { TestApp } from './test-app.js';

/**
 * Appends a disclosure-log entry in the shape the disclosure log writes (LogRegelInhoud), with a marker
 * in its free fields so a test can see exactly who is shown it. Returns its index.
 */
export async function appendDisclosure(
  t: TestApp,
  e: { ontvanger: string; bronnen: string[]; marker: string; casus?: string; doel?: string },
): Promise<number> {
  const tijd = t.clock.now();
  const receipt = await t.ledger.append(
    {
      v: 1,
      id: randomUUID(),
      tijd: tijd.toISOString(),
      soort: 'verstrekking',
      ontvanger: { partner: e.ontvanger, actor: { id: `actor-${e.marker}`, rol: 'medewerker' } },
      bronnen: e.bronnen,
      doel: e.doel ?? 'casusoverleg',
      grondslagen: [`regel-${e.marker}`],
      categorieen: ['justitiele-gegevens'],
      subjectRefs: [`ref-${e.marker}`],
      casus: e.casus ?? randomUUID(),
      convenant: `convenant-${e.marker}`,
      traceId: randomUUID().replace(/-/g, ''),
      payloadDigest: 'a'.repeat(64),
    },
    tijd,
  );
  return receipt.index;
}
