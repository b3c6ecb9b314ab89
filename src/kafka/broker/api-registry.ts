/**
 * The APIs this broker serves. ApiVersions answers from here, so what is advertised is exactly
 * what is implemented: every key as [0, highest implemented version]. The minimum is 0 although
 * only the highest version is implemented, because librdkafka enables features (record batches v2,
 * the group consumer) only when the advertised ranges overlap old versions; both clients then pick
 * the highest version, which is the implemented one.
 */
import type { ApiDefinition, ServedVersion } from './api-definition.ts';

export interface AdvertisedApi {
  readonly apiKey: number;
  readonly minVersion: number;
  readonly maxVersion: number;
}

export class ApiRegistry {
  private readonly byKey = new Map<number, ApiDefinition>();
  readonly advertised: readonly AdvertisedApi[];

  constructor(apis: readonly ApiDefinition[]) {
    for (const api of apis) {
      if (this.byKey.has(api.key)) throw new Error(`API key ${api.key} registered twice`);
      this.byKey.set(api.key, api);
    }
    this.advertised = Object.freeze(
      [...this.byKey.values()]
        .sort((a, b) => a.key - b.key)
        .map((api) => ({ apiKey: api.key, minVersion: 0, maxVersion: Math.max(...versionsOf(api)) })),
    );
  }

  /** The handler for `apiKey` at `version`, or undefined when it is not served. */
  lookup(apiKey: number, version: number): { api: ApiDefinition; served: ServedVersion } | undefined {
    const api = this.byKey.get(apiKey);
    if (!api) return undefined;
    const served = api.versions[version] ?? api.otherVersions;
    return served ? { api, served } : undefined;
  }

  definition(apiKey: number): ApiDefinition | undefined {
    return this.byKey.get(apiKey);
  }
}

function versionsOf(api: ApiDefinition): number[] {
  return Object.keys(api.versions).map(Number);
}
