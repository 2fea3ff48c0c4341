// Evidence files over HTTP: the download route GET /files/evidence/:id (for the Node server and for
// in-process Fetch requests alike), and a yoga plugin that refuses oversized uploads before their body
// is read.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { Config } from './config.ts';
import type { EvidenceUploads, SessionPolicy } from './context.ts';
import { localFileStore } from './services/file-store.ts';
import { bearerToken, viewerForToken } from './services/sessions.ts';

/**
 * Headroom over the file size limit for the rest of a multipart request (operations, map, boundaries),
 * and the size limit of each of its parts other than the file.
 */
export const multipartOverhead = 1024 * 1024;

const routePattern = /^\/files\/evidence\/(\d{1,10})$/;

interface Reply {
  status: number;
  headers: Record<string, string>;
  /** The stored file to send as the body. */
  sha256?: string;
  body?: string;
}

function jsonReply(status: number, message: string, headers: Record<string, string> = {}): Reply {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
    body: JSON.stringify({ error: message }),
  };
}

/** An ASCII stand-in for a file name, for clients that ignore filename*: "Báo cáo.pdf" → "Bao cao.pdf". */
export function asciiFileName(name: string): string {
  return name
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7E]|["\\%]/g, '_');
}

/** Content-Disposition for a download, with the exact UTF-8 name per RFC 6266 / RFC 5987. */
export function contentDisposition(name: string): string {
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFileName(name)}"; filename*=UTF-8''${encoded}`;
}

export interface EvidenceFilesOptions {
  prisma: PrismaClient;
  config: Pick<Config, 'filesDir' | 'maxUploadBytes'>;
  now: () => Date;
  sessionPolicy: SessionPolicy;
  logger?: Logger;
}

export interface EvidenceFiles {
  /** The file store and size limit, for the request context. */
  uploads: EvidenceUploads;
  /** Refuses multipart requests whose Content-Length is over the limit (413) before reading them. */
  plugin: Plugin;
  /** Whether a request path is the download route's. */
  serves(pathname: string | undefined): boolean;
  /** The download route for a Fetch API request. */
  fetch(request: Request): Promise<Response>;
  /** The download route for the Node HTTP server. */
  handle(req: IncomingMessage, res: ServerResponse): void;
}

export function evidenceFiles({ prisma, config, now, sessionPolicy, logger }: EvidenceFilesOptions): EvidenceFiles {
  const store = localFileStore(config.filesDir);
  const uploads: EvidenceUploads = { store, maxBytes: config.maxUploadBytes };
  const requestLimit = config.maxUploadBytes + multipartOverhead;

  /** One answer for both transports: who asks, for what, and what to send back. */
  async function reply(method: string, pathname: string, authorization: string | null): Promise<Reply> {
    if (method !== 'GET' && method !== 'HEAD') return jsonReply(405, 'Use GET', { allow: 'GET, HEAD' });
    const token = bearerToken(authorization);
    const viewer = token ? await viewerForToken(prisma, token, now(), sessionPolicy) : null;
    if (!viewer) return jsonReply(401, 'Sign in first', { 'www-authenticate': 'Bearer' });
    const id = Number(routePattern.exec(pathname)?.[1]);
    const evidence =
      Number.isSafeInteger(id) && id >= 1 && id <= 2_147_483_647
        ? await prisma.evidence.findUnique({
            where: { id },
            select: { kind: true, fileSha256: true, mimeType: true, fileName: true },
          })
        : null;
    if (!evidence || evidence.kind !== 'FILE' || !evidence.fileSha256) {
      return jsonReply(404, 'No such evidence file');
    }
    const size = await store.size(evidence.fileSha256);
    if (size === null) {
      logger?.error({ evidenceId: id, sha256: evidence.fileSha256 }, 'evidence file missing from the store');
      return jsonReply(404, `The file of Evidence:${id} is missing`);
    }
    return {
      status: 200,
      sha256: evidence.fileSha256,
      headers: {
        'content-type': evidence.mimeType ?? 'application/octet-stream',
        'content-length': String(size),
        'content-disposition': contentDisposition(evidence.fileName ?? 'file'),
        'x-content-type-options': 'nosniff',
        'content-security-policy': 'sandbox',
        'cache-control': 'private, no-store',
      },
    };
  }

  return {
    uploads,
    plugin: {
      onRequest({ request, endResponse, fetchAPI }) {
        if (request.method !== 'POST') return;
        if (!/^multipart\/form-data/i.test(request.headers.get('content-type') ?? '')) return;
        const length = Number(request.headers.get('content-length'));
        if (!Number.isFinite(length) || length <= requestLimit) return;
        const megabytes = Math.round(config.maxUploadBytes / 1024 / 1024);
        const message = `The upload is larger than ${megabytes} MB`;
        endResponse(
          new fetchAPI.Response(
            JSON.stringify({
              errors: [{ message, extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'file', message }] } }],
            }),
            { status: 413, headers: { 'content-type': 'application/json; charset=utf-8', connection: 'close' } },
          ),
        );
      },
    },

    serves: (pathname) => pathname !== undefined && pathname.startsWith('/files/evidence/'),

    async fetch(request) {
      let answer: Reply;
      try {
        answer = await reply(request.method, new URL(request.url).pathname, request.headers.get('authorization'));
      } catch (error) {
        logger?.error({ err: error }, 'evidence download failed');
        answer = jsonReply(500, 'Unexpected error');
      }
      const body =
        answer.sha256 && request.method === 'GET'
          ? (Readable.toWeb(store.read(answer.sha256)) as ReadableStream<Uint8Array>)
          : request.method === 'HEAD'
            ? null
            : (answer.body ?? null);
      return new Response(body, { status: answer.status, headers: answer.headers });
    },

    handle(req, res) {
      const method = req.method ?? 'GET';
      const pathname = (req.url ?? '/').split('?')[0] as string;
      reply(method, pathname, req.headers.authorization ?? null)
        .then(async (answer) => {
          res.writeHead(answer.status, answer.headers);
          if (method === 'HEAD') res.end();
          else if (answer.sha256) await pipeline(store.read(answer.sha256), res);
          else res.end(answer.body);
        })
        .catch((error: unknown) => {
          logger?.error({ err: error }, 'evidence download failed');
          if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
          res.end();
        });
    },
  };
}
