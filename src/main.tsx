import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient } from '@tanstack/react-query';
import { App } from './app/app';
import type { AppEnvironment } from './app/environment';

async function bootstrap(): Promise<void> {
  const demo = import.meta.env.VITE_DEMO === 'true';
  const environment: AppEnvironment = {
    demo,
    cloudName: 'Azure public cloud',
    accountLabel: demo ? 'Demo tenant' : 'Not signed in',
  };
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');
  createRoot(container).render(
    <StrictMode>
      <App environment={environment} queryClient={new QueryClient()} />
    </StrictMode>,
  );
}

void bootstrap();
