import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from '@apollo/server/plugin/landingPage/default';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { Server } from 'node:http';
import type { Config } from '../config.js';
import { LIMITS } from '../core/limits.js';
import { formatGraphQLError, graphqlErrorsPlugin } from './errors.js';
import type { GraphQLContext } from './rendering.js';
import { chartqlSchema } from './schema.js';

/**
 * A GraphQL operation may list every value inline; each value is a token or two, so the token
 * limit follows the value limit.
 */
const MAX_TOKENS = LIMITS.maxValues * 2 + 10_000;

export interface ApolloOptions {
  /** Where persisted queries are kept: Redis when replicas share one, else Apollo's own LRU. */
  readonly cache?: KeyValueCache | undefined;
  /** The server to drain on stop. */
  readonly httpServer?: Server | undefined;
}

/** The GraphQL server with every limit of the service; not started. */
export function createApolloServer(
  config: Config,
  options: ApolloOptions,
): ApolloServer<GraphQLContext> {
  // Depth, alias, directive and cost limits; token limits stay with Apollo's parser, where a
  // syntax error remains a 400 (graphql-armor's token limit turns it into a 500).
  const armor = new ApolloArmor({
    maxDepth: { n: config.graphqlMaxDepth },
    maxAliases: { n: config.graphqlMaxAliases },
    maxDirectives: { n: 50 },
    costLimit: { maxCost: config.graphqlMaxCost },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: config.production },
  }).protect();
  return new ApolloServer<GraphQLContext>({
    schema: chartqlSchema(),
    introspection: config.introspection,
    parseOptions: { maxLexicalTokens: MAX_TOKENS },
    validationRules: armor.validationRules,
    allowBatchedHttpRequests: false,
    // Persisted queries: shared by replicas when Redis is configured, else Apollo's bounded LRU.
    ...(options.cache === undefined ? {} : { cache: options.cache }),
    formatError: formatGraphQLError,
    // main.ts owns the signals: Apollo would stop itself and then re-raise SIGTERM (exit 143).
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: !config.production,
    plugins: [
      graphqlErrorsPlugin,
      ...(options.httpServer === undefined
        ? []
        : [
            ApolloServerPluginDrainHttpServer({
              httpServer: options.httpServer,
              stopGracePeriodMillis: config.shutdownGraceMs,
            }),
          ]),
      // graphql-armor is typed against Apollo's CommonJS build; the plugins are the same at runtime.
      ...(armor.plugins as unknown as ApolloServerPlugin<GraphQLContext>[]),
      // Per-field cache hints cost time on every field and nothing here uses them.
      ApolloServerPluginCacheControlDisabled(),
      config.introspection
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true, footer: false })
        : ApolloServerPluginLandingPageProductionDefault({ footer: false }),
    ],
  });
}
