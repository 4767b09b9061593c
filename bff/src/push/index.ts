import type { Module } from '../module.js';
import { deliverPush } from './deliver.js';
import { pushRoutes } from './routes.js';

/** Subscribe messages: credits from the app's accepts, an outbox the events write, a worker that delivers. */
export const pushModule: Module = { name: 'push', routes: pushRoutes, jobs: [deliverPush] };
