import { Worker } from 'node:worker_threads';

/**
 * Starts a worker thread on a TypeScript module. Loader flags such as `--import tsx` do not reach
 * worker threads on Node 20, so the worker registers tsx itself before importing the module.
 */
export function startTypeScriptWorker(module: URL, workerData: unknown): Worker {
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(module.href)}); })`;
  return new Worker(boot, { eval: true, workerData, execArgv: [] });
}
