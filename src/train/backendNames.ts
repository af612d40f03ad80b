/** The names of the TF.js backends, kept free of TF.js itself so the page can use them without loading it. */

/** The backends the playground can run on, fastest-when-available first. */
export const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
/** One TF.js backend the playground can run on. */
export type BackendName = (typeof BACKENDS)[number];
/** What the user asked for: a specific backend, or `auto`. */
export type BackendRequest = BackendName | 'auto';
