import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { MiddlewareFn } from 'type-graphql';
import { ChartqlError, ERROR_CATALOGUE, type ErrorCode } from '../errors.js';
import type { GraphQLContext } from './rendering.js';

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

/** The HTTP status an error code stands for: the catalogue's, else Apollo's client errors are 400s. */
function statusOf(code: unknown): number {
  if (typeof code === 'string' && code in ERROR_CATALOGUE) {
    return ERROR_CATALOGUE[code as ErrorCode].status;
  }
  return code === 'INTERNAL_SERVER_ERROR' ? 500 : 400;
}

/** An error Apollo would call a server error that is neither ours nor a known client error. */
function isUnexpected(formatted: GraphQLFormattedError): boolean {
  return (
    formatted.extensions?.['code'] === 'INTERNAL_SERVER_ERROR' &&
    !CLIENT_ERRORS.some((prefix) => formatted.message.startsWith(prefix))
  );
}

/**
 * The last word on every GraphQL error sent: the code stays in `extensions.code` and the HTTP
 * status it stands for goes in `extensions.http`; Apollo's mislabelled client errors become
 * BAD_REQUEST; anything else unexpected is masked (the plugin below logs it in full).
 */
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error?: unknown,
): GraphQLFormattedError {
  let code = formatted.extensions?.['code'];
  if (code === 'INTERNAL_SERVER_ERROR' && !isUnexpected(formatted)) code = 'BAD_REQUEST';
  if (isUnexpected(formatted)) {
    return {
      message: ERROR_CATALOGUE.INTERNAL_SERVER_ERROR.description,
      ...(formatted.path === undefined ? {} : { path: formatted.path }),
      extensions: { code: 'INTERNAL_SERVER_ERROR', http: { status: 500 } },
    };
  }
  // Apollo's own errors may carry their status (a mutation over GET is a 405); it strips it
  // from the response, so it is put back here.
  const own =
    error instanceof GraphQLError ? (error.extensions['http'] as { status?: unknown }) : undefined;
  const status = typeof own?.status === 'number' ? own.status : statusOf(code);
  return { ...formatted, extensions: { ...formatted.extensions, code, http: { status } } };
}

/**
 * Per operation: unexpected errors are logged in full with the request id; every error code
 * sent is recorded in the rejected-requests metric; and an operation that failed as a whole for
 * a client error (no data at all, a BAD_REQUEST error) is answered 400, not 200.
 */
export const graphqlErrorsPlugin: ApolloServerPlugin<GraphQLContext> = {
  requestDidStart() {
    return Promise.resolve({
      didEncounterErrors({ contextValue, errors }) {
        for (const error of errors) {
          const code = error.extensions['code'] ?? 'INTERNAL_SERVER_ERROR';
          if (isUnexpected({ message: error.message, extensions: { code } })) {
            contextValue.log.error(
              { err: error.originalError ?? error },
              'unexpected GraphQL error',
            );
          }
        }
        return Promise.resolve();
      },
      willSendResponse({ contextValue, response }) {
        if (response.body.kind !== 'single') return Promise.resolve();
        const { data, errors } = response.body.singleResult;
        const codes = new Set(errors?.map((error) => String(error.extensions?.['code'])));
        for (const code of codes) contextValue.reject(code);
        const unset = response.http.status === undefined || response.http.status === 200;
        if (unset && data == null && codes.has('BAD_REQUEST')) response.http.status = 400;
        return Promise.resolve();
      },
    });
  },
};
