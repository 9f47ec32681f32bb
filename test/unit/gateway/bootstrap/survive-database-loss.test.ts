import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { surviveDatabaseLoss } from '../../../../gateway/bootstrap/survive-database-loss.js';
import { captureLogger } from '../../../support/capture-logger.js';

describe('an unhandled rejection outside any request', () => {
  const before = process.listeners('unhandledRejection');
  const { logger, lines } = captureLogger();
  surviveDatabaseLoss(logger);
  const [listener] = process.listeners('unhandledRejection').filter((l) => !before.includes(l));
  after(() => void process.off('unhandledRejection', listener!));
  const settled = Promise.resolve();

  it('is logged without its message and survived when the database went away', () => {
    const gone = Object.assign(new Error('Connection terminated unexpectedly near secret-marker'), { code: '57P01' });
    listener!(gone, settled);
    const [line] = lines().map((l) => JSON.parse(l) as { msg: string; errorName: string });
    assert.equal(line?.msg, 'database unavailable outside a request (ignored)');
    assert.doesNotMatch(lines().join('\n'), /secret-marker/, 'the message (it may quote data) is not logged');
  });

  it('logs no line of a message that runs over several lines, as Prisma and pg messages do', () => {
    const gone = Object.assign(
      new Error(
        'Invalid `prisma.betrokkene.create()` invocation:\n  bsn: "999990019-marker"\n  naam: "naam-marker"\nCan\'t reach database server',
      ),
      { name: 'PrismaClientKnownRequestError', code: 'P1001' },
    );
    listener!(gone, settled);
    const logged = lines().join('\n');
    assert.doesNotMatch(logged, /marker|invocation|reach database/, 'no line of the message is in the log');
    assert.match(logged, /survive-database-loss\.test\.ts/, 'the frames still say where it came from');
  });

  it('is rethrown, ending the process as Node would, when it is anything else', () => {
    assert.throws(() => listener!(new TypeError('a bug'), settled), /a bug/);
  });
});
