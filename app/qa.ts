/**
 * Testing flags read from the link, never shown in the UI (as PhET's `?ea` and `?fuzz`): `qa=throw:ID`
 * makes the panel with that id throw while rendering, to prove that one failing panel leaves the rest of
 * the page working. Several flags are comma-separated.
 */
const flags = new Set((new URLSearchParams(globalThis.location?.search ?? '').get('qa') ?? '').split(',').filter(Boolean));

/** Whether the link asks this panel to fail. */
export function qaThrows(panelId: string): boolean {
  return flags.has(`throw:${panelId}`);
}
