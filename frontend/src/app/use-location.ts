/** The browser location as React state, and navigation with the History API (no router library needed for six tabs). */
import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();
window.addEventListener('popstate', () => {
  for (const l of listeners) l();
});

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const current = () => window.location.pathname + window.location.search;

/** `pathname + search`, re-rendering on navigation. */
export function useLocation(): URL {
  const href = useSyncExternalStore(subscribe, current);
  return new URL(href, window.location.origin);
}

/** Goes to `href` (same origin); `replace` for filter changes, so Back leaves the tab instead of undoing each keystroke. */
export function navigate(href: string, replace = false): void {
  if (href === current()) return;
  if (replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  for (const l of listeners) l();
}

/** Sets or clears query parameters of the current URL (empty values are removed). */
export function setQuery(change: Record<string, string | undefined>): void {
  const url = new URL(window.location.href);
  for (const [key, value] of Object.entries(change)) {
    if (value === undefined || value === '') url.searchParams.delete(key);
    else url.searchParams.set(key, value);
  }
  navigate(url.pathname + url.search, true);
}
