/** The sample step file shipped in public/ (written by the playground's CLI, not by a cluster run). */
export const SAMPLE_FILE = 'samples/alfworld-empg-steps.jsonl';
/** How the page labels the sample. */
export const SAMPLE_LABEL = 'The sample is a playground run (ALFWorld-lite, the shipped base checkpoint) exported by npm run cli -- export-steps, not a cluster run.';
