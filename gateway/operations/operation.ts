import type { Request } from 'express';
import type { operations } from '../../openapi/generated/knooppunt.js';
import type { ActorRole } from '../auth/actor.js';
import type { CallerIdentity } from '../auth/identify-caller.js';
import type { RequestContext } from '../http/request-context.js';
import type { PendingDisclosure } from '../disclosure/disclosure-log.js';
import type { StoredAnswer } from '../intake/idempotency.js';
import type { OperationDeps } from './operation-deps.js';

/** Every operationId of the contract, as openapi-typescript generated them. */
export type OperationId = keyof operations;

type Parameters<K extends OperationId> = operations[K]['parameters'];
type Slot<P, S extends string> = P extends { [key in S]: infer V }
  ? [V] extends [never]
    ? undefined
    : V
  : P extends { [key in S]?: infer V }
    ? Exclude<V, undefined> | undefined
    : undefined;
type Body<K extends OperationId> = operations[K] extends { requestBody: { content: infer C } }
  ? C[keyof C]
  : operations[K] extends { requestBody?: { content: infer C } }
    ? C[keyof C] | undefined
    : undefined;

/** The request as the contract describes it; validated against the contract before a handler runs. */
export interface OperationRequest<K extends OperationId> {
  params: Slot<Parameters<K>, 'path'>;
  query: Slot<Parameters<K>, 'query'>;
  body: Body<K>;
  /**
   * The authenticated caller. Operations the contract marks `security: []` have none (it is undefined
   * at run time) and never read it.
   */
  caller: CallerIdentity;
  ctx: RequestContext;
  /** For the few operations that read the transport itself (a header, the client certificate). */
  raw: Request;
}

type Responses<K extends OperationId> = operations[K]['responses'];
type Success<K extends OperationId> = Extract<keyof Responses<K>, 200 | 201 | 202 | 204>;
type ContentOf<R> = R extends { content?: never } ? never : R extends { content: infer C } ? C : never;
type JsonOf<R> = [ContentOf<R>] extends [never]
  ? never
  : ContentOf<R> extends { 'application/json': infer B }
    ? B
    : never;

/**
 * The contract's shape with its string enums widened to `string`: property names, nesting and
 * required fields are checked here, at compile time; the enum values are checked where the use cases
 * type them, and every answer is validated against the contract at run time before it leaves.
 */
export type Loose<T> = T extends string
  ? string
  : T extends readonly (infer U)[]
    ? Loose<U>[]
    : T extends object
      ? { [P in keyof T]: Loose<T[P]> }
      : T;

/** A JSON answer whose body type the contract fixes per status. */
type JsonReply<K extends OperationId> = {
  [S in Success<K>]: [JsonOf<Responses<K>[S]>] extends [never]
    ? { status: S }
    : { status: S; body: Loose<JsonOf<Responses<K>[S]>>; location?: string; headers?: Record<string, string> };
}[Success<K>];

/**
 * A disclosure: its bytes are logged (digest) before they are sent, with the receipt in a header. The
 * pull views shape their bodies at run time (`Record<string, unknown>`), so here the body is checked
 * by the contract validator only, before it is logged.
 */
interface DisclosureReply {
  status: 200;
  disclosure: PendingDisclosure;
  /** `html`: the body is a finished HTML document (a string), sent as is; default JSON. */
  as?: 'html';
}

/** A download: `text` is sent as is, or `body` as JSON, as an attachment named `filename`. */
interface AttachmentReply {
  status: 200;
  filename: string;
  attachment: { type: string; text: string } | { json: unknown };
}

/** An answer stored under an Idempotency-Key, replayed as it was first given (status, body, Location). */
interface StoredReply {
  stored: StoredAnswer;
}

export type Reply<K extends OperationId> = JsonReply<K> | DisclosureReply | AttachmentReply | StoredReply;

/** The request as the dispatcher has it before it knows which operation's types apply. */
export interface ValidatedRequest {
  params: Record<string, string | number> | undefined;
  query: Record<string, string | number | undefined> | undefined;
  body: unknown;
  caller: CallerIdentity;
  ctx: RequestContext;
  raw: Request;
}

/** Any reply, as the edge sends it. */
export type AnyReply =
  { status: number; body?: unknown; location?: string } | DisclosureReply | AttachmentReply | StoredReply;

/**
 * What the dispatcher calls. Each `Operation<K>` is one (its request type is narrower, which the
 * contract validator guarantees at run time; its reply is one of `AnyReply`).
 */
export interface DispatchableOperation {
  roles?: RoleRequirement;
  handle(request: ValidatedRequest, deps: OperationDeps): Promise<AnyReply>;
}

/** Who may call an operation beyond the partner authentication every protected operation has. */
export interface RoleRequirement {
  roles: readonly ActorRole[];
  /** Only actors of the ZVH's own partner entry. */
  zvhOnly?: boolean;
}

/** One contract operation: its role requirement (if any) and its handler. */
export interface Operation<K extends OperationId> {
  roles?: RoleRequirement;
  handle(request: OperationRequest<K>, deps: OperationDeps): Promise<Reply<K>>;
}
