/** The app's single live connection: one `LiveSocket` feeding one `LiveStore`, started once. */
import { DEFAULT_LIVE_SOCKET_OPTIONS, LiveSocket, type SocketLike } from './live-socket.ts';
import { LiveStore } from './live-store.ts';
import { getToken, onTokenChange } from './token.ts';

export const liveStore = new LiveStore();

function wsUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}/ws`;
}

export const liveSocket = new LiveSocket(
  {
    ...DEFAULT_LIVE_SOCKET_OPTIONS,
    url: wsUrl(),
    createSocket: (url) => new WebSocket(url) as unknown as SocketLike,
    token: getToken,
  },
  {
    onMessage: (message) => liveStore.handle(message),
    onConnection: (info) => liveStore.setConnection(info),
  },
);

onTokenChange(() => liveSocket.reconnectNow());

// Until a tab asks for a page of sensors (the Sensors tab does), the smallest view: the server then
// sends stats, producers and alerts, and one sensor instead of a page per tick.
liveSocket.setFilter({ limit: 1 });
