import { request } from 'node:https';

export interface HttpsAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json<T = Record<string, unknown>>(): T;
}

export interface HttpsCallOptions {
  ca: string | Buffer;
  cert?: string | Buffer;
  key?: string | Buffer;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Reuse TLS sessions across calls (the agent) or force a full handshake each time. */
  agent?: import('node:https').Agent | false;
}

/** One HTTPS call that verifies the server against `ca`, optionally with a client certificate. */
export function httpsCall(url: string, options: HttpsCallOptions): Promise<HttpsAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: options.method ?? 'GET',
        ca: options.ca,
        cert: options.cert,
        key: options.key,
        headers: options.headers,
        agent: options.agent ?? false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json: <T>() => JSON.parse(body) as T });
        });
      },
    );
    req.on('error', reject);
    // A server that accepts but never answers fails the call instead of hanging the test.
    req.setTimeout(20_000, () => req.destroy(new Error(`no answer from ${url} within 20 s`)));
    req.end(options.body);
  });
}
