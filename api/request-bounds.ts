// Bounds on a GraphQL request while it runs: the list items of its response (MAX_RESPONSE_ROWS) and a
// deadline (REQUEST_TIMEOUT_MS; lifted once a mutation starts). Either one stops the request through
// the AbortSignal that yoga's executor (@graphql-tools/executor) checks before every field, so that no
// resolver checks anything, and the answer is one coded error instead of a partial response. A client
// that goes away stops its request the same way.
import { MapperKind, mapSchema } from '@graphql-tools/utils';
import {
  defaultFieldResolver,
  getNullableType,
  getOperationAST,
  GraphQLList,
  OperationTypeNode,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { RequestTimeoutError, ResponseTooLargeError, type AppError } from './errors.ts';

/**
 * One request's bounds: its row count, and its deadline, counted from when its context is built (once
 * it has been parsed and validated, which the document limits bound).
 */
export class RequestBounds {
  private readonly controller = new AbortController();
  private rows = 0;
  private readonly deadline: NodeJS.Timeout;

  constructor(
    private readonly maxRows: number,
    deadlineMs: number,
  ) {
    this.deadline = setTimeout(() => this.stop(new RequestTimeoutError('deadline', deadlineMs)), deadlineMs);
    this.deadline.unref();
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Counts the items of a list the request resolved; past the limit, stops the request. */
  countRows(items: number): void {
    this.rows += items;
    if (this.rows <= this.maxRows) return;
    const refusal = new ResponseTooLargeError(this.maxRows);
    this.stop(refusal);
    throw refusal;
  }

  /** Stops the request's execution: its answer is `reason` alone (the first reason, if stopped twice). */
  stop(reason: AppError): void {
    clearTimeout(this.deadline);
    if (!this.controller.signal.aborted) this.controller.abort(reason);
  }

  /** No deadline from now on: the request has finished, or is a mutation about to run. */
  disarm(): void {
    clearTimeout(this.deadline);
  }

  /** `work`'s result, unless the request is stopped first (then its reason is thrown). */
  async race<T>(work: Promise<T>): Promise<T> {
    const { signal } = this;
    if (signal.aborted) throw signal.reason;
    let onAbort = () => {};
    const stopped = new Promise<never>((_, reject) => {
      onAbort = () => reject(signal.reason as Error);
      signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
      return await Promise.race([work, stopped]);
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }
}

/** What of the request's context the bounds use (not the Context type: that module imports this one). */
interface Bounded {
  bounds: RequestBounds;
}

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof (value as PromiseLike<unknown> | null)?.then === 'function';

function counted(resolve: GraphQLFieldResolver<unknown, Bounded>): GraphQLFieldResolver<unknown, Bounded> {
  const count = (value: unknown, ctx: Bounded) => {
    if (Array.isArray(value)) ctx.bounds.countRows(value.length);
    return value;
  };
  return (source, args, ctx, info) => {
    const value = resolve(source, args, ctx, info);
    return isThenable(value) ? value.then((items) => count(items, ctx)) : count(value, ctx);
  };
}

/**
 * The schema with every list-returning field counting its items into the request's bounds; no other
 * field is wrapped (a list's items are counted once, not each of their fields).
 */
export function countingListItems(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field) =>
      getNullableType(field.type) instanceof GraphQLList
        ? {
            ...field,
            resolve: counted((field.resolve ?? defaultFieldResolver) as GraphQLFieldResolver<unknown, Bounded>),
          }
        : field,
  });
}

/**
 * Hands the request's signal to the executor (stopped by its bounds or by the client going away).
 * A mutation's deadline is lifted as it starts: each mutation runs in one transaction, which the
 * statement timeout bounds, and a client told "timed out" would not know whether its change was saved.
 */
export function requestBounds(): Plugin {
  return {
    onExecute({ args }) {
      const context = args.contextValue as Partial<Bounded> & { request?: Request };
      const bounds = context.bounds;
      if (!bounds) return undefined;
      const signals = context.request?.signal ? [bounds.signal, context.request.signal] : [bounds.signal];
      (args as typeof args & { signal?: AbortSignal }).signal = AbortSignal.any(signals);
      if (getOperationAST(args.document, args.operationName)?.operation !== OperationTypeNode.QUERY) bounds.disarm();
      return { onExecuteDone: () => bounds.disarm() };
    },
  };
}
