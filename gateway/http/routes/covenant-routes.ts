import { Router } from 'express';
import type { PartnerRepository } from '../../../adapters/store/partner-repository.js';
import { simulate } from '../../../policies/tools/simulate.js';
import { partnerSoorten } from '../../../policies/taxonomy/partner-soorten.js';
import type { Fase } from '../../../policies/taxonomy/fasen.js';
import type { SecurityEvents } from '../../auth/security-events.js';
import type { CovenantRegistry } from '../../covenant/covenant-registry.js';
import { DomainError } from '../../errors/domain-error.js';
import { requireRole } from '../middleware/require-role.js';

interface SimulationBody {
  partner: string;
  doel: string;
  actie?: 'aanleveren' | 'verstrekken';
  fase?: Fase;
  deelnemer?: boolean;
  codeRood?: boolean;
}

/** The covenant for privacy officers: which versions are loaded or refused, and "what would X see". */
export function covenantRoutes(deps: {
  registry: CovenantRegistry;
  partners: PartnerRepository;
  events: SecurityEvents;
}): Router {
  const router = Router();
  const reviewers = requireRole(deps.events, ['privacy-officer', 'beheerder', 'procesregisseur']);

  router.get('/convenanten', reviewers, (_req, res) => {
    const current = deps.registry.current();
    res.json({
      inWerking: current?.label ?? null,
      versies: deps.registry.versions().map((c) => ({
        id: c.id,
        versie: c.versie,
        titel: c.titel,
        sha256: c.sha256,
        geldigVanaf: c.geldigVanaf.toISOString(),
        geldigTot: c.geldigTot?.toISOString() ?? null,
        ondertekenaars: c.document.convenant.ondertekenaars.map((o) => o.partner),
      })),
      geweigerd: deps.registry.refused().map((r) => ({ bestand: r.file, redenen: r.reasons, op: r.at.toISOString() })),
    });
  });

  router.post('/convenanten/simulaties', reviewers, async (req, res) => {
    const body = req.body as SimulationBody;
    const covenant = deps.registry.current();
    if (!covenant) throw new DomainError('conflict', 'Er is nu geen convenant van kracht.');
    const partner = (partnerSoorten as readonly string[]).includes(body.partner)
      ? { id: `(${body.partner})`, soort: body.partner }
      : await deps.partners.findById(body.partner);
    if (!partner)
      throw new DomainError('invalid-request', `Onbekende partner ${body.partner}.`, {
        invalidParams: [{ name: '/partner', reason: 'geen geregistreerde partner of partnersoort' }],
      });
    if (!covenant.purposes.has(body.doel))
      throw new DomainError('invalid-request', `Onbekend doel ${body.doel}.`, {
        invalidParams: [{ name: '/doel', reason: `doelen: ${[...covenant.purposes.keys()].join(', ')}` }],
      });
    const rows = simulate(covenant, {
      partner: { id: partner.id, soort: partner.soort },
      doel: body.doel,
      actie: body.actie,
      fase: body.fase,
      deelnemer: body.deelnemer,
      codeRood: body.codeRood,
    });
    res.json({ convenant: covenant.label, partner: partner.id, doel: body.doel, categorieen: rows });
  });

  return router;
}
