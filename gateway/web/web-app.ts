import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { DomainError } from '../errors/domain-error.js';
import { sendErrorPage } from './error-page.js';
import { webPages } from './pages/index.js';
import { sendDisclosedDocument, sendDisclosedPage, sendPage } from './render-page.js';
import { currentSession, type SignedIn } from './session.js';
import type { WebDeps } from './web-deps.js';
import type { PageRequest, PageResult, WebPage } from './web-page.js';
import { requireCsrfToken, requireSameOrigin, WEB_CSP } from './web-security.js';

const require = createRequire(import.meta.url);
const assetsDir = join(dirname(fileURLToPath(import.meta.url)), 'assets');
const utrechtCss = dirname(require.resolve('@utrecht/component-library-css/dist/index.css'));
const webauthnBrowser = join(dirname(require.resolve('@simplewebauthn/browser')), '..', 'esm');

/** Whether a request is for the API (which the contract routes) rather than for the web application. */
export const isApiPath = (path: string, basePath: string) => path === basePath || path.startsWith(`${basePath}/`);

/**
 * The staff web application, served beside the API by the same process. Everything outside the API's
 * base path lands here: the contract matching and validation never see it, the access log and trace
 * context (mounted before) still do. Pages get their own CSP, a rate limit per address, sessions and
 * CSRF protection; they call the same use cases as the API's handlers.
 */
export function webApp(deps: WebDeps, apiBasePath: string): Router {
  const router = express.Router();
  router.use((req, res, next) => {
    if (isApiPath(req.path, apiBasePath)) return next('router');
    res.setHeader('Content-Security-Policy', WEB_CSP);
    res.setHeader('Referrer-Policy', 'same-origin');
    next();
  });
  router.use(
    rateLimit({
      windowMs: 60_000,
      limit: deps.config.rateLimitPerMinute,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      keyGenerator: (req) => `web:${ipKeyGenerator(req.socket.remoteAddress ?? 'unknown')}`,
      handler: (_req, res) =>
        sendErrorPage(res, new DomainError('rate-limited', 'Te veel verzoeken; wacht een minuut.'), deps.logger),
    }),
  );
  const statics = { index: false, dotfiles: 'deny', fallthrough: false } as const;
  router.use('/assets/utrecht', express.static(utrechtCss, statics));
  router.use('/assets/vendor/simplewebauthn', express.static(webauthnBrowser, statics));
  router.use('/assets', express.static(assetsDir, statics));
  router.use(express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 100 }));
  router.use(express.json({ limit: '64kb' }));
  for (const page of webPages) mount(router, page, deps);
  router.use(async (req: Request, res: Response) => {
    const user = await currentSession(req, deps).catch(() => undefined);
    sendErrorPage(res, new DomainError('not-found', 'Deze pagina bestaat niet.'), deps.logger, user);
  });
  router.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => sendErrorPage(res, err, deps.logger));
  return router;
}

function mount(router: Router, page: WebPage, deps: WebDeps): void {
  const handler = async (req: Request, res: Response) => {
    res.locals.ctx.route = page.path;
    let user: SignedIn | undefined;
    try {
      user = await currentSession(req, deps);
      const form = (req.body ?? {}) as Record<string, unknown>;
      if (page.method === 'POST') requireSameOrigin(req, deps.config.web.origin);
      if (page.access !== 'public') {
        if (!user) return res.redirect(303, '/inloggen');
        if (page.method === 'POST') requireCsrfToken(form, user);
        if (Array.isArray(page.access) && !page.access.includes(user.rol))
          throw new DomainError('forbidden', 'Uw rol geeft geen toegang tot deze pagina.');
        res.locals.ctx.partnerId = user.partner.id;
        res.locals.ctx.actor = user.caller.actor;
      }
      const request = { req, res, deps, user: user!, params: req.params as Record<string, string>, form };
      await send(res, await page.handle(request satisfies PageRequest), user);
    } catch (err) {
      sendErrorPage(res, err, deps.logger, user);
    }
  };
  if (page.method === 'GET') router.get(page.path, handler);
  else router.post(page.path, handler);
}

async function send(res: Response, result: PageResult, user: SignedIn | undefined): Promise<void> {
  if ('redirect' in result) return void res.redirect(303, result.redirect);
  if ('json' in result) return void res.status(result.status ?? 200).json(result.json);
  if ('download' in result) {
    const { filename, type, text } = result.download;
    res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    return void res.type(type).send(text);
  }
  if ('document' in result) return sendDisclosedDocument(res, result);
  if ('disclosures' in result) return sendDisclosedPage(res, result, user!);
  sendPage(res, result, user, result.scripts);
}
