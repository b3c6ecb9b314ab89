import { afterEach, describe, expect, it } from 'vitest';
import { configureLogging, createLogger, DEFAULT_LOGGING_OPTIONS } from './logger.ts';

describe('createLogger', () => {
  const lines: string[] = [];
  afterEach(() => {
    lines.length = 0;
    configureLogging(DEFAULT_LOGGING_OPTIONS);
  });

  it('writes one JSON object per line with level, module, message and serialized errors', () => {
    configureLogging({ format: 'json', level: 'info', write: (l) => lines.push(l) });
    const error = new Error('boom', { cause: new Error('root') });
    createLogger('processor').warn('chunk failed', { chunk: 3, error });
    expect(lines).toHaveLength(1);
    const event = JSON.parse(lines[0] as string);
    expect(event).toMatchObject({ level: 'warn', module: 'processor', msg: 'chunk failed', chunk: 3 });
    expect(event.error).toMatchObject({ name: 'Error', message: 'boom', cause: { message: 'root' } });
    expect(event.error.stack).toContain('boom');
  });

  it('drops lines below the configured level and names child modules', () => {
    configureLogging({ format: 'json', level: 'warn', write: (l) => lines.push(l) });
    const log = createLogger('api');
    log.info('hidden');
    log.child('ws').error('shown');
    expect(lines.map((l) => JSON.parse(l).module)).toEqual(['api.ws']);
  });

  it('keeps terminal lines to one line, errors without stacks', () => {
    configureLogging({ format: 'pretty', level: 'debug', write: (l) => lines.push(l) });
    createLogger('simulate').error('Kafka unreachable', {
      attempt: 2,
      error: new Error('refused', { cause: new TypeError('x') }),
    });
    expect(lines[0]).toMatch(
      /ERROR simulate: Kafka unreachable attempt=2 error=Error: refused \(cause: TypeError: x\)$/,
    );
    expect(lines[0]).not.toContain('\n');
  });
});
