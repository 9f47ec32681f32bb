import type { WebPage } from '../web-page.js';
import { accessibilityStatement } from './accessibility-statement.js';
import { casusLevensloopPage, casusOvergangAction } from './casus-levensloop.js';
import { casusInformatiePage } from './casus-informatie.js';
import { casusListPage } from './casus-list.js';
import { casusOverlegPage } from './casus-overleg.js';
import { casusOverviewPage } from './casus-overview.js';
import { casusPlanPage } from './casus-plan.js';
import { casusSignalenPage } from './casus-signalen.js';
import { casusTriagePage } from './casus-triage.js';
import { dodeBrievenPage, replayDodeBriefAction } from './dode-brieven.js';
import { enrol, enrolOptions, enrolPage } from './enrol.js';
import { covenantSimulatePage } from './covenant-simulate.js';
import { covenantVersionsPage } from './covenant-versions.js';
import { decideLinkProposal, linkProposalsPage } from './link-proposals.js';
import { logEntryPage, logEntryProof } from './log-entry.js';
import { logSignalsPage } from './log-signals.js';
import { logExport, logSearchPage, logSearchResults } from './log-search.js';
import { partnerPage, partnersPage, partnerStatus, revokeCertificate, revokeKey } from './partners.js';
import { oidcCallback, oidcStart } from './sign-in-oidc.js';
import { passkeySignIn, passkeySignInOptions, signInPage } from './sign-in.js';
import { signOut, signOutEverywhere } from './sign-out.js';
import { signaalfunctieCsv, signaalfunctiePage } from './signaalfunctie.js';
import { startPage } from './start.js';
import {
  addWeglatingAction,
  changeVerzoekStatusAction,
  extendVerzoekAction,
  inzagerapportPreview,
  verzoekPageGet,
} from './verzoek.js';
import { registerVerzoekAction, registerVerzoekPage, verzoekenPage } from './verzoeken.js';

/** Every page and form action, in matching order (a literal path before a parameter in the same place). */
export const webPages: readonly WebPage[] = [
  startPage,
  signInPage,
  passkeySignInOptions,
  passkeySignIn,
  oidcStart,
  oidcCallback,
  enrolPage,
  enrolOptions,
  enrol,
  signOut,
  signOutEverywhere,
  accessibilityStatement,
  logSearchPage,
  logSearchResults,
  logExport,
  logSignalsPage,
  logEntryProof,
  logEntryPage,
  casusListPage,
  casusSignalenPage,
  casusLevensloopPage,
  casusOvergangAction,
  casusTriagePage,
  casusPlanPage,
  casusInformatiePage,
  casusOverlegPage,
  casusOverviewPage,
  linkProposalsPage,
  decideLinkProposal,
  partnersPage,
  partnerPage,
  partnerStatus,
  revokeCertificate,
  revokeKey,
  covenantSimulatePage,
  covenantVersionsPage,
  signaalfunctieCsv,
  dodeBrievenPage,
  verzoekenPage,
  registerVerzoekPage,
  registerVerzoekAction,
  inzagerapportPreview,
  changeVerzoekStatusAction,
  extendVerzoekAction,
  addWeglatingAction,
  verzoekPageGet,
  replayDodeBriefAction,
  signaalfunctiePage,
];
