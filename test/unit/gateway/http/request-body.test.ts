import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import express from 'express';
import request from 'supertest';
import { handleErrors } from '../../../../gateway/http/middleware/handle-errors.js';
import { bodyErrors, requestBody } from '../../../../gateway/http/middleware/request-body.js';
import { traceContext } from '../../../../gateway/http/middleware/trace-context.js';
import { captureLogger } from '../../../support/capture-logger.js';
import { assertProblem } from '../../../support/problem-assertions.js';

function echoApp(limit: number) {
  const app = express();
  const { logger, lines } = captureLogger();
  app.use(traceContext(), ...requestBody(limit), bodyErrors);
  app.post('/echo', (req, res) => {
    res.json({ got: req.body });
  });
  app.use(handleErrors(logger));
  return { app, lines };
}

describe('the request body middleware (no operation matched: JSON only)', () => {
  const { app, lines } = echoApp(1024);

  it('passes a JSON body to the handler', async () => {
    const res = await request(app).post('/echo').send({ a: 1 }).expect(200);
    assert.deepEqual(res.body, { got: { a: 1 } });
  });

  it('answers 400 for malformed JSON', async () => {
    assertProblem(
      await request(app).post('/echo').set('Content-Type', 'application/json').send('{"a":'),
      400,
      'invalid-request',
    );
  });

  it('answers 415 for a body that is not JSON', async () => {
    assertProblem(
      await request(app).post('/echo').set('Content-Type', 'text/plain').send('hallo'),
      415,
      'unsupported-media-type',
    );
  });

  it('answers 415 for a form post', async () => {
    assertProblem(
      await request(app).post('/echo').type('form').send({ bsn: '123456782' }),
      415,
      'unsupported-media-type',
    );
  });

  it('answers 413 for a body over the limit', async () => {
    assertProblem(
      await request(app)
        .post('/echo')
        .send({ pad: 'x'.repeat(2048) }),
      413,
      'payload-too-large',
    );
  });

  it('accepts application/problem+json style types (+json)', async () => {
    await request(app).post('/echo').set('Content-Type', 'application/merge-patch+json').send('{"b":2}').expect(200);
  });

  it('never writes the body it refused to the log', async () => {
    await request(app).post('/echo').set('Content-Type', 'application/json').send('{"bsn":"123456782",');
    assert.ok(!lines().some((l) => l.includes('123456782')), 'the BSN from the body appears in no log line');
  });
});
