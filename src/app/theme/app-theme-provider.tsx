import { FluentProvider, makeStaticStyles, webLightTheme } from '@fluentui/react-components';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  initialTheme,
  loadedTheme,
  loadTheme,
  THEME_STORAGE_KEY,
  ThemeContext,
  type ThemeName,
} from './theme-context';

// Through Griffel (CSSOM), not a style attribute in index.html: the production CSP forbids those.
const useGlobalStyles = makeStaticStyles({ body: { margin: 0 } });

export function AppThemeProvider({ children }: { children: ReactNode }) {
  useGlobalStyles();
  // main.tsx loads the stored theme before the first render; until a theme's tokens are in (a test,
  // or a switch in progress) the light theme shows.
  const [theme, setThemeState] = useState<ThemeName>(initialTheme);
  const [, setThemesLoaded] = useState(0);
  useEffect(() => {
    if (!loadedTheme(theme)) void loadTheme(theme).then(() => setThemesLoaded((n) => n + 1));
  }, [theme]);
  const value = useMemo(
    () => ({
      theme,
      setTheme: (next: ThemeName) => {
        try {
          localStorage.setItem(THEME_STORAGE_KEY, next);
        } catch {
          // Not persisting is acceptable; the toggle still works for this visit.
        }
        // The toggle shows the new state once its colours can show too.
        void loadTheme(next).then(() => setThemeState(next));
      },
    }),
    [theme],
  );
  return (
    <ThemeContext.Provider value={value}>
      <FluentProvider
        theme={loadedTheme(theme) ?? webLightTheme}
        data-theme={theme}
        style={{ minHeight: '100vh' }}
      >
        {children}
      </FluentProvider>
    </ThemeContext.Provider>
  );
}
