import { describe, it } from 'node:test';
import request from 'supertest';
import { assertProblem } from '../support/problem-assertions.js';
import { useTestApp } from '../support/test-app.js';

const t = useTestApp();

describe('GET /api/v1/ready when the database is gone', () => {
  it('answers 503 problem+json with only a log id', async () => {
    const original = t.db.store.ping;
    t.db.store.ping = async () => {
      throw new Error('connection refused to 10.0.0.1 for user jan');
    };
    const res = await request(t.app).get('/api/v1/ready');
    t.db.store.ping = original;
    assertProblem(res, 503, 'unavailable');
  });
});
