// Input rules shared by the mutations' validators (the messages reach the client with the field name).
import { z } from 'zod';

/** Control characters other than tab, line feed and carriage return (C0, DEL and C1). */
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** A UTF-16 surrogate without its partner (matched code unit by code unit: no `u` flag). */
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Text as people type it: Unicode (no UTF-16 surrogate without its partner, which the database would
 * store as U+FFFD or refuse inside JSON) without control characters (the database refuses NUL).
 */
export const plainText = <T extends z.ZodType<string>>(text: T) =>
  text
    .refine((value) => !loneSurrogate.test(value), 'Must be valid Unicode text')
    .refine((value) => !controlCharacters.test(value), 'Must not contain control characters');

/** Text that must be present: trimmed, not empty, at most `max` characters. */
export const requiredText = (max: number) =>
  plainText(z.string().trim().min(1, 'Must not be empty').max(max, `At most ${max} characters`));

/** Text that may be left out or cleared with null. */
export const optionalText = (max: number) =>
  plainText(z.string().trim().max(max, `At most ${max} characters`)).nullish();

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
