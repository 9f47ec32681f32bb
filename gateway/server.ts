import { startGateway } from './bootstrap/start-gateway.js';
import { ConfigError, loadConfig } from './config/load-config.js';
import { createLogger } from './logging/create-logger.js';
import { printWelcome } from './bootstrap/print-welcome.js';
import { isWorkerPrimary, runWorkers } from './cluster/run-workers.js';
import { systemClock } from './clock.js';
import { firstRunInvitations } from './web/accounts/first-run.js';
import { surviveDatabaseLoss } from './bootstrap/survive-database-loss.js';

/** `npm start`: read the configuration, start, print how to call it, stop cleanly on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Knooppunt start niet: ${err.message}`);
      process.exit(78);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  if (isWorkerPrimary(config.workers)) return runWorkers(config.workers, logger);
  surviveDatabaseLoss(logger);
  let gateway;
  try {
    gateway = await startGateway(config, logger);
  } catch (err) {
    // A certificate, key or CRL file that is missing or unreadable is a configuration error like any other.
    if (err instanceof ConfigError) {
      console.error(`Knooppunt start niet: ${err.message}`);
      process.exit(78);
    }
    throw err;
  }
  const invitations = config.demoPartners
    ? await firstRunInvitations({ store: gateway.store, clock: systemClock }, 'zvh-demo')
    : [];
  printWelcome(gateway, config, invitations);
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ msg: 'shutting down', signal });
    gateway.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ msg: 'shutdown failed', errorName: (err as Error).name });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

await main();
