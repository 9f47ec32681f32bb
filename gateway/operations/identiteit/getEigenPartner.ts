import type { Operation } from '../operation.js';

/** "Who am I": the partner and actor the gateway recognised, and by which means. */
export const getEigenPartner: Operation<'getEigenPartner'> = {
  async handle({ caller, raw }) {
    const { partner, actor, certificate } = caller;
    return {
      status: 200,
      body: {
        partner,
        actor,
        authenticatie: { certificaat: certificate !== undefined, token: raw.get('authorization') !== undefined },
      },
    };
  },
};
