import type { ProcessedPhoto } from './image-pipeline.js';

/** The pipeline worker's one answer (pipeline-worker.ts). */
export type PipelineReply =
  | { kind: 'done'; photo: ProcessedPhoto }
  | { kind: 'not-an-image'; message: string }
  /** No OffscreenCanvas (or createImageBitmap) in this engine's workers: run it on the page. */
  | { kind: 'unsupported' }
  /** Anything else that went wrong in the worker; the page tries once more itself. */
  | { kind: 'failed'; message: string };
