import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isStoreUnavailable } from '../../../../adapters/store/store-unavailable.js';

/** What Prisma 7 throws for a server error it has no code of its own for: P2039, the adapter's error in `meta`. */
function prismaDatabaseError(sqlstate: string): Error {
  const adapterError = Object.assign(new Error('DriverAdapterError'), {
    name: 'DriverAdapterError',
    cause: { kind: 'postgres', code: sqlstate, originalCode: sqlstate, severity: 'FATAL', message: 'secret-marker' },
  });
  return Object.assign(new Error(`Database error. Code: \`${sqlstate}\``), {
    name: 'PrismaClientKnownRequestError',
    code: 'P2039',
    meta: { driverAdapterError: adapterError },
  });
}

describe('a PostgreSQL server going away, as Prisma 7 reports it', () => {
  for (const [sqlstate, what] of [
    ['57P01', 'shutting down (pg_ctl stop -m fast)'],
    ['57P02', 'ended by a crash of another backend'],
    ['57P03', 'starting up or in recovery'],
    ['08006', 'a connection failure'],
    ['25006', 'read-only: a standby not yet promoted'],
  ] as const)
    it(`counts ${sqlstate} (${what}) as unavailable, found in the P2039 error's meta`, () => {
      assert.equal(isStoreUnavailable(prismaDatabaseError(sqlstate)), true);
    });

  it('does not count a server error about the request itself (42501 permission denied, 42P07 exists)', () => {
    assert.equal(isStoreUnavailable(prismaDatabaseError('42501')), false);
    assert.equal(isStoreUnavailable(prismaDatabaseError('42P07')), false);
  });
});
