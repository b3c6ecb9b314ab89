/** ServeConfig → what `startServer` takes: the store layout the processors use, API and hub options. */
import { DEFAULT_API_OPTIONS } from '../../api/api-options.ts';
import type { ServerSettings } from '../../api/start-server.ts';
import { DEFAULT_HUB_OPTIONS } from '../../api/ws/hub-options.ts';
import type { ServeConfig } from '../../config/serve-config.ts';
import { DEFAULT_OPTIMIZER_OPTIONS } from '../../optimizer/optimizer-options.ts';
import { storeOptionsFrom } from '../../store/store-options.ts';

export const PACKAGE_VERSION = '0.1.0';

/** Settings of one serve instance from its configuration. */
export function serverSettingsFrom(config: ServeConfig): ServerSettings {
  return {
    redisUrl: config.redisUrl,
    store: storeOptionsFrom(config),
    host: config.host,
    port: config.port,
    processMetrics: true,
    api: {
      ...DEFAULT_API_OPTIONS,
      token: config.token,
      allowedOrigins: config.allowedOrigins,
      rateLimit: config.rateLimit,
      dashboardDir: config.dashboardDir,
      version: PACKAGE_VERSION,
      optimizer: {
        ...DEFAULT_OPTIMIZER_OPTIONS,
        tariff: {
          currency: config.currency,
          offPeak: config.tariffOffPeak,
          shoulder: config.tariffShoulder,
          onPeak: config.tariffOnPeak,
          peakHours: config.tariffPeakHours,
          offPeakHours: config.tariffOffPeakHours,
          timeZone: config.timeZone,
        },
      },
    },
    hub: {
      ...DEFAULT_HUB_OPTIONS,
      tickMs: config.tickMs,
      maxClients: config.wsMaxClients,
      maxBufferBytes: config.wsMaxBufferBytes,
      pingMs: config.wsPingMs,
      // a heartbeat lapse shows within one poll; a quarter interval keeps detection inside 3 heartbeats + 0.5 s
      producerPollMs: Math.min(500, Math.max(50, Math.floor(config.heartbeatIntervalMs / 4))),
    },
  };
}
