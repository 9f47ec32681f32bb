import type { ErrorCode } from '../errors/domain-error.js';

/** The one mapping from error code to HTTP status and title. */
export const problemCatalogue: Readonly<Record<ErrorCode, { status: number; title: string }>> = {
  'invalid-request': { status: 400, title: 'Het verzoek voldoet niet aan het contract' },
  unauthenticated: { status: 401, title: 'Geen geldige partneridentiteit' },
  forbidden: { status: 403, title: 'Geen toegang' },
  'covenant-denied': { status: 403, title: 'Het convenant staat dit niet toe' },
  'doel-niet-toegestaan': { status: 403, title: 'Dit doel is voor deze partner niet toegestaan' },
  'not-found': { status: 404, title: 'Niet gevonden' },
  'method-not-allowed': { status: 405, title: 'Methode niet toegestaan' },
  'not-acceptable': { status: 406, title: 'Gevraagde representatie niet beschikbaar' },
  conflict: { status: 409, title: 'Conflict met de huidige toestand' },
  'idempotency-conflict': { status: 409, title: 'Idempotency-Key al gebruikt voor een ander verzoek' },
  'payload-too-large': { status: 413, title: 'Verzoek te groot' },
  'unsupported-media-type': { status: 415, title: 'Mediatype niet ondersteund' },
  'rate-limited': { status: 429, title: 'Te veel verzoeken' },
  'internal-error': { status: 500, title: 'Interne fout' },
  unavailable: { status: 503, title: 'Tijdelijk niet beschikbaar' },
};

export const problemTypeBase = 'https://knooppunt.example/problemen/';
