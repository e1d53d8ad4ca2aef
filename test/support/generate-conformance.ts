// `npm run conformance:generate`: writes conformance/*.json from the reference (test/support/conformance.ts).
import { writeFileSync } from 'node:fs';
import { buildVectorFiles } from './conformance.js';

const files = buildVectorFiles();
for (const [name, content] of Object.entries(files)) {
  writeFileSync(new URL(`../../conformance/${name}`, import.meta.url), `${JSON.stringify(content, null, 2)}\n`);
}
const count = Object.values(files).reduce((sum, file) => sum + (file as { vectors: unknown[] }).vectors.length, 0);
console.log(`wrote ${count} vectors in ${Object.keys(files).length} files to conformance/`);
