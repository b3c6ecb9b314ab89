export * from './api-error.ts';
export * from './rest.ts';
export * from './sensor.ts';
export * from './sensor-filter.ts';
export * from './suggestion.ts';
export * from './ws-messages.ts';
