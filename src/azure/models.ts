/** Every ARM model type in one import (types only). */
export type * from './common/types';
export type * from './backup-vaults/types';
export type * from './backup-instances/types';
export type * from './recovery-points/types';
export type * from './jobs/types';
export type * from './operations/types';
export type * from './subscriptions/types';
