import * as net from 'net';

/**
 * A mail server on 127.0.0.1 for a test: it accepts every message the server under test sends
 * (Playwright's webServer sends through SMTP_HOST=127.0.0.1, SMTP_PORT=E2E_SMTP_PORT) and keeps
 * it, decoded. The admins' outbox never shows a reset link: only the mail carries it.
 */
export class FakeSmtp {
  readonly port = Number(process.env.E2E_SMTP_PORT ?? '3125');
  private readonly messages: string[] = [];
  private readonly sockets = new Set<net.Socket>();
  private readonly server = net.createServer((socket) => {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    this.session(socket);
  });

  async start() {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.port, '127.0.0.1', () => resolve());
    });
  }

  async stop() {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  /** The newest message to `to` whose text matches `pattern`, waiting up to 15 s. */
  async waitFor(to: string, pattern: RegExp): Promise<string> {
    const started = Date.now();
    while (Date.now() - started < 15_000) {
      const found = this.messages.filter((m) => m.includes(`To: ${to}`) && pattern.test(m)).pop();
      if (found) return found;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no message to ${to} matching ${pattern} within 15 s`);
  }

  private session(socket: net.Socket) {
    let buffer = '';
    let data: string[] | null = null;
    socket.setEncoding('utf8');
    socket.on('error', () => socket.destroy());
    socket.write('220 fake ESMTP\r\n');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (data) {
          if (line === '.') {
            this.messages.push(decode(data.join('\r\n')));
            data = null;
            socket.write('250 queued\r\n');
          } else {
            data.push(line.startsWith('..') ? line.slice(1) : line);
          }
          continue;
        }
        const verb = line.split(' ')[0].toUpperCase();
        if (verb === 'DATA') {
          data = [];
          socket.write('354 go ahead\r\n');
        } else if (verb === 'QUIT') {
          socket.end('221 bye\r\n');
        } else {
          socket.write(verb === 'EHLO' || verb === 'HELO' ? '250 fake\r\n' : '250 ok\r\n');
        }
      }
    });
  }
}

/** A message with its body decoded from quoted-printable or base64, headers kept. */
function decode(message: string): string {
  const split = message.indexOf('\r\n\r\n');
  const headers = split < 0 ? message : message.slice(0, split);
  const body = split < 0 ? '' : message.slice(split + 4);
  const encoding = /^Content-Transfer-Encoding:\s*(\S+)/im.exec(headers)?.[1]?.toLowerCase();
  let text = body;
  if (encoding === 'quoted-printable') {
    const bytes = body
      .replace(/=\r\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    text = Buffer.from(bytes, 'latin1').toString('utf8');
  } else if (encoding === 'base64') {
    text = Buffer.from(body.replace(/\s/g, ''), 'base64').toString('utf8');
  }
  return `${headers}\r\n\r\n${text}`;
}
