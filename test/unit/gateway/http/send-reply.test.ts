import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import express from 'express';
import request from 'supertest';
import type { LedgerReceipt } from '../../../../adapters/ledger/ledger.js';
import type { PendingDisclosure } from '../../../../gateway/disclosure/disclosure-log.js';
import { DomainError } from '../../../../gateway/errors/domain-error.js';
import { handleErrors } from '../../../../gateway/http/middleware/handle-errors.js';
import { matchOperation } from '../../../../gateway/http/middleware/match-operation.js';
import { requestBody } from '../../../../gateway/http/middleware/request-body.js';
import { traceContext } from '../../../../gateway/http/middleware/trace-context.js';
import {
  contractErrors,
  validateAgainstContract,
} from '../../../../gateway/http/middleware/validate-against-contract.js';
import { sendReply } from '../../../../gateway/http/send-reply.js';
import { loadContract } from '../../../../openapi/load-contract.js';
import { captureLogger } from '../../../support/capture-logger.js';
import { rawBody } from '../../../support/raw-body.js';
import { receiptOf } from '../../../support/receipt.js';

const receipt: LedgerReceipt = { origin: 'test-log', index: 7, leafHash: 'ab'.repeat(32) };

/** An app with the real contract validator that answers the verwijsindex with `disclosure`. */
function appDisclosing(disclosure: PendingDisclosure) {
  const contract = loadContract();
  const app = express();
  app.use(traceContext(), matchOperation(contract), ...requestBody(4096), validateAgainstContract(contract, true));
  app.use(async (_req, res) => sendReply(res, { status: 200, disclosure }));
  app.use(contractErrors, handleErrors(captureLogger().logger));
  return app;
}

const ask = (app: express.Express) =>
  request(app)
    .post('/api/v1/verwijsindex/zoekvragen')
    .send({ bsn: '111222333', doel: 'triage' })
    .buffer(true)
    .parse(rawBody);

describe('sending a disclosure', () => {
  it('commits exactly the bytes it then sends, and names the entry in the Ontvangstbewijs header', async () => {
    const committed: Buffer[] = [];
    const app = appDisclosing({
      body: { bekend: false, partners: [] },
      commit: async (bytes) => {
        committed.push(Buffer.from(bytes));
        return receipt;
      },
    });
    const res = await ask(app);
    assert.equal(res.status, 200, 'a valid disclosure is sent');
    assert.equal(committed.length, 1, 'the disclosure is committed once');
    assert.ok(committed[0]!.equals(res.body), 'the committed bytes are the bytes received');
    assert.equal(
      createHash('sha256').update(committed[0]!).digest('hex'),
      createHash('sha256').update(res.body).digest('hex'),
      'their digests agree',
    );
    assert.deepEqual(receiptOf(res), { log: 'test-log', index: 7, leafHash: 'ab'.repeat(32) }, 'the receipt header');
    assert.match(String(res.headers['content-type']), /^application\/json/, 'sent as JSON');
  });

  it('neither logs nor sends a body the contract does not allow (a 500)', async () => {
    let commits = 0;
    const app = appDisclosing({
      body: { bekend: 'misschien', partners: [] },
      commit: async () => {
        commits++;
        return receipt;
      },
    });
    const res = await ask(app);
    assert.equal(res.status, 500, 'a body that breaks the contract is a server error');
    assert.equal(commits, 0, 'nothing is written to the log for an answer that never left');
    assert.equal(res.headers.ontvangstbewijs, undefined, 'no receipt is given');
    assert.doesNotMatch(res.body.toString(), /misschien/, 'the refused body does not leak');
  });

  it('sends nothing when the log cannot be written (a 503)', async () => {
    const app = appDisclosing({
      body: { bekend: false, partners: [] },
      commit: async () => {
        throw new DomainError('unavailable', 'disclosure log unavailable; nothing was disclosed');
      },
    });
    const res = await ask(app);
    assert.equal(res.status, 503, 'a failing log is a 503');
    assert.doesNotMatch(res.body.toString(), /bekend/, 'the disclosure does not leave');
  });
});
