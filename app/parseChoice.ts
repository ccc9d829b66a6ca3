/**
 * Reads a link parameter that must name one of `ids`: the id, or `fallback` plus a notice quoting what was
 * wrong (at most 40 characters of it). `describe` words the notice.
 */
export function parseChoice<T extends string>(
  ids: readonly T[],
  text: string | null,
  fallback: T,
  describe: (shown: string) => string,
): { value: T; notice: string | null } {
  if (text === null) return { value: fallback, notice: null };
  const found = ids.find((id) => id === text);
  if (found !== undefined) return { value: found, notice: null };
  return { value: fallback, notice: describe(text.length > 40 ? `${text.slice(0, 40)}…` : text) };
}
