// What every list (relay connection) shares: ordering inputs and offset paging.
import type { InputObjectRef } from '@pothos/core';
import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { z } from 'zod';
import { builder, type Types } from '../builder.ts';
import type { Context } from '../context.ts';
import { ValidationError } from '../errors.ts';

export type Direction = 'asc' | 'desc';

export const OrderDirection = builder.enumType('OrderDirection', {
  description: 'Sort direction.',
  values: {
    ASC: { value: 'asc', description: 'Smallest, earliest or A first.' },
    DESC: { value: 'desc', description: 'Largest, latest or Z first.' },
  } as const,
});

export interface Order<F extends string> {
  field: F;
  direction?: Direction | null;
}

/**
 * An `<Type>Order` input ({ field, direction }) with its `<Type>OrderField` enum, and the function
 * turning a list of them into a Prisma orderBy that ends with the id, so that pages are stable.
 * Called as orderInput<Prisma.XOrderByWithRelationInput>()('X', { FIELD: {...} }).
 */
export const orderInput = <O extends object>() =>
  function orderInputOf<F extends string>(
    typeName: string,
    fields: Record<F, { description: string; orderBy: (direction: Direction) => O }>,
  ) {
    const names = Object.keys(fields) as F[];
    const fieldEnum = builder.enumType(`${typeName}OrderField`, {
      description: `What ${typeName} lists can be sorted by.`,
      values: Object.fromEntries(names.map((name) => [name, { description: fields[name].description }])),
    });
    const ref: InputObjectRef<Types, Order<F>> = builder.inputType(`${typeName}Order`, {
      description: `One sort key of a ${typeName} list; several keys apply in order.`,
      fields: (t) => ({
        field: t.field({ type: fieldEnum, required: true, description: 'The key to sort by.' }),
        direction: t.field({
          type: OrderDirection,
          defaultValue: 'asc',
          description: 'Ascending unless told otherwise.',
        }),
      }),
    }) as unknown as InputObjectRef<Types, Order<F>>;
    const toOrderBy = (orders: readonly Order<F>[] | null | undefined): O[] => [
      ...(orders ?? []).map((order) => fields[order.field].orderBy(order.direction ?? 'asc')),
      { id: 'asc' } as O,
    ];
    return { ref, toOrderBy };
  };

export const offsetArgOptions = {
  description: 'Rows to skip before the page starts: page-number paging for tables. Not with after or before.',
  validate: z.number().int().min(0).max(1_000_000),
} as const;

/** Adds an `offset` to the take/skip that the connection computed from first/after/last/before. */
export function withOffset<Q extends { skip?: number }>(
  query: Q,
  args: { offset?: number | null; after?: string | null; before?: string | null },
): Q {
  if (args.offset == null || args.offset === 0) return query;
  if (args.after != null || args.before != null) {
    throw ValidationError.field('offset', 'offset cannot be combined with after or before');
  }
  return { ...query, skip: (query.skip ?? 0) + args.offset };
}

/** Whether the field being resolved selects `name` among its own fields, through fragments too. */
function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  const visit = (set: SelectionSetNode | undefined): boolean =>
    (set?.selections ?? []).some((selection) => {
      switch (selection.kind) {
        case Kind.FIELD:
          return selection.name.value === name;
        case Kind.INLINE_FRAGMENT:
          return visit(selection.selectionSet);
        case Kind.FRAGMENT_SPREAD:
          return visit(info.fragments[selection.name.value]?.selectionSet);
      }
    });
  return info.fieldNodes.some((node) => visit(node.selectionSet));
}

/**
 * A list's count, sent beside its page. Pothos asks for a connection's totalCount only once the page has
 * resolved, so the two statements went one after the other; `start`, called from the list's resolve,
 * sends the count at once when the request selects totalCount, and `totalCount` then answers from it.
 */
export function countBesidePage<Args extends object>(count: (args: Args, ctx: Context) => Promise<number>) {
  // Pothos hands the same args object to the list's resolve and to its totalCount.
  const started = new WeakMap<Args, Promise<number>>();
  return {
    start(args: Args, ctx: Context, info: GraphQLResolveInfo): void {
      if (!selectsField(info, 'totalCount')) return;
      const counting = count(args, ctx);
      // A failed count is reported by totalCount; until then it is not an unhandled rejection.
      counting.catch(() => undefined);
      started.set(args, counting);
    },
    totalCount: (_parent: unknown, args: Args, ctx: Context): Promise<number> => started.get(args) ?? count(args, ctx),
  };
}
