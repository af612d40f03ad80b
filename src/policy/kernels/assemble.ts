/**
 * Turns a kernel's WebAssembly text (`.wat`) into the TypeScript module that ships its binary, with wabt
 * (a development dependency: the app ships the binary, never the assembler). Used by
 * `npm run build:kernels` and by the test that checks each shipped binary is its source's.
 */
import wabtInit from 'wabt';

/** The binary of a WebAssembly text module with SIMD and bulk memory operations. Throws wabt's message on a syntax or validation error. */
export async function assembleWat(fileName: string, text: string): Promise<Uint8Array> {
  const wabt = await wabtInit();
  const module = wabt.parseWat(fileName, text, { simd: true, bulk_memory: true });
  try {
    module.validate();
    return new Uint8Array(module.toBinary({}).buffer);
  } finally {
    module.destroy();
  }
}

/** The TypeScript module that carries `binary` as base64, exported as `exportName`. */
export function binaryModule(sourceFile: string, exportName: string, binary: Uint8Array): string {
  const base64 = Buffer.from(binary).toString('base64');
  const lines = base64.match(/.{1,100}/g) ?? [''];
  return [
    `/** ${sourceFile} assembled by \`npm run build:kernels\` (${binary.length} bytes); edit the source, not this file. */`,
    `export const ${exportName} =`,
    ...lines.map((line, i) => `  '${line}'${i === lines.length - 1 ? ';' : ' +'}`),
    '',
  ].join('\n');
}
