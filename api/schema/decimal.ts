import type { Prisma } from '../../generated/prisma/client.ts';

/** Prisma hands numeric columns over as Decimal; the API gives them as Float (two decimals at most). */
export const decimalOrNull = (value: Prisma.Decimal | null): number | null =>
  value === null ? null : value.toNumber();
