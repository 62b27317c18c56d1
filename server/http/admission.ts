import type { FastifyReply } from 'fastify';

/**
 * Admission control for the kiosks' writes: at most `limit` requests in work at once (sized from
 * the database's connections). One more is answered at once with 503 and a Retry-After of a few
 * seconds, spread at random, before its body is read: a district's kiosks coming back together
 * queue on their own clocks instead of in the server's memory, and everything else stays quick.
 */
export class Admission {
  private inWork = 0;

  constructor(
    readonly limit: number,
    private readonly random: () => number = Math.random,
  ) {}

  /** Takes a place until the reply is over (sent, or the connection gone); false when none is free. */
  enter(reply: FastifyReply): boolean {
    if (this.inWork >= this.limit) return false;
    this.inWork++;
    let left = false;
    const leave = () => {
      if (left) return;
      left = true;
      this.inWork--;
    };
    reply.raw.once('finish', leave);
    reply.raw.once('close', leave);
    return true;
  }

  /** Seconds to wait before trying again: 1 to 4, at random, so the herd does not come back as one. */
  retryAfterSeconds(): number {
    return 1 + Math.floor(this.random() * 4);
  }

  get busy(): number {
    return this.inWork;
  }
}
