/** Longest part of a link's value that a message quotes: a 100,000-character value must not become the message. */
export const QUOTE_MAX = 40;

/** A link's text for a message, in quotes: at most QUOTE_MAX characters, cut with an ellipsis. */
export function quoteText(text: string): string {
  return `"${text.length > QUOTE_MAX ? `${text.slice(0, QUOTE_MAX)}…` : text}"`;
}

/** A link's parameters read by the one rule for a repeated key, plus a message for each key whose values disagree. */
export interface LinkParams {
  readonly params: URLSearchParams;
  readonly notices: readonly string[];
}

/**
 * Reads a query string with one value per key. A key given more than once takes its **last** value, for every
 * parameter: a value appended to a copied link overrides the one it already had, as a later command-line flag
 * does. A key repeated with different values gets a message naming the value used.
 */
export function readLinkParams(query: string): LinkParams {
  const all = new URLSearchParams(query);
  const values = new Map<string, string[]>();
  for (const [key, value] of all) {
    const list = values.get(key);
    if (list === undefined) values.set(key, [value]);
    else list.push(value);
  }
  const params = new URLSearchParams();
  const notices: string[] = [];
  for (const [key, list] of values) {
    const last = list[list.length - 1];
    params.set(key, last);
    if (new Set(list).size > 1) notices.push(`${quoteText(key)} is given ${list.length} times; using the last value, ${quoteText(last)}.`);
  }
  return { params, notices };
}

/** Whether a query string repeats a key (so the address can be rewritten with one value per key). */
export function repeatsKeys(query: string): boolean {
  const keys = [...new URLSearchParams(query).keys()];
  return new Set(keys).size < keys.length;
}
