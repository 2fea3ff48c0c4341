/// <reference types="vite/client" />
// The admin UI and the API cannot drift apart: every GraphQL document the admin sends is validated
// against the committed SDL, and its enum lists are compared with the SDL's enums. The documents are
// the data provider's (each resource × react-admin operation, made by the admin's own buildQuery from
// an introspection result of the SDL, as ra-data-graphql gets it), the workflow calls (made with the
// transport replaced), and every other document literal in admin/src, read from the source. A document
// literal the test can neither read nor match with a document it made fails it, so none is skipped.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client/core';
import { MapperKind, mapSchema } from '@graphql-tools/utils';
import {
  buildSchema,
  GraphQLError,
  getVariableValues,
  introspectionFromSchema,
  isEnumType,
  Kind,
  parse,
  print,
  validate,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { CREATE, GET_LIST, GET_MANY, GET_MANY_REFERENCE, GET_ONE, UPDATE } from 'react-admin';
import ts from 'typescript';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { buildQueryFactory } from '../../admin/src/dataProvider/buildQuery';
import { resources } from '../../admin/src/dataProvider/resources';
import { workflowMethods, type WorkflowMethods } from '../../admin/src/dataProvider/workflow';
import { enums } from '../../admin/src/enums';

const sent = vi.hoisted(() => [] as { text: string; variables: Record<string, unknown> }[]);

// The workflow calls' transport: records the document instead of sending it.
vi.mock('../../admin/src/session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../admin/src/session')>()),
  requestGraphQL: async (text: string, variables: Record<string, unknown> = {}) => {
    sent.push({ text, variables });
    return {};
  },
  requestGraphQLWithFiles: async (text: string, variables: Record<string, unknown>, files: Record<string, File>) => {
    sent.push({ text, variables: { ...variables, ...files } });
    return {};
  },
}));

// ra-data-graphql's ESM build names exports of @apollo/client, which Node loads as CommonJS.
const { introspectSchema, defaultOptions } = createRequire(import.meta.url)(
  'ra-data-graphql',
) as typeof import('ra-data-graphql');

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const adminRoot = path.join(projectRoot, 'admin/src');
const sdl = readFileSync(path.join(projectRoot, 'api/schema.graphql'), 'utf8');

/** A document the admin sends, and where it comes from (a file and line, or the call that made it). */
interface SentDocument {
  origin: string;
  text: string;
  /** The variables sent with it, where the test knows them. */
  variables?: Record<string, unknown>;
}

/** Each validation error of each document (and of its variables), naming its origin and operation. */
function problems(schema: GraphQLSchema, documents: SentDocument[]): string[] {
  return documents.flatMap(({ origin, text, variables }) => {
    let document: DocumentNode;
    try {
      document = parse(text);
    } catch (error) {
      return [`${origin}: ${error instanceof GraphQLError ? error.message : String(error)}`];
    }
    const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
    const names = operations.map((operation) => operation.name?.value ?? 'anonymous').join(', ');
    const invalid = validate(schema, document);
    const errors =
      invalid.length > 0 || !variables
        ? invalid
        : operations.flatMap(
            (operation) => getVariableValues(schema, operation.variableDefinitions ?? [], variables).errors ?? [],
          );
    return errors.map((error) => `${origin} (${names}): ${error.message}`);
  });
}

// --- The data provider's documents ---------------------------------------------------------------

/** The react-admin pages of a resource: the data provider's create and update serve them. */
interface ResourcePages {
  create?: unknown;
  edit?: unknown;
}
const pageModules = import.meta.glob<ResourcePages>('../../admin/src/*/index.ts', { import: 'default' });

const pagination = { page: 1, perPage: 25 };
const sort = { field: 'id', order: 'ASC' as const };

/** The data provider's documents, and the calls for which buildQuery made none. */
async function dataProviderDocuments(
  schema: GraphQLSchema,
): Promise<{ documents: SentDocument[]; failures: string[] }> {
  const { __schema } = introspectionFromSchema(schema, { descriptions: false });
  const introspection = await introspectSchema(
    new ApolloClient({ link: ApolloLink.empty(), cache: new InMemoryCache() }),
    {
      ...defaultOptions.introspection,
      schema: __schema,
    },
  );
  // ra-data-graphql declares `queries` as object types but fills it with fields; buildQuery reads `schema`.
  const buildQuery = buildQueryFactory({ ...introspection, queries: [] });
  const documents: SentDocument[] = [];
  const failures: string[] = [];
  for (const resource of Object.keys(resources)) {
    const load = pageModules[`../../admin/src/${resource}/index.ts`];
    const pages: ResourcePages = load ? await load() : {};
    const calls: [string, object][] = [
      [GET_LIST, { pagination, sort, filter: {} }],
      [GET_MANY_REFERENCE, { target: 'id', id: 'Node:1', pagination, sort, filter: {} }],
      [GET_ONE, { id: 'Node:1' }],
      [GET_MANY, { ids: ['Node:1'] }],
    ];
    if (pages.create) calls.push([CREATE, { data: {} }]);
    if (pages.edit) calls.push([UPDATE, { id: 'Node:1', data: {}, previousData: { id: 'Node:1', version: 1 } }]);
    for (const [method, params] of calls) {
      const origin = `admin/src/dataProvider/buildQuery.ts: ${method} ${resource}`;
      try {
        const { query } = buildQuery(method, resource, params);
        documents.push({ origin, text: query.loc?.source.body ?? print(query) });
      } catch (error) {
        failures.push(`${origin}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  return { documents, failures };
}

// --- The workflow calls ---------------------------------------------------------------------------

const step = { id: 'Task:1', version: 1, note: 'n' };
/**
 * Every workflow method that sends a document of its own, with the calls that send each (their variables
 * are checked too). readQuery sends its callers' documents, read from the source; downloadEvidence none.
 */
const workflowCalls: {
  [K in Exclude<keyof WorkflowMethods, 'readQuery' | 'downloadEvidence'>]: Parameters<WorkflowMethods[K]>[0][];
} = {
  startTask: [step],
  reportProgress: [{ ...step, progress: 50 }],
  submitTask: [step],
  approveTask: [step],
  returnTask: [{ ...step, reason: 'r' }],
  cancelTask: [{ ...step, reason: 'r' }],
  commentOnTask: [{ id: 'Task:1', note: 'n' }],
  requestExtension: [{ taskId: 'Task:1', requestedDeadline: '2026-12-31', reason: 'r' }],
  withdrawExtension: [{ id: 'DeadlineExtension:1' }],
  decideExtension: [{ id: 'DeadlineExtension:1', decision: 'APPROVED' }],
  addEvidence: [
    { taskId: 'Task:1', input: { kind: 'LINK', title: 't', url: 'https://example.org' } },
    {
      taskId: 'Task:1',
      input: { kind: 'DOCUMENT', title: 't', documentNumber: '1/QĐ', documentDate: '2026-01-05', issuer: 'i' },
    },
  ],
  uploadEvidence: [{ taskId: 'Task:1', title: 't', file: new File(['x'], 'x.pdf') }],
  reviewEvidence: [{ id: 'Evidence:1', version: 1, decision: 'ACCEPTED' }],
  changePassword: [{ currentPassword: 'a', newPassword: 'b' }],
  resetPassword: [{ id: 'Account:1', newPassword: 'b' }],
  unlockSignIn: [{ username: 'u' }],
  saveImprovementPlan: [
    { create: { unitId: 'Unit:1', year: 2026, targetPercent: 80 } },
    { update: { id: 'ImprovementPlan:1', version: 1, input: { targetPercent: 81 } } },
  ],
  submitImprovementPlan: [step],
  approveImprovementPlan: [step],
  returnImprovementPlan: [{ ...step, reason: 'r' }],
};

async function workflowDocuments(): Promise<SentDocument[]> {
  const documents: SentDocument[] = [];
  for (const [method, calls] of Object.entries(workflowCalls)) {
    const send = workflowMethods[method as keyof typeof workflowCalls] as (params: unknown) => Promise<unknown>;
    for (const params of calls) {
      sent.length = 0;
      await send(params);
      documents.push(
        ...sent.map((request) => ({ origin: `admin/src/dataProvider/workflow.ts: ${method}()`, ...request })),
      );
    }
  }
  return documents;
}

// --- Document literals and enum lists in the source ----------------------------------------------

function sourceFiles(): string[] {
  return readdirSync(adminRoot, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** A string or template in the source that starts a GraphQL operation. */
interface DocumentLiteral {
  origin: string;
  /** Its text, when every substitution names a string constant of its file. */
  text: string | null;
  /** Matches the documents it can make (its fixed parts, whitespace and commas left out). */
  pattern: RegExp;
}

/** A list of enum-like values (an array of strings or a union of string literal types). */
interface ValueList {
  origin: string;
  /** The constant or type it is the value of, if any. */
  constant?: string;
  values: string[];
}

const squash = (text: string) => text.replace(/[\s,]+/g, '');
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const startsOperation = /^\s*(query|mutation|subscription)\b/;
const enumLike = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;

function readSource(file: string): { documents: DocumentLiteral[]; lists: ValueList[] } {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, kind);
  const constants = new Map<string, ts.Expression>();
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement) || !(statement.declarationList.flags & ts.NodeFlags.Const)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name) && declaration.initializer) {
        constants.set(declaration.name.text, declaration.initializer);
      }
    }
  }
  const textOf = (node: ts.Node): string | null => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
    if (!ts.isTemplateExpression(node)) return null;
    let text = node.head.text;
    for (const span of node.templateSpans) {
      const constant = ts.isIdentifier(span.expression) ? constants.get(span.expression.text) : undefined;
      const value = constant ? textOf(constant) : null;
      if (value === null) return null;
      text += value + span.literal.text;
    }
    return text;
  };
  const relative = path.relative(projectRoot, file);
  const origin = (node: ts.Node) =>
    `${relative}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
  const constantOf = (node: ts.Node): string | undefined => {
    const parent = ts.isAsExpression(node.parent) ? node.parent.parent : node.parent;
    if (ts.isTypeAliasDeclaration(parent)) return parent.name.text;
    return ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name) ? parent.name.text : undefined;
  };
  const documents: DocumentLiteral[] = [];
  const lists: ValueList[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
      const parts = ts.isTemplateExpression(node)
        ? [node.head.text, ...node.templateSpans.map((span) => span.literal.text)]
        : [node.text];
      if (startsOperation.test(parts[0] as string)) {
        const pattern = new RegExp(`^${parts.map((part) => escapeRegExp(squash(part))).join('[\\s\\S]*?')}$`);
        documents.push({ origin: origin(node), text: textOf(node), pattern });
      }
    }
    const elements = ts.isArrayLiteralExpression(node)
      ? node.elements.map((element) => (ts.isStringLiteral(element) ? element.text : null))
      : ts.isUnionTypeNode(node)
        ? node.types.map((type) =>
            ts.isLiteralTypeNode(type) && ts.isStringLiteral(type.literal) ? type.literal.text : null,
          )
        : [];
    if (elements.length >= 2 && elements.every((value) => value !== null && enumLike.test(value))) {
      lists.push({ origin: origin(node), constant: constantOf(node), values: elements as string[] });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { documents, lists };
}

/** The literals no document made by the test matches, and that the test cannot read either. */
function unreadLiterals(literals: DocumentLiteral[], made: SentDocument[]): string[] {
  const texts = made.map((document) => squash(document.text));
  return literals
    .filter((literal) => literal.text === null && !texts.some((text) => literal.pattern.test(text)))
    .map((literal) => literal.origin);
}

// --- Enums ----------------------------------------------------------------------------------------

function sdlEnums(schema: GraphQLSchema): Map<string, Set<string>> {
  return new Map(
    Object.values(schema.getTypeMap()).flatMap((type) =>
      isEnumType(type) && !type.name.startsWith('__')
        ? [[type.name, new Set(type.getValues().map((value) => value.name))] as const]
        : [],
    ),
  );
}

/** How a list differs from the SDL's enum of that name; empty when they have the same members. */
function enumDifference(apiEnums: Map<string, Set<string>>, name: string, values: readonly string[]): string[] {
  const api = apiEnums.get(name);
  if (!api) return [`${name}: the API has no such enum`];
  const missing = [...api].filter((value) => !values.includes(value));
  const extra = values.filter((value) => !api.has(value));
  return [
    ...(missing.length > 0 ? [`${name}: the admin lacks ${missing.join(', ')}`] : []),
    ...(extra.length > 0 ? [`${name}: the API has no ${extra.join(', ')}`] : []),
  ];
}

/** Lists of enum-like values that no enum of the API holds all of. */
function strayLists(apiEnums: Map<string, Set<string>>, lists: ValueList[]): string[] {
  const enumSets = [...apiEnums.values()];
  return lists
    .filter(({ values }) => !enumSets.some((members) => values.every((value) => members.has(value))))
    .map(({ origin, values }) => `${origin}: no enum of the API has all of ${values.join(', ')}`);
}

/** Value lists of the admin's own vocabulary, not an enum of the API. */
const ownVocabularies: { file: string; values: string[]; why: string }[] = [
  {
    file: 'admin/src/dataProvider/errors.ts',
    values: ['TOO_SHORT', 'TOO_LONG', 'CONTAINS_USERNAME', 'CONTAINS_NAME', 'REPEATED', 'PUBLISHED', 'COMMON'],
    why: "the password policy's rules, named in BAD_USER_INPUT's extensions (the SDL's descriptions list them)",
  },
  {
    file: 'admin/src/improvementPlans/types.ts',
    values: ['ADMIN', 'COMMITTEE', 'UNIT_HEAD', 'OTHER'],
    why: "who a viewer is to a plan, for the page's own rule table",
  },
];
const isOwnVocabulary = ({ origin, values }: ValueList) =>
  ownVocabularies.some(
    (own) =>
      origin.startsWith(`${own.file}:`) &&
      own.values.length === values.length &&
      own.values.every((value) => values.includes(value)),
  );

/** The SDL enum a list is named after (`TargetStatus`, `targetStatuses`, `planCheckCodes`), if any. */
function enumNamed(apiEnums: Map<string, Set<string>>, constant: string | undefined): string | undefined {
  if (!constant) return undefined;
  const name = constant.charAt(0).toUpperCase() + constant.slice(1);
  return [name, name.replace(/es$/, ''), name.replace(/s$/, '')].find((candidate) => apiEnums.has(candidate));
}

/** Lists named after an enum that hold only some of its values on purpose. */
const partsByDesign: { file: string; constant: string; why: string }[] = [
  { file: 'admin/src/dashboard/api.ts', constant: 'TaskGrouping', why: 'the groupings the dashboard offers' },
];
const isPartByDesign = ({ origin, constant }: ValueList) =>
  partsByDesign.some((part) => origin.startsWith(`${part.file}:`) && part.constant === constant);

// --- The tests ------------------------------------------------------------------------------------

const schema = buildSchema(sdl);
const apiEnums = sdlEnums(schema);
const source = sourceFiles().map(readSource);
const literals = source.flatMap((file) => file.documents);
const readable: SentDocument[] = literals.flatMap(({ origin, text }) => (text === null ? [] : [{ origin, text }]));
let made: SentDocument[] = [];
let unbuilt: string[] = [];

beforeAll(async () => {
  const dataProvider = await dataProviderDocuments(schema);
  made = [...dataProvider.documents, ...(await workflowDocuments())];
  unbuilt = dataProvider.failures;
});

describe('the documents the admin sends', () => {
  it('are found: the data provider, the workflow calls and the literals of admin/src', () => {
    const listed = made.flatMap((document) => /GET_LIST (\w+)$/.exec(document.origin)?.[1] ?? []);
    expect(listed).toEqual(Object.keys(resources));
    expect(made.filter((document) => document.origin.includes('workflow.ts')).length).toBe(
      Object.values(workflowCalls).flat().length,
    );
    for (const file of ['authProvider.ts', 'dashboard/queries.ts', 'indexImport/api.ts']) {
      expect(
        readable.some((literal) => literal.origin.startsWith(`admin/src/${file}:`)),
        file,
      ).toBe(true);
    }
    expect(unreadLiterals(literals, made)).toEqual([]);
  });

  it('are valid against the committed SDL', () => {
    expect(unbuilt).toEqual([]);
    expect(problems(schema, [...made, ...readable])).toEqual([]);
  });

  it('fail on a field the API no longer has or a value it does not take, naming where the document comes from', async () => {
    const removed = new Set([
      'Task.daysToDeadline',
      'IndexLeagueRow.overdueTasks',
      'Mutation.startTask',
      'Mutation.createUnit',
    ]);
    const drifted = mapSchema(schema, {
      [MapperKind.OBJECT_FIELD]: (field, name, type) => (removed.has(`${type}.${name}`) ? null : field),
    });
    // Without graphql's "Did you mean" hints, which depend on the fields left.
    const found = problems(drifted, [...made, ...readable]).map((problem) => problem.replace(/ Did you mean .*$/, ''));
    expect(found).toEqual(
      expect.arrayContaining([
        'admin/src/dataProvider/buildQuery.ts: GET_LIST tasks (TaskList): Cannot query field "daysToDeadline" on type "Task".',
        'admin/src/dashboard/queries.ts:12 (DashboardLeagueTable): Cannot query field "overdueTasks" on type "IndexLeagueRow".',
        'admin/src/dataProvider/workflow.ts: startTask() (startTask): Cannot query field "startTask" on type "Mutation".',
      ]),
    );
    expect(found.every((problem) => /daysToDeadline|overdueTasks|startTask|createUnit/.test(problem))).toBe(true);
    expect((await dataProviderDocuments(drifted)).failures).toEqual([
      'admin/src/dataProvider/buildQuery.ts: CREATE units: The schema has no mutation createUnit',
    ]);
    expect(problems(schema, [{ origin: 'admin/src/x.ts:1', text: 'query Me { me { id shoeSize } }' }])).toEqual([
      'admin/src/x.ts:1 (Me): Cannot query field "shoeSize" on type "Account".',
    ]);
    const decide = made.find((document) => document.origin.endsWith('decideExtension()'));
    expect(
      problems(schema, [{ ...(decide as SentDocument), variables: { id: 'DeadlineExtension:1', decision: 'LATER' } }]),
    ).toEqual([
      'admin/src/dataProvider/workflow.ts: decideExtension() (decideExtension): Variable "$decision" got invalid value "LATER"; Value "LATER" does not exist in "ExtensionDecision" enum.',
    ]);
  });

  it('leave no literal unchecked: one the test neither reads nor makes fails it', () => {
    const [unread] = readSource(path.join(adminRoot, 'dataProvider/workflow.ts')).documents.filter(
      (literal) => literal.text === null,
    );
    expect(unread).toBeDefined();
    expect(unreadLiterals([unread as DocumentLiteral], [])).toEqual([unread?.origin]);
  });
});

describe("the admin's enums", () => {
  it('enums.ts has the members of the SDL enum of each name', () => {
    expect(Object.entries(enums).flatMap(([name, values]) => enumDifference(apiEnums, name, values))).toEqual([]);
  });

  it('a list named after an enum elsewhere in admin/src has its members', () => {
    const named = source
      .flatMap((file) => file.lists)
      .flatMap((list) => {
        const name = enumNamed(apiEnums, list.constant);
        return name && !isPartByDesign(list) ? [{ ...list, name }] : [];
      });
    expect(named.map(({ constant }) => constant)).toEqual(
      expect.arrayContaining(['IndexLevel', 'TargetStatus', 'targetStatuses', 'targetMetrics', 'serviceSectors']),
    );
    const differences = named.flatMap(({ origin, name, values }) =>
      enumDifference(apiEnums, name, values).map((difference) => `${origin} ${difference}`),
    );
    expect(differences).toEqual([]);
  });

  it('every other list of enum values in admin/src is within one enum of the API', () => {
    const lists = source.flatMap((file) => file.lists).filter((list) => !isOwnVocabulary(list));
    expect(strayLists(apiEnums, lists)).toEqual([]);
  });

  it('fail with the difference', () => {
    expect(enumDifference(apiEnums, 'Role', ['ADMIN', 'COMMITTEE', 'UNIT_HEAD', 'OFFICER'])).toEqual([
      'Role: the admin lacks ANALYST',
      'Role: the API has no OFFICER',
    ]);
    expect(enumDifference(apiEnums, 'TaskState', ['OPEN'])).toEqual(['TaskState: the API has no such enum']);
    expect(strayLists(apiEnums, [{ origin: 'admin/src/x.ts:1', values: ['NOT_STARTED', 'DONE'] }])).toEqual([
      'admin/src/x.ts:1: no enum of the API has all of NOT_STARTED, DONE',
    ]);
  });
});
