import { FluentProvider, makeStaticStyles, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { useMemo, useState, type ReactNode } from 'react';
import { initialTheme, THEME_STORAGE_KEY, ThemeContext, type ThemeName } from './theme-context';

// Through Griffel (CSSOM), not a style attribute in index.html: the production CSP forbids those.
const useGlobalStyles = makeStaticStyles({ body: { margin: 0 } });

export function AppThemeProvider({ children }: { children: ReactNode }) {
  useGlobalStyles();
  const [theme, setThemeState] = useState<ThemeName>(initialTheme);
  const value = useMemo(
    () => ({
      theme,
      setTheme: (next: ThemeName) => {
        setThemeState(next);
        try {
          localStorage.setItem(THEME_STORAGE_KEY, next);
        } catch {
          // Not persisting is acceptable; the toggle still works for this visit.
        }
      },
    }),
    [theme],
  );
  return (
    <ThemeContext.Provider value={value}>
      <FluentProvider
        theme={theme === 'dark' ? webDarkTheme : webLightTheme}
        data-theme={theme}
        style={{ minHeight: '100vh' }}
      >
        {children}
      </FluentProvider>
    </ThemeContext.Provider>
  );
}
