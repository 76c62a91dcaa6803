import { Args, Ctx, FieldResolver, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import { computeScatterOutcome } from '../scatterService.js';
import { Scatter, ScatterQueryArgs } from './chartTypes.js';
import { chartqlErrors } from './errors.js';
import { dataUrlOf, imageOf, type GraphQLContext } from './rendering.js';
import { Image } from './types.js';

@Resolver(() => Scatter)
@UseMiddleware(chartqlErrors)
export class ScatterResolver {
  @Query(() => Scatter, {
    description:
      'Correlation and a least-squares line for paired values; the image is rendered only when selected.',
  })
  scatter(@Args(() => ScatterQueryArgs) args: ScatterQueryArgs): Scatter {
    const outcome = computeScatterOutcome(args);
    return Object.assign(new Scatter(), { stats: outcome.stats, outcome });
  }

  @FieldResolver(() => String, { description: 'The image as a data URL.' })
  dataUrl(@Root() scatter: Scatter, @Ctx() context: GraphQLContext): Promise<string> {
    return dataUrlOf(scatter, context);
  }

  @FieldResolver(() => Image)
  image(@Root() scatter: Scatter, @Ctx() context: GraphQLContext): Promise<Image> {
    return imageOf(scatter, context);
  }
}
