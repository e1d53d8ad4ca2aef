import { freezeBuiltInPolicy } from '../policy/compile.js';
import type { PolicySpec } from '../policy/types.js';
import { cirrusIdentity } from './cirrusIdentity.js';
import { jumpcloud, jumpcloudLegacy } from './jumpcloud.js';
import { oneIdentity } from './oneIdentity.js';
import { sailpointIdentityNow } from './sailpointIdentityNow.js';

export { cirrusIdentity } from './cirrusIdentity.js';
export { JUMPCLOUD_LEGACY_VERSION, jumpcloud, jumpcloudLegacy } from './jumpcloud.js';
export { oneIdentity } from './oneIdentity.js';
export { sailpointIdentityNow } from './sailpointIdentityNow.js';

/**
 * The built-in vendor policies, read from their published support pages. Every
 * figure quotes its sentence (`Clause.text`); every reading the words do not force
 * is an `Interpretation` (see docs/policies.md).
 */
export const CATALOG: readonly PolicySpec[] = /* @__PURE__ */ [jumpcloud, jumpcloudLegacy, oneIdentity, cirrusIdentity, sailpointIdentityNow].map(freezeBuiltInPolicy);
