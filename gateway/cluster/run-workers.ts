import cluster from 'node:cluster';
import type { Logger } from 'pino';

/** A worker that dies is replaced, but not faster than this: a crash loop must not spin the machine. */
const RESTART_DELAY_MS = 1000;

/**
 * The primary of `KNOOPPUNT_WORKERS=n`: forks n gateway processes that share the listening port
 * (node:cluster hands connections round-robin; each worker terminates TLS and mTLS itself, exactly as
 * one process does). The first worker starts alone — it creates the dev PKI, applies migrations and
 * registers the demo partners — and the others follow once it listens. A worker that dies is replaced;
 * SIGTERM/SIGINT is passed on and the primary exits when all workers have stopped.
 */
export function runWorkers(n: number, logger: Logger): void {
  let stopping = false;
  const fork = () => cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    // A configuration error (exit 78) is the same for every worker: stop instead of looping.
    if (code === 78) process.exit(78);
    logger.error({ msg: 'gateway worker died, starting another', workerPid: worker.process.pid, code, signal });
    setTimeout(fork, RESTART_DELAY_MS);
  });
  const first = fork();
  first.once('listening', () => {
    for (let i = 1; i < n; i++) fork();
  });
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ msg: 'shutting down workers', signal });
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(signal);
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

/** Whether this process should start the gateway itself (one process, or a worker), or run workers. */
export function isWorkerPrimary(workers: number): boolean {
  return workers > 1 && cluster.isPrimary;
}
