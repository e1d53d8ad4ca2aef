import type { ContractStatus } from '../policy/types.js';

/** The account statuses `--contract` takes. */
export const CONTRACT_STATUSES: readonly ContractStatus[] = ['active', 'trial', 'lapsed', 'none'];
