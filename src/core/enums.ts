/** Stored values are kebab/lower case (`un-secretariat`); GraphQL enum values are SCREAMING_SNAKE. */
export function toEnum<T extends string>(value: string): T {
  return value.replace(/-/g, '_').toUpperCase() as T;
}

/** The stored value of a GraphQL enum value (`UN_SECRETARIAT` → `un-secretariat`). */
export function fromEnum(value: string): string {
  return value.toLowerCase().replace(/_/g, '-');
}
