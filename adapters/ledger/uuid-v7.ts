import { randomUUID } from 'node:crypto';

/**
 * RFC 9562 UUIDv7: 48-bit Unix milliseconds, then random bits — ids that sort by time. The random
 * bits come from `randomUUID` (a v4 id from Node's buffered entropy: no system call per id); its
 * variant bits are already those of v7, only the version nibble changes.
 */
export function uuidV7(now: Date = new Date()): string {
  const random = randomUUID();
  const ms = now.getTime().toString(16).padStart(12, '0');
  return `${ms.slice(0, 8)}-${ms.slice(8, 12)}-7${random.slice(15, 18)}-${random.slice(19)}`;
}
