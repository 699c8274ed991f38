/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** "true" when built with `--mode demo`: the app talks to the simulated tenant. */
  readonly VITE_DEMO?: string;
  readonly VITE_AZURE_CLIENT_ID?: string;
  readonly VITE_AZURE_TENANT_ID?: string;
  readonly VITE_AZURE_CLOUD?: string;
}
interface ImportMeta {
  readonly env: ImportMetaEnv;
}
