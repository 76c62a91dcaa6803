/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** How bin edges are chosen from the data; AUTO…SQRT are numpy.histogram_bin_edges rules. */
export type BinRule =
  /** numpy's 'auto': min(max(FD, SQRT / 2), STURGES) bin width. */
  | 'AUTO'
  /** Doane's rule, Sturges corrected for skewness. */
  | 'DOANE'
  /** Freedman–Diaconis: width 2·IQR·n^(-1/3). */
  | 'FD'
  /** One unit-wide bin per integer, centred on it; integer data only. */
  | 'INTEGER'
  /** Rice: 2·n^(1/3) bins. */
  | 'RICE'
  /** Scott's rule: width (24·√π / n)^(1/3)·σ. */
  | 'SCOTT'
  /** Square root: √n bins. */
  | 'SQRT'
  /** Stone: minimises an estimate of the integrated squared error. */
  | 'STONE'
  /** Sturges: log2(n) + 1 bins. */
  | 'STURGES';

/** Exactly one field must be set. */
export type BinsInput = {
  /** Number of equal-width bins (1–1000). */
  count?: number | null | undefined;
  /** Explicit edges, strictly increasing. */
  edges?: Array<number> | null | undefined;
  /** A rule that picks the bins. */
  rule?: BinRule | null | undefined;
  /** Bin width; edges are the multiples of the width that cover the data. */
  width?: number | null | undefined;
};

export type ImageFormat =
  /** image/png */
  | 'PNG'
  /** image/svg+xml, with the alt text in <desc> */
  | 'SVG';

/** The rendered image: size in pixels (100–4000) and format. */
export type ImageInput = {
  format?: ImageFormat;
  height?: number;
  width?: number;
};

/** Only values from min to max (inclusive) are counted. */
export type RangeInput = {
  max: number;
  min: number;
};

export type HistogramStatsQueryVariables = Exact<{
  data: Array<number> | number;
  bins?: BinsInput | null | undefined;
  range?: RangeInput | null | undefined;
  image?: ImageInput | null | undefined;
  title?: string | null | undefined;
  xlabel?: string | null | undefined;
  ylabel?: string | null | undefined;
}>;


export type HistogramStatsQuery = { histogram: { edges: Array<number>, counts: Array<number>, excluded: number, bins: Array<{ lower: number, upper: number, count: number, density: number, cumulativeCount: number }>, binning: { rule: BinRule | null, binCount: number, binWidth: number | null }, stats: { count: number, sum: number, min: number, max: number, mean: number, median: number, q1: number, q3: number, iqr: number, variance: number, stddev: number, skewness: number | null, kurtosis: number | null } } };

export type HistogramImageQueryVariables = Exact<{
  data: Array<number> | number;
  bins?: BinsInput | null | undefined;
  image?: ImageInput | null | undefined;
  title?: string | null | undefined;
  xlabel?: string | null | undefined;
  ylabel?: string | null | undefined;
}>;


export type HistogramImageQuery = { histogram: { dataUrl: string, counts: Array<number>, image: { dataUrl: string, mimeType: string, width: number, height: number, byteLength: number, altText: string } } };


export const HistogramStatsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HistogramStats"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"data"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Float"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"bins"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"BinsInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"range"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"RangeInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"image"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ImageInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"title"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"xlabel"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ylabel"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"histogram"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"data"},"value":{"kind":"Variable","name":{"kind":"Name","value":"data"}}},{"kind":"Argument","name":{"kind":"Name","value":"bins"},"value":{"kind":"Variable","name":{"kind":"Name","value":"bins"}}},{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"Variable","name":{"kind":"Name","value":"range"}}},{"kind":"Argument","name":{"kind":"Name","value":"image"},"value":{"kind":"Variable","name":{"kind":"Name","value":"image"}}},{"kind":"Argument","name":{"kind":"Name","value":"title"},"value":{"kind":"Variable","name":{"kind":"Name","value":"title"}}},{"kind":"Argument","name":{"kind":"Name","value":"xlabel"},"value":{"kind":"Variable","name":{"kind":"Name","value":"xlabel"}}},{"kind":"Argument","name":{"kind":"Name","value":"ylabel"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ylabel"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"}},{"kind":"Field","name":{"kind":"Name","value":"counts"}},{"kind":"Field","name":{"kind":"Name","value":"bins"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"density"}},{"kind":"Field","name":{"kind":"Name","value":"cumulativeCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"binning"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"binCount"}},{"kind":"Field","name":{"kind":"Name","value":"binWidth"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"sum"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"median"}},{"kind":"Field","name":{"kind":"Name","value":"q1"}},{"kind":"Field","name":{"kind":"Name","value":"q3"}},{"kind":"Field","name":{"kind":"Name","value":"iqr"}},{"kind":"Field","name":{"kind":"Name","value":"variance"}},{"kind":"Field","name":{"kind":"Name","value":"stddev"}},{"kind":"Field","name":{"kind":"Name","value":"skewness"}},{"kind":"Field","name":{"kind":"Name","value":"kurtosis"}}]}},{"kind":"Field","name":{"kind":"Name","value":"excluded"}}]}}]}}]} as unknown as DocumentNode<HistogramStatsQuery, HistogramStatsQueryVariables>;
export const HistogramImageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HistogramImage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"data"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Float"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"bins"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"BinsInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"image"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ImageInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"title"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"xlabel"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ylabel"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"histogram"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"data"},"value":{"kind":"Variable","name":{"kind":"Name","value":"data"}}},{"kind":"Argument","name":{"kind":"Name","value":"bins"},"value":{"kind":"Variable","name":{"kind":"Name","value":"bins"}}},{"kind":"Argument","name":{"kind":"Name","value":"image"},"value":{"kind":"Variable","name":{"kind":"Name","value":"image"}}},{"kind":"Argument","name":{"kind":"Name","value":"title"},"value":{"kind":"Variable","name":{"kind":"Name","value":"title"}}},{"kind":"Argument","name":{"kind":"Name","value":"xlabel"},"value":{"kind":"Variable","name":{"kind":"Name","value":"xlabel"}}},{"kind":"Argument","name":{"kind":"Name","value":"ylabel"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ylabel"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataUrl"}},{"kind":"Field","name":{"kind":"Name","value":"image"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataUrl"}},{"kind":"Field","name":{"kind":"Name","value":"mimeType"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}},{"kind":"Field","name":{"kind":"Name","value":"byteLength"}},{"kind":"Field","name":{"kind":"Name","value":"altText"}}]}},{"kind":"Field","name":{"kind":"Name","value":"counts"}}]}}]}}]} as unknown as DocumentNode<HistogramImageQuery, HistogramImageQueryVariables>;