import type { Config } from './config.ts';

/** Fields that change without restarting the run: the trainer applies them to the run in place. */
export const LIVE_FIELDS: readonly (keyof Config)[] = ['lr', 'trackLayer', 'trackUnit'];

/** Which fields differ between two configs. */
export function changedFields(a: Config, b: Config): (keyof Config)[] {
  return (Object.keys(a) as (keyof Config)[]).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}

/** Whether going from a to b needs a new run (anything but the live fields changed). */
export function needsReset(a: Config, b: Config): boolean {
  return changedFields(a, b).some((k) => !LIVE_FIELDS.includes(k));
}

/**
 * The config to show when the trainer answers the latest request: the trainer's (it may have fallen back to
 * another data set or drawn a new seed), except the live fields, where the page's value stands. A live change
 * made while the trainer was busy building the run crosses its answer in flight; the trainer applies it on
 * arrival, so the page must not take the older value back.
 */
export function adoptWorkerConfig(page: Config, worker: Config): Config {
  const merged = { ...worker };
  for (const k of LIVE_FIELDS) Object.assign(merged, { [k]: page[k] });
  return merged;
}
