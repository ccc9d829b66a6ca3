import { useStore } from './store/store.ts';
import { setTheme } from './store/uiActions.ts';
import { paletteCss, type Theme } from './viz/palette.ts';

/** Where the toggle's choice is kept between visits. */
export const THEME_KEY = 'shift-lab-theme';

/** The theme to show: the reader's stored choice if it is one, else the system's preference. */
export function preferredTheme(stored: string | null, systemDark: boolean): Theme {
  if (stored === 'light' || stored === 'dark') return stored;
  return systemDark ? 'dark' : 'light';
}

function storedChoice(): string | null {
  try {
    return localStorage.getItem(THEME_KEY);
  } catch {
    return null; // storage refused (private mode, a sandboxed frame): fall back to the system's choice
  }
}

/**
 * Picks the start theme (the link's, else the reader's stored choice, else the system's), defines the variant
 * colors, and keeps the page in step with the store and the system.
 */
export function startTheme(linkTheme: Theme | null = null): void {
  const style = document.createElement('style');
  style.textContent = paletteCss();
  document.head.append(style);
  const media = window.matchMedia('(prefers-color-scheme: dark)');
  const apply = (theme: Theme) => {
    document.documentElement.dataset.theme = theme;
  };
  const start = linkTheme ?? preferredTheme(storedChoice(), media.matches);
  apply(start);
  setTheme(start);
  useStore.subscribe((s, prev) => {
    if (s.theme !== prev.theme) apply(s.theme);
  });
  // Until the reader picks one, the page follows the system (a laptop switching to dark at dusk).
  media.addEventListener('change', (e) => {
    if (linkTheme === null && storedChoice() === null) setTheme(e.matches ? 'dark' : 'light');
  });
}

/** The toggle's action: switch theme and remember the choice. */
export function chooseTheme(theme: Theme): void {
  try {
    localStorage.setItem(THEME_KEY, theme);
  } catch {
    // not remembered, but still applied
  }
  setTheme(theme);
}
