import { callerOf } from '../../http/caller-of.js';
import { linkBetrokkenenByHand } from '../../intake/link-by-hand.js';
import type { Operation } from '../operation.js';
import { zvhRegisseur } from '../roles.js';

/** The procesregisseur links two records of one person by hand, with a reason (undone by a split). */
export const linkBetrokkenen: Operation<'linkBetrokkenen'> = {
  roles: zvhRegisseur,
  async handle({ body, caller }, { useCases }) {
    return { status: 201, body: await linkBetrokkenenByHand(useCases, callerOf(caller), body) };
  },
};
