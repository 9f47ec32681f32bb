import { voegSamen } from '../../cases/samenvoegen.js';
import { callerOf } from '../../http/caller-of.js';
import type { Operation } from '../operation.js';
import { zvhRegisseur } from '../roles.js';

/** Merges a casus into another; the old one points to the survivor. */
export const mergeCasus: Operation<'mergeCasus'> = {
  roles: zvhRegisseur,
  async handle({ params, body, caller }, { useCases }) {
    return { status: 201, body: await voegSamen(useCases, callerOf(caller), params.casusId, body) };
  },
};
