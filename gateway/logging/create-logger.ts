import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Paths pino must censor wherever they appear. Handlers log ids, never request or response content,
 * so these are a second line of defence against a careless `log.info({ req })`.
 */
export const redactedPaths = [
  'req.headers',
  'res.headers',
  'headers',
  'authorization',
  'cookie',
  'body',
  'req.body',
  'payload',
  'token',
  'access_token',
  'client_assertion',
  'assertion',
  'bsn',
  '*.bsn',
  'naam',
  '*.naam',
  'geboortedatum',
  '*.geboortedatum',
  'inhoud',
  '*.inhoud',
  'key',
  'privateKey',
  '*.privateKey',
  'cert',
  'certificate',
  'password',
  'secret',
];

/** The structured logger: JSON lines, personal data and secrets redacted. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'knooppunt' },
      redact: { paths: redactedPaths, censor: '[weggelaten]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

export type { Logger };
