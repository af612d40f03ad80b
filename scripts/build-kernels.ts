// Assembles the hand-written WebAssembly kernels (src/policy/kernels/*.wat) into the TypeScript modules that
// ship their binaries (…Binary.ts, base64), so the page, the worker, the CLI and the tests load them
// without a build step of their own. `npm run build:kernels` after editing a .wat; a unit test fails
// while a shipped binary differs from its source.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assembleWat, binaryModule } from '../src/policy/kernels/assemble';
import { KERNEL_SOURCES } from '../src/policy/kernels/sources';

const dir = 'src/policy/kernels';
const listed = new Set<string>(KERNEL_SOURCES.map((k) => k.source));
for (const file of readdirSync(dir).filter((f) => f.endsWith('.wat'))) {
  if (!listed.has(file)) throw new Error(`${file} is not listed in ${dir}/sources.ts`);
}
for (const { source, binaryFile, exportName } of KERNEL_SOURCES) {
  const binary = await assembleWat(source, readFileSync(join(dir, source), 'utf8'));
  writeFileSync(join(dir, binaryFile), binaryModule(source, exportName, binary));
  console.log(`${source} → ${binaryFile} (${binary.length} bytes)`);
}
