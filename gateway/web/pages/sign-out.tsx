import { endSession } from '../session.js';
import type { WebPage } from '../web-page.js';

/** Signs out here. */
export const signOut: WebPage = {
  method: 'POST',
  path: '/uitloggen',
  access: 'signed-in',
  async handle({ res, deps, user }) {
    await endSession(res, deps, user, false);
    return { redirect: '/inloggen' };
  },
};

/** Signs out on every device: every session of this employee ends (a lost laptop, a shared computer). */
export const signOutEverywhere: WebPage = {
  method: 'POST',
  path: '/overal-uitloggen',
  access: 'signed-in',
  async handle({ res, deps, user }) {
    await endSession(res, deps, user, true);
    return { redirect: '/inloggen' };
  },
};
