import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../gateway/logging/create-logger.js';

/** A real (redacting) logger whose lines a test can read back. */
export function captureLogger(level = 'debug'): { logger: Logger; lines: () => string[] } {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const logger = createLogger(level, sink);
  return { logger, lines: () => chunks.join('').split('\n').filter(Boolean) };
}
