import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const fields = [
  'dossier',
  'bsn',
  'voornamen',
  'tussenvoegsel',
  'achternaam',
  'geboortedatum',
  'postcode',
  'relatie',
  'reden',
  'leefgebieden',
  'signalen',
] as const;
export type ImportField = (typeof fields)[number];

/**
 * How one partner's export maps onto an aanmelding: which column holds which field, the date format,
 * and how the partner words family relations. One profile per partner, kept beside this file.
 */
export const importProfileSchema = z.strictObject({
  partner: z.string().min(1),
  omschrijving: z.string().min(1),
  formaat: z.enum(['csv', 'json']),
  scheidingsteken: z.string().length(1).default(';'),
  datumformaat: z.enum(['DD-MM-JJJJ', 'JJJJ-MM-DD']),
  gemeente: z.string().min(1),
  doel: z.string().min(1).default('triage'),
  kolommen: z
    .partialRecord(z.enum(fields), z.string().min(1))
    .refine(
      (k) => k.dossier && k.achternaam && k.geboortedatum,
      'kolommen dossier, achternaam en geboortedatum zijn verplicht',
    ),
  relaties: z
    .record(
      z.string(),
      z.enum(['ouder', 'kind', 'partner', 'broer-zus', 'grootouder', 'kleinkind', 'huisgenoot', 'familie', 'groep']),
    )
    .default({}),
});
export type ImportProfile = z.infer<typeof importProfileSchema>;

/** The profile for `partnerId` (adapters/partner-formats/<id>.profile.json), or one from `path`. */
export function loadImportProfile(partnerId: string, path?: string): ImportProfile {
  const file = path ?? fileURLToPath(new URL(`./${partnerId}.profile.json`, import.meta.url));
  if (!existsSync(file)) throw new Error(`geen importprofiel voor ${partnerId} (${file})`);
  const profile = importProfileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  if (profile.partner !== partnerId)
    throw new Error(`profiel ${file} is van ${profile.partner}, niet van ${partnerId}`);
  return profile;
}
