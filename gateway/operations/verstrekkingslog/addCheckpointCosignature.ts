import { addCheckpointCosignature as add } from '../../disclosure/checkpoint-cosignatures.js';
import type { Operation } from '../operation.js';
import { checkpointJson } from './checkpoint-json.js';

/** A witness's cosignature on a checkpoint, kept with it when it verifies against a configured witness key. */
export const addCheckpointCosignature: Operation<'addCheckpointCosignature'> = {
  async handle({ params, body }, deps) {
    return { status: 200, body: checkpointJson(await add(deps, params.grootte, body.cosignature)) };
  },
};
