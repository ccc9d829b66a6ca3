import { createContext, useContext } from 'react';
import type { SweepClient } from './SweepClient.ts';

/** The page's one learning-rate sweep client, provided by main.tsx. */
export const SweepContext = createContext<SweepClient | null>(null);

/** The sweep client; throws outside the provider. */
export function useSweep(): SweepClient {
  const client = useContext(SweepContext);
  if (client === null) throw new Error('useSweep outside SweepContext');
  return client;
}
