/** Each hand-written WebAssembly kernel: its text source, the module that ships its binary, and that module's export. */
export const KERNEL_SOURCES = [
  { source: 'batchMatMul.wat', binaryFile: 'batchMatMulBinary.ts', exportName: 'BATCH_MATMUL_WASM' },
  { source: 'gatherRows.wat', binaryFile: 'gatherRowsBinary.ts', exportName: 'GATHER_ROWS_WASM' },
] as const;
