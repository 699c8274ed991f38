import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { bootstrap } from './app/bootstrap';
import { StartupProblemsPage } from './app/errors/startup-problems-page';
import { preloadCurrentPage } from './app/router';
import { AppThemeProvider } from './app/theme/app-theme-provider';
import { initialTheme, loadTheme } from './app/theme/theme-context';

/** Performance mark set when the shell's first render has committed. */
const SHELL_RENDERED = 'crr:shell-rendered';

async function start(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');
  // The stored theme's tokens are in before the first render: no flash of the other theme.
  const [booted] = await Promise.all([bootstrap(), loadTheme(initialTheme())]);
  const root = createRoot(container);
  if (booted.kind === 'invalidConfig') {
    root.render(
      <StrictMode>
        <AppThemeProvider>
          <StartupProblemsPage problems={booted.problems} />
        </AppThemeProvider>
      </StrictMode>,
    );
    return;
  }
  // Rendered synchronously, so the mark below follows the shell's first commit.
  flushSync(() =>
    root.render(
      <StrictMode>
        <App environment={booted.environment} data={booted.data} session={booted.session} />
      </StrictMode>,
    ),
  );
  // The first paint needs the shell only, which is now rendered (the benchmark reads this mark).
  // Fetch what the first data row needs in parallel with the paint: the data layer, MSAL (real
  // mode) and the code of the page the URL names.
  performance.mark(SHELL_RENDERED);
  booted.startLoading();
  void preloadCurrentPage()?.catch(() => undefined);
}

start().catch((error: unknown) => {
  // The app could not even start (e.g. the demo worker failed to register): say so on the page.
  const root = document.getElementById('root');
  if (root) {
    root.textContent = `CRR Portal could not start: ${error instanceof Error ? error.message : String(error)}`;
  }
  console.error(error);
});
