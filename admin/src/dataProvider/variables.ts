// Turns react-admin's parameters into this API's GraphQL variables and its answers into records,
// reading the input types from the schema rather than listing fields by hand.
import type { IntrospectionInputObjectType, IntrospectionInputValue } from 'graphql';
import type { RaRecord, SortPayload } from 'react-admin';
import { namedType, type SchemaIndex } from './schema';

type Values = Record<string, unknown>;

const isBlank = (value: unknown) =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

function filterValue(schema: SchemaIndex, field: IntrospectionInputValue, value: unknown): unknown {
  const wrapped = field.type.kind === 'NON_NULL' ? field.type.ofType : field.type;
  // e.g. TaskFilter.timeliness: [Timeliness!]
  if (wrapped.kind === 'LIST') return Array.isArray(value) ? value : [value];
  const type = schema.type(namedType(field.type).name);
  if (type.kind !== 'INPUT_OBJECT') return value;
  // IDFilter, StringFilter, the enum filters and the range filters share these operators.
  if (Array.isArray(value)) return { in: value };
  if (type.inputFields.some((operator) => operator.name === 'contains')) return { contains: String(value) };
  return { equals: value };
}

/**
 * react-admin filters → the list's filter input. A filter is named after the input field
 * (`leadUnit: "Unit:3"` → `{ leadUnit: { equals: "Unit:3" } }`, a list → `in`, text → `contains`);
 * `<field>_gte`, `_lte`, `_gt` and `_lt` fill a range (`deadline_lte` → `{ deadline: { lte } }`).
 */
export function toFilterInput(
  schema: SchemaIndex,
  filterType: IntrospectionInputObjectType,
  filter: Values,
): Values | undefined {
  const result: Values = {};
  for (const [key, value] of Object.entries(filter)) {
    if (isBlank(value)) continue;
    const range = /^(.+)_(gte|lte|gt|lt)$/.exec(key);
    const name = range?.[1] ?? key;
    const field = filterType.inputFields.find((candidate) => candidate.name === name);
    // A filter the API does not know (say, an old one kept in the URL) is left out.
    if (!field) continue;
    result[name] = range
      ? { ...(result[name] as Values | undefined), [range[2] as string]: value }
      : filterValue(schema, field, value);
  }
  return Object.keys(result).length > 0 ? result : undefined;
}

const constantCase = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();

/**
 * react-admin's sort → `orderBy`. The order enum names the field (`deadline` → DEADLINE) or, for a
 * nested path, the reference (`leadUnit.name` → LEAD_UNIT); a field without one stays unsorted.
 */
export function toOrderBy(
  schema: SchemaIndex,
  orderType: IntrospectionInputObjectType,
  sort: SortPayload | undefined,
): { field: string; direction: 'ASC' | 'DESC' }[] | undefined {
  const fieldInput = orderType.inputFields.find((input) => input.name === 'field');
  if (!sort?.field || !fieldInput) return undefined;
  const value = constantCase(sort.field.split('.')[0] as string);
  if (!schema.enumValuesOf(fieldInput).includes(value)) return undefined;
  return [{ field: value, direction: sort.order === 'DESC' ? 'DESC' : 'ASC' }];
}

/** An input field that points at other records: `leadUnitId` ↔ `leadUnit`, `supportingUnitIds` ↔ `supportingUnits`. */
export interface ReferenceInput {
  input: string;
  field: string;
  many: boolean;
}

export function referenceInputs(
  schema: SchemaIndex,
  typeName: string,
  inputTypes: IntrospectionInputObjectType[],
): ReferenceInput[] {
  const type = schema.type(typeName);
  const fields = new Set(type.kind === 'OBJECT' ? type.fields.map((field) => field.name) : []);
  const names = new Set(inputTypes.flatMap((input) => input.inputFields.map((field) => field.name)));
  const references: ReferenceInput[] = [];
  for (const input of names) {
    const many = /^(.+)Ids$/.exec(input);
    const one = /^(.+)Id$/.exec(input);
    if (many && fields.has(`${many[1]}s`)) references.push({ input, field: `${many[1]}s`, many: true });
    else if (one && fields.has(one[1] as string)) references.push({ input, field: one[1] as string, many: false });
  }
  return references;
}

const idOf = (value: unknown) =>
  typeof value === 'object' && value !== null ? ((value as { id?: unknown }).id ?? null) : null;

/** Adds the reference ids the forms edit (`leadUnitId`) beside the objects the API returns (`leadUnit`). */
export function withReferenceIds(record: Values, references: ReferenceInput[]): RaRecord {
  const result: Values = { ...record };
  for (const { input, field, many } of references) {
    const value = record[field];
    if (value === undefined) continue;
    result[input] = many ? (Array.isArray(value) ? value.map(idOf) : []) : idOf(value);
  }
  return result as RaRecord;
}

const comparable = (value: unknown) => JSON.stringify(value === '' || value === undefined ? null : value);

/** The fields of an update input whose values differ from the record as read: only those are sent. */
export function changedInput(inputType: IntrospectionInputObjectType, data: Values, previousData: Values): Values {
  const input: Values = {};
  for (const { name } of inputType.inputFields) {
    if (!(name in data)) continue;
    const value = data[name];
    if (comparable(value) !== comparable(previousData[name])) input[name] = value === '' ? null : value;
  }
  return input;
}

/** The fields of a create input that the form filled in. */
export function createInput(inputType: IntrospectionInputObjectType, data: Values): Values {
  const input: Values = {};
  for (const { name } of inputType.inputFields) {
    if (!isBlank(data[name])) input[name] = data[name];
  }
  return input;
}
