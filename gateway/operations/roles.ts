import type { RoleRequirement } from './operation.js';

/** Procesregisseurs of the ZVH: triage, linking, participants. */
export const zvhRegisseur: RoleRequirement = { roles: ['procesregisseur'], zvhOnly: true };

/** Beheerders of the ZVH: the partner registry. */
export const zvhBeheerder: RoleRequirement = { roles: ['beheerder'], zvhOnly: true };

/** Privacy officers: the disclosure log's entries, searches, exports and signals. */
export const privacyOfficer: RoleRequirement = { roles: ['privacy-officer'] };

/** Who may read the covenant and simulate it. */
export const covenantReader: RoleRequirement = { roles: ['privacy-officer', 'beheerder', 'procesregisseur'] };

/** The ZVH's own privacy officer: subject-rights work that spans every partner's data (requests, reports, withholding). */
export const zvhPrivacyOfficer: RoleRequirement = { roles: ['privacy-officer'], zvhOnly: true };

/** Municipal policy staff: the signaalfunctie's aggregates, never a casus. */
export const beleidsmedewerker: RoleRequirement = { roles: ['beleidsmedewerker'] };

/** Who hears of signals: procesregisseurs (every open one) and the ketenmanager (the escalated ones). */
export const signaalLezer: RoleRequirement = { roles: ['procesregisseur', 'ketenmanager'], zvhOnly: true };
