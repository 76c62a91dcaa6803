import type { ChartRenderer, ChartSpec, RenderedImage } from '../render/chartSpec.js';
import { ChartqlError } from '../errors.js';
import type { Logger } from '../log.js';
import { Image } from './types.js';

export interface GraphQLContext {
  readonly renderer: ChartRenderer;
  /** The request's logger: its lines carry the request id. */
  readonly log: Logger;
  /** Records an error code sent to the client, for the rejected-requests metric. */
  readonly reject: (code: string) => void;
  /** Charts this operation has rendered so far, and how many it may. */
  renders: number;
  readonly maxRenders: number;
}

/** A query result that can be drawn: rendered at most once, and only if a client selects it. */
export interface RenderableRoot {
  readonly outcome: { readonly chart: ChartSpec; readonly altText: string };
  rendered?: Promise<RenderedImage>;
}

/** The render of a result, started on first use and shared by `dataUrl` and `image`. */
export function renderRoot(root: RenderableRoot, context: GraphQLContext): Promise<RenderedImage> {
  if (root.rendered === undefined) {
    if (context.renders >= context.maxRenders) {
      throw new ChartqlError(
        'RENDER_LIMIT',
        `one operation may render at most ${context.maxRenders} charts; ask for the others in separate requests`,
      );
    }
    context.renders += 1;
    root.rendered = context.renderer.render(root.outcome.chart);
  }
  return root.rendered;
}

export function toDataUrl(image: RenderedImage): string {
  return `data:${image.mimeType};base64,${image.bytes.toString('base64')}`;
}

export async function dataUrlOf(root: RenderableRoot, context: GraphQLContext): Promise<string> {
  return toDataUrl(await renderRoot(root, context));
}

export async function imageOf(root: RenderableRoot, context: GraphQLContext): Promise<Image> {
  const rendered = await renderRoot(root, context);
  return Object.assign(new Image(), {
    dataUrl: toDataUrl(rendered),
    mimeType: rendered.mimeType,
    width: rendered.width,
    height: rendered.height,
    byteLength: rendered.bytes.length,
    altText: root.outcome.altText,
  });
}
