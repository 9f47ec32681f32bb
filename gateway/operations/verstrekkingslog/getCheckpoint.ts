import { DomainError } from '../../errors/domain-error.js';
import type { Operation } from '../operation.js';
import { checkpointJson } from './checkpoint-json.js';

/** The checkpoint signed at one log size. */
export const getCheckpoint: Operation<'getCheckpoint'> = {
  async handle({ params }, { integrity }) {
    const cp = await integrity.atSize(params.grootte);
    if (!cp) throw new DomainError('not-found', 'Op deze grootte is geen checkpoint getekend.');
    return { status: 200, body: checkpointJson(cp) };
  },
};
