import { DomainError } from '../../errors/domain-error.js';
import type { Operation } from '../operation.js';
import { checkpointJson } from './checkpoint-json.js';

/** The newest signed checkpoint. Public: it never signs one, so an anonymous caller cannot force signing. */
export const getLatestCheckpoint: Operation<'getLatestCheckpoint'> = {
  async handle(_request, { integrity }) {
    const cp = await integrity.latest();
    if (!cp) throw new DomainError('not-found', 'Het log is nog leeg.');
    return { status: 200, body: checkpointJson(cp) };
  },
};
