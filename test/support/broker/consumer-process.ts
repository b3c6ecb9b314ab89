/**
 * A kafkajs group member in its own process, so a test can kill it with SIGKILL (no LeaveGroup,
 * no clean close) and watch the broker evict it after its session timeout. Configured through
 * the environment; reports to the parent over IPC: `joined` on each group join, `message` for every
 * message, sent before kafkajs may commit it (so a commit never covers an unreported message).
 */
import { Kafka, logLevel } from 'kafkajs';

const { BOOTSTRAP = '', GROUP = '', TOPIC = '', CLIENT_ID = 'child', SESSION_TIMEOUT = '3000' } = process.env;

function report(message: object): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) throw new Error('consumer-process must be started with an IPC channel');
    process.send(message, () => resolve());
  });
}

const kafka = new Kafka({
  clientId: CLIENT_ID,
  brokers: [BOOTSTRAP],
  logLevel: logLevel.NOTHING,
  retry: { initialRetryTime: 50, maxRetryTime: 1000, retries: 10 },
});
const consumer = kafka.consumer({
  groupId: GROUP,
  sessionTimeout: Number(SESSION_TIMEOUT),
  rebalanceTimeout: 20_000,
  heartbeatInterval: 200,
  maxWaitTimeInMs: 250,
});
consumer.on(
  consumer.events.GROUP_JOIN,
  ({ payload }) => void report({ type: 'joined', memberId: payload.memberId }),
);
await consumer.connect();
await consumer.subscribe({ topic: TOPIC, fromBeginning: true });
await consumer.run({
  autoCommitInterval: 100,
  eachMessage: async ({ partition, message }) => {
    await report({
      type: 'message',
      partition,
      offset: Number(message.offset),
      value: String(message.value),
    });
  },
});
