import { z } from 'zod';
import { partnerSoorten } from '../taxonomy/partner-soorten.js';
import { fasen } from '../taxonomy/fasen.js';

const key = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kleine letters, cijfers en koppeltekens');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'datum als JJJJ-MM-DD');
const isoDuration = z.string().regex(/^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$/, 'ISO 8601-duur, bijvoorbeeld P2Y of P6M');

/** Who a rule is about: one partner, a kind of partner, or anyone (`*`). */
export const partnerSelector = z.union([
  z.literal('*'),
  z.strictObject({ partner: key }),
  z.strictObject({ soort: z.enum(partnerSoorten) }),
]);

export const bijzonderSoorten = ['art9', 'art10', 'bsn'] as const;

const regel = z.strictObject({
  id: key,
  omschrijving: z.string().min(1),
  effect: z.enum(['permit', 'deny']),
  /** aanleveren: a partner supplies data into Knooppunt; verstrekken: Knooppunt discloses it to a partner. */
  actie: z.enum(['aanleveren', 'verstrekken']),
  leverancier: partnerSelector,
  ontvanger: partnerSelector.optional(),
  categorieen: z.array(key).min(1),
  toegestaneDoelen: z.array(key).default([]),
  verbodenDoelen: z.array(key).default([]),
  grondslag: key.optional(),
  voorwaarden: z
    .strictObject({
      /** Need-to-know: the recipient takes part in the casus. Defaults to true when absent. */
      deelnemer: z.boolean().optional(),
      fasen: z.array(z.enum(fasen)).min(1).optional(),
      codeRood: z.boolean().optional(),
    })
    .default({}),
  maskering: z.array(z.string().regex(/^[a-zA-Z][a-zA-Z0-9.]*$/)).default([]),
  bewaartermijn: z.strictObject({ duur: isoDuration, vanaf: z.enum(['afsluiting', 'ontvangst']) }).optional(),
});

export const covenantSchema = z.strictObject({
  convenant: z.strictObject({
    id: key,
    versie: z.string().regex(/^\d+(\.\d+)*$/, 'versie als 2026.1'),
    titel: z.string().min(1),
    geldigVanaf: isoDate,
    geldigTot: isoDate.optional(),
    ondertekenaars: z.array(z.strictObject({ partner: key, namens: z.string().min(1), datum: isoDate })).min(1),
    /**
     * What a recipient hears of what was left out of an answer. `verzwijgen`: nothing at all (the safe
     * default: even "something was withheld" tells that data exists); `melden`: only that something was
     * withheld — never which category or source.
     */
    weglatingen: z.enum(['verzwijgen', 'melden']).optional(),
  }),
  gegevenscategorieen: z
    .array(
      z.strictObject({
        key,
        ouder: key.optional(),
        omschrijving: z.string().min(1),
        bijzonder: z.enum([...bijzonderSoorten, 'geen']).default('geen'),
        /**
         * Sensitive although not an AVG special category (e.g. child-abuse and domestic-violence reports):
         * encrypted at rest under the person's key, like special categories. Children inherit it.
         */
        gevoelig: z.boolean().optional(),
      }),
    )
    .min(1),
  doelen: z.array(z.strictObject({ key, ouder: key.optional(), omschrijving: z.string().min(1) })).min(1),
  grondslagen: z
    .array(
      z.strictObject({
        key,
        avg: z.string().regex(/^(6\.1\.[a-f]|9\.2\.[a-j]|10)$/, 'AVG-artikel als 6.1.e, 9.2.g of 10'),
        nationaal: z.string().min(1).optional(),
        /** Which special categories this basis makes lawful to process. */
        dekt: z.array(z.enum(bijzonderSoorten)).default([]),
        /**
         * Rests on the person's consent (AVG 6.1.a / 9.2.a): a rule with this basis applies only where a
         * consent reference was recorded for the data. Derived from `avg` when absent.
         */
        toestemming: z.boolean().optional(),
      }),
    )
    .min(1),
  regels: z.array(regel).min(1),
});

export type CovenantDocument = z.infer<typeof covenantSchema>;
export type RegelDocument = CovenantDocument['regels'][number];
export type PartnerSelector = z.infer<typeof partnerSelector>;
export type Bijzonder = (typeof bijzonderSoorten)[number] | 'geen';
