import { ChartqlError } from '../errors.js';
import type { ChartRenderer, ChartSpec, RenderedImage } from './chartSpec.js';

/** Told of every render: the chart kind, `ok` or the error code, and the seconds it took. */
export type RenderObserver = (kind: string, outcome: string, seconds: number) => void;

/** Passes renders through to another renderer and reports each one's outcome and time. */
export class MeteredRenderer implements ChartRenderer {
  constructor(
    private readonly inner: ChartRenderer,
    private readonly observe: RenderObserver,
  ) {}

  async render(spec: ChartSpec): Promise<RenderedImage> {
    const start = performance.now();
    try {
      const image = await this.inner.render(spec);
      this.observe(spec.kind, 'ok', (performance.now() - start) / 1000);
      return image;
    } catch (error) {
      const outcome = error instanceof ChartqlError ? error.code : 'INTERNAL_SERVER_ERROR';
      this.observe(spec.kind, outcome, (performance.now() - start) / 1000);
      throw error;
    }
  }

  saturated(): boolean {
    return this.inner.saturated?.() ?? false;
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
