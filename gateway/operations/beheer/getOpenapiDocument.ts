import type { Operation } from '../operation.js';

/** The contract itself, as JSON. */
export const getOpenapiDocument: Operation<'getOpenapiDocument'> = {
  async handle(_request, { contract }) {
    return { status: 200, body: contract.document };
  },
};
