/** Light and dark themes: the system's choice until the person picks one, which is remembered. */
export type Theme = 'light' | 'dark';
const KEY = 'wattwatch.theme';

export function initialTheme(): Theme {
  try {
    const saved = localStorage.getItem(KEY);
    if (saved === 'light' || saved === 'dark') return saved;
  } catch {
    // storage disabled: follow the system
  }
  return window.matchMedia?.('(prefers-color-scheme: light)').matches ? 'light' : 'dark';
}

export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  try {
    localStorage.setItem(KEY, theme);
  } catch {
    // not remembered, still applied
  }
  for (const l of listeners) l(theme);
}

const listeners = new Set<(theme: Theme) => void>();

/** For charts, which draw with colours read from CSS once per theme change. */
export function onThemeChange(listener: (theme: Theme) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A CSS custom property of the current theme, e.g. `cssVar('--text')`. */
export function cssVar(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}
