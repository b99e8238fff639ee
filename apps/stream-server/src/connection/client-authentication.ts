// The shared secrets of the two roles, checked in constant time, and a brake on guessing them: an
// address that sent `maxFailures` wrong (not missing) tokens within `windowMs` is refused until that window ends,
// over the WebSocket and over HTTP alike. Addresses are tracked in a bounded map (oldest dropped).
import { timingSafeEqual } from "node:crypto";
import type { ClientRole } from "@emotion-stream/core";

export interface RoleTokens {
  readonly producer?: string | undefined;
  readonly watcher?: string | undefined;
}

export interface AuthenticationLimits {
  readonly maxFailures: number;
  readonly windowMs: number;
  /** Addresses remembered at once; past it the oldest is forgotten. */
  readonly trackedAddresses: number;
}

export type TokenVerdict =
  | { readonly kind: "accepted" }
  | { readonly kind: "wrong" }
  | { readonly kind: "locked-out"; readonly retryAfterSeconds: number };

interface Failures {
  count: number;
  readonly windowStart: number;
}

export class ClientAuthentication {
  private readonly failures = new Map<string, Failures>();

  constructor(
    private readonly tokens: RoleTokens,
    private readonly limits: AuthenticationLimits,
  ) {}

  /** Whether any role has a token (HTTP routes are open when none does). */
  get enabled(): boolean {
    return this.tokens.producer !== undefined || this.tokens.watcher !== undefined;
  }

  requiresToken(role: ClientRole): boolean {
    return this.tokens[role] !== undefined;
  }

  /** Seconds until `address` may try again, when it is locked out now. */
  lockedOut(address: string, now: number): number | undefined {
    const entry = this.current(address, now);
    if (entry === undefined || entry.count < this.limits.maxFailures) return undefined;
    return Math.max(1, Math.ceil((entry.windowStart + this.limits.windowMs - now) / 1000));
  }

  /** Checks `given` against the tokens of `roles` (any of them); a role without a token accepts. */
  verify(
    roles: readonly ClientRole[],
    given: string | undefined,
    address: string,
    now: number,
  ): TokenVerdict {
    const retryAfterSeconds = this.lockedOut(address, now);
    if (retryAfterSeconds !== undefined) return { kind: "locked-out", retryAfterSeconds };
    const accepted = roles.some((role) => {
      const expected = this.tokens[role];
      return expected === undefined || sameSecret(expected, given);
    });
    if (accepted) return { kind: "accepted" };
    // A missing token is no guess (a client not configured for tokens); only wrong ones count.
    if (given !== undefined) this.recordFailure(address, now);
    return { kind: "wrong" };
  }

  private current(address: string, now: number): Failures | undefined {
    const entry = this.failures.get(address);
    if (entry !== undefined && now - entry.windowStart >= this.limits.windowMs) {
      this.failures.delete(address);
      return undefined;
    }
    return entry;
  }

  private recordFailure(address: string, now: number): void {
    const entry = this.current(address, now);
    if (entry !== undefined) {
      entry.count++;
      return;
    }
    if (this.failures.size >= this.limits.trackedAddresses) {
      const oldest = this.failures.keys().next().value;
      if (oldest !== undefined) this.failures.delete(oldest);
    }
    this.failures.set(address, { count: 1, windowStart: now });
  }
}

function sameSecret(expected: string, given: string | undefined): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given ?? "");
  return a.length === b.length && timingSafeEqual(a, b);
}
