import { Router, type Response } from 'express';
import type { Ledger } from '../../../adapters/ledger/ledger.js';
import type { Checkpoints } from '../../../adapters/ledger/checkpoints.js';
import type { NoteSigner } from '../../../adapters/ledger/signed-note.js';
import type { SecurityEvents } from '../../auth/security-events.js';
import { pullCasus, type PullView } from '../../disclosure/pull-casus.js';
import { anomalySignals, searchLog, toCsv, toLogboek, type ReviewQuery } from '../../disclosure/review.js';
import { listLogEntries } from '../../disclosure/list-log-entries.js';
import { logScopeOf } from '../../disclosure/log-scope.js';
import { DomainError } from '../../errors/domain-error.js';
import type { UseCaseDeps } from '../../use-case-deps.js';
import { callerOf } from '../caller-of.js';
import { requireRole } from '../middleware/require-role.js';

const hex = (hashes: Buffer[]) => hashes.map((h) => h.toString('hex'));
const checkpointJson = (c: { origin: string; size: number; rootHash: string; signedNote: string; jws: string }) => ({
  origin: c.origin,
  grootte: c.size,
  rootHash: c.rootHash,
  signedNote: c.signedNote,
  jws: c.jws,
});

/** Pulls (each logged before it is answered) and the log's public face: checkpoints, proofs, entries. */
export function disclosureRoutes(
  deps: UseCaseDeps & { ledger: Ledger; checkpoints: Checkpoints; signer: NoteSigner; events: SecurityEvents },
): Router {
  const router = Router();
  const pull = (view: PullView) => async (req: import('express').Request, res: Response) => {
    res.json(
      await pullCasus(
        deps,
        callerOf(res),
        String(req.params.casusId),
        view,
        String(req.query.doel),
        res.locals.ctx.traceId,
      ),
    );
  };
  router.get('/casussen/:casusId', pull('casus'));
  router.get('/casussen/:casusId/betrokkenen', pull('betrokkenen'));
  router.get('/casussen/:casusId/systeem', pull('systeem'));
  router.get('/casussen/:casusId/informatie', pull('informatie'));

  router.get('/verstrekkingslog/checkpoint', async (_req, res) => {
    const cp = (await deps.checkpoints.create()) ?? (await deps.checkpoints.latest());
    if (!cp) throw new DomainError('not-found', 'Het log is nog leeg.');
    res.json(checkpointJson(cp));
  });

  router.get('/verstrekkingslog/checkpoints/:grootte', async (req, res) => {
    const cp = await deps.checkpoints.atSize(Number(req.params.grootte));
    if (!cp) throw new DomainError('not-found', 'Op deze grootte is geen checkpoint getekend.');
    res.json(checkpointJson(cp));
  });

  router.get('/verstrekkingslog/inclusiebewijs', async (req, res) => {
    const index = Number(req.query.index);
    const grootte = Number(req.query.grootte);
    if (index >= grootte || grootte > (await deps.ledger.size()))
      throw new DomainError(
        'invalid-request',
        'index moet kleiner zijn dan grootte, en grootte niet groter dan het log.',
      );
    const [entry] = await deps.ledger.entries(index, index + 1);
    res.json({
      index,
      grootte,
      leafHash: entry!.leafHash.toString('hex'),
      bewijs: hex(await deps.ledger.inclusionProof(index, grootte)),
    });
  });

  router.get('/verstrekkingslog/consistentiebewijs', async (req, res) => {
    const van = Number(req.query.van);
    const tot = Number(req.query.tot);
    if (van > tot || tot > (await deps.ledger.size()))
      throw new DomainError('invalid-request', 'van mag niet groter zijn dan tot, en tot niet groter dan het log.');
    res.json({ van, tot, bewijs: hex(await deps.ledger.consistencyProof(van, tot)) });
  });

  const officer = requireRole(deps.events, ['privacy-officer']);
  router.get('/verstrekkingslog/regels', officer, async (req, res) => {
    const scope = logScopeOf(callerOf(res));
    res.json({ regels: await listLogEntries(deps.ledger, Number(req.query.van), Number(req.query.tot), scope) });
  });

  router.post('/verstrekkingslog/zoekvragen', officer, async (req, res) => {
    res.json({
      regels: (await searchLog(deps, req.body as ReviewQuery, logScopeOf(callerOf(res)))).map(
        ({ index, leafHash, tijd, regel }) => ({
          index,
          leafHash,
          tijd,
          regel,
        }),
      ),
    });
  });

  router.get('/verstrekkingslog/export', officer, async (req, res) => {
    const q = req.query as Record<string, string | undefined>;
    const regels = await searchLog(
      deps,
      { partner: q.partner, doel: q.doel, casus: q.casus, van: q.van, tot: q.tot },
      logScopeOf(callerOf(res)),
    );
    const stamp = deps.clock.now().toISOString().slice(0, 10);
    if (q.formaat === 'csv') {
      res.attachment(`verstrekkingen-${stamp}.csv`).type('text/csv; charset=utf-8').send(toCsv(regels));
      return;
    }
    res
      .attachment(`verstrekkingen-${stamp}.${q.formaat === 'logboek' ? 'logboek.json' : 'json'}`)
      .json(q.formaat === 'logboek' ? toLogboek(regels) : regels);
  });

  router.get('/verstrekkingslog/signalen', officer, async (_req, res) => {
    res.json({ signalen: await anomalySignals(deps.ledger, deps.clock.now(), logScopeOf(callerOf(res))) });
  });

  router.get('/verstrekkingslog/publieke-sleutel', (_req, res) => {
    res.json({ origin: deps.ledger.origin, verifierKey: deps.signer.verifierKey() });
  });

  return router;
}
