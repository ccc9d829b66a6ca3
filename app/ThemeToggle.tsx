import { useStore } from './store/store.ts';
import { chooseTheme } from './theme.ts';

/** A switch between the light and dark themes; it starts from the system's choice. */
export function ThemeToggle() {
  const theme = useStore((s) => s.theme);
  return (
    <button
      type="button"
      className="theme-toggle"
      aria-label="Dark theme"
      title="Dark theme"
      aria-pressed={theme === 'dark'}
      onClick={() => chooseTheme(theme === 'dark' ? 'light' : 'dark')}
    >
      <span aria-hidden="true">{theme === 'dark' ? '☾' : '☀'}</span>
    </button>
  );
}
