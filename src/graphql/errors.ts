import { GraphQLError } from 'graphql';
import type { MiddlewareFn } from 'type-graphql';
import { ChartqlError } from '../errors.js';

/**
 * Turns the service's own errors into GraphQL errors that carry the code, the argument at fault
 * and the HTTP status; anything else passes through to Apollo, which masks it.
 */
export const chartqlErrors: MiddlewareFn = async (_action, next) => {
  try {
    return (await next()) as unknown;
  } catch (error) {
    if (error instanceof ChartqlError) throw toGraphQLError(error);
    throw error;
  }
};

/** A catalogued error as a GraphQL error: code, argument at fault, HTTP status and Retry-After. */
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
