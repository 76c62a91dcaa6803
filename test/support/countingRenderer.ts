import { CanvasRenderer } from '../../src/render/CanvasRenderer.js';
import type { ChartRenderer, ChartSpec, RenderedImage } from '../../src/render/chartSpec.js';

/** A real renderer that counts its renders, to prove when the service renders and when not. */
export class CountingRenderer implements ChartRenderer {
  renders = 0;
  private readonly inner = new CanvasRenderer();

  render(spec: ChartSpec): Promise<RenderedImage> {
    this.renders += 1;
    return this.inner.render(spec);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
