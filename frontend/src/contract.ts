/** The server's wire contract (types and a few constants), the only thing the dashboard shares with it. */
export * from '../../src/api/contract/index.ts';
