import { SERVE_SETTINGS } from '../../config/serve-config.ts';
import { defineCommand, notBuiltYet } from '../command.ts';

export const serveCommand = defineCommand({
  name: 'serve',
  summary: 'REST API, live WebSocket, dashboard and /metrics (stateless; scale behind a load balancer)',
  description:
    'Serves the dashboard, the REST API, the /ws WebSocket and Prometheus /metrics from the state the ' +
    'processors keep in Redis. Stateless: run several behind a load balancer.',
  settings: SERVE_SETTINGS,
  positionals: [],
  run: notBuiltYet('serve', 7),
});
