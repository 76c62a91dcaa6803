import { Args, Ctx, FieldResolver, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import { computePieOutcome } from '../pieService.js';
import { Pie, PieQueryArgs } from './chartTypes.js';
import { chartqlErrors } from './errors.js';
import { dataUrlOf, imageOf, type GraphQLContext } from './rendering.js';
import { Image } from './types.js';

@Resolver(() => Pie)
@UseMiddleware(chartqlErrors)
export class PieResolver {
  @Query(() => Pie, {
    description: 'Slices with their fractions; the image is rendered only when selected.',
  })
  pie(@Args(() => PieQueryArgs) args: PieQueryArgs): Pie {
    const outcome = computePieOutcome(args);
    return Object.assign(new Pie(), { slices: outcome.slices, outcome });
  }

  @FieldResolver(() => String, { description: 'The image as a data URL.' })
  dataUrl(@Root() pie: Pie, @Ctx() context: GraphQLContext): Promise<string> {
    return dataUrlOf(pie, context);
  }

  @FieldResolver(() => Image)
  image(@Root() pie: Pie, @Ctx() context: GraphQLContext): Promise<Image> {
    return imageOf(pie, context);
  }
}
