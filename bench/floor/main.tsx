// The floor: the least a Backup vaults page can ship. React, the Fluent components the app's first
// data page puts on screen, and MSAL (a PublicClientApplication is created, so none of it is
// tree-shaken), rendering a static grid. No router, no data layer: what the app ships beyond this
// is what it must justify. Built by bench/sections/bundle.bench.ts with the app's Vite defaults.
import { PublicClientApplication } from '@azure/msal-browser';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { FloorPage } from './floor-page';

const msal = new PublicClientApplication({
  auth: {
    clientId: '00000000-0000-4000-8000-000000000000',
    authority: 'https://login.microsoftonline.com/organizations',
  },
});
// The app starts MSAL alongside its shell; the floor does too, and renders without waiting.
void msal.initialize();

const container = document.getElementById('root');
if (container)
  createRoot(container).render(
    <StrictMode>
      <FloorPage />
    </StrictMode>,
  );
