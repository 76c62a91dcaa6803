import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { HistogramResolver } from './HistogramResolver.js';
import { PieResolver } from './PieResolver.js';
import { ScatterResolver } from './ScatterResolver.js';

let schema: GraphQLSchema | undefined;

/** The GraphQL schema, built once from the type-graphql classes. */
export function chartqlSchema(): GraphQLSchema {
  schema ??= buildSchemaSync({
    resolvers: [HistogramResolver, ScatterResolver, PieResolver],
    validate: false,
  });
  return schema;
}
