import type { Response } from 'express';
import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { PendingDisclosure } from '../disclosure/disclosure-log.js';
import { Layout } from './layout.js';
import type { SignedIn } from './session.js';

/** The page inside the layout as a document; preact escapes every text and attribute value. */
export function renderPage(
  page: { title: string; body: ComponentChildren },
  user?: SignedIn,
  scripts?: string[],
): string {
  return `<!doctype html>${renderToString(
    <Layout title={page.title} user={user} scripts={scripts}>
      {page.body}
    </Layout>,
  )}`;
}

/** Sends a page inside the layout. */
export function sendPage(
  res: Response,
  page: { title: string; body: ComponentChildren; status?: number },
  user?: SignedIn,
  scripts?: string[],
): void {
  res
    .status(page.status ?? 200)
    .type('html')
    .send(renderPage(page, user, scripts));
}

/**
 * Sends a page that shows personal data: its bytes are fixed first, every disclosure is committed to
 * the log over exactly those bytes (the employee is the recipient's actor), and only then do they leave.
 */
export async function sendDisclosedPage(
  res: Response,
  page: { title: string; body: ComponentChildren; disclosures: PendingDisclosure[] },
  user: SignedIn,
): Promise<void> {
  const bytes = Buffer.from(renderPage(page, user), 'utf8');
  for (const d of page.disclosures) await d.commit(bytes);
  res.status(200).type('html').send(bytes);
}

/**
 * Sends a document that is not a page of the application (the printable access report) and that
 * discloses personal data: logged over its exact bytes first. Its own styles are inline, so it gets
 * the API's CSP for that document: no script, nothing loaded, not framed.
 */
export async function sendDisclosedDocument(
  res: Response,
  doc: { document: string; disclosures: PendingDisclosure[] },
): Promise<void> {
  const bytes = Buffer.from(doc.document, 'utf8');
  for (const d of doc.disclosures) await d.commit(bytes);
  res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
  res.status(200).type('text/html; charset=utf-8').send(bytes);
}
