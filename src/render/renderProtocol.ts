import type { ChartSpec, ImageMimeType } from './chartSpec.js';

/** Parent → child: draw this chart. */
export interface RenderRequest {
  readonly id: number;
  readonly spec: ChartSpec;
}

/** Child → parent: the child has loaded and can render. */
export interface ReadyMessage {
  readonly type: 'ready';
}

/** Child → parent: the answer to one request. */
export type RenderReply =
  | {
      readonly type: 'rendered';
      readonly id: number;
      readonly bytes: Uint8Array;
      readonly mimeType: ImageMimeType;
      readonly width: number;
      readonly height: number;
    }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };

export type ChildMessage = ReadyMessage | RenderReply;
