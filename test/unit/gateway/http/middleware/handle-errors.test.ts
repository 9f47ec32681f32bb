import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import express from 'express';
import request from 'supertest';
import { handleErrors } from '../../../../../gateway/http/middleware/handle-errors.js';
import { captureLogger } from '../../../../support/capture-logger.js';

/** An app whose one route fails with `err`, and the lines its error handler logged. */
function failingWith(err: Error) {
  const { logger, lines } = captureLogger();
  const app = express();
  app.get('/x', () => {
    throw err;
  });
  app.use(handleErrors(logger));
  return { app, lines };
}

describe('an unexpected error', () => {
  it('logs no line of a message that runs over several lines, only the frames', async () => {
    // Prisma quotes the failing call with its arguments; pg messages can quote the value they choked on.
    const err = Object.assign(
      new Error('Invalid `prisma.betrokkene.create()` invocation:\n  bsn: "999990019-marker"\n  naam: "naam-marker"'),
      { name: 'PrismaClientValidationError' },
    );
    const { app, lines } = failingWith(err);
    const res = await request(app).get('/x');
    assert.equal(res.status, 500, 'an unexpected error is a 500');
    const logged = lines().join('\n');
    assert.doesNotMatch(logged, /marker|invocation/, 'no line of the message is in the log');
    assert.match(logged, /handle-errors\.test\.ts/, 'the frames still say where it came from');
    assert.doesNotMatch(JSON.stringify(res.body), /marker/, 'nor in the answer');
  });
});
