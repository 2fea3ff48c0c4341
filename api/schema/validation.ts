// Input rules shared by the mutations' validators (the messages reach the client with the field name).
import { z } from 'zod';

/** Text that must be present: trimmed, not empty, at most `max` characters. */
export const requiredText = (max: number) =>
  z.string().trim().min(1, 'Must not be empty').max(max, `At most ${max} characters`);

/** Text that may be left out or cleared with null. */
export const optionalText = (max: number) => z.string().trim().max(max, `At most ${max} characters`).nullish();

/** A calendar day within the years the tracker deals with. */
export const dateInput = z
  .date()
  .min(new Date('1990-01-01T00:00:00Z'), 'Must be in 1990 or later')
  .max(new Date('2100-12-31T00:00:00Z'), 'Must be in 2100 or earlier')
  .nullish();

export const yearInput = z.number().int().min(2000, 'Must be 2000 or later').max(2100, 'Must be 2100 or earlier');

/** A figure stored with two decimals. */
export const decimalInput = (min: number, max: number) =>
  z
    .number()
    .min(min, `Must be at least ${min}`)
    .max(max, `Must be at most ${max}`)
    .refine((value) => Math.round(value * 100) === Number((value * 100).toFixed(6)), 'At most two decimals');

export const percentInput = decimalInput(0, 100);

/**
 * For update inputs: these fields may be left out (kept as they are) but not set to null, which
 * only optional fields accept (to clear them).
 */
export const notNull = (...fields: string[]) =>
  z.looseObject(
    Object.fromEntries(
      fields.map((field) => [
        field,
        z
          .unknown()
          .refine((value) => value !== null, 'Cannot be cleared; leave it out to keep it')
          .optional(),
      ]),
    ),
  );
