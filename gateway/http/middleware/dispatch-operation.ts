import type { Request, RequestHandler } from 'express';
import type { DispatchableOperation, ValidatedRequest } from '../../operations/operation.js';
import type { OperationDeps } from '../../operations/operation-deps.js';
import { sendReply } from '../send-reply.js';
import { requireRole } from './require-role.js';

/**
 * Parameters as the contract types them: integers become numbers (the validator has checked them and
 * may already have coerced the query), everything else stays text.
 */
function typed(raw: Record<string, unknown>, integers: readonly string[]): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    out[name] = integers.includes(name) ? Number(value) : String(value);
  }
  return out;
}

function validatedRequest(req: Request, locals: Express.Locals): ValidatedRequest {
  const { operation } = locals;
  return {
    params: typed(locals.pathParams, operation.integerParams),
    query: typed(req.query, operation.integerParams),
    body: req.body,
    caller: locals.caller,
    ctx: locals.ctx,
    raw: req,
  };
}

/**
 * Runs the handler of the contract operation `matchOperation` found, after its role requirement; the
 * request has been authenticated and validated against the contract by then.
 */
export function dispatchOperation(
  handlers: Readonly<Record<string, DispatchableOperation>>,
  deps: OperationDeps,
): RequestHandler {
  return async (req, res) => {
    const { operationId } = res.locals.operation;
    const handler = handlers[operationId];
    // Only for an operation the contract declares but no handler serves: a bug, so a logged 500.
    if (!handler) throw new Error(`operation ${operationId} has no handler`);
    if (handler.roles) await requireRole(deps.events, handler.roles, res.locals.caller, res.locals.ctx);
    await sendReply(res, await handler.handle(validatedRequest(req, res.locals), deps));
  };
}
