import * as v from 'valibot';

/** A plain object (not null, not an array): the first check every reader of untrusted JSON makes. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What an error says, for a reply or a status line: its message, or the thrown value as text. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

type ObjectInput<E extends v.ObjectEntries> = v.InferInput<v.ObjectSchema<E, undefined>>;

/**
 * The schema of a plain object with these entries: valibot's own `object` takes an array too (any `typeof 'object'`),
 * which no reader here ever did. The first step only rules arrays out; it carries the type the whole pipe checks, so
 * that `v.is` narrows to it. Marked free of side effects, as valibot's own functions are, so a bundle that does not
 * use a schema built with it drops it (the content scripts and the message schemas).
 */
/* @__NO_SIDE_EFFECTS__ */
export function plainObject<const E extends v.ObjectEntries>(
  entries: E,
): v.SchemaWithPipe<readonly [v.CustomSchema<ObjectInput<E>, undefined>, v.ObjectSchema<E, undefined>]> {
  return v.pipe(v.custom<ObjectInput<E>>(isRecord), v.object(entries));
}
