import type { Request, Response } from 'express';
import type { ComponentChildren } from 'preact';
import type { PendingDisclosure } from '../disclosure/disclosure-log.js';
import type { SignedIn } from './session.js';
import type { WebDeps } from './web-deps.js';
import type { WebRol } from './web-roles.js';

/** What a page handler is given. `form` is the parsed urlencoded (or JSON) body of a POST. */
export interface PageRequest {
  req: Request;
  res: Response;
  deps: WebDeps;
  /** The signed-in employee; always set on pages that are not public. */
  user: SignedIn;
  params: Record<string, string>;
  form: Record<string, unknown>;
}

/** A page answers HTML (inside the layout), a redirect (after a change: post/redirect/get), a download or JSON. */
export type PageResult =
  | { title: string; body: ComponentChildren; status?: number; scripts?: string[] }
  | { title: string; body: ComponentChildren; disclosures: PendingDisclosure[] }
  /** A whole document of its own (the access report), logged over its exact bytes before it is sent. */
  | { document: string; disclosures: PendingDisclosure[] }
  | { redirect: string }
  | { download: { filename: string; type: string; text: string } }
  | { json: unknown; status?: number };

/**
 * One page or form action. Adding a page is one file exporting one of these, listed in `pages/index.ts`.
 * `access` says who may open it: anyone, any signed-in employee, or only the listed roles; a POST always
 * needs the request's Origin to be this application and, once signed in, the session's CSRF token.
 */
export interface WebPage {
  method: 'GET' | 'POST';
  path: string;
  access: 'public' | 'signed-in' | readonly WebRol[];
  handle(request: PageRequest): Promise<PageResult>;
}

/** A public page has no `user`: its handler must not read it. */
export type PublicPageRequest = Omit<PageRequest, 'user'> & { user?: SignedIn };
