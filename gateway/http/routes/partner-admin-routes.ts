import { Router } from 'express';
import type { JWK } from 'jose';
import type { SecurityEvents } from '../../auth/security-events.js';
import type { PartnerAdmin } from '../../partners/partner-admin.js';
import { jsonSafe } from '../json-safe.js';
import { requireRole } from '../middleware/require-role.js';

/** The partner registry over HTTP: beheerders of the ZVH only. Same use cases as the CLI. */
export function partnerAdminRoutes(deps: { admin: PartnerAdmin; events: SecurityEvents; basePath: string }): Router {
  const router = Router();
  const onlyBeheer = requireRole(deps.events, ['beheerder'], { zvhOnly: true });
  const actorOf = (locals: { caller: { partner: { id: string }; actor: { id: string } } }) =>
    `${locals.caller.partner.id}/${locals.caller.actor.id}`;

  router.get('/partners', onlyBeheer, async (_req, res) => {
    res.json({ partners: await deps.admin.list() });
  });

  router.post('/partners', onlyBeheer, async (req, res) => {
    const partner = await deps.admin.register(req.body, actorOf(res.locals));
    res.status(201).location(`${deps.basePath}/partners/${partner.id}`).json(partner);
  });

  router.get('/partners/:partnerId', onlyBeheer, async (req, res) => {
    res.json(jsonSafe(await deps.admin.show(req.params.partnerId as string)));
  });

  router.patch('/partners/:partnerId', onlyBeheer, async (req, res) => {
    res.json(
      await deps.admin.setStatus(
        req.params.partnerId as string,
        (req.body as { status: 'actief' | 'geschorst' }).status,
        actorOf(res.locals),
      ),
    );
  });

  router.post('/partners/:partnerId/certificaten', onlyBeheer, async (req, res) => {
    res
      .status(201)
      .json(
        jsonSafe(
          await deps.admin.addCertificate(
            req.params.partnerId as string,
            (req.body as { pem: string }).pem,
            actorOf(res.locals),
          ),
        ),
      );
  });

  router.delete('/partners/:partnerId/certificaten/:fingerprint', onlyBeheer, async (req, res) => {
    await deps.admin.revokeCertificate(
      req.params.partnerId as string,
      req.params.fingerprint as string,
      actorOf(res.locals),
    );
    res.status(204).end();
  });

  router.post('/partners/:partnerId/sleutels', onlyBeheer, async (req, res) => {
    res
      .status(201)
      .json(
        await deps.admin.addKey(req.params.partnerId as string, (req.body as { jwk: JWK }).jwk, actorOf(res.locals)),
      );
  });

  router.delete('/partners/:partnerId/sleutels/:kid', onlyBeheer, async (req, res) => {
    await deps.admin.revokeKey(req.params.partnerId as string, req.params.kid as string, actorOf(res.locals));
    res.status(204).end();
  });

  return router;
}
