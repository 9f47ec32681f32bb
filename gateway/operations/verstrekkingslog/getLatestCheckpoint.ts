import { DomainError } from '../../errors/domain-error.js';
import type { Operation } from '../operation.js';
import { checkpointJson } from './checkpoint-json.js';

/** The newest signed checkpoint (signing one first when the log has grown). */
export const getLatestCheckpoint: Operation<'getLatestCheckpoint'> = {
  async handle(_request, { checkpoints }) {
    const cp = (await checkpoints.create()) ?? (await checkpoints.latest());
    if (!cp) throw new DomainError('not-found', 'Het log is nog leeg.');
    return { status: 200, body: checkpointJson(cp) };
  },
};
