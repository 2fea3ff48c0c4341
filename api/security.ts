// What every GraphQL request is checked against before anything runs: the size of the body and of the
// query, graphql-armor's limits on the document (depth, aliases, tokens, directives), the cost of the
// operation with its variables (api/cost.ts), `login` once and unaliased, introspection and "Did you
// mean" for signed-in callers only in production, CSRF prevention for requests a browser would send
// without a preflight, and the CORS policy.
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import {
  GraphQLError,
  visit,
  type DocumentNode,
  type ExecutionResult,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { createGraphQLError, type Plugin, type YogaServerOptions } from 'graphql-yoga';
import type { Config, RequestLimits } from './config.ts';
import type { Context } from './context.ts';
import { operationCost } from './cost.ts';

/** `extensions.code` of a request refused by a limit; `extensions.limit` says which one. */
export const limitCode = 'QUERY_LIMIT_EXCEEDED';

/** Names of the limits in `extensions.limit`. */
export type LimitName = 'depth' | 'aliases' | 'tokens' | 'directives' | 'cost' | 'length';

/** The header a browser client adds to requests that would otherwise skip the CORS preflight. */
export const csrfHeader = 'x-graphql-yoga-csrf';

/**
 * A refusal by a limit. `spec` marks one answered as GraphQL over HTTP answers a document that fails
 * validation: 400 to clients that accept application/graphql-response+json, 200 to plain JSON ones.
 */
function limitError(limit: LimitName, max: number, message: string, spec = false): GraphQLError {
  return createGraphQLError(message, {
    extensions: { code: limitCode, limit, max, http: { status: 400, ...(spec && { spec }) } },
  });
}

/** graphql-armor's message without its "Syntax Error: " prefix (the document parsed fine). */
const armorMessage = (error: GraphQLError) => error.message.replace(/^Syntax Error: /, '');

/**
 * graphql-armor reports through these callbacks instead of throwing, so that every refusal carries
 * a code: a validation error reported to the context (the request stops before any resolver runs),
 * or, for the token limit checked while parsing, an error thrown from the parser.
 */
function reportTo(limit: LimitName, max: number) {
  return {
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        const refusal = limitError(limit, max, armorMessage(error));
        if (!context) throw refusal;
        context.reportError(refusal);
      },
    ],
  };
}

/** Refuses a query text longer than `max` characters before it is parsed. */
function maxQueryLength(max: number): Plugin {
  return {
    onParams({ params }) {
      if (typeof params.query === 'string' && params.query.length > max) {
        throw limitError(
          'length',
          max,
          `Query length limit of ${max} characters exceeded, found ${params.query.length}.`,
        );
      }
    },
  };
}

/**
 * graphql-armor's document limits, each refusal coded QUERY_LIMIT_EXCEEDED; in production also its
 * removal of "Did you mean ...?" suggestions, which would spell the schema out to anyone.
 */
function documentLimits(limits: RequestLimits, production: boolean): Plugin {
  return EnvelopArmorPlugin({
    maxTokens: { n: limits.maxTokens, ...reportTo('tokens', limits.maxTokens) },
    maxDepth: {
      n: limits.maxDepth,
      flattenFragments: true,
      ignoreIntrospection: true,
      ...reportTo('depth', limits.maxDepth),
    },
    maxAliases: { n: limits.maxAliases, ...reportTo('aliases', limits.maxAliases) },
    maxDirectives: { n: limits.maxDirectives, ...reportTo('directives', limits.maxDirectives) },
    // Replaced by costLimit below, which counts the page sizes that variables give.
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: production },
  });
}

/**
 * Refuses an operation costing more than `max` (api/cost.ts), before any resolver runs. The cost depends
 * on the variables, so it is computed for every request just before execution: yoga caches validation
 * results per document, whatever the variables. (The rate limit charges the same cost: app.ts.)
 */
function costLimit(max: number): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const cost = operationCost(args.schema, args.document, args.variableValues, args.operationName);
      if (cost > max) {
        setResultAndStopExecution({
          // Answered as graphql-armor's cost rule answered it during validation.
          errors: [limitError('cost', max, `Query Cost limit of ${max} exceeded, found ${Math.ceil(cost)}.`, true)],
        });
      }
    },
  };
}

/**
 * `login` may appear once in a document, under its own name: an alias or a second `login` would try
 * several passwords in one request, past the sign-in throttle's per-request accounting.
 */
export const loginOnceRule: ValidationRule = (context) => {
  let seen = 0;
  return {
    Field(node) {
      if (node.name.value !== 'login') return;
      const parent = context.getParentType();
      if (!parent || parent !== context.getSchema().getMutationType()) return;
      seen += 1;
      if (node.alias) {
        context.reportError(
          new GraphQLError('login cannot be aliased.', {
            nodes: [node],
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
          }),
        );
      } else if (seen === 2) {
        context.reportError(
          new GraphQLError('login can be asked only once per request.', {
            nodes: [node],
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
          }),
        );
      }
    },
  };
};

function loginOnce(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(loginOnceRule);
    },
  };
}

/** Whether a document asks for the schema (`__schema` or `__type`); `__typename` does not count. */
export function asksForSchema(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        found = true;
        return false;
      }
      return undefined;
    },
  });
  return found;
}

/**
 * Introspection for signed-in callers only. The viewer is known once the context is built, which
 * yoga does after validation (whose results it caches per document, whoever asks), so the check runs
 * just before execution: an anonymous introspection stops there, no resolver runs.
 */
function introspectionForSignedIn(): Plugin<Context> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const context = args.contextValue as Partial<Context>;
      if (context.viewer || !asksForSchema(args.document)) return;
      setResultAndStopExecution({
        errors: [
          createGraphQLError('Sign in to introspect the schema.', {
            extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
          }),
        ],
      });
    },
  };
}

/** The end of graphql-js's messages that name what the caller may have meant. */
const suggestion = /\s*Did you mean .*$/s;

const hasSuggestion = (error: GraphQLError) => suggestion.test(error.message);

function withoutSuggestion(error: GraphQLError): GraphQLError {
  if (!hasSuggestion(error)) return error;
  return new GraphQLError(error.message.replace(suggestion, ' [Suggestion hidden]'), {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: error.extensions,
  });
}

function isExecutionResult(result: unknown): result is ExecutionResult {
  return typeof result === 'object' && result !== null && !(Symbol.asyncIterator in result);
}

/**
 * No suggestions at all for anonymous callers (production only). graphql-armor hides those of
 * validation (fields, arguments, types), but graphql-js still ends other messages with "Did you mean
 * ...?": an enum value, literal or in a variable ('Value "X" does not exist in "TaskStatus" enum. Did
 * you mean the enum value "Y"?'), and an input field in a variable ('Field "x" is not defined by type
 * "TaskFilter". Did you mean "y"?'). Such an answer loses its suggestions unless the request carries a
 * live session, which is looked up only then (signed-in callers may read the schema anyway).
 */
function suggestionsForSignedInOnly(signedIn: (request: Request) => Promise<boolean>): Plugin {
  return {
    async onResultProcess({ request, result, setResult }) {
      if (!isExecutionResult(result) || !result.errors?.some(hasSuggestion)) return;
      if (await signedIn(request)) return;
      setResult({ ...result, errors: result.errors.map(withoutSuggestion) });
    },
  };
}

const nonPreflightedContentTypes = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/**
 * CSRF prevention (as yoga's and Apollo's): a request that a browser could send cross-origin without
 * a CORS preflight (GET, or POST as a form or plain text) must carry the `x-graphql-yoga-csrf` header,
 * which a page can only add through a preflighted request. A JSON POST, or a request with an
 * Authorization header (not a CORS-safelisted header), is always preflighted. Checked once the body is
 * parsed (an oversized upload is answered 413 first), before anything runs.
 */
function csrfPrevention(): Plugin {
  return {
    onParams({ request }) {
      const contentType = request.headers.get('content-type');
      const essence = contentType?.split(';')[0]?.trim().toLowerCase();
      const simple = request.method === 'GET' || !essence || nonPreflightedContentTypes.includes(essence);
      if (!simple || request.headers.get(csrfHeader) || request.headers.get('authorization')) return;
      throw createGraphQLError(`Required CSRF header ${csrfHeader} not present.`, {
        extensions: { code: 'CSRF_HEADER_MISSING', http: { status: 403 } },
      });
    },
  };
}

function bodyTooLarge(max: number): GraphQLError {
  return createGraphQLError(`Request body larger than ${Math.round(max / 1024)} KB.`, {
    extensions: { code: 'REQUEST_ENTITY_TOO_LARGE', http: { status: 413 } },
  });
}

/** Reads a body, stopping with 413 as soon as it grows past `max` bytes (a chunked body has no length). */
async function readAtMost(body: ReadableStream<Uint8Array>, max: number): Promise<Uint8Array> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      throw bodyTooLarge(max);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * Bodies other than multipart uploads (JSON and the like) may be at most `max` bytes: refused with
 * 413 from their Content-Length, or while reading one sent without it. Uploads have their own limit.
 */
function jsonBodyLimit(max: number): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser }) {
      if (/^multipart\/form-data/i.test(request.headers.get('content-type') ?? '')) return;
      const length = request.headers.get('content-length');
      if (length !== null && /^\d+$/.test(length) && Number(length) > max) throw bodyTooLarge(max);
      if (!requestParser || !request.body) return;
      const parse = requestParser;
      setRequestParser(async (incoming) => {
        const bytes = incoming.body ? await readAtMost(incoming.body, max) : new Uint8Array();
        return parse(
          new Request(incoming.url, { method: incoming.method, headers: incoming.headers, body: bytes as BodyInit }),
        );
      });
    },
  };
}

/**
 * CORS: none by default (same origin only: no Access-Control-* header is ever sent); with
 * CORS_ORIGINS, those origins exactly, without credentials (the API uses bearer tokens, not cookies).
 */
export function corsPolicy(allowed: readonly string[]): YogaServerOptions<object, object>['cors'] {
  if (allowed.length === 0) return false;
  return (request: Request) => {
    const origin = request.headers.get('origin');
    if (!origin || !allowed.includes(origin)) return false;
    return {
      origin: [origin],
      credentials: false,
      methods: ['GET', 'POST'],
      allowedHeaders: ['authorization', 'content-type', 'accept', csrfHeader, 'x-request-id'],
      exposedHeaders: ['x-request-id'],
      maxAge: 600,
    };
  };
}

/**
 * Every check above, in the order they apply. `signedIn` tells whether a request carries a live
 * session (for the suggestions, in production).
 */
export function requestProtections(
  config: Pick<Config, 'environment' | 'limits'>,
  signedIn: (request: Request) => Promise<boolean>,
): Plugin[] {
  const { limits } = config;
  const production = config.environment === 'production';
  return [
    csrfPrevention(),
    jsonBodyLimit(limits.maxJsonBodyBytes),
    maxQueryLength(limits.maxQueryLength),
    documentLimits(limits, production),
    costLimit(limits.maxCost),
    loginOnce(),
    ...(production ? [introspectionForSignedIn() as Plugin, suggestionsForSignedInOnly(signedIn)] : []),
  ];
}
