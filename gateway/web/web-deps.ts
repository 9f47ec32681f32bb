import type { Logger } from 'pino';
import type { Config } from '../config/config-schema.js';
import type { OperationDeps } from '../operations/operation-deps.js';

/** What the pages receive: the same dependencies as the API's handlers (so the same use cases), and settings. */
export interface WebDeps {
  ops: OperationDeps;
  config: Config;
  logger: Logger;
}
