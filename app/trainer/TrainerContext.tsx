import { createContext, useContext } from 'react';
import type { TrainerClient } from './TrainerClient.ts';

/** The page's one trainer client, provided by main.tsx. */
export const TrainerContext = createContext<TrainerClient | null>(null);

/** The trainer client; throws outside the provider. */
export function useTrainer(): TrainerClient {
  const client = useContext(TrainerContext);
  if (client === null) throw new Error('useTrainer outside TrainerContext');
  return client;
}
