// Validation of the arguments every area shares: filter lists, free text and node keys. Each
// failure is an InputError naming the argument, its value or size, and the limit.
import { InputError } from './errors.js';
import { DEFAULT_EVIDENCE, evidenceFromEnum, type Evidence } from './evidence.js';

export const MAX_FILTER_VALUES = 200;
export const MAX_TEXT = 200;
export const MAX_KEY = 100;

/** A list filter, mapped value by value (`fromEnum` …); an InputError when it is too long. */
export function listArg(
  values: readonly string[],
  field: string,
  map: (v: string) => string = (v) => v,
): string[] {
  if (values.length > MAX_FILTER_VALUES) {
    throw new InputError(
      `"${field}" takes at most ${MAX_FILTER_VALUES} values; got ${values.length}`,
      field,
      { limit: MAX_FILTER_VALUES },
    );
  }
  return values.map(map);
}

/** Free text, trimmed: null when blank (no filter), an InputError when too long. */
export function textArg(value: string | null | undefined, field: string): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  if (value.length > MAX_TEXT)
    throw new InputError(`"${field}" is longer than ${MAX_TEXT} characters`, field, {
      limit: MAX_TEXT,
    });
  return value.trim();
}

/** An optional node key: null when absent or blank; an InputError naming it when too long. */
export function keyArg(value: string | null | undefined, field: string): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  if (value.length > MAX_KEY) {
    throw new InputError(`"${field}" is longer than ${MAX_KEY} characters`, field, {
      limit: MAX_KEY,
    });
  }
  return value.trim();
}

/**
 * Evidence levels asked for (`[DOCUMENTED, REPORTED]`): the stored levels, strongest first; the
 * default when absent; an InputError naming the argument when empty.
 */
export function evidenceArg(
  values: readonly string[] | null | undefined,
  field: string,
): Evidence[] {
  if (values === null || values === undefined) return [...DEFAULT_EVIDENCE];
  if (values.length === 0)
    throw new InputError(`"${field}" must name at least one evidence level`, field);
  return evidenceFromEnum(values);
}
