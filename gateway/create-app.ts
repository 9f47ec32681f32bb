import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { Store } from '../adapters/store/open-store.js';
import type { Contract } from '../openapi/load-contract.js';
import type { Config } from './config/config-schema.js';
import { accessLog } from './http/middleware/access-log.js';
import { handleErrors } from './http/middleware/handle-errors.js';
import { bodyErrors, jsonBody } from './http/middleware/json-body.js';
import { matchOperation } from './http/middleware/match-operation.js';
import { requireAcceptable } from './http/middleware/require-acceptable.js';
import { traceContext } from './http/middleware/trace-context.js';
import { contractErrors, validateAgainstContract } from './http/middleware/validate-against-contract.js';
import { beheerRoutes } from './http/routes/beheer-routes.js';
import type { Clock } from './clock.js';

export interface AppDeps {
  config: Config;
  logger: Logger;
  store: Store;
  contract: Contract;
  clock: Clock;
}

/**
 * Builds the Express app. Order matters and is the security design: identify the request, route it by
 * the contract (404/405 before anything is read), check Accept, then parse and validate the body,
 * then the handler; every failure ends in one problem+json mapper.
 */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.set('query parser', 'simple');

  app.use(traceContext());
  app.use(accessLog(deps.logger));
  app.use(helmet({ contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } } }));
  app.use((_req, res, next) => {
    res.setHeader('API-Version', deps.contract.version);
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use(matchOperation(deps.contract));
  app.use(requireAcceptable());
  app.use(jsonBody(deps.config.bodyLimitBytes));
  app.use(bodyErrors);
  app.use(validateAgainstContract(deps.contract, true));
  app.use(deps.contract.basePath, beheerRoutes(deps));
  app.use((_req, res) => {
    // Reached only for an operation the contract declares but no router serves: a bug, so a logged 500.
    throw new Error(`operation ${res.locals.operation.operationId} has no handler`);
  });

  app.use(contractErrors);
  app.use(handleErrors(deps.logger));
  return app;
}
