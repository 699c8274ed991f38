import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createQueryClient } from '@/azure/query-client';
import { App } from './app/app';
import { bootstrap } from './app/bootstrap';

async function start(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');
  const { arm, environment } = await bootstrap();
  createRoot(container).render(
    <StrictMode>
      <App environment={environment} arm={arm} queryClient={createQueryClient()} />
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
