import { ServiceSector, SipasElement, type Prisma } from '../../generated/prisma/client.ts';
import { builder } from '../builder.ts';
import { decimalOrNull } from './decimal.ts';
import {
  IDFilter,
  IntFilter,
  enumFilter,
  enumWhere,
  idWhere,
  logicalFields,
  logicalWhere,
  rangeWhere,
  type EnumFilterValue,
  type IdFilterValue,
  type Logical,
  type RangeFilterValue,
} from './filters.ts';
import { offsetArgOptions, orderInput, withOffset } from './lists.ts';

export const ServiceSectorEnum = builder.enumType(ServiceSector, {
  name: 'ServiceSector',
  description: 'A sector of public services whose users are surveyed (OVERALL for state administration as a whole).',
});

export const SipasElementEnum = builder.enumType(SipasElement, {
  name: 'SipasElement',
  description:
    'An element of a public service surveyed by SIPAS: access, the procedure, the civil servant, the result, the handling of feedback; OVERALL for the index.',
});

export const SatisfactionResultRef = builder.prismaNode('SatisfactionResult', {
  id: { field: 'id' },
  description: "Satisfaction of citizens and organisations with a sector's services in one year (SIPAS).",
  fields: (t) => ({
    unit: t.relation('unit'),
    year: t.exposeInt('year'),
    sector: t.expose('sector', { type: ServiceSectorEnum }),
    element: t.expose('element', { type: SipasElementEnum }),
    satisfactionPercent: t.float({
      description: 'Share of respondents satisfied, in percent.',
      select: { satisfactionPercent: true },
      resolve: (r) => r.satisfactionPercent.toNumber(),
    }),
    perceptionPercent: t.float({
      description: 'Share of respondents aware of the element, in percent, when surveyed.',
      nullable: true,
      select: { perceptionPercent: true },
      resolve: (r) => decimalOrNull(r.perceptionPercent),
    }),
    expectationPercent: t.float({
      description: 'Share of respondents whose expectation was met, in percent, when surveyed.',
      nullable: true,
      select: { expectationPercent: true },
      resolve: (r) => decimalOrNull(r.expectationPercent),
    }),
    respondents: t.exposeInt('respondents', { nullable: true }),
    illustrative: t.exposeBoolean('illustrative'),
  }),
});

interface SatisfactionFilterValue extends Logical<SatisfactionFilterValue> {
  unit?: IdFilterValue | null;
  year?: RangeFilterValue<number> | null;
  sector?: EnumFilterValue<ServiceSector> | null;
  element?: EnumFilterValue<SipasElement> | null;
}

const ServiceSectorFilter = enumFilter<ServiceSector>('ServiceSectorFilter', ServiceSectorEnum, 'Matches sectors.');
const SipasElementFilter = enumFilter<SipasElement>('SipasElementFilter', SipasElementEnum, 'Matches SIPAS elements.');

export const SatisfactionResultFilter = builder
  .inputRef<SatisfactionFilterValue>('SatisfactionResultFilter')
  .implement({
    description: 'Selects satisfaction results.',
    fields: (t) => ({
      unit: t.field({ type: IDFilter }),
      year: t.field({ type: IntFilter }),
      sector: t.field({ type: ServiceSectorFilter }),
      element: t.field({ type: SipasElementFilter }),
      ...logicalFields(t, SatisfactionResultFilter),
    }),
  });

function satisfactionWhere(
  filter: SatisfactionFilterValue | null | undefined,
): Prisma.SatisfactionResultWhereInput | undefined {
  return logicalWhere(filter, (f): Prisma.SatisfactionResultWhereInput => ({
    ...(f.unit && { unitId: idWhere(f.unit, 'Unit', 'filter.unit') }),
    ...(f.year && { year: rangeWhere(f.year) }),
    ...(f.sector && { sector: enumWhere(f.sector) }),
    ...(f.element && { element: enumWhere(f.element) }),
  }));
}

const SatisfactionResultOrder = orderInput<Prisma.SatisfactionResultOrderByWithRelationInput>()('SatisfactionResult', {
  YEAR: { description: 'Year.', orderBy: (d) => ({ year: d }) },
  SECTOR: { description: 'Sector.', orderBy: (d) => ({ sector: d }) },
  ELEMENT: { description: 'Element.', orderBy: (d) => ({ element: d }) },
  SATISFACTION: { description: 'Satisfaction percent.', orderBy: (d) => ({ satisfactionPercent: d }) },
});

builder.queryField('satisfactionResults', (t) =>
  t.prismaConnection({
    type: 'SatisfactionResult',
    cursor: 'id',
    description: 'SIPAS satisfaction results, latest year first unless told otherwise.',
    args: {
      filter: t.arg({ type: SatisfactionResultFilter }),
      orderBy: t.arg({ type: [SatisfactionResultOrder.ref] }),
      offset: t.arg.int(offsetArgOptions),
    },
    totalCount: (_parent, args, ctx) => ctx.prisma.satisfactionResult.count({ where: satisfactionWhere(args.filter) }),
    resolve: (query, _parent, args, ctx) =>
      ctx.prisma.satisfactionResult.findMany({
        ...withOffset(query, args),
        where: satisfactionWhere(args.filter),
        orderBy: SatisfactionResultOrder.toOrderBy(
          args.orderBy ?? [{ field: 'YEAR', direction: 'desc' }, { field: 'SECTOR' }, { field: 'ELEMENT' }],
        ),
      }),
  }),
);
