import 'reflect-metadata';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { buildSchemaSync, type MiddlewareFn } from 'type-graphql';
import { ChartqlError } from '../errors.js';
import { HistogramResolver } from './HistogramResolver.js';

/**
 * Turns the service's own errors into GraphQL errors that carry the code, the argument at fault
 * and the HTTP status; anything else passes through to Apollo, which masks it.
 */
const chartqlErrors: MiddlewareFn = async (_action, next) => {
  try {
    return (await next()) as unknown;
  } catch (error) {
    if (error instanceof ChartqlError) throw toGraphQLError(error);
    throw error;
  }
};

export function toGraphQLError(error: ChartqlError): GraphQLError {
  return new GraphQLError(error.message, {
    originalError: error,
    extensions: {
      code: error.code,
      ...(error.param === undefined ? {} : { argument: error.param }),
      http: {
        status: error.status,
        ...(error.retryAfterSeconds === undefined
          ? {}
          : { headers: new Map([['retry-after', String(error.retryAfterSeconds)]]) }),
      },
    },
  });
}

let schema: GraphQLSchema | undefined;

/** The GraphQL schema, built once from the type-graphql classes. */
export function chartqlSchema(): GraphQLSchema {
  schema ??= buildSchemaSync({
    resolvers: [HistogramResolver],
    validate: false,
    globalMiddlewares: [chartqlErrors],
  });
  return schema;
}
