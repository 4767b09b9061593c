import type { TestProject } from 'vitest/node';
import { startRedisCluster } from '../../scripts/lib/redis-cluster.js';

/**
 * The `redis-cluster` project's global setup: a Redis Cluster of three masters of its own for the
 * project's files, which startHarness hands to the BFF as `redis-cluster://…` (docs/production.md,
 * Redis Cluster). The same test files as the `api` project, on a cluster instead of one Redis.
 */
export default async function setup(project: TestProject) {
  const cluster = await startRedisCluster(3);
  project.provide('redisClusterUrl', cluster.url);
  return cluster.stop;
}

declare module 'vitest' {
  export interface ProvidedContext {
    redisClusterUrl?: string;
  }
}
