// Descriptions written once: input fields that mirror a model field (in Create/Update inputs and
// filters) take the data model's own documentation from prisma/schema.prisma, and arguments that
// mean the same everywhere (filter, orderBy, id, input ...) share one text.
import { MapperKind, mapSchema } from '@graphql-tools/utils';
import { GraphQLInputObjectType, type GraphQLSchema } from 'graphql';
import { getDatamodel } from '../../generated/pothos-types.ts';

const models = getDatamodel().datamodel.models;

/** The model an input type is about: CreateTaskInput, UpdateTaskInput, TaskFilter → Task. */
function modelOf(typeName: string): string | null {
  const match = /^(?:Create|Update)?([A-Z][A-Za-z]*?)(?:Input|Filter)$/.exec(typeName);
  const name = match?.[1];
  return name && models[name] ? name : null;
}

/** The documentation of a model field that an input field mirrors (leadUnitId → leadUnit). */
function documentation(model: string, field: string): string | null {
  const fields = models[model]?.fields ?? [];
  const find = (name: string) => fields.find((f) => f.name === name)?.documentation ?? null;
  const direct = find(field);
  if (direct) return direct;
  const reference = /^(\w+?)Ids?$/.exec(field)?.[1];
  const relation = reference && (find(reference) ?? find(`${reference}s`));
  return relation ? `${relation} Given as global id${field.endsWith('Ids') ? 's' : ''}.` : null;
}

const argumentDescriptions: Record<string, string> = {
  after: 'Cursor: the page starts after this edge (forward paging).',
  before: 'Cursor: the page ends before this edge (backward paging).',
  filter: 'Which rows to return; omitted, all of them.',
  orderBy: 'Sort keys, applied in order; the id breaks ties.',
  id: 'Global id of the object, e.g. "Task:12".',
  ids: 'Global ids of the objects.',
  input: 'The values; on updates, omitted fields stay as they are.',
};

export function describeSchema(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field) => {
      for (const [name, argument] of Object.entries(field.args ?? {})) {
        argument.description ??= argumentDescriptions[name];
      }
      return field;
    },
    [MapperKind.INPUT_OBJECT_TYPE]: (type) => {
      const model = modelOf(type.name);
      if (!model) return type;
      const config = type.toConfig();
      for (const [name, field] of Object.entries(config.fields)) {
        field.description ??= documentation(model, name);
      }
      return new GraphQLInputObjectType(config);
    },
  });
}
