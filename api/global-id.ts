// Global ids are readable, "Task:12": analysts can tell what an id points to.
import { isObjectType, type GraphQLSchema } from 'graphql';

export function encodeGlobalId(typename: string, id: string | number | bigint): string {
  return `${typename}:${id}`;
}

/** The type name and key of a global id, or null when it is not of the form Type:number. */
export function parseGlobalId(globalId: string): { typename: string; id: string } | null {
  const match = /^([A-Za-z]+):(\d{1,10})$/.exec(globalId);
  return match ? { typename: match[1] as string, id: match[2] as string } : null;
}

/** Keys are PostgreSQL `integer`s from 1: a larger number can name no row (and the database refuses it). */
export const maxKey = 2_147_483_647;

/**
 * What is wrong with a global id as the id of any object (node(id:)), or null: its form, a type name
 * that is not a type of object with an id (unknown, internal or a type without an id), or a key out of range.
 */
export function nodeIdProblem(globalId: string, schema: GraphQLSchema): string | null {
  const parsed = parseGlobalId(globalId);
  if (!parsed) return `"${globalId}" is not an id of the form Type:number`;
  const type = schema.getType(parsed.typename);
  if (!isObjectType(type) || !type.getInterfaces().some((iface) => iface.name === 'Node')) {
    return `"${globalId}" names no kind of object with an id`;
  }
  const key = Number(parsed.id);
  if (key < 1 || key > maxKey) return `"${globalId}" is out of range`;
  return null;
}
