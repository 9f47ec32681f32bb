import { callerOf } from '../../http/caller-of.js';
import { voegWeglatingToe } from '../../rechten/verzoeken/weglatingen.js';
import type { Operation } from '../operation.js';
import { zvhPrivacyOfficer } from '../roles.js';

/** Withholds one item from a request's answer. */
export const addWeglating: Operation<'addWeglating'> = {
  roles: zvhPrivacyOfficer,
  async handle({ params, body, caller }, { useCases }) {
    return { status: 201, body: await voegWeglatingToe(useCases, callerOf(caller), params.verzoekId, body) };
  },
};
