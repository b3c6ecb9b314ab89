/**
 * A REST resource as React state, refreshed every `refreshMs` while the tab shows it. A failed
 * refresh keeps the last good data but reports the error, so a view can say "stale since…" instead
 * of showing numbers it does not have.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiFailure, apiFetch } from './api-client.ts';
import { onTokenChange } from './token.ts';

export interface ApiState<T> {
  readonly data: T | null;
  readonly error: ApiFailure | null;
  readonly loading: boolean;
  /** When `data` was received (ms since epoch). */
  readonly receivedAt: number | null;
  reload(): void;
}

export function useApi<T>(path: string | null, refreshMs = 0): ApiState<T> {
  const [state, setState] = useState<Omit<ApiState<T>, 'reload'>>({
    data: null,
    error: null,
    loading: path !== null,
    receivedAt: null,
  });
  const [nonce, setNonce] = useState(0);
  const reload = useCallback(() => setNonce((n) => n + 1), []);
  const lastPath = useRef(path);

  useEffect(() => onTokenChange(reload), [reload]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `nonce` is how reload() asks for a new load
  useEffect(() => {
    if (path === null) return;
    if (lastPath.current !== path) {
      lastPath.current = path;
      setState((s) => ({ ...s, data: null, loading: true }));
    }
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const load = async () => {
      try {
        const data = await apiFetch<T>(path, { signal: controller.signal });
        setState({ data, error: null, loading: false, receivedAt: Date.now() });
      } catch (error) {
        if (controller.signal.aborted) return;
        const failure = error instanceof ApiFailure ? error : new ApiFailure(String(error), 0, 'client');
        setState((s) => ({ ...s, error: failure, loading: false }));
      }
      if (refreshMs > 0 && !controller.signal.aborted) timer = setTimeout(load, refreshMs);
    };
    void load();
    return () => {
      controller.abort();
      if (timer) clearTimeout(timer);
    };
  }, [path, refreshMs, nonce]);

  return { ...state, reload };
}
