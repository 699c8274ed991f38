import { webLightTheme, type Theme } from '@fluentui/react-components';
import { createContext, useContext } from 'react';

export type ThemeName = 'light' | 'dark';

export interface ThemeContextValue {
  theme: ThemeName;
  setTheme: (theme: ThemeName) => void;
}

export const ThemeContext = createContext<ThemeContextValue | null>(null);

export function useThemePreference(): ThemeContextValue {
  const value = useContext(ThemeContext);
  if (!value) throw new Error('useThemePreference must be used inside <AppThemeProvider>');
  return value;
}

export const THEME_STORAGE_KEY = 'crr-portal:theme';

/** The stored choice wins; otherwise follow the operating system, as the Azure portal does. */
export function initialTheme(): ThemeName {
  try {
    const stored = localStorage.getItem(THEME_STORAGE_KEY);
    if (stored === 'light' || stored === 'dark') return stored;
  } catch {
    // Storage can be blocked (privacy mode); the default below is fine then.
  }
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches
    ? 'dark'
    : 'light';
}

const loaded: Partial<Record<ThemeName, Theme>> = { light: webLightTheme };

/** The theme's tokens when they are loaded (the light theme always is). */
export function loadedTheme(name: ThemeName): Theme | undefined {
  return loaded[name];
}

/** Loads a theme's tokens (the dark theme is a chunk of its own). */
export async function loadTheme(name: ThemeName): Promise<Theme> {
  const ready = loaded[name];
  if (ready) return ready;
  const { webDarkTheme } = await import('./dark-theme');
  loaded.dark = webDarkTheme;
  return webDarkTheme;
}
