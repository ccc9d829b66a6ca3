import type { Summary } from './stats.ts';
import type { ClaimResults, MeasuredNumber, Unit } from './types.ts';

const MINUS = '\u2212';

/** Digits grouped by thousands with commas, whatever the machine's locale. */
function grouped(n: number): string {
  const s = String(Math.round(Math.abs(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0 ? MINUS + s : s;
}

/** A number with a typographic minus. */
function signed(text: string): string {
  return text.startsWith('-') ? MINUS + text.slice(1) : text;
}

/** One value in prose, by its unit; null (not reached within the run) reads "not reached". */
export function formatValue(v: number | null, unit: Unit): string {
  if (v === null) return 'not reached';
  switch (unit) {
    case 'step':
      return grouped(v);
    case 'accuracy':
      return `${(v * 100).toFixed(1)}%`;
    case 'points':
      return `${signed((v * 100).toFixed(1))} points`;
    case 'share':
      return `${signed(Math.abs(v) < 0.1 ? (v * 100).toFixed(1) : (v * 100).toFixed(0))}%`;
    case 'ratio':
      return `${v.toFixed(1)}×`;
    case 'lr':
      return String(Number(v.toPrecision(3)));
    case 'value':
      return signed(Math.abs(v) >= 100 ? v.toFixed(0) : String(Number(v.toPrecision(2))));
  }
}

/** The span min–max in prose ("200–300"), or the one value when every seed agrees. */
export function formatSpan(s: Summary, unit: Unit): string {
  const lo = formatValue(s.min, unit);
  const hi = formatValue(s.max, unit);
  if (lo === hi) return lo;
  // "90.1–91.3%" reads better than "90.1%–91.3%", and "0.2–0.4 points" than "0.2 points–0.4 points".
  const suffix = unit === 'accuracy' || unit === 'share' ? '%' : unit === 'points' ? ' points' : unit === 'ratio' ? '×' : '';
  const bare = (t: string) => (suffix !== '' && t.endsWith(suffix) ? t.slice(0, -suffix.length) : t);
  return s.min !== null && s.max !== null ? `${bare(lo)}–${hi}` : `${lo} to ${hi}`;
}

/** One number in a template's form: median, median with its range, the range alone, min or max. */
export function formatNumber(n: MeasuredNumber, form: string): string {
  switch (form) {
    case '':
      return formatValue(n.median, n.unit);
    case 'range': {
      const span = formatSpan(n, n.unit);
      const median = formatValue(n.median, n.unit);
      return span === median ? `${median} (every seed)` : `${median} (${span})`;
    }
    case 'span':
      return formatSpan(n, n.unit);
    case 'min':
      return formatValue(n.min, n.unit);
    case 'max':
      return formatValue(n.max, n.unit);
    default:
      throw new Error(`unknown number form ":${form}"`);
  }
}

/** A reference in a template: {name}, {name:form}, {claim-id.name:form}, or {claim-id} for a claim's whole text. */
const REF = /\{([A-Za-z0-9]+(?:-[a-z0-9]+)*)(?:\.([A-Za-z0-9]+))?(?::([a-z]+))?\}/g;

/**
 * Fills a template from measured numbers. `own` are the numbers a bare {name} refers to (a claim's own);
 * {claim-id.name} looks in `results`, and {claim-id} alone inserts that claim's text. An unknown reference
 * throws, so a template cannot silently print a stale or missing number.
 */
export function fillTemplate(template: string, results: ClaimResults | null, own: Readonly<Record<string, MeasuredNumber>> = {}): string {
  return template.replace(REF, (whole, first: string, second: string | undefined, form: string | undefined) => {
    if (second === undefined && form === undefined && results?.claims[first] !== undefined && own[first] === undefined) return results.claims[first].text;
    const n = second === undefined ? own[first] : results?.claims[first]?.numbers[second];
    if (n === undefined) throw new Error(`template refers to ${whole}, which no measured claim has`);
    return formatNumber(n, form ?? '');
  });
}
