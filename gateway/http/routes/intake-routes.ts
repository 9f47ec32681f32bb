import { Router, type Response } from 'express';
import type { components } from '../../../openapi/generated/knooppunt.js';
import type { SecurityEvents } from '../../auth/security-events.js';
import { contributeInformatie } from '../../intake/contribute-informatie.js';
import { callerOf } from '../caller-of.js';
import type { StoredAnswer } from '../../intake/idempotency.js';
import { addDeelnemer, decideKoppelvoorstel, splitBetrokkene } from '../../intake/koppelvoorstellen.js';
import { koppelvoorstelOverzicht } from '../../intake/koppelvoorstel-overzicht.js';
import { linkBetrokkenenByHand } from '../../intake/link-by-hand.js';
import { registerAanmelding } from '../../intake/register-aanmelding.js';
import { recordTriageBesluit, triageProposal } from '../../intake/triage.js';
import { askVerwijsindex } from '../../disclosure/verwijsindex.js';
import { listCasussen } from '../../cases/list-casussen.js';
import type { UseCaseDeps } from '../../use-case-deps.js';
import { jsonSafe } from '../json-safe.js';
import { requireRole } from '../middleware/require-role.js';

type Schemas = components['schemas'];

function send(res: Response, answer: StoredAnswer): void {
  if (answer.location) res.location(answer.location);
  res.status(answer.status).json(answer.body);
}

/** Intake, triage, linking and the verwijsindex. */
export function intakeRoutes(deps: UseCaseDeps & { events: SecurityEvents; basePath: string }): Router {
  const router = Router();
  const regisseur = requireRole(deps.events, ['procesregisseur'], { zvhOnly: true });
  const param = (v: unknown) => String(v);

  router.post('/aanmeldingen', async (req, res) => {
    send(
      res,
      await registerAanmelding(
        deps,
        callerOf(res),
        req.body as Schemas['Aanmelding'],
        req.get('idempotency-key'),
        deps.basePath,
      ),
    );
  });

  router.get('/casussen', async (req, res) => {
    const q = req.query as Record<string, string | undefined>;
    const page = Number(q.page ?? 1);
    const pageSize = Number(q.pageSize ?? 20);
    const list = await listCasussen(deps, callerOf(res), { ...q, page, pageSize });
    const href = (p: number) => {
      const params = new URLSearchParams(Object.entries(q).filter((e): e is [string, string] => e[1] !== undefined));
      params.set('page', String(p));
      return { href: `${deps.basePath}/casussen?${params.toString()}` };
    };
    res.set({
      'X-Total-Count': String(list.total),
      'X-Pagination-Count': String(list.pages),
      'X-Pagination-Page': String(page),
      'X-Pagination-Limit': String(pageSize),
    });
    res.json({
      _links: {
        self: href(page),
        first: href(1),
        ...(page > 1 ? { prev: href(Math.min(page - 1, list.pages)) } : {}),
        ...(page < list.pages ? { next: href(page + 1) } : {}),
        last: href(list.pages),
      },
      _embedded: { casussen: list.casussen },
    });
  });

  router.post('/casussen/:casusId/informatie', async (req, res) => {
    send(
      res,
      await contributeInformatie(
        deps,
        callerOf(res),
        param(req.params.casusId),
        req.body as Schemas['InformatieAanlevering'],
        req.get('idempotency-key'),
      ),
    );
  });

  router.get('/casussen/:casusId/triage', regisseur, async (req, res) => {
    res.json(await triageProposal(deps, param(req.params.casusId)));
  });

  router.post('/casussen/:casusId/triagebesluit', regisseur, async (req, res) => {
    const body = req.body as Schemas['TriageBesluitVraag'];
    res
      .status(201)
      .json(await recordTriageBesluit(deps, callerOf(res), param(req.params.casusId), body.uitkomst, body.motivering));
  });

  router.post('/casussen/:casusId/deelnemers', regisseur, async (req, res) => {
    const body = req.body as { partner: string; rol?: 'deelnemer' | 'incidenteel' };
    res
      .status(201)
      .json(await addDeelnemer(deps, callerOf(res), param(req.params.casusId), body.partner, body.rol ?? 'deelnemer'));
  });

  router.get('/koppelvoorstellen', regisseur, async (_req, res) => {
    res.json(await koppelvoorstelOverzicht(deps, callerOf(res), res.locals.ctx.traceId));
  });

  router.post('/koppelingen', regisseur, async (req, res) => {
    res.status(201).json(await linkBetrokkenenByHand(deps, callerOf(res), req.body as Schemas['KoppelingVraag']));
  });

  router.post('/koppelvoorstellen/:voorstelId/besluit', regisseur, async (req, res) => {
    const body = req.body as { besluit: 'samenvoegen' | 'afwijzen'; motivering: string };
    res
      .status(201)
      .json(
        jsonSafe(
          await decideKoppelvoorstel(deps, callerOf(res), param(req.params.voorstelId), body.besluit, body.motivering),
        ),
      );
  });

  router.post('/betrokkenen/:betrokkeneId/splitsing', regisseur, async (req, res) => {
    res
      .status(201)
      .json(
        await splitBetrokkene(
          deps,
          callerOf(res),
          param(req.params.betrokkeneId),
          (req.body as { motivering: string }).motivering,
        ),
      );
  });

  router.post('/verwijsindex/zoekvragen', async (req, res) => {
    const body = req.body as Schemas['VerwijsindexVraag'];
    res.json(await askVerwijsindex(deps, callerOf(res), body.bsn, body.doel, res.locals.ctx.traceId));
  });

  return router;
}
