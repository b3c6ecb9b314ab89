/** React access to the live store: components re-render with its throttled snapshots only. */
import { useSyncExternalStore } from 'react';
import { liveStore } from './live.ts';
import type { LiveSnapshot } from './live-store.ts';

export function useLive(): LiveSnapshot {
  return useSyncExternalStore(liveStore.subscribe, liveStore.getSnapshot);
}
