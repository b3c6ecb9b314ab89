import { startServer } from '../../api/start-server.ts';
import { SERVE_SETTINGS } from '../../config/serve-config.ts';
import { createLogger } from '../../log/logger.ts';
import { defineCommand } from '../command.ts';
import { awaitShutdown } from '../shutdown.ts';
import { serverSettingsFrom } from './serve-settings.ts';

export const serveCommand = defineCommand({
  name: 'serve',
  summary: 'REST API, live WebSocket, dashboard and /metrics (stateless; scale behind a load balancer)',
  description:
    'Serves the dashboard, the REST API, the /ws WebSocket and Prometheus /metrics from the state the ' +
    'processors keep in Redis. Stateless: run several behind a load balancer. Set API_TOKEN to guard every ' +
    'endpoint (acknowledging alerts always needs it). SIGINT or SIGTERM closes WebSocket clients with 1001 ' +
    'and stops.',
  settings: SERVE_SETTINGS,
  positionals: [],
  run: async (config, _args, io) => {
    const log = createLogger('serve');
    const settings = serverSettingsFrom(config);
    let server: Awaited<ReturnType<typeof startServer>>;
    try {
      server = await startServer(settings);
    } catch (error) {
      io.stderr(`wattwatch serve: cannot start: ${(error as Error).message}\n`);
      return 1;
    }
    const shutdown = awaitShutdown();
    log.info('serving', {
      url: server.url,
      auth: config.token === '' ? 'reads open, changes disabled' : 'bearer token',
      allowed_origins: config.allowedOrigins,
      dashboard: settings.api.dashboardDir,
      tick_ms: config.tickMs,
    });
    io.stdout(`wattwatch serve: ${server.url}\n`);
    const signal = await shutdown.received;
    log.info('stopping', { signal, clients: server.hub.clientCount });
    await server.close();
    shutdown.dispose();
    log.info('stopped');
    return 0;
  },
});
