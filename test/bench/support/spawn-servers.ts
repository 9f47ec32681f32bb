import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface BenchServers {
  gatewayUrl: string;
  bareUrl: string;
  /** The same handler with and without the authenticate middleware. */
  authProbeUrl: string;
  openProbeUrl: string;
  dataDir: string;
  ca: Buffer;
  partnerCert(id: string): Buffer;
  partnerKey(id: string): Buffer;
  stop(): Promise<void>;
}

/** Starts the benchmark servers in their own process, so client and server do not share a core's event loop. */
export async function spawnBenchServers(): Promise<BenchServers> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.BENCH_PROF] : []),
      '--import',
      'tsx',
      new URL('./bench-servers.ts', import.meta.url).pathname,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const ports = await new Promise<{
    gateway: number;
    bare: number;
    authProbe: number;
    openProbe: number;
    dataDir: string;
  }>((resolve, reject) => {
    let buf = '';
    child.stdout!.on('data', (c: Buffer) => {
      buf += c.toString();
      const line = buf.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve(JSON.parse(line));
    });
    child.on('exit', (code) => reject(new Error(`bench servers exited with ${code}`)));
  });
  const pki = join(ports.dataDir, 'pki');
  return {
    gatewayUrl: `https://localhost:${ports.gateway}/api/v1`,
    bareUrl: `https://localhost:${ports.bare}/api/v1`,
    authProbeUrl: `https://localhost:${ports.authProbe}/api/v1`,
    openProbeUrl: `https://localhost:${ports.openProbe}/api/v1`,
    dataDir: ports.dataDir,
    ca: readFileSync(join(pki, 'ca.pem')),
    partnerCert: (id) => readFileSync(join(pki, 'partners', `${id}.pem`)),
    partnerKey: (id) => readFileSync(join(pki, 'partners', `${id}.key.pem`)),
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
