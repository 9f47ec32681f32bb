import { createServer, connect, type Server, type Socket } from 'node:net';

export interface TcpProxy {
  port: number;
  /** The database "goes away": open connections are reset and new ones refused. */
  cut(): Promise<void>;
  /** The database is back on the same address. */
  restore(): Promise<void>;
  /**
   * The virtual IP moves (a standby was promoted): open connections are reset, new ones go to `host:port`.
   */
  retarget(host: string, port: number): void;
  close(): Promise<void>;
}

/**
 * A loopback TCP proxy in front of PostgreSQL, so a test can take the database away from the gateway
 * and give it back without stopping the server that other test files (and colleagues) share.
 */
export async function tcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  const target = { host: targetHost, port: targetPort };
  let port = 0;
  let server: Server | undefined;
  const listen = async () => {
    server = createServer((client) => {
      const upstream = connect(target.port, target.host);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', () => resolve()));
    port = (server.address() as { port: number }).port;
  };
  const cut = async () => {
    const s = server;
    server = undefined;
    for (const socket of sockets) socket.destroy();
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  };
  await listen();
  return {
    get port() {
      return port;
    },
    cut,
    restore: listen,
    retarget(host, port) {
      Object.assign(target, { host, port });
      for (const socket of sockets) socket.destroy();
    },
    close: cut,
  };
}
