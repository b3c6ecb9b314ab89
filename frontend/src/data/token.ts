/**
 * The API token, when the server has API_TOKEN set: asked for once and kept for the browser session
 * only (sessionStorage), never in the URL bar or in localStorage.
 */
const KEY = 'wattwatch.token';
const listeners = new Set<() => void>();

export function getToken(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function setToken(token: string | null): void {
  try {
    if (token) sessionStorage.setItem(KEY, token);
    else sessionStorage.removeItem(KEY);
  } catch {
    // storage disabled: the token lasts until the page is closed through the prompt again
  }
  for (const l of listeners) l();
}

export function onTokenChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
