import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { MiddlewareFn } from 'type-graphql';
import { ChartqlError, ERROR_CATALOGUE } from '../errors.js';

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

/** Errors Apollo reports without a code, or as a server error, that are the client's doing. */
const CLIENT_ERRORS = [
  'Schema is not configured to execute',
  'provided sha does not match query',
  'Unsupported persisted query version',
];

/**
 * The last word on every GraphQL error sent: the service's own codes and Apollo's client errors
 * pass through; Apollo's mislabelled client errors become BAD_REQUEST; anything else unexpected
 * is logged in full and masked, so no internal detail reaches a client.
 */
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  if (formatted.extensions?.['code'] !== 'INTERNAL_SERVER_ERROR') return formatted;
  if (CLIENT_ERRORS.some((prefix) => formatted.message.startsWith(prefix))) {
    return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_REQUEST' } };
  }
  console.error('unexpected GraphQL error', error);
  return {
    message: ERROR_CATALOGUE.INTERNAL_SERVER_ERROR.description,
    ...(formatted.path === undefined ? {} : { path: formatted.path }),
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

/**
 * An operation that failed as a whole for a client error (no data at all, a BAD_REQUEST error)
 * is answered 400, not 200.
 */
export const clientErrorStatus: ApolloServerPlugin = {
  requestDidStart() {
    return Promise.resolve({
      willSendResponse({ response }) {
        if (response.body.kind !== 'single') return Promise.resolve();
        const { data, errors } = response.body.singleResult;
        const unset = response.http.status === undefined || response.http.status === 200;
        const badRequest = errors?.some((error) => error.extensions?.['code'] === 'BAD_REQUEST');
        if (unset && data == null && badRequest === true) {
          response.http.status = 400;
        }
        return Promise.resolve();
      },
    });
  },
};
