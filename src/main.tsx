import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { bootstrap } from './app/bootstrap';
import { StartupProblemsPage } from './app/errors/startup-problems-page';
import { AppThemeProvider } from './app/theme/app-theme-provider';

async function start(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');
  const booted = await bootstrap();
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
  root.render(
    <StrictMode>
      <App
        environment={booted.environment}
        arm={booted.arm}
        queryClient={booted.queryClient}
        session={booted.session}
      />
    </StrictMode>,
  );
}

start().catch((error: unknown) => {
  // The app could not even start (e.g. the demo worker failed to register): say so on the page.
  const root = document.getElementById('root');
  if (root) {
    root.textContent = `CRR Portal could not start: ${error instanceof Error ? error.message : String(error)}`;
  }
  console.error(error);
});
