import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface GatewayProcess {
  child: ChildProcess;
  pid: number;
  url: string;
  /** Everything it wrote to stdout (pino's JSON lines): to say in a failed assertion what it logged. */
  output(): string;
  /** SIGTERM and wait for the exit (a no-op once it has exited). */
  stop(): Promise<void>;
}

/** Starts `npm start`'s entry point as a process of its own and waits for its welcome line. */
export async function startGatewayProcess(env: Record<string, string>): Promise<GatewayProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'gateway/server.ts'], {
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`gateway did not start: ${out}`)), 60_000);
    child.once('exit', (code) => reject(new Error(`gateway exited with ${code}: ${out}`)));
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.length > 4_000_000) out = out.slice(-2_000_000);
      const m = /luistert op (https:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
  });
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  return {
    child,
    pid: child.pid!,
    url,
    output: () => out,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The TLS material of a demo partner in a gateway's data directory. */
export function partnerTls(dataDir: string, partnerId: string): { ca: Buffer; cert: Buffer; key: Buffer } {
  const pki = join(dataDir, 'pki');
  return {
    ca: readFileSync(join(pki, 'ca.pem')),
    cert: readFileSync(join(pki, 'partners', `${partnerId}.pem`)),
    key: readFileSync(join(pki, 'partners', `${partnerId}.key.pem`)),
  };
}
