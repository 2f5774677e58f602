/**
 * The image pipeline in a dedicated worker (take-photo.ts starts it): decoding and encoding a
 * 12-megapixel picture takes long enough to freeze the page, and OffscreenCanvas lets the
 * worker do it off the main thread. Answers one message with the processed photo, a
 * NotAnImage refusal, or `unsupported` when this engine has no OffscreenCanvas in workers
 * (the page then runs the pipeline itself).
 */
import { NotAnImageError, processPhoto } from './image-pipeline.js';
import type { PipelineReply } from './pipeline-messages.js';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<Blob>) => void) | null;
  postMessage(message: PipelineReply): void;
};

scope.onmessage = (event) => {
  void answer(event.data).then((reply) => scope.postMessage(reply));
};

async function answer(file: Blob): Promise<PipelineReply> {
  if (typeof OffscreenCanvas !== 'function' || typeof createImageBitmap !== 'function') {
    return { kind: 'unsupported' };
  }
  try {
    return { kind: 'done', photo: await processPhoto(file) };
  } catch (error) {
    if (error instanceof NotAnImageError) return { kind: 'not-an-image', message: error.message };
    return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}
