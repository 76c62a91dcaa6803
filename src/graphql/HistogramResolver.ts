import { Args, Ctx, FieldResolver, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import { chartqlErrors } from './errors.js';
import { computeHistogramOutcome, histogramStatistics } from '../histogramService.js';
import { dataUrlOf, imageOf, type GraphQLContext } from './rendering.js';
import { Histogram, HistogramQueryArgs, Image } from './types.js';

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
    return Object.assign(new Histogram(), histogramStatistics(outcome.result, outcome.series), {
      outcome,
    });
  }

  @FieldResolver(() => String, { description: 'The image as a data URL: data:image/png;base64,…' })
  dataUrl(@Root() histogram: Histogram, @Ctx() context: GraphQLContext): Promise<string> {
    return dataUrlOf(histogram, context);
  }

  @FieldResolver(() => Image)
  image(@Root() histogram: Histogram, @Ctx() context: GraphQLContext): Promise<Image> {
    return imageOf(histogram, context);
  }
}
