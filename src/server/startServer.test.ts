import { connect } from 'node:net';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { startServer } from './startServer.js';

describe('startServer', () => {
  it('drops a client that never finishes its headers, instead of holding the socket', async () => {
    const app = new Hono().get('/', (c) => c.text('ok'));
    const server = await startServer(app, '127.0.0.1', 0, { headersMs: 300, requestMs: 600 });
    try {
      const reply = await new Promise<string>((resolve) => {
        let data = '';
        const socket = connect(server.port, '127.0.0.1', () => socket.write('GET / HTTP/1.1\r\nHost: x\r\n'));
        socket.on('data', (d) => {
          data += d;
        });
        socket.on('close', () => resolve(data));
      });
      expect(reply).toMatch(/^HTTP\/1\.1 408/);
      expect(await (await fetch(`${server.url}/`)).text()).toBe('ok');
    } finally {
      await server.close();
    }
  });
});
