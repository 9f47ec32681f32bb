import type { Response } from 'express';
import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { Layout } from './layout.js';
import type { SignedIn } from './session.js';

/** Sends a page inside the layout; preact escapes every text and attribute value. */
export function sendPage(
  res: Response,
  page: { title: string; body: ComponentChildren; status?: number },
  user?: SignedIn,
  scripts?: string[],
): void {
  const html = renderToString(
    <Layout title={page.title} user={user} scripts={scripts}>
      {page.body}
    </Layout>,
  );
  res
    .status(page.status ?? 200)
    .type('html')
    .send(`<!doctype html>${html}`);
}
