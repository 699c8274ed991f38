import { defineConfig, loadEnv, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath, URL } from 'node:url';
import { parseAzureConfig } from './src/azure/azure-config.ts';
import { contentSecurityPolicy } from './scripts/csp.mjs';

// Demo mode (`--mode demo`) serves the msw worker from public-demo/; the production build uses
// public/, so mockServiceWorker.js never ships to real users. Only real-mode builds have the
// sign-in redirect page and MSAL; only they carry the Content-Security-Policy (the dev server
// needs inline scripts for hot reload, so the policy is a build-time addition).
export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), 'VITE_');
  const demo = env.VITE_DEMO === 'true';
  return {
    plugins: [react(), ...(demo ? [] : [contentSecurityPolicyMeta(env)])],
    resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
    publicDir: demo ? 'public-demo' : 'public',
    server: { port: 5173, strictPort: true },
    preview: { port: 4173, strictPort: true },
    build: {
      sourcemap: true,
      chunkSizeWarningLimit: 900,
      ...(demo
        ? {}
        : {
            rollupOptions: {
              input: {
                index: fileURLToPath(new URL('./index.html', import.meta.url)),
                redirect: fileURLToPath(new URL('./redirect.html', import.meta.url)),
              },
            },
          }),
    },
  };
});

/** Puts the policy for the configured cloud first in the <head> of every page of the build. */
function contentSecurityPolicyMeta(env: Record<string, string>): Plugin {
  const parsed = parseAzureConfig(env);
  const cloud = parsed.mode === 'azure' ? parsed.config.cloud : undefined;
  const policy = contentSecurityPolicy({
    armOrigin: cloud?.armEndpoint,
    authorityOrigin: cloud?.authorityHost,
  });
  return {
    name: 'crr-content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: policy },
        injectTo: 'head-prepend',
      },
    ],
  };
}
