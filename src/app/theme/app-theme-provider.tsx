import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { useMemo, useState, type ReactNode } from 'react';
import { initialTheme, THEME_STORAGE_KEY, ThemeContext, type ThemeName } from './theme-context';

export function AppThemeProvider({ children }: { children: ReactNode }) {
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
