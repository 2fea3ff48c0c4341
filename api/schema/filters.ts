// Filter inputs shared by every list, and their translation to Prisma `where` clauses. Each list's own
// filter input (TaskFilter, UnitFilter ...) is built from these and accepts AND, OR and NOT.
import type { EnumRef, InputFieldBuilder, InputObjectRef, InputRef } from '@pothos/core';
import { builder, type Types } from '../builder.ts';
import { ValidationError } from '../errors.ts';
import { maxKey, parseGlobalId } from '../global-id.ts';

export interface StringFilterValue {
  equals?: string | null;
  in?: string[] | null;
  contains?: string | null;
  startsWith?: string | null;
}

export const StringFilter = builder.inputType('StringFilter', {
  description: 'Matches text. contains and startsWith ignore letter case.',
  fields: (t) => ({
    equals: t.string({ description: 'Exactly this text.' }),
    in: t.stringList({ description: 'Any of these texts.' }),
    contains: t.string({ description: 'Contains this text, ignoring letter case.' }),
    startsWith: t.string({ description: 'Starts with this text, ignoring letter case.' }),
  }),
});

/**
 * Text as a LIKE pattern matches only itself: Prisma passes `contains` and `startsWith` to LIKE as
 * they are, where `%` and `_` are wildcards and `\` (PostgreSQL's escape character) escapes.
 */
export const likeLiteral = (text: string) => text.replace(/[\\%_]/g, '\\$&');

/** Texts containing `text`, ignoring letter case. */
export const containing = (text: string) => ({ contains: likeLiteral(text), mode: 'insensitive' as const });

export function stringWhere(filter: StringFilterValue | null | undefined) {
  if (!filter) return undefined;
  return {
    ...(filter.equals != null && { equals: filter.equals }),
    ...(filter.in != null && { in: filter.in }),
    ...(filter.contains != null && containing(filter.contains)),
    ...(filter.startsWith != null && { startsWith: likeLiteral(filter.startsWith), mode: 'insensitive' as const }),
  };
}

export interface RangeFilterValue<T> {
  equals?: T | null;
  in?: T[] | null;
  gt?: T | null;
  gte?: T | null;
  lt?: T | null;
  lte?: T | null;
}

const range = {
  equals: 'Exactly this value.',
  in: 'Any of these values.',
  gt: 'Greater (later) than this.',
  gte: 'This or greater (later).',
  lt: 'Less (earlier) than this.',
  lte: 'This or less (earlier).',
};

export const IntFilter = builder.inputType('IntFilter', {
  description: 'Matches a whole number exactly, from a list, or in a range.',
  fields: (t) => ({
    equals: t.int({ description: range.equals }),
    in: t.intList({ description: range.in }),
    gt: t.int({ description: range.gt }),
    gte: t.int({ description: range.gte }),
    lt: t.int({ description: range.lt }),
    lte: t.int({ description: range.lte }),
  }),
});

export const FloatFilter = builder.inputType('FloatFilter', {
  description: 'Matches a number exactly or in a range.',
  fields: (t) => ({
    equals: t.float({ description: range.equals }),
    in: t.floatList({ description: range.in }),
    gt: t.float({ description: range.gt }),
    gte: t.float({ description: range.gte }),
    lt: t.float({ description: range.lt }),
    lte: t.float({ description: range.lte }),
  }),
});

export const DateFilter = builder.inputType('DateFilter', {
  description: 'Matches a calendar day exactly or in a range (bounds as YYYY-MM-DD).',
  fields: (t) => ({
    equals: t.field({ type: 'Date', description: range.equals }),
    in: t.field({ type: ['Date'], description: range.in }),
    gt: t.field({ type: 'Date', description: range.gt }),
    gte: t.field({ type: 'Date', description: range.gte }),
    lt: t.field({ type: 'Date', description: range.lt }),
    lte: t.field({ type: 'Date', description: range.lte }),
  }),
});

export const DateTimeFilter = builder.inputType('DateTimeFilter', {
  description: 'Matches an instant in a range.',
  fields: (t) => ({
    gt: t.field({ type: 'DateTime', description: range.gt }),
    gte: t.field({ type: 'DateTime', description: range.gte }),
    lt: t.field({ type: 'DateTime', description: range.lt }),
    lte: t.field({ type: 'DateTime', description: range.lte }),
  }),
});

export function rangeWhere<T>(filter: RangeFilterValue<T> | null | undefined) {
  if (!filter) return undefined;
  const where: RangeFilterValue<T> = {};
  for (const key of ['equals', 'in', 'gt', 'gte', 'lt', 'lte'] as const) {
    const value = filter[key];
    if (value != null) (where as Record<string, unknown>)[key] = value;
  }
  return where as { [K in keyof RangeFilterValue<T>]?: Exclude<RangeFilterValue<T>[K], null> };
}

export interface IdFilterValue {
  equals?: string | null;
  in?: string[] | null;
}

export const IDFilter = builder.inputType('IDFilter', {
  description: 'Matches a reference by global id ("Unit:3"), or one of several.',
  fields: (t) => ({
    equals: t.id({ description: 'This object.' }),
    in: t.idList({ description: 'Any of these objects.' }),
  }),
});

/** The numeric key inside a global id, checking that it names the expected type. */
export function decodeId(globalId: string | number, typename: string, field = 'id'): number {
  const decoded = parseGlobalId(String(globalId));
  if (!decoded) throw ValidationError.field(field, `"${globalId}" is not an id of the form ${typename}:number`);
  if (decoded.typename !== typename) {
    throw ValidationError.field(field, `"${globalId}" is not a ${typename} id`);
  }
  const id = Number(decoded.id);
  if (!Number.isSafeInteger(id) || id < 1 || id > maxKey) {
    throw ValidationError.field(field, `"${globalId}" is out of range`);
  }
  return id;
}

/** Like decodeId, passing through undefined (leave as is) and null (clear). */
export function decodeOptionalId<T extends null | undefined>(
  globalId: string | T,
  typename: string,
  field: string,
): number | T {
  return globalId == null ? globalId : decodeId(globalId, typename, field);
}

export function idWhere(filter: IdFilterValue | null | undefined, typename: string, field: string) {
  if (!filter) return undefined;
  return {
    ...(filter.equals != null && { equals: decodeId(filter.equals, typename, `${field}.equals`) }),
    ...(filter.in != null && {
      in: filter.in.map((id, i) => decodeId(id, typename, `${field}.in.${i}`)),
    }),
  };
}

export interface EnumFilterValue<E> {
  equals?: E | null;
  in?: E[] | null;
  notIn?: E[] | null;
}

/** A filter input for one enum: equals, in, notIn. */
export function enumFilter<E extends string>(
  name: string,
  enumRef: EnumRef<Types, E>,
  description: string,
): InputObjectRef<Types, EnumFilterValue<E>> {
  return builder.inputType(name, {
    description,
    fields: (t) => ({
      equals: t.field({ type: enumRef, description: 'Exactly this value.' }),
      in: t.field({ type: [enumRef], description: 'Any of these values.' }),
      notIn: t.field({ type: [enumRef], description: 'None of these values.' }),
    }),
  });
}

export function enumWhere<E>(filter: EnumFilterValue<E> | null | undefined) {
  if (!filter) return undefined;
  return {
    ...(filter.equals != null && { equals: filter.equals }),
    ...(filter.in != null && { in: filter.in }),
    ...(filter.notIn != null && { notIn: filter.notIn }),
  };
}

/** Filters that combine with AND, OR and NOT. */
export interface Logical<F> {
  AND?: F[] | null;
  OR?: F[] | null;
  NOT?: F | null;
}

/** The AND, OR and NOT fields of a filter input. */
export function logicalFields<F extends object>(t: InputFieldBuilder<Types, 'InputObject'>, ref: InputRef<F>) {
  return {
    AND: t.field({ type: [ref], description: 'Every one of these filters must match.' }),
    OR: t.field({ type: [ref], description: 'At least one of these filters must match.' }),
    NOT: t.field({ type: ref, description: 'This filter must not match.' }),
  };
}

/**
 * Applies `fields` to a filter and to its AND, OR and NOT parts, recursively. The parts are joined
 * under a new AND so that they never overwrite an AND, OR or NOT that `fields` itself produced.
 */
export function logicalWhere<F extends Logical<F>, W extends object>(
  filter: F | null | undefined,
  fields: (filter: F) => W,
): W | { AND: (W | { OR: W[] } | { NOT: W })[] } | undefined {
  if (!filter) return undefined;
  const own = fields(filter);
  const nested = (f: F) => logicalWhere(f, fields) ?? {};
  const parts: (W | { OR: W[] } | { NOT: W })[] = [own];
  if (filter.AND) parts.push(...(filter.AND.map(nested) as W[]));
  if (filter.OR) parts.push({ OR: filter.OR.map(nested) as W[] });
  if (filter.NOT) parts.push({ NOT: nested(filter.NOT) as W });
  return parts.length === 1 ? own : { AND: parts };
}
