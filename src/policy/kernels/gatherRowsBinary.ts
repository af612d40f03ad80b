/** gatherRows.wat assembled by `npm run build:kernels` (143 bytes); edit the source, not this file. */
export const GATHER_ROWS_WASM =
  'AGFzbQEAAAABCwFgBn9/f39/fwF/Ag8BA2VudgZtZW1vcnkCAAEDAgEABw4BCmdhdGhlclJvd3MAAApTAVEBA38gAkECdCEIAkAD' +
  'QCAGIARPDQEgAyAGQQJ0aigCACEHIAcgAU8EQCAGDwsgBSAGIAhsaiAAIAcgCGxqIAj8CgAAIAZBAWohBgwACwsgBAs=';
