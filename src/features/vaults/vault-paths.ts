// Vault URLs are built in src/lib so other pages can link to a vault without importing this feature.
export { vaultIdFromParams, vaultPath } from '@/lib/resource-paths';
