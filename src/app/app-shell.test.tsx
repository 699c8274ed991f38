import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderShellAt, renderWithProviders } from '@/testing/render';
import { AppErrorBoundary } from './errors/app-error-boundary';
import { AppThemeProvider } from './theme/app-theme-provider';
import { EnvironmentContext } from './environment';
import { THEME_STORAGE_KEY } from './theme/theme-context';

function Boom(): never {
  throw new Error('kaboom in render');
}

describe('app shell', () => {
  it('renders the navigation with the Backup center names', () => {
    renderShellAt('/', { wrapper: (c) => <AppThemeProvider>{c}</AppThemeProvider> });
    const nav = screen.getByRole('navigation', { name: 'Backup center' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Overview', 'Backup vaults', 'Backup instances', 'Backup jobs']);
  });

  it('shows not-found for an unknown URL', () => {
    renderShellAt('/definitely/not/here', {
      wrapper: (c) => <AppThemeProvider>{c}</AppThemeProvider>,
    });
    expect(screen.getByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByText('/definitely/not/here')).toBeInTheDocument();
  });

  it('persists the theme choice', async () => {
    localStorage.removeItem(THEME_STORAGE_KEY);
    renderShellAt('/', { wrapper: (c) => <AppThemeProvider>{c}</AppThemeProvider> });
    const toggle = screen.getByRole('button', { name: 'Dark theme' });
    await userEvent.click(toggle);
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');
    // The dark theme's tokens are a chunk of their own: the toggle flips once they are in.
    await waitFor(() => expect(toggle).toHaveAttribute('aria-pressed', 'true'));
  });

  it('shows the environment notice on every page', () => {
    renderShellAt('/', {
      wrapper: (c) => (
        <AppThemeProvider>
          <EnvironmentContext.Provider
            value={{ demo: false, cloudName: 'Azure', notice: 'Sign-in is not set up' }}
          >
            {c}
          </EnvironmentContext.Provider>
        </AppThemeProvider>
      ),
    });
    expect(screen.getByText('Sign-in is not set up')).toBeInTheDocument();
  });
});

describe('error boundary', () => {
  it('shows what went wrong and a way back instead of a white screen', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    renderWithProviders(
      <AppErrorBoundary>
        <Boom />
      </AppErrorBoundary>,
    );
    expect(screen.getByRole('heading', { name: 'Something went wrong' })).toBeInTheDocument();
    expect(screen.getByText('Error: kaboom in render')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to Overview' })).toHaveAttribute('href', '/');
  });

  it("around a page, Try again does what the page's boundary says (the routes reload the page)", async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const reload = vi.fn();
    renderWithProviders(
      <AppErrorBoundary onRetry={reload}>
        <Boom />
      </AppErrorBoundary>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(reload).toHaveBeenCalledTimes(1);
  });
});
