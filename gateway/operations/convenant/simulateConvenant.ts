import { partnerSoorten } from '../../../policies/taxonomy/partner-soorten.js';
import { simulate } from '../../../policies/tools/simulate.js';
import { DomainError } from '../../errors/domain-error.js';
import type { Operation } from '../operation.js';
import { covenantReader } from '../roles.js';

const isSoort = (s: string) => (partnerSoorten as readonly string[]).includes(s);

/** "What would partner (or partner soort) X see for doel Y": the covenant in force, per category. */
export const simulateConvenant: Operation<'simulateConvenant'> = {
  roles: covenantReader,
  async handle({ body }, { covenants, partners }) {
    const covenant = covenants.current();
    if (!covenant) throw new DomainError('conflict', 'Er is nu geen convenant van kracht.');
    const partner = isSoort(body.partner)
      ? { id: `(${body.partner})`, soort: body.partner }
      : await partners.findById(body.partner);
    if (!partner)
      throw new DomainError('invalid-request', `Onbekende partner ${body.partner}.`, {
        invalidParams: [{ name: '/partner', reason: 'geen geregistreerde partner of partnersoort' }],
      });
    if (!covenant.purposes.has(body.doel))
      throw new DomainError('invalid-request', `Onbekend doel ${body.doel}.`, {
        invalidParams: [{ name: '/doel', reason: `doelen: ${[...covenant.purposes.keys()].join(', ')}` }],
      });
    const { doel, actie, fase, deelnemer, codeRood } = body;
    const rows = simulate(covenant, {
      partner: { id: partner.id, soort: partner.soort },
      doel,
      actie,
      fase,
      deelnemer,
      codeRood,
    });
    return { status: 200, body: { convenant: covenant.label, partner: partner.id, doel, categorieen: rows } };
  },
};
