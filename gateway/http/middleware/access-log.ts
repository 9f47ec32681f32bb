import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

/**
 * One log line per request with ids only: the route template (never the real path or query, which
 * could carry identifiers), status, duration, partner and trace. No headers, no bodies.
 */
export function accessLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ctx = res.locals.ctx;
      logger.info({
        msg: 'request',
        method: req.method,
        route: ctx.route ?? 'unmatched',
        status: res.statusCode,
        ms: Number(process.hrtime.bigint() - started) / 1e6,
        requestId: ctx.requestId,
        traceId: ctx.traceId,
        partnerId: ctx.partnerId,
        actorRol: ctx.actor?.rol,
      });
    });
    next();
  };
}
