import { ArgsType, Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import type { PieOutcome } from '../pieService.js';
import type { RenderedImage } from '../render/chartSpec.js';
import type { ScatterOutcome } from '../scatterService.js';
import { ImageInput } from './types.js';

@InputType({ description: 'One labelled set of points.' })
export class ScatterSeriesInput {
  @Field(() => String)
  label!: string;

  @Field(() => [Float])
  x!: number[];

  @Field(() => [Float])
  y!: number[];
}

@ArgsType()
export class ScatterQueryArgs {
  @Field(() => [Float], {
    nullable: true,
    description: 'x coordinates; as many as y, at most 100,000. Give x and y, or series.',
  })
  x?: number[] | null;

  @Field(() => [Float], { nullable: true, description: 'y coordinates, paired with x.' })
  y?: number[] | null;

  @Field(() => [ScatterSeriesInput], {
    nullable: true,
    description:
      'Several labelled sets of points in their own colours; statistics cover all points.',
  })
  series?: ScatterSeriesInput[] | null;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  xlabel?: string | null;

  @Field(() => String, { nullable: true })
  ylabel?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Draw the least-squares line.' })
  trendline?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Show a legend; off by default.' })
  legend?: boolean | null;

  @Field(() => ImageInput, { nullable: true })
  image?: ImageInput | null;
}

@ObjectType({
  description:
    'As scipy.stats computes them: pearsonr, spearmanr (average ranks for ties), linregress. Null where undefined (fewer than two points, or a constant variable).',
})
export class ScatterStatistics {
  @Field(() => Int)
  n!: number;

  @Field(() => Float, { nullable: true })
  pearson!: number | null;

  @Field(() => Float, { nullable: true })
  spearman!: number | null;

  @Field(() => Float, { nullable: true })
  slope!: number | null;

  @Field(() => Float, { nullable: true })
  intercept!: number | null;

  @Field(() => Float, { nullable: true })
  rSquared!: number | null;
}

@ObjectType({ description: 'A scatter chart: its statistics and, when asked for, its image.' })
export class Scatter {
  @Field(() => ScatterStatistics)
  stats!: ScatterStatistics;

  outcome!: ScatterOutcome;
  rendered?: Promise<RenderedImage>;
}

@ArgsType()
export class PieQueryArgs {
  @Field(() => [String], { description: 'One label per slice, at most 200 characters each.' })
  labels!: string[];

  @Field(() => [Float], { description: 'Non-negative values, not all zero; at most 100.' })
  values!: number[];

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Show a legend; on by default.' })
  legend?: boolean | null;

  @Field(() => ImageInput, { nullable: true })
  image?: ImageInput | null;
}

@ObjectType()
export class PieSlice {
  @Field(() => String)
  label!: string;

  @Field(() => Float)
  value!: number;

  @Field(() => Float, { description: 'value / total.' })
  fraction!: number;
}

@ObjectType({ description: 'A pie chart: its slices and, when asked for, its image.' })
export class Pie {
  @Field(() => [PieSlice])
  slices!: PieSlice[];

  outcome!: PieOutcome;
  rendered?: Promise<RenderedImage>;
}
