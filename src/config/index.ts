/** The config layer's surface for app/: the Config type and defaults, its schema, URL codec and diffing. */
export { DATASETS, DEFAULT_CONFIG, type Config, type DatasetName } from './config.ts';
/** Validation: every field against the schema, a bad value becoming its default and a notice. */
export { VARIANTS_MAX, VARIANTS_MIN, configSchema, parseConfig } from './schema.ts';
/** The URL query string, the config's serialized form, and the link's other parameters. */
export { configToQuery, partialFromQuery } from './url.ts';
export { quoteText, readLinkParams, repeatsKeys } from './query.ts';
/** Which changed fields a running trainer can take live and which need a reset. */
export { LIVE_FIELDS, adoptWorkerConfig, changedFields, needsReset } from './diff.ts';
