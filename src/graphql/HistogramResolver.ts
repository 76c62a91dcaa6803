import { Args, Ctx, FieldResolver, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import { chartqlErrors } from './errors.js';
import { computeHistogramOutcome, histogramStatistics } from '../histogramService.js';
import type { ChartRenderer, RenderedImage } from '../render/chartSpec.js';
import { Histogram, HistogramQueryArgs, Image } from './types.js';

export interface GraphQLContext {
  readonly renderer: ChartRenderer;
}

// Only this resolver's own fields, not every scalar field below them, pay for the middleware.
@Resolver(() => Histogram)
@UseMiddleware(chartqlErrors)
export class HistogramResolver {
  @Query(() => Histogram, {
    description:
      'Bins the data as numpy.histogram does, with statistics; the image is rendered only when `dataUrl` or `image` is selected.',
  })
  histogram(@Args(() => HistogramQueryArgs) args: HistogramQueryArgs): Histogram {
    const outcome = computeHistogramOutcome(args);
    return Object.assign(new Histogram(), histogramStatistics(outcome.result), { outcome });
  }

  @FieldResolver(() => String, { description: 'The image as a data URL: data:image/png;base64,…' })
  async dataUrl(@Root() histogram: Histogram, @Ctx() context: GraphQLContext): Promise<string> {
    return toDataUrl(await render(histogram, context));
  }

  @FieldResolver(() => Image)
  async image(@Root() histogram: Histogram, @Ctx() context: GraphQLContext): Promise<Image> {
    const rendered = await render(histogram, context);
    return Object.assign(new Image(), {
      dataUrl: toDataUrl(rendered),
      mimeType: rendered.mimeType,
      width: rendered.width,
      height: rendered.height,
      byteLength: rendered.bytes.length,
      altText: histogram.outcome.altText,
    });
  }
}

function render(histogram: Histogram, context: GraphQLContext): Promise<RenderedImage> {
  histogram.rendered ??= context.renderer.render(histogram.outcome.chart);
  return histogram.rendered;
}

function toDataUrl(image: RenderedImage): string {
  return `data:${image.mimeType};base64,${image.bytes.toString('base64')}`;
}
