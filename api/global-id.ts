// Global ids are readable, "Task:12": analysts can tell what an id points to.

export function encodeGlobalId(typename: string, id: string | number | bigint): string {
  return `${typename}:${id}`;
}

/** The type name and key of a global id, or null when it is not of the form Type:number. */
export function parseGlobalId(globalId: string): { typename: string; id: string } | null {
  const match = /^([A-Za-z]+):(\d{1,10})$/.exec(globalId);
  return match ? { typename: match[1] as string, id: match[2] as string } : null;
}
