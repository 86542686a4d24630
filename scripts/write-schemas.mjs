// Writes schemas/KIND.schema.json from the zod schemas (run by `npm run schemas` after tsc has built dist/).
// A test fails when a committed file differs from what the schemas generate now.
import { writeFileSync } from 'node:fs';
import { FILE_KINDS, fileSchemaText } from '../dist/src/contract/file-schemas.js';

for (const kind of FILE_KINDS) {
  const file = new URL(`../schemas/${kind}.schema.json`, import.meta.url);
  writeFileSync(file, fileSchemaText(kind));
  console.log(`wrote schemas/${kind}.schema.json`);
}
