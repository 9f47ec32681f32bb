import { randomUUID } from 'node:crypto';
import type { Response } from 'express';
import type { Logger } from 'pino';
import { isStoreUnavailable } from '../../adapters/store/store-unavailable.js';
import { DomainError } from '../errors/domain-error.js';
import { problemCatalogue } from '../http/problem-catalogue.js';
import { sendPage } from './render-page.js';
import type { SignedIn } from './session.js';

/**
 * Errors on a page become a page in the same layout with the same status the API would answer. An
 * unexpected error shows only a log id (written to the log here), never what went wrong inside.
 */
export function sendErrorPage(res: Response, err: unknown, logger: Logger, user?: SignedIn): void {
  if (err instanceof DomainError || isStoreUnavailable(err)) {
    const domain =
      err instanceof DomainError ? err : new DomainError('unavailable', 'De database is even niet bereikbaar.');
    const { status, title } = problemCatalogue[domain.code];
    const params = domain.extra.invalidParams ?? [];
    sendPage(
      res,
      {
        title,
        status,
        body: (
          <div class="utrecht-alert utrecht-alert--error" role="alert">
            <p class="utrecht-paragraph">{domain.message}</p>
            {params.length > 0 && (
              <ul class="utrecht-unordered-list">
                {params.map((p) => (
                  <li key={p.name}>{`${p.name}: ${p.reason}`}</li>
                ))}
              </ul>
            )}
          </div>
        ),
      },
      user,
    );
    return;
  }
  const logId = randomUUID();
  logger.error({ msg: 'web page failed', logId, errorName: (err as Error)?.name });
  sendPage(
    res,
    {
      title: 'Er ging iets mis',
      status: 500,
      body: <p class="utrecht-paragraph">{`Probeer het later opnieuw. Noem bij een melding dit nummer: ${logId}.`}</p>,
    },
    user,
  );
}
