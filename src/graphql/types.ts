import { ArgsType, Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BIN_RULES, type BinRule } from '../core/binning.js';
import {
  DEFAULT_IMAGE_SIZE,
  type ImageFormat,
  type SeriesLayout,
  type Theme,
} from '../core/histogramSpec.js';
import type { HistogramOutcome } from '../histogramService.js';
import type { RenderedImage } from '../render/chartSpec.js';

/** The bin rules as a GraphQL enum; the values are the rule names themselves. */
export const BinRuleEnum = Object.fromEntries(BIN_RULES.map((rule) => [rule, rule])) as {
  [R in BinRule]: R;
};

registerEnumType(BinRuleEnum, {
  name: 'BinRule',
  description:
    'How bin edges are chosen from the data; AUTO…SQRT are numpy.histogram_bin_edges rules.',
  valuesConfig: {
    AUTO: { description: "numpy's 'auto': min(max(FD, SQRT / 2), STURGES) bin width." },
    FD: { description: 'Freedman–Diaconis: width 2·IQR·n^(-1/3).' },
    DOANE: { description: "Doane's rule, Sturges corrected for skewness." },
    SCOTT: { description: "Scott's rule: width (24·√π / n)^(1/3)·σ." },
    STONE: { description: 'Stone: minimises an estimate of the integrated squared error.' },
    RICE: { description: 'Rice: 2·n^(1/3) bins.' },
    STURGES: { description: 'Sturges: log2(n) + 1 bins.' },
    SQRT: { description: 'Square root: √n bins.' },
    INTEGER: { description: 'One unit-wide bin per integer, centred on it; integer data only.' },
  },
});

@InputType({ description: 'Exactly one field must be set.' })
export class BinsInput {
  @Field(() => Int, { nullable: true, description: 'Number of equal-width bins (1–1000).' })
  count?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Bin width; edges are the multiples of the width that cover the data.',
  })
  width?: number | null;

  @Field(() => [Float], { nullable: true, description: 'Explicit edges, strictly increasing.' })
  edges?: number[] | null;

  @Field(() => BinRuleEnum, { nullable: true, description: 'A rule that picks the bins.' })
  rule?: BinRule | null;
}

@InputType({ description: 'Only values from min to max (inclusive) are counted.' })
export class RangeInput {
  @Field(() => Float)
  min!: number;

  @Field(() => Float)
  max!: number;
}

/** Image formats as a GraphQL enum (PNG, SVG); values map to the service's lower-case names. */
export const ImageFormatEnum = { PNG: 'png', SVG: 'svg' } as const satisfies Record<
  string,
  ImageFormat
>;

registerEnumType(ImageFormatEnum, {
  name: 'ImageFormat',
  valuesConfig: {
    PNG: { description: 'image/png' },
    SVG: { description: 'image/svg+xml, with the alt text in <desc>' },
  },
});

/** Themes as a GraphQL enum; values map to the service's lower-case names. */
export const ThemeEnum = { LIGHT: 'light', DARK: 'dark' } as const satisfies Record<string, Theme>;

registerEnumType(ThemeEnum, { name: 'Theme' });

@InputType({ description: 'The rendered image: size in pixels (100–4000) and format.' })
export class ImageInput {
  @Field(() => Int, { defaultValue: DEFAULT_IMAGE_SIZE.width })
  width!: number;

  @Field(() => Int, { defaultValue: DEFAULT_IMAGE_SIZE.height })
  height!: number;

  @Field(() => ImageFormatEnum, { defaultValue: ImageFormatEnum.PNG })
  format!: ImageFormat;

  @Field(() => Float, {
    nullable: true,
    description:
      'Pixels per CSS pixel, 1–3 (default 1); width and height times it must be at most 4000.',
  })
  devicePixelRatio?: number | null;

  @Field(() => ThemeEnum, { nullable: true, description: 'LIGHT (default) or DARK.' })
  theme?: Theme | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Series colours in order, as #rrggbb or #rgb; at most 16.',
  })
  palette?: string[] | null;
}

/** Series layouts as a GraphQL enum; values map to the service's names. */
export const SeriesLayoutEnum = {
  OVERLAY: 'overlay',
  STACKED: 'stacked',
  SIDE_BY_SIDE: 'sideBySide',
} as const satisfies Record<string, SeriesLayout>;

registerEnumType(SeriesLayoutEnum, {
  name: 'SeriesLayout',
  description: 'How several series share the bins.',
});

@InputType({ description: 'One labelled set of values.' })
export class SeriesInput {
  @Field(() => String)
  label!: string;

  @Field(() => [Float])
  data!: number[];
}

@ArgsType()
export class HistogramQueryArgs {
  @Field(() => [Float], {
    nullable: true,
    description: 'The values to bin: at most 100,000 finite numbers. Give data or series.',
  })
  data?: number[] | null;

  @Field(() => [SeriesInput], {
    nullable: true,
    description:
      'Several labelled series binned on one set of edges computed over all their values (as matplotlib does). Give data or series.',
  })
  series?: SeriesInput[] | null;

  @Field(() => SeriesLayoutEnum, { nullable: true, description: 'OVERLAY by default.' })
  layout?: SeriesLayout | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Show a legend; on by default for several series.',
  })
  legend?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Chart title, at most 200 characters.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'x-axis label, at most 200 characters.' })
  xlabel?: string | null;

  @Field(() => String, { nullable: true, description: 'y-axis label, at most 200 characters.' })
  ylabel?: string | null;

  @Field(() => BinsInput, {
    nullable: true,
    description: 'How to bin; by default INTEGER or AUTO.',
  })
  bins?: BinsInput | null;

  @Field(() => RangeInput, { nullable: true })
  range?: RangeInput | null;

  @Field(() => ImageInput, { nullable: true })
  image?: ImageInput | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Bars show numpy's density (count / (total · width)) instead of counts.",
  })
  density?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Bars show running totals.' })
  cumulative?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'A logarithmic y axis.' })
  logY?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'A vertical line at the mean.' })
  meanLine?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'A vertical line at the median.' })
  medianLine?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "A normal curve with the data's mean and standard deviation over the bars.",
  })
  normalCurve?: boolean | null;
}

@ObjectType({ description: 'A rendered chart.' })
export class Image {
  @Field(() => String, { description: 'The image as a data URL: data:image/png;base64,…' })
  dataUrl!: string;

  @Field(() => String)
  mimeType!: string;

  @Field(() => Int)
  width!: number;

  @Field(() => Int)
  height!: number;

  @Field(() => Int, { description: 'Size of the encoded image in bytes.' })
  byteLength!: number;

  @Field(() => String, { description: 'A description of the chart for screen readers.' })
  altText!: string;
}

@ObjectType()
export class Bin {
  @Field(() => Float, { description: 'Lower edge, included.' })
  lower!: number;

  @Field(() => Float, { description: 'Upper edge, excluded except for the last bin.' })
  upper!: number;

  @Field(() => Int)
  count!: number;

  @Field(() => Float, { description: "count / (total · width), as numpy's density=True." })
  density!: number;

  @Field(() => Int, { description: 'Values in this bin and all bins before it.' })
  cumulativeCount!: number;
}

@ObjectType({ description: "One bin rule's verdict on the data." })
export class RuleCandidate {
  @Field(() => BinRuleEnum)
  rule!: BinRule;

  @Field(() => Float, {
    nullable: true,
    description:
      "The width the rule's estimator gives (numpy's _hist_bin_<rule>); null when not computable.",
  })
  binWidth!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The bins the rule makes; null when not computable.',
  })
  binCount!: number | null;

  @Field(() => Boolean, { description: 'False when asking for this rule would be refused.' })
  usable!: boolean;

  @Field(() => String, { nullable: true, description: 'Why not usable, or why not evaluated.' })
  reason!: string | null;
}

@ObjectType({
  description:
    "Every rule's bins for the same data, and what AUTO chose (numpy's choice, made visible).",
})
export class BinningDiagnostics {
  @Field(() => [RuleCandidate])
  candidates!: RuleCandidate[];

  @Field(() => BinRuleEnum, {
    nullable: true,
    description: "The estimate AUTO's width came from: FD, SQRT (its floor) or STURGES.",
  })
  autoChoice!: BinRule | null;

  @Field(() => BinRuleEnum, {
    nullable: true,
    description: 'The rule used; null for count, width or edges.',
  })
  chosen!: BinRule | null;
}

@ObjectType({ description: 'How many values were given, counted and left out.' })
export class DataQuality {
  @Field(() => Int)
  given!: number;

  @Field(() => Int)
  used!: number;

  @Field(() => Int, { description: 'Outside the range or outside explicit edges.' })
  excluded!: number;
}

@ObjectType({ description: 'How the bins were chosen.' })
export class Binning {
  @Field(() => BinRuleEnum, {
    nullable: true,
    description: 'The rule used; null when a count, width or edges were given.',
  })
  rule!: BinRule | null;

  @Field(() => Int)
  binCount!: number;

  @Field(() => Float, { nullable: true, description: 'Width of every bin; null when uneven.' })
  binWidth!: number | null;

  @Field(() => BinningDiagnostics)
  diagnostics!: BinningDiagnostics;
}

@ObjectType({
  description:
    'Statistics of the counted values, as numpy and scipy compute them: linear percentiles, sample variance (ddof = 1), biased skewness and excess kurtosis.',
})
export class Statistics {
  @Field(() => Int)
  count!: number;

  @Field(() => Float)
  sum!: number;

  @Field(() => Float)
  min!: number;

  @Field(() => Float)
  max!: number;

  @Field(() => Float)
  mean!: number;

  @Field(() => Float)
  median!: number;

  @Field(() => Float)
  q1!: number;

  @Field(() => Float)
  q3!: number;

  @Field(() => Float)
  iqr!: number;

  @Field(() => Float, { description: 'Sample variance (ddof = 1); 0 for a single value.' })
  variance!: number;

  @Field(() => Float)
  stddev!: number;

  @Field(() => Float, { nullable: true, description: 'Null when n < 2 or the variance is 0.' })
  skewness!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Excess kurtosis; null when n < 2 or the variance is 0.',
  })
  kurtosis!: number | null;
}

@ObjectType({ description: 'One series of a histogram, counted in the shared bins.' })
export class HistogramSeries {
  @Field(() => String)
  label!: string;

  @Field(() => [Int])
  counts!: number[];

  @Field(() => Statistics)
  stats!: Statistics;
}

@ObjectType({ description: 'A histogram: its bins, statistics and, when asked for, its image.' })
export class Histogram {
  @Field(() => [Float])
  edges!: number[];

  @Field(() => [Int])
  counts!: number[];

  @Field(() => [Bin])
  bins!: Bin[];

  @Field(() => Binning)
  binning!: Binning;

  @Field(() => Statistics)
  stats!: Statistics;

  @Field(() => Int, { description: 'Values outside range, not counted.' })
  excluded!: number;

  @Field(() => DataQuality)
  dataQuality!: DataQuality;

  @Field(() => [HistogramSeries], {
    nullable: true,
    description: 'Each series counted in the shared bins; null when data was given.',
  })
  series?: HistogramSeries[] | null;

  /** The computed request; the image is rendered from it only if a client selects it. */
  outcome!: HistogramOutcome;

  /** The render in progress or done, shared by `dataUrl` and `image`. */
  rendered?: Promise<RenderedImage>;
}
