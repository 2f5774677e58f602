import type { FastifyReply, FastifyRequest } from 'fastify';
import { touchSessionIfDue } from './session-list.js';

/**
 * onSend hook: a signed-in request that succeeded updates its session's "last seen" (at most
 * every LAST_SEEN_STEP_MS). Only successes count, and before the answer leaves: a refused
 * request writes nothing, and a client that got its answer sees the write.
 */
export async function recordSessionSeen(
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  if (request.session === null || reply.statusCode >= 400) return;
  await touchSessionIfDue(request.server.db, request.session);
}
